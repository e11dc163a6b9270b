"""The page head above a title that the page prints twice: 精品学习网 教师工作总结 / 2024年教师个人
年度工作总结 / 2024年教师个人年度工作总结 2024-12-25. A web page prints its title as the page
title and again as the article heading; the line repeated right after itself is the title, and the
short lines above it (a site's name and section, in words no site list has) are the page's
chrome. They go only when they are short phrases (no clause mark, no heading marker) on the first
lines; the repeat itself is left to repeated_title."""
from __future__ import annotations

import re
import unicodedata

from drafter.characters import CLAUSE_ENDS
from drafter.cleaning.line_edit import Cut, RuleResult
from drafter.model import Line
from drafter.outline.markers import match_marker

_TOP_LINES = 5
_MAX_TITLE = 80
_MIN_TITLE = 4
_MAX_CHROME = 40
_CLAUSE = re.compile(f"[{CLAUSE_ENDS}]")


def comparable(text: str) -> str:
    """Equal up to spaces and full-/half-width forms."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _is_title(text: str) -> bool:
    return (_MIN_TITLE <= len(text) <= _MAX_TITLE and not _CLAUSE.search(text[-1])
            and match_marker(text) is None)


def _is_chrome(text: str) -> bool:
    return len(text) <= _MAX_CHROME and not _CLAUSE.search(text) and match_marker(text) is None


def drop_chrome_above_title(lines: list[Line]) -> RuleResult:
    top = lines[:_TOP_LINES + 1]
    for index in range(len(top) - 1):
        text = top[index].text
        if _is_title(text) and comparable(text) == comparable(top[index + 1].text):
            return list(lines[index:]), [Cut(line.text, line.lineno) for line in lines[:index]]
        if not _is_chrome(text):
            break  # what stands above the title must all be chrome
    return list(lines), []
