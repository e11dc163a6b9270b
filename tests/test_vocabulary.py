"""One vocabulary: every command shows kinds, roles and bank types by the names of
`drafter.vocabulary`, and accepts their ids, Chinese names and aliases wherever it
accepts a kind, role or type."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.vocabulary import KINDS, ROLES, TOPICS, TYPES, Vocabulary
from bank_files import write_bank

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_928ffb1024447432.txt"
SAMPLE = ROOT / "samples" / "annual.yaml"


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def marked_names(monkeypatch):
    """Every Chinese name replaced by a mark that no other code could write: whatever a
    command shows as a kind, role or type must come from the vocabulary."""
    monkeypatch.setattr(Vocabulary, "label", lambda self, id: f"〔{id}〕" if id else "")


def test_every_command_shows_the_vocabulary_names(marked_names, tmp_path, monkeypatch):
    shown = {
        "parse": invoke("parse", SEED).output,
        "phrases": invoke("phrases", "--top", "40").output,
        "skeletons": invoke("skeletons").output,
    }
    invoke("init", "--kind", "annual", "-o", tmp_path / "init.yaml")
    shown["init"] = (tmp_path / "init.yaml").read_text(encoding="utf-8")
    shown["draft"] = invoke("draft", SAMPLE, "-o", tmp_path / "out.docx").output
    empty_bank = write_bank(tmp_path / "bank", "version: 1\nskeletons:\n- kind: annual\n  sections:\n"
                            "  - {role: achievements, share: 1.0}\n  - {role: problems, share: 0.9}\n"
                            "  - {role: plans, share: 0.9}\n")
    shutil.copy(ROOT / "templates" / "terms.yaml", empty_bank / "terms.yaml")
    lacking = tmp_path / "lacking.txt"
    lacking.write_text("2025年市档案馆党支部工作总结\n现将2025年工作总结如下：\n一、主要工作\n全年开展主题党日12次。\n",
                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown["check"] = invoke("check", lacking).output
    invoke("extract", SEED, "-o", tmp_path / "extract.yaml", "--year", "2024")
    shown["extract"] = (tmp_path / "extract.yaml").read_text(encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus)
    shown["mine"] = invoke("mine", corpus, "-o", tmp_path / "mined", "--cache-dir", tmp_path / "cache",
                           "-j", "1").output
    kind_mark = "〔annual〕"
    for command in ("parse", "skeletons", "init", "draft", "check", "extract", "mine"):
        assert kind_mark in shown[command], command
    for command in ("parse", "phrases", "skeletons", "init", "extract"):
        assert "〔achievements〕" in shown[command], command
    assert "〔problems〕" in shown["check"]  # the missing-section warning names the role
    for command in ("phrases", "mine"):
        assert "〔set_phrase〕" in shown[command], command


@pytest.mark.parametrize("written", ["problems", "存在问题", "存在的问题", "PROBLEMS"])
def test_phrases_take_a_role_as_id_name_or_alias(written):
    result = invoke("phrases", "--role", written, "--json", "--top", "5")
    entries = json.loads(result.stdout)
    assert entries and all("problems" in e["roles"] for e in entries)


@pytest.mark.parametrize("written", ["set_phrase", "提法", "固定提法", "term"])
def test_phrases_take_a_type_as_id_name_or_alias(written):
    entries = json.loads(invoke("phrases", "--type", written, "--json", "--top", "5").stdout)
    assert entries and {e["type"] for e in entries} == {"set_phrase"}


@pytest.mark.parametrize("written", ["annual", "年度总结", "年终总结", "党建工作总结"])
def test_skeletons_and_init_take_a_kind_as_id_name_or_alias(written, tmp_path):
    found = json.loads(invoke("skeletons", "--kind", written, "--json").stdout)
    assert [s["kind"] for s in found] == ["annual"]
    invoke("init", "--kind", written, "-o", tmp_path / "fill.yaml")
    assert "kind: annual" in (tmp_path / "fill.yaml").read_text(encoding="utf-8")


def test_unknown_names_list_the_choices_in_chinese():
    result = CliRunner().invoke(main, ["phrases", "--role", "成绩单"])
    assert result.exit_code == 2 and "未知的章节角色“成绩单”" in result.output
    assert "achievements（主要工作）" in result.output


def test_fill_files_take_kind_and_roles_by_chinese_names(tmp_path):
    fill = tmp_path / "fill.yaml"
    fill.write_text("类型: 半年汇报\n单位: 市档案馆\n年度: 2025\n正文:\n  主要工作: [全年开展主题党日12次。]\n"
                    "  下步打算: [持续深化理论武装。]\n", encoding="utf-8")
    result = invoke("draft", fill, "-o", tmp_path / "out.md")
    assert "半年总结" in result.output
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "全年开展主题党日12次" in text and "持续深化理论武装" in text


def test_bank_files_take_kind_role_and_type_by_chinese_names(tmp_path):
    bank = write_bank(tmp_path / "bank", "version: 1\nskeletons:\n- kind: 年度总结\n  sections:\n"
                      "  - {role: 主要工作, share: 1.0}\n  - {role: 下步打算, share: 0.5}\n",
                      "version: 1\nphrases:\n- {text: 三会一课, type: 提法, roles: [存在问题]}\n")
    assert json.loads(invoke("skeletons", "--bank", bank, "--json").stdout)[0]["kind"] == "annual"
    entry = json.loads(invoke("phrases", "--bank", bank, "--json").stdout)[0]
    assert entry["type"] == "set_phrase" and entry["roles"] == ["problems"]


def test_names_are_unique_and_every_alias_resolves_to_its_own_id():
    for vocabulary in (KINDS, ROLES, TYPES, TOPICS):
        labels = [vocabulary.label(id) for id in vocabulary]
        assert len(set(labels)) == len(labels)
        for id, name in vocabulary.names.items():
            for spelling in (id, name.label, *name.aliases):
                assert vocabulary.lookup(spelling) == id, spelling
    assert KINDS.label("report") == "工作报告" and KINDS.label("half_year") == "半年总结"
    assert ROLES.label("achievements") == "主要工作"
