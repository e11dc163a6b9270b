"""The one document model.

Readers (corpus files) and the fill-file path both produce a `Document`;
writers, miners, the checker and the extractor only consume it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Keys of Document.to_dict(), in this order: the `drafter parse --json` contract.
DOCUMENT_KEYS = (
    "source", "kind", "title", "opening", "closing",
    "signature", "date", "sections", "removed", "warnings",
)
SECTION_KEYS = ("level", "marker", "heading", "role", "paragraphs", "items", "children", "tables")


@dataclass
class Line:
    """One paragraph of source text as read, before outline parsing."""

    text: str
    lineno: int  # 1-based line (.txt) or paragraph number (.docx)
    style_level: int | None = None  # heading level from a .docx style, if any
    cells: list[list[str]] | None = None  # a .docx table: its rows; `text` then holds all its cells
    in_table: bool = False  # a paragraph of a table cell (.docx)


@dataclass
class Removal:
    """A piece of noise taken out of the source, with the rule that took it."""

    rule: str
    text: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "text": self.text, "line": self.line}


@dataclass
class Notice:
    """A problem found while reading (numbering, encoding ...); never fatal.

    Numbering notices also say what they are about: the heading level (None for
    一是 items), the marker that was expected and the one found as written. The
    message is made from these, so other code reads the fields, never the message."""

    code: str
    message: str
    line: int | None = None
    level: int | None = None
    expected: str | None = None
    found: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "line": self.line,
                "level": self.level, "expected": self.expected, "found": self.found}


@dataclass
class Table:
    """A table in a section: an optional title (set above it) and rows of cell texts.
    `after` is how many of the section's paragraphs come before it, `items` how many
    of its 一是/二是 items (a table after 一是…二是… stands after them)."""

    rows: list[list[str]]
    title: str = ""
    after: int = 0
    items: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "rows": [list(row) for row in self.rows], "after": self.after,
                "items": self.items}


@dataclass
class Section:
    """A numbered heading with its body. Levels follow GB/T 9704 numbering:
    1 一、  2 （一）  3 1.  4 （1）."""

    level: int
    marker: str = ""
    heading: str = ""
    role: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    line: int | None = None  # source line of the heading; not part of the JSON

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "marker": self.marker,
            "heading": self.heading,
            "role": self.role,
            "paragraphs": list(self.paragraphs),
            "items": list(self.items),
            "children": [child.to_dict() for child in self.children],
            "tables": [table.to_dict() for table in self.tables],
        }

    def walk(self):
        """This section and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def text_blocks(self) -> list[str]:
        """Heading, paragraphs, items and table cells of this node only (not children)."""
        blocks = [self.heading] if self.heading else []
        blocks += self.paragraphs + self.items
        for table in self.tables:
            blocks += [table.title] if table.title else []
            blocks += [cell for row in table.rows for cell in row if cell]
        return blocks


def nest_section(node: Section, open_sections: list[Section], top: list[Section]) -> None:
    """Place `node` in the tree by its level: under the innermost open section of a
    higher level (or at the top), and open it. The outline parser and drafting
    both build their trees with this one rule."""
    while open_sections and open_sections[-1].level >= node.level:
        open_sections.pop()
    (open_sections[-1].children if open_sections else top).append(node)
    open_sections.append(node)


@dataclass
class Document:
    source: str = ""
    kind: str = "other"
    title: str = ""
    opening: str = ""
    closing: str = ""
    signature: str = ""
    date: str = ""
    sections: list[Section] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "title": self.title,
            "opening": self.opening,
            "closing": self.closing,
            "signature": self.signature,
            "date": self.date,
            "sections": [s.to_dict() for s in self.sections],
            "removed": [r.to_dict() for r in self.removed],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    def walk(self):
        """Every section node in document order."""
        for section in self.sections:
            yield from section.walk()

    def body_texts(self) -> list[str]:
        """All running text: opening, every node's blocks, closing."""
        texts = [t for t in self.opening.split("\n") if t]
        for node in self.walk():
            texts.extend(node.text_blocks())
        texts.extend(t for t in self.closing.split("\n") if t)
        return texts
