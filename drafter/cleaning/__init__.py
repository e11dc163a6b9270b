"""Cleaning: take the noise of paid and web sources out of read lines.

The chain is an ordered list of small named rules (markdown-it-py style).
Everything a rule removes is reported in `CleanResult.removed` with the
rule's name, the exact text and its line, so no real text disappears unseen.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from drafter.cleaning.line_edit import Cut, Rule, RuleResult
from drafter.cleaning.rules.ad import drop_ads
from drafter.cleaning.rules.disclaimer import drop_disclaimers
from drafter.cleaning.rules.edit_password import drop_edit_passwords
from drafter.cleaning.rules.file_info import drop_file_info
from drafter.cleaning.rules.page_button import drop_page_buttons
from drafter.cleaning.rules.page_chrome_split import split_page_chrome
from drafter.cleaning.rules.page_meta import drop_page_meta
from drafter.cleaning.rules.paid_marker import strip_paid_markers
from drafter.cleaning.rules.repeated_title import drop_repeated_title
from drafter.cleaning.rules.site_promo import drop_site_promo
from drafter.cleaning.rules.title_site_suffix import strip_title_site_suffix
from drafter.cleaning.rules.unfinished_notice import strip_unfinished_notices
from drafter.cleaning.rules.word_count import strip_word_counts
from drafter.model import Line, Removal

__all__ = ["RULES", "CleanResult", "clean_lines", "Cut", "Rule", "RuleResult"]

# Order matters: a page pasted as one line is split into its parts before any
# line rule looks at it; paid markers first (##paidbegin##（二）… must become a heading
# before anything looks at it); the title's site suffix before site_promo (which
# would take a line naming a 范文网 whole); word counts before the repeated-title
# check, so 标题（2946字） and 标题 compare equal.
RULES: list[tuple[str, Rule]] = [
    ("paid_marker", strip_paid_markers),
    ("page_chrome_split", split_page_chrome),
    ("ad", drop_ads),
    ("edit_password", drop_edit_passwords),
    ("disclaimer", drop_disclaimers),
    ("page_meta", drop_page_meta),
    ("file_info", drop_file_info),
    ("page_button", drop_page_buttons),
    ("title_site_suffix", strip_title_site_suffix),
    ("site_promo", drop_site_promo),
    ("unfinished_notice", strip_unfinished_notices),
    ("word_count", strip_word_counts),
    ("repeated_title", drop_repeated_title),
]


@dataclass
class CleanResult:
    lines: list[Line] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)


def clean_lines(lines: list[Line], rules: list[tuple[str, Rule]] | None = None) -> CleanResult:
    """Run the rule chain. `removed` is in source order (then rule order)."""
    removed: list[Removal] = []
    current = list(lines)
    for name, rule in RULES if rules is None else rules:
        current, cuts = rule(current)
        removed.extend(Removal(rule=name, text=cut.text, line=cut.line) for cut in cuts)
    removed.sort(key=lambda r: r.line if r.line is not None else -1)
    return CleanResult(lines=current, removed=removed)
