"""numbers (GB/T 15835): a figure split from its unit, full-width digits among half-width ones."""
import pytest

from check_helpers import run_rule
from drafter.checking.rules.numbers import check_numbers


def numbers(tmp_path, line):
    return run_rule(check_numbers, tmp_path, line)


@pytest.mark.parametrize("line, wrong, fix", [
    ("全年开展集中学习12 次。", "12 ", "12"),
    ("2023 年，支部扎实推进各项工作。", "2023 ", "2023"),
    ("培训党员干部1200\u3000人次。", "1200\u3000", "1200"),
    ("完成率达到98.5 %。", "98.5 ", "98.5"),
])
def test_a_figure_split_from_its_unit_is_an_error(tmp_path, line, wrong, fix):
    [found] = numbers(tmp_path, line)
    assert (found.severity, found.wrong, found.fix, found.line) == ("error", wrong, fix, 3) and found.fixable


@pytest.mark.parametrize("line", [
    "全年开展集中学习12次。",
    "第 1 次会议审议通过了工作规则。",  # the number names a meeting
    "见附表 2 名单。",
    "支部名称  党员数  活动次数\t备注",  # a table row
    "依据GB/T 9704-2012 年度修订内容排版。",
])
def test_right_figures_and_table_rows_are_no_finding(tmp_path, line):
    assert numbers(tmp_path, line) == []


def test_full_width_digits_among_half_width_ones_are_one_hint(tmp_path):
    found = run_rule(check_numbers, tmp_path, "全年开展集中学习１２次，专题研讨４次。")
    assert [(f.severity, f.line) for f in found] == [("info", 3)]
    assert "全角" in found[0].message and found[0].fix is None


def test_full_width_digits_alone_are_no_finding(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("党支部工作总结\n全年开展集中学习１２次。\n", encoding="utf-8")
    from drafter.checking.context import CheckContext
    from drafter.checking.subject import load_subject

    assert check_numbers(CheckContext(load_subject(path))) == []
