"""Tables in the fill format, the model and every writer (issue 12)."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import drafter
from drafter.drafting import load_fill
from drafter.errors import DrafterError
from drafter.writers import layout
from word_files import word_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILL = """\
kind: annual
unit: 市档案馆党支部
year: 2025
sections:
  achievements:
    - heading: 主要指标完成情况
      text: 全年各项指标完成情况见下表。
      table:
        title: 2025年党建工作主要指标完成情况表
        rows:
          - [指标, 年度目标, 完成情况]
          - [发展党员, 3名, 3名]
          - [主题党日, 12次, X次]
    - 表格:
        - [项目, 次数]
        - [集中学习, 12]
  problems:
    points: [理论学习的系统性还不够强。]
date: 2025-12-26
"""


@pytest.fixture
def fill(tmp_path) -> Path:
    path = tmp_path / "fill.yaml"
    path.write_text(FILL, encoding="utf-8")
    return path


def test_the_fill_reads_tables_with_titles_and_chinese_keys(fill):
    loaded = load_fill(fill)
    achievements = loaded.sections[0]
    first = achievements.entries[0]
    assert first.tables[0].title == "2025年党建工作主要指标完成情况表"
    assert first.tables[0].rows == [["指标", "年度目标", "完成情况"], ["发展党员", "3名", "3名"], ["主题党日", "12次", "X次"]]
    assert first.tables[0].after == 1  # after the entry's own paragraph
    headless = achievements.entries[1]
    assert headless.tables[0].rows == [["项目", "次数"], ["集中学习", "12"]] and headless.tables[0].title == ""


@pytest.mark.parametrize("table, message", [
    ("table: 一段文字", "表格的行应是列表"),
    ("table: {title: 表}", "表格缺少“rows”"),
    ("table: [[a, b], c]", "每一行应是一个列表"),
    ("table: {标题: 表, 颜色: 红}", "未知的键“颜色”"),
])
def test_bad_tables_are_one_chinese_line(tmp_path, table, message):
    path = tmp_path / "bad.yaml"
    path.write_text(f"kind: annual\nunit: 某单位\nyear: 2025\nsections:\n  achievements:\n    - heading: 甲\n"
                    f"      {table}\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_fill(path)
    assert message in str(caught.value) and caught.value.line == 7


def _document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def test_the_docx_lays_tables_out_as_an_official_document_does(fill, tmp_path):
    out = tmp_path / "out.docx"
    drafter.draft(fill, out)
    root = _document_xml(out)
    body = root.find(f"{W}body")
    children = list(body)
    tables = root.findall(f".//{W}tbl")
    assert len(tables) == 2
    # the headless table joins its level-1 section, ahead of the subsection (said in a warning)
    first = tables[1]
    index = children.index(first)
    title = children[index - 1]
    assert title.find(f".//{W}pStyle").get(f"{W}val") == "TableTitle"
    assert "".join(t.text for t in title.iter(f"{W}t")) == "2025年党建工作主要指标完成情况表"
    before = "".join(t.text for t in children[index - 2].iter(f"{W}t"))
    assert before == "全年各项指标完成情况见下表。"
    assert first.find(f"{W}tblPr/{W}tblW").get(f"{W}w") == str(layout.TEXT_WIDTH)
    assert first.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    borders = first.find(f"{W}tblPr/{W}tblBorders")
    assert {b.tag[len(W):] for b in borders} == {"top", "left", "bottom", "right", "insideH", "insideV"}
    grid = [int(c.get(f"{W}w")) for c in first.findall(f"{W}tblGrid/{W}gridCol")]
    assert sum(grid) == layout.TEXT_WIDTH and len(grid) == 3
    for row in first.findall(f"{W}tr"):
        assert [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in row.findall(f"{W}tc")] == grid
    header = first.find(f"{W}tr")
    assert header.find(f"{W}trPr/{W}tblHeader") is not None and header.find(f".//{W}b") is not None
    cells = ["".join(t.text for t in tc.iter(f"{W}t")) for tc in first.iter(f"{W}tc")]
    assert cells[-1] == "X次"
    placeholder_run = [r for r in first.iter(f"{W}r") if "".join(t.text for t in r.iter(f"{W}t")) == "X"][0]
    assert placeholder_run.find(f"{W}rPr/{W}highlight") is not None
    with zipfile.ZipFile(out) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    assert 'w:styleId="TableText"' in styles and "仿宋_GB2312" in styles


def test_a_table_written_after_a_subsection_is_moved_and_said(fill, tmp_path):
    report = drafter.draft(fill, tmp_path / "out.md")
    assert any("表格写在下级标题之后" in w and "第 15 行" in w for w in report.warnings)


def test_markdown_and_text_show_tables(fill, tmp_path):
    drafter.draft(fill, tmp_path / "out.md")
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "**2025年党建工作主要指标完成情况表**" in markdown
    assert "| 指标 | 年度目标 | 完成情况 |\n|---|---|---|\n| 发展党员 | 3名 | 3名 |" in markdown
    drafter.draft(fill, tmp_path / "out.txt")
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "发展党员\t3名\t3名" in text


def test_a_document_with_only_a_table_in_a_section_is_no_gap(tmp_path):
    path = tmp_path / "only.yaml"
    path.write_text("kind: annual\nunit: 某单位\nyear: 2025\nsections:\n  achievements:\n"
                    "    - table: [[项目, 次数], [学习, 12]]\n", encoding="utf-8")
    report = drafter.draft(path, tmp_path / "out.md")
    assert "主要工作" not in " ".join(report.gaps)


def test_a_word_table_from_last_year_comes_back_as_a_table(tmp_path):
    """A table typed in Word (not drafted here) is read as one table, its title from
    the short paragraph above it; extract writes it into the fill file and the next
    draft lays it out again."""
    source = word_file(tmp_path / "2024.docx", [
        "某局2024年工作总结", "一、主要工作", "全年围绕中心工作，完成了各项任务。", "表1  2024年主要指标完成情况",
        [["指标", "目标", "完成"], ["培训人次", "300", "326"], ["走访企业", "50", "58"]],
        "二、下一步工作计划", "继续做好各项工作。"])

    parsed = drafter.parse_file(source)
    tables = [t for node in parsed.walk() for t in node.tables]
    assert len(tables) == 1
    assert tables[0].title.endswith("2024年主要指标完成情况")
    assert tables[0].rows[1] == ["培训人次", "300", "326"]
    assert "表1" not in " ".join(p for node in parsed.walk() for p in node.paragraphs)

    fill_path = tmp_path / "2025.yaml"
    drafter.extract(source, fill_path, year=2025)
    written = fill_path.read_text(encoding="utf-8")
    assert "table:" in written and "培训人次" in written
    drafter.draft(fill_path, tmp_path / "2025.docx")
    assert len(_document_xml(tmp_path / "2025.docx").findall(".//{*}tbl")) == 1
    again = [t for node in drafter.parse_file(tmp_path / "2025.docx").walk() for t in node.tables]
    assert len(again) == 1 and again[0].rows[0] == ["指标", "目标", "完成"]
    assert again[0].title.endswith("主要指标完成情况")


@pytest.mark.parametrize("rows", [
    [["序号", "内容"], ["1", "一段很长的说明文字" * 20]],
    [["甲", "乙", "丙"], ["1", "2", "3"]],
    [[str(n) for n in range(20)]],
    [["项目", "说明", "次"], ["学习", "长" * 300, "12"]],
])
def test_column_widths_fill_the_text_block_and_keep_two_characters(rows):
    from drafter.writers.docx_table import MIN_COLUMN_TWIPS, column_widths

    widths = column_widths(rows)
    assert sum(widths) == layout.TEXT_WIDTH and len(widths) == len(rows[0])
    assert min(widths) >= min(MIN_COLUMN_TWIPS, layout.TEXT_WIDTH // len(widths))


# -- Word tables in odd places ----------------------------------------------------------------------

HEAD = ["县统计局2025年工作总结", "2025年，我局圆满完成了全年各项任务。现将全年工作总结如下："]
TAIL = ["二、存在的问题", "一是学习不够深入。二是创新不足。", "三、2026年工作打算", "一是加强学习。二是改进作风。",
        "县统计局", "2025年12月20日"]


def _outline(doc) -> list:
    return [(s.heading, s.paragraphs, s.items, [(t.title, t.rows) for t in s.tables]) for s in doc.walk()]


def test_cells_that_look_like_headings_stay_in_their_table(tmp_path):
    rows = [["一、理论学习", "12次"], ["二、业务培训", "8次"], ["（一）学习", "3次"]]
    doc = drafter.parse_file(word_file(tmp_path / "a.docx", HEAD + ["一、主要工作", "全年完成任务。", rows] + TAIL))
    assert [s.heading for s in doc.sections] == ["主要工作", "存在的问题", "2026年工作打算"]
    assert doc.sections[0].tables[0].rows == rows and not doc.sections[0].children
    report = drafter.check(tmp_path / "a.docx")
    assert not [f for f in report.findings if f.severity != "info"], report.render()


def test_only_a_paragraph_naming_a_table_right_above_it_is_its_title(tmp_path):
    parts = HEAD + ["一、主要工作", "全年各项工作稳步推进，详见下表", [["项目", "人次"], ["培训", "1350"]],
                    "走访慰问人大代表", [["项目", "人次"], ["走访", "35"]],
                    "表2 主要指标完成情况", "一是完成培训。二是完成走访。", [["项目", "完成"], ["调查", "46"]],
                    "附表 年度任务清单", [["任务", "完成"], ["普查", "是"]]] + TAIL
    doc = drafter.parse_file(word_file(tmp_path / "b.docx", parts))
    section = doc.sections[0]
    assert section.paragraphs == ["全年各项工作稳步推进，详见下表", "走访慰问人大代表", "表2 主要指标完成情况"]
    assert [t.title for t in section.tables] == ["", "", "", "附表 年度任务清单"]


def test_a_table_above_the_title_or_before_the_first_heading(tmp_path):
    form = [["单位", "县统计局"], ["负责人", "张三"]]
    top = drafter.parse_file(word_file(tmp_path / "c.docx", [form] + HEAD + ["一、主要工作", "全年完成任务。"] + TAIL))
    assert top.title == "县统计局2025年工作总结"
    assert "单位　县统计局" in top.opening
    assert [w.code for w in top.warnings] == ["table_in_opening"]


def test_a_table_annexed_after_the_date_leaves_signature_and_date(tmp_path):
    parts = HEAD + ["一、主要工作", "全年完成任务。"] + TAIL + ["附表 主要指标", [["指标", "完成"], ["调查", "46"]]]
    doc = drafter.parse_file(word_file(tmp_path / "d.docx", parts))
    assert (doc.signature, doc.date, doc.closing) == ("县统计局", "2025年12月20日", "")
    assert [(t.title, t.rows[1]) for t in doc.sections[-1].tables] == [("附表 主要指标", ["调查", "46"])]


def test_a_heading_style_in_a_cell_does_not_break_a_table_up(tmp_path):
    table = {"rows": [["项目", "人次"], ["培训", "1350"]], "heading": (1, 0)}
    doc = drafter.parse_file(word_file(tmp_path / "e.docx", HEAD + ["一、主要工作", "全年完成任务。", table] + TAIL))
    assert doc.sections[0].tables[0].rows == [["项目", "人次"], ["培训", "1350"]] and not doc.sections[0].children


def test_check_reads_each_cell_on_its_own(tmp_path):
    """截止 closing one cell and a date in the next is right; a header row naming 全年 and
    last year is no sentence; --fix leaves such cells alone and still fixes a real one."""
    rows = [["事项", "截止时间"], ["年报材料报送截止", "2026年3月31日"], ["指标", "2024年完成"],
            ["全年目标", "今年完成"], ["集中学习", "12 次"]]
    path = word_file(tmp_path / "f.docx", HEAD + ["一、主要工作", "全年完成任务。", rows] + TAIL)
    report = drafter.check(path)
    assert [(f.rule, f.text) for f in report.findings if f.severity != "info"] == [("numbers", "12 次")], report.render()
    result = drafter.fix(path, tmp_path / "g.docx")
    assert [(c.old, c.new) for c in result.changes] == [("12 ", "12")]


@pytest.mark.parametrize("rows, columns", [
    ([["序  号", "任务", "数量"], ["1", "档案数字化", "3000卷"], ["2", "库房改造", "2处"]], {0}),
    ([["编号", "事项"], ["07", "查阅服务"], ["12", "接收进馆"]], {0}),         # the header says so, whatever the numbers
    ([["No.", "事项"], ["3", "查阅服务"]], {0}),
    ([["名次", "单位", "得分"], ["1", "一科", "98"], ["2", "二科", "95"], ["3", "三科", "90"]], {0}),
    ([["项目", "次数"], ["（1）学习", "12"], ["（2）培训", "8"]], set()),  # numbers inside text are not the column's
    ([["事项", "顺", "数"], ["甲", "1.", "5"], ["乙", "2.", "5"], ["合计", "", "10"]], {1}),  # 合计 has no digits
    ([["全市排名", "单位"], ["3", "一科"], ["1", "二科"]], set()),      # a ranking, not the rows' order: a result
    ([["项目", "完成"], ["培训", "1"], ["走访", "3"]], set()),
    ([["项目", "完成"], ["培训", "1"]], set()),                          # one row is no run
    ([["序次", "年份"], ["1", "2023年"], ["2", "2024年"]], {0}),
])
def test_a_column_numbering_the_rows_is_found(rows, columns):
    from drafter.extracting.figures import ordinal_columns

    assert ordinal_columns(rows) == columns


def test_extract_keeps_the_numbers_of_a_column_that_numbers_the_rows(tmp_path):
    """README promises ordinals are kept: 序号 1, 2 and a first column running 1, 2, 3 stay;
    the figures beside them still become X with their # 原文： note."""
    import yaml

    numbered = [["序号", "重点任务", "完成数量"], ["1", "档案数字化", "3000卷"], ["2", "库房改造", "2处"]]
    ranked = [["", "科室", "得分"], ["1", "保管利用科", "98"], ["2", "接收征集科", "95"], ["3", "办公室", "91"]]
    source = word_file(tmp_path / "2024.docx", [
        "县档案馆2024年工作总结", "一、主要工作", "全年完成各项任务。", "表1 重点任务完成情况",
        numbered, "各科室按期完成了年度考评。", ranked, "各科室按期完成了年度考评。",
        "二、下一步工作计划", "继续做好各项工作。"])

    fill_path = tmp_path / "2025.yaml"
    drafter.extract(source, fill_path, year=2025)
    written = fill_path.read_text(encoding="utf-8")
    tables = []

    def collect(value):
        if isinstance(value, dict):
            if "table" in value:
                tables.append(value["table"])
            for inner in value.values():
                collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)

    collect(yaml.safe_load(written))
    rows = [t["rows"] if isinstance(t, dict) else t for t in tables]
    assert [row[0] for row in rows[0]] == ["序号", "1", "2"]
    assert [row[2] for row in rows[0]] == ["完成数量", "X卷", "X处"]
    assert [row[0] for row in rows[1]] == ["", "1", "2", "3"]
    assert [row[2] for row in rows[1]] == ["得分", "X", "X", "X"]
    assert "# 原文：3000卷" in written and "# 原文：98" in written
    assert not re.search(r"# 原文：[123]\n", written)
