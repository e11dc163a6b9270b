"""The date line of a document as a calendar date, for the fill's `date` key.

Parsed documents keep the date as written: 2023年12月20日, 2023-12-20,
二〇二三年十二月二十日. The fill file wants YYYY-MM-DD.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"[0-9０-９]+|[〇零○一二三四五六七八九十]+"
_CHINESE_DATE = re.compile(rf"({_NUMBER})\s*年\s*({_NUMBER})\s*月\s*({_NUMBER})\s*[日号]")
_NUMERIC_DATE = re.compile(r"([0-9０-９]{4})\s*[-/.－／．]\s*([0-9０-９]{1,2})\s*[-/.－／．]\s*([0-9０-９]{1,2})")


def _value(text: str) -> int:
    if text[0].isdigit():
        return int("".join(str(unicodedata.digit(c)) for c in text))
    if len(text) == 4 or "十" not in text:  # 二〇二三: digit by digit
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")  # 十, 十二, 二十, 二十一
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def parse_date(text: str) -> _dt.date | None:
    """The calendar date in a date line, or None if it is not a whole valid date."""
    match = _CHINESE_DATE.search(text) or _NUMERIC_DATE.search(text)
    if not match:
        return None
    try:
        return _dt.date(*(_value(g) for g in match.groups()))
    except (ValueError, KeyError):
        return None


def with_year(date: _dt.date, year: int) -> _dt.date:
    """Same day in another year; 29 February becomes 28 February."""
    try:
        return date.replace(year=year)
    except ValueError:
        return date.replace(year=year, day=28)
