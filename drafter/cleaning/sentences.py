"""Sentence spans of a line, so a rule can cut one noisy sentence glued to
real text instead of the whole paragraph."""
from __future__ import annotations

import re

from drafter.characters import SENTENCE_ENDS
from drafter.cleaning.line_edit import Span

# A sentence runs to its end mark (。！？; and their half-width forms, or an
# ellipsis) plus any closing quotes or brackets right after it.
_SENTENCE = re.compile(f"[^{SENTENCE_ENDS}…]*(?:(?:[{SENTENCE_ENDS}]|…+)+[”’」』）)\\]】]*|$)")


def sentence_spans(text: str) -> list[Span]:
    spans = []
    for match in _SENTENCE.finditer(text):
        if match.end() > match.start():
            spans.append((match.start(), match.end()))
    return spans


def spans_of_matching_sentences(text: str, pattern: re.Pattern[str]) -> list[Span]:
    """Every sentence in which `pattern` occurs."""
    if not pattern.search(text):  # the common case: a clean line, no need to split it
        return []
    return [(start, end) for start, end in sentence_spans(text) if pattern.search(text[start:end])]
