"""Heading and item markers as GB/T 9704 numbers them.

Level is fixed by the marker's style, never by position:
一、 = 1, （一） = 2, 1. = 3, （1） = 4; full and half width both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.characters import COLONS, FULL_STOPS, SENTENCE_ENDS

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERAL = r"[一二三四五六七八九十百千零〇]{1,7}"
_DIGITS = r"[0-9０-９]{1,3}"

# Sentence ends and clause ends, full and half width.
SENTENCE_END = FULL_STOPS
CLAUSE_END = SENTENCE_ENDS + COLONS


_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 一百零一 → 101, 一百二十 → 120; None if not a numeral."""
    if not text or any(ch not in CN_DIGITS and ch not in _UNITS for ch in text):
        return None
    total, current, previous_unit = 0, None, 10_000
    for ch in text:
        if ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= previous_unit:
                return None  # 十十, 十百
            if current is None:
                if unit != 10 or total:
                    return None  # a bare 百; but 十 alone is ten
                current = 1
            total += current * unit
            current, previous_unit = None, unit
        else:
            if current:  # two digits in a row (一二); 零 before one is fine (一百零一)
                return None
            current = CN_DIGITS[ch]
    total += current or 0
    return total or None


def int_to_cn(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 100 → 一百, 101 → 一百零一, 120 → 一百二十; any count."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number - 10] if number > 10 else "")
    if number < 100:
        tens, units = divmod(number, 10)
        return digits[tens] + "十" + (digits[units] if units else "")
    for size, name in ((10 ** 8, "亿"), (10 ** 4, "万"), (1000, "千"), (100, "百")):
        if number >= size:
            head, rest = divmod(number, size)
            if rest == 0:
                tail = ""
            elif rest < size // 10:
                tail = "零" + _under(rest)
            else:
                tail = _under(rest)
            return int_to_cn(head) + name + tail
    return str(number)


def _under(number: int) -> str:
    """A remainder under a larger unit: 10 is 一十 there (一百一十), not 十."""
    text = int_to_cn(number)
    return "一" + text if text.startswith("十") else text


def _to_int(text: str) -> int | None:
    if text and all(ch in "0123456789０１２３４５６７８９" for ch in text):
        return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return cn_to_int(text)


# A number as written in a marker, in any of its scripts.
WRITTEN_NUMBER = re.compile(r"[一二三四五六七八九十百千零〇两]+|[0-9]+|[０-９]+")


def marker_for(written: str, number: int) -> str:
    """The marker `written` (（三）, 3、, ３．) with another number, in the same style."""
    found = WRITTEN_NUMBER.search(written)
    if not found:
        return written
    digits = found.group(0)
    if digits[0] in "0123456789":
        new = str(number)
    elif digits[0] in "０１２３４５６７８９":
        new = str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    else:
        new = int_to_cn(number)
    return written[:found.start()] + new + written[found.end():]


# A marker at the start of a paragraph. Order matters: （1） before 1.
_MARKERS = [
    (4, re.compile(rf"^[（(]\s*({_DIGITS})\s*[）)]\s*[、.．]?")),
    (2, re.compile(rf"^[（(]\s*({_CN_NUMERAL})\s*[）)]\s*[、.．]?")),
    (1, re.compile(rf"^({_CN_NUMERAL})\s*[、.．]")),
    # 第一部分 / 第一、: the parts of a document without 一、 (第一，… is an enumeration, not a heading)
    (1, re.compile(rf"^第({_CN_NUMERAL})(?:部分\s*[、.．:：]?|\s*、)")),
    # 1. / 1、 / 1． but not 1.5 or 2023.12
    (3, re.compile(rf"^({_DIGITS})\s*(?:[、．]|\.(?![0-9]))")),
]


@dataclass(frozen=True)
class Marker:
    level: int
    number: int
    text: str  # as written, e.g. "（一）"


def match_marker(text: str) -> tuple[Marker, str] | None:
    """The heading marker that starts `text`, and the text after it."""
    for level, pattern in _MARKERS:
        found = pattern.match(text)
        if found:
            number = _to_int(found.group(1))
            if number is None or number == 0:
                continue
            return Marker(level, number, found.group(0).strip()), text[found.end():].lstrip()
    return None


@lru_cache(maxsize=512)
def marker_pattern(level: int, number: int) -> re.Pattern[str]:
    """A pattern finding one specific marker anywhere in a line (for glued headings)."""
    cn = int_to_cn(number)
    if level == 1:
        return re.compile(rf"(?<![一二三四五六七八九十第之统单唯万]){cn}\s*、")
    if level == 2:
        return re.compile(rf"[（(]\s*{cn}\s*[）)]")
    if level == 3:
        return re.compile(rf"(?<![0-9０-９.．]){number}\s*(?:[、．]|\.(?![0-9]))")
    return re.compile(rf"[（(]\s*{number}\s*[）)]")


# 一是 … 二是 … inline enumeration markers (also the typo 三是是).
ITEM_MARKER = re.compile(rf"({_CN_NUMERAL})是(是?)")
ITEM_BOUNDARY = set(CLAUSE_END + ".，,、 \u3000")
