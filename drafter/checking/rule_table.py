"""Findings from the rule lists of `drafter check` (drafter.rule_lists): one per match,
with the message said from the row."""
from __future__ import annotations

from drafter.checking.findings import ERROR, INFO, WARNING, Finding, excerpt
from drafter.rule_lists import RuleRow, RuleTable

_VERBS = {ERROR: "应为", WARNING: "可能应为", INFO: "宜写作"}


def row_message(row: RuleRow, written: str, right: list[str] | None = None, note: str | None = None) -> str:
    """截止/截至：“截止”应为“截至”（…）: the group, what is written, the right form(s), the note."""
    right = row.right if right is None else right
    note = row.note if note is None else note
    prefix = f"{row.group}：" if row.group else ""
    if right:
        said = f"{prefix}“{written}”{_VERBS[row.level]}" + "或".join(f"“{r}”" for r in right)
    else:
        said = f"{prefix}“{written}”不宜使用"
    return said + (f"（{note}）" if note else "")


def row_findings(rule: str, lines, table: RuleTable) -> list:
    """One finding per match of the table in the checked lines."""
    findings = []
    for line in lines:
        for match in table.matches(line.text):
            row = match.row
            findings.append(Finding(rule, row.level, row_message(row, row.wrong), line.lineno,
                                    excerpt(line.text, match.start, match.end), fix=row.fix,
                                    start=match.start, end=match.end, wrong=row.wrong))
    return findings
