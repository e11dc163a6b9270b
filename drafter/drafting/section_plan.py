"""Turn the fill's sections into the planned outline: one `PlanNode` per
heading, in document order, with numbering levels, items and gaps decided.

The plan is what the layout template walks; the template decides wording
(fallback headings, the gap paragraph), this module decides structure.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from drafter.drafting import text_rules
from drafter.drafting.fill import MAX_LEVEL, Fill, FillEntry, FillTable, Text
from drafter.model import Table
from drafter.drafting.skeleton import SkeletonGuide
from drafter.drafting.suggestions import SuggestionPool
from drafter.vocabulary import ROLES

# Numbered points are 1. paragraphs (level 3) or, under a level-3 heading, （1）.
NUMBERED_POINT_LEVEL = 3
_HEADING_TRAILING = "。．.；;，,、：: \u3000"


@dataclass
class PlannedTable:
    id: int  # what the layout template prints for it: `table<TAB>id`
    table: Table


@dataclass
class PlanNode:
    level: int
    role: str
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tables: list[PlannedTable] = field(default_factory=list)
    gap: bool = False
    suggestions: list[str] = field(default_factory=list)
    line: int | None = None

    @property
    def role_label(self) -> str:
        return ROLES.label(self.role)


@dataclass
class SectionPlan:
    nodes: list[PlanNode] = field(default_factory=list)
    warnings: list[tuple[int | None, str]] = field(default_factory=list)

    def tables(self) -> dict[int, Table]:
        return {planned.id: planned.table for node in self.nodes for planned in node.tables}

    def gaps(self) -> list[PlanNode]:
        return [node for node in self.nodes if node.gap]


def plan_sections(fill: Fill, guide: SkeletonGuide, pool: SuggestionPool) -> SectionPlan:
    plan = SectionPlan()
    sections = fill.sections
    if sections is None:
        sections = [FillEntry(role=role) for role in guide.roles()]
        plan.warnings.append((None, "没有填写正文（sections），已按骨架列出各部分并标为【待补充】"))
    elif fill.sections_form == "mapping":
        sections = sorted(sections, key=lambda s: guide.order(s.role or "other"))
        written = {s.role for s in sections}
        for role in guide.expected_roles():
            if role not in written:
                plan.warnings.append((fill.lines.get("sections"),
                                      f"多数同类范文有“{ROLES.label(role)}”部分，本文未填写（{role}）"))
    planner = _Planner(fill, guide, pool, plan)
    for section in sections:
        role = section.role or _role_from_heading(section.heading)
        planner.node(section, level=1, role=role)
    return plan


def _role_from_heading(heading: Text | None) -> str:
    """List-form sections without a role: read it from the heading as the parser does."""
    if heading is None:
        return "achievements"
    from drafter.outline.rules.roles import role_from_heading

    return role_from_heading(heading.value) or "achievements"


class _Planner:
    def __init__(self, fill: Fill, guide: SkeletonGuide, pool: SuggestionPool, plan: SectionPlan) -> None:
        self.fill = fill
        self.guide = guide
        self.pool = pool
        self.plan = plan

    def warn(self, line: int | None, message: str) -> None:
        self.plan.warnings.append((line, message))

    def node(self, entry: FillEntry, level: int, role: str) -> None:
        heading = _heading_text(entry.heading)
        if level == 1 and not heading:
            heading = self.guide.heading(role, year=self.fill.year, unit=self.fill.unit.value)
        node = PlanNode(level=level, role=role, heading=heading,
                        line=entry.heading.line if entry.heading else entry.line)
        self.plan.nodes.append(node)

        loose, points, children, tables = self.flatten(entry)
        node.paragraphs = [t.value for t in entry.text]
        for table in tables:
            planned = Table(rows=[list(row) for row in table.rows], title=table.title, after=table.after,
                            items=table.items)
            node.tables.append(PlannedTable(len(self.plan.tables()), planned))  # this node is in the plan already
        if loose and level == 1 and not children and not points and not tables and self.guide.writes_items(role):
            points = loose  # this role is written 一是/二是 in the mined documents (a part with a table: as written)
        else:
            node.paragraphs += [t.value for t in loose]

        numbered = (self.guide.point_style(role) == "numbered" and not children
                    and max(level + 1, NUMBERED_POINT_LEVEL) <= MAX_LEVEL)
        if numbered:
            point_level = max(level + 1, NUMBERED_POINT_LEVEL)
            for point in points:
                self.numbered_point(self.item_text(point), point_level, role)
        else:
            node.items = [self.item_text(point) for point in points]

        if not (node.paragraphs or node.items or points or children or node.tables):
            node.gap = True
            node.suggestions = self.pool.take(role, 3)
        for child in children:
            self.node(child, level + 1, role)

    def flatten(self, entry: FillEntry) -> tuple[list[Text], list[Text], list[FillEntry], list[FillTable]]:
        """Split an entry's body into its own paragraphs, its points, its subsections and
        its tables; headless mappings merge into the entry itself, each table keeping its
        place after the paragraphs and points written before it."""
        loose: list[Text] = []
        points: list[Text] = list(entry.points)
        children: list[FillEntry] = []
        tables: list[FillTable] = list(entry.tables)

        def visit(entries: list[Text | FillEntry]) -> None:
            for sub in entries:
                if isinstance(sub, Text):
                    if children:
                        self.warn(sub.line, f"“{_short(sub.value)}”写在下级标题之后，已移到下级标题之前"
                                            "（段落总在本级标题之下、下级标题之前）")
                    loose.append(sub)
                elif sub.heading is None:
                    if children and sub.tables:
                        self.warn(sub.tables[0].line, "表格写在下级标题之后，已移到下级标题之前"
                                                      "（表格和段落总在本级标题之下、下级标题之前）")
                    before = len(entry.text) + len(loose)
                    tables.extend(FillTable(t.rows, t.title, before + t.after, t.line, items=len(points) + t.items)
                                  for t in sub.tables)
                    loose.extend(sub.text)
                    points.extend(sub.points)
                    visit(sub.entries)
                else:
                    children.append(sub)

        visit(entry.entries)
        return loose, points, children, tables

    def item_text(self, text: Text) -> str:
        """Points and items carry no typed numbering: 一是 is generated."""
        cleaned, warnings = text_rules.apply_rules(text.value, [text_rules.strip_numbering_marker])
        for warning in warnings:
            self.warn(text.line, f"{text.key}“{_short(cleaned)}”：{warning}")
        return cleaned

    def numbered_point(self, text: str, level: int, role: str) -> None:
        """1.强化学习。创新学习方式… : the first sentence is the run-in heading,
        split the way the outline parser splits it."""
        from drafter.outline.heading_text import split_heading

        heading, body = split_heading(text, level)
        if not heading:
            heading, body = text, ""
        self.plan.nodes.append(PlanNode(level=level, role=role, heading=heading,
                                        paragraphs=[body] if body else []))


def _heading_text(heading: Text | None) -> str:
    if heading is None:
        return ""
    return heading.value.rstrip(_HEADING_TRAILING)


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
