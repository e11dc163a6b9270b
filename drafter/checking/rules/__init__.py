"""The check rules, in the order their findings are listed.

Each rule is one function `rule(ctx: CheckContext) -> list[Finding]` in a
module of its own; add one by writing it and putting it in RULES.
"""
from __future__ import annotations

from collections.abc import Callable

from drafter.checking.context import CheckContext
from drafter.checking.findings import Finding
from drafter.checking.rules.numbering import check_numbering
from drafter.checking.rules.originality import check_originality
from drafter.checking.rules.placeholder import check_placeholders
from drafter.checking.rules.stale_term import check_stale_terms
from drafter.checking.rules.structure import check_structure
from drafter.checking.rules.suggestion_kept import check_suggestions_kept

Rule = Callable[[CheckContext], list[Finding]]

RULES: list[tuple[str, Rule]] = [
    ("placeholder", check_placeholders),
    ("numbering", check_numbering),
    ("stale_term", check_stale_terms),
    ("originality", check_originality),
    ("structure", check_structure),
    ("suggestion_kept", check_suggestions_kept),
]

RULE_NAMES = {
    "placeholder": "占位符",
    "numbering": "序号",
    "stale_term": "过时提法",
    "originality": "照抄",
    "structure": "结构",
    "suggestion_kept": "保留参考写法",
}
