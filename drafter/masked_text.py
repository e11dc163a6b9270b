"""Gaps that sites leave where they masked a word: *** or xxx for a leader's name
(以***同志为核心, 学习**思想), a lone * or . between Chinese characters where a word is
plainly missing (以习新时代中国特色.主义思想为指导, 党的.精神).

Such text is kept as written, but flagged (notice `masked_text`) and kept out of the
mined banks and suggestions. A lone . counts only in text that ends its sentences
with 。: in a copy typed with half-width punctuation it is a full stop.

A * has a right use of its own, as a marker a table note names (表中带*的指标为约束性指标,
注：带**的项目为民生实事项目, *为预计数) or one after an indicator that ends its cell or
clause (地区生产总值**): a * or ** between the marker words of templates/masked_words.yaml,
or with no Chinese character after it, is no gap. A lone * is a gap only inside a known wording
(中国特色*主义, drafter.known_gaps), where a missing word is certain.

One pass over the mask characters, no regular expression: linear on any input and cheap
on the common line that has none of them.
"""
from __future__ import annotations

from collections.abc import Iterable

_STARS = "*＊"
_EXES = "xｘ"
_CONTEXT = 6
MARKER_RUN = 2  # a marker is * or **; a longer run stands for a name


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def masked_gaps(text: str, dot_is_full_stop: bool | None = None) -> list[tuple[int, int]]:
    """Spans of the masked gaps in `text`. `dot_is_full_stop` says whether the document
    writes . as its full stop; by default, when `text` has no 。."""
    marks = [char for char in _STARS + _EXES + "." if char in text]
    if not marks:
        return []  # the common line, cheaply
    if dot_is_full_stop is None:
        dot_is_full_stop = "。" not in text
    spans: list[tuple[int, int]] = []
    for mark in marks:
        if mark == "." and dot_is_full_stop:
            continue
        kind = _STARS if mark in _STARS else _EXES if mark in _EXES else "."
        index = text.find(mark)
        while index != -1:
            if index and text[index - 1] in kind:  # inside a run already looked at
                index = text.find(mark, index + 1)
                continue
            end = index + 1
            while end < len(text) and text[end] in kind:
                end += 1
            if _is_gap(text, index, end, kind):
                spans.append((index, end))
            index = text.find(mark, end)
    return sorted(set(spans))


def _is_gap(text: str, start: int, end: int, kind: str) -> bool:
    before = start > 0 and _is_cjk(text[start - 1])
    after = end < len(text) and _is_cjk(text[end])
    run = end - start
    if kind == _STARS:
        if run <= MARKER_RUN and (not after or _is_marker(text, start, end, before)):
            return False  # 带*的指标, 带**的项目, *为预计数; 地区生产总值** ending its cell or clause
        if run == 1:
            return before and after and _in_known_wording(text, start, end)  # 特色*主义
        return before or after  # ***同志, 学习**思想
    if kind == _EXES:
        return run >= 3 and (before or after)  # 以xxx同志
    return run == 1 and before and after  # 中国特色.主义


def _is_marker(text: str, start: int, end: int, cjk_before: bool) -> bool:
    """The * is named as a marker: a marker word after it, and one before it or none at all
    (the run opens its clause)."""
    from drafter.masked_words import marker_words

    words = marker_words()
    if not any(text.startswith(word, end) for word in words.after):
        return False
    return not cjk_before or any(text.endswith(word, 0, start) for word in words.before)


def _in_known_wording(text: str, start: int, end: int) -> bool:
    # the lexicon's wordings are what makes a missing word certain; read only for a lone *
    from drafter.known_gaps import read_gap

    return read_gap(text, start, end) is not None


def writes_dot_as_full_stop(texts: Iterable[str]) -> bool:
    """A document that ends no sentence with 。 writes . as its full stop."""
    return not any("。" in text for text in texts)


def masked_dots(text: str, dot_is_full_stop: bool | None = None) -> set[int]:
    """Where a . stands for a missing word (学习.新时代) and ends no sentence."""
    if "." not in text:
        return set()
    return {start for start, _end in masked_gaps(text, dot_is_full_stop) if text[start] == "."}


def has_masked_gap(text: str, dot_is_full_stop: bool | None = None) -> bool:
    return bool(masked_gaps(text, dot_is_full_stop))


def gap_context(text: str, span: tuple[int, int]) -> str:
    """The gap with a few characters either side, for a message."""
    start, end = span
    return text[max(0, start - _CONTEXT):end + _CONTEXT]
