"""placeholder: X/XX/XXX, ×××, ***, ___, 某某 and 【待补充】 left in the text."""
from pathlib import Path

import pytest

from drafter.checking.context import CheckContext
from drafter.checking.rules.placeholder import check_placeholders
from drafter.checking.subject import load_subject

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEMPLATE = "2024年机关党支部工作总结\n一、主要工作\n{line}\n二、存在问题\n学习还不够深入。\n"


def placeholders(tmp_path: Path, line: str) -> list:
    path = tmp_path / "doc.txt"
    path.write_text(TEMPLATE.format(line=line), encoding="utf-8")
    return check_placeholders(CheckContext(load_subject(path)))


@pytest.mark.parametrize("line, shown", [
    ("全年组织集中学习X次。", "X"),
    ("XX中心党支部扎实开展工作。", "XX"),
    ("市委XXX书记到中心调研。", "XXX"),
    ("发放学习书籍×××本。", "×××"),
    ("由***同志负责。", "***"),
    ("共发展党员___名。", "___"),
    ("组织某某同志参加培训。", "某某"),
    ("【待补充】", "【待补充】"),
    ("全年共召开会议【待补充：次数】次。", "【待补充：次数】"),
])
def test_each_placeholder_form_is_an_error_on_its_line(tmp_path, line, shown):
    findings = placeholders(tmp_path, line)
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.rule, finding.severity, finding.line) == ("placeholder", "error", 3)
    assert f"“{shown}”" in finding.message
    assert finding.text == line


@pytest.mark.parametrize("line", [
    "开展X光机安全检查。",  # an ordinary word
    "使用Excel表格统计党费。",
    "3×4米的宣传展板。",
    "某单位来我局交流学习。",  # a single 某 is ordinary Chinese
    "全年组织集中学习12次。",
])
def test_ordinary_text_has_no_placeholder(tmp_path, line):
    assert placeholders(tmp_path, line) == []


def test_one_finding_per_line_counting_every_placeholder(tmp_path):
    findings = placeholders(tmp_path, "印发XX份整改方案，收集XX批资料，合计X份。")
    assert len(findings) == 1
    assert "（共 3 处）" in findings[0].message and "“XX”、“X”" in findings[0].message


def test_congress_placeholder_asks_for_the_congress(tmp_path):
    findings = placeholders(tmp_path, "深入学习贯彻党的XX大精神。")
    assert "届次" in findings[0].message and "党的二十大" in findings[0].message
    mixed = placeholders(tmp_path, "学习党的XX大精神，组织X次研讨。")
    assert "届次" in mixed[0].message and "其余" in mixed[0].message


def test_todo_asks_for_the_missing_text(tmp_path):
    assert "补写" in placeholders(tmp_path, "【待补充】")[0].message


def test_seed_004_title_placeholder_is_reported_as_in_the_title():
    findings = check_placeholders(CheckContext(load_subject(CORPUS / "004_53a748ed6597df06.txt")))
    title = findings[0]
    assert title.line == 1 and title.message.startswith("标题留有占位符“XX”")
    assert title.text == "XX中心2023年度上半年党建工作开展情况汇报"
    assert all(f.severity == "error" for f in findings)
    assert all(f.message.startswith("文中") for f in findings[1:])
