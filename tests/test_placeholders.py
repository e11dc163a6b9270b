"""Each placeholder rule of drafter.placeholders, on its own."""
from __future__ import annotations

import pytest

from drafter.placeholders import PLACEHOLDER_RE, Placeholder, find_placeholders, is_todo_paragraph


def spans(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.kind) for p in find_placeholders(text)]


# -- letter_x ---------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("今年已开展中心组学习X次", "X"),
    ("XX中心2023年度上半年党建工作开展情况汇报", "XX"),
    ("市委XXX书记调研时强调", "XXX"),
    ("深入学习贯彻党的XX大精神", "XX"),
    ("于2023年X月召开", "X"),
    ("全年发放书目Ｘ余册", "Ｘ"),
    ("xx单位党支部", "xx"),
])
def test_x_runs_are_placeholders(text, found):
    assert spans(text) == [(found, "letter_x")]


@pytest.mark.parametrize("text", [
    "用Excel表格建立台账",
    "以XML格式报送数据",
    "淘汰Windows XP终端",
    "配备X光安检机",
    "开展X射线防护培训",
    "为职工安排X线片和X线检查",
    "会场面积3x4米",
])
def test_x_inside_latin_words_or_terms_is_not(text):
    assert spans(text) == []


def test_x_positions_are_exact():
    assert find_placeholders("于2023年X月X日") == [
        Placeholder(6, 7, "X", "letter_x"), Placeholder(8, 9, "X", "letter_x")]


# -- cross, asterisks, underscores, mou, todo --------------------------------

def test_multiplication_signs_two_or_more():
    assert spans("×××同志在会上讲话") == [("×××", "cross")]
    assert spans("××单位") == [("××", "cross")]
    assert spans("面积为3×4米") == []


def test_three_or_more_asterisks():
    assert spans("参加培训***人次") == [("***", "asterisks")]
    assert spans("全角＊＊＊也算") == [("＊＊＊", "asterisks")]
    assert spans("王**同志") == []


def test_three_or_more_underscores():
    assert spans("共发展党员____名") == [("____", "underscores")]
    assert spans("全角＿＿＿也算") == [("＿＿＿", "underscores")]
    assert spans("file_name") == []


def test_moumou_but_not_a_single_mou():
    assert spans("某某同志") == [("某某", "mou")]
    assert spans("某某某局") == [("某某某", "mou")]
    assert spans("某单位反映") == []


def test_todo_mark_with_or_without_a_note():
    assert spans("【待补充】") == [("【待补充】", "todo")]
    assert spans("成效：【待补充：具体人数】。") == [("【待补充：具体人数】", "todo")]
    assert spans("【附件】") == []


def test_several_kinds_in_one_sentence_in_order():
    text = "XX局某某同志带队，参加***人，完成___项，【待补充】"
    assert [p.kind for p in find_placeholders(text)] == ["letter_x", "mou", "asterisks", "underscores", "todo"]
    for placeholder in find_placeholders(text):
        assert text[placeholder.start:placeholder.end] == placeholder.text


def test_regex_is_exposed_with_named_rules():
    assert set(PLACEHOLDER_RE.groupindex) == {"todo", "letter_x", "cross", "asterisks", "underscores", "mou"}


def test_todo_paragraph():
    assert is_todo_paragraph("【待补充】本年度主要成效")
    assert is_todo_paragraph("\u3000\u3000【待补充：数据】")
    assert not is_todo_paragraph("本年度成效【待补充】")
    assert not is_todo_paragraph("XX中心")
