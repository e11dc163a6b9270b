"""Parse a file or text: read → clean → (split a compilation) → outline.

This is the one place that chains the readers, the cleaning rules and the
outline rules; every command that reads a document comes through here.
`parse_documents` gives every document a file holds: one for an ordinary file,
one per piece of a compilation page (sources FILE#1, FILE#2 …). `parse_file`,
`parse_file_with_lines` and `parse_text` give the first, with a notice when
there are more.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from drafter.model import Document, Line, Notice

COMPILATION_NOTICE = "compilation"
# Hand-editable data the parser reads (templates/): a cache of parsed documents is stale
# when one of them changes, as when the parser's code does. The lexicon and the 称谓 list
# tell a lone * in a known wording (中国特色*主义) from a marker.
PARSER_DATA_FILES = ("roles.yaml", "masked_words.yaml", "terms.yaml", "naming.yaml")


@dataclass
class ParsedFile:
    """A parsed file with what `drafter check` also needs to point into it."""

    document: Document
    lines: list[Line]   # the cleaned lines the outline was built from
    format: str         # "docx" or "txt"
    digest: str         # content hash of the file's bytes (drafter.corpus.content_hash)


@dataclass
class _Piece:
    document: Document
    lines: list[Line]   # the cleaned lines of this document


def parse_documents(path: str | os.PathLike) -> list[Document]:
    """Every document in a .txt or .docx file. Raises DrafterError on bad input."""
    from drafter.reading import read_file

    read = read_file(path)
    return [piece.document for piece in _parse_pieces(read.lines, str(path), read.notices)]


def parse_file(path: str | os.PathLike) -> Document:
    """Read, clean and outline a .txt or .docx file (its first document). Raises DrafterError on bad input."""
    return parse_file_with_lines(path).document


def parse_file_with_lines(path: str | os.PathLike) -> ParsedFile:
    """parse_file(), keeping the cleaned lines, the format and the content hash."""
    from drafter.corpus import content_hash
    from drafter.reading import read_file

    read = read_file(path)
    first = _first(_parse_pieces(read.lines, str(path), read.notices))
    return ParsedFile(first.document, first.lines, "docx" if read.format == "docx" else "txt",
                      content_hash(read.data))


def parse_text(text: str, source: str = "") -> Document:
    """Clean and outline text already in memory (its first document)."""
    from drafter.reading import lines_from_text

    return _first(_parse_pieces(lines_from_text(text), source)).document


def parse_lines(lines: list[Line], source: str = "") -> Document:
    return _first(_parse_pieces(lines, source)).document


def documents_from_lines(lines: list[Line], source: str = "") -> list[Document]:
    """Every document in read lines (one per piece of a compilation)."""
    return [piece.document for piece in _parse_pieces(lines, source)]


def clean_file(path: str | os.PathLike) -> list[Line]:
    """Read and clean a file, without the outline (what the copying index compares)."""
    from drafter.cleaning import clean_lines
    from drafter.reading import read_lines

    return clean_lines(read_lines(path)).lines


def parser_data_id() -> str:
    """A content hash of the parser's data files (PARSER_DATA_FILES)."""
    from drafter.corpus import content_hash
    from drafter.resources import templates_dir

    folder = templates_dir()
    parts = []
    for name in PARSER_DATA_FILES:
        try:
            parts.append((folder / name).read_bytes())
        except OSError:
            parts.append(b"")
    return content_hash(b"\0".join(parts))


def _parse_pieces(lines: list[Line], source: str, notices: list[Notice] = ()) -> list[_Piece]:
    """The documents of read lines; the reader's notices go with the first."""
    from drafter.cleaning import clean_lines
    from drafter.cleaning.compilation import split_compilation
    from drafter.outline.parser import parse_lines as outline

    cleaned = clean_lines(lines)
    pieces = split_compilation(cleaned.lines)
    if len(pieces) == 1:
        removed = sorted(cleaned.removed + pieces[0].removed, key=_line_order)
        doc = Document(source=source, removed=removed, warnings=list(notices))
        return [_Piece(outline(pieces[0].lines, doc), pieces[0].lines)]
    parsed = []
    owners = [_owner(pieces, removal.line) for removal in cleaned.removed]
    for number, piece in enumerate(pieces, start=1):
        removed = [r for r, owner in zip(cleaned.removed, owners) if owner == number - 1]
        notice = Notice(COMPILATION_NOTICE, f"本文件是汇编，共 {len(pieces)} 篇，这是第 {number} 篇", piece.first_line)
        doc = Document(source=f"{source}#{number}", removed=sorted(removed + piece.removed, key=_line_order),
                       warnings=[notice] + (list(notices) if number == 1 else []))
        parsed.append(_Piece(outline(piece.lines, doc), piece.lines))
    return parsed


def _owner(pieces, line: int | None) -> int:
    """The piece a removal from `line` belongs to: the last one starting on or before it, and of
    pieces starting on the same line (a page on one line) the first; page chrome above goes to the first."""
    owner = 0
    for index, piece in enumerate(pieces):
        if line is not None and piece.first_line is not None and piece.first_line <= line:
            if index == 0 or piece.first_line != pieces[index - 1].first_line:
                owner = index
    return owner


def _first(pieces: list[_Piece]) -> _Piece:
    first = pieces[0]
    if len(pieces) > 1:
        warnings = first.document.warnings
        warnings[0] = Notice(COMPILATION_NOTICE, f"本文件是汇编，共 {len(pieces)} 篇文稿，这里只读取了第 1 篇"
                             "（drafter parse 逐篇列出）", warnings[0].line)
    return first


def _line_order(removal) -> int:
    return removal.line if removal.line is not None else -1
