"""`drafter extract`: last year's document → this year's fill file.

    .txt/.docx ──parse_file──▶ Document ──build_fill──▶ commented tree
        ──render_document──▶ YAML text (checked to read back) ──atomic write──▶ FILL.yaml

Everything that can be wrong with the input is found before the output file
is touched.
"""
from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import DrafterError
from drafter.extracting.fill_tree import FillTree, build_fill
from drafter.extracting.report import ExtractReport
from drafter.yaml_writer import reads_back, render_document
from drafter.model import Document
from drafter.years import document_year, parse_year

FILL_SUFFIXES = (".yaml", ".yml")


def extract(path: str | os.PathLike, out_path: str | os.PathLike, *, year: int | str | None = None,
            force: bool = False) -> ExtractReport:
    """Write a fill file for `year` from last year's document. Raises DrafterError on bad input.

    Without `year` the fill reproduces the document as it is; with it, the
    document's year moves to `year` and every figure becomes X."""
    from drafter.parsing import parse_file

    year = parse_year(year, what="年度")
    target = Path(out_path)
    _check_target(Path(path), target, force)
    doc = parse_file(path)
    if not (doc.title or doc.opening.strip() or doc.sections):
        raise DrafterError("清理杂质后没有可提取的内容（没有标题、导语和正文）", path=str(path))
    doc_year, _origin = document_year(doc)
    if year is None and doc_year is None:
        raise DrafterError("无法从标题或日期中判断原文的年度，请用 --year 指定新的年度", path=str(path))

    kinds, skeleton_roles = _bank_outline()
    tree = build_fill(doc, doc_year=doc_year, year=year, kinds=kinds, skeleton_roles=skeleton_roles)
    text = render_document(tree.root, tree.header)
    _check_reads_back(text, tree)

    from drafter.atomic_write import write_text_atomic

    write_text_atomic(target, text)
    return ExtractReport(
        path=target, source=str(path), kind=tree.kind, form=tree.form, unit=tree.unit,
        unit_found=bool(tree.unit_source), doc_year=doc_year, year=tree.year, renewing=year is not None,
        sections=tree.sections, subsections=tree.subsections, years_moved=tree.years_moved,
        figures=tree.figures, removed=len(doc.removed), stale=tree.stale,
        warnings=_year_warnings(doc_year, year) + tree.warnings + _source_notices(doc),
    )


def _check_target(source: Path, target: Path, force: bool) -> None:
    if target.suffix.lower() not in FILL_SUFFIXES:
        raise DrafterError("填写文件应以 .yaml 结尾（例如 2025年总结.yaml）", path=str(target))
    if target.is_dir():
        raise DrafterError("无法写入输出文件：该路径是一个目录", path=str(target))
    if target.exists():
        try:
            same = source.exists() and os.path.samefile(source, target)
        except OSError:
            same = False
        if same:
            raise DrafterError("输出文件与原文是同一个文件，会覆盖原文；请换一个输出文件名", path=str(target))
        if not force:
            raise DrafterError("文件已存在；为免覆盖已填写的内容，请换一个文件名（或加 --force 覆盖）",
                               path=str(target))


def _bank_outline() -> tuple[list[str] | None, dict[str, list[str]]]:
    """Kinds the default bank can draft, and each kind's order of roles.

    A broken bank is drafting's error to report; extracting then just skips
    the check (None)."""
    from drafter.bank import load_skeletons

    try:
        skeletons = load_skeletons()
    except DrafterError:
        return None, {}
    kinds = list(dict.fromkeys(s["kind"] for s in skeletons))
    roles: dict[str, list[str]] = {}
    for kind in kinds:
        best = max((s for s in skeletons if s["kind"] == kind), key=lambda s: s.get("docs", 0))
        roles[kind] = [section["role"] for section in best.get("sections", [])]
    return kinds or None, roles


def _check_reads_back(text: str, tree: FillTree) -> None:
    """The file must read back as exactly the values meant; anything else is a bug here."""
    if not reads_back(text, tree.root):
        raise RuntimeError("extract wrote YAML that does not read back as written")


def _year_warnings(doc_year: int | None, year: int | None) -> list[str]:
    if year is None:
        return []
    if doc_year is None:
        return ["原文标题和日期中没有年份，文中年份未改动（数字已改为 X）"]
    if year < doc_year:
        return [f"指定的年度 {year} 早于原文的年度 {doc_year}：年份已按 {doc_year}→{year} 改写，请确认"]
    if year == doc_year:
        return [f"指定的年度与原文相同（{year}），年份未改动，数字仍已改为 X"]
    return []


def _source_notices(doc: Document) -> list[str]:
    """What the parser noticed in the document (skipped numbers …): worth a look in the fill."""
    return [f"原文第 {n.line} 行：{n.message}" if n.line else f"原文：{n.message}" for n in doc.warnings]
