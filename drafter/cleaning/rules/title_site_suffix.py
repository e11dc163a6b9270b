"""The site name a web page appends to its title: 2023年党建工作总结_第一范文网,
…工作总结 - XX文库. Only on the first lines (where the title is) and only on
short lines; the title itself stays."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, cut_line
from drafter.model import Line

_SUFFIX = re.compile(r"\s*[_|｜丨]+\s*[^_|｜丨。！？]{1,20}(?:网|站|文库|范文|大全)\s*$"
                     r"|\s+[-—]+\s*[^-—。！？\s]{1,20}(?:网|文库|范文|大全)\s*$")
_TOP_LINES = 3
_MAX_TITLE = 80


def strip_title_site_suffix(lines: list[Line]) -> RuleResult:
    kept, cuts = [], []
    for index, line in enumerate(lines):
        match = _SUFFIX.search(line.text) if index < _TOP_LINES and len(line.text) <= _MAX_TITLE else None
        new_line, line_cuts = cut_line(line, [match.span()] if match else [])
        cuts.extend(line_cuts)
        if new_line is not None:
            kept.append(new_line)
    return kept, cuts
