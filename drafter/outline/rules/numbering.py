"""Numbering problems between sibling headings (一、 then 四、), as warnings."""
from __future__ import annotations

from drafter.model import Section
from drafter.outline.markers import marker_for, match_marker
from drafter.outline.state import OutlineState
from drafter.vocabulary import LEVELS


def check_numbering(state: OutlineState) -> None:
    _check_siblings(state, state.doc.sections, restarts=set())


def _check_siblings(state: OutlineState, siblings: list[Section], restarts: set[int]) -> None:
    last: dict[int, tuple[int, str]] = {}
    for position, node in enumerate(siblings):
        if position in restarts:
            last.clear()
        found = match_marker(node.marker) if node.marker else None
        if found:
            number = found[0].number
            previous = last.get(node.level)
            expected = previous[0] + 1 if previous else 1
            if number != expected:
                before = f"“{previous[1]}”" if previous else "开头"
                kind = "重复" if previous and number <= previous[0] else "跳跃"
                state.warn(f"numbering_{'repeat' if kind == '重复' else 'skip'}",
                           f"{LEVELS[node.level]}序号{kind}：{before}之后是“{node.marker}”",
                           node.line, level=node.level, expected=marker_for(node.marker, expected),
                           found=node.marker)
            last[node.level] = (number, node.marker)
        _check_siblings(state, node.children, state.numbering_restarts.get(id(node), set()))
