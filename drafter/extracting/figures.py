"""Figures in last year's text: the numbers that were facts of that year.

A candidate is a run of Arabic digits (9, 1.2, 1,000, 90 in 90％) or a run of
Chinese numerals counting something (十个党支部, 十余名, 百分之九十). Each
candidate then goes through KEEP_RULES, in order; a rule that says "keep"
names what the number is instead (a year, a date, an ordinal, part of a name
or a fixed term). What is left is a figure and becomes X.

Kept, by rule:
- latin_code:   a number touching a Latin letter or a plus sign: 5G, H7N9, 1+N
- year:         a four-digit year with 年 after it or in a range (moved, if at all, by years.py)
- numeric_date: 2023-07-01, 2023.7.1
- month_day:    7月, 7月1日, 1、2月, 10月份: dates are not figures
- ordinal:      第1次, 第一责任人, 十九届三次全会
- quoted_name:  inside “…”, 《…》, 〈…〉, 「…」: “光荣在党50年”, “十四五”
- anniversary:  50周年, 建党100周年
- doc_number:   〔2023〕12号
- hotline:      12345热线
- fixed_term:   三会一课, 八项规定, 四个意识, 两个维护 …
- enumeration:  （1） and 1. / 1、 opening an inline list
- structure_count: 三个方面: how the text is organised
- idiom_magnitude: 千家万户: 百/千/万 alone, unless 百余人
- single_one:   一 alone (一次, 一批, 一个时期) is mostly idiom, not a count
- approximate:  数十次, 几十个, 上百名: no figure to replace

A table column that numbers its rows keeps its numbers too (`ordinal_columns`):
its header says so (序号, 编号, No.), or its numbers run 1, 2, 3 … down the rows.
A 排名 column whose numbers do not run so (全市第3, 第1) holds last year's results:
those numbers become X like any figure.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from drafter.extracting.years import in_range
from drafter.years import MAX_YEAR, MIN_YEAR

_DIGITS = "0-9０-９"
# 1.2 is one number; in 2023.07.01 each part is its own (a date, kept below).
_ARABIC = re.compile(
    rf"(?<![{_DIGITS}])[{_DIGITS}]+(?:,[{_DIGITS}]{{3}})*(?:[.．][{_DIGITS}]+(?![.．/\-－][{_DIGITS}]))?")
_CN_NUMERALS = "零〇一二三四五六七八九十百千万亿两"
# What a Chinese numeral counts when it is a figure: 十个党支部, 九次, 两千余人.
# Not 期 (七一期间, 二期工程) nor 年/月/日/届/级 (dates, ordinals, ranks).
_COUNT_UNITS = "次场名人篇批件项户家条支座本份册处个位元台辆所起例天类套间栋亩吨"
_CN_COUNT = re.compile(rf"(?<![{_DIGITS}.．])[{_CN_NUMERALS}]+(?=[余多]?[{_COUNT_UNITS}])")
_MAGNITUDES_ONLY = re.compile(r"[百千万亿]+")
_CN_PERCENT = re.compile(rf"(?<=百分之)[{_CN_NUMERALS}]+")

PLACEHOLDER = "X"

# Fixed terms of Party work that contain a numeral and a count word.
FIXED_TERMS = (
    "三会一课", "八项规定", "四个意识", "四个自信", "两个维护", "两个确立", "四个全面", "三个代表",
    "两个一百年", "三个一", "五个一", "两个务必", "四个服从", "两个责任", "两个覆盖", "两个基本点",
    "四个伟大", "两个结合", "三个务必", "四个善于", "五个必由之路", "两个先锋队",
)

QUOTES = {"“": "”", "《": "》", "〈": "〉", "<": ">", "「": "」", "『": "』", "﹃": "﹄"}
_MONTH_CHAIN = re.compile(rf"(?:\s*(?:[、，,和与及至到~～\-—–－]|以及)\s*[{_DIGITS}]{{1,2}})*\s*(月|日|号)")
_NUMERIC_DATE_AROUND = re.compile(
    rf"[{_DIGITS}]{{4}}[-/.－／．][{_DIGITS}]{{1,2}}[-/.－／．][{_DIGITS}]{{1,2}}(?![{_DIGITS}])")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    script: str  # "arabic" or "chinese"

    def value_in(self, text: str) -> str:
        return text[self.start:self.end]


KeepRule = Callable[[str, Candidate], bool]


def _before(text: str, candidate: Candidate, size: int = 1) -> str:
    return text[max(0, candidate.start - size):candidate.start]


def _after(text: str, candidate: Candidate, size: int = 1) -> str:
    return text[candidate.end:candidate.end + size]


def latin_code(text: str, candidate: Candidate) -> bool:
    neighbours = _before(text, candidate) + _after(text, candidate)
    return any((c.isascii() and c.isalpha()) or c in "+＋" for c in neighbours)


def year(text: str, candidate: Candidate) -> bool:
    """2023年, and both ends of a period: 2018—2020 年, 2021-2023年."""
    value = candidate.value_in(text)
    if len(value) != 4 or not value.isdigit() or not MIN_YEAR <= int(value) <= MAX_YEAR:
        return False
    return re.match(r"\s*年", text[candidate.end:]) is not None or in_range(text, candidate.start, candidate.end)


def numeric_date(text: str, candidate: Candidate) -> bool:
    if candidate.script != "arabic":
        return False
    for match in _NUMERIC_DATE_AROUND.finditer(text, max(0, candidate.start - 8), candidate.end + 8):
        if match.start() <= candidate.start and candidate.end <= match.end():
            return True
    return False


def month_day(text: str, candidate: Candidate) -> bool:
    """7月, 7月1日, 1、2月, 5月份: a number (or a list of them) naming a month or a day."""
    if candidate.script != "arabic" or not candidate.value_in(text).isdigit():
        return False
    chain = _MONTH_CHAIN.match(text, candidate.end)
    if not chain:
        return False
    if chain.group(1) == "月":
        return int(candidate.value_in(text)) <= 12
    # 日/号 is a day of a month (7月1日), not a number of days (30日内).
    return int(candidate.value_in(text)) <= 31 and _before(text, candidate).endswith("月")


def ordinal(text: str, candidate: Candidate) -> bool:
    """第1次, 第一; 十九届三次全会 (the third plenary session, not three sessions)."""
    return _before(text, candidate) == "第" or (candidate.script == "chinese" and _before(text, candidate) == "届")


def quoted_name(text: str, candidate: Candidate) -> bool:
    """Inside an open “ or 《 that is not closed before the number (and closes after it)."""
    marks = quote_marks(text)
    state = marks.depths_before(candidate.start)
    return any(count > 0 and marks.last[QUOTES[opener]] >= candidate.end for opener, count in state.items())


class QuoteMarks:
    """Where quotation marks open and close in a text, read once, so that asking about
    every number of a long text stays linear."""

    def __init__(self, text: str) -> None:
        self.positions: list[int] = []
        self.states: list[dict[str, int]] = []  # open marks after each quotation mark
        self.last = {closer: text.rfind(closer) for closer in QUOTES.values()}
        depth: dict[str, int] = {}
        closers = {closer: opener for opener, closer in QUOTES.items()}
        for index, char in enumerate(text):
            if char in QUOTES:
                depth[char] = depth.get(char, 0) + 1
            elif char in closers and depth.get(closers[char]):
                depth[closers[char]] -= 1
            else:
                continue
            self.positions.append(index)
            self.states.append(dict(depth))

    def depths_before(self, position: int) -> dict[str, int]:
        at = bisect_left(self.positions, position)
        return self.states[at - 1] if at else {}


@lru_cache(maxsize=4)
def quote_marks(text: str) -> QuoteMarks:
    return QuoteMarks(text)


def anniversary(text: str, candidate: Candidate) -> bool:
    return text.startswith("周年", candidate.end)


def doc_number(text: str, candidate: Candidate) -> bool:
    """〔2023〕12号: a reference to a real document."""
    before, after = _before(text, candidate), _after(text, candidate)
    return (before in ("〔", "[", "［", "【") and after in ("〕", "]", "］", "】")) or \
        (before in ("〕", "]", "］") and after == "号")


_HOTLINE = re.compile(r"\s*(?:政务服务便民|服务)?(?:热线|专线)")


def hotline(text: str, candidate: Candidate) -> bool:
    return _HOTLINE.match(text, candidate.end) is not None


def fixed_term(text: str, candidate: Candidate) -> bool:
    for term in FIXED_TERMS:
        for match in re.finditer(re.escape(term), text[max(0, candidate.start - len(term)):
                                                          candidate.end + len(term)]):
            start = max(0, candidate.start - len(term)) + match.start()
            if start <= candidate.start and candidate.end <= start + len(term):
                return True
    return False


def enumeration(text: str, candidate: Candidate) -> bool:
    """（1） and 1. / 1、 opening an inline list: numbering, not a number of anything."""
    value = candidate.value_in(text)
    if candidate.script != "arabic" or len(value) > 2 or not value.isdigit():
        return False
    before, after = _before(text, candidate), _after(text, candidate)
    if before in ("（", "(") and after in ("）", ")"):
        return True
    return after in (".", "．", "、") and (candidate.start == 0 or before in "：:；;。，,！？ \u3000")


def structure_count(text: str, candidate: Candidate) -> bool:
    """主要有三个方面: how the text is organised, not a fact of the year."""
    return candidate.script == "chinese" and re.match(r"个?(?:方面|层面)", text[candidate.end:]) is not None


def idiom_magnitude(text: str, candidate: Candidate) -> bool:
    """千家万户, 万人空巷: 百/千/万 alone count nothing, unless 百余人."""
    return (candidate.script == "chinese" and _MAGNITUDES_ONLY.fullmatch(candidate.value_in(text)) is not None
            and _after(text, candidate) not in ("余", "多"))


def single_one(text: str, candidate: Candidate) -> bool:
    return candidate.script == "chinese" and candidate.value_in(text) == "一"


def approximate(text: str, candidate: Candidate) -> bool:
    return candidate.script == "chinese" and _before(text, candidate) in ("数", "几", "若", "上", "成", "好")


KEEP_RULES: list[tuple[str, KeepRule]] = [
    ("latin_code", latin_code),
    ("year", year),
    ("numeric_date", numeric_date),
    ("month_day", month_day),
    ("ordinal", ordinal),
    ("quoted_name", quoted_name),
    ("anniversary", anniversary),
    ("doc_number", doc_number),
    ("hotline", hotline),
    ("fixed_term", fixed_term),
    ("enumeration", enumeration),
    ("structure_count", structure_count),
    ("idiom_magnitude", idiom_magnitude),
    ("single_one", single_one),
    ("approximate", approximate),
]


def candidates(text: str) -> list[Candidate]:
    found = [Candidate(m.start(), m.end(), "arabic") for m in _ARABIC.finditer(text)]
    found += [Candidate(m.start(), m.end(), "chinese") for m in _CN_COUNT.finditer(text)]
    found += [Candidate(m.start(), m.end(), "chinese") for m in _CN_PERCENT.finditer(text)]
    unique = {(c.start, c.end): c for c in found}
    return sorted(unique.values(), key=lambda c: c.start)


def kept_by(text: str, candidate: Candidate) -> str | None:
    """The name of the first rule that keeps this number, or None if it is a figure."""
    for name, rule in KEEP_RULES:
        if rule(text, candidate):
            return name
    return None


def find_figures(text: str, protected: list[tuple[int, int]] = ()) -> list[Figure]:
    """The figures in `text`, left to right, never overlapping. `protected`
    spans (years already handled) are never figures."""
    figures: list[Figure] = []
    spans = sorted(protected)
    starts = [start for start, _end in spans]
    for candidate in candidates(text):
        if figures and candidate.start < figures[-1].end:
            continue
        # protected spans do not overlap one another: only the one starting last before its end can meet it
        at = bisect_left(starts, candidate.end) - 1
        if at >= 0 and spans[at][1] > candidate.start:
            continue
        if kept_by(text, candidate) is None:
            figures.append(Figure(candidate.start, candidate.end, candidate.value_in(text)))
    return figures


# A header naming the column that numbers the rows (序  号 as Word tables pad it, No., #).
_ORDER_HEADER = re.compile(r"^(?:序号?|编号|排序|顺序|次序|no\.?|#)$", re.IGNORECASE)
# A row's number as a cell holds it: 3, 3., 3、, （3）.
_ROW_NUMBER = re.compile(rf"^[（(]?([{_DIGITS}]{{1,4}})[)）.．、]?$")


def ordinal_columns(rows: list[list[str]]) -> set[int]:
    """Columns of a table whose numbers are the rows' order, not figures: under a
    header that names an order, or numbered 1, 2, 3 … down the rows (at least two,
    the other cells of the column, such as 合计, without digits)."""
    width = max((len(row) for row in rows), default=0)
    found = set()
    for column in range(width):
        cells = ["".join(row[column].split()) if column < len(row) else "" for row in rows]
        if cells and _ORDER_HEADER.match(cells[0]):
            found.add(column)
            continue
        numbers = []
        for cell in cells:
            number = _ROW_NUMBER.match(cell)
            if number:
                numbers.append(int(number.group(1)))
            elif re.search(f"[{_DIGITS}]", cell):
                break
        else:
            if len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1)):
                found.add(column)
    return found
