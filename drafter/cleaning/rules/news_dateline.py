"""News-agency datelines and bylines around a reprinted report: （新华社北京5月27日电） as the
last line, 新华社北京5月25日电 before the first sentence of the lead, 本报记者 赵某 or
记者 张某 通讯员 李某 on a line of their own. They name where and by whom the text was printed,
like a web page's 来源 field; the report itself stays."""
from __future__ import annotations


from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.lazy_pattern import LazyPattern
from drafter.model import Line

# An agency or paper, a place, a date, then 电 (wired) or 讯 (reported).
_DATELINE = r"(?:新华社|中新社|人民日报|本报|光明日报|经济日报|央视网|人民网|新华网)[^\s，。（）()]{0,12}?" \
            r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日\s*(?:电|讯)"
_WHOLE_LINE = LazyPattern(rf"^[（(【\[]?\s*{_DATELINE}\s*[）)】\]]?$")
_LEAD = LazyPattern(rf"^[（(【\[]?\s*{_DATELINE}\s*[）)】\]]?[\s　：:]*(?=\S)")
_MAX_LINE = 40
# A reporter's byline: 本报记者 赵某, 记者 张某 通讯员 李某 (a space, then a name of two to four characters).
_BYLINE = LazyPattern(r"^(?:(?:本报|本刊|新华社|人民日报)?(?:特约|见习)?(?:记者|通讯员)[\s\u3000]+"
                      r"[\u4e00-\u9fff·]{2,4}[\s\u3000]*){1,4}$")
_MAX_BYLINE = 30


def _dateline_spans(text: str):
    if len(text) <= _MAX_BYLINE and ("记者" in text or "通讯员" in text) and _BYLINE.match(text):
        return [(0, len(text))]
    if "电" not in text and "讯" not in text:
        return []
    if len(text) <= _MAX_LINE and _WHOLE_LINE.match(text):
        return [(0, len(text))]
    found = _LEAD.match(text)
    return [found.span()] if found else []


def drop_news_datelines(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _dateline_spans)
