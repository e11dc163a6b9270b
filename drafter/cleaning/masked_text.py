"""Gaps that sites leave where they masked a word: *** or xxx for a leader's name
(以***同志为核心, 学习**思想), a lone * or . between Chinese characters where a word is
plainly missing (以习新时代中国特色.主义思想为指导, 党的.精神).

Such text is kept as written, but flagged (notice `masked_text`) and kept out of the
mined banks and suggestions. A lone . counts only in text that ends its sentences
with 。: in a copy typed with half-width punctuation it is a full stop.
"""
from __future__ import annotations

import re

_CJK = r"\u4e00-\u9fff"
# A run is tried only from its first character (linear on long runs of * or x).
_RUN = re.compile(rf"(?<![*＊xｘ])(?:[*＊]{{2,}}+|[xｘ]{{3,}}+)(?=[{_CJK}])|(?<=[{_CJK}])(?:[*＊]{{2,}}+|[xｘ]{{3,}}+)")
_LONE_STAR = re.compile(rf"(?<=[{_CJK}])[*＊](?=[{_CJK}])")
_LONE_DOT = re.compile(rf"(?<=[{_CJK}])\.(?=[{_CJK}])")
_CONTEXT = 6


def masked_gaps(text: str, dot_is_full_stop: bool | None = None) -> list[tuple[int, int]]:
    """Spans of the masked gaps in `text`. `dot_is_full_stop` says whether the document
    writes . as its full stop; by default, when `text` has no 。."""
    if "*" not in text and "＊" not in text and "x" not in text and "ｘ" not in text and "." not in text:
        return []  # the common case, cheaply
    spans = [m.span() for m in _RUN.finditer(text)]
    spans += [m.span() for m in _LONE_STAR.finditer(text)]
    if dot_is_full_stop is None:
        dot_is_full_stop = "。" not in text
    if not dot_is_full_stop:
        spans += [m.span() for m in _LONE_DOT.finditer(text)]
    return sorted(spans)


def has_masked_gap(text: str, dot_is_full_stop: bool | None = None) -> bool:
    return bool(masked_gaps(text, dot_is_full_stop))


def gap_context(text: str, span: tuple[int, int]) -> str:
    """The gap with a few characters either side, for a message."""
    start, end = span
    return text[max(0, start - _CONTEXT):end + _CONTEXT]
