"""year_mismatch: last year's leftovers in this year's document."""
from pathlib import Path

import pytest

from drafter.checking.context import CheckContext
from drafter.checking.rules.year_mismatch import check_year_mismatch
from drafter.checking.subject import load_subject

ANNUAL = """市档案局{year}年工作总结
{year}年，市档案局认真履行档案工作职责，各项工作取得新进展。{formula}
一、主要工作
（一）加强档案收集
{body}
二、存在的问题
档案信息化水平还不够高，专业人才不足。
三、{plans}
（一）持续推进档案数字化。力争扫描档案50万页。
市档案局
{date}
"""


def findings(tmp_path: Path, text: str, year=None) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return check_year_mismatch(CheckContext(load_subject(path, year=year)))


def annual(year=2025, formula="现将全年工作总结如下：", body="全年接收档案3200卷。",
           plans="2026年工作计划", date="2025年12月26日") -> str:
    return ANNUAL.format(year=year, formula=formula, body=body, plans=plans, date=date)


# -- the acceptance case --------------------------------------------------------------------

def test_last_years_formula_plans_heading_and_date_are_each_an_error_with_a_fix(tmp_path):
    found = findings(tmp_path, annual(formula="现将2024年工作总结如下：", plans="2025年工作计划",
                                      date="2024年12月26日"))
    assert [(f.rule, f.severity, f.line) for f in found] == [
        ("year_mismatch", "error", 2), ("year_mismatch", "error", 8), ("year_mismatch", "error", 11)]
    formula, heading, date = found
    assert "开头套语" in formula.message and "2024年" in formula.message and "取自标题" in formula.message
    assert (formula.wrong, formula.fix) == ("2024", "2025")
    assert "计划" in heading.message and "2026年" in heading.message and (heading.wrong, heading.fix) == ("2025", "2026")
    assert "成文日期" in date.message and (date.wrong, date.fix) == ("2024", "2025")
    assert all(f.fixable for f in found)


def test_the_same_document_with_its_own_years_is_clean(tmp_path):
    assert findings(tmp_path, annual(formula="现将2025年工作总结如下：")) == []


# -- the formula ------------------------------------------------------------------------------

@pytest.mark.parametrize("formula", [
    "现将2024年以来的工作情况报告如下：",  # since: a span of years
    "现将2021—2025年任期内履职情况报告如下：",
    "现将一年来的工作总结如下：",
    "现将2026年工作计划一并报告如下：",  # next year's plans
    "现将2024年的几项遗留问题说明一下。",  # no 如下 formula
])
def test_formula_years_that_are_right_or_no_formula(tmp_path, formula):
    assert findings(tmp_path, annual(formula=formula)) == []


def test_formula_with_a_unit_before_the_year(tmp_path):
    [found] = findings(tmp_path, annual(formula="现将局机关2024年度工作情况报告如下："))
    assert found.wrong == "2024" and found.line == 2


# -- plans headings -----------------------------------------------------------------------------

@pytest.mark.parametrize("plans", ["2026年工作计划", "2026年工作思路和打算", "下一步工作计划", "明年工作打算"])
def test_plans_headings_of_next_year_or_without_year(tmp_path, plans):
    assert findings(tmp_path, annual(plans=plans)) == []


@pytest.mark.parametrize("plans, wrong", [("2025年工作打算", "2025"), ("2024年工作思路及举措", "2024")])
def test_plans_heading_of_a_wrong_year(tmp_path, plans, wrong):
    [found] = findings(tmp_path, annual(plans=plans))
    assert found.line == 8 and found.wrong == wrong and found.fix == "2026"


HALF = """区司法局2025年上半年工作总结
上半年，区司法局扎实推进各项工作。现将2025年上半年工作总结如下：
一、主要工作
全面完成普法任务，开展法治宣传活动36场。
二、存在问题
基层法律服务力量还比较薄弱。
三、{plans}
持续深化法治宣传。
区司法局
{date}
"""


@pytest.mark.parametrize("plans, date", [("2025年下半年工作计划", "2025年7月8日"), ("下半年工作打算", "2025年6月30日")])
def test_half_year_report_plans_the_same_year(tmp_path, plans, date):
    assert findings(tmp_path, HALF.format(plans=plans, date=date)) == []


def test_half_year_report_with_last_years_second_half_and_date(tmp_path):
    found = findings(tmp_path, HALF.format(plans="2024年下半年工作计划", date="2024年7月8日"))
    assert [(f.line, f.wrong, f.fix) for f in found] == [(7, "2024", "2025"), (10, "2024", "2025")]


# -- the date line -------------------------------------------------------------------------------

@pytest.mark.parametrize("date", ["2026年1月8日", "2026年2月26日", "二〇二五年十二月二十六日", "2025年12月26日"])
def test_annual_summary_dated_in_its_year_or_early_next_year(tmp_path, date):
    assert findings(tmp_path, annual(date=date)) == []


def test_date_in_chinese_numerals_is_put_right_in_chinese_numerals(tmp_path):
    [found] = findings(tmp_path, annual(date="二〇二四年十二月二十六日"))
    assert (found.wrong, found.fix, found.line) == ("二〇二四", "二〇二五", 11)


def test_dated_two_years_later_is_an_error_without_a_fix(tmp_path):
    [found] = findings(tmp_path, annual(date="2027年1月8日"))
    assert found.severity == "error" and found.fix is None


# -- whole-year sentences ---------------------------------------------------------------------------

def test_whole_year_sentence_naming_last_year_is_a_warning(tmp_path):
    [found] = findings(tmp_path, annual(body="2024年全年接收档案3200卷，完成数字化扫描45万页。"))
    assert (found.severity, found.line, found.wrong, found.fix) == ("warning", 5, "2024", "2025")


@pytest.mark.parametrize("body", [
    "全年接收档案3200卷，比2024年增长12%。",  # compared
    "与2024年相比，全年接收档案增加800卷。",
    "2018年以来，全局累计接收档案2万卷，今年又接收3200卷。",
    "全年完成2023—2024年度专项任务的收尾工作。",  # a span
    "今年接收档案3200卷，2024年度结转的数字化任务已全部完成。",  # carried over from last year
    "截至2024年底馆藏档案12万卷，全年新接收3200卷。",
    "今年接收档案3200卷，力争2027年全部完成数字化。",  # a future target
])
def test_history_comparisons_and_targets_are_no_finding(tmp_path, body):
    assert findings(tmp_path, annual(body=body)) == []


# -- when the rule is silent ------------------------------------------------------------------------

def test_no_year_in_the_title_leaves_the_rule_silent_unless_given(tmp_path):
    text = annual(formula="现将2024年工作总结如下：").replace("市档案局2025年工作总结", "市档案局工作总结")
    assert findings(tmp_path, text) == []  # the year would come from the date: nothing to compare with
    [found] = findings(tmp_path, text, year=2025)
    assert "--year" in found.message


def test_a_title_spanning_years_leaves_the_rule_silent(tmp_path):
    text = annual(formula="现将2024年工作总结如下：").replace("市档案局2025年工作总结", "市档案局2021—2025年任期述职报告")
    assert findings(tmp_path, text) == []


def test_a_title_with_this_and_next_year_is_checked(tmp_path):
    text = annual(year=2025, plans="2026年工作计划").replace("市档案局2025年工作总结", "市档案局2025年工作总结和2026年工作计划")
    assert findings(tmp_path, text) == []
    text = text.replace("三、2026年工作计划", "三、2025年工作计划")
    assert [f.line for f in findings(tmp_path, text)] == [8]


def test_a_year_heading_outside_the_plans_part_is_not_a_plans_heading(tmp_path):
    text = annual().replace("（一）加强档案收集", "（一）2025年工作目标")
    assert findings(tmp_path, text) == []
    text = annual().replace("（一）持续推进档案数字化。力争扫描档案50万页。", "（一）2025年工作目标\n力争扫描档案50万页。")
    assert [f.line for f in findings(tmp_path, text)] == [9]
