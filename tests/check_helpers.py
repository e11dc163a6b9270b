"""A one-rule check of a small document written for the test."""
from pathlib import Path

from drafter.checking.context import CheckContext
from drafter.checking.subject import load_subject

DOCUMENT = "{title}\n一、主要工作\n{line}\n二、存在问题\n学习还不够深入。\n三、{plans}\n继续加强学习。\n"


def run_rule(rule, tmp_path: Path, line: str, *, title: str = "2025年机关党支部工作总结",
             plans: str = "2026年工作计划", year=None, rules_file: Path | None = None) -> list:
    """The findings of `rule` on a document whose line 3 is `line`."""
    path = tmp_path / "doc.txt"
    path.write_text(DOCUMENT.format(title=title, line=line, plans=plans), encoding="utf-8")
    return rule(CheckContext(load_subject(path, year=year), rules_file=rules_file))
