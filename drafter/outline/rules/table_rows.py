"""Rows of a table that a copy from PDF or a web page flattened, one per line:
（七）总计 21 0 0 0 0 0 21, 一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119, and the
cell fragments around them (三 、本 年 度办 理 结果, （三）不). They look like headings
but are body text of the section the table stands in.

A row is a line ending in figures set off by spaces (a marked line needs one, any other
two), or a line of figures only. A marked line between rows (a few lines either side)
is a fragment, unless it is a whole level-1 heading with the next number among the real
ones (四、政府信息公开行政复议、行政诉讼情况 right after the table of 三、 is a heading; 三、
alone or 三 、本 年 度办 理 结果, a cell broken up by the copy, is not).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from drafter.characters import SENTENCE_ENDS
from drafter.outline.markers import match_marker
from drafter.outline.state import OutlineState

_CELL = re.compile(r"[-+]?[0-9０-９][0-9０-９,.，]*%?")
_CELL_ENDS = set("0123456789０１２３４５６７８９%")
_SENTENCE = re.compile(f"[{SENTENCE_ENDS}]")
_NEAR = 6  # lines either side within which a row makes a marked line a table fragment
_MIN_HEADING = 4


def _trailing_cells(text: str) -> tuple[int, int]:
    """(figures at the end, words before them), counting space-separated tokens."""
    tokens = text.split()
    cells = 0
    for token in reversed(tokens):
        if not _CELL.fullmatch(token):
            break
        cells += 1
    return cells, len(tokens) - cells


def is_table_row(text: str) -> bool:
    if not text or text[-1] not in _CELL_ENDS:
        return False  # the common line ends in a word or a stop, cheaply
    cells, words = _trailing_cells(text)
    if not cells:
        return False
    if words == 0:
        return True  # 4 0 0 0 0 0 4
    marked = match_marker(text) is not None
    return (cells >= 1 if marked else cells >= 2) and not _SENTENCE.search(text)


def _broken(words: str) -> bool:
    """A cell's words as a table copy leaves them: a few characters, or spaced apart."""
    return len(words.strip()) < _MIN_HEADING or any(
        words[i] == " " and _is_cjk(words[i - 1]) and _is_cjk(words[i + 1]) for i in range(1, len(words) - 1))


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def mark_table_rows(state: OutlineState) -> None:
    lines = state.lines
    for line in lines:
        if line.cells is not None:  # a Word table: its cells hold no heading (一、理论学习 | 12次)
            state.body_only.add(id(line))
    rows = [is_table_row(line.text) for line in lines]
    if not any(rows):
        return
    row_at = [index for index, row in enumerate(rows) if row]
    last = {1: 0, 2: 0, 3: 0, 4: 0}
    for index, line in enumerate(lines):
        if rows[index]:
            state.body_only.add(id(line))
            continue
        found = match_marker(line.text)
        if found is None:
            continue
        marker, words = found
        after = bisect_left(row_at, index)  # index is no row: row_at[after] is the next one
        sandwiched = (after > 0 and row_at[after - 1] >= index - _NEAR
                      and after < len(row_at) and row_at[after] <= index + _NEAR)
        if sandwiched and (marker.level != 1 or marker.number != last[1] + 1 or _broken(words)):
            state.body_only.add(id(line))
            continue
        last[marker.level] = marker.number
        for lower in range(marker.level + 1, 5):
            last[lower] = 0
