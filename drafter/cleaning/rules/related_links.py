"""The list of links a web page prints after the text: 相关推荐 / 猜你喜欢 / 延伸阅读 …
followed by other documents' titles, one per line. The heading and the titles under it go;
the list ends at the first line that is not a short title (a sentence, a date, a heading).
A heading with no title under it is left to the page_button rule.

A one-line page, split at its spaces, leaves the heading where the page had it: glued to the
text's last sentence (…的成长。相关推荐), or with the first title after its colon (相关推荐：
党风廉政建设工作总结范文); there the heading and what follows it go, the sentence stays.
A listed title may hold a colon with a title after it (第1篇：乡镇年度工作总结)."""
from __future__ import annotations

import re
from dataclasses import replace

from drafter.characters import CLAUSE_ENDS, COLONS, FULL_STOPS
from drafter.cleaning.line_edit import Cut, RuleResult
from drafter.model import Line

_WORDS = (r"(?:相关推荐|相关文章|相关阅读|相关范文|推荐阅读|推荐文章|猜你喜欢|热门推荐|热门文章|延伸阅读|"
          r"精彩推荐|最新文章|更多推荐|你可能感兴趣的文章)")
_ANY_WORD = re.compile(_WORDS)
_HEADER = re.compile(rf"^[【\[]?\s*{_WORDS}\s*[】\]]?\s*[:：]?$")
# The heading at the start of a line or right after a sentence's end, with what follows it.
_HEADER_IN_LINE = re.compile(rf"(?:^|(?<=[{FULL_STOPS}…”」』）)]))[【\[]?\s*{_WORDS}\s*[】\]]?\s*[:：]?\s*")
_SENTENCE = re.compile(f"[{CLAUSE_ENDS}]")
_COLON = re.compile(f"[{COLONS}]")
_MAX_TITLE = 40


def _is_listed_title(text: str) -> bool:
    if len(text) > _MAX_TITLE:
        return False
    colon = _COLON.search(text)
    if colon is None:
        return not _SENTENCE.search(text)
    label, title = text[:colon.start()], text[colon.end():].strip()
    return bool(label.strip() and title) and not _SENTENCE.search(label) and not _SENTENCE.search(title)


def _header_start(text: str) -> tuple[int, bool] | None:
    """Where a list heading starts in the line, and whether a listed title follows it there:
    the heading alone, the heading and a title, or either after the text's last sentence."""
    if not _ANY_WORD.search(text):
        return None  # the common line, cheaply
    if _HEADER.match(text):
        return 0, False
    for found in _HEADER_IN_LINE.finditer(text):
        if len(text) - found.end() > _MAX_TITLE:
            continue  # more than a title follows (checked before any copy: linear on a long line)
        rest = text[found.end():]
        if not rest or _is_listed_title(rest):
            return found.start(), bool(rest)
    return None


def drop_related_links(lines: list[Line]) -> RuleResult:
    kept: list[Line] = []
    cuts: list[Cut] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        header = _header_start(line.text)
        end = index + 1
        if header is not None:
            while end < len(lines) and _is_listed_title(lines[end].text):
                end += 1
        if header is None or (end == index + 1 and not header[1]):
            kept.append(line)  # no list; a heading alone is page_button's
            index += 1
            continue
        start = header[0]
        before = line.text[:start].rstrip()
        if before:
            kept.append(replace(line, text=before))
        cuts.append(Cut(line.text[start:], line.lineno))
        cuts.extend(Cut(listed.text, listed.lineno) for listed in lines[index + 1:end])
        index = end
    return kept, cuts
