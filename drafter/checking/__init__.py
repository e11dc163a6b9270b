"""`drafter check`: review a draft for placeholders, numbering, stale wording,
copying from the corpus and structure.

    file ──load_subject──▶ CheckSubject (document, numbered lines, year)
         ──RULES (one module each in drafter/checking/rules/)──▶ findings ──▶ CheckReport
"""
from __future__ import annotations

import os
from pathlib import Path

from drafter.checking.findings import ERROR, FINDING_KEYS, INFO, WARNING, Finding
from drafter.checking.report import CheckReport

__all__ = ["check", "check_subject", "CheckReport", "Finding", "FINDING_KEYS", "ERROR", "WARNING", "INFO"]


def check(path: str | os.PathLike, *, corpus_dir: str | os.PathLike | None = None,
          year: int | str | None = None) -> CheckReport:
    """Check a .txt, .docx or .yaml fill file. Raises DrafterError on bad input.

    corpus_dir: the corpus to look for copying in; without it, `corpus/` in the
    current folder if there is one, else the originality rule only says so.
    year: the document's year; without it, from the title, then the date line.
    """
    from drafter.checking.context import CheckContext
    from drafter.checking.subject import load_subject
    from drafter.errors import DrafterError

    if corpus_dir is not None and not Path(corpus_dir).is_dir():
        raise DrafterError("范文库目录不存在", path=str(corpus_dir))
    subject = load_subject(path, year=year)
    ctx = CheckContext(subject=subject, corpus_dir=Path(corpus_dir) if corpus_dir is not None else None,
                       corpus_given=corpus_dir is not None)
    return check_subject(ctx)


def check_subject(ctx) -> CheckReport:
    """Run every rule on a prepared context."""
    from drafter.checking.rules import RULES

    subject = ctx.subject
    findings: list[Finding] = []
    for _name, rule in RULES:
        findings.extend(rule(ctx))
    # a compilation page: only its first document is checked, and the report says so
    findings.extend(Finding("structure", INFO, notice.message) for notice in subject.doc.warnings
                    if notice.code == "compilation")
    if subject.line_map is not None:  # a fill file: point at the line the user wrote
        from drafter.checking.subject import line_in_fill

        for finding in findings:
            if finding.line is not None:
                finding.line = line_in_fill(subject, subject.line_map.get(finding.line), finding.text)
    # Read like a proofreading list: by line, then rule order; whole-document notes last.
    order = {name: number for number, (name, _rule) in enumerate(RULES)}
    findings.sort(key=lambda f: (f.line is None, f.line or 0, order.get(f.rule, len(order))))
    return CheckReport(path=str(subject.path), findings=findings, year=subject.year, kind=subject.doc.kind,
                       line_unit=subject.line_unit, copied=list(ctx.copied))
