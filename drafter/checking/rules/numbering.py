"""numbering: skipped or repeated markers at any level, and mixed marker styles.

Skips and repeats (一、 then 四、; （一） then （三）; 一是 then 三是; 二是…二是; 一是…一是; 三是是) are
found by the outline parser as it builds the tree; this rule reports them.
It adds the style check: siblings numbered 1. and 1、, or （一） and (二).
"""
from __future__ import annotations

from collections import Counter

from drafter.checking.context import CheckContext
from drafter.checking.findings import ERROR, WARNING, Finding, excerpt
from drafter.model import Section
from drafter.outline.markers import WRITTEN_NUMBER
from drafter.vocabulary import LEVELS

RULE = "numbering"

# Parser notices that are numbering errors.
NOTICE_CODES = ("numbering_skip", "numbering_repeat", "item_skip", "item_repeat", "item_doubled")

def check_numbering(ctx: CheckContext) -> list[Finding]:
    subject = ctx.subject
    findings = [
        Finding(RULE, ERROR, notice.message, notice.line,
                _where(subject.line_text(notice.line), notice.found, last=notice.code == "item_repeat"))
        for notice in subject.doc.warnings if notice.code in NOTICE_CODES
    ]
    findings += _mixed_styles(ctx, subject.doc.sections)
    return findings


def _where(text: str, marker: str | None, last: bool = False) -> str:
    """The line around the marker the notice is about (the whole line when short);
    the last one of its kind for a repeat."""
    at = (text.rfind(marker) if last else text.find(marker)) if marker else -1
    if len(text) <= 60 or at == -1:
        return text if len(text) <= 60 else text[:60] + "…"
    return excerpt(text, at, at + len(marker), width=24)


def marker_style(marker: str) -> str:
    """（一） → （N）, 1、 → N、: the marker with its number taken out."""
    return WRITTEN_NUMBER.sub("N", marker.strip())


def _mixed_styles(ctx: CheckContext, siblings: list[Section]) -> list[Finding]:
    findings = []
    by_level: dict[int, list[Section]] = {}
    for node in siblings:
        if node.marker:
            by_level.setdefault(node.level, []).append(node)
    for level, nodes in by_level.items():
        styles = Counter(marker_style(node.marker) for node in nodes)
        if len(styles) < 2:
            continue
        usual = max(styles, key=lambda style: (styles[style], -_first(nodes, style)))
        example = next(node.marker for node in nodes if marker_style(node.marker) == usual)
        for node in nodes:
            if marker_style(node.marker) != usual:
                findings.append(Finding(
                    RULE, WARNING,
                    f"{LEVELS[level]}序号格式不统一：“{node.marker}”与同级的“{example}”写法不同",
                    node.line, ctx.subject.line_text(node.line)[:60]))
    for node in siblings:
        findings += _mixed_styles(ctx, node.children)
    return findings


def _first(nodes: list[Section], style: str) -> int:
    return next(i for i, node in enumerate(nodes) if marker_style(node.marker) == style)
