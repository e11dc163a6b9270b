"""The five seeds parse to exactly the outlines the parse issue lists."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import drafter
from drafter.cli import main
from drafter.model import DOCUMENT_KEYS, SECTION_KEYS
from seed_outlines import NOISE_STRINGS, SEEDS

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def parsed():
    return {name: drafter.parse_file(CORPUS / name) for name in SEEDS}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_outline(parsed, name):
    doc, expected = parsed[name], SEEDS[name]
    assert doc.kind == expected["kind"]
    assert doc.title == expected["title"]
    assert doc.opening.startswith(expected["opening"])
    assert [s.level for s in doc.sections] == [1] * len(expected["sections"])
    for section, (heading, role, level2, items) in zip(doc.sections, expected["sections"]):
        assert section.heading == heading
        assert section.role == role
        assert [c.heading for c in section.children if c.level == 2] == level2
        if items is not None:
            assert len(section.items) == items, heading
    assert len(doc.sections) == len(expected["sections"])
    if "closing" in expected:
        assert doc.closing.startswith(expected["closing"])
    else:
        assert doc.closing == ""


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_no_noise_left_in_any_text(parsed, name):
    doc = parsed[name]
    texts = [doc.title, doc.opening, doc.closing, doc.signature, doc.date] + doc.body_texts()
    for noise in NOISE_STRINGS:
        assert not any(noise in text for text in texts), noise


def test_seed_000_paid_marker_removed_mid_word(parsed):
    doc = parsed["000_928ffb1024447432.txt"]
    assert any(r.text == "##paidbegin##" for r in doc.removed)
    assert any(r.text == "##paidend##" for r in doc.removed)
    second = doc.sections[0].children[1]
    assert second.items[2].startswith("积极完成市党委第一轮巡察")
    assert "按照“自己的问题彻底改，别人的问题对照改”" in second.items[2]


def test_seed_000_heading_runs_on_into_body(parsed):
    first = parsed["000_928ffb1024447432.txt"].sections[0].children[0]
    assert first.marker == "（一）"
    assert first.paragraphs[0].startswith("认真落实《关于新形势下党内政治生活的若干准则》")
    assert first.items == []


def test_seed_001_edit_password_removed(parsed):
    removed = parsed["001_56e93352d959f4eb.txt"].removed
    assert any("本文档编辑密码：wsx2023" in r.text for r in removed)


def test_seed_001_causes_lead_and_items(parsed):
    causes = parsed["001_56e93352d959f4eb.txt"].sections[2]
    assert causes.paragraphs == ["产生上述问题的原因主要有以下方面："]
    assert causes.items[0].startswith("党建主体责任落实还未见底到边。")


def test_seed_002_disclaimer_removed_and_no_level2_outside_sixth(parsed):
    doc = parsed["002_bef99398f62872d2.txt"]
    assert any("请勿照搬照抄" in r.text for r in doc.removed)
    for section in doc.sections[:5]:
        assert all(child.level != 2 for child in section.children)
    # 一是…五是 of section 二 stay items of that section, around its 1. 2. 3. sub-points
    assert len(doc.sections[1].items) == 5
    assert doc.sections[1].items[3].startswith("及时完成了党内统计报表上报工作")
    assert [c.level for c in doc.sections[1].children] == [3] * 7
    assert len(doc.sections[0].items) == 3


def test_seed_002_numbering_typo_is_a_warning(parsed):
    codes = [w.code for w in parsed["002_bef99398f62872d2.txt"].warnings]
    assert codes == ["item_doubled"]


def test_seed_003_word_count_removed_from_title(parsed):
    doc = parsed["003_e4ab13fd1b405e5f.txt"]
    assert any(r.text == "（2946字）" for r in doc.removed)
    assert doc.sections[1].paragraphs == ["本人虽然在支部党建工作上取得了一些成绩，但还存在一些不足有待改进，主要表现在："]


def test_seed_004_warnings_and_ads(parsed):
    doc = parsed["004_53a748ed6597df06.txt"]
    messages = [w.message for w in doc.warnings]
    assert any("一、" in m and "四、" in m for m in messages)
    assert any("一是" in m and "三是" in m for m in messages)
    ads = [r for r in doc.removed if "哒哒" in r.text]
    assert len(ads) == 4


def test_seed_004_items_inside_level3(parsed):
    support = parsed["004_53a748ed6597df06.txt"].sections[0].children[2].children[1]
    assert support.heading == "积极组织开展支部工作"
    assert len(support.items) == 5
    assert support.items[1].startswith("结合“走在前作表率”专题讨论")


def test_cli_json_has_exactly_the_contract_keys(tmp_path):
    result = CliRunner().invoke(main, ["parse", "--json", str(CORPUS / "000_928ffb1024447432.txt")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert tuple(data) == DOCUMENT_KEYS
    node = data["sections"][0]
    assert tuple(node) == SECTION_KEYS
    assert node["marker"] == "一、" and node["role"] == "achievements"
    assert node["children"][0]["marker"] == "（一）" and node["children"][0]["role"] is None


def test_cli_json_several_files_gives_a_list():
    files = [str(CORPUS / name) for name in sorted(SEEDS)]
    result = CliRunner().invoke(main, ["parse", "--json", *files])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["kind"] for d in data] == [SEEDS[n]["kind"] for n in sorted(SEEDS)]


def test_cli_readable_outline():
    result = CliRunner().invoke(main, ["parse", str(CORPUS / "004_53a748ed6597df06.txt")])
    assert result.exit_code == 0
    out = result.output
    assert "一、主要工作开展 [主要工作]" in out
    assert "四、存在的问题 [存在问题]（4 项）" in out
    assert "警告" in out and "已清理杂质" in out
