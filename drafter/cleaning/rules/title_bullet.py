"""A list bullet a web page prints before its title or its file-size line (• 青山镇…总结,
a • left on a line of its own when the size beside it went): decoration, never part of the
title. Only above the text, which starts at the first line that ends a sentence or a lead-in
(the opening: 一年来，……如下：) or is long; a bullet in the text (• 全年开展主题党日12次。)
stays."""
from __future__ import annotations

import re

from drafter.characters import COLONS, SENTENCE_ENDS
from drafter.cleaning.line_edit import RuleResult, cut_line
from drafter.model import Line

_TOP_LINES = 5
_MAX_TITLE = 60
_MARKS = "•·●○◆◇■□▪▫►▶➤★☆"
_BULLETS = re.compile(f"^[{_MARKS}]+(?:\\s*[{_MARKS}]+)*")
_TEXT_ENDS = tuple(SENTENCE_ENDS + COLONS)


def strip_title_bullets(lines: list[Line]) -> RuleResult:
    kept, cuts = [], []
    for index, line in enumerate(lines[:_TOP_LINES]):
        if line.text.endswith(_TEXT_ENDS) or len(line.text) > _MAX_TITLE:
            return kept + lines[index:], cuts  # the text begins
        found = _BULLETS.match(line.text)
        new_line, line_cuts = cut_line(line, [found.span()]) if found else (line, [])
        cuts.extend(line_cuts)
        if new_line is not None:
            kept.append(new_line)
    return kept + lines[_TOP_LINES:], cuts
