"""A whole web page pasted as one line: split the page chrome off, cut nothing.

"标题 发布时间：2024-07-12 来源：本站原创 浏览次数：1523 今年上半年，… 下载本文 分享到： (未完…)"
becomes the title, a line of info fields, the body, and a line of buttons,
so that the line rules (page_meta, page_button, unfinished_notice, repeated_title)
see them as they would on a tidy copy. It only acts on a run of at least two
`label：value` fields set off by spaces, or on a tail of button words.
"""
from __future__ import annotations

import re
from dataclasses import replace

from drafter.cleaning.line_edit import RuleResult
from drafter.cleaning.rules.page_button import BUTTON_WORDS
from drafter.cleaning.rules.page_meta import PAGE_FIELDS
from drafter.model import Line

_LABELS = "|".join(map(re.escape, sorted(PAGE_FIELDS.strong, key=len, reverse=True)))
# Two or more strong fields in a row, each preceded by white space.
# Each run of spaces is tried from its first space only, and never given back: linear on
# a page with long runs of spaces.
_FIELD_RUN = re.compile(rf"(?<![ \t\u3000])(?:[ \t\u3000]++(?:{_LABELS})\s*+[:：]\s*+[^\s:：]++){{2,}}")
_BUTTON = "|".join(map(re.escape, sorted(BUTTON_WORDS, key=len, reverse=True)))
_NOTICE = r"[（(]\s*未完[^）)]{0,20}[）)]"
# Button words (or an unfinished notice) to the end of the line, set off by spaces.
_BUTTON_TAIL = re.compile(rf"(?<![ \t\u3000])(?:[ \t\u3000]++(?:(?:{_BUTTON})[:：]?|{_NOTICE}))+[ \t\u3000]*+$")


def split_page_chrome(lines: list[Line]) -> RuleResult:
    result: list[Line] = []
    for line in lines:
        if " " not in line.text and "\t" not in line.text and "\u3000" not in line.text:
            result.append(line)  # no space, no chrome set off by one: the common line, cheaply
            continue
        result.extend(replace(line, text=piece) for piece in _pieces(line.text))
    return result, []


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    tail = _BUTTON_TAIL.search(text)
    buttons: list[str] = []
    if tail and _has_prose(text[:tail.start()]):
        # the buttons stay together (page_button takes a line of them); a notice goes apart
        buttons = re.split(rf"({_NOTICE})", text[tail.start():])
        text = text[:tail.start()]
    run = _FIELD_RUN.search(text)
    if run and _has_prose(text[:run.start()] + text[run.end():]):
        pieces.append(text[:run.start()])
        pieces.append(text[run.start():run.end()])
        pieces.append(text[run.end():])
    else:
        pieces.append(text)
    pieces.extend(buttons)
    return [piece.strip() for piece in pieces if piece.strip()]


def _has_prose(text: str) -> bool:
    """Real words besides chrome: a tidy info or button line is left to the line rules."""
    words = re.sub(rf"{_LABELS}|{_BUTTON}", "", text)
    return len(_CJK.findall(words)) >= _MIN_PROSE


_CJK = re.compile(r"[\u4e00-\u9fff]")
_MIN_PROSE = 6
