"""Where a heading ends when its body runs on in the same paragraph."""
from __future__ import annotations

import re

from drafter.characters import SENTENCE_ENDS
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


def split_heading(text: str, level: int) -> tuple[str, str]:
    """Split a marked paragraph's text (marker removed) into heading and body.

    （一）学思想，推进主题教育。认真落实… → ("学思想，推进主题教育", "认真落实…").
    A first sentence too long to be a heading gives ("", text).
    """
    text = text.strip()
    end = _first_sentence_end(text, level)
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


def _first_sentence_end(text: str, level: int = 0) -> int | None:
    found = _SENTENCE_END.search(text)
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
