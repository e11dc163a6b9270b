"""wording: words written wrong where the right one is certain (templates/wording.yaml).

截止 for 截至 before a time (截止6月底 → 截至6月底; 截止日期 stays), 作/做 as hints
(作出决定, 做好工作), 的/地/得 in the few patterns that admit one reading, and
misspelt set phrases (再接再励 → 再接再厉). Each is a row of the rule list, with its
condition, level and note; an office adds its own with `check --rules`.
"""
from __future__ import annotations

from drafter.checking.context import CheckContext
from drafter.checking.findings import Finding
from drafter.checking.rule_table import row_findings
from drafter.rule_lists import RuleTable

RULE = "wording"


def check_wording(ctx: CheckContext) -> list[Finding]:
    return row_findings(RULE, ctx.subject.lines, RuleTable(ctx.rule_rows(RULE)))
