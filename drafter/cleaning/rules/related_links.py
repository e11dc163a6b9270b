"""The list of links a web page prints after the text: 相关推荐 / 猜你喜欢 / 延伸阅读 …
followed by other documents' titles, one per line. The heading and the titles under it go;
the list ends at the first line that is not a short title (a sentence, a date, a heading).
A heading with no title under it is left to the page_button rule."""
from __future__ import annotations

import re

from drafter.characters import CLAUSE_ENDS
from drafter.cleaning.line_edit import Cut, RuleResult
from drafter.model import Line

_HEADER = re.compile(
    r"^[【\[]?\s*(?:相关推荐|相关文章|相关阅读|相关范文|推荐阅读|推荐文章|猜你喜欢|热门推荐|热门文章|延伸阅读|"
    r"精彩推荐|最新文章|更多推荐|你可能感兴趣的文章)\s*[】\]]?\s*[:：]?$"
)
_SENTENCE = re.compile(f"[{CLAUSE_ENDS}]")
_MAX_TITLE = 40


def _is_listed_title(text: str) -> bool:
    return len(text) <= _MAX_TITLE and not _SENTENCE.search(text)


def drop_related_links(lines: list[Line]) -> RuleResult:
    kept: list[Line] = []
    cuts: list[Cut] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        end = index + 1
        if _HEADER.match(line.text):
            while end < len(lines) and _is_listed_title(lines[end].text):
                end += 1
        if end == index + 1:
            kept.append(line)
            index += 1
            continue
        cuts.extend(Cut(listed.text, listed.lineno) for listed in lines[index:end])
        index = end
    return kept, cuts
