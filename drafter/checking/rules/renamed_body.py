"""renamed_body (机构更名): bodies that the 2018 and 2023 reforms and later changes
renamed or merged, written by their old name (环境保护部 → 生态环境部), against the
document's year (templates/renamed_bodies.yaml, each row with the month of the change).

Only a document of a year after the change is checked: one of the year itself may
still recount the months before. A mention that looks back is history, not a
finding: a year before the change in the same sentence (2017年，原环境保护部…),
原/前 before the name, or the new name in the same sentence (更名为生态环境部).
Where the new name itself was later replaced (银监会 → 银保监会 → 国家金融监督管理总局),
the name current in the document's year is offered.
"""
from __future__ import annotations

import re

from drafter.characters import SENTENCE_ENDS
from drafter.checking.context import CheckContext
from drafter.checking.findings import Finding, excerpt
from drafter.checking.rule_table import RuleRow, RuleTable, row_message

RULE = "renamed_body"
_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])\s*年")
_FORMER = "原前"


def check_renamed_bodies(ctx: CheckContext) -> list[Finding]:
    subject = ctx.subject
    if subject.year is None:
        return []
    year = subject.year
    rows = [row for row in ctx.rule_rows(RULE) if _renamed_by(row, year)]
    if not rows:
        return []
    by_wrong = {row.wrong: row for row in rows}
    table = RuleTable(rows)
    findings = []
    for line in subject.lines:
        for match in table.matches(line.text):
            row, text = match.row, line.text
            sentence = _sentence(text, match.start, match.end)
            right = _current_names(row, by_wrong)
            if _looks_back(text, match.start, sentence, row, right):
                continue
            changed = f"{row.changed.year}年{row.changed.month}月" if row.changed else ""
            note = f"{changed}起，{row.note}" if row.note else f"{changed}已更名"
            findings.append(Finding(
                RULE, row.level, row_message(row, row.wrong, right, note), line.lineno,
                excerpt(text, match.start, match.end), fix=right[0] if len(right) == 1 else None,
                start=match.start, end=match.end, wrong=row.wrong))
    return findings


def _renamed_by(row: RuleRow, year: int) -> bool:
    """The change lies before the document's year (a change in January counts for its year)."""
    changed = row.changed
    return changed is not None and (year > changed.year or (year == changed.year and changed.month == 1))


def _current_names(row: RuleRow, by_wrong: dict[str, RuleRow]) -> list[str]:
    """The right name, followed through later renames that also lie before the year."""
    names = list(row.right)
    seen = {row.wrong}
    while len(names) == 1 and names[0] in by_wrong and names[0] not in seen:
        seen.add(names[0])
        names = list(by_wrong[names[0]].right)
    return names


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in SENTENCE_ENDS) + 1
    rights = [i for i in (text.find(mark, end) for mark in SENTENCE_ENDS) if i != -1]
    return left, min(rights) if rights else len(text)


def _looks_back(text: str, start: int, sentence: tuple[int, int], row: RuleRow, right: list[str]) -> bool:
    if start and text[start - 1] in _FORMER:
        return True
    part = text[sentence[0]:sentence[1]]
    if any(name in part for name in set(right) | set(row.right)):
        return True
    return row.changed is not None and any(int(found.group(1)) < row.changed.year + (row.changed.month > 1)
                                           for found in _YEAR.finditer(part))
