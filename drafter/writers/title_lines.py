"""Where a long title breaks into lines (GB/T 9704 7.3.1: 回行时词意完整、排列对称).

A 2号 title fits 20 full-width characters on a line of the 156 mm text block.
Left to itself, Word breaks wherever the line is full, often inside a word
(…上半年党 / 建工作情况汇报); instead the break goes after the unit or the
year, or before the document's name, whichever gives the most even lines.
"""
from __future__ import annotations

import re

from drafter.characters import page_width as width

LINE_WIDTH = 20  # full-width characters of 22 pt in 156 mm

# A line may end right after these …
_BREAK_AFTER = re.compile(
    r"(?:[0-9]{4}|[〇一二三四五六七八九]{4})年度?(?:上半年|下半年|第?[一二三四]季度)?(?![0-9年度])"
    r"|(?:委员会|党委|党组|党工委|总支部?|支部|机关|局|中心|办公室|公司|学校|医院|街道|社区)(?=[0-9〇一二三四五六七八九]{4}年|党建|关于|书记|主任)"
    r"|关于"
)
# … or right before these.
_BREAK_BEFORE = re.compile(r"(?:党建)?工作(?:总结|报告|汇报|情况|要点|计划)|述职(?:述廉)?报告|情况(?:汇报|报告)")




def title_break(title: str) -> int | None:
    """The index at which to start a second line, or None when the title fits or no
    break keeps words whole and both lines within the text block."""
    if width(title) <= LINE_WIDTH:
        return None
    candidates = {m.end() for m in _BREAK_AFTER.finditer(title)}
    candidates |= {m.start() for m in _BREAK_BEFORE.finditer(title)}
    fitting = [i for i in candidates
               if 0 < i < len(title) and width(title[:i]) <= LINE_WIDTH and width(title[i:]) <= LINE_WIDTH]
    if not fitting:
        return None
    return min(fitting, key=lambda i: (abs(width(title[:i]) - width(title[i:])), i))
