"""Parse a file or text: read → clean → outline, giving one `Document`.

This is the one place that chains the readers, the cleaning rules and the
outline rules; every command that reads a document comes through here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from drafter.model import Document, Line


@dataclass
class ParsedFile:
    """A parsed file with what `drafter check` also needs to point into it."""

    document: Document
    lines: list[Line]   # the cleaned lines the outline was built from
    format: str         # "docx" or "txt"
    digest: str         # content hash of the file's bytes (drafter.corpus.content_hash)


def parse_file(path: str | os.PathLike) -> Document:
    """Read, clean and outline a .txt or .docx file. Raises DrafterError on bad input."""
    return parse_file_with_lines(path).document


def parse_file_with_lines(path: str | os.PathLike) -> ParsedFile:
    """parse_file(), keeping the cleaned lines, the format and the content hash."""
    from drafter.corpus import content_hash
    from drafter.reading import read_file

    read = read_file(path)
    lines, document = _clean_and_outline(read.lines, str(path))
    return ParsedFile(document, lines, "docx" if read.format == "docx" else "txt", content_hash(read.data))


def parse_text(text: str, source: str = "") -> Document:
    """Clean and outline text already in memory."""
    from drafter.reading import lines_from_text

    return parse_lines(lines_from_text(text), source=source)


def parse_lines(lines: list[Line], source: str = "") -> Document:
    return _clean_and_outline(lines, source)[1]


def clean_file(path: str | os.PathLike) -> list[Line]:
    """Read and clean a file, without the outline (what the copying index compares)."""
    from drafter.cleaning import clean_lines
    from drafter.reading import read_lines

    return clean_lines(read_lines(path)).lines


def _clean_and_outline(lines: list[Line], source: str) -> tuple[list[Line], Document]:
    from drafter.cleaning import clean_lines
    from drafter.outline.parser import parse_lines as outline

    cleaned = clean_lines(lines)
    doc = Document(source=source, removed=list(cleaned.removed))
    return cleaned.lines, outline(cleaned.lines, doc)
