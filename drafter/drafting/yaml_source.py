"""Read a fill file into YAML nodes that remember their line and column.

The nodes (yaml.compose) let every later error name the exact line of the
key or value at fault. Syntax errors are turned into one Chinese line.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter.characters import XML_INVALID
from drafter.errors import DrafterError


# PyYAML's messages, in the words a user of Word understands.
_PROBLEMS = (
    ("mapping values are not allowed", "此处不能出现“键: 值”（多半是缩进不对，或值中含有“: ”需要加引号）"),
    ("found character '\\t'", "不能用 Tab 键缩进，请改用空格"),
    ("could not find expected ':'", "缺少半角冒号“:”"),
    ("found unexpected end of stream", "引号没有配对（文件在引号内结束）"),
    ("found unknown escape character", "双引号内有无法识别的反斜杠转义，请改用单引号或去掉反斜杠"),
    ("expected <block end>", "缩进不一致，请检查本行与上一级的对齐"),
    ("did not find expected key", "缩进不一致，请检查本行与上一级的对齐"),
    ("did not find expected '-' indicator", "列表项缩进不一致"),
    ("expected ',' or ']'", "方括号 [ ] 没有配对"),
    ("expected ',' or '}'", "花括号 { } 没有配对"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("found duplicate anchor", "锚点（&名称）重复"),
    ("expected alphabetic or numeric character", "“&”或“*”后应是锚点名称，如需原样使用请给值加引号"),
    ("found character that cannot start any token", "此处的字符不能作为值的开头，请给值加引号"),
    ("cannot start any token", "此处的字符不能作为值的开头（如 @ 或 `），请给值加引号"),
)


@dataclass
class SourceText:
    """The decoded fill file and what was cleaned from it before parsing."""

    path: str
    text: str
    warnings: list[tuple[int | None, str]] = field(default_factory=list)


def read_source(path: str | os.PathLike) -> SourceText:
    """Decode the file (UTF-8, or GB18030 as saved by Windows Notepad) and strip
    characters YAML cannot read, with a warning per line."""
    file = Path(path)
    shown = str(path)
    if not file.exists():
        raise DrafterError("找不到填写文件", path=shown)
    if file.is_dir():
        raise DrafterError("这是一个目录，不是填写文件", path=shown)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise DrafterError(f"无法读取填写文件（{exc.strerror}）", path=shown) from None
    if _looks_binary(raw):
        raise DrafterError("这不是文本文件（可能是 Word 或其他二进制文件），填写文件应是 .yaml 文本", path=shown)
    text = _decode(raw, shown)
    source = SourceText(shown, text)
    if XML_INVALID.search(text):
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            found = XML_INVALID.findall(line)
            if found:
                codes = "、".join(sorted({f"U+{ord(c):04X}" for c in found}))
                source.warnings.append((number, f"删除了 {len(found)} 个无法写入文稿的控制字符（{codes}）"))
                lines[number - 1] = XML_INVALID.sub("", line)
        source.text = "\n".join(lines)
    if not _has_content(source.text):
        raise DrafterError("填写文件是空的", path=shown)
    return source


# libyaml when present (several times faster); its error messages are terser,
# so a file it rejects is parsed again by the pure-Python loader to explain why.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(source: SourceText) -> yaml.Node:
    """Parse into a node tree with marks; syntax errors name line and column."""
    try:
        return _single(source, list(yaml.compose_all(source.text, Loader=_FAST_LOADER)))
    except yaml.YAMLError:
        pass
    try:
        documents = list(yaml.compose_all(source.text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise DrafterError(f"YAML 格式错误：{_explain(exc.problem or exc.context or '')}",
                           path=source.path, line=line, column=column) from None
    except yaml.YAMLError as exc:  # reader errors carry a position but no mark
        raise DrafterError(f"YAML 格式错误：{exc}", path=source.path) from None
    return _single(source, documents)


def _single(source: SourceText, documents: list) -> yaml.Node:
    documents = [doc for doc in documents if doc is not None]
    if not documents:
        raise DrafterError("填写文件是空的（只有注释）", path=source.path)
    if len(documents) > 1:
        second = documents[1]
        raise DrafterError("一个填写文件只能有一份内容，请删除“---”分隔的第二部分",
                           path=source.path, line=second.start_mark.line + 1)
    return documents[0]


# Word, WPS, PDF and zip files: refused outright, whatever their name.
_BINARY_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"{\\rtf")
_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                 (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _looks_binary(raw: bytes) -> bool:
    """A known binary format, or many NUL bytes. A stray NUL in a text file
    (pasted from elsewhere) is a control character: stripped with a warning."""
    if raw.startswith(_BINARY_SIGNATURES):
        return True
    if raw.startswith(tuple(bom for bom, _codec in _UNICODE_BOMS)):
        return False
    head = raw[:4096]
    return head.count(0) > max(8, len(head) // 16)


def _decode(raw: bytes, shown: str) -> str:
    for bom, codec in _UNICODE_BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                raise DrafterError(f"文件以 {codec.upper()} 标记开头，但内容无法按该编码读取，请另存为 UTF-8 编码",
                                   path=shown) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise DrafterError("无法识别文件编码，请另存为 UTF-8 编码", path=shown) from None


def _has_content(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


def _explain(problem: str) -> str:
    for english, chinese in _PROBLEMS:
        if english in problem:
            return chinese
    return problem or "无法解析"
