"""A whole document on one line, its paragraphs set off by spaces: split it, cut nothing.

文库 previews and some copy-paste give "某某党支部2021年党建工作总结 一年来,我支部在…。
现将…汇报如下: 一、基本情况 …。 二、主要做法 一是…", with single or double spaces (ASCII,
U+3000 or NBSP) where the paragraph breaks were. A line counts as such a page only when it
is long and at least two of its spaces stand where a paragraph can break: after a sentence
end or a colon, or before a heading or item marker. Then every space between words of
Chinese text is a break; spaces next to figures or Latin words (2023 年, Word 文档) stay.
"""
from __future__ import annotations

import re
from dataclasses import replace

from drafter.cleaning.line_edit import RuleResult
from drafter.model import Line

_MIN_PAGE = 120  # characters: a shorter line is a title or one paragraph
_MIN_BREAKS = 2
_SPACE_CHARS = " \t\u3000\u00a0"
_SPACES = re.compile(f"[{_SPACE_CHARS}]+")
# Where a paragraph can end: sentence ends, colons, closing quotes and brackets after them.
_ENDS_PARAGRAPH = set("。！？!?：:；;…”’」』")
# What can start a heading, an item or a compilation part.
_STARTS_PART = re.compile(
    r"[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*[）)]"
    r"|[0-9０-９]{1,2}\s*(?:[、．]|\.(?![0-9]))|[一二三四五六七八九十]{1,3}是"
    r"|第\s*[一二三四五六七八九十0-9０-９]{1,3}\s*(?:篇|部分)|篇[一二三四五六七八九十]|【篇"
)


_LINKS = set(">＞»›|｜")
_DATE_END = re.compile(r"(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?::[0-9]{2}){0,2}$|[0-9]{1,2}:[0-9]{2}$")
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}")
# Units and counters written after a figure (a PDF copy spaces them off: 2023 年, 12 个).
_UNITS = set("年月日号时分秒个次名人项件条万亿元千百十岁届期批场篇家户所座台辆亩吨米度%％")


def _is_latin_or_digit(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "%.+-")


def _breaks(text: str) -> tuple[list[tuple[int, int]], int]:
    """Spaces that may be paragraph breaks, and how many of them are certain ones."""
    spans, certain = [], 0
    for found in _SPACES.finditer(text):
        start, end = found.span()
        if start == 0 or end == len(text):
            continue
        before, after = text[start - 1], text[end]
        if before in _LINKS or after in _LINKS:
            continue  # 首页 > 范文 > 述职报告: a breadcrumb stays one line for page_meta
        if _is_latin_or_digit(before) and (_is_latin_or_digit(after) or after in _UNITS):
            # 12 0 0, 2023 年, Word 文档: figures and words with their units stay together,
            # but a page date (2021-04-02 2021年度…) ends where its time does not follow
            if not (_DATE_END.search(text, max(0, start - 20), start) and not _TIME.match(text, end)):
                continue
        spans.append((start, end))
        if before in _ENDS_PARAGRAPH or _STARTS_PART.match(text, end):
            certain += 1
    return spans, certain


def split_page_paragraphs(lines: list[Line]) -> RuleResult:
    result: list[Line] = []
    for line in lines:
        text = line.text
        if len(text) < _MIN_PAGE or not any(space in text for space in _SPACE_CHARS):
            result.append(line)
            continue
        spans, certain = _breaks(text)
        if certain < _MIN_BREAKS:
            result.append(line)
            continue
        position = 0
        for start, end in spans:
            result.append(replace(line, text=text[position:start]))
            position = end
        result.append(replace(line, text=text[position:]))
    return result, []
