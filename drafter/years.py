"""Years and dates: a year as typed (--year, a fill file's year), a date line in
any of the forms documents use, and the year a document is about.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import TYPE_CHECKING

from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.model import Document

MIN_YEAR, MAX_YEAR = 1949, 2100

# A year's review is often dated early the next year (2025年1月8日 under a 2024 总结).
YEARLY_KINDS = ("annual", "debrief")
EARLY_MONTHS = 2

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TYPED_YEAR = re.compile(r"^\s*([0-9０-９]{4})\s*年?度?\s*$")
_DIGIT_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20|21)[0-9]{2}|[１２][０-９]{3})(?![0-9０-９])")
_CN_YEAR = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})\s*年")
_NUMBER = r"[0-9０-９]+|[〇零○Ｏ一二三四五六七八九十]+"
_CHINESE_DATE = re.compile(rf"({_NUMBER})\s*年\s*({_NUMBER})\s*月\s*({_NUMBER})\s*[日号]")
_MONTH_ONLY = re.compile(rf"^[（(]?\s*({_NUMBER})\s*年\s*({_NUMBER})\s*月\s*[）)]?$")
_NUMERIC_DATE = re.compile(r"([0-9０-９]{4})\s*[-/.－／．]\s*([0-9０-９]{1,2})\s*[-/.－／．]\s*([0-9０-９]{1,2})")


def year_range_text() -> str:
    return f"{MIN_YEAR}—{MAX_YEAR}"


def parse_year(value: int | str | None, *, key: str | None = "year", path: str | None = None,
               line: int | None = None, what: str = "年份") -> int | None:
    """A year typed by the user (2025, "2025", "2025年", "２０２５"); None stays None.
    Anything else, or a year outside MIN_YEAR..MAX_YEAR, is a DrafterError."""
    if value is None:
        return None
    year = None
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    elif isinstance(value, str):
        found = _TYPED_YEAR.match(value)
        year = _number(found.group(1)) if found else None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise DrafterError(f"{what}“{value}”无效，应是 {year_range_text()} 之间的四位数年份，例如 2025",
                           key=key, path=path, line=line)
    return year


def _number(text: str) -> int:
    """A number written in digits (half or full width) or in Chinese numerals."""
    if text[0].isdigit():
        return int("".join(str(unicodedata.digit(c)) for c in text))
    if len(text) == 4 or "十" not in text:  # 二〇二三: digit by digit
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")  # 十, 十二, 二十, 二十一
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def parse_date(text: str | None, *, whole: bool = False) -> _dt.date | None:
    """The calendar date in a date line (2024年12月26日, 二〇二四年十二月二十六日,
    2024-12-26, 2024.12.26), or None if there is no whole valid date.
    whole: the text must be the date and nothing else (spaces aside)."""
    text = (text or "").strip() if whole else (text or "")
    match = _CHINESE_DATE.search(text) or _NUMERIC_DATE.search(text)
    if not match or (whole and match.span() != (0, len(text))):
        return None
    try:
        return _dt.date(*(_number(g) for g in match.groups()))
    except (ValueError, KeyError):
        return None


def month_only(text: str | None) -> tuple[int, int] | None:
    """(year, month) of a date written to the month, without a day (2025年1月, as a 述职报告
    is often dated), or None."""
    found = _MONTH_ONLY.match((text or "").strip())
    if not found:
        return None
    try:
        year, month = _number(found.group(1)), _number(found.group(2))
    except (KeyError, ValueError):
        return None
    return (year, month) if 1 <= month <= 12 else None


def with_year(date: _dt.date, year: int) -> _dt.date:
    """Same day in another year; 29 February becomes 28 February."""
    try:
        return date.replace(year=year)
    except ValueError:
        return date.replace(year=year, day=28)


def year_in_text(text: str | None) -> int | None:
    """The first plausible year written in text: 2024, ２０２４ or 二〇二四年."""
    candidates = []
    for found in _DIGIT_YEAR.finditer(text or ""):
        candidates.append((found.start(), _number(found.group(1))))
    for found in _CN_YEAR.finditer(text or ""):
        candidates.append((found.start(), _number(found.group(1))))
    years = [(start, year) for start, year in candidates if MIN_YEAR <= year <= MAX_YEAR]
    return min(years)[1] if years else None


def document_year(doc: Document) -> tuple[int | None, str]:
    """(year the document is about, where it was found): the title's first year
    ("title"), else its date line's ("date"). An annual summary or debrief dated
    in January or February reviews the year before ("date_previous")."""
    title_year = year_in_text(doc.title)
    if title_year is not None:
        return title_year, "title"
    date = parse_date(doc.date)
    year_month = (date.year, date.month) if date is not None else month_only(doc.date)
    if year_month is not None:
        year, month = year_month
        if month <= EARLY_MONTHS and doc.kind in YEARLY_KINDS:
            return year - 1, "date_previous"
        return year, "date"
    date_year = year_in_text(doc.date)
    if date_year is not None:
        return date_year, "date"
    return None, ""


_FULL_WIDTH_DIGITS = "０１２３４５６７８９"
_CN_NUMERALS = "〇一二三四五六七八九"


def year_written_like(written: str, year: int) -> str:
    """`year` in the notation of the year `written`: 2024 → 2025, ２０２４ → ２０２５,
    二〇二四 → 二〇二五 (with the zero as written there: 〇, ○ or 零)."""
    digits = f"{year:04d}"
    if written[:1] in _FULL_WIDTH_DIGITS:
        return "".join(_FULL_WIDTH_DIGITS[int(d)] for d in digits)
    if written[:1] and written[0] in _CN_DIGITS:
        zero = next((c for c in written if _CN_DIGITS.get(c) == 0), "〇")
        return "".join(zero if d == "0" else _CN_NUMERALS[int(d)] for d in digits)
    return digits


def year_value(written: str) -> int | None:
    """The year a four-character year token stands for (2024, ２０２４, 二〇二四), else None."""
    try:
        return _number(written) if len(written) == 4 else None
    except (KeyError, ValueError):
        return None
