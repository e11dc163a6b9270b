"""The publishing date a web page prints with its title: a line 2021-04-02 (10:15) above
the text, or the page title with it appended (…工作总结 2021-04-02). Only above the first
paragraph and only in the web's numeric form: a document's own date (2021年4月2日) is
written out and stands at the end, where this rule never looks."""
from __future__ import annotations

import re

from drafter.characters import COMMAS, SENTENCE_ENDS
from drafter.lazy_pattern import LazyPattern
from drafter.cleaning.line_edit import RuleResult, edit_top_lines
from drafter.model import Line

_ISO_DATE = r"(?:19|20)[0-9]{2}[-/.][01]?[0-9][-/.][0-3]?[0-9](?:\s+[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?)?"
_DATE_LINE = LazyPattern(rf"^[\s（(\[【]*{_ISO_DATE}[\s）)\]】]*$")
_APPENDED = LazyPattern(rf"\s+[（(\[【]?{_ISO_DATE}[）)\]】]?$")
_MAX_HEAD_LINE = 60  # above the first paragraph every line is short
_SENTENCE = re.compile(f"[{SENTENCE_ENDS}{COMMAS}]")  # and has no sentence in it
_TOP_LINES = 6


def _page_date_spans(text: str):
    if "-" not in text and "/" not in text and "." not in text:
        return []
    if _DATE_LINE.match(text):
        return [(0, len(text))]
    found = _APPENDED.search(text)
    return [found.span()] if found and found.start() > 0 else []


def strip_page_dates(lines: list[Line]) -> RuleResult:
    head = 0  # the short lines above the first paragraph
    while head < min(len(lines), _TOP_LINES):
        text = lines[head].text
        if len(text) > _MAX_HEAD_LINE or _SENTENCE.search(text):
            break
        head += 1
    return edit_top_lines(lines, head, _page_date_spans)
