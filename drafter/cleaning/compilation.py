"""Split a compilation page into its documents.

范文 sites put several documents on one page: 第1篇：…, 篇一：…, 【篇二】, 范文三…, each
before the piece's own title. A compilation is two or more such marks numbered 1, 2, 3 …
from the start of a line; each piece runs to the next mark. The marks are cut and
reported (rule `compilation`); what stands before the first mark belongs to the page,
not to a piece, and is reported the same way. One mark alone is cut (with nothing else),
and the text is one document. The compilation's own title and table of contents are taken out before, by the
cleaning rules compilation_title and table_of_contents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafter.model import Line, Removal
from drafter.outline.markers import cn_to_int

RULE = "compilation"
_NUMBER = r"[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}"
_PART_MARK = re.compile(
    rf"^[【\[]?\s*(?:第\s*(?P<a>{_NUMBER})\s*篇|篇\s*(?P<b>{_NUMBER})|范文\s*(?P<c>{_NUMBER}))"
    r"\s*[】\]]?\s*[:：、.．]?\s*"
)


@dataclass
class Piece:
    lines: list[Line]
    first_line: int | None  # where the piece starts in the file
    removed: list[Removal] = field(default_factory=list)


def _number(found: re.Match[str]) -> int | None:
    written = found.group("a") or found.group("b") or found.group("c")
    digits = written.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(digits) if digits.isdigit() else cn_to_int(written)


def split_compilation(lines: list[Line]) -> list[Piece]:
    """The pieces of a compilation, or one piece holding all lines."""
    starts: list[tuple[int, re.Match[str]]] = []
    for index, line in enumerate(lines):
        found = _PART_MARK.match(line.text)
        if found and _number(found) == len(starts) + 1:
            starts.append((index, found))
    if not starts:
        return [Piece(list(lines), lines[0].lineno if lines else None)]
    if len(starts) == 1:
        index, found = starts[0]
        kept, removed = _cut_mark(lines[index], found)
        return [Piece(lines[:index] + kept + lines[index + 1:], lines[0].lineno, removed)]
    pieces = []
    front = [Removal(RULE, line.text, line.lineno) for line in lines[:starts[0][0]]]
    bounds = [index for index, _ in starts] + [len(lines)]
    for (start, found), end in zip(starts, bounds[1:]):
        kept, removed = _cut_mark(lines[start], found)
        pieces.append(Piece(kept + lines[start + 1:end], lines[start].lineno, removed))
    pieces[0].removed[:0] = front
    return pieces


def _cut_mark(line: Line, found: re.Match[str]) -> tuple[list[Line], list[Removal]]:
    """The line without its mark (nothing if the mark was all of it), and the removal."""
    rest = line.text[found.end():].strip()
    return ([replace(line, text=rest)] if rest else []), [Removal(RULE, found.group(0).strip(), line.lineno)]
