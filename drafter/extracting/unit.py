"""The unit (单位) a document speaks for, read from its title.

A title is [unit][period][topic] in some order: 2023年市水利局机关党委党建工作总结,
XX中心2023年度上半年党建工作开展情况汇报, 2023年党总支部书记抓基层党建工作述职报告.
The unit is what stands before the first period or topic word, cut after
its last organisation suffix (党委, 支部, 中心, 局 …). No such suffix: no unit.
"""
from __future__ import annotations

import re

MAX_UNIT_CHARS = 30

_LEADING = re.compile(r"^(?:关于|有关)")
_PERIOD = re.compile(
    r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年?度?"
    r"|上半年|下半年|全年|今年|本年度|年度|年终|半年|第?[一二三四1-4]季度|前三季度"
)
# Where the topic of the title starts (the unit stands before it).
_TOPIC = re.compile(
    r"党建|党风|工作|述职|总结|汇报|报告|情况|计划|要点|书记|主任|局长|部长|校长|院长|经理|委员|"
    r"个人|履职|抓基层|落实|开展|关于|的"
)
# The unit ends with one of these (longest first where one contains another).
_ORG_SUFFIX = (
    r"党工委|党委|党组|党总支|总支部|党支部|支部|委员会|工委|纪委|纪工委|政府|办公室|办公厅|"
    r"局|厅|委|办|处|科|所|中心|院|校|公司|集团|协会|学会|联合会|大队|中队|站|社区|街道|镇|乡|村|部|队|馆|会|室|团"
)
_UNIT = re.compile(rf"^(.*?(?:{_ORG_SUFFIX}))(?!.*(?:{_ORG_SUFFIX}))", re.S)


def unit_from_title(title: str) -> str | None:
    """市水利局机关党委 from 2023年市水利局机关党委党建工作总结; None if the title has none."""
    text = _LEADING.sub("", title.strip())
    leading = _PERIOD.match(text)
    if leading:
        text = text[leading.end():]
    stops = [m.start() for m in (_PERIOD.search(text), _TOPIC.search(text)) if m]
    head = text[:min(stops)] if stops else text
    head = head.strip(" \u3000“”\"'《》（）()")
    found = _UNIT.match(head)
    if not found:
        return None
    unit = found.group(1).strip()
    return unit if 2 <= len(unit) <= MAX_UNIT_CHARS else None
