"""The title: the first line, when it reads like one."""
from __future__ import annotations

from drafter.outline.markers import match_marker
from drafter.outline.state import OutlineState

MAX_TITLE_CHARS = 60


def take_title(state: OutlineState) -> None:
    if not state.lines:
        return
    first = state.lines[0].text
    if match_marker(first) or len(first) > MAX_TITLE_CHARS or first.endswith(("。", "；", "！", "？", "：", ":")):
        return
    state.doc.title = first
    state.lines = state.lines[1:]
