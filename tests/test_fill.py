"""Loading and validating fill files: keys and aliases, types, precise errors,
and the rules applied to the user's strings."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.drafting.fill import FillEntry, Text, load_fill
from drafter.drafting.text_rules import (
    join_lines, split_paragraphs, strip_numbering_marker, strip_xml_invalid, unfold_cjk,
)
from drafter.drafting.fill_keys import ROLE_KEYS, TOP_KEYS, closest_key
from drafter.vocabulary import KINDS as KIND_NAMES
from drafter.errors import DrafterError

KINDS = ["annual", "debrief", "half_year"]

BASIC = """\
kind: annual
unit: 市水利局机关党委
year: 2025
"""


def write(tmp_path: Path, text: str, name: str = "fill.yaml", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def load(tmp_path: Path, text: str):
    return load_fill(write(tmp_path, text), available_kinds=KINDS)


def error_of(tmp_path: Path, text: str) -> DrafterError:
    with pytest.raises(DrafterError) as caught:
        load(tmp_path, text)
    return caught.value


# -- keys and aliases -------------------------------------------------------------

def test_canonical_keys_load_every_field(tmp_path):
    fill = load(tmp_path, BASIC + """\
title: 2025年党建工作总结
opening: 现将工作总结如下：
closing: 新的一年，我们将继续努力。
signature: 市水利局机关党委
date: 2025-12-20
sections:
  achievements:
    - 全年召开会议12次。
""")
    assert fill.kind == "annual" and fill.year == 2025 and fill.unit.value == "市水利局机关党委"
    assert fill.title.value == "2025年党建工作总结"
    assert [t.value for t in fill.opening] == ["现将工作总结如下："]
    assert [t.value for t in fill.closing] == ["新的一年，我们将继续努力。"]
    assert fill.signature.value == "市水利局机关党委"
    assert fill.date == dt.date(2025, 12, 20)
    assert fill.sections_form == "mapping"
    assert fill.sections[0].role == "achievements"
    assert [e.value for e in fill.sections[0].entries] == ["全年召开会议12次。"]


def test_chinese_aliases_give_the_same_fill(tmp_path):
    english = load(tmp_path, BASIC + """\
title: 标题文字
sections:
  problems:
    - heading: 学习不够深入
      text: 正文段落。
      points: [要点甲, 要点乙]
      children:
        - heading: 下级标题
""")
    chinese = load(tmp_path, """\
类型: 年度总结
单位: 市水利局机关党委
年度: 2025
标题: 标题文字
正文:
  存在问题:
    - 标题: 学习不够深入
      内容: 正文段落。
      要点: [要点甲, 要点乙]
      下级:
        - 标题: 下级标题
""")
    assert chinese.kind == english.kind == "annual"
    assert chinese.texts() == english.texts()
    section = chinese.sections[0]
    assert section.role == "problems"
    entry = section.entries[0]
    assert entry.heading.value == "学习不够深入"
    assert [t.value for t in entry.points] == ["要点甲", "要点乙"]
    assert entry.entries[0].heading.value == "下级标题"


def test_every_top_key_and_role_has_a_chinese_alias():
    for keys in (TOP_KEYS, ROLE_KEYS):
        for canonical, aliases in keys.items():
            assert aliases and all(any("\u4e00" <= ch <= "\u9fff" for ch in a) for a in aliases), canonical


def test_kind_accepts_chinese_names():
    assert KIND_NAMES.lookup("述职报告") == "debrief"
    assert KIND_NAMES.lookup("半年汇报") == "half_year"
    assert KIND_NAMES.lookup("Annual") == "annual"
    assert KIND_NAMES.lookup("月报") is None


def test_list_form_keeps_order_headings_and_roles(tmp_path):
    fill = load(tmp_path, BASIC + """\
sections:
  - heading: 强化思想引领
    role: achievements
    text: 段落一。
  - heading: 问题与不足
    角色: 存在问题
    points: [一条]
  - heading: 加强共建帮扶
""")
    assert fill.sections_form == "list"
    assert [s.heading.value for s in fill.sections] == ["强化思想引领", "问题与不足", "加强共建帮扶"]
    assert [s.role for s in fill.sections] == ["achievements", "problems", None]


def test_role_value_may_be_a_mapping_with_its_own_heading(tmp_path):
    fill = load(tmp_path, BASIC + """\
sections:
  plans:
    heading: 2026年工作打算
    children:
      - heading: 压实责任
""")
    plans = fill.sections[0]
    assert plans.role == "plans" and plans.heading.value == "2026年工作打算"
    assert plans.entries[0].heading.value == "压实责任"


def test_empty_role_and_null_items_are_kept_as_empty(tmp_path):
    fill = load(tmp_path, BASIC + "sections:\n  problems:\n  plans:\n    -\n    - 加强学习\n")
    problems, plans = fill.sections
    assert problems.is_empty() and problems.entries == []
    assert [e.value for e in plans.entries] == ["加强学习"]


def test_sections_may_be_left_out(tmp_path):
    assert load(tmp_path, BASIC).sections is None


# -- values are data, kept as written ----------------------------------------------

def test_scalars_are_kept_exactly_as_written(tmp_path):
    fill = load(tmp_path, BASIC + """\
sections:
  achievements:
    - heading: yes
      text: 1.10
    - 2025-01-01
    - "{{ 7*7 }}"
""")
    first, date_like, template = fill.sections[0].entries
    assert first.heading.value == "yes" and first.text[0].value == "1.10"
    assert date_like.value == "2025-01-01"
    assert template.value == "{{ 7*7 }}"


def test_literal_block_gives_one_paragraph_per_line(tmp_path):
    fill = load(tmp_path, BASIC + """\
sections:
  achievements:
    - heading: 标题
      text: |
        第一段。
        第二段。
""")
    assert [t.value for t in fill.sections[0].entries[0].text] == ["第一段。", "第二段。"]


def test_folded_chinese_gets_no_spaces_at_the_folds(tmp_path):
    fill = load(tmp_path, BASIC + """\
opening: >-
  2025年，局机关党委坚持以习近平新时代中国特色社会主义思想为指导，
  扎实开展学习教育，推广 Word 文档模板。
""")
    assert fill.opening[0].value == ("2025年，局机关党委坚持以习近平新时代中国特色社会主义思想为指导，"
                                     "扎实开展学习教育，推广 Word 文档模板。")


def test_folds_between_chinese_and_figures_leave_no_space(tmp_path):
    fill = load(tmp_path, BASIC + """\
opening: >-
  全年组织集中学习
  12次，覆盖党员
  860余人次，推广 Word
  文档模板，增长
  5%。
sections:
  plans:
    - 党员
      32名
""")
    assert fill.opening[0].value == "全年组织集中学习12次，覆盖党员860余人次，推广 Word 文档模板，增长5%。"
    assert fill.sections[0].entries[0].value == "党员32名"


def test_unfold_rule_joins_chinese_and_digits_but_not_latin_words():
    assert unfold_cjk("学习 12次 覆盖 860余人") == ("学习12次覆盖860余人", None)
    assert unfold_cjk("2025 年") == ("2025年", None)
    assert unfold_cjk("推广 Word 10 模板") == ("推广 Word 10模板", None)
    assert unfold_cjk("版本 3 a 4") == ("版本3 a 4", None)


def test_points_as_one_string_give_a_point_per_line(tmp_path):
    fill = load(tmp_path, BASIC + "sections:\n  plans:\n    - heading: 甲\n      points: |\n        一\n        二\n")
    assert [p.value for p in fill.sections[0].entries[0].points] == ["一", "二"]


# -- typed numbering is stripped, with a warning --------------------------------------

@pytest.mark.parametrize("written, kept", [
    ("一、学思想，推进学习教育", "学思想，推进学习教育"),
    ("（二）明职责", "明职责"),
    ("(三) 抓基础", "抓基础"),
    ("1.强化学习", "强化学习"),
    ("１．强化学习", "强化学习"),
    ("2、规范管理", "规范管理"),
    ("（3）加强队伍", "加强队伍"),
    ("一是召开会议", "召开会议"),
    ("十二是加强督导", "加强督导"),
    ("第一，加强领导", "加强领导"),
    ("①建立台账", "建立台账"),
])
def test_typed_markers_are_stripped(written, kept):
    text, warning = strip_numbering_marker(written)
    assert text == kept
    assert warning and "序号" in warning


@pytest.mark.parametrize("text", ["3.5万元资金全部到位", "2025年工作计划", "一体化推进", "十九个支部", "一"])
def test_text_that_only_looks_numbered_is_kept(text):
    assert strip_numbering_marker(text) == (text, None)


def test_markers_in_headings_and_points_warn_with_line(tmp_path):
    fill = load(tmp_path, BASIC + """\
sections:
  achievements:
    - heading: （一）学思想，推进学习教育
      text: 一是段落里的一是不动。
      points:
        - 一是召开会议12次
""")
    entry = fill.sections[0].entries[0]
    assert entry.heading.value == "学思想，推进学习教育"
    assert entry.text[0].value == "一是段落里的一是不动。"
    assert entry.points[0].value == "召开会议12次"
    lines = sorted(line for line, message in fill.warnings if "序号" in message)
    assert lines == [6, 9]


# -- control characters -----------------------------------------------------------

def test_control_characters_in_the_file_are_stripped_with_a_warning(tmp_path):
    fill = load(tmp_path, "kind: annual\nunit: 市水\x01利局\x07\nyear: 2025\n")
    assert fill.unit.value == "市水利局"
    assert any(line == 2 and "U+0001" in message and "U+0007" in message for line, message in fill.warnings)


def test_escaped_control_characters_in_quoted_strings_are_stripped(tmp_path):
    fill = load(tmp_path, BASIC + 'sections:\n  plans:\n    - "加强\\x0b学习\\x1f"\n')
    assert fill.sections[0].entries[0].value == "加强学习"
    assert any(line == 6 and "控制字符" in message for line, message in fill.warnings)


def test_xml_invalid_rule():
    assert strip_xml_invalid("a\x00b\ufffec\td\n") == ("abc\td\n", strip_xml_invalid("a\x00b\ufffec")[1])
    assert strip_xml_invalid("正常文字") == ("正常文字", None)


def test_text_rules_alone():
    assert join_lines("第一行\n  第二行") == ("第一行第二行", None)
    assert split_paragraphs("甲\n\n 乙 \n") == ["甲", "乙"]
    assert unfold_cjk("中文 折行 English words") == ("中文折行 English words", None)


def test_a_stray_nul_byte_is_a_control_character_not_a_binary_file(tmp_path):
    path = tmp_path / "fill.yaml"
    path.write_bytes("kind: annual\nunit: 市水\x00利局\nyear: 2025\n".encode())
    fill = load_fill(path, available_kinds=KINDS)
    assert fill.unit.value == "市水利局"
    assert any(line == 2 and "U+0000" in message for line, message in fill.warnings)


@pytest.mark.parametrize("head", [b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-1.7\n", b"{\\rtf1"])
def test_word_wps_pdf_and_rtf_files_are_refused_as_not_text(tmp_path, head):
    path = tmp_path / "总结.yaml"
    path.write_bytes(head + "kind: annual\n".encode())
    with pytest.raises(DrafterError, match="不是文本文件"):
        load_fill(path)


def test_many_nul_bytes_still_mean_a_binary_file(tmp_path):
    path = tmp_path / "fill.yaml"
    path.write_bytes(b"kind: annual\n" + bytes(200))
    with pytest.raises(DrafterError, match="不是文本文件"):
        load_fill(path)


# -- encodings ------------------------------------------------------------------------

def test_gb18030_file_from_windows_notepad_is_read(tmp_path):
    path = write(tmp_path, BASIC.replace("市水利局机关党委", "县供销社党支部"), encoding="gb18030")
    assert load_fill(path, available_kinds=KINDS).unit.value == "县供销社党支部"


def test_utf8_bom_is_accepted(tmp_path):
    path = write(tmp_path, "\ufeff" + BASIC)
    assert load_fill(path, available_kinds=KINDS).kind == "annual"


# -- errors name file, line, column and key ---------------------------------------------

def test_yaml_syntax_error_has_line_and_column(tmp_path):
    error = error_of(tmp_path, "kind: annual\nunit: 甲: 乙\nyear: 2025\n")
    assert (error.line, error.column) == (2, 8)
    assert "YAML" in error.message and "fill.yaml" in str(error)


def test_tab_indentation_is_explained(tmp_path):
    error = error_of(tmp_path, "kind: annual\nsections:\n\t- 甲\n")
    assert error.line == 3 and "Tab" in error.message


def test_unclosed_quote_is_explained(tmp_path):
    error = error_of(tmp_path, 'kind: annual\nunit: "市水利局\n')
    assert "引号" in error.message


def test_unknown_key_names_the_closest(tmp_path):
    error = error_of(tmp_path, BASIC + "sectoins:\n  plans: [甲]\n")
    assert (error.line, error.column, error.key) == (4, 1, "sectoins")
    assert "“sectoins”" in error.message and "“sections”" in error.message


def test_unknown_chinese_key_names_the_closest_alias(tmp_path):
    error = error_of(tmp_path, BASIC + "正问:\n  plans: [甲]\n")
    assert error.line == 4 and error.key == "正问"
    assert "正文（sections）" in error.message


def test_unknown_role_and_entry_keys_name_the_closest(tmp_path):
    error = error_of(tmp_path, BASIC + "sections:\n  plan: [甲]\n")
    assert error.line == 5 and "“plans”" in error.message
    error = error_of(tmp_path, BASIC + "sections:\n  存在问提: [甲]\n")
    assert "存在问题（problems）" in error.message
    error = error_of(tmp_path, BASIC + "sections:\n  plans:\n    - heading: 甲\n      txet: 乙\n")
    assert (error.line, error.key) == (7, "txet") and "“text”" in error.message


def test_unknown_role_value_in_list_form(tmp_path):
    error = error_of(tmp_path, BASIC + "sections:\n  - heading: 甲\n    role: plan\n")
    assert error.line == 6 and "plans" in error.message


def test_closest_key_helper():
    assert closest_key("sectoins", TOP_KEYS) == "sections"
    assert closest_key("SIGNATUR", TOP_KEYS) == "signature"
    assert closest_key("落欵", TOP_KEYS) == "落款（signature）"


def test_key_written_twice_even_as_alias(tmp_path):
    error = error_of(tmp_path, "kind: annual\nunit: 甲\n单位: 乙\nyear: 2025\n")
    assert error.line == 3 and "第 2 行" in error.message


def test_wrong_year_names_year_and_its_line(tmp_path):
    error = error_of(tmp_path, "kind: annual\nunit: 甲\nyear: 明年\n")
    assert (error.line, error.key) == (3, "year") and "明年" in error.message
    error = error_of(tmp_path, "kind: annual\nunit: 甲\n年度: 1800\n")
    assert error.key == "年度"


def test_year_written_with_nian_is_accepted(tmp_path):
    assert load(tmp_path, "kind: annual\nunit: 甲\nyear: 2025年\n").year == 2025


@pytest.mark.parametrize("written, expected", [
    ("2025-12-20", dt.date(2025, 12, 20)),
    ("2025/7/8", dt.date(2025, 7, 8)),
    ("2025年12月1日", dt.date(2025, 12, 1)),
    ("", None),
])
def test_date_forms(tmp_path, written, expected):
    assert load(tmp_path, BASIC + f"date: {written}\n").date == expected


@pytest.mark.parametrize("written", ["2025-02-30", "明天", "20251220"])
def test_bad_date_names_date_and_line(tmp_path, written):
    error = error_of(tmp_path, BASIC + f"date: {written}\n")
    assert (error.line, error.key) == (4, "date") and written in error.message


def test_unknown_kind_lists_the_available_ones(tmp_path):
    error = error_of(tmp_path, "kind: monthly\nunit: 甲\nyear: 2025\n")
    assert error.line == 1 and "monthly" in error.message
    for kind in KINDS:
        assert kind in error.message


def test_kind_without_a_skeleton_in_the_bank(tmp_path):
    error = error_of(tmp_path, "kind: experience\nunit: 甲\nyear: 2025\n")
    assert "骨架" in error.message and "annual" in error.message


@pytest.mark.parametrize("missing", ["kind", "unit", "year"])
def test_required_keys(tmp_path, missing):
    text = "\n".join(line for line in BASIC.splitlines() if not line.startswith(missing)) + "\n"
    error = error_of(tmp_path, text)
    assert error.key == missing and "缺少" in error.message


def test_wrong_shapes_name_key_and_line(tmp_path):
    error = error_of(tmp_path, BASIC + "sections:\n  plans:\n    - heading: [甲, 乙]\n")
    assert (error.line, error.key) == (6, "heading") and "列表" in error.message
    error = error_of(tmp_path, BASIC + "sections: 一段文字\n")
    assert error.line == 4 and error.key == "sections"
    error = error_of(tmp_path, BASIC + "sections:\n  - 只有一段文字\n")
    assert error.line == 5
    error = error_of(tmp_path, BASIC + "sections:\n  plans:\n    - [甲, 乙]\n")
    assert error.line == 6


def test_too_deep_nesting(tmp_path):
    error = error_of(tmp_path, BASIC + """\
sections:
  plans:
    - heading: 二级
      children:
        - heading: 三级
          children:
            - heading: 四级
              children:
                - heading: 五级
""")
    assert error.line == 12 and "四级" in error.message


def test_top_level_must_be_a_mapping_and_fullwidth_colon_is_named(tmp_path):
    error = error_of(tmp_path, "单位：市水利局\n")
    assert "中文冒号" in error.message
    error = error_of(tmp_path, "- 甲\n- 乙\n")
    assert error.line == 1


@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n# 没有内容\n", "---\n"])
def test_empty_file(tmp_path, text):
    assert "空" in error_of(tmp_path, text).message


def test_two_documents_in_one_file(tmp_path):
    error = error_of(tmp_path, BASIC + "---\n" + BASIC)
    assert error.line == 5


def test_missing_file_directory_and_binary(tmp_path):
    with pytest.raises(DrafterError, match="找不到"):
        load_fill(tmp_path / "nope.yaml")
    with pytest.raises(DrafterError, match="目录"):
        load_fill(tmp_path)
    binary = tmp_path / "word.yaml"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x00\x08" + bytes(range(256)))
    with pytest.raises(DrafterError, match="不是文本文件"):
        load_fill(binary)


def test_fill_texts_lists_every_value(tmp_path):
    fill = load(tmp_path, BASIC + "title: 甲\nsections:\n  plans:\n    - heading: 乙\n      points: [丙]\n    - 丁\n")
    assert fill.texts() == ["市水利局机关党委", "甲", "乙", "丙", "丁"]
    assert isinstance(fill.sections[0].entries[0], FillEntry)
    assert isinstance(fill.sections[0].entries[1], Text)


def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path):
    for codec in ("utf-16", "utf-32"):
        path = write(tmp_path, BASIC, name=f"{codec}.yaml", encoding=codec)
        assert load_fill(path, available_kinds=KINDS).unit.value == "市水利局机关党委"


@pytest.mark.parametrize("raw", [b"\xff\xfe\x00", b"\xfe\xff\xd8\x00\x00\x41"])
def test_a_broken_utf16_file_is_one_error_not_a_crash(tmp_path, raw):
    path = tmp_path / "fill.yaml"
    path.write_bytes(raw)
    with pytest.raises(DrafterError, match="UTF-16.*UTF-8") as caught:
        load_fill(path)
    assert caught.value.path == str(path)
