"""`drafter check`: review a draft the way a reviewer in the office does:
placeholders, numbering, last year's leftovers, stale and wrong wording, renamed
bodies, punctuation and figures, copying from the corpus, structure.

    file ──load_subject──▶ CheckSubject (document, numbered lines, year)
         ──RULES (one module each in drafter/checking/rules/)──▶ findings ──▶ CheckReport
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from drafter.checking.findings import ERROR, FINDING_KEYS, INFO, WARNING, Finding
from drafter.checking.report import CheckReport

__all__ = ["check", "fix", "check_subject", "select_rules", "CheckReport", "Finding", "FINDING_KEYS",
           "ERROR", "WARNING", "INFO"]

RuleIds = Iterable[str] | str | None


def check(path: str | os.PathLike, *, corpus_dir: str | os.PathLike | None = None,
          year: int | str | None = None, rules_file: str | os.PathLike | None = None,
          only: RuleIds = None, disable: RuleIds = None, bank_dir: str | os.PathLike | None = None) -> CheckReport:
    """Check a .txt, .docx or .yaml fill file. Raises DrafterError on bad input.

    corpus_dir: the corpus to look for copying in; without it, `corpus/` in the
    current folder if there is one, else the originality rule only says so.
    year: the document's year; without it, from the title, then the date line.
    rules_file: a user's rule list laid over the shipped ones (templates/naming.yaml,
    renamed_bodies.yaml, wording.yaml).
    only / disable: rule ids (or their Chinese names) to run only, or to leave out.
    bank_dir: the bank a fill file is drafted with and kept suggestions are looked up in
    (default: the user's mined bank, else the shipped one), as `draft --bank` takes it.
    """
    rules = select_rules(only=only, disable=disable)
    return check_subject(prepare(path, corpus_dir=corpus_dir, year=year, rules_file=rules_file, bank_dir=bank_dir),
                         rules)


def fix(path: str | os.PathLike, out_path: str | os.PathLike, *, corpus_dir: str | os.PathLike | None = None,
        year: int | str | None = None, rules_file: str | os.PathLike | None = None,
        only: RuleIds = None, disable: RuleIds = None, force: bool = False,
        bank_dir: str | os.PathLike | None = None):
    """Check a .txt or .docx and write a corrected copy to out_path: the errors with one
    replacement are put right, nothing else changes, the file itself is never touched.
    An existing out_path is kept unless `force`.
    Returns a FixReport (its changes, and what is left to do by hand). A fill file is
    refused (its draft is made from it: correct the fill file and draft again)."""
    from drafter.checking.fixing import check_output, fix_file, refuse_fill_file

    refuse_fill_file(Path(path))
    check_output(Path(path), Path(out_path), force)
    rules = select_rules(only=only, disable=disable)
    ctx = prepare(path, corpus_dir=corpus_dir, year=year, rules_file=rules_file, bank_dir=bank_dir)
    return fix_file(ctx.subject, check_subject(ctx, rules), out_path)


def prepare(path: str | os.PathLike, *, corpus_dir: str | os.PathLike | None = None,
            year: int | str | None = None, rules_file: str | os.PathLike | None = None,
            bank_dir: str | os.PathLike | None = None):
    """The CheckContext of a file: options checked first, then the file read (or drafted)."""
    from drafter.checking.context import CheckContext
    from drafter.rule_lists import load_rule_list
    from drafter.checking.subject import load_subject
    from drafter.errors import DrafterError

    if corpus_dir is not None and not Path(corpus_dir).is_dir():
        raise DrafterError("范文库目录不存在", path=str(corpus_dir))
    if rules_file is not None:
        load_rule_list(rules_file)  # a broken rule list is said before anything is checked
    if bank_dir is not None:
        from drafter.bank import choose_bank

        choose_bank(bank_dir)  # so is a --bank that is no folder
    subject = load_subject(path, year=year, bank_dir=bank_dir)
    return CheckContext(subject=subject, corpus_dir=Path(corpus_dir) if corpus_dir is not None else None,
                        corpus_given=corpus_dir is not None,
                        rules_file=Path(rules_file) if rules_file is not None else None,
                        bank_dir=Path(bank_dir) if bank_dir is not None else None)


def select_rules(*, only: RuleIds = None, disable: RuleIds = None) -> list[str]:
    """The ids of the rules to run, in their order: all, or `only` those, less `disable`.
    Ids or Chinese names; an unknown one is a DrafterError naming the option."""
    from drafter.checking.rules import RULES
    from drafter.errors import DrafterError
    from drafter.vocabulary import CHECK_RULES

    known = [name for name, _rule in RULES]

    def ids(values: RuleIds, option: str) -> set[str]:
        values = [values] if isinstance(values, str) else list(values or [])
        # --only a,b is accepted as well as --only a --only b
        written = [part.strip() for value in values for part in str(value).replace("，", ",").split(",")]
        try:
            return {CHECK_RULES.parse(value, key=option, allowed=known) for value in written if value}
        except DrafterError as error:
            raise DrafterError(f"{option} 的值无效：{error.message}", key=option) from None

    chosen = ids(only, "--only") if only else set(known)
    chosen -= ids(disable, "--disable")
    if not chosen:
        raise DrafterError("没有要运行的检查规则（--only 与 --disable 排除了全部规则）", key="--only")
    return [name for name in known if name in chosen]


def check_subject(ctx, rules: list[str] | None = None) -> CheckReport:
    """Run the rules (by id; all when None) on a prepared context."""
    from drafter.checking.rules import RULES

    subject = ctx.subject
    findings: list[Finding] = []
    for name, rule in RULES:
        if rules is None or name in rules:
            findings.extend(rule(ctx))
    # a compilation page: only its first document is checked, and the report says so
    if rules is None or "structure" in rules:
        findings.extend(Finding("structure", INFO, notice.message) for notice in subject.doc.warnings
                        if notice.code == "compilation")
    if subject.line_map is not None:  # a fill file: point at the line the user wrote
        from drafter.checking.subject import cell_line, line_in_fill
        from drafter.drafting.form import field_at, fill_fields

        fields = fill_fields(subject.fill)
        for finding in findings:
            if finding.line is not None:
                finding.line = cell_line(subject, finding.line, finding.text) or \
                    line_in_fill(subject, subject.line_map.get(finding.line), finding.text,
                                 subject.line_text(finding.line), finding.start)
                finding.field = field_at(fields, finding.line)
    # Read like a proofreading list: by line, then rule order; whole-document notes last.
    order = {name: number for number, (name, _rule) in enumerate(RULES)}
    findings.sort(key=lambda f: (f.line is None, f.line or 0, order.get(f.rule, len(order))))
    return CheckReport(path=str(subject.path), findings=findings, year=subject.year, kind=subject.doc.kind,
                       line_unit=subject.line_unit, copied=list(ctx.copied), can_fix=subject.fmt != "fill")
