"""Split a compilation page into its documents.

范文 sites put several documents on one page. A piece starts at
- a part mark numbered 1, 2, 3 … at the start of a line (第1篇：…, 篇一：…, 【篇二】, 范文三…)
  or ending a short title line (2023年党支部工作总结 篇2);
- failing marks, a document's own title: a short line ending in 总结 / 述职报告 / 汇报 … after
  which the numbering of level-1 headings starts again at 一、, or two or more level-1 headings
  that are such titles (一、2023年XX党支部工作总结 … 二、2023年YY党支部工作总结), which would
  otherwise make one outline whose sections are other documents.
Each piece runs to the next start. Marks are cut and reported (rule `compilation`); what stands
before the first piece belongs to the page and is reported the same way. A single part mark
is cut and the text stays one document. The compilation's own title and table of contents are
taken out before, by the cleaning rules compilation_title and table_of_contents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafter.characters import CLAUSE_ENDS
from drafter.lazy_pattern import LazyPattern
from drafter.model import Line, Removal
from drafter.outline.markers import cn_to_int, match_marker

RULE = "compilation"
_NUMBER = r"[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}"
_LEADING_MARK = LazyPattern(
    rf"^[【\[]?\s*(?:第\s*(?P<a>{_NUMBER})\s*篇|篇\s*(?P<b>{_NUMBER})|范文\s*(?P<c>{_NUMBER}))"
    r"\s*[】\]]?\s*[:：、.．]?\s*"
)
_TRAILING_MARK = LazyPattern(
    rf"\s*[（(【\[]?\s*(?:第\s*(?P<a>{_NUMBER})\s*篇|篇\s*(?P<b>{_NUMBER})|范文\s*(?P<c>{_NUMBER}))\s*[）)】\]]?$"
)
# A document's own title: it ends by naming what it is, and has no sentence in it.
_DOCUMENT_TITLE = re.compile(
    r"(?:总结|述职报告|述职述廉报告|述责述廉报告|工作报告|工作汇报|情况汇报|汇报材料|经验材料|交流材料|发言材料)"
    r"(?:[（(][^）)]{1,8}[）)])?$"
)
_SENTENCE = re.compile(f"[{CLAUSE_ENDS}]")
_MAX_TITLE = 50
_MAX_TRAILING_TITLE = 50


@dataclass
class Piece:
    lines: list[Line]
    first_line: int | None  # where the piece starts in the file
    removed: list[Removal] = field(default_factory=list)


@dataclass
class _Start:
    index: int
    cut: tuple[int, int] | None = None  # the span of the mark in the line, if any


def is_part_mark(text: str) -> bool:
    """A line (or word) that is nothing but a part mark: 范文一, 篇二, 第3篇：, 【篇一】. It is
    this module's to cut, never a site's chrome (范文 as a site word)."""
    found = _LEADING_MARK.match(text)
    return found is not None and found.end() == len(text)


def _number(found: re.Match[str]) -> int | None:
    written = found.group("a") or found.group("b") or found.group("c")
    digits = written.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(digits) if digits.isdigit() else cn_to_int(written)


def split_compilation(lines: list[Line]) -> list[Piece]:
    """The pieces of a compilation, or one piece holding all lines."""
    starts = _marked_starts(lines)
    if len(starts) == 1:  # one mark alone: cut it, one document
        kept, removed = _cut(lines[starts[0].index], starts[0].cut)
        index = starts[0].index
        return [Piece(lines[:index] + kept + lines[index + 1:], lines[0].lineno, removed)]
    if not starts:
        starts = _title_starts(lines)
    if len(starts) < 2:
        return [Piece(list(lines), lines[0].lineno if lines else None)]
    pieces = []
    front = [Removal(RULE, line.text, line.lineno) for line in lines[:starts[0].index]]
    bounds = [start.index for start in starts] + [len(lines)]
    for start, end in zip(starts, bounds[1:]):
        kept, removed = _cut(lines[start.index], start.cut)
        pieces.append(Piece(kept + lines[start.index + 1:end], lines[start.index].lineno, removed))
    pieces[0].removed[:0] = front
    return pieces


def _marked_starts(lines: list[Line]) -> list[_Start]:
    starts: list[_Start] = []
    for index, line in enumerate(lines):
        text = line.text
        if "篇" not in text and "范文" not in text:
            continue  # the common line, cheaply
        found = _LEADING_MARK.match(text)
        if found and _number(found) == len(starts) + 1:
            starts.append(_Start(index, found.span()))
            continue
        found = _TRAILING_MARK.search(text) if len(text) <= _MAX_TRAILING_TITLE else None
        if found and found.start() > 0 and not _SENTENCE.search(text) and _number(found) == len(starts) + 1:
            starts.append(_Start(index, found.span()))
    return starts


def _is_document_title(text: str) -> bool:
    return len(text) <= _MAX_TITLE and not _SENTENCE.search(text) and bool(_DOCUMENT_TITLE.search(text))


def _title_starts(lines: list[Line]) -> list[_Start]:
    """Pieces without marks: titles before a restart of 一、, or level-1 headings that are titles."""
    candidates = [index for index, line in enumerate(lines)
                  if index and len(line.text) <= _MAX_TITLE + 6 and _DOCUMENT_TITLE.search(line.text)]
    if not candidates:
        return []  # the common document: no line after the first names a document
    level1 = {}  # index -> (number, words after the marker) of every level-1 heading
    for index, line in enumerate(lines):
        found = match_marker(line.text)
        if found and found[0].level == 1:
            level1[index] = (found[0].number, found[1])
    headings = [_Start(index, (0, len(lines[index].text) - len(level1[index][1])))
                for index in candidates if index in level1 and _is_document_title(level1[index][1])]
    if len(headings) >= 2:
        return headings
    starts = [_Start(0)]
    for index in candidates:
        if index in level1 or not _is_document_title(lines[index].text):
            continue
        before = [i for i in level1 if starts[-1].index <= i < index]
        after = [i for i in level1 if i > index]
        if before and after and level1[min(after)][0] == 1:
            starts.append(_Start(index))  # the numbering of level-1 headings starts again under it
    return starts


def _cut(line: Line, span: tuple[int, int] | None) -> tuple[list[Line], list[Removal]]:
    """The line without its mark (nothing if the mark was all of it), and the removal."""
    if span is None:
        return [line], []
    start, end = span
    rest = (line.text[:start] + line.text[end:]).strip()
    removal = Removal(RULE, line.text[start:end].strip(), line.lineno)
    return ([replace(line, text=rest)] if rest else []), [removal]
