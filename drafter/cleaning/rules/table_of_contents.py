"""A compilation's table of contents: a 目录 line (alone, or after the compilation's name:
…汇编（22篇）目录) and the entries under it: 第1篇：…, 1. …, or titles that come again
further down as the pieces' own titles. The entries stop at the first line that is none
of these; a 目录 line with no entry under it stays (编制政务服务事项目录 is real text)."""
from __future__ import annotations

import re
import unicodedata

from drafter.characters import SENTENCE_ENDS
from drafter.lazy_pattern import LazyPattern
from drafter.cleaning.line_edit import Cut, RuleResult
from drafter.model import Line

_HEADER = LazyPattern(r"^(?:.{0,50}(?:篇|汇编|合集|范文|大全)[）)】\]]?\s*)?目\s*录\s*[:：]?$")
_ENTRY_MARK = LazyPattern(
    r"^(?:[【\[]?\s*(?:第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*篇|篇\s*[一二三四五六七八九十0-9]{1,3}"
    r"|范文\s*[一二三四五六七八九十0-9]{1,3})\s*[】\]]?\s*[:：、.．]?|[0-9０-９]{1,3}\s*[、.．])\s*"
)
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
_MAX_ENTRY = 60
_TOP_LINES = 8


def _title(text: str) -> str:
    """An entry's title, comparable with the piece's own title line."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _ENTRY_MARK.sub("", text)))


def drop_table_of_contents(lines: list[Line]) -> RuleResult:
    header = next((i for i, line in enumerate(lines[:_TOP_LINES]) if "录" in line.text and _HEADER.match(line.text)), None)
    if header is None:
        return list(lines), []
    titles = [_title(line.text) for line in lines]
    last_seen = {title: index for index, title in enumerate(titles)}
    end = header + 1
    listed: set[str] = set()
    while end < len(lines):
        text, title = lines[end].text, titles[end]
        if len(text) > _MAX_ENTRY or _SENTENCE_END.search(text) or not title or title in listed:
            break  # a title met again: the pieces themselves start here
        if _ENTRY_MARK.match(text) is None and last_seen[title] == end:
            break  # an unmarked line that does not come again is no entry
        listed.add(title)
        end += 1
    if end == header + 1:
        return list(lines), []
    cuts = [Cut(line.text, line.lineno) for line in lines[header:end]]
    return lines[:header] + lines[end:], cuts
