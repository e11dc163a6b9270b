"""一是/二是/三是… enumerations inside a paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.characters import SENTENCE_ENDS
from drafter.outline.markers import ITEM_BOUNDARY, ITEM_MARKER, cn_to_int, int_to_cn

# 一是一、二是二 (the idiom "as it is"): the numeral again, then a pause.
_IDIOM_AFTER = re.compile(r"[一二三四五六七八九十]{1,3}(?:[、，,。；;\s]|$)")

# How far a number may jump forward and still be read as the next item (一是 → 三是).
MAX_SKIP = 3
# Where a number may follow itself (二是…二是, 一是…一是): a repeat, only at a sentence's start.
_SENTENCE_START = SENTENCE_ENDS


@dataclass
class ItemMark:
    start: int  # where the marker starts
    end: int  # where the item text starts
    number: int
    doubled: bool  # 三是是 or 三是三是


@dataclass
class ItemSplit:
    lead: str
    items: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    doubled: dict[int, str] = field(default_factory=dict)  # number -> marker as written (三是是)


def find_item_marks(text: str, last_number: int = 0) -> list[ItemMark]:
    """Item markers in `text` that continue a sequence whose last number was `last_number`.

    A marker counts only at the start of the text or after punctuation, and only
    when its number comes next (or skips ahead by a little, at a sentence end), or
    repeats the last one (二是…二是, at a sentence end): the parser warns of skips and
    repeats rather than folding the item into the one before.
    """
    marks: list[ItemMark] = []
    expected = last_number + 1
    for found in ITEM_MARKER.finditer(text):
        number = cn_to_int(found.group(1))
        if number is None:
            continue
        start = found.start()
        before = text[start - 1] if start else ""
        at_start = start == 0 or before in " \u3000"
        if not at_start and before not in ITEM_BOUNDARY:
            continue
        if number == expected:
            pass
        elif expected < number <= expected + MAX_SKIP - 1 and (at_start or before in _SENTENCE_START + "."):
            pass
        elif number == expected - 1 and (at_start or before in _SENTENCE_START):
            pass  # the last number again
        else:
            continue
        end, doubled = found.end(), bool(found.group(2))
        if not doubled and _IDIOM_AFTER.match(text, end) and text.startswith(found.group(1), end):
            continue  # 一是一、二是二: the idiom (as it is), no enumeration
        repeated = found.group(1) + "是"
        if text.startswith(repeated, end):  # 三是三是: the marker typed twice
            end, doubled = end + len(repeated), True
        marks.append(ItemMark(start, end, number, doubled))
        expected = number + 1
    return marks


def split_items(text: str, last_number: int = 0) -> ItemSplit:
    marks = find_item_marks(text, last_number)
    if not marks:
        return ItemSplit(lead=text)
    split = ItemSplit(lead=text[: marks[0].start].strip())
    for mark, following in zip(marks, marks[1:] + [None]):
        end = following.start if following else len(text)
        split.items.append(text[mark.end:end].strip())
        split.numbers.append(mark.number)
        if mark.doubled:
            split.doubled[mark.number] = text[mark.start:mark.end]
    return split


def item_label(number: int) -> str:
    return f"{int_to_cn(number)}是"
