"""Word counts that sites add to titles and headings: （2946字）, (约3000字),
【3000字】, 全文共3000字. Only at the end of a short, heading-like line: in a
sentence, (3000字) can be real (撰写调研报告（3000字）…)."""
from __future__ import annotations

import re

from drafter.characters import SENTENCE_ENDS
from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.model import Line

_NUMBER = r"\d[\d,，]*\s*(?:多|余)?\s*"
_WORD_COUNT = re.compile(
    rf"\s*(?:[（(【\[〔]\s*(?:约|共|全文|全文共|全文约|字数\s*[:：]?)?\s*{_NUMBER}字\s*(?:左右)?\s*[）)】\]〕]"
    rf"|[\s，,]*(?:全文|全篇)\s*(?:共|约)?\s*{_NUMBER}字(?:左右)?)\s*$"
)
_MAX_LENGTH = 80
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")


def _word_count_spans(text: str):
    if len(text) > _MAX_LENGTH:
        return []
    match = _WORD_COUNT.search(text)
    if match is None or _SENTENCE_END.search(text, 0, match.start()):
        return []
    return [match.span()]


def strip_word_counts(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _word_count_spans)
