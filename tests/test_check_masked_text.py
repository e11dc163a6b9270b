"""masked_text: text copied from a site that censors words (D for 党, *** for a name, a lone . for a word)."""
import pytest

import drafter
from check_helpers import run_rule
from drafter.checking.rules.masked_text import check_masked_text
from drafter.checking.rules.placeholder import check_placeholders


def masked(tmp_path, line):
    return run_rule(check_masked_text, tmp_path, line)


def test_a_restored_party_is_an_error_naming_the_restoration(tmp_path):
    found = masked(tmp_path, "引导D员干部信D、爱D，在一线设立D员先锋岗6个。")
    assert [(f.severity, f.wrong, f.fix) for f in found] == [("error", "D", "党")] * 4
    assert ["“D员”是被网站屏蔽的“党员”" in found[0].message, "“信D”" in found[1].message,
            "“爱D”" in found[2].message, "“D员”" in found[3].message] == [True] * 4
    assert "读取时已按“党员”理解" in found[0].message
    assert [f.start for f in found] == [2, 7, 10, 17]  # the 党 of each restored word in the checked line


@pytest.mark.parametrize("line", ["引进3D打印设备2台。", "排查D级危房3处。", "学习DeepSeek等工具。"])
def test_a_d_that_is_no_party_is_no_finding(tmp_path, line):
    assert masked(tmp_path, line) == []


def test_a_name_masked_inside_a_known_wording_is_masked_text_not_a_placeholder(tmp_path):
    line = "坚定拥护以***同志为核心的党中央。"
    [found] = masked(tmp_path, line)
    assert (found.severity, found.wrong, found.fix) == ("error", "***", "习近平")
    assert "以习近平同志为核心的党中央" in found.message
    assert run_rule(check_placeholders, tmp_path, line) == []  # never both


def test_stars_standing_alone_stay_a_placeholder(tmp_path):
    line = "由***同志负责台账管理。"
    assert masked(tmp_path, line) == []
    [placeholder] = run_rule(check_placeholders, tmp_path, line)
    assert "***" in placeholder.message


@pytest.mark.parametrize("line, gap, fix", [
    ("以习近平新时代中国特色.主义思想为指导。", ".", "社会"),
    ("深入学习**思想，开展专题研讨。", "**", None),
    ("部分党员学习党的.精神还不够深入。", ".", None),
    ("坚持以xxx新时代中国特色社会主义思想为指导。", "xxx", "习近平"),
])
def test_gaps_where_a_word_is_missing(tmp_path, line, gap, fix):
    [found] = masked(tmp_path, line)
    assert (found.rule, found.severity, found.wrong, found.fix) == ("masked_text", "error", gap, fix)
    assert ("请补全" in found.message) == (fix is None)


@pytest.mark.parametrize("line", [
    "表中带*的指标为约束性指标，其余为预期性指标。",
    "注：带**的项目为民生实事项目。",
    "*为快报数，最终以统计年鉴为准。",
    "标*号的数据为预计数。",
    "党的*精神学习还不够深入。",  # a lone * in no known wording: a missing word is not certain
])
def test_a_star_that_is_a_marker_or_uncertain_is_no_gap(tmp_path, line):
    assert masked(tmp_path, line) == []
    assert run_rule(check_placeholders, tmp_path, line) == []


def test_a_lone_star_inside_a_known_wording_is_a_gap(tmp_path):
    [found] = masked(tmp_path, "坚持以习近平新时代中国特色*主义思想为指导。")
    assert (found.wrong, found.fix) == ("*", "社会")


@pytest.mark.parametrize("line", ["坚持学习***新时代中国特色社会主义思想。", "深入学习贯彻xxx新时代中国特色社会主义思想。",
                                  "认真学习***新时代中国特色社会主义思想，撰写心得体会3篇。"])
def test_a_masked_name_is_put_right_with_the_name_alone(tmp_path, line):
    """学习***新时代… also fits 学习贯彻习近平新时代…, but a site masks the name, not 贯彻."""
    [found] = masked(tmp_path, line)
    assert found.fix == "习近平" and "“习近平新时代中国特色社会主义思想”中的“习近平”" in found.message


def test_a_name_gap_that_fits_no_masked_name_is_listed_not_fixed(tmp_path):
    [found] = masked(tmp_path, "坚决维护以***为核心的党中央权威。")
    assert found.fix is None and not found.fixable and "可能是“习近平同志”" in found.message


def test_a_half_width_full_stop_is_no_gap(tmp_path):
    """A copy typed with half-width punctuation ends its sentences with . : no gap."""
    path = tmp_path / "doc.txt"
    path.write_text("2025年党支部工作总结\n一、主要工作\n加强学习.抓好落实.\n二、存在问题\n学习不够.\n", encoding="utf-8")
    from drafter.checking.context import CheckContext
    from drafter.checking.subject import load_subject

    assert check_masked_text(CheckContext(load_subject(path))) == []


def test_fix_restores_the_file_as_written(tmp_path):
    path = tmp_path / "doc.txt"
    text = ("2025年市直机关D支部工作总结\n一、主要工作\n坚定拥护以***同志为核心的D中央，引导D员信D、爱D。\n"
            "二、存在问题\n学习还不够深入。\n")
    path.write_text(text, encoding="utf-8")
    result = drafter.fix(path, tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == (
        "2025年市直机关党支部工作总结\n一、主要工作\n坚定拥护以习近平同志为核心的党中央，引导党员信党、爱党。\n"
        "二、存在问题\n学习还不够深入。\n")
    assert len(result.changes) == 6 and not result.not_placed


def test_a_fill_file_with_a_masked_party(tmp_path):
    fill = tmp_path / "填写.yaml"
    fill.write_text("kind: annual\nunit: 市直机关第三党支部\nyear: 2025\ndate: 2025-12-25\n"
                    "opening: 2025年，支部引导党员信D、爱D。\nsections:\n  achievements:\n    - heading: 强化理论武装\n"
                    "      text: 组织D员集中学习12次。\n  problems:\n    - 学习还不够深入。\n  plans:\n    - 继续加强学习。\n",
                    encoding="utf-8")
    report = drafter.check(fill)
    found = [(f.rule, f.line) for f in report.findings if f.rule == "masked_text"]
    assert found == [("masked_text", 5), ("masked_text", 5), ("masked_text", 9)], report.render()
