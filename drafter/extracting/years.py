"""The document's own year, and moving it to the new year.

The document's own year Y is `drafter.years.document_year`. Moving to a new year N turns
every mention of Y into N and every mention of Y + 1 (the year a plan is for:
2024年工作计划 in a 2023 summary) into N + 1. Other years stay: 较2022年 is a
fact, and a year inside a range (2018—2020年, 2021年至2023年) names a period,
such as a three-year plan.

A mention is a four-digit year followed by 年 (2023年, 2023年度, 2023年7月1日)
or the year of a numeric date (2023-07-01); in titles and headings also a bare
year (2023党组党建工作总结).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from drafter.years import MAX_YEAR, MIN_YEAR


_YEAR = re.compile(r"(?<![0-9０-９.．])([12１２][0-9０-９]{3})(?![0-9０-９])")
_AFTER_YEAR = re.compile(r"\s*年")
_AFTER_NUMERIC_DATE = re.compile(r"[-/.－／．][0-9０-９]{1,2}[-/.－／．][0-9０-９]{1,2}(?![0-9０-９])")
_RANGE_LINK = r"\s*年?\s*(?:[-—–~～－]+|至|到)\s*"
_RANGE_REACH = 24  # 2018年 — 2020年: the first year and the link before the second
_RANGE_BEFORE = re.compile(rf"[0-9０-９]{{4}}{_RANGE_LINK}$")
_RANGE_AFTER = re.compile(rf"{_RANGE_LINK}[0-9０-９]{{4}}")
_MONTH_SPAN = re.compile(
    r"([0-9０-９]{4})\s*年\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*[日号])?\s*(?:[-—–~～－]+|至|到)\s*"
    r"([0-9０-９]{4})\s*年")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    value: int
    partner: int | None = None  # start of the other end of a span of months


def _month_span_partners(text: str) -> dict[int, int]:
    partners = {}
    for match in _MONTH_SPAN.finditer(text):
        partners[match.start(1)] = match.start(2)
        partners[match.start(2)] = match.start(1)
    return partners


def _number(text: str) -> int:
    return int("".join(str(unicodedata.digit(c)) for c in text))


def year_mentions(text: str, *, bare: bool = False) -> list[YearMention]:
    """Years named in `text`, left to right, ranges left out.

    bare: also a four-digit year with no 年 after it (titles and headings)."""
    found = []
    partners = _month_span_partners(text)
    for match in _YEAR.finditer(text):
        value = _number(match.group(1))
        if not MIN_YEAR <= value <= MAX_YEAR:
            continue
        start, end = match.span(1)
        if in_range(text, start, end):
            continue
        dated = _AFTER_YEAR.match(text, end) or _AFTER_NUMERIC_DATE.match(text, end)
        if dated or (bare and not _touches_latin(text, start, end)):
            found.append(YearMention(start, end, value, partners.get(start)))
    return found


def in_range(text: str, start: int, end: int) -> bool:
    """2018—2020年, 2021年至2023年: both ends are part of a named period."""
    # the start of a range is a few characters before: look that far back only (linear time)
    return bool(_RANGE_BEFORE.search(text, max(0, start - _RANGE_REACH), start) or _RANGE_AFTER.match(text, end))


def _touches_latin(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


@dataclass(frozen=True)
class YearShift:
    """Moves the document's year (and the plan year after it) to a new year."""

    source: int | None
    target: int | None

    @property
    def delta(self) -> int:
        return (self.target - self.source) if self.active else 0

    @property
    def active(self) -> bool:
        return self.source is not None and self.target is not None and self.source != self.target

    def moved(self, value: int) -> int | None:
        """The new value of a year mention, or None when it stays."""
        if not self.active:
            return None
        if value in (self.source, self.source + 1):
            return value + (self.target - self.source)
        return None


def moved_mentions(mentions: list[YearMention], shift: YearShift) -> list[tuple[YearMention, int]]:
    """(mention, new value) for each mention that moves; both ends of a span of
    months move when either does."""
    moving = {m.start for m in mentions if shift.moved(m.value) is not None}
    moving |= {m.start for m in mentions if m.partner in moving}
    return [(m, m.value + shift.delta) for m in mentions if m.start in moving]


def written_like(value: int, original: str) -> str:
    """The new year in the digits the old one was written in (２０２３ stays full width)."""
    text = str(value)
    return text.translate(_FULL_WIDTH) if original and not original[0].isascii() else text
