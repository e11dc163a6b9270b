"""Rewrite one string of last year's document for this year's fill file:
move the document's year, turn figures into X, and remember what the
original said where it changed (for the `# 原文：` comment beside it).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from drafter.characters import CLAUSE_ENDS, COMMAS, SENTENCE_ENDS
from drafter.extracting.figures import PLACEHOLDER, QUOTES, find_figures
from drafter.extracting.years import YearShift, moved_mentions, written_like, year_mentions

# Clauses of the 原文 comment end at these marks.
_CLAUSE_END = re.compile(f"[{COMMAS}{SENTENCE_ENDS}\n]")
_CLAUSE_TRIM = CLAUSE_ENDS + "、 \u3000"


@dataclass
class Rewritten:
    original: str
    text: str
    years_moved: int = 0
    figures: list[str] = field(default_factory=list)  # the numbers that became X
    changed_spans: list[tuple[int, int]] = field(default_factory=list)  # in `original`

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def original_clauses(self) -> str:
        """The clauses of the original that changed: 召开机关党委会9次，政治理论学习11次.
        Neighbouring clauses stay joined as written; distant ones are joined by ……"""
        spans: list[tuple[int, int]] = []
        for start, end in self.changed_spans:
            clause = _clause_around(self.original, start, end)
            if spans and clause[0] <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(spans[-1][1], clause[1]))
            else:
                spans.append(clause)
        parts = [self.original[s:e].strip(_CLAUSE_TRIM) for s, e in spans]
        return "……".join(p for p in parts if p)


@lru_cache(maxsize=4)
def _clause_ends(text: str) -> list[int]:
    """Positions of clause marks outside quotes (“节约水资源，保障水安全” is one name), ascending."""
    ends, depth = [], 0
    last = {closer: text.rfind(closer) for closer in QUOTES.values()}
    for index, char in enumerate(text):
        if char in QUOTES and last[QUOTES[char]] > index:  # an unclosed 《 quotes nothing
            depth += 1
        elif depth and char in last:
            depth -= 1
        elif depth == 0 and _CLAUSE_END.match(char):
            ends.append(index)
    return ends


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    ends = _clause_ends(text)
    before = bisect_left(ends, start)
    left = ends[before - 1] + 1 if before else 0
    after = bisect_left(ends, end)
    right = ends[after] if after < len(ends) else len(text)
    return left, right


def rewrite(text: str, shift: YearShift, *, mask_figures: bool, bare_years: bool = False) -> Rewritten:
    """Move years by `shift`; with mask_figures, every figure becomes X.

    bare_years: a year without 年 counts too (titles and headings)."""
    result = Rewritten(original=text, text=text)
    if not text:
        return result
    mentions = year_mentions(text, bare=bare_years)
    replacements: list[tuple[int, int, str]] = []
    for mention, new in moved_mentions(mentions, shift):
        replacements.append((mention.start, mention.end, written_like(new, text[mention.start:mention.end])))
        result.years_moved += 1
    if mask_figures:
        protected = [(m.start, m.end) for m in mentions]
        for figure in find_figures(text, protected):
            replacements.append((figure.start, figure.end, PLACEHOLDER))
            result.figures.append(figure.text)
    replacements.sort()
    pieces, position = [], 0
    for start, end, new in replacements:
        pieces += [text[position:start], new]
        position = end
    pieces.append(text[position:])
    result.text = "".join(pieces)
    result.changed_spans = [(start, end) for start, end, _ in replacements]
    return result
