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


# -- review: the formula's year is the report's own only where it qualifies the work -------------

DEBRIEF = """{title}
{year}年，我在局党组的领导下，认真履行岗位职责，较好完成了各项工作任务。{formula}
一、主要工作
全年牵头完成部门预算编制和预算绩效评价工作。
二、存在的不足
政策理论学习还不够系统。
三、{next_year}年工作打算
持续加强政策学习，提高履职能力。
王晓明
{year}年12月28日
"""


def debrief(formula: str, title: str = "2025年度个人述职报告", year: int = 2025) -> str:
    return DEBRIEF.format(title=title, year=year, formula=formula, next_year=year + 1)


@pytest.mark.parametrize("formula", [
    "现将本人2024年12月任职以来的履职情况报告如下。",  # a month: when the post began
    "现将2024年县委第二巡察组反馈问题整改进展情况报告如下。",  # the year of the 巡察, not of the report
    "现将2024年度民主生活会查摆问题整改落实情况一并报告如下。",  # a noun of its own year
    "现将本人自2024年3月以来分管工作的情况报告如下。",
])
def test_a_formula_year_that_qualifies_another_noun_is_silent(tmp_path, formula):
    assert findings(tmp_path, debrief(formula)) == []


@pytest.mark.parametrize("formula", ["现将本人2024年度履职情况报告如下。", "现将本人2024年个人述职情况报告如下。"])
def test_a_debriefs_formula_with_last_years_work_is_an_error(tmp_path, formula):
    [found] = findings(tmp_path, debrief(formula))
    assert (found.severity, found.line, found.wrong, found.fix) == ("error", 2, "2024", "2025") and found.fixable


REVIEW_REPORT = """关于2025年巡察整改进展情况的报告
按照县委巡察工作统一部署，局党组把巡察整改作为重要政治任务。{formula}
一、整改工作开展情况
反馈的5个方面14个问题已完成整改12个。
二、下一步打算
持续巩固整改成果，建立长效机制。
县财政局
2025年11月20日
"""


def test_a_formula_naming_the_titles_work_with_last_years_year_is_an_error(tmp_path):
    [found] = findings(tmp_path, REVIEW_REPORT.format(formula="现将2024年巡察整改进展情况报告如下。"))
    assert (found.line, found.wrong, found.fix) == (2, "2024", "2025")
    assert findings(tmp_path, REVIEW_REPORT.format(
        formula="现将2024年县委第二巡察组反馈问题整改进展情况报告如下。")) == []


# -- review: whole-year sentences name past things; only last year as the sentence's time counts ---

@pytest.mark.parametrize("body", [
    "今年，我局认真贯彻落实2024年中央经济工作会议精神，全年新接收档案3200卷。",
    "今年3月，顺利完成2024年度部门决算和目标责任考核工作。",
    "今年，全面落实2024年修订的《机关档案管理规定》有关要求，规范档案管理。",
    "全年共发放2024年度档案工作专项补助资金32万元。",
    "今年，我局被评为2024年度全市档案工作先进单位。",
    "年内完成2024年度机关文书档案归档。",
    "全年严格执行2024年出台的档案数字化管理办法。",
    "一年来，认真落实2024年全省档案工作会议部署的各项任务。",
    "2024年，我局被确定为全省档案数字化试点单位，今年全面完成试点任务。",  # 今年 sets 2024 apart
])
def test_a_year_that_qualifies_a_noun_in_a_whole_year_sentence_is_history(tmp_path, body):
    assert findings(tmp_path, annual(body=body)) == []


@pytest.mark.parametrize("body", ["2024年，全年接收档案3200卷。", "2024年度，全局全年接收档案3200卷。"])
def test_last_year_as_the_time_of_a_whole_year_sentence_is_a_warning(tmp_path, body):
    [found] = findings(tmp_path, annual(body=body))
    assert (found.severity, found.wrong, found.fix) == ("warning", "2024", "2025") and not found.fixable
