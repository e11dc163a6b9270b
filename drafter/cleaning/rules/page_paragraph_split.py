"""A whole document on one line, its paragraphs set off by spaces: split it, cut nothing.

文库 previews and some copy-paste give "某某党支部2021年党建工作总结 一年来,我支部在…。
现将…汇报如下: 一、基本情况 …。 二、主要做法 一是…", with single or double spaces (ASCII,
U+3000 or NBSP) where the paragraph breaks were. A line counts as such a page only when it
is long and at least two of its spaces stand where a paragraph can break: after a sentence
end or a colon, or before a heading or item marker. Then every space between words of
Chinese text is a break; spaces next to figures or Latin words (2023 年, Word 文档) stay,
and so do the spaces inside a table row (…申请数量 21 0 0 21) and between the two halves
of a couplet title or heading (加强顶层设计 创新工作思路, 一、强化政治引领 筑牢思想根基).

A level-1 heading glued to the sentence or colon before it (…汇报如下：一、基本情况 …。二、主要做法)
is a certain break too when its number is the next in the line's sequence of 一、 二、 三、 (a
一、 after a colon starts the sequence again): the page is cut right before its marker, and the
space or full stop after the heading's short words ends it. A line
shorter than a page is split only when it holds such a sequence (一、 and 二、 at least): a whole
short page, never a paragraph with one stray space.
"""
from __future__ import annotations

import re
from dataclasses import replace

from drafter.characters import CLAUSE_ENDS, COLONS, FULL_STOPS, SENTENCE_ENDS
from drafter.cleaning.line_edit import RuleResult
from drafter.model import Line
from drafter.outline.markers import cn_to_int

_MIN_PAGE = 120  # characters: a shorter line is a title or one paragraph
_MIN_BREAKS = 2
_MIN_HEADING_RUN = 2  # 一、 and 二、: what lets a short line count as a page
_SPACE_CHARS = " \t\u3000\u00a0"
_SPACES = re.compile(f"[{_SPACE_CHARS}]+")
# Where a paragraph can end: sentence ends, colons, closing quotes and brackets after them.
_ENDS_PARAGRAPH = set(SENTENCE_ENDS + COLONS + "…”’」』")
# What can start a heading, an item or a compilation part.
_STARTS_PART = re.compile(
    r"[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})\s*[）)]"
    r"|[0-9０-９]{1,2}\s*(?:[、．]|\.(?![0-9]))|[一二三四五六七八九十]{1,3}是"
    r"|第\s*[一二三四五六七八九十0-9０-９]{1,3}\s*(?:篇|部分)|篇[一二三四五六七八九十]|【篇"
)


# A level-1 marker, and one glued to the sentence end or colon before it.
_LEVEL1 = re.compile(r"([一二三四五六七八九十]{1,3})\s*[、.．]")
_GLUED_LEVEL1 = re.compile(f"(?<=[{re.escape(SENTENCE_ENDS + COLONS)}])" + _LEVEL1.pattern)
# A glued heading's words: short, ended by a space or a full stop (an inline list 一、…；二、… is
# ended by semicolons and commas).
_HEADING_WORDS = re.compile(f"[^{_SPACE_CHARS}{re.escape(CLAUSE_ENDS)}]{{1,30}}(?:[{_SPACE_CHARS}{FULL_STOPS}]|$)")
_LINKS = set(">＞»›|｜")
_BULLETS = set("•·●◆■▪►")
# Two or more figures set off by spaces up to the next words: the cells of a table row.
_CELLS_TO_END = re.compile(r"[0-9][0-9.,%]*+(?:[ \t\u3000\u00a0]++[0-9][0-9.,%]*+)++(?=[ \t\u3000\u00a0]|$)")
_COUPLET_PART = re.compile(r"[\u4e00-\u9fff]{4,12}")
_DATE_END = re.compile(r"(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?::[0-9]{2}){0,2}$|[0-9]{1,2}:[0-9]{2}$")
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}")
# A heading's marker, and a year label after it (一、2019年：…).
_MARKED_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])"
                             r"(?:\s*(?:19|20)[0-9]{2}\s*年度?\s*[：:])?\s*")
# Units and counters written after a figure (a PDF copy spaces them off: 2023 年, 12 个).
_UNITS = set("年月日号时分秒个次名人项件条万亿元千百十岁届期批场篇家户所座台辆亩吨米度%％")


def _is_latin_or_digit(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in "%.+-")


def _breaks(text: str) -> tuple[list[tuple[int, int]], int, int]:
    """Where the line may break (spaces, and empty spans before glued headings), how many
    of these breaks are certain, and how many level-1 headings run in sequence from 一、."""
    spans, certain = _space_breaks(text)
    glued, run = _glued_headings(text, spans)
    if glued:
        spans = sorted(spans + [(at, at) for at in glued])
    return spans, certain + len(glued), run


def _glued_headings(text: str, spans: list[tuple[int, int]]) -> tuple[list[int], int]:
    """The positions of level-1 headings glued to a sentence end or colon whose number is the
    next one expected, and the count of level-1 headings in sequence (一、 二、 … at breaks)."""
    found = [(m.start(), m.group(1), True) for m in _GLUED_LEVEL1.finditer(text)
             if _HEADING_WORDS.match(text, m.end())]
    starts = [0] + [end for _, end in spans]
    found += [(at, m.group(1), False) for at in starts if (m := _LEVEL1.match(text, at))]
    glued, run, expected = [], 0, 1
    for at, numeral, is_glued in sorted(found):
        number = cn_to_int(numeral)
        if number is None:
            continue
        if number == 1 and is_glued and text[at - 1] in COLONS:
            expected = 1  # …如下：一、 starts the headings again (the next part of a compilation)
        if number == expected:
            run += 1
            if is_glued:
                glued.append(at)
        elif is_glued:
            continue  # out of sequence: a number in the text, not a heading
        expected = number + 1
    return glued, run


def _space_breaks(text: str) -> tuple[list[tuple[int, int]], int]:
    """Spaces that may be paragraph breaks, and how many of them are certain ones."""
    spans, certain = [], 0
    cells_end = 0  # the end of the table row being passed over
    for found in _SPACES.finditer(text):
        start, end = found.span()
        if start == 0 or end == len(text) or start < cells_end:
            continue
        before, after = text[start - 1], text[end]
        if before in _LINKS or after in _LINKS:
            continue  # 首页 > 范文 > 述职报告: a breadcrumb stays one line for page_meta
        if before in _BULLETS and (start == 1 or text[start - 2] in _SPACE_CHARS):
            continue  # • 18.6 KB: a bullet marks the words after it
        if after.isdigit() and not before.isdigit() and (cells := _CELLS_TO_END.match(text, end)):
            cells_end = cells.end()  # 申请数量 21 0 0 21: a table row keeps its cells, read once
            continue
        if _is_latin_or_digit(before) and (_is_latin_or_digit(after) or (before.isdigit() and after in _UNITS)):
            # 12 0 0, Word 2016, 2023 年: figures and Latin words stay together, and a figure with
            # its unit (a unit follows a figure: after • 22.01 KB, 时光荏苒 starts a paragraph),
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
        if not any(space in text for space in _SPACE_CHARS):
            result.append(line)
            continue
        spans, certain, heading_run = _breaks(text)
        if certain < _MIN_BREAKS or (len(text) < _MIN_PAGE and heading_run < _MIN_HEADING_RUN):
            result.append(line)
            continue
        pieces, position = [], 0
        for start, end in spans:
            pieces.append(text[position:start])
            position = end
        pieces.append(text[position:])
        result.extend(replace(line, text=piece) for piece in _join_couplets(pieces, spans, text))
    return result, []


def _join_couplets(pieces: list[str], spans: list[tuple[int, int]], text: str) -> list[str]:
    """The two halves of a couplet back together, with the spaces between them: the first
    piece (the title) or a marked heading, then a phrase of the same length."""
    joined = [pieces[0]]
    for index in range(1, len(pieces)):
        previous, piece = joined[-1], pieces[index]
        first_half = _couplet_half(previous, is_title=len(joined) == 1)
        if first_half and _COUPLET_PART.fullmatch(piece) and abs(len(first_half) - len(piece)) <= 1:
            start, end = spans[index - 1]
            joined[-1] = previous + text[start:end] + piece
        else:
            joined.append(piece)
    return joined


def _couplet_half(piece: str, is_title: bool) -> str | None:
    """The phrase a couplet's second half would answer: the title itself, or a heading's words
    (after its marker and a year label)."""
    if not is_title:
        marked = _MARKED_HEADING.match(piece)
        if marked is None:
            return None
        piece = piece[marked.end():]
    return piece if _COUPLET_PART.fullmatch(piece) else None
