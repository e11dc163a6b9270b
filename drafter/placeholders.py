"""Placeholders left in a draft for the user to fill in.

Shared by the writers (which highlight them) and the checker (which lists
them). The rules, each a named alternative of `PLACEHOLDER_RE`:

- todo:        【待补充】, also with a note inside: 【待补充：具体人数】
- letter_x:    a run of X or Ｘ (学习X次, XX中心, XXX书记, 2023年X月, 党的XX大精神),
               or of two or more lowercase x (xx单位); never touching a Latin
               letter (Excel, XML, XP, Xbox stay) and not X光 / X射线 / X线片 / X线检查.
- cross:       two or more multiplication signs: ××, ×××  (3×4 is arithmetic)
- asterisks:   three or more asterisks, half or full width: ***, ＊＊＊
- underscores: three or more underscores, half or full width: ___, ＿＿＿
- mou:         某某 (and longer runs: 某某某); a single 某 is ordinary Chinese
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PLACEHOLDER_RE = re.compile(
    r"(?P<todo>【待补充[^】\n]{0,40}】)"
    r"|(?P<letter_x>(?<![A-Za-z])(?:[XＸ]+|x{2,})(?![A-Za-z]|光|射线|线片|线检查))"
    r"|(?P<cross>×{2,})"
    r"|(?P<asterisks>\*{3,}|＊{3,})"
    r"|(?P<underscores>_{3,}|＿{3,})"
    r"|(?P<mou>某{2,})"
)

TODO_MARK = "【待补充】"


@dataclass(frozen=True)
class Placeholder:
    start: int
    end: int
    text: str
    kind: str  # the rule's name: todo, letter_x, cross, asterisks, underscores, mou


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in `text`, left to right, never overlapping."""
    return [
        Placeholder(found.start(), found.end(), found.group(), found.lastgroup or "")
        for found in PLACEHOLDER_RE.finditer(text)
    ]


def is_todo_paragraph(text: str) -> bool:
    """A paragraph that starts with 【待补充…】 is a gap as a whole."""
    found = PLACEHOLDER_RE.match(text.lstrip(" \u3000"))
    return found is not None and found.lastgroup == "todo"
