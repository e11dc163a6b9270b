"""What `drafter check` looks at: the document, its numbered lines and its year.

A .txt or .docx is parsed as the corpus is (`drafter.parsing`); a .yaml fill
file is drafted in memory and its Document checked as drafted, its paragraphs
numbered as the writers lay them out, each traced back to the fill-file line
it came from.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.model import Document, Line
from drafter.years import document_year, parse_date, parse_year

FILL_SUFFIXES = (".yaml", ".yml")


@dataclass
class CheckSubject:
    path: Path
    fmt: str  # "txt", "docx" or "fill"
    lines: list[Line]  # cleaned, in reading order; lineno as the user counts it
    doc: Document
    content_hash: str  # of the file's bytes (a corpus copy of it is not a source)
    year: int | None = None
    year_origin: str = ""  # "option", "title", "date", "date_previous" (dated early next year) or "fill"
    month: int | None = None  # from the date line, when it falls in `year`
    line_map: dict[int, int | None] | None = None  # fill: paragraph number -> fill-file line
    fill: Any = None  # the fill file as read (a drafting.Fill), when checking one
    # fill: paragraph number of a table -> (text, fill-file line) of its title and cells
    table_cells: dict[int, list[tuple[str, int]]] | None = None

    @property
    def line_unit(self) -> str:
        return "段" if self.fmt == "docx" else "行"

    def line_text(self, lineno: int | None) -> str:
        for line in self.lines:
            if line.lineno == lineno:
                return line.text
        return ""


def load_subject(path: str | os.PathLike, year: int | str | None = None,
                 bank_dir: str | os.PathLike | None = None) -> CheckSubject:
    """Read (or draft) the file to check. Raises DrafterError on bad input.

    year: an int, or as typed on the command line ("2025", "2025年")."""
    year = parse_year(year)
    path = Path(path)
    if path.suffix.lower() in FILL_SUFFIXES:
        subject = _fill_subject(path, bank_dir)
    else:
        subject = _text_subject(path)
    _settle_year(subject, year)
    return subject


def _text_subject(path: Path) -> CheckSubject:
    from drafter.parsing import parse_file_with_lines

    parsed = parse_file_with_lines(path)  # DrafterError for a missing, empty or unreadable file
    return CheckSubject(path=path, fmt=parsed.format, lines=checked_lines(parsed.lines), doc=parsed.document,
                        content_hash=parsed.digest)


def checked_lines(lines: list[Line]) -> list[Line]:
    """The lines the rules read: a Word table's cells each on its own (with the table's
    line number), so that no rule reads from one cell into the next (截止 | 2025年3月31日)."""
    out: list[Line] = []
    for line in lines:
        if line.cells is None:
            out.append(line)
            continue
        out.extend(Line(cell, line.lineno, in_table=True) for row in line.cells for cell in row if cell.strip())
    return out


def _fill_subject(path: Path, bank_dir: str | os.PathLike | None = None) -> CheckSubject:
    """Draft the fill file in memory and check the drafted Document: its paragraphs are
    numbered as the writers lay them out, and each heading knows its paragraph."""
    from drafter.corpus import file_hash
    from drafter.drafting import build_document
    from drafter.writers.blocks import document_blocks

    drafted, fill, _plan = build_document(path, bank_dir=bank_dir)
    blocks = document_blocks(drafted)
    lines: list[Line] = []
    table_cells: dict[int, list[tuple[str, int]]] = {}
    written_tables = _fill_tables(fill)
    for number, block in enumerate(blocks, start=1):
        if block.section is not None:
            block.section.line = number
        if block.table is None:
            lines.append(Line(block.text, number))
            continue
        table = block.table
        lines.extend(checked_lines([Line(table.title, number, cells=[[table.title], *table.rows])]))
        written = next((t for t in written_tables if t.rows == table.rows and t.title == table.title), None)
        if written is not None:
            table_cells[number] = ([(written.title, written.title_line)] if written.title_line else []) + [
                (written.rows[row][column], line) for (row, column), line in sorted(written.cell_lines.items())]
    subject = CheckSubject(path=path, fmt="fill", lines=lines, doc=drafted, content_hash=file_hash(path),
                           line_map=_trace_blocks(blocks, fill, drafted), fill=fill, table_cells=table_cells)
    subject.year, subject.year_origin = fill.year, "fill"
    return subject


def _fill_tables(fill) -> list:
    """Every table written in the fill file (drafting.FillTable), in file order."""
    found = []

    def walk(entry) -> None:
        found.extend(getattr(entry, "tables", []))
        for sub in getattr(entry, "entries", []):
            if hasattr(sub, "entries"):
                walk(sub)

    for section in getattr(fill, "sections", None) or []:
        walk(section)
    return found


def cell_line(subject: CheckSubject, paragraph: int | None, text: str) -> int | None:
    """The fill-file line of the title or cell a finding in a drafted table is about."""
    cells = (subject.table_cells or {}).get(paragraph or 0)
    core = _squeeze(text.strip("…"))
    for cell, line in cells or []:
        if core and (core in _squeeze(cell) or _squeeze(cell) in core) and _squeeze(cell):
            return line
    return None


def _fill_texts(fill) -> list[tuple[str, int]]:
    """(text, fill-file line) for every text the user wrote, in file order."""
    found: list[tuple[str, int]] = []

    def add(item) -> None:
        if item is not None and getattr(item, "value", "") and getattr(item, "line", None):
            found.append((item.value, item.line))

    def walk(entry) -> None:
        add(getattr(entry, "heading", None))
        for item in list(getattr(entry, "text", [])) + list(getattr(entry, "points", [])):
            add(item)
        for sub in getattr(entry, "entries", []):
            if hasattr(sub, "entries"):
                walk(sub)
            else:
                add(sub)

    for name in ("title", "signature", "unit"):
        add(getattr(fill, name, None))
    for item in list(getattr(fill, "opening", [])) + list(getattr(fill, "closing", [])):
        add(item)
    for section in getattr(fill, "sections", None) or []:
        walk(section)
    return found


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _trace_blocks(blocks, fill, drafted: Document) -> dict[int, int | None]:
    """Paragraph number of the draft -> the fill-file line its text came from.

    Title, signature and date the templates filled in point at their key's line,
    or nowhere when the key is not written; a level-1 heading taken from the
    skeleton at its role's key (problems:); any other paragraph they added (a
    【待补充】 gap, a mined opening) at the nearest fill-file paragraph before it."""
    from drafter.writers import blocks as kinds

    role_lines: dict[str, int] = {}
    for entry in getattr(fill, "sections", None) or []:
        if getattr(entry, "role", None) and getattr(entry, "line", None):
            role_lines.setdefault(entry.role, entry.line)
    level_one_roles = iter([s.role for s in drafted.sections if s.heading.strip()])

    texts = [(_squeeze(text), line) for text, line in _fill_texts(fill)]
    exact: dict[str, int] = {}
    for text, line in texts:
        exact.setdefault(text, line)
    key_lines = getattr(fill, "lines", {}) or {}
    own_key = {kinds.TITLE: "title", kinds.SIGNATURE: "signature", kinds.DATE: "date"}
    mapping: dict[int, int | None] = {}
    previous: int | None = None
    for number, block in enumerate(blocks, start=1):
        content = _squeeze(block.content)
        line = exact.get(content)
        if line is None and content:
            # a run-on heading joins heading and first paragraph; a paragraph may be
            # part of a longer fill text: take the longest fill text that overlaps
            best = max(((len(text), fill_line) for text, fill_line in texts
                        if len(text) >= 4 and (text in content or content in text)), default=None)
            line = best[1] if best else None
        role = next(level_one_roles, None) if block.kind == kinds.HEADING and block.level == 1 else None
        if line is None and block.kind in own_key:
            line = key_lines.get(own_key[block.kind])
        elif line is None and role is not None:
            line = role_lines.get(role, previous)
        elif line is None:
            line = previous
        mapping[number] = line
        previous = line if line is not None else previous
    return mapping


# what comes before a value on its first line: "- ", "key: ", "- key: "
_VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[^\s#:'\"][^\s:#]*:(?:\s+|$))?(?:-\s+)?")
_BLOCK_INDICATOR = re.compile(r"^[|>][-+0-9]*\s*(?:#.*)?$")
CONTEXT_CHARS = 8  # characters of the paragraph before a finding that find it in the fill file
MIDDLE_CHARS = 6


def line_in_fill(subject: CheckSubject, line: int | None, text: str, paragraph: str = "",
                 start: int | None = None) -> int | None:
    """The fill-file line of a finding. A text may run over several lines (text: >-
    folded, a plain scalar continued on the next lines): the line where the finding's
    wording starts, found by its place in the drafted paragraph (`paragraph`, `start`),
    else by the middle of its excerpt; else the value's first line."""
    if line is None:
        return None
    try:
        raw = subject.path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return line
    if not 1 <= line <= len(raw):
        return line
    pieces = _value_lines(raw, line)
    if len(pieces) <= 1:
        return pieces[0][0] if pieces else line
    offsets, joined = [], ""
    for number, content in pieces:
        offsets.append((len(joined), number))
        joined += _squeeze(content)
    at = _finding_offset(joined, paragraph, start) if start is not None else None
    if at is None:
        core = _squeeze(text.strip("…"))
        middle = core[max(0, len(core) // 2 - MIDDLE_CHARS // 2):][:MIDDLE_CHARS]
        found = joined.find(middle) if middle else -1
        at = found if found != -1 else None
    if at is None:
        return next((number for number, content in pieces if content.strip()), line)
    return [number for offset, number in offsets if offset <= at][-1]


def _value_lines(raw: list[str], line: int) -> list[tuple[int, str]]:
    """(line, text) of the value that starts on `line`: what follows its key or dash, then
    the lines indented deeper than it (a block scalar has only those)."""
    first = raw[line - 1]
    indent = len(first) - len(first.lstrip())
    rest = first[_VALUE_START.match(first).end():]
    pieces = [] if _BLOCK_INDICATOR.match(rest.strip()) else [(line, rest)]
    for number in range(line + 1, len(raw) + 1):
        content = raw[number - 1]
        if content.strip() and len(content) - len(content.lstrip()) <= indent:
            break
        if content.strip() and not content.lstrip().startswith("#"):
            pieces.append((number, content))
    return [piece for piece in pieces if piece[1].strip()] or pieces[:1]


def _finding_offset(joined: str, paragraph: str, start: int) -> int | None:
    """Where the finding at paragraph[start:] stands in the squeezed value text."""
    whole = _squeeze(paragraph)
    before = _squeeze(paragraph[:start])
    at = joined.find(whole) if whole else -1
    if at != -1:
        return at + len(before)
    # the paragraph is part of the value, or the value part of it: find the words just before
    context = _squeeze(paragraph[max(0, start - CONTEXT_CHARS):start + 1])
    lead = _squeeze(paragraph[max(0, start - CONTEXT_CHARS):start])
    found = joined.find(context) if context else -1
    return found + len(lead) if found != -1 else None


# -- the document's year -----------------------------------------------------------

def _settle_year(subject: CheckSubject, option: int | None) -> None:
    """--year first, then the fill file, then the document's own year (title, date line)."""
    if option is not None:
        subject.year, subject.year_origin = option, "option"
    elif subject.year is None:
        subject.year, subject.year_origin = document_year(subject.doc)
    date = parse_date(subject.doc.date)
    if subject.year is not None and date is not None and date.year == subject.year:
        subject.month = date.month
