"""The check rules, in the order their findings are listed.

Each rule is one function `rule(ctx: CheckContext) -> list[Finding]` in a
module of its own; add one by writing it, putting it in RULES and naming it in
drafter.vocabulary.CHECK_RULES (its id, Chinese name and aliases).
"""
from __future__ import annotations

from collections.abc import Callable

from drafter.checking.context import CheckContext
from drafter.checking.findings import Finding
from drafter.checking.rules.masked_text import check_masked_text
from drafter.checking.rules.naming import check_naming
from drafter.checking.rules.numbering import check_numbering
from drafter.checking.rules.numbers import check_numbers
from drafter.checking.rules.originality import check_originality
from drafter.checking.rules.placeholder import check_placeholders
from drafter.checking.rules.punctuation import check_punctuation
from drafter.checking.rules.renamed_body import check_renamed_bodies
from drafter.checking.rules.stale_term import check_stale_terms
from drafter.checking.rules.structure import check_structure
from drafter.checking.rules.suggestion_kept import check_suggestions_kept
from drafter.checking.rules.wording import check_wording
from drafter.checking.rules.year_mismatch import check_year_mismatch
from drafter.vocabulary import CHECK_RULES

Rule = Callable[[CheckContext], list[Finding]]

RULES: list[tuple[str, Rule]] = [
    ("placeholder", check_placeholders),
    ("masked_text", check_masked_text),
    ("numbering", check_numbering),
    ("year_mismatch", check_year_mismatch),
    ("stale_term", check_stale_terms),
    ("naming", check_naming),
    ("renamed_body", check_renamed_bodies),
    ("wording", check_wording),
    ("punctuation", check_punctuation),
    ("numbers", check_numbers),
    ("originality", check_originality),
    ("structure", check_structure),
    ("suggestion_kept", check_suggestions_kept),
]

RULE_NAMES = {name: CHECK_RULES.label(name) for name, _rule in RULES}
