"""Split decoded text into the non-blank, edge-stripped lines of the model."""
from __future__ import annotations

import re

from drafter.model import Line

# Physical line breaks as editors count them: CRLF, CR, LF.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Breaks inside a physical line (Unicode separators, Word's manual line break
# as pasted, form feed): they split paragraphs but keep the line number.
_SOFT_BREAK = re.compile(r"[\u2028\u2029\x0b\x0c\x85]")
# White space (tabs, NBSP, the full-width space U+3000 …: what str.isspace() calls space)
# and the zero-width characters and stray BOM that come with text copied from web pages.
# str.strip with these is linear on any run of them (a regex ending in …+$ is not).
_EDGE_CHARS = "".join(chr(code) for code in range(0x3100) if chr(code).isspace()) + "\u200b\u200c\u200d\u2060\ufeff"
# Invisible control characters left inside a line (a text file has a few at most).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def strip_edges(text: str) -> str:
    """Remove whitespace (incl. U+3000, NBSP, tabs) and zero-width marks at both ends."""
    return text.strip(_EDGE_CHARS)


def lines_from_text(text: str) -> list[Line]:
    """Non-blank lines of `text`, stripped, with their 1-based line numbers."""
    lines: list[Line] = []
    for number, physical in enumerate(_LINE_BREAK.split(text), start=1):
        for piece in _SOFT_BREAK.split(_CONTROL.sub("", physical)):
            stripped = strip_edges(piece)
            if stripped:
                lines.append(Line(text=stripped, lineno=number))
    return lines
