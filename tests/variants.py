"""Messy variants of a document, as real copies of work summaries arrive.

Anyone's tests may call these to turn a seed into the same text saved another
way (encoding, line breaks, punctuation width, indents, .docx, glued lines).
Text in, text/bytes/file out; nothing here touches drafter itself.
"""
from __future__ import annotations

import re
from pathlib import Path

# -- encodings -----------------------------------------------------------------


def gb18030_bytes(text: str) -> bytes:
    return text.encode("gb18030")


def utf8_bom_bytes(text: str) -> bytes:
    return text.encode("utf-8-sig")


def utf16_bytes(text: str, bom: bool = True, big_endian: bool = False) -> bytes:
    """UTF-16 as Notepad writes it ("Unicode" = LE with BOM), or without a BOM."""
    codec = "utf-16-be" if big_endian else "utf-16-le"
    prefix = ("\ufeff" if bom else "")
    return (prefix + text).encode(codec)


# -- line breaks and spacing ---------------------------------------------------------


def _split(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def crlf(text: str) -> str:
    """Windows line breaks."""
    return "\r\n".join(_split(text))


def cr_only(text: str) -> str:
    """Old Mac line breaks (still met in files that went through some editors)."""
    return "\r".join(_split(text))


def indent_and_space(text: str) -> str:
    """Word-style copy: each paragraph indented with two full-width spaces and
    a blank line between paragraphs."""
    paragraphs = [line.strip() for line in _split(text) if line.strip()]
    return "\n\n".join("\u3000\u3000" + p for p in paragraphs) + "\n"


def ragged_whitespace(text: str) -> str:
    """Web copy: NBSP and tab indents, trailing spaces, zero-width spaces."""
    out = []
    for index, line in enumerate(_split(text)):
        if not line.strip():
            out.append(" \t ")
            continue
        lead = ("\xa0\xa0", "\t", "\u200b  ", "")[index % 4]
        out.append(lead + line.strip() + ("  ", "\t", "\xa0", "")[index % 4])
    return "\n".join(out)


# -- punctuation -----------------------------------------------------------------------

_HALF_WIDTH = str.maketrans({
    "，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")",
    "“": '"', "”": '"', "‘": "'", "’": "'", "！": "!", "？": "?",
})


def half_width_punctuation(text: str) -> str:
    """Punctuation typed on an English keyboard: （一）→(一), ，→, 。→. “”→\"\" …"""
    return text.translate(_HALF_WIDTH)


# -- glued lines -------------------------------------------------------------------------

_LEVEL_ONE = re.compile(r"^\s*[一二三四五六七八九十]+、")


def glue_headings(text: str) -> str:
    """Join each level-1 heading line (一、…) onto the end of the previous
    non-blank line, as a bad copy-paste does (…工作计划一、政治思想建设情况)."""
    out: list[str] = []
    for line in _split(text):
        if _LEVEL_ONE.match(line) and any(prev.strip() for prev in out):
            while not out[-1].strip():
                out.pop()
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


# -- .docx ---------------------------------------------------------------------------------


def write_docx_one_paragraph_per_line(text: str, path: str | Path) -> Path:
    """One paragraph per line, blank lines included, so paragraph numbers
    equal the text's line numbers."""
    import docx

    document = docx.Document()  # the default template has no paragraph
    for line in _split(text):
        document.add_paragraph(line)
    document.save(str(path))
    return Path(path)


def write_docx_with_headings(blocks: list[tuple[int | None, str]], path: str | Path) -> Path:
    """Paragraphs (level, text): level N uses the built-in style Heading N,
    None a body paragraph."""
    import docx

    document = docx.Document()
    for level, text in blocks:
        if level is None:
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=level)
    document.save(str(path))
    return Path(path)
