"""The shape every cleaning rule shares, and the line editing they build on.

A rule takes the lines and returns the lines it keeps plus the cuts it made.
A cut is the exact text removed and its source line; `clean_lines` turns cuts
into `Removal`s carrying the rule's name.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, NamedTuple

from drafter.model import Line
from drafter.reading.text_lines import strip_edges


class Cut(NamedTuple):
    text: str  # as written in the source
    line: int | None


Span = tuple[int, int]
RuleResult = tuple[list[Line], list[Cut]]
Rule = Callable[[list[Line]], RuleResult]


def has_content(text: str) -> bool:
    """Letters, digits or Chinese characters: something a reader would miss."""
    return any(char.isalnum() for char in text)


def merge_spans(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def cut_line(line: Line, spans: list[Span]) -> tuple[Line | None, list[Cut]]:
    """Remove `spans` from one line. If nothing readable is left (only
    punctuation or spaces), the whole line goes as a single cut."""
    spans = merge_spans(spans)
    if not spans:
        return line, []
    text = line.text
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    remainder = "".join(pieces)
    if not has_content(remainder):
        return None, [Cut(text, line.lineno)]
    return replace(line, text=strip_edges(remainder)), [Cut(text[s:e], line.lineno) for s, e in spans]


def edit_lines(lines: list[Line], find_spans: Callable[[str], list[Span]]) -> RuleResult:
    """Apply a span finder to every line; the building block of line rules."""
    kept: list[Line] = []
    cuts: list[Cut] = []
    for line in lines:
        spans = find_spans(line.text)
        if not spans:
            kept.append(line)
            continue
        new_line, line_cuts = cut_line(line, spans)
        cuts.extend(line_cuts)
        if new_line is not None:
            kept.append(new_line)
    return kept, cuts


def edit_top_lines(lines: list[Line], count: int, find_spans: Callable[[str], list[Span]]) -> RuleResult:
    """edit_lines on the first `count` lines only (where a page puts its title and chrome);
    the others pass as they are."""
    kept, cuts = edit_lines(lines[:count], find_spans)
    return kept + lines[count:], cuts
