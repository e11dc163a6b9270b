"""The state that the outline rules read and change, one rule after another."""
from __future__ import annotations

from dataclasses import dataclass, field

from drafter.model import Document, Line, Notice, Section


@dataclass
class Block:
    """A paragraph placed in the tree by the sections rule, kept in source order
    so later rules (closing) can look at the document's tail."""

    node: Section | None  # None: the opening
    index: int  # position in node.paragraphs
    line: int
    plain: bool  # a paragraph of its own, not the run-on body of a heading


@dataclass
class OutlineState:
    lines: list[Line]
    doc: Document
    blocks: list[Block] = field(default_factory=list)
    item_counts: dict[int, int] = field(default_factory=dict)  # id(node) -> last item number
    # id(node) -> child positions after which an item came; child numbering may restart there
    # (三是 … 1. 2. 3. 4. 四是 … 1. 2.).
    numbering_restarts: dict[int, set[int]] = field(default_factory=dict)
    # id(line) of lines that look like headings but are body text (flattened table rows)
    body_only: set[int] = field(default_factory=set)
    # the document writes . as its full stop (no 。 in it); set by the masked_text rule
    dot_is_full_stop: bool | None = None

    def warn(self, code: str, message: str, line: int | None, *, level: int | None = None,
             expected: str | None = None, found: str | None = None) -> None:
        self.doc.warnings.append(Notice(code, message, line, level, expected, found))
