"""`drafter draft`: fill file → skeleton → layout templates → Document → writer.

Everything that can be wrong with the input is found before the output file
is touched; the writer then replaces it atomically.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from drafter.drafting.fill import Fill, load_fill, load_fill_bytes
from drafter.drafting.formats import resolve_format
from drafter.drafting.layout import read_layout, render_layout
from drafter.drafting.report import DraftReport
from drafter.drafting.section_plan import SectionPlan, plan_sections
from drafter.drafting.skeleton import SkeletonGuide
from drafter.drafting.suggestions import Context, SuggestionPool, bank_phrases
from drafter.lexicon import load_lexicon
from drafter.drafting.text_rules import strip_xml_invalid
from drafter.vocabulary import KINDS
from drafter.errors import DrafterError
from drafter.model import Document, Notice


# A summary runs to some ten thousand characters; far beyond that is a runaway fill file.
MAX_DRAFT_CHARS = 2_000_000


def suggestion_context(fill: Fill) -> Context:
    """The fill's kind, year and what it says per role: suggestions are chosen to fit them."""
    written: dict[str, str] = {}
    for section in fill.sections or []:
        if section.role:
            written[section.role] = written.get(section.role, "") + "".join(_entry_texts(section))
    return Context(kind=fill.kind, year=fill.year, written=written)


def _entry_texts(entry) -> list[str]:
    texts = [entry.heading.value] if entry.heading else []
    texts += [t.value for t in entry.text + entry.points]
    for sub in entry.entries:
        texts += [sub.value] if hasattr(sub, "value") else _entry_texts(sub)
    return texts


def available_kinds(skeletons: list[dict]) -> list[str]:
    return list(dict.fromkeys(s["kind"] for s in skeletons))


# How messages name a fill file held in memory (the web workbench's form).
MEMORY_FILL = "填写内容"


def build_document(fill_path: str | os.PathLike, *, bank_dir: str | os.PathLike | None = None
                   ) -> tuple[Document, Fill, SectionPlan]:
    """Read a fill file and lay it out as a Document (nothing is written)."""
    return _build(lambda kinds: load_fill(fill_path, available_kinds=kinds), str(fill_path), bank_dir)


def build_document_from_bytes(raw: bytes, name: str = MEMORY_FILL, *,
                              bank_dir: str | os.PathLike | None = None) -> tuple[Document, Fill, SectionPlan]:
    """The same for a fill file held in memory; `name` is how messages name it."""
    return _build(lambda kinds: load_fill_bytes(raw, name, available_kinds=kinds), name, bank_dir)


def _build(load: Callable[[list[str]], Fill], source: str, bank_dir) -> tuple[Document, Fill, SectionPlan]:
    from drafter.bank import load_skeletons

    skeletons = load_skeletons(bank_dir)
    if not available_kinds(skeletons):
        raise DrafterError("语库中没有任何结构骨架，请先运行 drafter mine", path=str(bank_dir or ""))
    # A kind without a skeleton of its own is drafted on the common one (SkeletonGuide.for_kind).
    fill = load(list(KINDS))
    guide = SkeletonGuide.for_kind(skeletons, fill.kind)
    pool = SuggestionPool(lambda: bank_phrases(bank_dir), context=suggestion_context(fill),
                          lexicon=lambda: load_lexicon(bank_dir=bank_dir))
    plan = plan_sections(fill, guide, pool)

    year, unit = fill.year, fill.unit.value
    context = {
        "kind": fill.kind,
        "kind_label": KINDS.label(fill.kind),
        "year": year,
        "next_year": year + 1,
        "unit": unit,
        "title": fill.title.value if fill.title else "",
        "mined_title": guide.title(year=year, unit=unit),
        "opening": [t.value for t in fill.opening],
        "default_opening": guide.opening(year=year, unit=unit),
        "nodes": plan.nodes,
        "closing": [t.value for t in fill.closing],
        "signature": fill.signature.value if fill.signature else "",
        "date": fill.date,
    }
    rendered = render_layout(fill.kind, context, bank_dir)
    if len(rendered) > MAX_DRAFT_CHARS:
        raise DrafterError(f"起草出的文稿超过 {MAX_DRAFT_CHARS // 10000} 万字，不像一份总结；请检查填写文件"
                           "（例如锚点引用 *名称 是否重复展开）", path=source)
    doc = read_layout(rendered, Document(source=source, kind=fill.kind), plan.tables())
    _strip_invalid(doc)
    warnings = sorted(fill.warnings + plan.warnings, key=lambda w: (w[0] is None, w[0] or 0))
    for line, message in warnings:
        doc.warnings.append(Notice("fill", message, line))
    return doc, fill, plan


@dataclass
class DraftOutput:
    """A draft rendered in memory: the file's bytes and the report `draft` prints."""

    data: bytes
    report: DraftReport


def draft_bytes(raw: bytes, fmt: str, *, name: str = MEMORY_FILL,
                bank_dir: str | os.PathLike | None = None) -> DraftOutput:
    """Draft a fill file held in memory into the bytes of a .docx, .md or .txt file
    (what `draft` would write). Raises DrafterError on bad input."""
    from drafter.writers import FORMATS, get_writer

    writer = get_writer(fmt)
    if writer is None:
        raise DrafterError(f"不支持的输出格式“{fmt}”，可选：{' / '.join(FORMATS)}", key="format")
    doc, _fill, _plan = build_document_from_bytes(raw, name, bank_dir=bank_dir)
    written: list[str] = []
    data = writer.render(doc, written)
    doc.warnings.extend(Notice("writer", message) for message in written)
    return DraftOutput(data, summarize(doc, Path(name + writer.extensions[0]), writer.name))


@dataclass
class PreviewOutput:
    """The page preview of a fill file held in memory (drafter.writers.preview):
    each page as an HTML element, so a page can update only the pages that changed."""

    pages: list[str]
    report: DraftReport

    @property
    def html(self) -> str:
        return '<div class="pages">' + "".join(self.pages) + "</div>"


def preview_bytes(raw: bytes, *, name: str = MEMORY_FILL,
                  bank_dir: str | os.PathLike | None = None) -> PreviewOutput:
    """Draft a fill file held in memory and lay it out as pages of HTML."""
    from drafter.writers.preview import page_html, preview_pages

    doc, _fill, _plan = build_document_from_bytes(raw, name, bank_dir=bank_dir)
    return PreviewOutput([page_html(page) for page in preview_pages(doc)], summarize(doc, Path(name), "docx"))


def draft(fill_path: str | os.PathLike, out_path: str | os.PathLike, *, fmt: str | None = None,
          bank_dir: str | os.PathLike | None = None) -> DraftReport:
    """Draft a fill file into .docx, .md or .txt. Raises DrafterError on bad input."""
    fmt, format_warning = resolve_format(out_path, fmt)
    _refuse_overwriting_fill(fill_path, out_path)
    doc, _fill, _plan = build_document(fill_path, bank_dir=bank_dir)
    if format_warning:
        doc.warnings.append(Notice("format", format_warning))

    from drafter.writers import write_document

    written: list[str] = []  # text the writer had to change (characters a .docx cannot hold)
    write_document(doc, out_path, fmt, warnings=written)
    doc.warnings.extend(Notice("writer", message) for message in written)
    return summarize(doc, Path(out_path), fmt)


def summarize(doc: Document, path: Path, fmt: str) -> DraftReport:
    from drafter.placeholders import find_placeholders, is_todo_paragraph

    texts = [doc.title, *doc.body_texts(), doc.signature, doc.date]
    written = [t for t in texts if t and not is_todo_paragraph(t)]
    placeholders = [p.text for t in written for p in find_placeholders(t) if p.kind != "todo"]
    gaps = [node.heading for node in doc.walk()
            if any(is_todo_paragraph(p) for p in node.paragraphs)]
    if is_todo_paragraph(doc.date or ""):
        gaps.append("成文日期")
    return DraftReport(
        path=path,
        fmt=fmt,
        document=doc,
        sections=len(doc.sections),
        characters=sum(len("".join(t.split())) for t in written),
        gaps=gaps,
        placeholders=placeholders,
        warnings=[_warning_text(w) for w in doc.warnings],
    )


def _warning_text(notice: Notice) -> str:
    return f"第 {notice.line} 行：{notice.message}" if notice.line else notice.message


def _strip_invalid(doc: Document) -> None:
    """Last guard before the writer: bank text or template output with characters
    XML cannot hold (user text was already cleaned, with a warning)."""
    for name in ("title", "opening", "closing", "signature", "date"):
        setattr(doc, name, strip_xml_invalid(getattr(doc, name))[0])
    for node in doc.walk():
        node.heading = strip_xml_invalid(node.heading)[0]
        node.paragraphs = [strip_xml_invalid(p)[0] for p in node.paragraphs]
        node.items = [strip_xml_invalid(i)[0] for i in node.items]


def _refuse_overwriting_fill(fill_path, out_path) -> None:
    try:
        same = Path(fill_path).exists() and Path(out_path).exists() and \
            os.path.samefile(fill_path, out_path)
    except OSError:
        same = False
    if same:
        raise DrafterError("输出文件与填写文件是同一个文件，会覆盖填写内容；请换一个输出文件名",
                           path=str(out_path))
