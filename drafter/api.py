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
    from collections.abc import Callable

    from drafter.checking.report import CheckReport
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
         tokenizer: str | None = None, warn: Callable[[str], None] | None = None) -> MineReport:
    """Mine skeletons.yaml and phrases.yaml from a corpus into out_dir.

    corpus_dir defaults to ./corpus, out_dir to the shipped bank. Per-document results
    are cached in cache_dir (default: $DRAFTER_CACHE_DIR or the user cache folder).
    tokenizer: auto (rjieba when installed, else jieba), rjieba or jieba."""
    from drafter.mining import mine_corpus

    return mine_corpus(corpus_dir, out_dir, jobs=jobs, progress=progress, cache_dir=cache_dir,
                       engine=tokenizer, warn=warn)


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


# -- check / extract -------------------------------------------------------

def check(path: PathLike, *, corpus_dir: PathLike | None = None, year: int | str | None = None) -> CheckReport:
    """Review a draft; returns a report with its findings. `year` may be written "2025年"."""
    from drafter.checking import check as _check

    return _check(path, corpus_dir=corpus_dir, year=year)


def extract(path: PathLike, out_path: PathLike, *, year: int | str | None = None,
            force: bool = False) -> ExtractReport:
    """Turn last year's document (.txt/.docx) into a fill file.

    With `year` (2025 or "2025年"), the document's year moves to it and last year's
    figures become X (the old ones kept as comments). An existing fill file is kept
    unless `force`."""
    from drafter.extracting import extract as _extract

    return _extract(path, out_path, year=year, force=force)
