"""renamed_body (机构更名): old names of bodies, against the document's year (templates/renamed_bodies.yaml)."""
import pytest

from check_helpers import run_rule
from drafter.rule_lists import load_rule_list, shipped_path
from drafter.checking.rules.renamed_body import check_renamed_bodies


def renamed(tmp_path, line, year=2025):
    return run_rule(check_renamed_bodies, tmp_path, line, title=f"{year}年市直机关党委工作总结")


@pytest.mark.parametrize("line, wrong, right", [
    ("按照环境保护部的统一部署开展专项检查。", "环境保护部", "生态环境部"),
    ("配合国土资源部完成土地调查。", "国土资源部", "自然资源部"),
    ("落实国家卫生计生委的有关要求。", "国家卫生计生委", "国家卫生健康委"),
    ("承办银保监会交办的信访事项。", "银保监会", "国家金融监督管理总局"),
    ("配合公安消防支队开展消防演练。", "公安消防支队", "消防救援支队"),
])
def test_old_names_of_national_bodies_are_errors_with_the_new_name(tmp_path, line, wrong, right):
    [found] = renamed(tmp_path, line)
    assert (found.rule, found.severity, found.wrong, found.fix) == ("renamed_body", "error", wrong, right)
    assert found.fixable and "年" in found.message and "月起" in found.message


def test_a_name_renamed_twice_gets_the_name_current_in_the_documents_year(tmp_path):
    [found] = renamed(tmp_path, "按照银监会的要求开展风险排查。", year=2025)
    assert found.fix == "国家金融监督管理总局"
    [found] = renamed(tmp_path, "按照银监会的要求开展风险排查。", year=2020)
    assert found.fix == "银保监会"


def test_a_body_split_in_two_has_no_single_fix(tmp_path):
    [found] = renamed(tmp_path, "对接国家食品药品监督管理总局的工作要求。")
    assert found.fix is None and "国家市场监督管理总局" in found.message and "国家药品监督管理局" in found.message


def test_local_reforms_are_warnings(tmp_path):
    [found] = renamed(tmp_path, "会同县环保局开展联合执法。")
    assert (found.severity, found.fix) == ("warning", "生态环境局")


@pytest.mark.parametrize("line, year", [
    ("按照环境保护部的统一部署开展专项检查。", 2017),  # before the change
    ("按照环境保护部的统一部署开展专项检查。", 2018),  # the year of the change
    ("2017年，我局配合原环境保护部完成了督察整改。", 2025),
    ("2016年，配合环境保护部完成督察整改。", 2025),  # a year before the change in the sentence
    ("原国土资源部的有关档案已移交。", 2025),
    ("2018年国土资源部的职责整合划入自然资源部。", 2025),
    ("国土资源部更名为自然资源部后，我局职能随之调整。", 2025),  # the new name in the same sentence
    ("加强与生态环境部门的工作衔接。", 2025),
    ("落实文化部门和农业部门的联动机制，抓好农业部署。", 2025),
    ("公司企业文化部组织开展了读书活动。", 2025),
    ("纪检监察部门加强日常监督。", 2025),
    ("证监会和中国银保监会联合发文。", 2022),  # 银保监会 was current in 2022
])
def test_history_and_other_words_are_no_finding(tmp_path, line, year):
    assert renamed(tmp_path, line, year) == []


def test_no_year_no_check(tmp_path):
    assert run_rule(check_renamed_bodies, tmp_path, "按照环境保护部的统一部署开展专项检查。",
                    title="市直机关党委工作总结") == []


def test_every_shipped_row_has_a_change_date_a_note_and_a_source():
    rows = load_rule_list(shipped_path("renamed_body"))
    assert len(rows) >= 40
    for row in rows:
        assert row.changed is not None and row.note and row.source and row.right, row.wrong
        assert row.level in ("error", "warning")
