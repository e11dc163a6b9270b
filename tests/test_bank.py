"""drafter.bank: loading, validating, querying and rendering a bank; hand edits."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter import api
from drafter.characters import terminal_width
from drafter.bank import (PHRASES_FILE, SKELETONS_FILE, dump_phrases, dump_skeletons,
                          load_phrases, load_skeletons, query_phrases, query_skeletons, render_phrase_table,
                          render_skeletons, template_problem)
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.resources import templates_dir

SKELETON = {
    "kind": "annual", "docs": 2,
    "sections": [
        {"role": "achievements", "share": 1.0, "l2": 4, "items": 0, "points": "items",
         "headings": [{"text": "主要工作开展情况", "template": "主要工作开展情况", "count": 2}]},
        {"role": "plans", "share": 0.5, "l2": 0, "items": 5, "points": "items",
         "headings": [{"text": "2024年工作计划", "template": "{{ next_year }}年工作计划", "count": 1}]},
    ],
    "openings": [{"template": "现将{{ year }}年工作总结如下：", "count": 2}],
    "closings": [],
}
PHRASES = [
    {"text": "三会一课", "type": "set_phrase", "roles": ["achievements", "plans"], "count": 12, "docs": 4,
     "topics": ["organization"], "variants": ["“三会一课”制度"], "source": "corpus",
     "examples": [{"doc": "a.txt", "text": "严格执行“三会一课”制度。"}]},
    {"text": "以…为抓手", "type": "pattern", "roles": ["achievements"], "count": 5, "docs": 3, "topics": [],
     "variants": [], "source": "corpus", "examples": [{"doc": "b.txt", "text": "以党建项目立项为抓手。"}],
     "fillers": [{"text": "党建项目立项", "count": 2}]},
    {"text": "党建与业务深度融合不够", "type": "sentence", "roles": ["problems"], "count": 1, "docs": 1,
     "topics": ["integration"], "variants": [], "source": "corpus", "examples": []},
    {"text": "一岗双责", "type": "set_phrase", "roles": ["plans"], "count": 10, "docs": 5, "topics": ["discipline"],
     "variants": [], "source": "corpus", "examples": []},
]
# A bank's own lexicon, so that queries show the bank's entries alone.
EMPTY_LEXICON = "version: 2\nterms: []\n"


@pytest.fixture()
def bank(tmp_path: Path) -> Path:
    (tmp_path / SKELETONS_FILE).write_text(dump_skeletons([SKELETON]), encoding="utf-8")
    (tmp_path / PHRASES_FILE).write_text(dump_phrases(PHRASES), encoding="utf-8")
    (tmp_path / "terms.yaml").write_text(EMPTY_LEXICON, encoding="utf-8")
    return tmp_path


def _break(bank: Path, name: str, old: str, new: str) -> None:
    path = bank / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(bank: Path, name: str, needle: str) -> int:
    lines = (bank / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# -- loading ------------------------------------------------------------------

def test_dumped_bank_loads_back_unchanged(bank):
    assert load_phrases(bank) == PHRASES
    assert load_skeletons(bank) == [SKELETON]


def test_dump_is_stable_and_commented_in_chinese(bank):
    text = (bank / PHRASES_FILE).read_text(encoding="utf-8")
    assert text == dump_phrases(PHRASES)
    assert text.startswith("# 常用语库：由 `drafter mine`")
    assert "{text: 三会一课" not in text and "- text: 三会一课" in text  # one key per line: diffable
    assert (bank / SKELETONS_FILE).read_text(encoding="utf-8").startswith("# 结构骨架库")


def test_shipped_bank_loads():
    assert {s["kind"] for s in load_skeletons()} >= {"annual", "debrief", "half_year"}
    assert any(p["type"] == "set_phrase" for p in load_phrases())
    assert load_phrases(None) == load_phrases(templates_dir())


def test_missing_bank_dir_and_file(tmp_path):
    with pytest.raises(DrafterError) as error:
        load_phrases(tmp_path / "nowhere")
    assert "语库目录不存在" in str(error.value)
    with pytest.raises(DrafterError) as error:
        load_phrases(tmp_path)
    assert error.value.path.endswith(PHRASES_FILE) and "drafter mine" in error.value.message


def test_yaml_syntax_error_names_file_line_and_column(bank):
    line = _line_of(bank, PHRASES_FILE, "type: pattern")
    _break(bank, PHRASES_FILE, "type: pattern", "type: [pattern")
    with pytest.raises(DrafterError) as error:
        load_phrases(bank)
    assert error.value.path == str(bank / PHRASES_FILE)
    assert error.value.line in (line, line + 1)
    assert "YAML" in error.value.message


def test_bad_count_names_line_and_key(bank):
    line = _line_of(bank, PHRASES_FILE, "count: 5")
    _break(bank, PHRASES_FILE, "count: 5", "count: many")
    with pytest.raises(DrafterError) as error:
        load_phrases(bank)
    assert error.value.line == line
    assert error.value.key == "phrases[1].count"
    assert "phrases[1].count" in str(error.value) and f"第 {line} 行" in str(error.value)


def test_unknown_type_and_role_are_named(bank):
    _break(bank, PHRASES_FILE, "type: pattern", "type: formula")
    with pytest.raises(DrafterError) as error:
        load_phrases(bank)
    assert error.value.key == "phrases[1].type" and "formula" in error.value.message
    (bank / PHRASES_FILE).write_text(dump_phrases(PHRASES), encoding="utf-8")
    _break(bank, PHRASES_FILE, "roles: [achievements]", "roles: [achievements, bragging]")
    with pytest.raises(DrafterError) as error:
        load_phrases(bank)
    assert error.value.key == "phrases[1].roles" and "bragging" in error.value.message


def test_missing_text_is_named(bank):
    _break(bank, PHRASES_FILE, "- text: 一岗双责\n", "- \n")
    with pytest.raises(DrafterError) as error:
        load_phrases(bank)
    assert error.value.key == "phrases[3]" and "text" in error.value.message


def test_skeleton_errors_name_the_key(bank):
    _break(bank, SKELETONS_FILE, "share: 0.5", "share: 3")
    with pytest.raises(DrafterError) as error:
        load_skeletons(bank)
    assert error.value.key == "skeletons[0].sections[1].share"
    assert error.value.line == _line_of(bank, SKELETONS_FILE, "share: 3")


def test_unknown_kind_and_version(bank):
    _break(bank, SKELETONS_FILE, "kind: annual", "kind: poem")
    with pytest.raises(DrafterError) as error:
        load_skeletons(bank)
    assert error.value.key == "skeletons[0].kind"
    _break(bank, PHRASES_FILE, "version: 1", "version: 9")
    with pytest.raises(DrafterError) as error:
        load_phrases(bank)
    assert error.value.key == "version"


def test_template_may_only_use_known_slots(bank):
    assert template_problem("现将{{ year }}年{{ unit }}工作总结如下：") is None
    assert "未知的占位符" in template_problem("{{ boss }}同志")
    assert template_problem("{% for x in y %}") is not None
    assert template_problem("现将{{ year 年") is not None
    _break(bank, SKELETONS_FILE, "现将{{ year }}", "现将{{ year.__class__ }}")
    with pytest.raises(DrafterError) as error:
        load_skeletons(bank)
    assert error.value.key == "skeletons[0].openings[0].template"


def test_edited_file_is_reloaded(bank):
    assert len(load_phrases(bank)) == 4
    text = (bank / PHRASES_FILE).read_text(encoding="utf-8")
    (bank / PHRASES_FILE).write_text(text + "- text: 我们自己的提法\n  type: term\n", encoding="utf-8")
    assert load_phrases(bank)[-1]["text"] == "我们自己的提法"


def test_hand_written_entries_get_defaults(bank):
    text = (bank / PHRASES_FILE).read_text(encoding="utf-8")
    (bank / PHRASES_FILE).write_text(text + "- 守正创新\n- text: 以…为引领\n  type: pattern\n  roles: plans\n",
                                     encoding="utf-8")
    bare, pattern = load_phrases(bank)[-2:]
    assert bare == {"text": "守正创新", "type": "set_phrase", "roles": [], "count": 0, "docs": 0, "topics": [],
                    "variants": [], "source": "corpus", "examples": []}
    assert pattern["roles"] == ["plans"] and pattern["type"] == "pattern"


def test_loaded_entries_are_copies(bank):
    load_phrases(bank)[0]["text"] = "changed"
    assert load_phrases(bank)[0]["text"] == "三会一课"


# -- querying -----------------------------------------------------------------

def test_query_filters_keep_file_order(bank):
    assert [p["text"] for p in query_phrases(bank, type="term")] == ["三会一课", "一岗双责"]
    assert [p["text"] for p in query_phrases(bank, role="plans")] == ["三会一课", "一岗双责"]
    assert [p["text"] for p in query_phrases(bank, search="抓手")] == ["以…为抓手"]
    assert [p["text"] for p in query_phrases(bank, top=2)] == ["三会一课", "以…为抓手"]
    assert query_phrases(bank, role="causes") == []


def test_query_rejects_unknown_filters(bank):
    with pytest.raises(DrafterError) as error:
        query_phrases(bank, role="boasting")
    assert error.value.key == "role"
    with pytest.raises(DrafterError):
        query_phrases(bank, type="idiom")
    with pytest.raises(DrafterError):
        query_skeletons(bank, kind="novel")


def test_query_skeletons_by_kind(bank):
    assert [s["kind"] for s in query_skeletons(bank)] == ["annual"]
    assert query_skeletons(bank, kind="annual")[0]["docs"] == 2
    assert query_skeletons(bank, kind="debrief") == []


# -- rendering ------------------------------------------------------------------

def test_display_width_counts_cjk_as_two():
    assert terminal_width("abc") == 3
    assert terminal_width("三会一课") == 8
    assert terminal_width("“三会”") == 6  # curly quotes are ambiguous width: counted narrow


def test_phrase_table_columns_line_up(bank):
    table = render_phrase_table(query_phrases(bank))
    lines = table.splitlines()
    assert lines[0].split() == ["序号", "类型", "来源", "内容", "适用章节", "次数", "篇数"]
    rows = lines[2:-1]
    assert len(rows) == 4 and lines[-1] == "共 4 条"
    # the count column ends at the same display column in every row
    ends = {terminal_width(row.rstrip()) - terminal_width(row.rstrip().split()[-1]) for row in rows}
    assert len({terminal_width(row.rstrip()) for row in rows}) == 1, ends
    assert "提法" in rows[0] and "句式" in rows[1] and "主要工作、下步计划" in rows[0]


def test_phrase_table_cuts_long_text(bank):
    long = [{"text": "很长" * 60, "type": "sentence", "roles": [], "count": 1, "docs": 1, "examples": []}]
    row = render_phrase_table(long, text_width=20).splitlines()[2]
    assert "…" in row and terminal_width(row) < 66


def test_empty_results_are_said_in_chinese():
    assert render_phrase_table([]) == "（没有符合条件的条目）"
    assert render_skeletons([]) == "（没有符合条件的结构骨架）"


def test_skeleton_rendering(bank):
    text = render_skeletons(query_skeletons(bank))
    assert "【年度总结】（annual，据 2 篇范文）" in text
    assert "1. 主要工作" in text and "2. 下步计划" in text
    assert "{{ next_year }}年工作计划" in text and "开头套语" in text


# -- commands -------------------------------------------------------------------

def test_cli_phrases_json_has_the_agreed_keys(bank):
    result = CliRunner().invoke(main, ["phrases", "--bank", str(bank), "--type", "提法", "--json"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert [e["text"] for e in entries] == ["三会一课", "一岗双责"]
    assert all(list(e) == ["text", "type", "roles", "count", "docs", "topics", "variants", "source", "examples",
                           "stale"] for e in entries)
    assert entries == api.phrases(bank, type="set_phrase")
    pattern = json.loads(CliRunner().invoke(main, ["phrases", "--bank", str(bank), "--type", "句式",
                                                   "--json"]).stdout)[0]
    assert pattern["fillers"] == [{"text": "党建项目立项", "count": 2}]


def test_cli_phrases_table_and_filters(bank):
    result = CliRunner().invoke(main, ["phrases", "--bank", str(bank), "--role", "problems", "--top", "5"])
    assert result.exit_code == 0
    assert "党建与业务深度融合不够" in result.output and "三会一课" not in result.output


def test_cli_skeletons_json(bank):
    result = CliRunner().invoke(main, ["skeletons", "--bank", str(bank), "--kind", "annual", "--json"])
    assert result.exit_code == 0, result.output
    (skeleton,) = json.loads(result.stdout)
    assert {"kind", "docs", "sections", "openings", "closings"} <= set(skeleton)
    section = skeleton["sections"][0]
    assert {"role", "share", "headings", "l2", "items"} <= set(section)
    assert set(section["headings"][0]) >= {"text", "count"}
    assert api.skeletons(bank, kind="annual") == [skeleton]


def test_cli_broken_bank_is_one_line_exit_2(bank):
    _break(bank, PHRASES_FILE, "count: 5", "count: -1")
    result = CliRunner().invoke(main, ["phrases", "--bank", str(bank)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "phrases[1].count" in result.output
    assert "Traceback" not in result.output


def test_cli_bad_filter_is_exit_2(bank):
    result = CliRunner().invoke(main, ["skeletons", "--bank", str(bank), "--kind", "novel"])
    assert result.exit_code == 2 and "novel" in result.output


def test_every_command_works_after_hand_edits(tmp_path):
    """Deleting a mined phrase and adding one's own keeps phrases, skeletons and drafting working."""
    bank = tmp_path / "bank"
    shutil.copytree(templates_dir(), bank, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    phrases = load_phrases(bank)
    kept = [p for p in phrases if p["text"] != phrases[0]["text"]]
    text = dump_phrases(kept) + "- text: 我们单位的自创提法\n  type: term\n  roles: [plans]\n"
    (bank / PHRASES_FILE).write_text(text, encoding="utf-8")
    runner = CliRunner()
    listed = runner.invoke(main, ["phrases", "--bank", str(bank), "--search", "自创", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["roles"] == ["plans"]
    assert runner.invoke(main, ["skeletons", "--bank", str(bank)]).exit_code == 0
    fill = tmp_path / "fill.yaml"
    made = runner.invoke(main, ["init", "--kind", "annual", "-o", str(fill), "--bank", str(bank)])
    assert made.exit_code == 0, made.output


def test_bank_module_never_imports_jieba():
    code = ("import sys; import drafter.bank as b; b.load_phrases(); b.render_phrase_table(b.query_phrases(top=3));"
            " print('jieba' in sys.modules or 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
