"""naming (称谓与提法): leaders' names shortened (习总书记, 习大大 → 习近平总书记;
习主席 as a hint, right in some contexts), and standard 提法 written wrong
(四种意识 → 四个意识, 两学一作 → 两学一做).

The 称谓 rows are the rule list templates/naming.yaml; the wrong forms of 提法 are
those of the one lexicon (templates/terms.yaml, each entry's `wrong`), put right
to the entry's term. A user's row (`check --rules`) for the same wrong form wins.
"""
from __future__ import annotations

from drafter.checking.context import CheckContext
from drafter.checking.findings import ERROR, Finding
from drafter.checking.rule_table import row_findings
from drafter.rule_lists import RuleRow, RuleTable
from drafter.lexicon import load_lexicon

RULE = "naming"


def check_naming(ctx: CheckContext) -> list[Finding]:
    rows = {row.wrong: row for row in lexicon_rows()}
    rows.update((row.wrong, row) for row in ctx.rule_rows(RULE))
    return row_findings(RULE, ctx.subject.lines, RuleTable(list(rows.values())))


def lexicon_rows() -> list[RuleRow]:
    """A row for every wrong form in the lexicon."""
    rows = []
    for entry in load_lexicon().entries:
        for wrong in entry.wrong:
            rows.append(RuleRow(rule=RULE, wrong=wrong, right=[entry.term], level=ERROR, group="提法",
                                note=f"规范提法，出处：{entry.source}", source=entry.source,
                                path=load_lexicon().path, line=entry.line))
    return rows
