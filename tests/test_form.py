"""The fill form of the web workbench (drafter.drafting.form): a form drafts exactly
as its fill file does, both ways; it is saved with Chinese keys and loaded from
English or Chinese ones; extract's # 原文： notes stay with their fields."""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import api
from drafter.cli import main
from drafter.drafting.fill_keys import ENTRY_KEYS, ROLE_KEYS, SECTION_KEYS, TOP_KEYS
from drafter.drafting.form import (NOTE_PREFIXES, change_kind, check_form, field_path, form_hints,
                                   form_yaml, load_form, new_form)
from drafter.errors import DrafterError
from drafter.yaml_reader import comment_blocks
from bank_files import write_bank
from word_files import word_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
CORPUS = ROOT / "corpus"
CHINESE_KEYS = {aliases[0] for keys in (TOP_KEYS, ENTRY_KEYS, SECTION_KEYS) for aliases in keys.values()} \
    | {aliases[0] for aliases in ROLE_KEYS.values()}


def keys_of(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for value in data.values() for k in keys_of(value)}
    if isinstance(data, list):
        return {k for value in data for k in keys_of(value)}
    return set()


def drafted(fill: Path | str, tmp_path: Path, name: str = "out.docx") -> bytes:
    """What `drafter draft` writes for a fill file on disk."""
    out = tmp_path / name
    result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def a_form() -> dict:
    """A form as the page builds it: typed in, entries added, a part left empty."""
    form = new_form("annual", today=dt.date(2025, 12, 1))
    form["unit"] = "县供销社党支部"
    form["date"] = "2025-12-20"
    achievements, problems, causes, plans = form["sections"]
    assert [s["role"] for s in form["sections"]] == ["achievements", "problems", "causes", "plans"]
    achievements["entries"] = [
        {"heading": "强化理论武装", "text": ["支部坚持第一议题制度。"], "points": ["全年集中学习X次。", "开展研讨6次。"],
         "children": [{"heading": "规范学习制度", "text": ["建立学习台账。"], "points": [], "children": []}]},
        {"heading": "夯实组织基础", "text": [], "points": ["按期换届。", "发展党员2名。"], "children": []},
    ]
    problems["points"] = ["学习的系统性还不够强。", "融合还不够紧密。"]
    plans["heading"] = "2026年工作打算"
    plans["entries"] = [{"heading": "", "text": ["持续深化理论武装。"], "points": [], "children": []}]
    form["closing"] = ["新的一年，支部将再接再厉。"]
    return check_form(form)


# -- a form drafts as its fill file, both ways ----------------------------------------------

@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_loaded_fill_file_drafts_identically_from_the_form(sample, tmp_path):
    """Load a fill file into the page, save it: `drafter draft` of the saved file gives
    the same .docx, byte for byte, and loading the saved file gives the same form."""
    loaded = load_form(sample.read_bytes(), sample.name)
    saved = tmp_path / "saved.yaml"
    saved.write_text(form_yaml(check_form(loaded.form)).text, encoding="utf-8")
    assert drafted(saved, tmp_path, "a.docx") == drafted(sample, tmp_path, "b.docx")
    assert load_form(saved.read_bytes(), "saved.yaml").form == loaded.form


def test_a_form_saved_in_the_page_drafts_identically_with_drafter_draft(tmp_path):
    form = a_form()
    text = form_yaml(form).text
    saved = tmp_path / "2025年总结.yaml"
    saved.write_text(text, encoding="utf-8")
    in_page = api.draft_bytes(text, "docx")
    assert drafted(saved, tmp_path) == in_page.data
    for fmt in ("md", "txt"):
        out = tmp_path / f"out.{fmt}"
        assert CliRunner().invoke(main, ["draft", str(saved), "-o", str(out)]).exit_code == 0
        assert out.read_bytes() == api.draft_bytes(text, fmt).data
    # what the page shows: the empty causes part as a gap, the typed headings numbered
    doc = in_page.report.document
    assert [s.heading for s in doc.sections][-1] == "2026年工作打算"
    assert in_page.report.gaps == ["原因分析"]
    assert [c.heading for c in doc.sections[0].children] == ["强化理论武装", "夯实组织基础"]
    assert doc.sections[0].children[0].children[0].heading == "规范学习制度"


def test_saved_with_chinese_keys_only(tmp_path):
    text = form_yaml(a_form()).text
    data = yaml.safe_load(text)
    assert keys_of(data) <= CHINESE_KEYS, keys_of(data) - CHINESE_KEYS
    assert data["类型"] == "年度总结" and data["年度"] == 2025 and data["日期"] == "2025-12-20"
    assert data["正文"]["原因分析"] is None
    assert text.startswith("# drafter 填写文件 · 年度总结（annual）")


def test_english_and_chinese_keys_load_to_the_same_form():
    english = (ROOT / "samples" / "annual.yaml").read_bytes()
    chinese = form_yaml(load_form(english, "annual.yaml").form).text.encode("utf-8")
    assert load_form(chinese, "x.yaml").form == load_form(english, "annual.yaml").form


ITEMS_BANK = """\
version: 1
skeletons:
- kind: annual
  docs: 2
  sections:
  - {role: achievements, share: 1.0, l2: 4}
  - {role: problems, share: 1.0, items: 3}
"""


def test_loose_paragraphs_stay_loose(tmp_path):
    """`problems: [a, b]` drafts as 一是/二是 where the skeleton writes problems as items;
    `problems: {text: [a, b]}` as paragraphs: the form keeps the difference."""
    bank = write_bank(tmp_path / "bank", ITEMS_BANK)
    base = "kind: annual\nunit: 甲\nyear: 2025\nsections:\n  problems:\n"
    listed = load_form((base + "    - 学习不够深入。\n    - 融合不够紧密。\n").encode(), "a.yaml").form
    mapped = load_form((base + "    text: [学习不够深入。, 融合不够紧密。]\n").encode(), "b.yaml").form
    assert listed["sections"][0]["entries"] == [{"heading": "", "text": ["学习不够深入。", "融合不够紧密。"], "points": [],
                                                 "table": None, "children": [], "notes": {}}]
    assert mapped["sections"][0]["text"] == ["学习不够深入。", "融合不够紧密。"]
    items = api.draft_bytes(form_yaml(listed).text, bank_dir=bank).report.document.sections[0].items
    paragraphs = api.draft_bytes(form_yaml(mapped).text, bank_dir=bank).report.document.sections[0].paragraphs
    assert items == paragraphs == ["学习不够深入。", "融合不够紧密。"]


def test_a_headless_mapping_and_its_entries_keep_their_drafting(tmp_path):
    text = ("kind: annual\nunit: 甲\nyear: 2025\nsections:\n  achievements:\n"
            "    - 开头一段。\n"
            "    - points: [甲要点。]\n"
            "      children:\n        - heading: 下级标题\n          text: 下级正文。\n"
            "    - 又一段。\n")
    source = tmp_path / "fill.yaml"
    source.write_text(text, encoding="utf-8")
    loaded = load_form(text.encode(), "fill.yaml").form
    assert [e["heading"] for e in loaded["sections"][0]["entries"]] == ["", "", "下级标题", ""]
    saved = tmp_path / "saved.yaml"
    saved.write_text(form_yaml(loaded).text, encoding="utf-8")
    assert drafted(saved, tmp_path, "a.docx") == drafted(source, tmp_path, "b.docx")


# -- notes from extract -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("extract") / "2025.yaml"
    api.extract(CORPUS / "000_928ffb1024447432.txt", out, year=2025)
    return out


def _all_notes(form: dict) -> list[tuple[str, str]]:
    found = [(name, note) for name, notes in form["notes"].items() for note in notes]

    def walk(item: dict, path: str) -> None:
        found.extend((f"{path}.{name}", note) for name, notes in item.get("notes", {}).items() for note in notes)
        for number, child in enumerate(item.get("entries", []) + item.get("children", [])):
            walk(child, f"{path}.{number}")

    for number, section in enumerate(form["sections"]):
        walk(section, f"sections.{number}")
    return found


def test_extract_notes_are_kept_beside_their_fields_and_when_saved(extracted, tmp_path):
    raw = extracted.read_bytes()
    form = load_form(raw, extracted.name).form
    notes = _all_notes(form)
    originals = [note for _path, note in notes if note.startswith("原文：")]
    written = [c for block in comment_blocks(raw.decode("utf-8")).values() for c in block if c.startswith("原文：")]
    assert originals and sorted(set(originals)) == sorted(set(written))
    assert ("title", "原文：2023年市水利局机关党委党建工作总结") in notes
    assert any(note.startswith("请核对：") for _path, note in notes)
    assert form["year"] == "2025" and "X" in str(form["sections"])
    # saved and loaded again: the same notes on the same fields, drafted as extract's file
    saved = tmp_path / "saved.yaml"
    saved.write_text(form_yaml(form).text, encoding="utf-8")
    again = load_form(saved.read_bytes(), saved.name).form
    assert _all_notes(again) == notes and again == form
    assert "# 原文：2023年市水利局机关党委党建工作总结" in saved.read_text(encoding="utf-8")
    assert drafted(saved, tmp_path, "a.docx") == drafted(extracted, tmp_path, "b.docx")


def test_extract_notes_on_a_tables_cells_are_kept_when_saved(tmp_path):
    """Last year's figures of a Word table come back as X with # 原文： notes on their
    cells; the form holds them per cell and writes them back above the same cells."""
    source = word_file(tmp_path / "2024.docx", [
        "某局2024年工作总结", "一、主要工作", "全年完成各项任务。", "表1  2024年主要指标完成情况",
        [["指标", "目标", "完成"], ["培训人次", "300", "326"]], "二、下一步工作计划", "继续做好各项工作。"])
    extracted = tmp_path / "2025.yaml"
    api.extract(source, extracted, year=2025)

    form = load_form(extracted.read_bytes(), extracted.name).form
    table_form = form["sections"][0]["table"]
    assert table_form["rows"][1] == ["培训人次", "X", "X"]
    assert table_form["notes"] == {"title": ["原文：表1  2024年主要指标完成情况"],
                                   "1.1": ["原文：300"], "1.2": ["原文：326"]}
    saved = tmp_path / "saved.yaml"
    saved.write_text(form_yaml(form).text, encoding="utf-8")
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("          # 原文：326") + 1].strip() == "- X"
    assert load_form(saved.read_bytes(), saved.name).form == form
    assert drafted(saved, tmp_path, "a.docx") == drafted(extracted, tmp_path, "b.docx")


def test_cell_notes_are_written_at_the_rows_the_page_sends_them_for(tmp_path):
    """The page moves a cell's notes with its row (a row inserted above it, another deleted);
    the server writes each note above the cell it names, and reading back gives the same form."""
    form = load_form("kind: annual\nunit: 甲\nyear: 2025\nsections:\n  achievements:\n    table:\n      rows:\n"
                     "        - [指标, 完成]\n        - [接收档案, X]\n        - [查阅利用, X]\n".encode(), "a.yaml").form
    table = form["sections"][0]["table"]
    table["rows"] = [["指标", "完成"], ["新增指标", "X"], ["", ""], ["查阅利用", "X"]]  # 接收档案 deleted
    table["notes"] = {"3.1": ["原文：860"], "9.1": ["原文：一行已不在"]}
    text = form_yaml(check_form(form)).text
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index("- 查阅利用")
    assert lines[at + 1:at + 3] == ["# 原文：860", "- X"] and "# 原文：一行已不在" not in text
    again = load_form(text.encode("utf-8"), "b.yaml").form["sections"][0]["table"]
    assert again["rows"][2] == ["查阅利用", "X"] and again["notes"] == {"2.1": ["原文：860"]}  # the empty row left out


def test_only_extracts_notes_become_notes():
    text = ("# 头注\nkind: annual\n# 单位的说明\nunit: 甲\nyear: 2025\n"
            "# 原文：2024年甲党建工作总结\n#   继续一行\ntitle: 2025年甲党建工作总结\n")
    form = load_form(text.encode(), "x.yaml").form
    assert form["notes"] == {"title": ["原文：2024年甲党建工作总结继续一行"]}
    assert NOTE_PREFIXES == ("原文：", "请核对：")


# -- hostile text ---------------------------------------------------------------------------------

HOSTILE = ["<script>alert(1)</script>", "{{ 7*7 }}", "{% for x in y %}", "键: 值 # 注释", "- 一是", "\"引号'",
           "yes", "2025-12-20", "&锚点 *引用", "｜竖线|", "tab\there", "反斜杠\\n"]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_is_data_in_every_field(text, tmp_path):
    form = a_form()
    form["title"] = text
    form["sections"][0]["entries"][0]["heading"] = text + "标题"
    form["sections"][1]["points"].append(text)
    form["closing"] = [text]
    saved = form_yaml(form).text
    again = load_form(saved.encode(), "x.yaml").form
    assert again["title"] == text.replace("\t", "\t") and again["closing"] == [text]
    doc = api.draft_bytes(saved).report.document
    assert doc.title == text.replace("\t", " ")
    assert doc.sections[0].children[0].heading == (text + "标题").replace("\t", " ")


_TEXT = st.text(alphabet=st.sampled_from(list("党建学习一是（一）1.X：:#-?[]{},&*!|>'\"%@` \n“”\\{}%")), max_size=12)
_ENTRY = st.fixed_dictionaries({"heading": _TEXT, "text": st.lists(_TEXT, max_size=2),
                                "points": st.lists(_TEXT, max_size=2), "children": st.just([])})


@settings(max_examples=60, deadline=None)
@given(title=_TEXT, opening=st.lists(_TEXT, max_size=2), heading=_TEXT, text=st.lists(_TEXT, max_size=2),
       points=st.lists(_TEXT, max_size=3), entries=st.lists(_ENTRY, max_size=3), listed=st.booleans())
def test_saving_then_loading_is_stable_and_drafts_the_same(title, opening, heading, text, points, entries, listed):
    form = new_form("annual", today=dt.date(2025, 12, 1))
    form.update(unit="甲单位", title=title, opening=opening, sections_form="list" if listed else "mapping")
    form["sections"][0].update(heading=heading, text=text, points=points, entries=copy.deepcopy(entries))
    once = form_yaml(check_form(form)).text
    loaded = load_form(once.encode(), "x.yaml").form
    twice = form_yaml(loaded).text
    assert load_form(twice.encode(), "y.yaml").form == loaded
    assert api.draft_bytes(once, "md").data == api.draft_bytes(twice, "md").data


# -- where a field is ------------------------------------------------------------------------------

def test_each_field_knows_its_line_and_bad_input_names_its_field():
    form = a_form()
    written = form_yaml(form)
    lines = written.text.split("\n")
    assert lines[written.lines["unit"] - 1] == "单位: 县供销社党支部"
    heading = written.lines["sections.0.entries.1.heading"]
    assert lines[heading - 1].strip() == "- 标题: 夯实组织基础"
    assert written.path_at(heading) == "sections.0.entries.1.heading"
    assert written.path_at(heading + 1) == "sections.0.entries.1.points"
    for name, value, message in (("date", "2025-13-45", "日期"), ("year", "二五年", "年"), ("unit", "", "单位")):
        bad = copy.deepcopy(form)
        bad[name] = value
        saved = form_yaml(bad)
        with pytest.raises(DrafterError) as caught:
            api.preview(saved.text)
        assert saved.path_at(caught.value.line) == name and message in caught.value.message


def test_the_browser_form_is_checked_for_shape():
    form = a_form()
    for change, path in (
        (lambda f: f.update(kind="monthly"), "kind"),
        (lambda f: f.update(extra=1), ""),
        (lambda f: f["sections"][1].update(role="achievements"), "sections.1.role"),
        (lambda f: f["sections"][0]["entries"][0].update(heading=["列表"]), "sections.0.entries.0.heading"),
        (lambda f: f["sections"][0]["entries"][0]["children"][0].update(
            children=[{"heading": "四级", "children": [{"heading": "五级"}]}]),
         "sections.0.entries.0.children.0.children.0.children.0"),
    ):
        bad = copy.deepcopy(form)
        change(bad)
        with pytest.raises(DrafterError) as caught:
            check_form(bad)
        assert caught.value.key == path and caught.value.message.startswith("表单数据有误")


def test_field_paths_of_check_findings():
    form = a_form()
    assert field_path(form, ["achievements", 1, "points"]) == "sections.0.entries.1.points"
    assert field_path(form, {"role": "problems", "entry": None, "field": "points"}) == "sections.1.points"
    assert field_path(form, "plans.0.text") == "sections.3.entries.0.text"
    assert field_path(form, "title") == "title"
    assert field_path(form, ["experience", 0, "text"]) is None  # no such part in this form
    assert field_path(form, 12) is None


# -- new forms and hints --------------------------------------------------------------------------

def test_a_new_form_follows_the_kinds_skeleton_or_the_common_one():
    skeletons = {s["kind"]: [x["role"] for x in s["sections"]] for s in api.skeletons()}
    for kind in ("annual", "half_year", "debrief"):
        assert [s["role"] for s in new_form(kind)["sections"]] == skeletons[kind]
    assert [s["role"] for s in new_form("工作报告")["sections"]] == ["achievements", "problems", "plans"]
    assert new_form("annual", today=dt.date(2026, 2, 1))["year"] == "2025"  # early in the year: last year's


def test_changing_the_kind_keeps_what_is_written():
    form = a_form()
    changed = change_kind(form, "debrief")
    roles = [s["role"] for s in changed["sections"]]
    debrief = [x["role"] for x in api.skeletons(kind="debrief")[0]["sections"]]
    assert roles[:len(debrief)] == debrief or set(debrief) <= set(roles)
    assert changed["sections"][roles.index("achievements")]["entries"] == form["sections"][0]["entries"]
    assert "causes" not in roles or "causes" in debrief  # the empty part the new kind lacks is gone
    assert changed["unit"] == form["unit"] and changed["kind"] == "debrief"


def test_hints_are_what_a_draft_of_empty_fields_says():
    hints = form_hints("annual", "2025", "县供销社党支部")
    form = check_form(new_form("annual", today=dt.date(2025, 12, 1)) | {"unit": "县供销社党支部"})
    doc = api.draft_bytes(form_yaml(form).text).report.document
    assert hints["title"] == doc.title and hints["opening"] == doc.opening
    assert hints["headings"]["plans"][0] == "2026年工作计划" == doc.sections[-1].heading
    assert hints["common"] is False and hints["roles"] == [s["role"] for s in form["sections"]]
    assert all(isinstance(t, str) for texts in hints["subheadings"].values() for t in texts)
    common = form_hints("experience", 2025)
    assert common["common"] is True and "XX单位" in common["title"]


TABLES = """\
kind: annual
unit: 甲单位
year: 2025
sections:
  achievements:
    - heading: 主要指标完成情况
      text: [全年各项指标完成情况见下表。, 另有说明。]
      table:
        title: 2025年主要指标完成情况表
        rows:
          - [指标, 年度目标, 完成情况]
          - [发展党员, 3名, X名]
    - 前一段。
    - 表格:
        - [项目, 次数]
        - [集中学习, 12]
    - 后一段。
  problems:
    table: [[问题, 整改], [学习不深, 已整改]]
"""


def test_tables_in_the_form_draft_where_the_fill_file_puts_them(tmp_path):
    """An entry's table follows its own paragraphs; a table written alone in a list
    follows the paragraphs before it; a part's table follows the part's text."""
    source = tmp_path / "tables.yaml"
    source.write_text(TABLES, encoding="utf-8")
    form = load_form(TABLES.encode(), "tables.yaml").form
    first = form["sections"][0]["entries"][0]
    assert first["table"] == {"title": "2025年主要指标完成情况表",
                              "rows": [["指标", "年度目标", "完成情况"], ["发展党员", "3名", "X名"]], "notes": {}}
    assert [e["table"] is not None for e in form["sections"][0]["entries"]] == [True, False, True, False]
    assert form["sections"][1]["table"]["rows"][1] == ["学习不深", "已整改"]
    saved = tmp_path / "saved.yaml"
    text = form_yaml(check_form(form)).text
    saved.write_text(text, encoding="utf-8")
    assert "表格:" in text and "行:" in text and "\ntable" not in text
    assert drafted(saved, tmp_path, "a.docx") == drafted(source, tmp_path, "b.docx")
    assert load_form(text.encode(), "saved.yaml").form == form


def test_a_table_added_in_the_page_drafts_and_empty_rows_are_left_out(tmp_path):
    form = a_form()
    form["sections"][0]["entries"][1]["table"] = {"title": "", "rows": [["支部", "次数"], ["", ""], ["一支部"]]}
    form["sections"][1]["table"] = {"title": "只有表题", "rows": []}  # nothing to draft yet
    checked = check_form(form)
    doc = api.draft_bytes(form_yaml(checked).text).report.document
    table = doc.sections[0].children[1].tables[0]
    assert table.rows == [["支部", "次数"], ["一支部", ""]] and doc.sections[1].tables == []
    bad = copy.deepcopy(form)
    bad["sections"][0]["table"] = {"rows": "不是列表"}
    with pytest.raises(DrafterError) as caught:
        check_form(bad)
    assert caught.value.key == "sections.0.table.rows"
