"""Paid-site markers (##paidbegin## / ##paidend##), wherever they are: alone on a
line, before a heading, or inside a word (按##paidbegin##照 → 按照)."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.model import Line

_MARKER = re.compile(r"#{1,3}\s*paid[\s_-]*(?:begin|end|start|stop)\s*#{1,3}", re.IGNORECASE)


def strip_paid_markers(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, lambda text: [m.span() for m in _MARKER.finditer(text)])
