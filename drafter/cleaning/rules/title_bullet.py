"""A list bullet a web page prints before its title or its file-size line (• 青山镇…总结,
a • left on a line of its own when the size beside it went): decoration, never part of the
title. Only on the first lines, where the title is; a bullet inside the text stays."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_top_lines
from drafter.model import Line

_TOP_LINES = 5
_MARKS = "•·●○◆◇■□▪▫►▶➤★☆"
_BULLETS = re.compile(f"^[{_MARKS}]+(?:\\s*[{_MARKS}]+)*")


def _bullet_spans(text: str):
    found = _BULLETS.match(text)
    return [found.span()] if found else []


def strip_title_bullets(lines: list[Line]) -> RuleResult:
    return edit_top_lines(lines, _TOP_LINES, _bullet_spans)
