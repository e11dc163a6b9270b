"""structure: missing problems or plans section, the 述职 formula, heading end punctuation."""
from pathlib import Path

import pytest

from drafter.checking.context import CheckContext
from drafter.checking.rules.structure import (check_structure, debrief_formula, heading_end, heading_ends,
                                              missing_sections)
from drafter.checking.subject import load_subject
from bank_files import write_bank

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

SKELETONS = """version: 1
skeletons:
- kind: annual
  docs: 3
  sections:
  - {role: achievements, share: 1.0}
  - {role: problems, share: 0.67}
  - {role: causes, share: 0.33}
  - {role: plans, share: 0.67}
- kind: half_year
  docs: 3
  sections:
  - {role: achievements, share: 1.0}
  - {role: problems, share: 0.33}
  - {role: plans, share: 1.0}
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "bank", SKELETONS)


def context(tmp_path: Path, text: str, bank: Path | None = None) -> CheckContext:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return CheckContext(load_subject(path), bank_dir=bank)


ANNUAL = "2024年机关党支部工作总结\n一、主要工作\n全年开展学习12次。\n"


# -- missing sections ----------------------------------------------------------------------

def test_annual_without_problems_and_plans_gets_a_warning_for_each(tmp_path, bank):
    findings = missing_sections(context(tmp_path, ANNUAL, bank))
    assert [f.severity for f in findings] == ["warning", "warning"]
    assert "存在问题" in findings[0].message and "下步计划" in findings[1].message
    assert "67%" in findings[0].message and findings[0].line is None
    assert "范文中占 67%，3 篇中有 2 篇" in findings[0].message  # the count the share rests on


def test_present_sections_and_combined_headings_count(tmp_path, bank):
    full = ANNUAL + "二、存在的问题\n学习不够深入。\n三、2025年工作计划\n继续加强学习。\n"
    assert missing_sections(context(tmp_path, full, bank)) == []
    combined = ANNUAL + "二、存在问题及下一步打算\n（一）存在问题\n学习不够深入。\n（二）下一步打算\n继续加强学习。\n"
    assert missing_sections(context(tmp_path, combined, bank)) == []


def test_a_closing_that_names_shortcomings_and_next_steps_covers_them(tmp_path, bank):
    text = ANNUAL + "二、加强组织建设\n规范支部台账。\n虽取得一定成效，但还存在学习不够深入等不足。下一步，我们将继续加强学习。\n"
    ctx = context(tmp_path, text, bank)
    assert ctx.subject.doc.closing  # the parser took it as the closing
    assert missing_sections(ctx) == []


def test_only_roles_most_documents_of_the_kind_have_are_expected(tmp_path, bank):
    text = "2024年上半年工作总结\n一、上半年工作情况\n开展学习。\n二、下半年工作打算\n继续加强。\n"
    assert missing_sections(context(tmp_path, text, bank)) == []  # problems: only 33% of half-year docs


def test_no_skeleton_for_the_kind_or_no_outline_means_no_finding(tmp_path, bank):
    assert missing_sections(context(tmp_path, "2024年经验材料\n一、主要做法\n开展学习。\n", bank)) == []
    assert missing_sections(context(tmp_path, "2024年工作总结\n全年开展学习12次。\n", bank)) == []


# -- the 述职 formula ------------------------------------------------------------------------

@pytest.mark.parametrize("opening", [
    "现将本人2024年度履职情况述职如下：",
    "现将一年来的工作情况报告如下：",
    "现将2023年工作汇报如下：",
    "下面，我向大家报告2024年度履职情况，请予评议。",
    "根据安排，我向党委述职。",
])
def test_debrief_with_its_formula(tmp_path, opening):
    text = f"2024年度述职报告\n{opening}\n一、履职情况\n开展学习。\n"
    assert debrief_formula(context(tmp_path, text)) == []


def test_debrief_without_its_formula_gets_a_warning(tmp_path):
    text = "2024年度述职报告\n一年来，我认真履行岗位职责，取得一定成绩。\n一、履职情况\n开展学习。\n"
    findings = debrief_formula(context(tmp_path, text))
    assert [(f.severity, f.line) for f in findings] == [("warning", 2)]
    assert "述职如下" in findings[0].message


def test_other_kinds_need_no_formula(tmp_path):
    text = "2024年工作总结\n一年来，我们认真履行职责。\n一、主要工作\n开展学习。\n"
    assert debrief_formula(context(tmp_path, text)) == []


# -- heading ends -------------------------------------------------------------------------------

def test_heading_end_reads_the_source_line():
    assert heading_end("一、主要工作", "主要工作") == ""
    assert heading_end("一、主要工作。", "主要工作") == "。"
    assert heading_end("（二）夯实基础：", "夯实基础") == "："
    assert heading_end("1.创新方式。集中学习12次。", "创新方式") is None  # body runs on: 。 only separates


def test_a_heading_ending_differently_from_its_siblings_is_a_warning(tmp_path):
    text = ("2024年工作总结\n一、主要工作\n（一）加强学习\n开展学习。\n（二）夯实基础。\n规范台账。\n"
            "（三）强化监督\n开展检查。\n")
    findings = heading_ends(context(tmp_path, text))
    assert [(f.severity, f.line) for f in findings] == [("warning", 5)]
    assert "句号" in findings[0].message and "无标点" in findings[0].message
    assert findings[0].text == "（二）夯实基础。"


def test_run_on_headings_and_consistent_siblings_are_fine(tmp_path):
    text = ("2024年工作总结\n一、主要工作。\n1.创新方式。集中学习12次。\n2.丰富内容。专题研讨4次。\n"
            "二、存在问题。\n学习不够深入。\n三、下步打算。\n继续加强。\n")
    assert heading_ends(context(tmp_path, text)) == []


def test_seeds_have_a_sound_structure():
    for path in sorted(CORPUS.glob("*.txt")):
        assert check_structure(CheckContext(load_subject(path))) == [], path.name
