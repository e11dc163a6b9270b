"""Notices that the page shows only part of the text: (未完，全文共4321字),
（未完，继续阅读）, 点击查看全文 >>. A notice at the end of a real paragraph is
cut out and the paragraph stays."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.model import Line

_NOTICE = re.compile(
    "|".join([
        # 未完 then punctuation, 待续 or the bracket: （未完成整改） is real text
        r"[（(【\[]\s*(?:本文|内容)?(?:未完(?=\s*(?:[，,、。…]|\.\.|待续|[）)】\]]))|试读结束)[^）)】\]]{0,30}[）)】\]]",
        r"(?:^|(?<=[\s。！？!?…]))(?:未完|试读结束)\s*[，,、]?\s*(?:待续|继续阅读|请下载|全文共\s*\d+\s*字)[^。！？]{0,20}$",
        r"^(?:点击)?(?:查看|阅读|展开)(?:全文|更多|剩余全文)[\s>》→.。…]*$",
        r"^(?:……|…|\.{3,})?\s*[（(]?\s*未完待续\s*[）)]?$",
    ])
)


# Every notice holds one of these words: a line without them needs no regex.
_WORDS = ("未完", "试读结束", "全文", "更多")


def _notice_spans(text: str):
    if not any(word in text for word in _WORDS):
        return []
    return [m.span() for m in _NOTICE.finditer(text)]


def strip_unfinished_notices(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _notice_spans)
