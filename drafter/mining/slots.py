"""Slots: the parts of mined text that vary from one document to the next.

Numbers with their measure word (29条, 30余名, 2023年), placeholders (X, XX,
某某, ×××) and years are never part of a term, a pattern or a sentence: they
are masked before mining, and written as template slots ({{ year }},
{{ next_year }}, {{ unit }}) in skeleton headings and formulas.
"""
from __future__ import annotations

import re

from drafter.placeholders import PLACEHOLDER_RE

# What the character-level miners see as a slot: a number (with an optional
# 余/多 and the measure word right after it) or a placeholder.
MEASURE_WORDS = "年月日号时次名个项条人本份场家处件篇批元万亿周岁期届轮季天户座所位部册类种套台辆张余多"
NUMBER_RE = re.compile(
    r"[0-9０-９]+(?:[.．·][0-9０-９]+)*(?:[%％‰]|[-—–~～至][0-9０-９]+)*"
    rf"(?:[余多])?[{MEASURE_WORDS}]?"
)
SLOT_MARK = "\u25a1"  # □ : stands for any masked slot; not a CJK ideograph, so it splits terms
YEAR_RE = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])")

# Jinja delimiters must never come from user text: braces become full width.
_BRACES = str.maketrans({"{": "｛", "}": "｝", "%": "％", "#": "＃"})


_MEASURED_SLOT_RE = re.compile(f"{SLOT_MARK}(?:[余多])?[{MEASURE_WORDS}]?")


# Every number and placeholder holds one of these: most clauses hold none and are left as they are.
_MAY_HOLD_SLOT = re.compile("[0-9０-９XＸx×*＊_＿某【]")


def mask_slots(text: str) -> str:
    """Replace numbers and placeholders, with the measure word after them (X次, 29条), by
    the slot mark (□)."""
    if not _MAY_HOLD_SLOT.search(text):
        return text
    text = PLACEHOLDER_RE.sub(SLOT_MARK, text)
    text = NUMBER_RE.sub(SLOT_MARK, text)
    return _MEASURED_SLOT_RE.sub(SLOT_MARK, text)


def has_slot(text: str) -> bool:
    """True if text holds a number or a placeholder."""
    return bool(_MAY_HOLD_SLOT.search(text)) and bool(PLACEHOLDER_RE.search(text) or NUMBER_RE.search(text))


UNIT_PLACEHOLDER_RE = re.compile(
    r"(?:[省市区县])?(?:[XＸ]+|某某)[\u4e00-\u9fff]{0,4}?"
    r"(?:局|中心|委员会|委|办公室|办|厅|院|所|部|室|队|站|处|科|公司|支部|党委|党组|总支|街道|镇|乡|村|社区)"
)


def templatize(text: str, *, year: int | None, units: tuple[str, ...] = ()) -> str:
    """Text as a bank template: the year and the next year become {{ year }} and
    {{ next_year }}, the unit's name becomes {{ unit }}; braces are made harmless."""
    text = text.translate(_BRACES)
    marks: dict[str, str] = {}

    def slot(name: str) -> str:
        key = f"\x00{len(marks)}\x00"
        marks[key] = "{{ " + name + " }}"
        return key

    for unit in sorted((u for u in units if u and len(u) >= 2), key=len, reverse=True):
        text = text.replace(unit, slot("unit"))
    text = UNIT_PLACEHOLDER_RE.sub(lambda m: slot("unit"), text)
    if year is not None:
        def year_slot(found: re.Match) -> str:
            value = int(found.group(1))
            if value == year:
                return slot("year")
            if value == year + 1:
                return slot("next_year")
            return found.group(1)

        text = YEAR_RE.sub(year_slot, text)
    for key, value in marks.items():
        text = text.replace(key, value)
    return text
