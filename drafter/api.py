"""The library API: every command of `drafter` is a function here.

`drafter.cli` (and the web layer) are thin over these functions. Heavy modules
(jieba above all) are imported inside the functions that need them, so that
`drafter --help`, `drafter parse` and `drafter draft` start fast.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from drafter.checking.fixing import FixReport
    from drafter.checking.report import CheckReport
    from drafter.drafting.engine import DraftOutput, PreviewOutput
    from drafter.drafting.form import FormYaml, LoadedForm
    from drafter.drafting.report import DraftReport
    from drafter.extracting.report import ExtractReport
    from drafter.mining.report import MineReport
    from drafter.model import Document

PathLike = str | os.PathLike


# -- parse -------------------------------------------------------------------

def parse_file(path: PathLike) -> Document:
    """Read, clean and outline one .txt or .docx file; of a compilation, the first piece
    (with a notice saying how many the file holds). Raises DrafterError."""
    from drafter.parsing import parse_file as _parse_file

    return _parse_file(path)


def parse_documents(path: PathLike) -> list[Document]:
    """Every document in one .txt or .docx file: one for an ordinary file, one per piece of a
    compilation page (sources FILE#1, FILE#2 …). Raises DrafterError."""
    from drafter.parsing import parse_documents as _parse_documents

    return _parse_documents(path)


def parse_text(text: str, source: str = "") -> Document:
    """Clean and outline text already in memory."""
    from drafter.parsing import parse_text as _parse_text

    return _parse_text(text, source=source)


# -- mine / phrases / skeletons ------------------------------------------------

def mine(corpus_dir: PathLike | None = None, out_dir: PathLike | None = None, *,
         jobs: int | None = None, progress: bool = False, cache_dir: PathLike | None = None,
         tokenizer: str | None = None, warn: Callable[[str], None] | None = None,
         on_progress: Callable[[str, int, int], None] | None = None) -> MineReport:
    """Mine skeletons.yaml and phrases.yaml from a corpus into out_dir.

    corpus_dir defaults to ./corpus, out_dir to the user's bank folder. Per-document results
    are cached in cache_dir (default: $DRAFTER_CACHE_DIR or the user cache folder).
    tokenizer: auto (rjieba when installed, else jieba), rjieba or jieba.
    on_progress(step, done, total) is told how far each step is (a few times a second)."""
    from drafter.mining import mine_corpus

    return mine_corpus(corpus_dir, out_dir, jobs=jobs, progress=progress, cache_dir=cache_dir,
                       engine=tokenizer, warn=warn, on_progress=on_progress)


def phrases(bank_dir: PathLike | None = None, *, role: str | None = None, type: str | None = None,
            topic: str | None = None, search: str | None = None, top: int | None = None,
            year: int | str | None = None, include_stale: bool = False) -> list[dict]:
    """Ranked phrase-bank entries, best first: mined ones (source "corpus"), then the
    lexicon's standard 提法 the corpus lacks (source "lexicon"). role, type and topic:
    ids, Chinese names or aliases. Entries outdated in `year` (default: this year) are
    left out, or kept and marked with `stale` when include_stale."""
    from drafter.bank import query_phrases

    return query_phrases(bank_dir, role=role, type=type, topic=topic, search=search, top=top, year=year,
                         include_stale=include_stale)


def skeletons(bank_dir: PathLike | None = None, *, kind: str | None = None) -> list[dict]:
    """Mined skeletons, optionally of one kind (id, Chinese name or alias)."""
    from drafter.bank import query_skeletons

    return query_skeletons(bank_dir, kind=kind)


# -- init / draft ------------------------------------------------------------

def init_fill(kind: str, out_path: PathLike, bank_dir: PathLike | None = None, *,
              force: bool = False, year: int | str | None = None) -> Path:
    """Write a commented starter fill file for a document kind (never over an
    existing file unless `force`); returns its path. `year` (default: the year being
    summed up now) is written in the file, and no hint holds wording outdated in it."""
    from drafter.drafting import init_fill as _init_fill
    from drafter.years import parse_year

    return _init_fill(kind, out_path, bank_dir=bank_dir, force=force, year=parse_year(year))


def draft(fill_path: PathLike, out_path: PathLike, *, fmt: str | None = None,
          bank_dir: PathLike | None = None) -> DraftReport:
    """Draft a fill file into .docx, .md or .txt."""
    from drafter.drafting import draft as _draft

    return _draft(fill_path, out_path, fmt=fmt, bank_dir=bank_dir)


# -- the fill form of the web workbench (drafter.drafting.form) -------------------

def new_form(kind: str, *, bank_dir: PathLike | None = None) -> dict:
    """An empty form for a kind (id, Chinese name or alias), one part per skeleton role."""
    from drafter.drafting.form import new_form as _new_form

    return _new_form(kind, bank_dir=bank_dir)


def change_kind(form: dict, kind: str, *, bank_dir: PathLike | None = None) -> dict:
    """The form for another kind, what is written kept."""
    from drafter.drafting.form import change_kind as _change_kind

    return _change_kind(form, kind, bank_dir=bank_dir)


def check_form(form: object) -> dict:
    """A form as a browser sent it, checked for shape and normalised."""
    from drafter.drafting.form import check_form as _check_form

    return _check_form(form)


def form_hints(kind: str, year: int | str | None = None, unit: str = "", *,
               bank_dir: PathLike | None = None) -> dict:
    """The suggested title, opening formula, headings and subheadings of a kind."""
    from drafter.drafting.form import form_hints as _form_hints

    return _form_hints(kind, year, unit, bank_dir=bank_dir)


def form_yaml(form: dict) -> FormYaml:
    """A (checked) form as a fill file with Chinese keys, and the line of each field."""
    from drafter.drafting.form import form_yaml as _form_yaml

    return _form_yaml(form)


def load_form(data: bytes, name: str = "填写文件", *, bank_dir: PathLike | None = None) -> LoadedForm:
    """A fill file's bytes (English or Chinese keys) as a form, with its # 原文： notes."""
    from drafter.drafting.form import load_form as _load_form

    return _load_form(data, name, bank_dir=bank_dir)


def draft_bytes(fill: bytes | str, fmt: str = "docx", *, name: str = "填写内容",
                bank_dir: PathLike | None = None) -> DraftOutput:
    """Draft a fill file held in memory; returns the output file's bytes and the report."""
    from drafter.drafting.engine import draft_bytes as _draft_bytes

    return _draft_bytes(_utf8(fill), fmt, name=name, bank_dir=bank_dir)


def preview(fill: bytes | str, *, name: str = "填写内容", bank_dir: PathLike | None = None) -> PreviewOutput:
    """Draft a fill file held in memory as pages of HTML (A4, 22 lines of 28 characters)."""
    from drafter.drafting.engine import preview_bytes

    return preview_bytes(_utf8(fill), name=name, bank_dir=bank_dir)


def _utf8(fill: bytes | str) -> bytes:
    return fill.encode("utf-8") if isinstance(fill, str) else fill


# -- check / extract -------------------------------------------------------

def check(path: PathLike, *, corpus_dir: PathLike | None = None, year: int | str | None = None,
          rules_file: PathLike | None = None, only: Iterable[str] | str | None = None,
          disable: Iterable[str] | str | None = None, bank_dir: PathLike | None = None) -> CheckReport:
    """Review a draft; returns a report with its findings. `year` may be written "2025年".
    rules_file: an office's own rule list (same format as templates/wording.yaml), laid
    over the shipped ones. only / disable: rule ids (or Chinese names) to run only, or to skip.
    bank_dir: the bank a fill file was drafted with (as `draft --bank`)."""
    from drafter.checking import check as _check

    return _check(path, corpus_dir=corpus_dir, year=year, rules_file=rules_file, only=only, disable=disable,
                  bank_dir=bank_dir)


def fix(path: PathLike, out_path: PathLike, *, corpus_dir: PathLike | None = None, year: int | str | None = None,
        rules_file: PathLike | None = None, only: Iterable[str] | str | None = None,
        disable: Iterable[str] | str | None = None, force: bool = False,
        bank_dir: PathLike | None = None) -> FixReport:
    """`check --fix -o OUT`: write a corrected copy of a .txt or .docx (errors with one
    replacement put right, nothing else changed; the file itself untouched). An existing
    OUT is kept unless `force`. A fill file is refused: correct it and draft again."""
    from drafter.checking import fix as _fix

    return _fix(path, out_path, corpus_dir=corpus_dir, year=year, rules_file=rules_file, only=only,
                disable=disable, force=force, bank_dir=bank_dir)


def extract(path: PathLike, out_path: PathLike, *, year: int | str | None = None,
            force: bool = False) -> ExtractReport:
    """Turn last year's document (.txt/.docx) into a fill file.

    With `year` (2025 or "2025年"), the document's year moves to it and last year's
    figures become X (the old ones kept as comments). An existing fill file is kept
    unless `force`."""
    from drafter.extracting import extract as _extract

    return _extract(path, out_path, year=year, force=force)
