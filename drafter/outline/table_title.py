"""What names a table: 表1 主要指标完成情况, 附表 年度任务清单, 2025年学习情况统计表.

A short line, never a sentence (no ，、；), and never a word that only ends in 表
(代表, 见下表). A line that starts with 表N or 附表 names a table whatever follows,
so it is neither a part heading nor the closing.
"""
from __future__ import annotations

import re

_NUMBER = "[0-9一二三四五六七八九十]"
NUMBERED_TABLE = re.compile(rf"^(?:附表\s*{_NUMBER}*|表\s*{_NUMBER}+)(?:[：:.．\s]|$)")
TABLE_TITLE = re.compile(rf"^(?:(?:附表\s*{_NUMBER}*|表\s*{_NUMBER}+)[：:.．\s]*[^。！？；，、]{{2,40}}"
                         r"|[^。！？；，、：:]{2,40}(?:(?<![代下上见如列发])表|清单|一览))$")
