"""Last year's `Document` as this year's fill file: a tree of commented values.

Shape (see docs/fill-format.md): kind, unit, year, title, opening, sections,
closing, signature, date. Level-1 sections are grouped by role (mapping form)
when every role is distinct, standard and in the order drafting puts them;
otherwise they are a list of {heading, role, …} in the document's order.
Level-2 nodes and below become entries {heading, text, points, children}:
paragraphs → text, 一是/二是 items → points.

Numbered paragraphs written straight under a level-1 heading (一、 then 1.,
skipping （一）) cannot be entries of that section (they would come back as
（一）), so they are merged into its text, in order, marker dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from drafter.characters import COLONS, COMMAS, SEMICOLONS, SENTENCE_ENDS
from drafter.vocabulary import KINDS, ROLES
from drafter.years import month_only, parse_date, with_year
from drafter.extracting.rewrite import Rewritten, rewrite
from drafter.extracting.unit import unit_from_title
from drafter.extracting.years import YearShift
from drafter.yaml_writer import Commented
from drafter.model import Document, Section, Table

UNIT_PLACEHOLDER = "XX单位"
HEADING_PLACEHOLDER = "XX"
STANDARD_ROLES = tuple(role for role in ROLES if role != "other")
_SENTENCE_END = SENTENCE_ENDS + COLONS + "."
_CN_NUMBERS = "一二三四五六七八九十"


@dataclass
class FillTree:
    root: dict[str, Commented]
    header: list[str]
    kind: str
    form: str                      # "mapping" or "list"
    unit: str                      # as written in the fill (maybe the placeholder)
    unit_source: str               # "title", "signature" or "" (placeholder)
    doc_year: int | None
    year: int
    sections: int = 0
    subsections: int = 0           # level-2 entries
    merged: int = 0                # numbered paragraphs merged into a level-1 section's text
    years_moved: int = 0
    figures: list[str] = field(default_factory=list)
    stale: int = 0                 # stale wordings commented on
    warnings: list[str] = field(default_factory=list)


def choose_form(roles: list[str | None], skeleton_roles: list[str]) -> str:
    """mapping when each level-1 role is standard, used once, and already in
    the order drafting sorts roles into (skeleton order, then the usual one)."""
    if not roles or any(r not in STANDARD_ROLES for r in roles) or len(set(roles)) != len(roles):
        return "list"

    def order(role: str) -> tuple[int, int]:
        if role in skeleton_roles:
            return (0, skeleton_roles.index(role))
        return (1, STANDARD_ROLES.index(role))

    return "mapping" if sorted(roles, key=order) == roles else "list"


def _label(number: int) -> str:
    return _CN_NUMBERS[number] if number < len(_CN_NUMBERS) else str(number + 1)


class FillBuilder:
    """Builds the tree; counts what moved and what became X on the way."""

    def __init__(self, doc: Document, *, doc_year: int | None, year: int | None) -> None:
        self.doc = doc
        self.doc_year = doc_year
        self.renewing = year is not None  # --year: a new year's fill, figures become X
        self.year = year if year is not None else doc_year
        self.shift = YearShift(doc_year, year)
        self.years_moved = 0
        self.figures: list[str] = []
        self.stale = 0  # stale wordings pointed at in `# 请核对` comments
        self.previous_years = 0  # texts naming the year before the document's
        self.warnings: list[str] = []

    # -- strings -----------------------------------------------------------------

    def rewritten(self, text: str, *, mask: bool = True, bare_years: bool = False) -> Rewritten:
        result = rewrite(text, self.shift, mask_figures=self.renewing and mask, bare_years=bare_years)
        self.years_moved += result.years_moved
        self.figures += result.figures
        return result

    def text(self, text: str, *, mask: bool = True, bare_years: bool = False,
             comments: list[str] | None = None) -> Commented:
        """A string of the fill, with `# 原文：…` above it where it changed, and a
        `# 请核对：…` for wording stale in the fill's year and for last year's year."""
        result = self.rewritten(text, mask=mask, bare_years=bare_years)
        notes = list(comments or [])
        if result.changed:
            notes.append(f"原文：{result.original_clauses()}")
        notes += self.stale_notes(result.text) + self.previous_year_notes(text, bare_years)
        return Commented(result.text, notes)

    def stale_notes(self, text: str) -> list[str]:
        """Last year's slogans are not this year's: say which wording is stale in the fill's year."""
        from drafter.checking.rules.stale_term import stale_wordings

        if self.year is None:
            return []
        found = [f"请核对：{finding.message}" for finding in stale_wordings(text, self.year)]
        self.stale += len(found)
        return found

    def previous_year_notes(self, text: str, bare_years: bool) -> list[str]:
        """The year before the document's stays (较2022年 may be a fact), but it often means
        "last year" (上年决算, 2022年度民主生活会): point at it when the year moved."""
        from drafter.extracting.years import moved_mentions, year_mentions

        if not self.shift.active:
            return []
        before = self.shift.source - 1
        mentions = year_mentions(text, bare=bare_years)  # ranges (2018—2020年) are left out already
        moved = {m.start for m, _new in moved_mentions(mentions, self.shift)}  # 2022年7月至2023年6月 moves
        if not any(m.value == before and m.start not in moved for m in mentions):
            return []
        self.previous_years += 1
        return [f"请核对：{before}年是原文的上一年，未改动；若指今年的上一年（如上年决算、较上年、上年度民主生活会），"
                f"请改为 {self.shift.target - 1} 年"]

    def line(self, text: str, *, mask: bool = True, bare_years: bool = False,
             comments: list[str] | None = None) -> Commented:
        """A heading or point: drafting takes a leading 一、/1./一是 as typed numbering
        and drops it, so such a start is reported (it is not changed here)."""
        from drafter.drafting.text_rules import strip_numbering_marker

        node = self.text(text, mask=mask, bare_years=bare_years, comments=comments)
        _kept, dropped = strip_numbering_marker(node.value)
        if dropped:
            self.warnings.append(f"“{_short(node.value)}”开头像手写序号，起草时会被去掉（{dropped}）；如需保留请改写")
        return node

    # -- the whole file ----------------------------------------------------------------

    def build(self, *, kinds: list[str] | None, skeleton_roles: dict[str, list[str]]) -> FillTree:
        doc = self.doc
        kind = self.kind(kinds)
        unit, unit_source = self.unit()
        root: dict[str, Commented] = {}
        root["kind"] = Commented(kind, [self.kind_comment(kind, kinds)])
        root["unit"] = Commented(unit, [self.unit_comment(unit_source)])
        root["year"] = Commented(self.year, [self.year_comment()])
        if doc.title:
            root["title"] = self.text(doc.title, mask=False, bare_years=True, comments=["标题（title）"])
        else:
            self.warnings.append("原文没有识别出标题，填写文件中未写 title，起草时按类型生成标题")
        root["opening"] = self.paragraphs(doc.opening, "导语（opening）：开头段落，每项一段",
                                          "原文没有导语；不填时按语库中的开头套语生成")
        form = choose_form([s.role for s in doc.sections], skeleton_roles.get(kind, []))
        tree = FillTree(root=root, header=[], kind=kind, form=form, unit=unit, unit_source=unit_source,
                        doc_year=self.doc_year, year=self.year)
        if doc.sections:
            root["sections"] = self.sections(form, tree)
        else:
            self.warnings.append("原文没有识别出一级标题（一、二、……），填写文件中未写 sections，"
                                 "起草时按骨架列出各部分并标为【待补充】")
        root["closing"] = self.paragraphs(doc.closing, "结尾（closing）：结束语，每项一段", "原文没有结尾段落，可不填")
        if doc.signature and doc.signature.strip() != unit:  # the unit is the signature a draft gets anyway
            root["signature"] = self.text(doc.signature, mask=False, comments=["落款（signature）"])
        root["date"] = self.date()
        tree.header = self.header(kind)
        tree.years_moved = self.years_moved
        tree.figures = self.figures
        tree.stale = self.stale
        tree.warnings = self.warnings
        return tree

    def kind(self, kinds: list[str] | None) -> str:
        kind = self.doc.kind
        if kinds is None or kind in kinds:
            return kind
        fallback = "annual" if "annual" in kinds else kinds[0]
        self.warnings.append(f"语库中没有“{KINDS.label(kind)}”（{kind}）类文稿的骨架，"
                             f"类型暂写为 {fallback}（{KINDS.label(fallback)}）")
        return fallback

    def kind_comment(self, kind: str, kinds: list[str] | None) -> str:
        choices = "、".join(f"{k}（{KINDS.label(k)}）" for k in (kinds or [kind]))
        note = f"类型（kind）：{kind}，即{KINDS.label(kind)}；可用：{choices}"
        if kind != self.doc.kind:
            note += f"。原文解析为 {self.doc.kind}，语库中没有该类骨架"
        return note

    def unit(self) -> tuple[str, str]:
        found = unit_from_title(self.doc.title)
        if found:
            return found, "title"
        signature = self.doc.signature.strip()
        if signature and unit_from_title(signature) == signature:
            return signature, "signature"
        self.warnings.append("未能从标题中找到单位名称，单位暂写为“XX单位”，请改为实际单位")
        return UNIT_PLACEHOLDER, ""

    def unit_comment(self, source: str) -> str:
        if source == "title":
            return f"单位（unit）：取自原文标题“{self.doc.title}”"
        if source == "signature":
            return "单位（unit）：标题中没有单位名称，取自原文落款"
        shown = f"“{self.doc.title}”" if self.doc.title else "（原文没有标题）"
        return f"单位（unit）：未能从标题{shown}中找到单位名称，请把 XX单位 改为实际单位（必填）"

    def year_comment(self) -> str:
        if not self.renewing:
            return f"年度（year）：原文的年度 {self.year}（取自标题或日期）"
        if self.doc_year is None:
            return f"年度（year）：{self.year}（原文标题和日期中没有年份，原文年份未改动）"
        return f"年度（year）：由原文的 {self.doc_year} 年改为 {self.year} 年"

    def header(self, kind: str) -> list[str]:
        source = self.doc.source or "原文"
        lines = [f"drafter 填写文件 · {KINDS.label(kind)}（{kind}）· 由 drafter extract 从“{source}”生成",
                 "填好后运行：drafter draft 本文件.yaml -o 总结.docx", ""]
        if not self.renewing:
            lines.append("未指定 --year：原文的文字、年份和数字保持原样。")
        else:
            if self.shift.active:
                s, t = self.shift.source, self.shift.target
                lines.append(f"年份已前移：原文的 {s} 年改为 {t} 年，{s + 1} 年（计划年度）改为 {t + 1} 年；"
                             "其他年份（如 2018—2020年 这类期间）不变。")
            lines += [
                "原文中的数字已改为 X（起草时标黄）：去年的数字不是今年的事实。",
                "改动处上方的“# 原文：”注释保留了原来的写法，请按今年的实际情况填写 X、改写内容。",
                "日期（7月1日）、序数（第一）、名称中的数字（“十四五”“光荣在党50年”）和固定提法（三会一课）不改。",
            ]
        if self.stale:
            lines.append(f"“# 请核对：过时提法……”注释指出在 {self.year} 年已经过时的提法（依据提法库 terms.yaml），"
                         "请改为现行提法。")
        if self.previous_years:
            lines.append(f"“# 请核对：{self.shift.source - 1}年是原文的上一年……”注释处的年份未改动，请逐一核对。")
        lines += [
            "",
            "写法要点：",
            "  · 文字都写在英文双引号中；文字里的双引号写作 \\\"，反斜杠写作 \\\\。",
            "  · 序号（一、（一）1.（1）和“一是、二是”）由程序按层级自动生成，不要自己写。",
            "  · text 是正文段落（每项一段），points 是要点（生成“一是……二是……”），children 是下级标题。",
        ]
        return lines

    # -- body ------------------------------------------------------------------------

    def paragraphs(self, block: str, comment: str, empty_comment: str) -> Commented:
        parts = [p for p in block.split("\n") if p.strip()]
        if not parts:
            return Commented(None, [comment, empty_comment])
        return Commented([self.text(p) for p in parts], [comment])

    def sections(self, form: str, tree: FillTree) -> Commented:
        sections = self.doc.sections
        tree.sections = len(sections)
        entries = [self.section_entry(s, with_role=form == "list", tree=tree) for s in sections]
        labels = [f"{_label(n)}、{s.heading}（{ROLES.label(s.role or 'other')}）"
                  for n, s in enumerate(sections)]
        if form == "mapping":
            value = {}
            for section, entry, label in zip(sections, entries, labels):
                value[section.role] = Commented(entry, [label])
            note = ("正文（sections）：按角色分组——" + "、".join(
                f"{s.role} {ROLES.label(s.role)}" for s in sections)
                + "；heading 是一级标题（与原文相同）")
        else:
            value = [Commented(entry, [label]) for entry, label in zip(entries, labels)]
            reason = self.list_reason()
            note = ("正文（sections）：一级标题列表，按原文顺序；每项写 heading（标题）和 role（角色）"
                    + (f"。{reason}" if reason else ""))
        return Commented(value, [note])

    def list_reason(self) -> str:
        roles = [s.role for s in self.doc.sections]
        if any(r not in STANDARD_ROLES for r in roles):
            return "原文有无法归类的一级标题（role 为 other）"
        if len(set(roles)) != len(roles):
            return "原文有多个同类的一级标题（如几部分都是主要工作）"
        return "原文各部分的顺序与常见顺序不同"

    def section_entry(self, section: Section, *, with_role: bool, tree: FillTree) -> dict[str, Commented]:
        entry: dict[str, Commented] = {"heading": self.line(section.heading, mask=False, bare_years=True)}
        if with_role:
            entry["role"] = Commented(section.role or "other")
        paragraphs = [self.text(p) for p in section.paragraphs]
        points = [self.line(i) for i in section.items]
        tables = list(section.tables)
        children = []
        merged: list[Commented] = []
        for child in section.children:
            if child.level == 2:
                children.append(Commented(self.child_entry(child)))
                tree.subsections += 1
            else:
                texts, items, more_tables = self.merge(child)
                tables += [Table(t.rows, t.title, len(paragraphs) + len(merged) + t.after, len(points) + t.items)
                           for t in more_tables]
                merged += texts
                points += items
                tree.merged += 1
        if merged:
            merged[0].comments.insert(0, "以下几段在原文中是直接写在一级标题下的“1.”“2.”编号段落（跳过了“（一）”一级），"
                                         "已按原顺序并入本部分正文；如需分项，可改写为 children 下的条目")
            self.warnings.append(f"“{section.heading}”下有 {len(merged)} 段跳过“（一）”一级的编号段落，"
                                 "已并入该部分正文")
        paragraphs += merged
        self.body(entry, paragraphs, points, [(t, self.table(t)) for t in tables], children)
        return entry

    def body(self, entry: dict[str, Commented], paragraphs: list[Commented], points: list[Commented],
             tables: list[tuple[Table, Commented]], children: list[Commented]) -> None:
        """An entry's text, points and tables in the order they stood (each table after the
        paragraphs and items before it, `after` and `items`), then its subsections. What comes
        before the first table is the entry's own; the text after a table goes in an entry
        without a heading, which drafting merges back in place (docs/fill-format.md)."""
        chunks: list[dict[str, Commented]] = []
        done_text = done_points = 0
        for table, written in sorted(tables, key=lambda pair: (pair[0].after, pair[0].items)):
            after = min(max(table.after, done_text), len(paragraphs))
            items = min(max(table.items, done_points), len(points))
            chunk: dict[str, Commented] = {}
            if after > done_text:
                chunk["text"] = Commented(paragraphs[done_text:after])
            if items > done_points:
                chunk["points"] = Commented(points[done_points:items])
                chunks.append(chunk)  # a mapping's own table goes before its points: the table gets its own
                chunk = {}
            chunk["table"] = written
            chunks.append(chunk)
            done_text, done_points = after, items
        rest: dict[str, Commented] = {}
        if done_text < len(paragraphs):
            rest["text"] = Commented(paragraphs[done_text:])
        if done_points < len(points):
            rest["points"] = Commented(points[done_points:])
        if rest:
            chunks.append(rest)
        if chunks:
            entry.update(chunks.pop(0))
        children = [Commented(chunk) for chunk in chunks] + children
        if children:
            entry["children"] = Commented(children)

    def table(self, table: Table) -> Commented:
        """A table entry: the title and every cell rewritten as text is (years moved, figures X);
        a column numbering the rows (序号, or 1, 2, 3 … down the rows) keeps its numbers."""
        from drafter.extracting.figures import ordinal_columns

        ordinals = ordinal_columns(table.rows)
        value: dict[str, Commented] = {}
        if table.title:
            value["title"] = self.line(table.title, mask=False, bare_years=True)
        value["rows"] = Commented([Commented([self.line(cell, mask=column not in ordinals) if cell else Commented("")
                                              for column, cell in enumerate(row)])
                                   for row in table.rows])
        return Commented(value)

    def child_entry(self, node: Section) -> dict[str, Commented]:
        paragraphs = list(node.paragraphs)
        items = list(node.items)
        notes: list[str] = []
        heading = node.heading
        if not heading:  # the parser could not tell heading from body (first sentence too long)
            source = paragraphs if paragraphs else items
            first = source.pop(0) if source else HEADING_PLACEHOLDER
            heading, rest = split_headless(first)
            if rest:
                # a heading with no body would draft as a 【待补充】 gap: give it the rest as body
                source.insert(0, rest)
                notes.append(f"原文此处标题与正文连写、第一句过长，分不出标题：已把第一个分句“{heading}”作为标题，"
                             "其余作为正文（起草时标题后为句号），可酌情改写")
            else:
                notes.append("原文此处标题与正文连写、分不出标题，整段作为标题")
        entry: dict[str, Commented] = {"heading": self.line(heading, bare_years=True, comments=notes)}
        # the heading taken from the body: the tables after it count one paragraph or item fewer
        taken_text = len(node.paragraphs) - len(paragraphs)
        taken_items = len(node.items) - len(items)
        texts, points = [self.text(p) for p in paragraphs], [self.line(i) for i in items]
        tables = [(Table(t.rows, t.title, max(t.after - taken_text, 0), max(t.items - taken_items, 0)), self.table(t))
                  for t in node.tables]
        children = [Commented(self.child_entry(c)) for c in node.children]
        self.body(entry, texts, points, tables, children)
        return entry

    def merge(self, node: Section) -> tuple[list[Commented], list[Commented], list[Table]]:
        """A numbered node as running text: 强化学习。创新学习方式…; its items stay points,
        its tables stay where they stood (`after` and `items` counted in the texts and items given)."""
        paragraphs = list(node.paragraphs)
        heading_paragraph = 0
        if node.heading:
            lead = node.heading if node.heading[-1] in _SENTENCE_END else node.heading + "。"
            if paragraphs:
                paragraphs[0] = lead + paragraphs[0]
            else:
                paragraphs.insert(0, lead)
                heading_paragraph = 1
        texts = [self.text(p) for p in paragraphs]
        items = [self.line(i) for i in node.items]
        tables = [Table(t.rows, t.title, max(t.after + heading_paragraph, 1 if node.heading else 0), t.items)
                  for t in node.tables]
        for child in node.children:
            more_texts, more_items, more_tables = self.merge(child)
            tables += [Table(t.rows, t.title, len(texts) + t.after, len(items) + t.items) for t in more_tables]
            texts += more_texts
            items += more_items
        return texts, items, tables

    # -- date ----------------------------------------------------------------------------

    def date(self) -> Commented:
        written = self.doc.date
        if not written:
            return Commented(None, ["成文日期（date）：原文没有日期；写成 YYYY-MM-DD，不填时标黄【待补充】"])
        date = parse_date(written)
        if date is None and month_only(written):
            self.warnings.append(f"原文日期“{written}”只写到月，没有日，填写文件中的日期留空")
            return Commented(None, [f"成文日期（date）：原文为“{written}”，只写到月；请写成 YYYY-MM-DD"])
        if date is None:
            self.warnings.append(f"原文日期“{written}”无法识别，填写文件中的日期留空")
            return Commented(None, [f"成文日期（date）：原文为“{written}”，无法识别；请写成 YYYY-MM-DD"])
        moved = self.shift.moved(date.year)
        if moved is None:
            return Commented(date, [f"成文日期（date）：原文为“{written}”"])
        self.years_moved += 1
        new = with_year(date, moved)
        return Commented(new, [f"成文日期（date）：原文为“{written}”，年份已前移；请改为实际成文日期"])


# A headless node's heading: its first clause, if that is short enough to read back as one.
HEADLESS_HEADING_CHARS = 40
_CLAUSE_MARKS = COMMAS + SEMICOLONS + COLONS


def split_headless(text: str) -> tuple[str, str]:
    """(first clause, the rest) of a paragraph the parser found no heading in;
    (text, "") when no clause of it can be a heading."""
    from drafter.extracting.figures import QUOTES

    depth = 0
    for index, char in enumerate(text):
        if char in QUOTES and QUOTES[char] in text[index + 1:]:
            depth += 1
        elif depth and char in QUOTES.values():
            depth -= 1
        elif depth == 0 and char in _CLAUSE_MARKS:
            heading, rest = text[:index].strip(), text[index + 1:].strip()
            if len(heading) > HEADLESS_HEADING_CHARS:
                break
            if len(heading) >= 4 and rest:
                return heading, rest
    return text, ""


def build_fill(doc: Document, *, doc_year: int | None, year: int | None, kinds: list[str] | None = None,
               skeleton_roles: dict[str, list[str]] | None = None) -> FillTree:
    return FillBuilder(doc, doc_year=doc_year, year=year).build(
        kinds=kinds, skeleton_roles=skeleton_roles or {})


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
