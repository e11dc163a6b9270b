"""structure: missing problems or plans section, a 述职报告 without its formula,
and headings whose end punctuation differs from their siblings'.
"""
from __future__ import annotations

import re
from collections import Counter

from drafter.checking.context import CheckContext
from drafter.checking.findings import WARNING, Finding
from drafter.model import Section
from drafter.vocabulary import KINDS, ROLES

RULE = "structure"

# A role is expected when at least this share of the kind's mined documents has it.
EXPECTED_SHARE = 0.5
CHECKED_ROLES = ("problems", "plans")

# The closing may carry a short version of a section: …但还存在不足。下一步，…
_CLOSING_CUES = {
    "problems": re.compile(r"不足|差距|短板|薄弱|不够|有待|存在.{0,6}问题"),
    "plans": re.compile(r"下一步|下步|今后|明年|下半年|新的一年|接下来"),
}

# 现将…述职如下 / 现将…报告如下 / 向…述职
DEBRIEF_FORMULA = re.compile(
    r"(现将|现就|下面|现把|特将|今天).{0,80}?(述职|报告|汇报)(如下|一下)"
    r"|(述职|报告|汇报)如下"
    r"|向.{0,40}?(述职|述责|述廉|报告)"
    r"|作.{0,6}述职"
)
DEBRIEF_OPENING_PARAGRAPHS = 3

HEADING_END_NAMES = {"": "无标点", "。": "句号", "：": "冒号", "；": "分号", "，": "逗号"}
_HEADING_END_CANON = {"。": "。", "．": "。", ".": "。", "：": "：", ":": "：", "；": "；", ";": "；",
                      "，": "，", ",": "，"}


def check_structure(ctx: CheckContext) -> list[Finding]:
    return missing_sections(ctx) + debrief_formula(ctx) + heading_ends(ctx)


# -- missing problems / plans --------------------------------------------------------

def missing_sections(ctx: CheckContext) -> list[Finding]:
    from drafter.outline.rules.roles import HEADING_CUES

    doc = ctx.subject.doc
    if not doc.sections:
        return []  # no outline at all: nothing to compare with a skeleton
    skeleton = next((s for s in ctx.skeletons() if s["kind"] == doc.kind), None)
    if skeleton is None:
        return []
    expected = [s["role"] for s in skeleton["sections"]
                if s["role"] in CHECKED_ROLES and s.get("share", 1.0) >= EXPECTED_SHARE]
    cues = dict(HEADING_CUES)
    findings = []
    for role in expected:
        if any(node.role == role for node in doc.sections):
            continue
        # a combined heading (存在问题及下步打算) or a level-2 one covers the role too
        if any(node.level <= 2 and node.heading and cues[role].search(node.heading) for node in doc.walk()):
            continue
        if doc.closing and _CLOSING_CUES[role].search(doc.closing):
            continue
        findings.append(Finding(
            RULE, WARNING,
            f"缺少“{ROLES.label(role)}”部分：{KINDS.label(doc.kind) if doc.kind != 'other' else '文稿'}通常包括这一部分"
            f"（{_how_many(skeleton, role)}）"))
    return findings


def _how_many(skeleton: dict, role: str) -> str:
    """范文中占 67%，3 篇中有 2 篇: the share with the count it rests on (1 of 1 is thin)."""
    share = _share(skeleton, role)
    docs = skeleton.get("docs")
    shown = f"范文中占 {round(share * 100)}%"
    if isinstance(docs, int) and not isinstance(docs, bool) and docs > 0:
        shown += f"，{docs} 篇中有 {round(share * docs)} 篇"
    return shown


def _share(skeleton: dict, role: str) -> float:
    return next((s.get("share", 1.0) for s in skeleton["sections"] if s["role"] == role), 0.0)


# -- 述职 formula ------------------------------------------------------------------------

def debrief_formula(ctx: CheckContext) -> list[Finding]:
    subject = ctx.subject
    doc = subject.doc
    if doc.kind != "debrief":
        return []
    opening = [p for p in doc.opening.split("\n") if p]
    if not opening:  # no paragraph before the first heading: look at the first few
        opening = [line.text for line in subject.lines[1:1 + DEBRIEF_OPENING_PARAGRAPHS]]
    if any(DEBRIEF_FORMULA.search(paragraph) for paragraph in opening):
        return []
    first = next((line for line in subject.lines if line.text in opening), None)
    return [Finding(RULE, WARNING,
                    "述职报告开头缺少述职用语，如“现将……述职如下”“现将……报告如下”或“向……述职”",
                    first.lineno if first else None, (opening[0][:60] if opening else ""))]


# -- heading end punctuation -----------------------------------------------------------

def heading_ends(ctx: CheckContext) -> list[Finding]:
    return _heading_ends(ctx, ctx.subject.doc.sections)


def heading_end(raw: str, heading: str) -> str | None:
    """The punctuation after `heading` in its source line, or None when the body runs on
    in the same paragraph (its 。 then only separates heading and body)."""
    at = raw.find(heading)
    if at == -1 or not heading:
        return None
    rest = raw[at + len(heading):].strip()
    if not rest:
        return ""
    if len(rest) == 1 and rest in _HEADING_END_CANON:
        return _HEADING_END_CANON[rest]
    return None


def _heading_ends(ctx: CheckContext, siblings: list[Section]) -> list[Finding]:
    findings = []
    subject = ctx.subject
    by_level: dict[int, list[tuple[Section, str]]] = {}
    for node in siblings:
        end = heading_end(subject.line_text(node.line), node.heading) if node.line else None
        if end is not None:
            by_level.setdefault(node.level, []).append((node, end))
    for nodes in by_level.values():
        ends = Counter(end for _node, end in nodes)
        if len(ends) < 2:
            continue
        usual = max(ends, key=lambda end: (ends[end], -next(i for i, (_n, e) in enumerate(nodes) if e == end)))
        for node, end in nodes:
            if end != usual:
                findings.append(Finding(
                    RULE, WARNING,
                    f"标题末尾标点与同级标题不一致：此处为{HEADING_END_NAMES[end]}，"
                    f"同级其他标题多为{HEADING_END_NAMES[usual]}",
                    node.line, subject.line_text(node.line)[:60]))
    for node in siblings:
        findings += _heading_ends(ctx, node.children)
    return findings
