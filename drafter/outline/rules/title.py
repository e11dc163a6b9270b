"""The title: the first line, when it reads like one, and the line under it when the
title was set on two lines.

Two lines make one title when the first names no kind of document and the second
finishes it (洪泽区人民政府 / 2023 年政府信息公开工作年度报告), or when both are short
phrases of a slogan title (加强顶层设计 创新工作思路 / 扎实推进模范机关创建). A subtitle
(——在…会议上), a byline, a date or the opening is never part of the title.
"""
from __future__ import annotations

import re

from drafter.outline.markers import match_marker
from drafter.outline.state import OutlineState

MAX_TITLE_CHARS = 60
_MAX_SECOND_LINE = 40
_DOCUMENT_NOUN = re.compile(r"(?:总结|报告|汇报|述职|材料|计划|要点|讲话|发言|方案|意见|通知|情况|综述)")
_ENDS_WITH_DOCUMENT_NOUN = re.compile(r"(?:总结|报告|汇报|材料|计划|要点|讲话|发言|综述)(?:[（(][^）)]{1,6}[）)])?$")
_PUNCTUATION = re.compile(r"[，。；：！？,.;:!?、—0-9０-９]")
_ORGANIZATION = re.compile(r"(?:委员会|党委|党组|总支|支部|工委|政府|办公室|局|厅|委|办|处|科|所|中心|院|校|公司|"
                           r"集团|协会|街道|镇|乡|村|社区|部|组|队|会|站|馆|室)$")
_SUBTITLE_OPENERS = ("—", "-", "－", "（", "(", "[", "【")
_MIN_PHRASE, _MAX_PHRASE = 4, 20


def take_title(state: OutlineState) -> None:
    lines = state.lines
    start = 0
    while start < len(lines) and lines[start].cells is not None:
        start += 1  # a Word table above the title (a form's header) is no title
    if start >= len(lines):
        return
    first = lines[start].text
    if not _reads_like_a_title(first):
        return
    taken = 1
    if len(lines) > start + 2 and lines[start + 1].cells is None and _continues_title(first, lines[start + 1].text):
        first, taken = first + lines[start + 1].text, 2
    state.doc.title = first
    state.lines = lines[:start] + lines[start + taken:]


def _reads_like_a_title(text: str) -> bool:
    return not (match_marker(text) or len(text) > MAX_TITLE_CHARS
                or text.endswith(("。", "；", "！", "？", "：", ":")))


def _continues_title(first: str, second: str) -> bool:
    if (_DOCUMENT_NOUN.search(first) or len(second) > _MAX_SECOND_LINE or match_marker(second)
            or second.startswith(_SUBTITLE_OPENERS)):
        return False
    if _ENDS_WITH_DOCUMENT_NOUN.search(second) and not re.search(r"[，。；：！？,;:!?]", second):
        return True  # 洪泽区人民政府 / 2023 年政府信息公开工作年度报告
    return bool(_is_phrase(second) and len(first) <= 30 and not _PUNCTUATION.search(first)
                and not _ORGANIZATION.search(second) and not _DOCUMENT_NOUN.search(second))


def _is_phrase(text: str) -> bool:
    """Chinese words only (quotes allowed), 4 to 20 of them."""
    return _MIN_PHRASE <= len(text) <= _MAX_PHRASE and all("\u4e00" <= c <= "\u9fff" or c in "“”" for c in text)
