"""The page title of a compilation: 2021年党支部工作总结汇编（22篇）, 党建工作总结范文
精选5篇, 述职报告（通用10篇）. It names the collection, not any document in it, so it
never becomes a title. Only on the first lines and only when the count of pieces (N篇)
or 汇编/合集 ends the line."""
from __future__ import annotations

import re

from drafter.characters import COMMAS, SENTENCE_ENDS
from drafter.lazy_pattern import LazyPattern
from drafter.cleaning.line_edit import RuleResult, edit_top_lines
from drafter.model import Line

_COUNT = r"[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}"
_COMPILATION = LazyPattern(
    rf"(?:[（(【\[]\s*(?:精选|通用|优选|推荐|热门|最新|共|收录)?\s*(?:{_COUNT})\s*篇\s*[）)】\]]"
    rf"|(?:精选|通用|优选|范文|汇编|合集|大全|共)\s*(?:{_COUNT})\s*篇|汇编|合集)"
    r"\s*(?:目录)?$"
)
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}{COMMAS}]")
_TOP_LINES = 6
_MAX_LINE = 60


def _compilation_title_spans(text: str):
    if (len(text) <= _MAX_LINE and ("篇" in text or "汇编" in text or "合集" in text)
            and not _SENTENCE_END.search(text) and _COMPILATION.search(text)):
        return [(0, len(text))]
    return []


def drop_compilation_titles(lines: list[Line]) -> RuleResult:
    return edit_top_lines(lines, _TOP_LINES, _compilation_title_spans)
