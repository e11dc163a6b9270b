"""Markdown: # title, ## 一、, ### （一）, bold run-on 1./（1） headings."""
from __future__ import annotations

import re

from drafter.characters import CLAUSE_ENDS
from drafter.model import Document
from drafter.writers import blocks as kinds
from drafter.writers.blocks import Block, document_blocks

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# What would start a list, a quote or a heading at the beginning of a line.
_LINE_START_MARK = re.compile(r"^(?:#{1,6}|[-+=]+)(?=\s|$)")
_LINE_START_NUMBER = re.compile(r"^\d{1,9}(?=[.)](?:\s|$))")
# CommonMark only closes ** after punctuation when a space or punctuation
# follows, so trailing 。/： go after the closing **.
_TRAILING_PUNCTUATION = re.compile(rf"[\s{CLAUSE_ENDS}、.]+$")


def to_markdown(doc: Document) -> str:
    paragraphs = [_render(block) for block in document_blocks(doc)]
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def escape(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, lists or headings by accident."""
    text = _escape_inline(text)
    if _LINE_START_MARK.match(text):
        return "\\" + text
    number = _LINE_START_NUMBER.match(text)
    if number:
        return text[:number.end()] + "\\" + text[number.end():]
    return text


def _strong(text: str) -> str:
    trailing = _TRAILING_PUNCTUATION.search(text)
    cut = trailing.start() if trailing else len(text)
    if cut == 0:
        return escape(text)
    return f"**{_escape_inline(text[:cut])}**{_escape_inline(text[cut:])}"


def _escape_inline(text: str) -> str:
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _table(block: Block) -> str:
    """The title in bold, then a pipe table (CommonMark's GFM extension; shown as text elsewhere)."""
    rows = [list(row) for row in block.table.rows] or [[""]]
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_escape_inline(cell).replace("|", "\\|") for cell in cells) + " |"

    lines = [line(rows[0]), "|" + "---|" * columns] + [line(row) for row in rows[1:]]
    title = [_strong(block.text), ""] if block.text else []
    return "\n".join(title + lines)


def _render(block: Block) -> str:
    if block.kind == kinds.TABLE:
        return _table(block)
    if block.kind == kinds.TITLE:
        return "# " + _escape_inline(block.text)
    if block.kind == kinds.HEADING and block.level <= 2:
        return "#" * (block.level + 1) + " " + _escape_inline(block.text)
    if block.kind == kinds.HEADING:
        return _strong(block.text)
    if block.kind == kinds.RUNON:
        return _strong(block.text[:block.lead_len]) + _escape_inline(block.text[block.lead_len:])
    return escape(block.text)
