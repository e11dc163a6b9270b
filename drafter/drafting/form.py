"""The fill form: a fill file as the web workbench edits it.

A form is plain JSON data, one object per heading, in document order:

    FORM    = {"version": 1, "kind": "annual", "unit": "…", "year": "2025", "title": "…",
               "opening": ["段落", …], "closing": [...], "signature": "…", "date": "2025-12-26",
               "sections_form": "mapping" | "list", "sections": [SECTION, …], "notes": NOTES}
    SECTION = {"role": "achievements", "heading": "", "text": [...], "points": [...], "table": TABLE,
               "entries": [ENTRY, …], "notes": NOTES}
    ENTRY   = {"heading": "", "text": [...], "points": [...], "table": TABLE, "children": [ENTRY, …],
               "notes": NOTES}
    TABLE   = null | {"title": "…", "rows": [["格", "格"], …], "notes": NOTES}   (set after its entry's text;
              its notes are named "title" and "row.column", as "1.2" for the third cell of the second row)
    NOTES   = {field name: ["原文：…", …]}

It holds exactly what a fill file holds (docs/fill-format.md): `form_yaml` writes
it as a fill file with Chinese keys, `load_form` reads any fill file (English or
Chinese keys) into it, and a form drafts as its fill file does. An entry without
a heading is body text of the heading above it, as in the fill file. Sections in
the "mapping" form are grouped by role (each role once, drafted in the skeleton's
order); in the "list" form they are level-1 headings in the order written.

Notes are what `drafter extract` writes beside a field (# 原文：…, # 请核对：…):
read from the comments above a field's values, written back above its first value.

Fields are named by paths: "title", "sections.0.heading", "sections.0.entries.1.points",
"sections.2.entries.0.children.1.text".
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from drafter.drafting.fill import FILL_FILE, MAX_LEVEL, Fill, FillEntry, FillTable, Text, load_fill_source
from drafter.drafting.fill_keys import ENTRY_KEYS, SECTION_KEYS, TABLE_KEYS, TOP_KEYS
from drafter.drafting.skeleton import SkeletonGuide
from drafter.errors import DrafterError
from drafter.vocabulary import KINDS, ROLES, TYPES
from drafter.yaml_reader import comment_blocks, source_from_bytes
from drafter.yaml_writer import Commented, render_document, value_lines

FORM_VERSION = 1
SECTION_FORMS = ("mapping", "list")
# The comments `drafter extract` writes about one field, kept with it.
NOTE_PREFIXES = ("原文：", "请核对：")
TEXT_FIELDS = ("unit", "title", "signature", "date")
PARAGRAPH_FIELDS = ("opening", "closing")
# Bank entry types offered for an empty subheading (heading_set when the bank has it).
HEADING_TYPES = ("heading", "heading_set")
SUBHEADING_HINTS = 15

# Hears which form entry a fill item went into: (entry index, item, with its children).
EntrySeen = Callable[[int, "Text | FillEntry", bool], None]

_TOP_FIELDS = ("version", "kind", "unit", "year", "title", "opening", "closing", "signature", "date",
               "sections_form", "sections", "notes")
_SECTION_FIELDS = ("role", "heading", "text", "points", "table", "entries", "notes")
_ENTRY_FIELDS = ("heading", "text", "points", "table", "children", "notes")


def _key(keys: dict[str, tuple[str, ...]], name: str) -> str:
    """The Chinese key a saved form uses (the first alias), or the English one."""
    aliases = keys.get(name)
    return aliases[0] if aliases else name


# -- checking what the browser sent --------------------------------------------------------

class _FormChecker:
    """A form from the browser is checked for shape (not content: the fill reader
    does that, with its own messages) and normalised: missing keys filled in,
    lists of strings for paragraphs and points."""

    def fail(self, path: str, message: str) -> DrafterError:
        return DrafterError(f"表单数据有误：{message}", key=path)

    def known(self, data: dict, allowed: tuple[str, ...], path: str) -> None:
        for key in data:
            if key not in allowed:
                raise self.fail(path, f"{path or '表单'}中有未知的项“{key}”")

    def text(self, value: Any, path: str) -> str:
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.fail(path, f"“{path}”应是文字")
        return str(value)

    def texts(self, value: Any, path: str) -> list[str]:
        """A list of strings; a string counts as one per line."""
        if value is None:
            return []
        if isinstance(value, str):
            value = value.split("\n")
        if not isinstance(value, list):
            raise self.fail(path, f"“{path}”应是文字列表")
        return [self.text(item, f"{path}.{n}") for n, item in enumerate(value)]

    def notes(self, value: Any, path: str) -> dict[str, list[str]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, f"“{path}”应是映射")
        return {str(name): self.texts(notes, f"{path}.{name}") for name, notes in value.items()}

    def mapping(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, f"“{path}”应是映射")
        return value

    def items(self, value: Any, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(path, f"“{path}”应是列表")
        return value

    def form(self, data: Any) -> dict:
        data = self.mapping(data, "")
        self.known(data, _TOP_FIELDS, "")
        version = data.get("version", FORM_VERSION)
        if version != FORM_VERSION:
            raise self.fail("version", f"不支持的表单版本“{version}”")
        kind = KINDS.lookup(self.text(data.get("kind"), "kind"))
        if kind is None:
            raise self.fail("kind", f"未知的文稿类型“{data.get('kind')}”，可用的类型：{KINDS.choices()}")
        sections_form = data.get("sections_form", "mapping")
        if sections_form not in SECTION_FORMS:
            raise self.fail("sections_form", "sections_form 应是 mapping 或 list")
        form = {"version": FORM_VERSION, "kind": kind}
        for name in ("unit", "year", "title", "signature", "date"):
            form[name] = self.text(data.get(name), name)
        for name in PARAGRAPH_FIELDS:
            form[name] = self.texts(data.get(name), name)
        form["sections_form"] = sections_form
        sections = [self.section(item, f"sections.{n}", sections_form)
                    for n, item in enumerate(self.items(data.get("sections"), "sections"))]
        if sections_form == "mapping":
            roles = [s["role"] for s in sections]
            for number, role in enumerate(roles):
                if not role:
                    raise self.fail(f"sections.{number}.role", "按角色分组的正文，每部分都要有角色")
                if role in roles[:number]:
                    raise self.fail(f"sections.{number}.role", f"“{ROLES.label(role)}”部分重复")
        form["sections"] = sections
        form["notes"] = self.notes(data.get("notes"), "notes")
        return form

    def section(self, value: Any, path: str, sections_form: str) -> dict:
        data = self.mapping(value, path)
        self.known(data, _SECTION_FIELDS, path)
        role_written = self.text(data.get("role"), f"{path}.role")
        role = ROLES.lookup(role_written) if role_written else ""
        if role is None:
            raise self.fail(f"{path}.role", f"未知的角色“{role_written}”，可用：{ROLES.choices()}")
        return {
            "role": role, "heading": self.text(data.get("heading"), f"{path}.heading"),
            "text": self.texts(data.get("text"), f"{path}.text"),
            "points": self.texts(data.get("points"), f"{path}.points"),
            "table": self.table(data.get("table"), f"{path}.table"),
            "entries": [self.entry(item, f"{path}.entries.{n}", level=2)
                        for n, item in enumerate(self.items(data.get("entries"), f"{path}.entries"))],
            "notes": self.notes(data.get("notes"), f"{path}.notes"),
        }

    def entry(self, value: Any, path: str, level: int) -> dict:
        if level > MAX_LEVEL:
            raise self.fail(path, "层级过深：正文最多四级标题（一、（一） 1. （1））")
        data = self.mapping(value, path)
        self.known(data, _ENTRY_FIELDS, path)
        return {
            "heading": self.text(data.get("heading"), f"{path}.heading"),
            "text": self.texts(data.get("text"), f"{path}.text"),
            "points": self.texts(data.get("points"), f"{path}.points"),
            "table": self.table(data.get("table"), f"{path}.table"),
            "children": [self.entry(item, f"{path}.children.{n}", level + 1)
                         for n, item in enumerate(self.items(data.get("children"), f"{path}.children"))],
            "notes": self.notes(data.get("notes"), f"{path}.notes"),
        }

    def table(self, value: Any, path: str) -> dict | None:
        if value is None:
            return None
        data = self.mapping(value, path)
        self.known(data, ("title", "rows", "notes"), path)
        rows = [self.texts(row if isinstance(row, list) else self.items(row, f"{path}.rows.{n}"),
                           f"{path}.rows.{n}")
                for n, row in enumerate(self.items(data.get("rows"), f"{path}.rows"))]
        return {"title": self.text(data.get("title"), f"{path}.title"), "rows": rows,
                "notes": self.notes(data.get("notes"), f"{path}.notes")}


def check_form(data: Any) -> dict:
    """The form as sent by the browser, checked for shape and normalised.
    Raises DrafterError naming the path of the bad part."""
    return _FormChecker().form(data)


# -- form → fill file ------------------------------------------------------------------------

@dataclass
class FormYaml:
    """A form written as a fill file, and the line each field starts on."""

    text: str
    lines: dict[str, int] = field(default_factory=dict)  # path -> 1-based line

    def path_at(self, line: int | None) -> str | None:
        """The field a line of the fill file belongs to: the last one starting at or
        before it (of those on one line, the innermost)."""
        if line is None:
            return None
        best: tuple[int, int, str] | None = None
        for path, start in self.lines.items():
            if start <= line:
                candidate = (start, path.count("."), path)
                if best is None or candidate > best:
                    best = candidate
        return best[2] if best else None


class _TreeBuilder:
    """The commented tree of a form, remembering which value is which field."""

    def __init__(self) -> None:
        self.paths: dict[int, str] = {}

    def mark(self, node: Commented, path: str) -> Commented:
        self.paths[id(node)] = path
        return node

    def paragraphs(self, values: list[str], notes: list[str], path: str) -> Commented | None:
        """One paragraph as a string, several as a list; the field's notes above the first."""
        values = [v for v in values if v.strip()]
        if not values:
            return None
        if len(values) == 1:
            return self.mark(Commented(values[0], list(notes)), path)
        items = [Commented(value) for value in values]
        items[0].comments = list(notes)
        return self.mark(Commented(items), path)

    def line(self, value: str, notes: list[str], path: str) -> Commented | None:
        if not value.strip():
            return None
        return self.mark(Commented(value, list(notes)), path)

    def body(self, item: dict, path: str) -> dict[str, Commented]:
        """heading, text, points and table of a section or entry, in the fill file's keys."""
        notes = item.get("notes", {})
        body: dict[str, Commented] = {}
        for name in ("heading", "text", "points"):
            value = item.get(name)
            node = self.line(value, notes.get(name, []), f"{path}.{name}") if name == "heading" \
                else self.paragraphs(value, notes.get(name, []), f"{path}.{name}")
            if node is not None:
                body[_key(ENTRY_KEYS, name)] = node
        table = self.table(item.get("table"), f"{path}.table")
        if table is not None:
            body[_key(ENTRY_KEYS, "table")] = table
        return body

    def entries(self, entries: list[dict], path: str, key: str) -> list[Commented]:
        built = []
        for number, entry in enumerate(entries):
            entry_path = f"{path}.{key}.{number}"
            value = self.entry(entry, entry_path)
            if value:
                built.append(self.mark(Commented(value), entry_path))
        return built

    def entry(self, entry: dict, path: str) -> dict[str, Commented]:
        value = self.body(entry, path)
        children = self.entries(entry.get("children", []), path, "children")
        if children:
            value[_key(ENTRY_KEYS, "children")] = Commented(children)
        return value

    def table(self, table: dict | None, path: str) -> Commented | None:
        """A table with at least one row that says something (a table needs rows);
        short rows are padded, so every cell stays in its column."""
        rows = [(number, row) for number, row in enumerate((table or {}).get("rows", []))
                if any(cell.strip() for cell in row)]
        if not rows:
            return None
        notes = table.get("notes") or {}
        width = max(len(row) for _number, row in rows)
        value: dict[str, Commented] = {}
        if table.get("title", "").strip():
            value[_key(TABLE_KEYS, "title")] = Commented(table["title"], list(notes.get("title", [])))
        value[_key(TABLE_KEYS, "rows")] = Commented(
            [Commented([Commented(cell, list(notes.get(f"{number}.{column}", [])))
                        for column, cell in enumerate(row + [""] * (width - len(row)))])
             for number, row in rows])
        return self.mark(Commented(value), path)

    def section_value(self, section: dict, path: str, listed: bool) -> Commented:
        value = self.body(section, path)
        if listed and section.get("role"):  # right after the heading, as the samples write it
            role = {_key(SECTION_KEYS, "role"): Commented(ROLES.label(section["role"]))}
            heading = _key(ENTRY_KEYS, "heading")
            value = {**({heading: value.pop(heading)} if heading in value else {}), **role, **value}
        entries = self.entries(section.get("entries", []), path, "entries")
        if not listed and not value:  # role: followed by its entries, or by nothing (a gap)
            return self.mark(Commented(entries or None), path)
        if entries:
            value[_key(ENTRY_KEYS, "children")] = Commented(entries)
        return self.mark(Commented(value), path)

    def root(self, form: dict) -> dict[str, Commented]:
        notes = form.get("notes", {})
        root: dict[str, Commented] = {
            _key(TOP_KEYS, "kind"): self.mark(Commented(KINDS.label(form["kind"])), "kind"),
            _key(TOP_KEYS, "unit"): self.mark(Commented(form["unit"] or None, list(notes.get("unit", []))), "unit"),
            _key(TOP_KEYS, "year"): self.mark(Commented(_year_value(form["year"]), list(notes.get("year", []))),
                                              "year"),
        }
        optional = {
            "title": self.line(form["title"], notes.get("title", []), "title"),
            "opening": self.paragraphs(form["opening"], notes.get("opening", []), "opening"),
        }
        if form["sections_form"] == "mapping":
            sections = {ROLES.label(s["role"]): self.section_value(s, f"sections.{n}", listed=False)
                        for n, s in enumerate(form["sections"])}
            optional["sections"] = Commented(sections)
        else:
            optional["sections"] = Commented([self.section_value(s, f"sections.{n}", listed=True)
                                              for n, s in enumerate(form["sections"])])
        optional["closing"] = self.paragraphs(form["closing"], notes.get("closing", []), "closing")
        optional["signature"] = self.line(form["signature"], notes.get("signature", []), "signature")
        optional["date"] = self.line(form["date"], notes.get("date", []), "date")
        for name, node in optional.items():
            if node is not None:
                root[_key(TOP_KEYS, name)] = node
        return root


def _year_value(year: str) -> int | str | None:
    year = year.strip()
    return int(year) if year.isdigit() and not year.startswith("0") else (year or None)


def form_header(form: dict) -> list[str]:
    kind = form["kind"]
    return [
        f"drafter 填写文件 · {KINDS.label(kind)}（{kind}）· 由 drafter 工作台保存",
        "起草：drafter draft 本文件.yaml -o 总结.docx；也可在工作台中“打开填写文件”继续编辑。",
        "键用中文书写（类型、单位、年度、标题、导语、正文、结尾、落款、日期；条目中的标题、内容、要点、下级）。",
        "序号（一、（一）1.（1）和“一是、二是”）由程序按层级自动生成；“# 原文：”注释是去年文稿中的写法。",
    ]


def form_yaml(form: dict) -> FormYaml:
    """The form as a fill file with Chinese keys (notes as comments), and where each field is."""
    builder = _TreeBuilder()
    root = builder.root(form)
    text = render_document(root, form_header(form))
    where = value_lines(text, root)
    return FormYaml(text, {path: where[key] for key, path in builder.paths.items() if key in where})


# -- fill file → form --------------------------------------------------------------------------

@dataclass
class LoadedForm:
    form: dict
    warnings: list[tuple[int | None, str]] = field(default_factory=list)  # (fill-file line, message)


class _FormReader:
    def __init__(self, comments: dict[int, list[str]]) -> None:
        self.comments = comments

    def notes(self, lines: list[int | None]) -> list[str]:
        found: list[str] = []
        for line in lines:
            for comment in self.comments.get(line or 0, []):
                if comment.startswith(NOTE_PREFIXES) and comment not in found:
                    found.append(comment)
        return found

    def field_notes(self, **fields: list[Text] | Text | None) -> dict[str, list[str]]:
        notes = {}
        for name, texts in fields.items():
            texts = [texts] if isinstance(texts, Text) else (texts or [])
            found = self.notes([t.line for t in texts])
            if found:
                notes[name] = found
        return notes

    def entries(self, items: list[Text | FillEntry], on_entry: EntrySeen | None = None) -> list[dict]:
        """An entry list as the form holds it: loose paragraphs in a row become one
        entry without a heading, and a mapping without a heading stays one, followed by
        its own entries (drafting merges both into the heading above).
        `on_entry(index, item, with_children)` hears which form entry each item went into."""
        out: list[dict] = []
        loose: dict | None = None
        for item in items:
            if isinstance(item, Text):
                if loose is None:
                    loose = _empty_entry()
                    out.append(loose)
                loose["text"].append(item.value)
                self._add_notes(loose, "text", [item])
                if on_entry:
                    on_entry(len(out) - 1, item, True)
                continue
            loose = None
            if item.heading is None:
                out.append(self.entry(item, with_children=False))
                if on_entry:
                    on_entry(len(out) - 1, item, False)
                base = len(out)
                out.extend(self.entries(item.entries, None if on_entry is None else
                                        lambda index, inner, deep: on_entry(base + index, inner, deep)))
            else:
                out.append(self.entry(item))
                if on_entry:
                    on_entry(len(out) - 1, item, True)
        return out

    def _add_notes(self, entry: dict, name: str, texts: list[Text]) -> None:
        found = self.notes([t.line for t in texts])
        if found:
            known = entry["notes"].setdefault(name, [])
            known.extend(note for note in found if note not in known)

    def entry(self, item: FillEntry, with_children: bool = True) -> dict:
        return {
            "heading": item.heading.value if item.heading else "",
            "text": [t.value for t in item.text],
            "points": [t.value for t in item.points],
            "table": self.table(item.tables[0]) if item.tables else None,  # one `table:` per mapping
            "children": self.entries(item.entries) if with_children else [],
            "notes": self.field_notes(heading=item.heading, text=item.text, points=item.points),
        }

    def table(self, table: FillTable) -> dict:
        notes = {}
        for name, line in [("title", table.title_line),
                           *((f"{row}.{column}", line) for (row, column), line in sorted(table.cell_lines.items()))]:
            found = self.notes([line])
            if found:
                notes[name] = found
        return {"title": table.title, "rows": [list(row) for row in table.rows], "notes": notes}

    def section(self, item: FillEntry) -> dict:
        entry = self.entry(item, with_children=False)
        return {"role": item.role or "", "heading": entry["heading"], "text": entry["text"],
                "points": entry["points"], "table": entry["table"], "entries": self.entries(item.entries),
                "notes": entry["notes"]}

    def form(self, fill: Fill, guide: SkeletonGuide) -> dict:
        def line_of(key: str) -> Text | None:
            line = fill.lines.get(key)
            return Text("", line) if line else None

        sections = list(fill.sections or [])
        if fill.sections_form == "mapping":
            sections.sort(key=lambda s: guide.order(s.role or "other"))
        form = {
            "version": FORM_VERSION, "kind": fill.kind, "unit": fill.unit.value, "year": str(fill.year),
            "title": fill.title.value if fill.title else "",
            "opening": [t.value for t in fill.opening], "closing": [t.value for t in fill.closing],
            "signature": fill.signature.value if fill.signature else "",
            "date": fill.date.isoformat() if fill.date else "",
            "sections_form": fill.sections_form,
            "sections": [self.section(s) for s in sections],
            "notes": self.field_notes(unit=fill.unit, year=line_of("year"), title=fill.title, opening=fill.opening,
                                      closing=fill.closing, signature=fill.signature, date=line_of("date")),
        }
        if fill.sections is None:  # not written: drafting lists the skeleton's parts, as a new form does
            form["sections"] = [empty_section(role) for role in guide.roles()]
        return form


def fill_fields(fill: Fill) -> list[tuple[int, dict]]:
    """(fill-file line, field) for every value of a fill file, in line order. A field is
    {"role", "entry", "field"}: the section's role, the index of its entry in the form
    (None for the section's own fields) and the field's name ("heading", "text", "points",
    "table"; None for a field nested deeper in the entry); a top-level field is {"field": name}.
    This is the `field` a check finding on a fill file carries, for the web form to find."""
    found: list[tuple[int, dict]] = []

    def add(line: int | None, **where: Any) -> None:
        if line:
            found.append((line, {"role": None, "entry": None, **where}))

    for name, item in (("unit", fill.unit), ("title", fill.title), ("signature", fill.signature)):
        add(item.line if item else None, field=name)
    for name in ("kind", "year", "date"):
        add(fill.lines.get(name), field=name)
    for name in PARAGRAPH_FIELDS:
        add(fill.lines.get(name), field=name)
        for text in getattr(fill, name):
            add(text.line, field=name)

    def own_fields(item: FillEntry, role: str, entry: int | None) -> None:
        add(item.line, role=role, entry=entry, field="heading" if item.heading else None)
        for name, texts in (("heading", [item.heading] if item.heading else []), ("text", item.text),
                            ("points", item.points)):
            for text in texts:
                add(text.line, role=role, entry=entry, field=name)
        for table in item.tables:
            add(table.line, role=role, entry=entry, field="table")

    def nested(items: list, role: str, entry: int) -> None:
        """A child of an entry: the form names the entry, not the child's field."""
        for inner in items:
            if isinstance(inner, Text):
                add(inner.line, role=role, entry=entry, field=None)
                continue
            for text in [inner.heading] if inner.heading else []:
                add(text.line, role=role, entry=entry, field=None)
            for line in [inner.line, *(t.line for t in inner.text + inner.points), *(t.line for t in inner.tables)]:
                add(line, role=role, entry=entry, field=None)
            nested(inner.entries, role, entry)

    reader = _FormReader({})
    for section in fill.sections or []:
        role = section.role or "other"
        own_fields(section, role, None)

        def seen(index: int, item: Text | FillEntry, with_children: bool, role: str = role) -> None:
            if isinstance(item, Text):
                add(item.line, role=role, entry=index, field="text")
                return
            own_fields(item, role, index)
            if with_children:
                nested(item.entries, role, index)

        reader.entries(section.entries, seen)
    found.sort(key=lambda pair: pair[0])
    return found


def field_at(fields: list[tuple[int, dict]], line: int | None) -> dict | None:
    """The field a fill-file line belongs to: the last value starting at or before it."""
    if line is None:
        return None
    best = None
    for start, where in fields:
        if start > line:
            break
        best = where
    return best


def _guide(kind: str, bank_dir) -> SkeletonGuide:
    from drafter.bank import load_skeletons

    return SkeletonGuide.for_kind(load_skeletons(bank_dir), kind)


def load_form(raw: bytes, name: str, *, bank_dir: str | os.PathLike | None = None) -> LoadedForm:
    """A fill file's bytes (English or Chinese keys) as a form, its # 原文： notes kept.
    Raises DrafterError with the fill reader's message on bad input."""
    source = source_from_bytes(raw, name, FILL_FILE)
    fill = load_fill_source(source, available_kinds=list(KINDS))
    form = _FormReader(comment_blocks(source.text)).form(fill, _guide(fill.kind, bank_dir))
    return LoadedForm(form, list(fill.warnings))


# -- new forms and what the page offers ------------------------------------------------------------

def _empty_entry() -> dict:
    return {"heading": "", "text": [], "points": [], "table": None, "children": [], "notes": {}}


def empty_section(role: str) -> dict:
    return {"role": role, "heading": "", "text": [], "points": [], "table": None, "entries": [], "notes": {}}


def new_form(kind: str, *, bank_dir: str | os.PathLike | None = None, today: _dt.date | None = None) -> dict:
    """An empty form for a kind: one empty part per role of its skeleton (the common
    parts for a kind without one), the year being summed up."""
    from drafter.drafting.starter import default_year

    kind_id = KINDS.parse(kind, key="kind")
    guide = _guide(kind_id, bank_dir)
    return {"version": FORM_VERSION, "kind": kind_id, "unit": "", "year": str(default_year(today or _dt.date.today())),
            "title": "", "opening": [], "closing": [], "signature": "", "date": "",
            "sections_form": "mapping", "sections": [empty_section(role) for role in guide.roles()], "notes": {}}


def _is_empty(section: dict) -> bool:
    return not (section["heading"].strip() or any(t.strip() for t in section["text"] + section["points"])
                or section["table"] or section["entries"])


def change_kind(form: dict, kind: str, *, bank_dir: str | os.PathLike | None = None) -> dict:
    """The form for another kind: what is written stays; in the mapping form the new
    skeleton's parts are added, empty parts it lacks dropped, and all put in its order."""
    form = check_form(form)
    kind_id = KINDS.parse(kind, key="kind")
    form["kind"] = kind_id
    if form["sections_form"] != "mapping":
        return form
    guide = _guide(kind_id, bank_dir)
    roles = guide.roles()
    kept = [s for s in form["sections"] if s["role"] in roles or not _is_empty(s)]
    present = {s["role"] for s in kept}
    kept += [empty_section(role) for role in roles if role not in present]
    form["sections"] = sorted(kept, key=lambda s: guide.order(s["role"]))
    return form


def form_hints(kind: str, year: int | str | None, unit: str = "", *,
               bank_dir: str | os.PathLike | None = None) -> dict:
    """What the page offers for empty fields, worded as drafting words them: the title
    and opening a draft gets when they are left empty, each role's level-1 headings
    (the one used first), the bank's subheadings per role, the skeleton's closings."""
    from drafter.bank import query_phrases
    from drafter.drafting.engine import build_document_from_bytes
    from drafter.drafting.skeleton import by_count, render_slots
    from drafter.years import parse_year

    from drafter.drafting.starter import UNIT_PLACEHOLDER, default_year

    kind_id = KINDS.parse(kind, key="kind")
    try:
        year_value = parse_year(year or None) or default_year(_dt.date.today())
    except DrafterError:
        year_value = default_year(_dt.date.today())
    unit = unit.strip() or UNIT_PLACEHOLDER
    guide = _guide(kind_id, bank_dir)
    probe = {"version": FORM_VERSION, "kind": kind_id, "unit": unit, "year": str(year_value), "title": "",
             "opening": [], "closing": [], "signature": "", "date": "", "sections_form": "mapping",
             "sections": [empty_section(role) for role in ROLES], "notes": {}}
    doc, _fill, _plan = build_document_from_bytes(form_yaml(probe).text.encode("utf-8"), bank_dir=bank_dir)
    drafted = {s.role: s.heading for s in doc.sections}
    headings: dict[str, list[str]] = {}
    for role in ROLES:
        section = next((s for s in guide.skeleton.get("sections", []) if s["role"] == role), None)
        found = [render_slots(h["template"], year=year_value, unit=unit) for h in by_count(section["headings"])] \
            if section else []
        first = drafted.get(role, "")
        headings[role] = list(dict.fromkeys([first, *found] if first else found))
    subheadings: dict[str, list[str]] = {}
    headings_found = [entry for kind in HEADING_TYPES if kind in TYPES
                      for entry in query_phrases(bank_dir, type=kind, year=year_value)]  # nothing outdated
    for entry in headings_found:
        texts = entry.get("items") or [entry["text"]]  # a heading set offers each of its headings
        for role in entry.get("roles") or []:
            bucket = subheadings.setdefault(role, [])
            for text in texts:
                if text not in bucket and len(bucket) < SUBHEADING_HINTS:
                    bucket.append(text)
    return {
        "kind": kind_id, "year": year_value, "common": guide.is_common, "roles": guide.roles(),
        "title": doc.title, "opening": doc.opening, "headings": headings, "subheadings": subheadings,
        "closings": guide.closings(year=year_value, unit=unit)[:5],
    }


# -- check's findings ---------------------------------------------------------------------------

def field_path(form: dict, found: Any) -> str | None:
    """A finding's `field` (role, entry index, field name: a list, a mapping or a
    dotted string; a top-level field by its name) as a path of this form, or None
    when it names nothing in it."""
    if isinstance(found, str):
        parts: list[Any] = [p for p in re.split(r"[./\[\]]+", found) if p]
    elif isinstance(found, dict):
        parts = [found.get("role"), found.get("entry"), found.get("field") or found.get("name")]
    elif isinstance(found, (list, tuple)):
        parts = list(found)
    else:
        return None
    parts = [p for p in parts if p is not None and p != ""]
    if not parts:
        return None
    if len(parts) == 1 and str(parts[0]) in _TOP_FIELDS:
        return str(parts[0])
    role = ROLES.lookup(str(parts[0]))
    index = next((n for n, s in enumerate(form.get("sections", [])) if s.get("role") == role), None)
    if role is None or index is None:
        return None
    path = f"sections.{index}"
    rest = parts[1:]
    if rest and str(rest[0]).isdigit():
        entry = int(rest[0])
        if entry >= len(form["sections"][index].get("entries", [])):
            return path
        path += f".entries.{entry}"
        rest = rest[1:]
    if rest and str(rest[0]) in ("heading", "text", "points"):
        path += f".{rest[0]}"
    return path
