"""Split headings glued to earlier text on one line.

Bad copy-paste gives "…工作计划一、政治思想建设情况一是强化思想教育…". A marker
is split off only when its number is the next one expected at its level and it
stands where a heading can start.
"""
from __future__ import annotations

import re
from collections import deque
from functools import lru_cache

from drafter.characters import COLONS, FULL_STOPS, SENTENCE_ENDS
from drafter.model import Line
from drafter.outline.heading_text import spaced_heading_end
from drafter.outline.markers import ITEM_MARKER, int_to_cn, match_marker, marker_pattern
from drafter.outline.state import OutlineState

_SENTENCE_END_BEFORE = FULL_STOPS
_MAX_GLUED_SEGMENT = 30
_LOOK_AHEAD = _MAX_GLUED_SEGMENT + 16  # enough to see the end of a heading and the marker after it
_MAX_NUMBER_SKIP = 3
_SEGMENT_END = re.compile(f"[{SENTENCE_ENDS}{COLONS}]")
_OPENERS, _CLOSERS = "《“‘「『", "》”’」』"
_SUB_MARKER = re.compile(r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")


def split_glued_headings(state: OutlineState) -> None:
    last = {1: 0, 2: 0, 3: 0, 4: 0}
    result: list[Line] = []
    queue = deque(state.lines)
    while queue:
        line = queue.popleft()
        if id(line) in state.body_only:  # a table row: no heading starts in it
            result.append(line)
            continue
        text = line.text
        start = match_marker(text)
        if start:
            marker, _ = start
            _count(last, marker.level, marker.number)
        cut = _find_glued(text, last, skip=len(start[0].text) if start else 0)
        if cut is None:
            result.append(line)
            continue
        head, tail = text[:cut].rstrip(), text[cut:]
        result.append(Line(head, line.lineno, line.style_level))
        queue.appendleft(Line(tail, line.lineno))
    state.lines = result


def _count(last: dict[int, int], level: int, number: int) -> None:
    last[level] = number
    for lower in range(level + 1, 5):
        last[lower] = 0


def _find_glued(text: str, last: dict[int, int], skip: int) -> int | None:
    best: int | None = None
    for level in (1, 2, 3):
        # The next number, or (after a sentence end only) one a little further on: 一、 … 四、.
        for number in range(last[level] + 1, last[level] + 1 + _MAX_NUMBER_SKIP):
            skipped = number > last[level] + 1
            if _probe(level, number) not in text:
                continue  # cheap test first: most lines hold no such numeral at all
            for found in marker_pattern(level, number).finditer(text, max(skip, 1)):
                if skipped and text[found.start() - 1] not in _SENTENCE_END_BEFORE:
                    continue
                if _first_sub_heading(text, skip, found.start(), level, number) or \
                        _can_start_heading(text, found.start(), found.end(), level):
                    if best is None or found.start() < best:
                        best = found.start()
                    break
    return best


def _first_sub_heading(text: str, skip: int, start: int, level: int, number: int) -> bool:
    """一、主要工作开展情况（一）加强…: the first sub-heading glued to a short heading
    that starts the line."""
    if level != 2 or number != 1 or not skip:
        return False
    found = match_marker(text)
    heading = text[skip:start]
    return (found is not None and found[0].level == 1 and 0 < len(heading.strip()) <= _MAX_GLUED_SEGMENT
            and not _SEGMENT_END.search(heading))


def _probe(level: int, number: int) -> str:
    return str(number) if level == 3 else int_to_cn(number)


def _can_start_heading(text: str, start: int, end: int, level: int) -> bool:
    if _inside_quotes(text, start):
        return False
    before = text[start - 1]
    if before == "第":
        return False  # 第二十条第（一）项: a reference, not a heading
    # Only the first few characters after the marker decide (a line with many markers
    # must not be read to its end for each of them).
    rest = len(text) - end
    after = text[end:end + _LOOK_AHEAD]
    if not after.strip():
        return False
    if before in _SENTENCE_END_BEFORE:
        return True
    if level == 3:
        return False  # 1. glued to a word is too often a number in running text
    if before in COLONS and level == 1 and spaced_heading_end(text, end) is not None:
        return True  # …如下：一、基本情况 支部现有党员27名。
    # Glued to a word, a colon or a semicolon: the heading must be short and
    # end the line, or be followed by more structure (一是, （一）).
    if rest <= _MAX_GLUED_SEGMENT and not _SEGMENT_END.search(after):
        return True
    segment_end = _SEGMENT_END.search(after)
    item = ITEM_MARKER.search(after)
    # 一、主要工作开展情况（一）加强理论武装。: the heading may end at a glued sub-heading
    sub = _SUB_MARKER.search(after) if level == 1 else None
    found = [m for m in (segment_end, item, sub) if m]
    stop = min(m.start() for m in found) if found else rest
    if stop > _MAX_GLUED_SEGMENT or stop == 0:
        return False
    if item and item.start() == stop and item.group(1) == "一":
        return True
    if sub and sub.start() == stop:
        following = match_marker(after[stop:])
        return following is not None and following[0].number == 1
    return match_marker(after[stop:]) is not None


def _inside_quotes(text: str, position: int) -> bool:
    depths = _quote_depths(text)
    return depths is not None and depths[position] > 0


@lru_cache(maxsize=16)
def _quote_depths(text: str) -> list[int] | None:
    """Quote depth before each position of a line, counted once per line (None: no quotes)."""
    if not any(opener in text for opener in _OPENERS):
        return None
    depths, depth = [], 0
    for ch in text:
        depths.append(depth)
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
    depths.append(depth)
    return depths
