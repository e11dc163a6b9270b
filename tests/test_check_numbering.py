"""numbering: skipped or repeated markers at any level, and mixed marker styles."""
from pathlib import Path

import pytest

from drafter.checking.context import CheckContext
from drafter.checking.rules.numbering import check_numbering, marker_style
from drafter.checking.subject import load_subject

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def numbering(tmp_path: Path, body: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text("2024年机关党支部工作总结\n" + body, encoding="utf-8")
    return check_numbering(CheckContext(load_subject(path)))


def test_skipped_level_one_heading(tmp_path):
    findings = numbering(tmp_path, "一、主要工作\n全年开展学习12次。\n四、存在问题\n学习还不够深入。\n")
    assert [(f.severity, f.line) for f in findings] == [("error", 4)]
    assert "“一、”之后是“四、”" in findings[0].message and findings[0].text == "四、存在问题"


def test_skipped_level_two_heading(tmp_path):
    findings = numbering(tmp_path, "一、主要工作\n（一）加强学习\n开展学习。\n（三）夯实基础\n规范管理。\n")
    assert [(f.severity, f.line) for f in findings] == [("error", 5)]
    assert "二级标题" in findings[0].message and "（三）" in findings[0].message


def test_repeated_heading(tmp_path):
    findings = numbering(tmp_path, "一、主要工作\n开展学习。\n二、存在问题\n不够深入。\n二、下步打算\n继续加强。\n")
    assert len(findings) == 1 and "重复" in findings[0].message and findings[0].line == 6


def test_skipped_item(tmp_path):
    findings = numbering(tmp_path, "一、主要工作\n一是加强学习，开展集中学习12次。三是夯实基础，规范支部台账。\n")
    assert [(f.severity, f.line) for f in findings] == [("error", 3)]
    assert "缺少“二是”" in findings[0].message and "三是" in findings[0].text


def test_doubled_item(tmp_path):
    findings = numbering(tmp_path, "一、主要工作\n一是加强学习。\n二是夯实基础。\n三是是强化监督。\n")
    assert len(findings) == 1 and "三是是" in findings[0].message and findings[0].line == 5


@pytest.mark.parametrize("body, odd", [
    ("一、主要工作\n（一）加强学习\n1.创新方式。集中学习12次。\n2、丰富内容。专题研讨4次。\n3.注重实效。撰写心得8篇。\n",
     "2、"),
    ("一、主要工作\n（一）加强学习\n开展学习。\n(二)夯实基础\n规范管理。\n（三）强化监督\n开展检查。\n", "(二)"),
    ("一、主要工作\n开展学习。\n二.存在问题\n不够深入。\n三、下步打算\n继续加强。\n", "二."),
])
def test_mixed_marker_styles_among_siblings_are_a_warning(tmp_path, body, odd):
    findings = numbering(tmp_path, body)
    assert [f.severity for f in findings] == ["warning"]
    assert f"“{odd}”" in findings[0].message and "不统一" in findings[0].message
    assert findings[0].text.startswith(odd)


def test_consistent_numbering_has_no_finding(tmp_path):
    body = ("一、主要工作\n（一）加强学习\n1.创新方式。集中学习12次。\n2.丰富内容。专题研讨4次。\n"
            "（二）夯实基础\n一是规范台账。二是按期换届。三是发展党员。\n二、存在问题\n学习不够深入。\n")
    assert numbering(tmp_path, body) == []


def test_marker_style_keeps_punctuation_and_drops_the_number():
    assert marker_style("（十二）") == marker_style("（一）") == "（N）"
    assert marker_style("1.") != marker_style("1、")
    assert marker_style("(1)") != marker_style("（1）")


def test_seed_004_skips_are_errors():
    findings = check_numbering(CheckContext(load_subject(CORPUS / "004_53a748ed6597df06.txt")))
    assert [(f.severity, f.line) for f in findings] == [("error", 21), ("error", 51)]
    items, heading = findings
    assert "从“一是”跳到“三是”" in items.message
    assert "“一、”之后是“四、”" in heading.message


def test_seed_002_doubled_item_is_an_error():
    findings = check_numbering(CheckContext(load_subject(CORPUS / "002_bef99398f62872d2.txt")))
    assert [(f.severity, f.line) for f in findings] == [("error", 12)]
    assert findings[0].text == "三是是抓好党员队伍建设，提高整体素质。"


@pytest.mark.parametrize("body, found", [
    ("一、主要工作\n一是加强学习。二是夯实基础。二是强化监督。\n", "二是"),
    ("一、主要工作\n一是优化服务。一是推进跨馆出证。\n", "一是"),
    ("一、主要工作\n一是加强学习。\n二是夯实基础。\n二是强化监督。\n", "二是"),
])
def test_repeated_item_is_an_error(tmp_path, body, found):
    findings = numbering(tmp_path, body)
    assert [f.severity for f in findings] == ["error"]
    assert "重复" in findings[0].message and f"又是“{found}”" in findings[0].message


def test_a_new_enumeration_after_two_items_is_no_repeat(tmp_path):
    findings = numbering(tmp_path, "一、主要工作\n在学习上，一是读原著，二是写体会。在工作上，一是抓落实，二是重实效。\n")
    assert findings == []
