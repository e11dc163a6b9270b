"""`drafter init`: a commented starter fill file that drafts as it stands."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafter import api
from drafter.bank import load_phrases, load_skeletons
from drafter.cli import main
from drafter.drafting import draft, init_fill, load_fill
from drafter.drafting.starter import default_year
from drafter.errors import DrafterError
from bank_files import write_bank

SKELETONS = """\
version: 1
skeletons:
- kind: annual
  docs: 2
  sections:
  - role: achievements
    share: 1.0
    headings: [{text: 主要工作开展情况, template: 主要工作开展情况, count: 2}]
    l2: 4
  - role: problems
    share: 1.0
    headings: [{text: 存在的主要问题, template: 存在的主要问题, count: 2}]
    items: 3
  - role: plans
    share: 1.0
    headings: [{text: 2024年工作计划, template: '{{ next_year }}年工作计划', count: 2}]
    l2: 3
  openings:
  - {template: '现将{{ year }}年工作总结如下：', count: 2}
  closings:
  - {template: 新的一年，我们将再接再厉。, count: 1}
- kind: debrief
  docs: 1
  sections:
  - role: achievements
    share: 1.0
    headings: [{text: 主要做法, template: 主要做法, count: 1}]
  - role: plans
    share: 1.0
    headings: [{text: 下一步工作计划, template: 下一步工作计划, count: 1}]
"""

PHRASES = """\
version: 1
phrases:
- {text: 抓思想，政治引领突出成效, type: heading, roles: [achievements]}
- {text: 坚持把…作为…, type: pattern, roles: [achievements, plans]}
- {text: 以…为抓手, type: pattern, roles: [achievements, plans]}
- {text: 同谋划、同部署、同推进, type: pattern, roles: [achievements]}
- {text: 全年召开党建工作专题会议, type: sentence, roles: [achievements]}
- {text: 严格落实组织生活制度, type: sentence, roles: [achievements]}
- {text: 党建与业务融合不够紧密, type: sentence, roles: [problems]}
- {text: 理论学习不够系统, type: sentence, roles: [problems]}
- {text: 三会一课, type: term, roles: [problems]}
- {text: 在…上下功夫, type: pattern, roles: [plans]}
"""

TODAY = dt.date(2025, 12, 1)


@pytest.fixture()
def bank(tmp_path) -> Path:
    return write_bank(tmp_path / "bank", SKELETONS, PHRASES)


def section_comments(text: str) -> dict[str, list[str]]:
    """role → the suggestion lines written above its key."""
    found: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in text.splitlines():
        suggestion = re.match(r"^  #   · (.+)$", line)
        if suggestion:
            pending.append(suggestion.group(1))
        key = re.match(r"^  ([a-z_]+):$", line)
        if key:
            found[key.group(1)] = pending
            pending = []
    return found


def test_starter_is_valid_yaml_with_the_skeleton_sections(tmp_path, bank):
    written = init_fill("annual", tmp_path / "fill.yaml", bank_dir=bank, today=TODAY)
    assert written == tmp_path / "fill.yaml"
    text = written.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["kind"] == "annual" and data["year"] == 2025 and data["unit"] == "XX单位"
    assert list(data["sections"]) == ["achievements", "problems", "plans"]
    assert all(value is None for value in data["sections"].values())
    assert data["date"] is None and data["signature"] is None
    # Chinese comments: the usage line, each key's alias, the default heading with the year slot filled
    assert "# 填好后运行：drafter draft" in text
    for alias in ("类型", "单位", "年度", "标题", "导语", "正文", "结尾", "落款", "日期"):
        assert f"# {alias}：" in text
    assert "# 三、2026年工作计划（下步计划）" in text
    assert "现将2025年工作总结如下：" in text and "新的一年，我们将再接再厉。" in text


def test_starter_carries_three_to_five_suggestions_per_section(tmp_path, bank):
    text = init_fill("annual", tmp_path / "fill.yaml", bank_dir=bank, today=TODAY).read_text(encoding="utf-8")
    comments = section_comments(text)
    assert comments["achievements"] == ["抓思想，政治引领突出成效", "坚持把…作为…", "以…为抓手",
                                        "同谋划、同部署、同推进", "全年召开党建工作专题会议"]
    # only two sentences for problems: the fixed term tops it up to three
    assert comments["problems"] == ["党建与业务融合不够紧密", "理论学习不够系统", "三会一课"]
    assert comments["plans"] == ["坚持把…作为…", "以…为抓手", "在…上下功夫"]


def test_starter_drafts_with_every_gap_shown(tmp_path, bank):
    fill = init_fill("annual", tmp_path / "fill.yaml", bank_dir=bank, today=TODAY)
    report = draft(fill, tmp_path / "out.docx", bank_dir=bank)
    assert [s.heading for s in report.document.sections] == ["主要工作开展情况", "存在的主要问题", "2026年工作计划"]
    assert report.gaps == ["主要工作开展情况", "存在的主要问题", "2026年工作计划", "成文日期"]
    assert report.placeholders == ["XX", "XX"]  # the unit, in the title and the signature
    assert report.document.sections[1].paragraphs[0].startswith("【待补充】")


def test_starter_of_every_shipped_kind_drafts(tmp_path):
    kinds = list(dict.fromkeys(s["kind"] for s in load_skeletons()))
    phrases = load_phrases()
    for kind in kinds:
        fill = init_fill(kind, tmp_path / f"{kind}.yaml", today=TODAY)
        assert load_fill(fill).kind == kind
        report = draft(fill, tmp_path / f"{kind}.docx")
        skeleton = max((s for s in load_skeletons() if s["kind"] == kind), key=lambda s: s["docs"])
        roles = [section["role"] for section in skeleton["sections"]]
        assert [s.role for s in report.document.sections] == roles
        assert len(report.gaps) == len(roles) + 1  # every section and the date
        comments = section_comments(fill.read_text(encoding="utf-8"))
        assert list(comments) == roles
        for role, suggestions in comments.items():
            available = {p["text"] for p in phrases if role in p["roles"]}
            assert len(suggestions) <= 5
            assert set(suggestions) <= {" ".join(t.split()) for t in available}
            if len(available) >= 3:
                assert len(suggestions) >= 3, (kind, role)


def test_kind_may_be_given_in_chinese(tmp_path, bank):
    fill = init_fill("述职报告", tmp_path / "fill.yaml", bank_dir=bank, today=TODAY)
    assert yaml.safe_load(fill.read_text(encoding="utf-8"))["kind"] == "debrief"


def test_unknown_kind_lists_the_kinds_api_and_cli(tmp_path, bank):
    with pytest.raises(DrafterError) as caught:
        api.init_fill("monthly", tmp_path / "fill.yaml", bank_dir=bank)
    assert "monthly" in str(caught.value) and "annual" in str(caught.value) and "debrief" in str(caught.value)
    result = CliRunner().invoke(main, ["init", "--kind", "monthly", "-o", str(tmp_path / "fill.yaml"),
                                       "--bank", str(bank)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "monthly" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "fill.yaml").exists()


def test_kind_missing_from_the_bank_gets_the_common_parts(tmp_path, bank):
    """A kind the bank has no skeleton of: achievements, problems and plans, said in
    the header, and the starter drafts as it stands with those three gaps."""
    path = init_fill("half_year", tmp_path / "fill.yaml", bank_dir=bank)
    text = path.read_text(encoding="utf-8")
    assert "语库中没有半年总结的结构骨架，按通用结构（主要工作、存在问题、下步计划）列出各部分" in text
    assert list(yaml.safe_load(text)["sections"]) == ["achievements", "problems", "plans"]
    report = draft(path, tmp_path / "out.md", bank_dir=bank)
    assert [s.role for s in report.document.sections] == ["achievements", "problems", "plans"]
    assert len(report.gaps) == 4  # three parts and the date
    assert not any("多数同类范文" in w for w in report.warnings)  # the common skeleton expects nothing


def test_existing_file_is_never_overwritten_without_force(tmp_path, bank):
    target = tmp_path / "fill.yaml"
    target.write_text("unit: 已经填好的内容\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="已存在"):
        api.init_fill("annual", target, bank_dir=bank)
    result = CliRunner().invoke(main, ["init", "--kind", "annual", "-o", str(target), "--bank", str(bank)])
    assert result.exit_code == 2 and "已存在" in result.output and "fill.yaml" in result.output
    assert target.read_text(encoding="utf-8") == "unit: 已经填好的内容\n"
    result = CliRunner().invoke(main, ["init", "--kind", "annual", "-o", str(target), "--bank", str(bank), "--force"])
    assert result.exit_code == 0 and "kind: annual" in target.read_text(encoding="utf-8")


def test_output_must_be_a_yaml_file(tmp_path, bank):
    with pytest.raises(DrafterError, match=".yaml"):
        init_fill("annual", tmp_path / "总结.docx", bank_dir=bank)
    assert not (tmp_path / "总结.docx").exists()


def test_missing_output_folder(tmp_path, bank):
    result = CliRunner().invoke(main, ["init", "--kind", "annual", "-o", str(tmp_path / "no" / "f.yaml"),
                                       "--bank", str(bank)])
    assert result.exit_code == 2 and "无法写入" in result.output


def test_cli_init_then_draft(tmp_path, bank):
    runner = CliRunner()
    fill = tmp_path / "填写.yaml"
    result = runner.invoke(main, ["init", "--kind", "annual", "-o", str(fill), "--bank", str(bank)])
    assert result.exit_code == 0 and "已生成填写文件" in result.output and "drafter draft" in result.output
    result = runner.invoke(main, ["draft", str(fill), "-o", str(tmp_path / "总结.docx"), "--bank", str(bank)])
    assert result.exit_code == 0 and "待补充 4 处" in result.output
    assert (tmp_path / "总结.docx").stat().st_size > 0


@pytest.mark.parametrize("today, year", [
    (dt.date(2025, 12, 20), 2025), (dt.date(2026, 1, 10), 2025), (dt.date(2026, 3, 31), 2025),
    (dt.date(2026, 4, 1), 2026), (dt.date(2026, 7, 5), 2026),
])
def test_default_year_is_the_year_being_summed_up(today, year):
    assert default_year(today) == year


def test_starter_closing_hint_is_a_whole_sentence(tmp_path, bank):
    """Mined closings also hold first clauses ending in a comma; the hint shows
    a complete closing sentence, or none."""
    skeletons = (bank / "skeletons.yaml").read_text(encoding="utf-8")
    fragment = "  closings:\n  - {template: 我局党建工作虽取得一定成效，, count: 3}\n"
    (bank / "skeletons.yaml").write_text(skeletons.replace("  closings:\n", fragment, 1), encoding="utf-8")
    text = init_fill("annual", tmp_path / "fill.yaml", bank_dir=bank, today=TODAY).read_text(encoding="utf-8")
    closing_line = next(line for line in text.splitlines() if line.startswith("closing:"))
    assert "虽取得一定成效，" not in closing_line
    assert "新的一年，我们将再接再厉。" in closing_line  # the complete one, though less common
    (bank / "skeletons.yaml").write_text(skeletons.replace(
        "  - {template: 新的一年，我们将再接再厉。, count: 1}\n", "  - {template: 我局工作虽有成效，, count: 1}\n"),
        encoding="utf-8")
    text = init_fill("annual", tmp_path / "fill.yaml", bank_dir=bank, today=TODAY, force=True).read_text(
        encoding="utf-8")
    closing_line = next(line for line in text.splitlines() if line.startswith("closing:"))
    assert closing_line.endswith("# 结尾：可不填")


def test_shipped_starters_show_no_fragment_as_closing_or_opening(tmp_path):
    kinds = list(dict.fromkeys(s["kind"] for s in load_skeletons()))
    for kind in kinds:
        text = init_fill(kind, tmp_path / f"{kind}.yaml", today=TODAY).read_text(encoding="utf-8")
        for key in ("closing:", "# opening:"):
            line = next(line for line in text.splitlines() if line.startswith(key))
            assert "，”" not in line, line
