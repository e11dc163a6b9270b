"""Readers: turn a corpus file (.txt in any Chinese encoding, or .docx) into lines.

`read_lines(path)` is the one entry point for files; `lines_from_text(text)`
does the same for text already in memory. Every problem with the input is a
DrafterError with a Chinese message and the path.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError, os_reason
from drafter.model import Line, Notice
from drafter.reading.decoding import decode_text
from drafter.reading.text_lines import lines_from_text, strip_edges

__all__ = ["ReadFile", "read_file", "read_lines", "decode_text", "lines_from_text", "strip_edges", "file_format"]

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc, WPS .wps, .xls
_DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
_OLD_WORD_SUFFIXES = {".doc", ".dot", ".wps", ".wpt"}

_SAVE_AS_DOCX = "请在 Word 或 WPS 中打开，“另存为”Word 文档（.docx）后再试"


def file_format(data: bytes, suffix: str = "") -> str:
    """'docx' or 'text' from the content (and the name); DrafterError for
    formats drafter does not read (.doc, RTF, PDF, a .docx that is not one)."""
    suffix = suffix.lower()
    if data.startswith(_OLE_MAGIC):
        raise DrafterError(f"这是旧版 Word（.doc）或 WPS 文件，无法直接读取，{_SAVE_AS_DOCX}")
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if data.lstrip().startswith(b"{\\rtf"):
        raise DrafterError(f"这是 RTF 文件，无法直接读取，{_SAVE_AS_DOCX}")
    if data.startswith(b"%PDF-"):
        raise DrafterError("这是 PDF 文件，暂不支持；请把文字复制到记事本另存为 .txt，或另存为 .docx")
    if suffix in _DOCX_SUFFIXES:
        raise DrafterError(f"扩展名是 {suffix}，但内容不是 Word 文档（文件已损坏或改过扩展名）")
    if suffix in _OLD_WORD_SUFFIXES:
        raise DrafterError(f"{suffix} 文件无法直接读取，{_SAVE_AS_DOCX}")
    return "text"


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise DrafterError("文件不存在", path=str(path))
    if path.is_dir():
        raise DrafterError("这是一个文件夹，不是文件", path=str(path))
    try:
        return path.read_bytes()
    except PermissionError:
        raise DrafterError("没有权限读取该文件", path=str(path)) from None
    except OSError as error:
        raise DrafterError(f"无法读取该文件（{os_reason(error)}）", path=str(path)) from None


@dataclass
class ReadFile:
    lines: list[Line]
    format: str  # "docx" or "text"
    data: bytes  # the file's bytes, as read once
    notices: list[Notice] = field(default_factory=list)  # what the reader left out (text boxes, footnotes)


def read_lines(path: str | os.PathLike) -> list[Line]:
    """Non-blank, edge-stripped lines of a .txt or .docx file, with line
    (or paragraph) numbers and, for .docx headings, `style_level`."""
    return read_file(path).lines


def read_file(path: str | os.PathLike) -> ReadFile:
    """read_lines(), with the file's format and bytes (the file is read once)."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        if not data:
            raise DrafterError("文件是空的")
        fmt = file_format(data, path.suffix)
        if fmt == "docx":
            from drafter.reading.docx_reader import read_docx

            lines, notices = read_docx(data)
            if not lines:
                raise DrafterError("Word 文档中没有文字")
        else:
            text, _encoding = decode_text(data)
            lines, notices = lines_from_text(text), []
            if not lines:
                raise DrafterError("文件是空的（只有空白字符）")
    except DrafterError as error:
        if error.path is None:
            error.path = str(path)
        raise
    return ReadFile(lines, fmt, data, notices)
