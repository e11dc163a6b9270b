"""Where a heading ends when its body runs on in the same paragraph."""
from __future__ import annotations

import re

from drafter.characters import SENTENCE_ENDS
from drafter.masked_text import masked_dots
from drafter.outline.markers import ITEM_MARKER

# Longest first sentence still taken as a heading, per level.
MAX_HEADING_CHARS = {1: 60, 2: 60, 3: 40, 4: 40}
_TRAILING = "。．.：:；;，,、 \u3000"
_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}]|\.(?![0-9])")
_COLON = re.compile(r"[：:]")
_MAX_COLON_HEADING = 25
# 一、2019年：七十华诞铭初心  履职尽责担使命: a level-1 heading may hold a colon when what
# follows it is a short phrase that ends the paragraph (no sentence, no figures).
_MAX_AFTER_COLON = 20
_FIGURE = re.compile(r"[0-9０-９]")
# 一、基本情况 支部现有党员27名。: a short phrase, spaces, then a sentence. The space ends the
# heading (a web copy lost the paragraph break there); the halves of a couplet heading
# (强化政治引领 筑牢思想根基) have no sentence after them, and only a space between Chinese
# words counts: beside a figure or a Latin word (2023 年) it is a PDF copy's spacing, beside
# a quote (落实 “三审三校”) a stray one.
_SPACE_RUN = re.compile(r"[ \u3000\u00a0]+")
_CLAUSE_MARK = re.compile(r"[，。；：！？,;:!?、]")
_MIN_SPACED_HEADING, _MAX_SPACED_HEADING = 4, 30  # 基本情况; shorter is a stray space (坚持 党的领导)
_SPACES = " \u3000\u00a0"


def split_heading(text: str, level: int, dot_is_full_stop: bool | None = None) -> tuple[str, str]:
    """Split a marked paragraph's text (marker removed) into heading and body.

    （一）学思想，推进主题教育。认真落实… → ("学思想，推进主题教育", "认真落实…").
    A first sentence too long to be a heading gives ("", text). A . that a site left for a
    missing word (坚持学习.新时代…思想) ends no sentence; `dot_is_full_stop` says whether the
    document writes . as its full stop (drafter.masked_text; by default, when `text` has no 。).
    """
    text = text.strip()
    spaced = spaced_heading_end(text)
    if spaced is not None:
        return text[:spaced[0]], text[spaced[1]:]
    end = _first_sentence_end(text, level, dot_is_full_stop)
    glued_item = _glued_item_start(text, end)
    if glued_item is not None:
        heading, body = text[:glued_item], text[glued_item:]
    elif end is None:
        heading, body = text, ""
    else:
        heading, body = text[: end + 1], text[end + 1:]
    heading = heading.rstrip(_TRAILING)
    if len(heading) > MAX_HEADING_CHARS.get(level, 40):
        return "", text
    return heading, body.strip()


def spaced_heading_end(text: str, start: int = 0) -> tuple[int, int] | None:
    """The space that ends a heading whose body (a sentence) follows it on the same line,
    for the heading that starts at `start` (read in place: no copy of a long line)."""
    while start < len(text) and text[start] in _SPACES:
        start += 1
    found = _SPACE_RUN.search(text, start, start + _MAX_SPACED_HEADING + 1)
    if (found is None or found.start() - start < _MIN_SPACED_HEADING or found.end() == len(text)
            or not (_is_cjk(text[found.start() - 1]) and _is_cjk(text[found.end()]))
            or _CLAUSE_MARK.search(text, start, found.start())):
        return None
    return found.span() if text[-1] in SENTENCE_ENDS else None


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _first_sentence_end(text: str, level: int = 0, dot_is_full_stop: bool | None = None) -> int | None:
    found = _SENTENCE_END.search(text)
    gaps = masked_dots(text, dot_is_full_stop) if found and found.group() == "." else ()
    while found and found.start() in gaps:
        found = _SENTENCE_END.search(text, found.end())
    colon = _COLON.search(text)
    candidates = [m.start() for m in (found,) if m]
    if colon and colon.start() <= _MAX_COLON_HEADING and not (level == 1 and _colon_inside(text, colon.end(), found)):
        candidates.append(colon.start())
    return min(candidates) if candidates else None


def _colon_inside(text: str, after: int, sentence_end) -> bool:
    rest = text[after:].strip()
    return (sentence_end is None and 0 < len(rest) <= _MAX_AFTER_COLON and not _FIGURE.search(rest)
            and not ITEM_MARKER.search(rest))


def _glued_item_start(text: str, sentence_end: int | None) -> int | None:
    """…建设情况一是强化… : an 一是 glued to the heading before its first sentence ends."""
    limit = sentence_end if sentence_end is not None else len(text)
    for found in ITEM_MARKER.finditer(text, 0, limit):
        if found.group(1) == "一" and found.start() >= 2:
            return found.start()
    return None
