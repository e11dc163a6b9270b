"""The outline parser: an ordered chain of small named rules over an `OutlineState`.

Add a rule by writing one function `rule(state) -> None` and putting it in RULES.
"""
from __future__ import annotations

from collections.abc import Callable

from drafter.model import Document, Line
from drafter.outline.rules.closing import take_closing
from drafter.outline.rules.experience_kind import assign_experience_kind
from drafter.outline.rules.glued_headings import split_glued_headings
from drafter.outline.rules.kind import assign_kind
from drafter.outline.rules.masked_text import warn_masked_text
from drafter.outline.rules.numbering import check_numbering
from drafter.outline.rules.part_headings import take_part_headings
from drafter.outline.rules.roles import assign_roles
from drafter.outline.rules.sections import build_sections
from drafter.outline.rules.signature_date import take_signature_and_date
from drafter.outline.rules.table_rows import mark_table_rows
from drafter.outline.rules.title import take_title
from drafter.outline.state import OutlineState

Rule = Callable[[OutlineState], None]

RULES: list[tuple[str, Rule]] = [
    ("table_rows", mark_table_rows),
    ("glued_headings", split_glued_headings),
    ("masked_text", warn_masked_text),
    ("title", take_title),
    ("signature_date", take_signature_and_date),
    ("part_headings", take_part_headings),
    ("sections", build_sections),
    ("kind", assign_kind),
    ("roles", assign_roles),
    ("experience_kind", assign_experience_kind),
    ("closing", take_closing),
    ("numbering", check_numbering),
]


def parse_lines(lines: list[Line], doc: Document | None = None) -> Document:
    """Outline cleaned lines into `doc` (a new Document if none is given)."""
    state = OutlineState(lines=list(lines), doc=doc or Document())
    for _name, rule in RULES:
        rule(state)
    return state.doc
