"""Unnumbered part headings after the numbered sections: 今后一个阶段的主要任务, 2020年工作
任务, 下一步工作安排 on a line of their own, after 一、…八、 of a report's review. Each
starts a level-1 section (without a marker) instead of running on in the last one.

A line counts when it is a short phrase (no sentence, no clause punctuation, no words
set apart in columns as a table's header row has them, not a cell of a .docx table),
names a part by the role cues of templates/roles.yaml, comes after a level-1 heading and has text
after it. Before the first numbered section such lines head the review the numbered
sections make up (2019年主要工作 … 一、…), and stay in the opening.
"""
from __future__ import annotations

import re
from dataclasses import replace

from drafter.outline.markers import match_marker
from drafter.outline.rules.roles import role_from_heading
from drafter.outline.state import OutlineState
from drafter.outline.table_title import NUMBERED_TABLE

_MIN_CHARS, _MAX_CHARS = 4, 24
_PUNCTUATION = re.compile(r"[，。；：！？,.;:!?、—…]")
# Words set apart in columns (a tab, or a run of spaces): the header row of a table, no heading.
_COLUMNS = re.compile(r"\t|[ \u3000]{2,}")


def take_part_headings(state: OutlineState) -> None:
    seen_level1 = False
    lines = state.lines
    for index, line in enumerate(lines):
        if line.style_level or id(line) in state.body_only:
            seen_level1 = seen_level1 or line.style_level == 1
            continue
        if not seen_level1:
            found = match_marker(line.text)
            seen_level1 = found is not None and found[0].level == 1
            continue
        # a line right above a table, or one that says 表2 …, names a table; a cell is no heading
        if (index + 1 < len(lines) and lines[index + 1].cells is None and not line.in_table
                and not NUMBERED_TABLE.match(line.text) and _names_a_part(line.text) and not match_marker(line.text)):
            lines[index] = replace(line, style_level=1)


def _names_a_part(text: str) -> bool:
    return (_MIN_CHARS <= len(text) <= _MAX_CHARS and not _PUNCTUATION.search(text)
            and not _COLUMNS.search(text) and role_from_heading(text) is not None)
