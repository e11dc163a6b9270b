"""Parse a file or text: read → clean → outline, giving one `Document`."""
from __future__ import annotations

import os

from drafter.model import Document, Line


def parse_file(path: str | os.PathLike) -> Document:
    """Read, clean and outline a .txt or .docx file. Raises DrafterError on bad input."""
    from drafter.reading import read_lines

    return parse_lines(read_lines(path), source=str(path))


def parse_text(text: str, source: str = "") -> Document:
    """Clean and outline text already in memory."""
    from drafter.reading import lines_from_text

    return parse_lines(lines_from_text(text), source=source)


def parse_lines(lines: list[Line], source: str = "") -> Document:
    from drafter.cleaning import clean_lines
    from drafter.outline.parser import parse_lines as outline

    cleaned = clean_lines(lines)
    doc = Document(source=source, removed=list(cleaned.removed))
    return outline(cleaned.lines, doc)
