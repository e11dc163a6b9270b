"""Rule lists (templates/naming.yaml, renamed_bodies.yaml, wording.yaml) and `check --rules FILE`."""
import json

import pytest
from click.testing import CliRunner

import drafter
from drafter.rule_lists import ROW_RULES, RuleTable, load_rule_list, shipped_path
from drafter.cli import main
from drafter.errors import DrafterError

DOC = "2025年机关党支部工作总结\n一、主要工作\n{line}\n二、存在问题\n学习还不够深入。\n三、2026年工作计划\n继续加强学习。\n"


def document(tmp_path, line):
    path = tmp_path / "doc.txt"
    path.write_text(DOC.format(line=line), encoding="utf-8")
    return path


def rule_list(tmp_path, text, name="本单位规则.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("rule", ROW_RULES)
def test_every_shipped_row_is_complete(rule):
    rows = load_rule_list(shipped_path(rule))
    assert rows and all(row.rule == rule for row in rows)
    for row in rows:
        assert row.source and row.note and row.right, (rule, row.wrong)
        assert row.enabled


def test_condition_before_after():
    [row] = load_rule_list(shipped_path("wording"))[:1]
    table = RuleTable([row])
    assert [(m.start, m.end) for m in table.matches("截止到6月底，截止到期")] == [(0, 3)]


USER = """# 本单位的规则
rule: wording
rows:
  - wrong: 党建+
    right: 党建引领
    level: 疑似
    group: 本单位用语
    note: 局党组要求统一写法
    source: 局办公室通知，2025年3月
  - wrong: 台帐
    level: error
    enabled: false
  - rule: naming
    wrong: 老书记
    right: 党支部书记
    level: 提示
    condition: {not_after: 们}
"""


def test_a_users_list_adds_rows_and_turns_shipped_ones_off(tmp_path):
    rules = rule_list(tmp_path, USER)
    path = document(tmp_path, "推进“党建+”品牌建设，规范党员学习台帐，老书记作辅导。")
    before = drafter.check(path, only="wording,naming")
    assert [f.wrong for f in before.findings] == ["台帐"]
    after = drafter.check(path, only=["wording", "naming"], rules_file=rules)
    assert [(f.rule, f.severity, f.wrong, f.fix) for f in after.findings] == [
        ("naming", "info", "老书记", "党支部书记"), ("wording", "warning", "党建+", "党建引领")]
    assert "本单位用语" in after.findings[1].message and "局党组要求" in after.findings[1].message


def test_rules_option_on_the_command_line(tmp_path):
    rules = rule_list(tmp_path, USER)
    path = document(tmp_path, "推进“党建+”品牌建设。")
    result = CliRunner().invoke(main, ["check", str(path), "--rules", str(rules), "--only", "wording", "--json"])
    assert result.exit_code == 0, result.output
    [found] = json.loads(result.stdout)["findings"]
    assert (found["rule"], found["fix"]) == ("wording", "党建引领")


@pytest.mark.parametrize("text, message, line", [
    ("rule: wording\nrows:\n  - wrong: 党建+\n    right: 党建引领\n    levle: error\n", "未知的键“levle”", 5),
    ("rule: wording\nrows:\n  - wrong: 党建+\n    right: 党建引领\n    level: 严重\n", "level 的值“严重”无效", 5),
    ("rows:\n  - wrong: 党建+\n    right: 党建引领\n    level: error\n", "缺少 rule", 2),
    ("rule: 标点\nrows: []\n", "规则“标点”无效", 1),
    ("rule: wording\nrows:\n  - wrong: 党建+\n    level: error\n    condition: {after: '(['}\n", "正则表达式有误", 5),
    ("rule: wording\nrows:\n  - {wrong: 甲, right: 乙, level: error}\n  - {wrong: 甲, right: 丙, level: error}\n",
     "“甲”重复", 4),
    ("rule: renamed_body\nrows:\n  - {wrong: 甲局, right: 乙局, level: error}\n", "changed", 3),
    ("rule: wording\nrows:\n  - {wrong: 甲, right: 甲, level: error}\n", "不能与 wrong 相同", 3),
    ("rule: wording\nrows: [\n", "不是有效的 YAML", None),
])
def test_a_broken_users_list_is_one_chinese_error_with_file_and_line(tmp_path, text, message, line):
    rules = rule_list(tmp_path, text)
    with pytest.raises(DrafterError) as caught:
        drafter.check(document(tmp_path, "学习。"), rules_file=rules)
    error = caught.value
    assert message in str(error) and error.path == str(rules)
    if line is not None:
        assert error.line == line
    result = CliRunner().invoke(main, ["check", str(document(tmp_path, "学习。")), "--rules", str(rules)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_missing_users_list_is_bad_input(tmp_path):
    result = CliRunner().invoke(main, ["check", str(document(tmp_path, "学习。")), "--rules", str(tmp_path / "无.yaml")])
    assert result.exit_code == 2 and "找不到规则表文件" in result.output
