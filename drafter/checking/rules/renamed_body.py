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
from bisect import bisect_right

from drafter.characters import SENTENCE_ENDS
from drafter.checking.context import CheckContext
from drafter.checking.findings import Finding, excerpt
from drafter.checking.rule_table import row_message
from drafter.rule_lists import RuleRow, RuleTable

RULE = "renamed_body"
_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])\s*年")
_FORMER = "原前"
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")


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
        matches = table.matches(line.text)
        if not matches:
            continue
        sentences = _Sentences(line.text)
        for match in matches:
            row, text = match.row, line.text
            right = _current_names(row, by_wrong)
            if (match.start and text[match.start - 1] in _FORMER) or sentences.looks_back(match.start, row, right):
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


class _Sentences:
    """The sentences of a line, each looked into once however many names it holds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [found.end() for found in _SENTENCE_END.finditer(text)]
        self._years: dict[int, list[int]] = {}
        self._names: dict[tuple[int, str], bool] = {}

    def looks_back(self, at: int, row: RuleRow, right: list[str]) -> bool:
        """A year before the change, or the new name, in the sentence of position `at`."""
        index = bisect_right(self.ends, at)
        start = self.ends[index - 1] if index else 0
        end = self.ends[index] if index < len(self.ends) else len(self.text)
        for name in set(right) | set(row.right):
            if (index, name) not in self._names:
                self._names[(index, name)] = name in self.text[start:end]
            if self._names[(index, name)]:
                return True
        if index not in self._years:
            self._years[index] = [int(found.group(1)) for found in _YEAR.finditer(self.text, start, end)]
        return row.changed is not None and any(year < row.changed.year + (row.changed.month > 1)
                                               for year in self._years[index])
