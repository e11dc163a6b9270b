"""The document kind, from its title."""
from __future__ import annotations

import re

from drafter.outline.state import OutlineState

KIND_CUES = [
    ("debrief", re.compile(r"述职|述责|述廉")),
    ("half_year", re.compile(r"上半年|下半年|半年|1[-—~至到]6月|一至六月")),
    ("experience", re.compile(r"经验|典型材料|做法")),
    ("annual", re.compile(r"总结|年终|年度工作")),
    ("report", re.compile(r"汇报|报告|情况")),
]


def kind_from_title(title: str) -> str:
    for kind, pattern in KIND_CUES:
        if pattern.search(title):
            return kind
    return "other"


def assign_kind(state: OutlineState) -> None:
    state.doc.kind = kind_from_title(state.doc.title)
