"""A Document in reading order, as typed paragraphs every writer shares.

The .docx, Markdown and plain-text writers all render the same blocks, so
numbering, run-on headings and skipping empty parts are decided once, here.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from drafter.characters import COLONS, FULL_STOPS, SENTENCE_ENDS
from drafter.model import Document, Section, Table
from drafter.placeholders import find_placeholders, is_todo_paragraph
from drafter.writers.numbering import heading_marker, item_prefix

TITLE = "title"
BODY = "body"            # opening, section paragraphs, closing
HEADING = "heading"      # a heading on its own line
RUNON = "runon"          # a level 3/4 heading running on into its first paragraph
ITEM = "item"            # 一是… paragraph
TABLE = "table"          # a table: `table` holds it, `text` its title
SIGNATURE = "signature"
DATE = "date"

_BLANK = " \t\r\u3000\xa0\ufeff"
_SENTENCE_END = FULL_STOPS
# A run-on heading already ending in one of these gets no added 。
_HEADING_END = SENTENCE_ENDS + COLONS + "…"


@dataclass(frozen=True)
class Block:
    kind: str
    text: str          # the whole paragraph, generated markers included
    level: int = 0     # 1-4 for HEADING and RUNON
    marker_len: int = 0  # length of the generated 一、/（一）/1./（1）/一是 prefix
    lead_len: int = 0    # RUNON: length of the part set as heading (marker + first sentence)
    body_start: int = 0  # RUNON: where the first paragraph begins (after the whole heading)
    section: Section | None = field(default=None, compare=False)  # HEADING, RUNON: the node it heads
    table: Table | None = field(default=None, compare=False)      # TABLE

    @property
    def content(self) -> str:
        """The text after the generated marker."""
        return self.text[self.marker_len:]


def document_blocks(doc: Document) -> list[Block]:
    blocks: list[Block] = []
    title = _clean(doc.title)
    if title:
        blocks.append(Block(TITLE, title))
    blocks.extend(Block(BODY, line) for line in _lines(doc.opening))
    _add_sections(doc.sections, blocks)
    blocks.extend(Block(BODY, line) for line in _lines(doc.closing))
    blocks.extend(Block(SIGNATURE, line) for line in _lines(doc.signature))
    date = _clean(doc.date)
    if date:
        blocks.append(Block(DATE, date))
    return blocks


def _add_sections(sections: list[Section], blocks: list[Block]) -> None:
    numbers: Counter[int] = Counter()  # per level, among these siblings
    for section in sections:
        level = min(max(section.level, 1), 4)
        heading = _clean(section.heading)
        marker = ""
        if heading:
            numbers[level] += 1
            marker = heading_marker(level, numbers[level])
        paragraphs = [_lines(text) for text in section.paragraphs]  # the lines of each paragraph
        if heading and level >= 3 and any(paragraphs):
            first = next(lines for lines in paragraphs if lines).pop(0)
            blocks.append(_runon(level, marker, heading, first, section))
        elif heading:
            if level <= 2:
                heading = heading.rstrip("。")
            blocks.append(Block(HEADING, marker + heading, level, len(marker), section=section))
        _add_body(section, paragraphs, blocks)
        _add_sections(section.children, blocks)


def _add_body(section: Section, paragraphs: list[list[str]], blocks: list[Block]) -> None:
    """A section's paragraphs, tables and 一是/二是 items: each table after the paragraphs
    (`after`) and the items (`items`) it follows; the items no table follows close the body."""
    pending = sorted(section.tables, key=lambda t: (t.after, t.items))
    items = [_clean(item) for item in section.items]
    placed = numbered = 0

    def place_items(upto: int) -> None:
        nonlocal placed, numbered
        while placed < min(upto, len(items)):
            item = items[placed]
            placed += 1
            if item:
                numbered += 1
                prefix = item_prefix(numbered)
                blocks.append(Block(ITEM, prefix + item, marker_len=len(prefix)))

    def place_tables(done: int | None) -> None:  # None: all that are left
        while pending and (done is None or pending[0].after <= done):
            table = pending.pop(0)
            place_items(table.items)
            blocks.append(_table(table))

    place_tables(0)
    for done, lines in enumerate(paragraphs, start=1):
        blocks.extend(Block(BODY, text) for text in lines)
        place_tables(done)
    place_tables(None)
    place_items(len(items))


def _table(table: Table) -> Block:
    return Block(TABLE, _clean(table.title), table=table)


def highlighted_spans(block: Block) -> list[tuple[int, int]]:
    """(start, end) of the text every writer that can highlights: each placeholder
    (X, XX, ×××, 某某 …), and a 【待补充】 gap paragraph as a whole."""
    text = block.text
    if is_todo_paragraph(block.content):
        return [(0, len(text))]
    if block.kind == RUNON and is_todo_paragraph(text[block.body_start:]):
        # 1.标题。【待补充】…: the gap hint run on after the heading is marked whole too
        marked = [(p.start, p.end) for p in find_placeholders(text[:block.body_start])]
        return marked + [(block.body_start, len(text))]
    return [(p.start, p.end) for p in find_placeholders(text)]


def _runon(level: int, marker: str, heading: str, first: str, section: Section) -> Block:
    """1.强化学习。创新学习方式…: only the heading's first sentence is the heading."""
    if not heading.endswith(tuple(_HEADING_END)):
        heading += "。"
    ends = [heading.index(mark) for mark in _SENTENCE_END if mark in heading]
    sentence_len = min(ends) + 1 if ends else len(heading)
    return Block(RUNON, marker + heading + first, level, len(marker), len(marker) + sentence_len,
                 len(marker) + len(heading), section)


def _clean(text: str | None) -> str:
    return (text or "").strip(_BLANK)


def _lines(text: str | None) -> list[str]:
    """Paragraphs of a multi-paragraph field; "\\n" separates them."""
    return [line for raw in (text or "").split("\n") if (line := _clean(raw))]
