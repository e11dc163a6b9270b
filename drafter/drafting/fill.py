"""Load and validate a fill file into a `Fill`.

Every key may be written in English or as its Chinese alias. Every error
names the file, the line (and column) and the key as the user wrote it.
Values stay data: nothing here or later evaluates them.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field

import yaml

from drafter.drafting import text_rules
from drafter.drafting.fill_keys import (ENTRY_KEYS, ROLE_KEYS, SECTION_KEYS, TABLE_KEYS, TOP_KEYS, alias_table,
                                       closest_key, describe_key)
from drafter.errors import DrafterError
from drafter.yaml_reader import NULL_TAG, YamlSource, compose, has_content, read_source, source_from_bytes
from drafter.vocabulary import KINDS, ROLES
from drafter.years import EARLY_MONTHS, YEARLY_KINDS, parse_date, parse_year

FILL_FILE = "填写文件"
MAX_TABLE_COLUMNS = 12
MAX_LEVEL = 4  # 一、 （一） 1. （1）
REQUIRED_KEYS = ("kind", "unit", "year")

_DATE_FORMS = (
    re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$"),
    re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\s*$"),
    re.compile(r"^\s*(\d{4})\.(\d{1,2})\.(\d{1,2})\s*$"),
    re.compile(r"^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$"),
)


@dataclass
class Text:
    """One string from the fill file, with where it was written."""

    value: str
    line: int
    key: str = ""


@dataclass
class FillTable:
    """A table written in the fill file: an optional title and rows of cells.
    `after`: how many of its entry's paragraphs (text) come before it; `items`: how many
    of its points (a table in an entry without a heading follows the points before it)."""

    rows: list[list[str]]
    title: str = ""
    after: int = 0
    line: int | None = None
    title_line: int | None = None
    cell_lines: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, column) -> line
    items: int = 0


@dataclass
class FillEntry:
    """A heading with its body: a level-1 section, or an entry below one.

    `entries` keeps the user's order: a Text is a paragraph of this section
    (or an item, if the skeleton writes this role as 一是/二是 items); a
    FillEntry with a heading is a subsection, one without is merged in.
    """

    heading: Text | None = None
    role: str | None = None
    text: list[Text] = field(default_factory=list)
    points: list[Text] = field(default_factory=list)
    entries: list["Text | FillEntry"] = field(default_factory=list)
    tables: list[FillTable] = field(default_factory=list)
    line: int | None = None

    def is_empty(self) -> bool:
        return not (self.text or self.points or self.tables or any(
            isinstance(e, Text) or not e.is_empty() or e.heading is not None for e in self.entries))


@dataclass
class Fill:
    path: str
    kind: str
    unit: Text
    year: int
    title: Text | None = None
    opening: list[Text] = field(default_factory=list)
    closing: list[Text] = field(default_factory=list)
    signature: Text | None = None
    date: _dt.date | None = None
    sections: list[FillEntry] | None = None  # None: not written at all
    sections_form: str = "mapping"  # "mapping" (role -> entries) or "list"
    warnings: list[tuple[int | None, str]] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line

    def texts(self) -> list[str]:
        """Every text value written by the user, as cleaned (for tests and counts)."""
        found = [self.unit.value]
        for item in (self.title, self.signature):
            if item is not None:
                found.append(item.value)
        found += [t.value for t in self.opening + self.closing]

        def walk(entry: FillEntry) -> None:
            if entry.heading is not None:
                found.append(entry.heading.value)
            found.extend(t.value for t in entry.text + entry.points)
            for sub in entry.entries:
                if isinstance(sub, Text):
                    found.append(sub.value)
                else:
                    walk(sub)

        for section in self.sections or []:
            walk(section)
        return [t for t in found if t]


def load_fill(path: str | os.PathLike, *, available_kinds: list[str] | None = None) -> Fill:
    """Read, validate and clean a fill file. Raises DrafterError on bad input."""
    return load_fill_source(read_source(path, FILL_FILE), available_kinds=available_kinds)


def load_fill_bytes(raw: bytes, name: str, *, available_kinds: list[str] | None = None) -> Fill:
    """A fill file held in memory (the web workbench's form, an upload); `name` is
    how messages name it."""
    return load_fill_source(source_from_bytes(raw, name, FILL_FILE), available_kinds=available_kinds)


def load_fill_source(source: YamlSource, *, available_kinds: list[str] | None = None) -> Fill:
    if not has_content(source.text):
        raise source.fail("填写文件是空的")
    root = compose(source)
    if root is None:
        raise source.fail("填写文件是空的（只有注释）")
    loader = _FillLoader(source.path)
    loader.warnings.extend(source.warnings)
    return loader.load(root, available_kinds)


class _FillLoader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.warnings: list[tuple[int | None, str]] = []

    # -- errors and positions ------------------------------------------------

    def fail(self, message: str, node: yaml.Node | None = None, key: str | None = None) -> DrafterError:
        line = column = None
        if node is not None:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        return DrafterError(message, path=self.path, line=line, column=column, key=key)

    def warn(self, node_or_line, message: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) or node_or_line is None \
            else node_or_line.start_mark.line + 1
        self.warnings.append((line, message))

    def mapping_items(self, node: yaml.MappingNode, keys: dict[str, tuple[str, ...]], where: str):
        """(canonical, written, key node, value node) for each key, checking
        unknown and repeated keys (an alias and its canonical key count as one)."""
        table = alias_table(keys)
        seen: dict[str, tuple[str, int]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(f"{where}的键应是文字", key_node)
            written = str(key_node.value).strip()
            canonical = table.get(written) or table.get(written.lower())
            if canonical is None:
                raise self.fail(
                    f"未知的键“{written}”，是否应为“{closest_key(written, keys)}”？", key_node, key=written)
            if canonical in seen:
                first_written, first_line = seen[canonical]
                raise self.fail(
                    f"键“{written}”重复：第 {first_line} 行已写过“{describe_key(first_written, canonical)}”",
                    key_node, key=written)
            seen[canonical] = (written, key_node.start_mark.line + 1)
            yield canonical, written, key_node, value_node

    # -- scalars ---------------------------------------------------------------

    @staticmethod
    def is_null(node: yaml.Node) -> bool:
        return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG

    def scalar(self, node: yaml.Node, written: str, what: str) -> str | None:
        """The text exactly as written (so `1.10` stays 1.10 and `yes` stays yes)."""
        if self.is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            shape = "列表" if isinstance(node, yaml.SequenceNode) else "键值映射"
            raise self.fail(f"“{written}”应是{what}，这里写成了{shape}", node, key=written)
        value = str(node.value)
        if node.style != "|" and node.end_mark.line > node.start_mark.line:
            value = text_rules.unfold_cjk(value)[0]  # folded over lines: no spaces in Chinese
        return value

    def clean(self, value: str, node: yaml.Node, written: str, rules) -> str:
        cleaned, warnings = text_rules.apply_rules(value, rules)
        for warning in warnings:
            self.warn(node, f"{written}“{_short(cleaned)}”：{warning}")
        return cleaned

    def line_text(self, node: yaml.Node, written: str, rules=text_rules.LINE_RULES) -> Text | None:
        value = self.scalar(node, written, "一行文字")
        if value is None:
            return None
        cleaned = self.clean(value, node, written, rules)
        return Text(cleaned, node.start_mark.line + 1, written) if cleaned else None

    def paragraph_texts(self, node: yaml.Node, written: str) -> list[Text]:
        """A string (one paragraph per line) or a list of strings."""
        if self.is_null(node):
            return []
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        texts = []
        for item in nodes:
            value = self.scalar(item, written, "文字或文字列表")
            if value is None:
                continue
            cleaned = self.clean(value, item, written, text_rules.PARAGRAPH_RULES)
            line = item.start_mark.line + 1
            texts += [Text(p, line, written) for p in text_rules.split_paragraphs(cleaned)]
        return texts

    def point_texts(self, node: yaml.Node, written: str) -> list[Text]:
        """A list of points, or one string with a point per line."""
        if self.is_null(node):
            return []
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        points = []
        for item in nodes:
            value = self.scalar(item, written, "要点列表（每项一行文字）")
            if value is None:
                if isinstance(node, yaml.SequenceNode):
                    self.warn(item, f"{written}中有一项是空的（只写了“-”），已略过")
                continue
            line = item.start_mark.line + 1
            value, warnings = text_rules.apply_rules(value, [text_rules.strip_xml_invalid,
                                                             text_rules.normalize_line_ends])
            for warning in warnings:
                self.warn(item, f"{written}“{_short(value)}”：{warning}")
            for part in text_rules.split_paragraphs(value):
                cleaned = self.clean(part, item, written, text_rules.LINE_RULES)
                if cleaned:
                    points.append(Text(cleaned, line, written))
        return points

    # -- the document ----------------------------------------------------------

    def load(self, root: yaml.Node, available_kinds: list[str] | None) -> Fill:
        if not isinstance(root, yaml.MappingNode):
            hint = ""
            if isinstance(root, yaml.ScalarNode) and "：" in str(root.value):
                hint = "（键后面的冒号应是半角“:”加空格，不是中文冒号“：”）"
            raise self.fail(f"填写文件应由“键: 值”组成，例如“unit: 市水利局机关党委”{hint}", root)
        values: dict[str, tuple[str, yaml.Node, yaml.Node]] = {}
        for canonical, written, key_node, value_node in self.mapping_items(root, TOP_KEYS, "填写文件"):
            values[canonical] = (written, key_node, value_node)
        for required in REQUIRED_KEYS:
            if required not in values or self.is_null(values[required][2]):
                alias = TOP_KEYS[required][0]
                node = values[required][1] if required in values else None
                raise self.fail(f"缺少必填项“{required}”（{alias}）", node, key=required)

        fill = Fill(path=self.path, kind="", unit=Text("", 0), year=0)
        fill.lines = {k: v[1].start_mark.line + 1 for k, v in values.items()}
        fill.kind = self.kind(*values["kind"][::2], available_kinds)
        fill.year = self.year(*values["year"][::2])
        unit = self.line_text(values["unit"][2], values["unit"][0], text_rules.PLAIN_LINE_RULES)
        if unit is None:
            raise self.fail("“unit”（单位）不能为空", values["unit"][2], key=values["unit"][0])
        fill.unit = unit
        if "title" in values:
            fill.title = self.line_text(values["title"][2], values["title"][0], text_rules.PLAIN_LINE_RULES)
        if "signature" in values:
            fill.signature = self.line_text(values["signature"][2], values["signature"][0],
                                            text_rules.PLAIN_LINE_RULES)
        for key in ("opening", "closing"):
            if key in values:
                setattr(fill, key, self.paragraph_texts(values[key][2], values[key][0]))
        if "date" in values:
            fill.date = self.date(*values["date"][::2])
            self.check_date_year(fill, values["date"][2])
        if "sections" in values:
            fill.sections, fill.sections_form = self.sections(*values["sections"][::2])
        fill.warnings = self.warnings
        return fill

    def kind(self, written: str, node: yaml.Node, available: list[str] | None) -> str:
        value = self.scalar(node, written, "文稿类型")
        kind = KINDS.lookup(value)
        if kind is None or (available is not None and kind not in available):
            choices = KINDS.choices(available)
            if kind is not None:
                raise self.fail(f"语库中没有“{value}”类文稿的骨架，可用的类型：{choices}", node, key=written)
            raise self.fail(f"未知的文稿类型“{value}”，可用的类型：{choices}", node, key=written)
        return kind

    def year(self, written: str, node: yaml.Node) -> int:
        value = self.scalar(node, written, "年份")
        try:
            return parse_year(value or "", what=f"“{written}”的值")
        except DrafterError as error:
            raise self.fail(error.message, node, key=written) from None

    def date(self, written: str, node: yaml.Node) -> _dt.date | None:
        value = self.scalar(node, written, "日期")
        if value is None or not value.strip():
            return None
        for form in _DATE_FORMS:
            match = form.match(value)
            if match:
                try:
                    return _dt.date(*(int(g) for g in match.groups()))
                except ValueError:
                    raise self.fail(f"“{written}”不是有效的日期：“{value}”", node, key=written) from None
        written_in_words = parse_date(value, whole=True)  # 二〇二五年十二月二十日
        if written_in_words is not None:
            return written_in_words
        raise self.fail(f"“{written}”应写成 YYYY-MM-DD，例如 2025-12-20，这里写的是“{value}”",
                        node, key=written)

    def check_date_year(self, fill: Fill, node: yaml.Node) -> None:
        """A date in another year than the document's is most often last year's date
        left standing; an annual summary or debrief may be dated early the next year."""
        date = fill.date
        if date is None or date.year == fill.year:
            return
        early_next = date.year == fill.year + 1 and date.month <= EARLY_MONTHS and fill.kind in YEARLY_KINDS
        if not early_next:
            self.warn(node, f"成文日期 {date.year}年{date.month}月{date.day}日 与年度 {fill.year} 不一致，请核对")

    # -- sections ----------------------------------------------------------------

    def sections(self, written: str, node: yaml.Node) -> tuple[list[FillEntry] | None, str]:
        if self.is_null(node):
            return None, "mapping"
        if isinstance(node, yaml.MappingNode):
            sections = []
            for role, role_written, key_node, value_node in self.mapping_items(node, ROLE_KEYS, "正文"):
                section = self.role_section(role, role_written, value_node)
                section.line = key_node.start_mark.line + 1
                sections.append(section)
            return sections, "mapping"
        if isinstance(node, yaml.SequenceNode):
            sections = []
            for item in node.value:
                if self.is_null(item):
                    continue
                if not isinstance(item, yaml.MappingNode):
                    raise self.fail(
                        "列表形式的正文，每一项应是含“heading”（标题）和“role”（角色）等键的映射", item, key=written)
                sections.append(self.entry(item, level=1, keys=SECTION_KEYS))
            return sections, "list"
        raise self.fail(f"“{written}”应是按角色分组的映射（如 achievements: …）或一级标题的列表",
                        node, key=written)

    def role_section(self, role: str, written: str, node: yaml.Node) -> FillEntry:
        """`achievements:` followed by nothing, a string, a list of entries, or one
        mapping that may also give the level-1 heading."""
        if isinstance(node, yaml.MappingNode):
            section = self.entry(node, level=1, keys=ENTRY_KEYS)
        else:
            section = FillEntry(entries=self.entry_list(node, written, level=1))
        section.role = role
        return section

    def entry_list(self, node: yaml.Node, written: str, level: int) -> list[Text | FillEntry]:
        """Entries of a section at `level`: strings are its paragraphs, mappings its
        subsections (level + 1) or, without a heading, more of its own body."""
        if self.is_null(node):
            return []
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        entries: list[Text | FillEntry] = []
        for item in nodes:
            if self.is_null(item):
                if isinstance(node, yaml.SequenceNode):
                    self.warn(item, f"{written}中有一项是空的（只写了“-”），已略过")
                continue
            if isinstance(item, yaml.MappingNode):
                entries.append(self.entry(item, level=level + 1, keys=ENTRY_KEYS))
            elif isinstance(item, yaml.ScalarNode):
                entries += self.paragraph_texts(item, written)
            else:
                raise self.fail(f"“{written}”中的每一项应是一段文字或含“heading”（标题）的映射，不能是嵌套列表",
                                item, key=written)
        return entries

    def entry(self, node: yaml.MappingNode, level: int, keys: dict[str, tuple[str, ...]]) -> FillEntry:
        if level > MAX_LEVEL:
            raise self.fail("层级过深：正文最多四级标题（一、（一） 1. （1））", node)
        entry = FillEntry(line=node.start_mark.line + 1)
        for canonical, written, _key_node, value in self.mapping_items(node, keys, "正文条目"):
            if canonical == "heading":
                entry.heading = self.line_text(value, written)
            elif canonical == "role":
                entry.role = self.role(written, value)
            elif canonical == "text":
                entry.text = self.paragraph_texts(value, written)
            elif canonical == "points":
                entry.points = self.point_texts(value, written)
            elif canonical == "children":
                entry.entries = self.entry_list(value, written, level)
            elif canonical == "table":
                entry.tables.append(self.table(value, written))
        for table in entry.tables:
            table.after = len(entry.text)  # a table follows its entry's own paragraphs
        return entry

    def table(self, node: yaml.Node, written: str) -> FillTable:
        """`table:` as a list of rows, or a mapping with an optional title and its rows."""
        table = FillTable(rows=[], line=node.start_mark.line + 1)
        rows_node = node
        if isinstance(node, yaml.MappingNode):
            rows_node = None
            for canonical, key, _key_node, value in self.mapping_items(node, TABLE_KEYS, "表格"):
                if canonical == "title":
                    title = self.line_text(value, key, text_rules.PLAIN_LINE_RULES)
                    table.title = title.value if title else ""
                    table.title_line = value.start_mark.line + 1
                else:
                    rows_node = value
            if rows_node is None:
                raise self.fail("表格缺少“rows”（行）：每行写成一个列表，如 - [指标, 目标, 完成]", node, key=written)
        if not isinstance(rows_node, yaml.SequenceNode) or not rows_node.value:
            raise self.fail("表格的行应是列表，每行又是一个列表，如 - [指标, 目标, 完成]", rows_node, key=written)
        for row in rows_node.value:
            if not isinstance(row, yaml.SequenceNode):
                raise self.fail("表格的每一行应是一个列表，如 - [发展党员, 3名, 3名]", row, key=written)
            if len(row.value) > MAX_TABLE_COLUMNS:
                raise self.fail(f"表格一行最多 {MAX_TABLE_COLUMNS} 列", row, key=written)
            cells = []
            for cell in row.value:
                value = self.scalar(cell, written, "单元格文字")
                cleaned = self.clean(value or "", cell, written, text_rules.PLAIN_LINE_RULES) if value else ""
                table.cell_lines[(len(table.rows), len(cells))] = cell.start_mark.line + 1
                cells.append(cleaned)
            table.rows.append(cells)
        return table

    def role(self, written: str, node: yaml.Node) -> str | None:
        value = self.scalar(node, written, "角色名称")
        if value is None:
            return None
        role = ROLES.lookup(value)
        if role is None:
            choices = ROLES.choices()
            raise self.fail(f"未知的角色“{value}”，是否应为“{closest_key(value, ROLE_KEYS)}”？可用：{choices}",
                            node, key=written)
        return role


def _short(text: str, limit: int = 12) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
