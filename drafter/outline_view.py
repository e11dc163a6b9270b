"""The readable outline that `drafter parse` prints without --json."""
from __future__ import annotations

from drafter.model import Document, Section
from drafter.vocabulary import KINDS, ROLES


def render_outline(doc: Document) -> str:
    lines = [f"== {doc.source}", f"类型：{KINDS.label(doc.kind)}（{doc.kind}）",
             f"标题：{doc.title or '（未识别）'}"]
    if doc.opening:
        lines.append(f"导语：{_preview(doc.opening)}")
    for section in doc.sections:
        _render_section(section, lines, depth=0)
    if doc.closing:
        lines.append(f"结尾：{_preview(doc.closing)}")
    if doc.signature or doc.date:
        lines.append(f"落款：{doc.signature} {doc.date}".rstrip())
    for warning in doc.warnings:
        where = f"（第 {warning.line} 行）" if warning.line else ""
        lines.append(f"警告{where}：{warning.message}")
    if doc.removed:
        rules = sorted({r.rule for r in doc.removed})
        lines.append(f"已清理杂质 {len(doc.removed)} 处（{'、'.join(rules)}）")
    else:
        lines.append("已清理杂质 0 处")
    return "\n".join(lines) + "\n"


def _render_section(section: Section, lines: list[str], depth: int) -> None:
    role = f" [{ROLES.label(section.role)}]" if section.role else ""
    counts = []
    if section.paragraphs:
        counts.append(f"{len(section.paragraphs)} 段")
    if section.items:
        counts.append(f"{len(section.items)} 项")
    if section.tables:
        counts.append(f"{len(section.tables)} 张表")
    suffix = f"（{'，'.join(counts)}）" if counts else ""
    lines.append(f"{'  ' * depth}{section.marker}{section.heading}{role}{suffix}")
    for child in section.children:
        _render_section(child, lines, depth + 1)


def _preview(text: str, width: int = 40) -> str:
    first = text.split("\n")[0]
    return first if len(first) <= width else first[:width] + "……"
