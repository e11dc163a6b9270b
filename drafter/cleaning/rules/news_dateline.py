"""News-agency datelines around a reprinted report: （新华社北京5月27日电） as the last
line, and 新华社北京5月25日电 before the first sentence of the lead. They name where the
text was printed, like a web page's 来源 field; the report itself stays."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.cleaning.lazy_pattern import LazyPattern
from drafter.model import Line

# An agency or paper, a place, a date, then 电 (wired) or 讯 (reported).
_DATELINE = r"(?:新华社|中新社|人民日报|本报|光明日报|经济日报|央视网|人民网|新华网)[^\s，。（）()]{0,12}?" \
            r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日\s*(?:电|讯)"
_WHOLE_LINE = LazyPattern(rf"^[（(【\[]?\s*{_DATELINE}\s*[）)】\]]?$")
_LEAD = LazyPattern(rf"^[（(【\[]?\s*{_DATELINE}\s*[）)】\]]?[\s　：:]*(?=\S)")
_MAX_LINE = 40


def _dateline_spans(text: str):
    if "电" not in text and "讯" not in text:
        return []
    if len(text) <= _MAX_LINE and _WHOLE_LINE.match(text):
        return [(0, len(text))]
    found = _LEAD.match(text)
    return [found.span()] if found else []


def drop_news_datelines(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _dateline_spans)
