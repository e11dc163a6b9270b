"""A title repeated right after itself, as web pages print it (page title,
then article heading, sometimes a third time): the later copies go."""
from __future__ import annotations

from drafter.cleaning.line_edit import Cut, RuleResult
from drafter.cleaning.rules.chrome_above_title import comparable as _comparable
from drafter.model import Line

_MAX_TITLE = 80


def drop_repeated_title(lines: list[Line]) -> RuleResult:
    if len(lines) < 2 or len(lines[0].text) > _MAX_TITLE:
        return list(lines), []
    title = _comparable(lines[0].text)
    copies = 1
    while (copies < len(lines) and len(lines[copies].text) <= _MAX_TITLE
           and _comparable(lines[copies].text) == title):
        copies += 1
    return [lines[0]] + lines[copies:], [Cut(line.text, line.lineno) for line in lines[1:copies]]
