"""Drafting: fill → skeleton → sandboxed Jinja2 layout → Document → writers.

Documents are read back from the .docx we write (python-docx) or parsed with
the outline parser; the bank is a small one written here, so each expectation
follows from what the test itself says.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.text import WD_COLOR_INDEX

from drafter import api
from drafter.cli import main
from drafter.drafting import build_document, draft
from drafter.drafting.formats import resolve_format
from drafter.drafting.layout import layout_environment, one_field, read_layout, template_folders
from drafter.errors import DrafterError
from drafter.model import Document
from drafter.parsing import parse_file
from bank_files import write_bank

SKELETONS = """\
version: 1
skeletons:
- kind: annual
  docs: 3
  sections:
  - role: achievements
    share: 1.0
    headings:
    - {text: 主要工作开展情况, template: 主要工作开展情况, count: 3}
    l2: 4
    items: 0
    points: items
  - role: problems
    share: 1.0
    headings:
    - {text: 存在的主要问题, template: 存在的主要问题, count: 2}
    l2: 0
    items: 3
    points: items
  - role: plans
    share: 1.0
    headings:
    - {text: 下步打算, template: 下步打算, count: 1}
    - {text: 2024年工作计划, template: '{{ next_year }}年工作计划', count: 2}
    l2: 3
    items: 0
    points: numbered
  openings:
  - {template: '现将{{ unit }}{{ year }}年工作总结如下：', count: 2}
  closings: []
- kind: half_year
  docs: 1
  sections:
  - role: achievements
    share: 1.0
    headings:
    - {text: 上半年工作开展情况, template: 上半年工作开展情况, count: 1}
    l2: 3
    items: 0
    points: items
  - role: plans
    share: 1.0
    headings:
    - {text: 下一步工作重点, template: 下一步工作重点, count: 1}
    l2: 0
    items: 3
    points: items
  openings: []
  closings: []
"""

PHRASES = """\
version: 1
phrases:
- {text: 党建与业务融合不够紧密, type: sentence, roles: [problems]}
- {text: 三会一课, type: term, roles: [problems, plans]}
- {text: 理论学习不够系统, type: sentence, roles: [problems]}
- {text: 以…为抓手, type: pattern, roles: [problems, plans]}
- {text: 组织生活质量不高, type: sentence, roles: [problems]}
- {text: 强化思想引领, type: heading, roles: [achievements]}
"""

BASIC = """\
kind: annual
unit: 市水利局机关党委
year: 2025
date: 2025-12-20
"""


@pytest.fixture()
def bank(tmp_path) -> Path:
    return write_bank(tmp_path / "bank", SKELETONS, PHRASES)


def write_fill(tmp_path: Path, text: str, name: str = "fill.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def docx_paragraphs(path: Path) -> list[str]:
    # a manual line break (a long title in two lines) is layout, not text
    return [p.text.replace("\n", "") for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def highlighted(path: Path) -> list[str]:
    """Text of every highlighted run, neighbouring runs of a paragraph joined."""
    found = []
    for paragraph in docx.Document(str(path)).paragraphs:
        run_text = ""
        for run in paragraph.runs:
            if run.font.highlight_color == WD_COLOR_INDEX.YELLOW:
                run_text += run.text
            elif run_text:
                found.append(run_text)
                run_text = ""
        if run_text:
            found.append(run_text)
    return found


def drafted(tmp_path, bank, text: str, out: str = "out.docx"):
    fill = write_fill(tmp_path, text)
    report = draft(fill, tmp_path / out, bank_dir=bank)
    return report, tmp_path / out


# -- user text is data ---------------------------------------------------------------

INJECTION = BASIC + """\
title: "{{ 7*7 }}年{% if true %}标题{% endif %}"
sections:
  achievements:
    - heading: "{{ year }}{# 注释 #}"
      text: "{{ ''.__class__.__mro__ }} 与 {% raw %} 和 {{ 7*7 }}"
      points: ["{% for x in range(3) %}{{ x }}{% endfor %}"]
"""


def test_template_syntax_in_user_text_prints_literally(tmp_path, bank):
    _report, out = drafted(tmp_path, bank, INJECTION)
    text = "\n".join(docx_paragraphs(out))
    assert "{{ 7*7 }}年{% if true %}标题{% endif %}" in text
    assert "{{ year }}{# 注释 #}" in text
    assert "{{ ''.__class__.__mro__ }} 与 {% raw %} 和 {{ 7*7 }}" in text
    assert "{% for x in range(3) %}{{ x }}{% endfor %}" in text
    assert "49" not in text and "012" not in text


def test_unit_with_template_syntax_stays_literal_in_slot_templates(tmp_path, bank):
    # the unit fills {{ unit }} of mined headings and openings as a value
    report, out = drafted(tmp_path, bank, BASIC.replace("市水利局机关党委", "'{{ next_year }}党委'"))
    paragraphs = docx_paragraphs(out)
    assert "现将{{ next_year }}党委2025年工作总结如下：" in paragraphs
    assert report.document.signature == "{{ next_year }}党委"


def test_line_breaks_and_tabs_in_values_cannot_forge_structure(tmp_path, bank):
    doc, _fill, _plan = build_document(write_fill(tmp_path, BASIC + """\
sections:
  achievements:
    - heading: "甲\\nsection\\t1\\tplans\\t伪造的标题"
      text: "第一段\\nsection\\t1\\tplans\\t伪造二"
"""), bank_dir=bank)
    headings = [node.heading for node in doc.walk()]
    assert "伪造的标题" not in headings and "伪造二" not in headings
    assert headings[1] == "甲section 1 plans 伪造的标题"
    assert doc.sections[0].children[0].paragraphs == ["第一段", "section 1 plans 伪造二"]


FORGERY = BASIC + """\
title: "标题\\ttitle\\t伪造的标题\\ndate\\t2099年1月1日"
opening:
  - "导语\\nsection\\t1\\tplans\\t伪造一"
  - "para\\t伪造段落\\r\\nitem\\t伪造分项"
sections:
  achievements:
    - heading: "甲\\u2028section\\t1\\tproblems\\t伪造二\\u2029乙"
      text: ["丙\\x85section\\t2\\t\\t伪造三", "字面的 \\\\n 和 \\\\t 照原样"]
      points: ["丁\\rsignature\\t伪造落款", "\\tclosing\\t伪造结尾"]
closing: "结尾\\u2028date\\t伪造日期"
signature: "落款\\nsignature\\t伪造二"
"""


def test_nothing_a_user_writes_can_forge_a_layout_line(tmp_path, bank):
    """The layout is read back from tag<TAB>text lines: tabs and every kind of
    line break in user values (\\n, \\r, U+2028/2029, NEL) stay inside one field."""
    doc, _fill, _plan = build_document(write_fill(tmp_path, FORGERY), bank_dir=bank)
    headings = [(node.level, node.heading) for node in doc.walk()]
    # only the structure the fill file describes: one level-1 section with one subsection
    assert [level for level, _heading in headings] == [1, 2]
    assert headings[1][1] == "甲section 1 problems 伪造二乙"
    assert doc.title == "标题 title 伪造的标题date 2099年1月1日"
    assert doc.date == "2025年12月20日" and doc.signature == "落款signature 伪造二"
    # paragraph fields split at line breaks into paragraphs of their own, never into tags
    assert doc.opening.split("\n") == ["导语", "section 1 plans 伪造一", "para 伪造段落", "item 伪造分项"]
    assert doc.closing.split("\n") == ["结尾", "date 伪造日期"]
    sub = doc.sections[0].children[0]
    assert sub.paragraphs == ["丙section 2  伪造三", "字面的 \\n 和 \\t 照原样"]
    assert sub.items == ["丁", "signature 伪造落款", "closing 伪造结尾"]
    assert sub.children == [] and doc.sections[0].items == []


def test_forged_lines_reach_the_docx_as_plain_text(tmp_path, bank):
    _report, out = drafted(tmp_path, bank, FORGERY)
    paragraphs = docx_paragraphs(out)
    assert paragraphs[0] == "标题 title 伪造的标题date 2099年1月1日"
    assert paragraphs[-1] == "2025年12月20日" and paragraphs[-2] == "落款signature 伪造二"
    assert not any("\t" in p for p in paragraphs)
    assert sum(p.startswith("一、") for p in paragraphs) == 1 and sum(p.startswith("二、") for p in paragraphs) == 0


@pytest.mark.parametrize("value", [
    "{{ 7*7 }}", "{% if true %}是{% endif %}", "{# 注释 #}", "{{", "}}", "{%", "{#", "{% raw %}",
    "{%- endraw %}", "{{ lipsum.__globals__ }}", "{{ self }}", "${x} %(x)s {0}",
])
def test_template_syntax_anywhere_prints_literally(tmp_path, bank, value):
    quoted = value.replace("'", "''")
    fill = write_fill(tmp_path, f"""\
kind: annual
unit: '单位{quoted}'
year: 2025
title: '标题{quoted}'
opening: '导语{quoted}'
sections:
  achievements:
    - heading: '标题{quoted}'
      text: '段落{quoted}'
      points: ['要点{quoted}']
closing: '结尾{quoted}'
signature: '落款{quoted}'
date: 2025-12-20
""")
    report = draft(fill, tmp_path / "out.docx", bank_dir=bank)
    text = "\n".join(docx_paragraphs(tmp_path / "out.docx"))
    for label in ("标题", "导语", "段落", "要点", "结尾", "落款"):
        assert f"{label}{value}" in text, label
    assert "49" not in text
    assert report.document.signature == f"落款{value}"


def test_control_characters_anywhere_never_crash(tmp_path, bank):
    controls = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9f, 0xfffe, 0xffff])
    escaped = "".join(f"\\u{ord(c):04x}" for c in controls)
    fill = write_fill(tmp_path, BASIC + f"""\
title: "标{escaped}题"
sections:
  achievements:
    - heading: "小{escaped}标题"
      text: "正{escaped}文"
      points: ["要{escaped}点"]
signature: "落{escaped}款"
""")
    for name in ("out.docx", "out.md", "out.txt"):
        report = draft(fill, tmp_path / name, bank_dir=bank)
        assert report.document.title == "标题" and report.document.signature == "落款"
        assert any("控制字符" in warning for warning in report.warnings)
    paragraphs = docx_paragraphs(tmp_path / "out.docx")
    assert {"标题", "（一）小标题", "正文", "一是要点", "落款"} <= set(paragraphs)


def test_one_field_folds_lines_idempotently():
    assert one_field("甲\n乙\t丙") == "甲乙 丙"
    assert one_field(one_field("甲\n乙\t丙")) == one_field("甲\n乙\t丙")
    assert one_field(None) == ""


def test_layout_runs_in_a_sandbox(tmp_path, bank):
    from jinja2.sandbox import SandboxedEnvironment

    assert isinstance(layout_environment(template_folders(bank)), SandboxedEnvironment)
    # a hand-edited bank template reaching for Python internals is refused, not run
    (bank / "document.j2").write_text("title\t{{ ''.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    layout_environment.cache_clear()
    with pytest.raises(DrafterError, match="不允许"):
        build_document(write_fill(tmp_path, BASIC), bank_dir=bank)
    layout_environment.cache_clear()


def test_bank_template_overrides_and_bad_template_output_is_reported(tmp_path, bank):
    (bank / "annual.j2").write_text("title\t自定义{{ year }}\nsection\t1\tplans\t甲\nbogus\tline\n", encoding="utf-8")
    layout_environment.cache_clear()
    with pytest.raises(DrafterError, match="无法识别"):
        build_document(write_fill(tmp_path, BASIC), bank_dir=bank)
    (bank / "annual.j2").write_text("title\t自定义{{ year }}\nsection\t1\tplans\t甲\npara\t乙\n", encoding="utf-8")
    doc, _fill, _plan = build_document(write_fill(tmp_path, BASIC), bank_dir=bank)
    layout_environment.cache_clear()
    assert doc.title == "自定义2025" and doc.sections[0].paragraphs == ["乙"]


def test_read_layout_nests_sections_by_level():
    doc = read_layout("title\tT\nopening\tO\nsection\t1\tplans\tA\npara\tp\nsection\t3\t\tB\n"
                      "item\ti\nsection\t2\t\tC\nsection\t1\tproblems\tD\nclosing\tE\n", Document())
    assert [(s.level, s.heading) for s in doc.sections] == [(1, "A"), (1, "D")]
    assert [(s.level, s.heading) for s in doc.sections[0].children] == [(3, "B"), (2, "C")]
    assert doc.sections[0].children[0].items == ["i"]
    assert (doc.title, doc.opening, doc.closing) == ("T", "O", "E")


# -- numbering is generated ----------------------------------------------------------------

def test_numbering_is_generated_and_typed_markers_are_stripped(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC + """\
sections:
  achievements:
    - heading: 一、学思想，推进学习教育
      points: [一是召开会议12次, 二是制定方案3个]
    - heading: （二）强化组织建设
      children:
        - heading: 1.规范组织生活
          text: 严格落实组织生活制度。
""")
    paragraphs = docx_paragraphs(out)
    assert "一、主要工作开展情况" in paragraphs
    assert "（一）学思想，推进学习教育" in paragraphs
    assert "一是召开会议12次" in paragraphs and "二是制定方案3个" in paragraphs
    assert "（二）强化组织建设" in paragraphs
    assert "1.规范组织生活。严格落实组织生活制度。" in paragraphs
    assert not any("一、一、" in p or "（一）一、" in p or "一是一是" in p for p in paragraphs)
    stripped = [w for w in report.warnings if "序号" in w]
    assert len(stripped) == 5 and stripped[0].startswith("第 7 行")


def test_points_render_as_numbered_paragraphs_when_the_skeleton_says_so(tmp_path, bank):
    _report, out = drafted(tmp_path, bank, BASIC + """\
sections:
  plans:
    points:
      - 压实主体责任。每季度专题研究党建工作。
      - 深化理论武装
""")
    paragraphs = docx_paragraphs(out)
    assert "1.压实主体责任。每季度专题研究党建工作。" in paragraphs
    assert "2.深化理论武装" in paragraphs
    parsed = parse_file(out)
    plans = parsed.sections[0]
    assert [(c.level, c.heading) for c in plans.children] == [(3, "压实主体责任"), (3, "深化理论武装")]


def test_strings_become_items_where_the_skeleton_writes_items(tmp_path, bank):
    _report, out = drafted(tmp_path, bank, BASIC + """\
sections:
  problems:
    - 理论学习不够系统。
    - 二是组织生活质量不高。
  achievements:
    - 全年召开会议12次。
""")
    paragraphs = docx_paragraphs(out)
    assert "一是理论学习不够系统。" in paragraphs and "二是组织生活质量不高。" in paragraphs
    assert "全年召开会议12次。" in paragraphs  # achievements are written as paragraphs


def test_text_after_a_subheading_moves_before_it_with_a_warning(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC + """\
sections:
  achievements:
    - heading: 甲
      text: 甲的内容。
    - 写在后面的段落。
""")
    paragraphs = docx_paragraphs(out)
    assert paragraphs.index("写在后面的段落。") < paragraphs.index("（一）甲")
    assert any(w.startswith("第 9 行") and "移到" in w for w in report.warnings)


# -- defaults from the skeleton --------------------------------------------------------------

def test_headings_title_opening_signature_come_from_skeleton_and_templates(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC + "sections:\n  plans: [加强学习]\n  experience: [体会]\n")
    paragraphs = docx_paragraphs(out)
    assert paragraphs[0] == "2025年市水利局机关党委党建工作总结"
    assert paragraphs[1] == "现将市水利局机关党委2025年工作总结如下："
    # most common wording, year slot filled: drafting 2025 gives 2026
    assert "一、2026年工作计划" in paragraphs
    # a role the skeleton does not have: the template's fallback heading
    assert "二、经验体会" in paragraphs
    assert paragraphs[-2:] == ["市水利局机关党委", "2025年12月20日"]
    assert report.document.kind == "annual"


def test_mapping_form_follows_the_skeleton_order(tmp_path, bank):
    doc, _fill, plan = build_document(write_fill(tmp_path, BASIC + """\
sections:
  plans: [甲]
  achievements: [乙]
  problems: [丙]
"""), bank_dir=bank)
    assert [s.role for s in doc.sections] == ["achievements", "problems", "plans"]
    assert not plan.warnings


def test_missing_expected_section_is_warned_not_invented(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC + "sections:\n  achievements: [甲]\n")
    assert [s.role for s in report.document.sections] == ["achievements"]
    assert any("存在问题" in w for w in report.warnings) and any("下步计划" in w for w in report.warnings)


def test_half_year_uses_its_own_skeleton(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC.replace("annual", "half_year") + "sections:\n  plans: [甲, 乙]\n")
    paragraphs = docx_paragraphs(out)
    assert paragraphs[0] == "市水利局机关党委2025年上半年党建工作情况汇报"
    assert "现将2025年上半年工作情况汇报如下：" in paragraphs
    assert "一、下一步工作重点" in paragraphs and "一是甲" in paragraphs


def test_list_form_reads_roles_from_headings_when_not_given(tmp_path, bank):
    doc, _fill, _plan = build_document(write_fill(tmp_path, BASIC + """\
sections:
  - heading: 强化思想引领，加强政治建设
    text: 甲
  - heading: 存在的不足
    text: 乙
  - heading: 下一步工作打算
    text: 丙
"""), bank_dir=bank)
    assert [s.role for s in doc.sections] == ["achievements", "problems", "plans"]


def test_the_shipped_bank_fills_the_year_slot(tmp_path):
    from drafter.bank import load_skeletons
    from drafter.drafting.skeleton import SkeletonGuide

    guide = SkeletonGuide.for_kind(load_skeletons(), "annual")
    expected = guide.heading("plans", year=2025, unit="甲")
    assert "{{" not in expected and "next_year" not in expected
    report = draft(write_fill(tmp_path, BASIC + "sections:\n  plans: [加强学习]\n"), tmp_path / "o.docx")
    assert report.document.sections[0].heading == expected


# -- gaps and placeholders ---------------------------------------------------------------------

def test_empty_section_keeps_its_heading_and_gets_highlighted_suggestions(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC + "sections:\n  achievements: [甲]\n  problems:\n")
    paragraphs = docx_paragraphs(out)
    at = paragraphs.index("二、存在的主要问题")
    gap = paragraphs[at + 1]
    assert gap.startswith("【待补充】")
    # 2–3 suggestions of that role, best first, whole sentences before patterns for
    # problems; never a bare term
    assert "党建与业务融合不够紧密；理论学习不够系统；组织生活质量不高" in gap and "三会一课" not in gap
    assert gap in highlighted(out)
    assert report.gaps == ["存在的主要问题"]
    assert "待补充 1 处（存在的主要问题）" in str(report)


def test_several_gaps_of_one_role_show_different_suggestions(tmp_path, bank):
    doc, _fill, _plan = build_document(write_fill(tmp_path, BASIC + """\
sections:
  problems:
    - heading: 甲
    - heading: 乙
"""), bank_dir=bank)
    first, second = (child.paragraphs[0] for child in doc.sections[0].children)
    assert "党建与业务融合不够紧密" in first and "组织生活质量不高" in first
    assert second.index("以…为抓手") < second.index("党建与业务融合不够紧密")  # the unused one first


def test_gap_without_phrases_still_says_what_is_missing(tmp_path, bank):
    _report, out = drafted(tmp_path, bank, BASIC + "sections:\n  causes:\n")
    assert "【待补充】请补充“原因分析”方面的内容。" in docx_paragraphs(out)


def test_no_sections_lists_the_skeleton_as_gaps(tmp_path, bank):
    report, _out = drafted(tmp_path, bank, BASIC)
    assert [s.heading for s in report.document.sections] == ["主要工作开展情况", "存在的主要问题", "2026年工作计划"]
    assert len(report.gaps) == 3


def test_missing_date_is_a_visible_gap(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC.replace("date: 2025-12-20\n", "") + "sections:\n  plans: [甲]\n")
    assert docx_paragraphs(out)[-1] == "【待补充】"
    assert "成文日期" in report.gaps


def test_placeholders_in_user_text_are_highlighted_and_counted(tmp_path, bank):
    report, out = drafted(tmp_path, bank, BASIC + """\
sections:
  achievements:
    - 全年开展学习X次，XX中心参加。
    - 某某同志、×××书记和___部门到场。
""")
    marks = highlighted(out)
    for placeholder in ("X", "XX", "某某", "×××", "___"):
        assert placeholder in marks
    assert sorted(report.placeholders) == sorted(["X", "XX", "某某", "×××", "___"])
    assert "占位符 5 处" in str(report)


def test_gap_suggestions_lose_their_own_end_punctuation(tmp_path, bank):
    (bank / "phrases.yaml").write_text(PHRASES.replace("理论学习不够系统", "理论学习不够系统。")
                                       .replace("党建与业务融合不够紧密", "党建与业务融合不够紧密；"), encoding="utf-8")
    _report, out = drafted(tmp_path, bank, BASIC + "sections:\n  achievements: [甲]\n  problems:\n")
    gap = next(p for p in docx_paragraphs(out) if p.startswith("【待补充】"))
    assert "参考写法（请改写）：党建与业务融合不够紧密；理论学习不够系统；组织生活质量不高。" in gap
    assert "。；" not in gap and "；；" not in gap and "。。" not in gap


def test_complete_fill_reports_no_gaps_and_counts(tmp_path, bank):
    report, _out = drafted(tmp_path, bank, BASIC + "sections:\n  achievements: [全年召开会议十二次。]\n")
    summary = str(report)
    assert report.gaps == [] and report.placeholders == []
    assert report.sections == 1 and "一级标题 1 个" in summary
    assert "待补充 0 处" in summary and "占位符 0 处" in summary
    expected = sum(len(t) for t in ["2025年市水利局机关党委党建工作总结", "现将市水利局机关党委2025年工作总结如下：",
                                    "主要工作开展情况", "全年召开会议十二次。", "市水利局机关党委", "2025年12月20日"])
    assert report.characters == expected and f"正文 {expected} 字" in summary


def test_control_characters_never_crash_the_writer(tmp_path, bank):
    fill = tmp_path / "fill.yaml"
    fill.write_bytes((BASIC + 'sections:\n  achievements:\n    - "甲\\x0c乙\\x1b丙"\n    - 丁\x08戊\n').encode())
    report = draft(fill, tmp_path / "out.docx", bank_dir=bank)
    assert "甲乙丙" in docx_paragraphs(tmp_path / "out.docx")
    assert "丁戊" in docx_paragraphs(tmp_path / "out.docx")
    assert sum("控制字符" in w for w in report.warnings) == 2


# -- output formats -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, fmt, expected", [
    ("out.docx", None, "docx"), ("out.MD", None, "md"), ("out.markdown", None, "md"),
    ("out.txt", None, "txt"), ("out.docx", "txt", "txt"), ("noext", "md", "md"),
])
def test_format_from_option_or_extension(name, fmt, expected):
    assert resolve_format(name, fmt)[0] == expected


@pytest.mark.parametrize("name, message", [("out.pdf", ".pdf"), ("out.doc", ".docx"), ("out", "扩展名")])
def test_unknown_extension_without_format_is_an_error(name, message):
    with pytest.raises(DrafterError, match=message):
        resolve_format(name, None)


def test_bad_format_option_through_the_api():
    with pytest.raises(DrafterError, match="pdf"):
        resolve_format("out.docx", "pdf")


def test_md_and_txt_outputs_hold_the_text(tmp_path, bank):
    fill = write_fill(tmp_path, BASIC + "sections:\n  achievements: [\"全年召开会议{{ 7*7 }}次。\"]\n")
    draft(fill, tmp_path / "out.md", bank_dir=bank)
    draft(fill, tmp_path / "out.txt", bank_dir=bank)
    draft(fill, tmp_path / "forced.docx", fmt="txt", bank_dir=bank)
    assert "一、主要工作开展情况" in (tmp_path / "out.md").read_text(encoding="utf-8")
    plain = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "全年召开会议{{ 7*7 }}次。" in plain
    assert (tmp_path / "forced.docx").read_text(encoding="utf-8") == plain


def test_output_cannot_be_the_fill_file(tmp_path, bank):
    fill = write_fill(tmp_path, BASIC)
    before = fill.read_bytes()
    with pytest.raises(DrafterError, match="同一个文件"):
        draft(fill, fill, fmt="txt", bank_dir=bank)
    assert fill.read_bytes() == before


# -- bad input: exit code 2, one line, nothing written ------------------------------------------------

BAD_FILLS = {
    "yaml_syntax": ("kind: annual\nunit: 甲: 乙\nyear: 2025\n", ["第 2 行第 8 列", "YAML"]),
    "unknown_key": (BASIC + "sectoins:\n  plans: [甲]\n", ["第 5 行", "sectoins", "sections"]),
    "unknown_alias": (BASIC + "正问:\n  plans: [甲]\n", ["第 5 行", "正问", "正文"]),
    "wrong_type": ("kind: annual\nunit: 甲\nyear: 明年\n", ["第 3 行", "year", "明年"]),
    "unknown_kind": ("kind: monthly\nunit: 甲\nyear: 2025\n", ["第 1 行", "monthly", "annual", "half_year"]),
    "empty": ("", ["空"]),
    "only_comments": ("# 2025年总结\n# 还没写\n", ["空"]),
    "missing_unit": ("kind: annual\nyear: 2025\n", ["unit", "单位"]),
    "bad_date": (BASIC.replace("2025-12-20", "2025-13-40"), ["第 4 行", "date", "2025-13-40"]),
    "chinese_colon": ("kind：annual\n", ["第 1 行", "冒号"]),
    "tab_indent": ("kind: annual\nunit: 甲\nyear: 2025\nsections:\n\tplans: [甲]\n", ["第 5 行", "Tab"]),
    "list_as_title": (BASIC + "title: [甲, 乙]\n", ["第 5 行", "title", "列表"]),
    "unknown_role": (BASIC + "sections:\n  - heading: 甲\n    role: 成绩\n", ["第 7 行", "成绩"]),
    "too_deep": (BASIC + "sections:\n  plans:\n    - heading: a\n      children:\n        - heading: b\n"
                 "          children:\n            - heading: c\n              children:\n"
                 "                - heading: d\n", ["第 13 行", "四级"]),
}


def bad_input(tmp_path: Path, case: str) -> tuple[Path, list[str]]:
    text, expected = BAD_FILLS[case]
    return write_fill(tmp_path, text), expected + ["fill.yaml"]


def assert_nothing_written(folder: Path, before: set[str], existing: Path, existing_bytes: bytes) -> None:
    assert {p.name for p in folder.iterdir()} == before  # no output, no temp file left
    assert existing.read_bytes() == existing_bytes


@pytest.mark.parametrize("case", sorted(BAD_FILLS))
def test_bad_fill_through_the_api(tmp_path, bank, case):
    fill, expected = bad_input(tmp_path, case)
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"last year's draft")
    before = {p.name for p in tmp_path.iterdir()}
    with pytest.raises(DrafterError) as caught:
        api.draft(fill, tmp_path / "new.docx", bank_dir=bank)
    with pytest.raises(DrafterError):
        api.draft(fill, existing, bank_dir=bank)
    message = str(caught.value)
    assert "\n" not in message
    for part in expected:
        assert part in message
    assert_nothing_written(tmp_path, before, existing, b"last year's draft")


@pytest.mark.parametrize("case", sorted(BAD_FILLS))
def test_bad_fill_through_the_cli(tmp_path, bank, case):
    fill, expected = bad_input(tmp_path, case)
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"last year's draft")
    before = {p.name for p in tmp_path.iterdir()}
    runner = CliRunner()
    for out in (tmp_path / "new.docx", existing):
        result = runner.invoke(main, ["draft", str(fill), "-o", str(out), "--bank", str(bank)])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：")
        assert "Traceback" not in result.output
        for part in expected:
            assert part in lines[0]
    assert_nothing_written(tmp_path, before, existing, b"last year's draft")


def test_missing_fill_file_api_and_cli(tmp_path, bank):
    missing = tmp_path / "nope.yaml"
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"last year's draft")
    for out in (tmp_path / "out.docx", existing):
        with pytest.raises(DrafterError, match="找不到填写文件"):
            api.draft(missing, out, bank_dir=bank)
        result = CliRunner().invoke(main, ["draft", str(missing), "-o", str(out)])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
        assert "nope.yaml" in result.output and "找不到填写文件" in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "out.docx").exists()
    assert existing.read_bytes() == b"last year's draft"


def test_output_that_cannot_be_replaced_stays_byte_identical(tmp_path, bank, monkeypatch):
    """The final rename fails (a file locked by Word, a read-only share): one
    line, exit code 2, the old file intact and no temp file left behind."""
    fill = write_fill(tmp_path, BASIC + "sections:\n  plans: [甲]\n")
    existing = tmp_path / "总结.docx"
    existing.write_bytes(b"opened in Word")

    def refuse(_source, _target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DrafterError, match="无法写入"):
        api.draft(fill, existing, bank_dir=bank)
    result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(existing), "--bank", str(bank)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "总结.docx" in result.output and "Traceback" not in result.output
    assert existing.read_bytes() == b"opened in Word"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank", "fill.yaml", "总结.docx"]


def test_unwritable_output_api_and_cli(tmp_path, bank):
    fill = write_fill(tmp_path, BASIC + "sections:\n  plans: [甲]\n")
    folder_as_output = tmp_path / "already_a_folder.docx"
    folder_as_output.mkdir()
    (folder_as_output / "keep.txt").write_text("keep", encoding="utf-8")
    for out in (tmp_path / "no_such_dir" / "out.docx", folder_as_output):
        with pytest.raises(DrafterError, match="无法写入"):
            api.draft(fill, out, bank_dir=bank)
        result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(out), "--bank", str(bank)])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
        assert "无法写入" in result.output and out.name in result.output
    assert not (tmp_path / "no_such_dir").exists()
    assert [p.name for p in folder_as_output.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["already_a_folder.docx", "bank", "fill.yaml"]


def test_unknown_extension_cli(tmp_path, bank):
    fill = write_fill(tmp_path, BASIC)
    result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(tmp_path / "out.pdf"), "--bank", str(bank)])
    assert result.exit_code == 2 and ".pdf" in result.output and "--format" in result.output
    assert not (tmp_path / "out.pdf").exists()


def test_bad_format_option_cli_is_one_chinese_line(tmp_path, bank):
    fill = write_fill(tmp_path, BASIC)
    existing = tmp_path / "out.docx"
    existing.write_bytes(b"keep")
    result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(existing), "--format", "pdf",
                                       "--bank", str(bank)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "pdf" in lines[0] and "docx" in lines[0]
    assert "Usage" not in result.output and existing.read_bytes() == b"keep"


def test_format_option_accepts_the_documented_spellings_cli(tmp_path, bank):
    fill = write_fill(tmp_path, BASIC + "sections:\n  plans: [甲]\n")
    for spelling, expected in (("DOCX", "Word 文档"), ("word", "Word 文档"), ("markdown", "Markdown"),
                               ("text", "纯文本")):
        result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(tmp_path / f"{spelling}.out"),
                                           "--format", spelling, "--bank", str(bank)])
        assert result.exit_code == 0, result.output
        assert expected in result.output


def test_broken_utf16_fill_cli_is_one_line_and_writes_nothing(tmp_path, bank):
    fill = tmp_path / "fill.yaml"
    fill.write_bytes(b"\xff\xfe\x00")
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"last year's draft")
    result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(existing), "--bank", str(bank)])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and "UTF-8" in lines[0]
    assert "Traceback" not in result.output and "内部错误" not in result.output
    assert existing.read_bytes() == b"last year's draft"


def test_cli_prints_summary_and_warnings(tmp_path, bank):
    fill = write_fill(tmp_path, BASIC + "sections:\n  achievements:\n    - heading: 一、甲\n      text: 乙X次\n")
    result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(tmp_path / "o.md"), "--bank", str(bank)])
    assert result.exit_code == 0
    assert "提示：第 7 行" in result.output and "已生成" in result.output and "占位符 1 处" in result.output
    assert (tmp_path / "o.md").exists()


# -- start-up cost ---------------------------------------------------------------------------------------

def test_drafting_does_not_import_jieba(tmp_path):
    fill = Path(__file__).resolve().parent.parent / "samples" / "annual.yaml"
    script = (
        "import sys\n"
        "from drafter.cli import main\n"
        "from drafter import api\n"
        f"api.draft({str(fill)!r}, {str(tmp_path / 'api.docx')!r})\n"
        "try:\n"
        f"    main(['draft', {str(fill)!r}, '-o', {str(tmp_path / 'cli.docx')!r}])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "assert 'jieba' not in sys.modules and 'rjieba' not in sys.modules, 'jieba imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "api.docx").exists() and (tmp_path / "cli.docx").exists()


def test_help_imports_neither_jieba_nor_jinja(tmp_path):
    """Help stays quick by importing nothing heavy (its time is in bench/, not here)."""
    script = ("import sys\nfrom drafter.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
              "assert 'jieba' not in sys.modules and 'jinja2' not in sys.modules, sorted(sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr
    assert "draft" in result.stdout


def test_a_broken_template_cache_never_fails_the_draft(tmp_path):
    from drafter.drafting.layout import _QuietBytecodeCache

    folder = tmp_path / "cache"
    folder.mkdir()
    env = layout_environment.__wrapped__(template_folders(None))
    env.bytecode_cache = _QuietBytecodeCache(str(folder))
    env.get_template("document.j2")
    assert list(folder.iterdir())  # compiled once, kept
    folder.rename(tmp_path / "gone")  # the cache folder disappears mid-use
    env.cache.clear()
    assert env.get_template("document.j2").render  # loads and compiles without the cache


def test_bank_without_phrases_drafts_gaps_without_suggestions(tmp_path, bank):
    (bank / "phrases.yaml").unlink()
    report, out = drafted(tmp_path, bank, BASIC + "sections:\n  problems:\n")
    assert "【待补充】请补充“存在问题”方面的内容。" in docx_paragraphs(out)


def test_broken_bank_file_is_named_with_its_line(tmp_path, bank):
    (bank / "phrases.yaml").write_text("version: 1\nphrases:\n- {text: 甲, type: 未知}\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        drafted(tmp_path, bank, BASIC + "sections:\n  problems:\n")
    assert "phrases.yaml" in str(caught.value) and caught.value.line == 3
    assert not (tmp_path / "out.docx").exists()


def test_missing_bank_folder_api_and_cli(tmp_path):
    fill = write_fill(tmp_path, BASIC)
    with pytest.raises(DrafterError, match="语库目录不存在"):
        api.draft(fill, tmp_path / "out.docx", bank_dir=tmp_path / "no_bank")
    result = CliRunner().invoke(main, ["draft", str(fill), "-o", str(tmp_path / "out.docx"),
                                       "--bank", str(tmp_path / "no_bank")])
    assert result.exit_code == 2 and "no_bank" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out.docx").exists()


def test_loaded_bank_entries_are_copies(tmp_path):
    from drafter.bank import load_phrases

    first = load_phrases()
    first[0]["text"] = "改掉"
    first[0].setdefault("roles", []).append("x")
    again = load_phrases()
    assert again[0]["text"] != "改掉" and "x" not in again[0]["roles"]


def test_achievement_gaps_suggest_patterns_first_and_skip_weak_ones(tmp_path, bank):
    (bank / "phrases.yaml").write_text("""\
version: 1
phrases:
- {text: 在…上…, type: pattern, roles: [achievements]}
- {text: 以…为抓手, type: pattern, roles: [achievements]}
- {text: 召开会议X次, type: sentence, roles: [achievements]}
- {text: 发挥…作用, type: pattern, roles: [achievements]}
""", encoding="utf-8")
    _report, out = drafted(tmp_path, bank, BASIC + "sections:\n  achievements:\n  problems: [甲]\n")
    gap = next(p for p in docx_paragraphs(out) if p.startswith("【待补充】"))
    assert "参考写法（请改写）：以…为抓手；召开会议X次；发挥…作用。" in gap
