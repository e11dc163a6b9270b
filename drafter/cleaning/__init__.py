"""Cleaning: take the noise of paid and web sources out of read lines.

The chain is an ordered list of small named rules (markdown-it-py style).
Everything a rule removes is reported in `CleanResult.removed` with the
rule's name, the exact text and its line, so no real text disappears unseen.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from drafter.cleaning.line_edit import Cut, Rule, RuleResult
from drafter.cleaning.rules.ad import drop_ads
from drafter.cleaning.rules.chrome_above_title import drop_chrome_above_title
from drafter.cleaning.rules.compilation_title import drop_compilation_titles
from drafter.cleaning.rules.disclaimer import drop_disclaimers
from drafter.cleaning.rules.edit_password import drop_edit_passwords
from drafter.cleaning.rules.file_info import drop_file_info
from drafter.cleaning.rules.masked_party import restore_masked_party
from drafter.cleaning.rules.news_dateline import drop_news_datelines
from drafter.cleaning.rules.page_button import drop_page_buttons
from drafter.cleaning.rules.page_chrome_split import split_page_chrome
from drafter.cleaning.rules.page_date import strip_page_dates
from drafter.cleaning.rules.page_meta import drop_page_meta
from drafter.cleaning.rules.page_paragraph_split import split_page_paragraphs
from drafter.cleaning.rules.paid_marker import strip_paid_markers
from drafter.cleaning.rules.related_links import drop_related_links
from drafter.cleaning.rules.repeated_title import drop_repeated_title
from drafter.cleaning.rules.site_promo import drop_site_promo
from drafter.cleaning.rules.table_of_contents import drop_table_of_contents
from drafter.cleaning.rules.title_bullet import strip_title_bullets
from drafter.cleaning.rules.title_site_prefix import strip_title_site_prefix
from drafter.cleaning.rules.title_site_suffix import strip_title_site_suffix
from drafter.cleaning.rules.unfinished_notice import strip_unfinished_notices
from drafter.cleaning.rules.word_count import strip_word_counts
from drafter.model import Line, Removal

__all__ = ["RULES", "CleanResult", "clean_lines", "Cut", "Rule", "RuleResult"]

# Order matters: a page pasted as one line is split into its parts before any
# line rule looks at it (its chrome first, then its paragraphs); paid markers first
# (##paidbegin##（二）… must become a heading before anything looks at it); the title's
# site prefix and suffix before site_promo (which would take a line naming a 范文网
# whole); a table of contents before the compilation title (…汇编（22篇）目录 heads
# it); a bullet before the title after file_info (• 22.01 KB goes whole there) and
# before the site prefix (• XX文库 …); word counts and page dates before the
# repeated-title check, so 标题（2946字）, 标题 2021-04-02 and 标题 compare equal (and what stands above
# a title printed twice goes before its copy does); a masked 党 is restored last, on the text
# that is left. The links listed under 相关推荐 go before the button rule takes 相关推荐 alone.
RULES: list[tuple[str, Rule]] = [
    ("paid_marker", strip_paid_markers),
    ("page_chrome_split", split_page_chrome),
    ("page_paragraph_split", split_page_paragraphs),
    ("ad", drop_ads),
    ("edit_password", drop_edit_passwords),
    ("disclaimer", drop_disclaimers),
    ("news_dateline", drop_news_datelines),
    ("page_meta", drop_page_meta),
    ("file_info", drop_file_info),
    ("related_links", drop_related_links),
    ("page_button", drop_page_buttons),
    ("title_bullet", strip_title_bullets),
    ("title_site_prefix", strip_title_site_prefix),
    ("title_site_suffix", strip_title_site_suffix),
    ("site_promo", drop_site_promo),
    ("table_of_contents", drop_table_of_contents),
    ("compilation_title", drop_compilation_titles),
    ("unfinished_notice", strip_unfinished_notices),
    ("word_count", strip_word_counts),
    ("page_date", strip_page_dates),
    ("chrome_above_title", drop_chrome_above_title),
    ("repeated_title", drop_repeated_title),
    ("masked_party", restore_masked_party),
]


@dataclass
class CleanResult:
    lines: list[Line] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)


def clean_lines(lines: list[Line], rules: list[tuple[str, Rule]] | None = None) -> CleanResult:
    """Run the rule chain. `removed` is in source order (then rule order)."""
    removed: list[Removal] = []
    # A table of a .docx is data, not page noise: it passes the rules untouched and
    # goes back in its place (by paragraph number) afterwards.
    tables = [line for line in lines if line.cells is not None]
    current = [line for line in lines if line.cells is None]
    for name, rule in RULES if rules is None else rules:
        current, cuts = rule(current)
        removed.extend(Removal(rule=name, text=cut.text, line=cut.line) for cut in cuts)
    removed.sort(key=lambda r: r.line if r.line is not None else -1)
    if tables:
        current = _in_order(current, tables)
    return CleanResult(lines=current, removed=removed)


def _in_order(lines: list[Line], tables: list[Line]) -> list[Line]:
    """Table lines put back before the first line that comes after them."""
    merged: list[Line] = []
    pending = list(tables)
    for line in lines:
        while pending and pending[0].lineno < line.lineno:
            merged.append(pending.pop(0))
        merged.append(line)
    return merged + pending
