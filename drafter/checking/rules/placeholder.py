"""placeholder: X/XX/XXX, ×××, ***, ___, 某某 and 【待补充】 left in the text.

The patterns are the shared ones of `drafter.placeholders`, which the writers
also use; this rule only says where they are and what they stand for.
"""
from __future__ import annotations

import re

from drafter.checking.context import CheckContext
from drafter.checking.findings import ERROR, Finding, excerpt

RULE = "placeholder"

# What a placeholder stands for, from the text right around it.
_CONGRESS = re.compile(r"(党的)?[XＸx]+(大|届)")
SHOW_WHOLE_LINE = 60
MASKABLE = ("asterisks", "letter_x")  # what a censoring site also writes for a name


def check_placeholders(ctx: CheckContext) -> list[Finding]:
    from drafter.checking.rules.masked_text import masked_placeholder_spans
    from drafter.placeholders import find_placeholders

    subject = ctx.subject
    findings = []
    for line in subject.lines:
        found = find_placeholders(line.text)
        if found and any(p.kind in MASKABLE for p in found):
            # *** or xxx inside a known wording is masked text (the masked_text rule): never both
            masked = masked_placeholder_spans(line.text)
            found = [p for p in found if not any(a <= p.start and p.end <= b for a, b in masked)]
        if not found:
            continue
        shown = list(dict.fromkeys(p.text for p in found))
        where = _part(subject, line)
        what = "、".join(f"“{text}”" for text in shown[:5]) + ("等" if len(shown) > 5 else "")
        count = f"（共 {len(found)} 处）" if len(found) > 1 else ""
        findings.append(Finding(
            rule=RULE, severity=ERROR,
            message=f"{where}留有占位符{what}{count}，{_hint(line.text, found)}",
            line=line.lineno, text=_context(line.text, found),
        ))
    return findings


def _part(subject, line) -> str:
    doc = subject.doc
    if line is subject.lines[0] and line.text == doc.title:
        return "标题"
    if line is subject.lines[-1] and doc.date and line.text.strip("（）() ") == doc.date:
        return "成文日期"
    if doc.signature and line.text == doc.signature and line in subject.lines[-2:]:
        return "落款"
    return "文中"


def _context(text: str, found) -> str:
    if len(text) <= SHOW_WHOLE_LINE:
        return text
    last = found[-1] if found[-1].end - found[0].start < 80 else found[0]
    return excerpt(text, found[0].start, last.end, width=20)


def _is_congress(text: str, placeholder) -> bool:
    return bool(_CONGRESS.match(text, max(0, placeholder.start - 2)) or _CONGRESS.match(text, placeholder.start))


def _hint(text: str, found) -> str:
    todo = [p for p in found if p.kind == "todo"]
    congress = [p for p in found if p.kind != "todo" and _is_congress(text, p)]
    other = len(found) - len(todo) - len(congress)
    hints = []
    if todo:
        hints.append("请补写【待补充】处的内容")
    if congress:
        hints.append("请写明党的代表大会届次（如“党的二十大”）" if not hints and not other
                     else "“XX大”处请写明党的代表大会届次（如“党的二十大”）")
    if other:
        hints.append("其余处请填写实际的名称、数字或日期" if hints else "请填写实际的名称、数字或日期")
    return "；".join(hints)
