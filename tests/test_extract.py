"""`drafter extract`: last year's document → this year's fill file.

Round trips on the five seeds and the messy documents (extract → draft → parse
gives the same outline), the year and figure rules one by one, the YAML
quoting, and bad input through both the API and the CLI.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import drafter
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.years import document_year, parse_date, with_year
from drafter.extracting.figures import find_figures, kept_by, candidates
from drafter.extracting.rewrite import rewrite
from drafter.extracting.unit import unit_from_title
from drafter.extracting.years import YearShift, year_mentions
from drafter.yaml_writer import Commented, plain_value, quote, render_document
from drafter.model import Document, Section
from variants import write_docx_one_paragraph_per_line

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
MESSY = Path(__file__).resolve().parent / "data" / "messy"
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))
MESSY_FILES = sorted(p.name for p in MESSY.glob("*.txt"))
SEED_000 = CORPUS / "000_928ffb1024447432.txt"
SEED_002 = CORPUS / "002_bef99398f62872d2.txt"


def outline(doc, *, this_year=None, next_year=None):
    """Level-1 headings (years as THIS/NEXT), roles and level-2 counts."""
    def heading(text):
        if next_year:
            text = text.replace(str(next_year), "NEXT")
        if this_year:
            text = text.replace(str(this_year), "THIS")
        return text

    return [(heading(s.heading), s.role, sum(1 for c in s.children if c.level == 2)) for s in doc.sections]


def round_trip(source: Path, tmp_path: Path, year):
    fill = tmp_path / "fill.yaml"
    report = drafter.extract(source, fill, year=year)
    drafted = tmp_path / "draft.docx"
    drafter.draft(fill, drafted)
    return report, fill, drafter.parse_file(drafted)


def load(fill: Path) -> dict:
    return yaml.safe_load(fill.read_text(encoding="utf-8"))


# -- acceptance: the round trip -------------------------------------------------------

@pytest.mark.parametrize("year", [None, 2024])
@pytest.mark.parametrize("name", SEEDS)
def test_seed_round_trip_keeps_outline(tmp_path, name, year):
    source = CORPUS / name
    report, _fill, redrafted = round_trip(source, tmp_path, year)
    original = drafter.parse_file(source)
    if year is None:
        assert outline(redrafted) == outline(original)
    else:
        doc_year = report.doc_year
        assert outline(redrafted, this_year=year, next_year=year + 1) == \
            outline(original, this_year=doc_year, next_year=doc_year + 1)
    assert redrafted.kind == original.kind


@pytest.mark.parametrize("name", MESSY_FILES)
def test_messy_round_trip_keeps_outline(tmp_path, name):
    source = MESSY / name
    report, fill, redrafted = round_trip(source, tmp_path, 2025)
    assert report.doc_year == 2023
    assert outline(redrafted, this_year=2025, next_year=2026) == \
        outline(drafter.parse_file(source), this_year=2023, next_year=2024)


def test_messy_units_signatures_and_dates(tmp_path):
    found = {}
    for name in MESSY_FILES:
        fill = tmp_path / f"{name}.yaml"
        drafter.extract(MESSY / name, fill, year=2025)
        found[name] = load(fill)
    assert found["site_header.txt"]["unit"] == "机关第二党支部"
    assert found["site_header.txt"]["title"] == "2025年度机关第二党支部工作总结"
    assert found["glued_headings.txt"]["unit"] == "XX街道党工委"
    assert found["glued_headings.txt"]["title"] == "XX街道党工委2025年党建工作总结及2026年工作计划"
    # dated January of the plan year: the date moves with the year after the document's
    assert found["glued_headings.txt"]["date"] == dt.date(2026, 1, 5)
    assert found["gb18030_crlf_indent.txt"]["signature"] == "述职人：XXX"
    assert found["gb18030_crlf_indent.txt"]["date"] == dt.date(2025, 12, 28)
    assert found["gb18030_crlf_indent.txt"]["kind"] == "debrief"


def test_docx_input_gives_the_same_fill_as_the_text(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    docx_path = write_docx_one_paragraph_per_line(text, tmp_path / "去年总结.docx")
    from_txt, from_docx = tmp_path / "a.yaml", tmp_path / "b.yaml"
    drafter.extract(SEED_000, from_txt, year=2024)
    drafter.extract(docx_path, from_docx, year=2024)
    assert load(from_docx) == load(from_txt)

    def body(path):  # the header names the source file; everything after it must match
        return path.read_text(encoding="utf-8").split("\nkind:", 1)[1]

    assert body(from_docx) == body(from_txt)
    drafter.draft(from_docx, tmp_path / "b.docx")
    assert outline(drafter.parse_file(tmp_path / "b.docx"))[2][0] == "2025年工作计划"


# -- acceptance: seed 000 with --year 2024 -----------------------------------------

@pytest.fixture(scope="module")
def seed_000_2024(tmp_path_factory):
    fill = tmp_path_factory.mktemp("extract") / "2024.yaml"
    report = drafter.extract(SEED_000, fill, year=2024)
    return report, fill, fill.read_text(encoding="utf-8"), load(fill)


def test_seed_000_title_year_unit_and_plan_heading(seed_000_2024):
    report, _fill, _text, data = seed_000_2024
    assert data["title"] == "2024年市水利局机关党委党建工作总结"
    assert data["year"] == 2024 and data["kind"] == "annual"
    assert data["unit"] == "市水利局机关党委"
    assert list(data["sections"]) == ["achievements", "problems", "plans"]
    assert data["sections"]["plans"]["heading"] == "2025年工作计划"
    assert data["sections"]["achievements"]["heading"] == "主要工作开展情况"
    assert data["opening"][0].startswith("2024年水利局机关党委")
    assert data["opening"][0].endswith("现将2024年工作总结如下：")
    assert report.doc_year == 2023 and report.year == 2024


def test_seed_000_figures_become_x_with_the_old_ones_in_a_comment(seed_000_2024):
    _report, _fill, text, data = seed_000_2024
    second = data["sections"]["achievements"]["children"][1]["points"][1]
    assert "召开机关党委会X次，政治理论学习X次" in second
    assert "9次" not in second and "11次" not in second
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if "召开机关党委会X次" in line)
    assert lines[index - 1].strip().startswith("# 原文：召开机关党委会9次，政治理论学习11次")
    assert lines[index].strip().startswith("- 认真落实")  # Chinese text is written plain, unquoted


def test_seed_000_figure_forms(seed_000_2024):
    _report, _fill, _text, data = seed_000_2024
    children = data["sections"]["achievements"]["children"]
    first = children[0]["text"][0]
    assert "购买发放学习书籍X余本" in first and "组织X余名职工" in first
    fourth = " ".join(children[3]["points"])
    assert "占总数的X％" in fourth
    assert "培养入党积极分子X名，接收预备党员X名，党员转正X名" in fourth
    third = " ".join(children[2]["points"])
    assert "X个党支部X名党员全覆盖" in third  # 十个党支部213名党员
    sixth = " ".join(children[5]["points"])
    assert "慰问金额X元" in sixth


def test_seed_000_keeps_what_is_not_a_figure(seed_000_2024):
    _report, _fill, _text, data = seed_000_2024
    children = data["sections"]["achievements"]["children"]
    first = children[0]["text"][0]
    for kept in ("第一责任人", "“三会一课”", "二十大", "今后一个时期", "第一时间"):
        assert kept in first
    fourth = " ".join(children[3]["points"])
    # a date stays a date, its year moves; names and anniversaries stay
    assert "截止2024年7月1日党龄达到50周年" in fourth
    assert "“光荣在党50年”纪念章" in fourth
    assert "四星级" in fourth and "三五九屯垦" in fourth
    plans = " ".join(data["sections"]["plans"]["points"])
    assert "制定2025年党员培训计划" in plans
    assert "一局三中心" in plans and "“一岗双责”" in plans


def test_seed_000_every_changed_string_has_its_original_comment(seed_000_2024):
    _report, _fill, text, _data = seed_000_2024
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if re.search(r"(?<![A-Za-z])X(次|名|个|余|％|元|人|条)", line) and not line.lstrip().startswith("#"):
            above = [lines[i].strip() for i in range(index - 1, max(-1, index - 4), -1)]
            assert any(a.startswith("# 原文：") or a.startswith("#   ") for a in above), line[:40]


def test_seed_000_report_counts(seed_000_2024):
    report, fill, _text, _data = seed_000_2024
    assert report.sections == 3 and report.subsections == 6
    assert "9" in report.figures and "90" in report.figures
    assert report.years_moved >= 5
    summary = str(report)
    assert "2023年 → 2024年" in summary and f"X 共 {len(report.figures)} 处" in summary
    assert str(fill) in summary


def test_draft_highlights_the_placeholders(seed_000_2024, tmp_path):
    _report, fill, _text, _data = seed_000_2024
    drafted = drafter.draft(fill, tmp_path / "out.docx")
    assert drafted.placeholders.count("X") >= 30


def test_without_year_the_text_is_kept_as_written(tmp_path):
    fill = tmp_path / "same.yaml"
    report = drafter.extract(SEED_000, fill)
    data = load(fill)
    text = fill.read_text(encoding="utf-8")
    assert data["year"] == 2023 and data["title"] == "2023年市水利局机关党委党建工作总结"
    assert data["sections"]["plans"]["heading"] == "2024年工作计划"
    assert "召开机关党委会9次" in data["sections"]["achievements"]["children"][1]["points"][1]
    assert "# 原文：" not in text
    assert report.figures == [] and report.years_moved == 0
    original = drafter.parse_file(SEED_000)
    assert data["sections"]["problems"]["points"] == original.sections[1].items


# -- structure -------------------------------------------------------------------------

def test_seed_002_list_form_with_roles_and_merged_numbered_paragraphs(tmp_path):
    fill = tmp_path / "002.yaml"
    report = drafter.extract(SEED_002, fill, year=2020)
    data = load(fill)
    text = fill.read_text(encoding="utf-8")
    sections = data["sections"]
    assert isinstance(sections, list) and len(sections) == 6
    assert [s["role"] for s in sections] == ["achievements"] * 6
    assert sections[0]["heading"] == "强化思想引领，加强政治建设"
    second = sections[1]
    assert "children" not in second  # 1. 2. … under 二、 would come back as （一）
    assert second["text"][0].startswith("强化学习，继续加强党员队伍建设。创新学习方式")
    assert len(second["points"]) == 5
    assert "跳过了“（一）”一级" in text
    assert [c["heading"] for c in sections[5]["children"]] == [
        "坚守初心强党性活动", "夯实基础补短板活动", "勇担使命作表率活动", "共建帮扶聚党心活动"]
    assert data["unit"] == "XX单位"
    assert "未能从标题“2019年党建工作总结”中找到单位名称" in text
    assert any("XX单位" in w for w in report.warnings)
    assert report.form == "list"


def test_range_years_stay_and_doc_year_moves_in_seed_002(tmp_path):
    fill = tmp_path / "002.yaml"
    drafter.extract(SEED_002, fill, year=2020)
    points = " ".join(load(fill)["sections"][1]["points"])
    assert "三年行动计划（2018-2020年）" in points
    assert re.search(r"三年工作方案（2018—2020\s年）", points)  # the seed has a no-break space
    assert "全面总结2018年党建工作并对2020年度工作进行部署" in points


def test_headless_node_keeps_its_place_as_a_heading(tmp_path):
    doc_text = ("2023年XX局工作总结\n现将2023年工作总结如下：\n一、主要工作\n"
                "（一）这一段很长很长的首句超过了六十个字所以分不出标题，它讲的是全年组织学习十二次，"
                "开展各类主题活动二十余次，覆盖党员干部三百余人次，效果很好。后面还有一句。\n"
                "（二）抓组织。开展活动5次。\n二、存在的问题\n一是学习不够。\n二是融合不够。\n")
    source = tmp_path / "headless.txt"
    source.write_text(doc_text, encoding="utf-8")
    original = drafter.parse_file(source)
    assert original.sections[0].children[0].heading == ""
    fill = tmp_path / "f.yaml"
    drafter.extract(source, fill, year=2024)
    children = load(fill)["sections"]["achievements"]["children"]
    assert children[0]["heading"].startswith("这一段很长很长的首句")
    assert "标题与正文连写" in fill.read_text(encoding="utf-8")
    drafter.draft(fill, tmp_path / "d.docx")
    assert outline(drafter.parse_file(tmp_path / "d.docx")) == outline(original)


def test_mapping_only_when_roles_distinct_standard_and_in_order():
    from drafter.extracting.fill_tree import choose_form

    order = ["achievements", "problems", "causes", "plans"]
    assert choose_form(["achievements", "problems", "plans"], order) == "mapping"
    assert choose_form(["achievements", "achievements", "plans"], order) == "list"
    assert choose_form(["achievements", "other"], order) == "list"
    assert choose_form(["plans", "achievements"], order) == "list"
    assert choose_form(["achievements", "experience", "plans"], order) == "list"  # drafting would sort it last
    assert choose_form([], order) == "list"


# -- the years rule --------------------------------------------------------------------

def test_document_year_from_title_bare_or_with_nian_else_date():
    assert document_year(Document(title="2023党组党建工作总结及下一步工作计划"))[0] == 2023
    assert document_year(Document(title="XX中心2023年度上半年党建工作开展情况汇报"))[0] == 2023
    assert document_year(Document(title="党建工作总结", date="2022年12月30日"))[0] == 2022
    assert document_year(Document(title="党建工作总结"))[0] is None


def test_year_moves_doc_year_and_plan_year_only():
    shift = YearShift(2023, 2024)
    moved = rewrite("2023年总结，较2022年增长，2024年工作计划", shift, mask_figures=False)
    assert moved.text == "2024年总结，较2022年增长，2025年工作计划"
    assert moved.years_moved == 2


def test_year_in_a_range_stays():
    shift = YearShift(2020, 2021)
    for text in ("三年行动计划（2018-2020年）", "（2018—2020 年）", "2020年至2022年"):
        assert rewrite(text, shift, mask_figures=True).text == text


def test_span_of_months_moves_as_a_whole():
    moved = rewrite("2022年7月至2023年6月用餐累计86747次", YearShift(2023, 2024), mask_figures=True)
    assert moved.text == "2023年7月至2024年6月用餐累计X次"


def test_bare_year_only_in_titles_and_headings():
    assert [m.value for m in year_mentions("2023党组工作总结", bare=True)] == [2023]
    assert year_mentions("编号2023的文件") == []
    assert year_mentions("2023G网络", bare=True) == []


def test_earlier_year_moves_back_and_full_width_stays_full_width():
    assert rewrite("２０２３年工作", YearShift(2023, 2024), mask_figures=False).text == "２０２４年工作"
    assert rewrite("2023年工作", YearShift(2023, 2021), mask_figures=False).text == "2021年工作"


# -- the figures rule: each kept kind alone --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("召开会议9次", "召开会议X次"),
    ("购买书籍30余本", "购买书籍X余本"),
    ("占总数的90％", "占总数的X％"),
    ("增长6.5%", "增长X%"),
    ("修复路面1.2万平方米", "修复路面X万平方米"),
    ("捐款1,000元", "捐款X元"),
    ("十个党支部", "X个党支部"),
    ("十余名干部", "X余名干部"),
    ("两千余人", "X余人"),
    ("百分之九十", "百分之X"),
    ("学习１２次", "学习X次"),
    ("连续3年", "连续X年"),
])
def test_figures_become_x(text, expected):
    assert rewrite(text, YearShift(2023, 2024), mask_figures=True).text == expected


@pytest.mark.parametrize("text, rule", [
    ("建设5G基站", "latin_code"),
    ("构建“1+N”体系", "latin_code"),
    ("2019年", "year"),
    ("（2018—2020 年）", "year"),
    ("2023-07-01", "numeric_date"),
    ("7月1日", "month_day"),
    ("1、2月", "month_day"),
    ("5月份", "month_day"),
    ("第1次", "ordinal"),
    ("十九届三次全会", "ordinal"),
    ("“光荣在党50年”", "quoted_name"),
    ("《关于6名干部的通报》", "quoted_name"),
    ("建党100周年", "anniversary"),
    ("〔2023〕12号", "doc_number"),
    ("12345热线", "hotline"),
    ("中央八项规定", "fixed_term"),
    ("主要有：1.加强学习", "enumeration"),
    ("（1）", "enumeration"),
    ("以下三个方面", "structure_count"),
    ("千家万户", "idiom_magnitude"),
    ("今后一个时期", "single_one"),
    ("数十次", "approximate"),
])
def test_numbers_that_are_not_figures_are_kept(text, rule):
    found = candidates(text)
    assert found, text
    assert {kept_by(text, c) for c in found} == {rule}
    assert find_figures(text) == []


def test_not_counting_words_are_not_candidates():
    for text in ("三会一课", "二十大", "“十四五”", "四星级", "七一期间", "两张皮", "一岗双责", "三五九屯垦"):
        assert find_figures(text) == [], text


def test_original_clauses_comment_joins_neighbours_and_skips_the_rest():
    moved = rewrite("一是落实职责，召开会议9次，学习11次，做到同部署。开展“节约水资源，保障水安全”等活动50余次。",
                    YearShift(2023, 2024), mask_figures=True)
    assert moved.original_clauses() == "召开会议9次，学习11次……开展“节约水资源，保障水安全”等活动50余次"


# -- unit and date ----------------------------------------------------------------------

@pytest.mark.parametrize("title, unit", [
    ("2023年市水利局机关党委党建工作总结", "市水利局机关党委"),
    ("XX中心2023年度上半年党建工作开展情况汇报", "XX中心"),
    ("2023党组党建工作总结及下一步工作计划", "党组"),
    ("2023年党总支部书记抓基层党建工作述职报告", "党总支部"),
    ("关于2023年度XX局工作情况的报告", "XX局"),
    ("2019年党建工作总结", None),
    ("2023年个人工作总结", None),
    ("", None),
])
def test_unit_from_title(title, unit):
    assert unit_from_title(title) == unit


def test_dates_parse_and_move():
    assert parse_date("2023年12月20日") == dt.date(2023, 12, 20)
    assert parse_date("二〇二三年十二月二十日") == dt.date(2023, 12, 20)
    assert parse_date("2023-7-1") == dt.date(2023, 7, 1)
    assert parse_date("2023年13月1日") is None
    assert with_year(dt.date(2024, 2, 29), 2025) == dt.date(2025, 2, 28)


# -- YAML text -----------------------------------------------------------------------------

TRICKY = [
    "键: 值 # 不是注释", "“中文引号”和'单引号'和\"双引号\"", "{{ 7*7 }} {% if x %}", "- 像列表", "* 星号",
    "&锚点", "!标签", "%指令", "@at", "`反引号", "[方括号]", "{花括号}", "| 竖线", "> 大于", "? 问号",
    "yes", "null", "~", "1.10", "  前后空格  ", "反斜杠\\n不是换行", "制表\t符", "响铃\x07", "NEL\x85行",
    "行\u2028分隔", "BOM\ufeff", "一、像序号", "（一）像标题", "#开头", "",
]


@pytest.mark.parametrize("text", TRICKY)
def test_quote_reads_back_exactly(text):
    assert yaml.safe_load(f"key: {quote(text)}\n") == {"key": text}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_quote_reads_back_any_text(text):
    assert yaml.safe_load(f"key: {quote(text)}\n") == {"key": text}


def test_comments_cannot_break_the_file():
    root = {"a": Commented("x", ["注释\n换行: 不是键", "分隔\u2028符", "控制\x07字符"]),
            "b": Commented([Commented({"heading": Commented("h", ["第一个键的注释\nkey: 1"]),
                                       "text": Commented([Commented("t")])}, ["列表项注释"])])}
    text = render_document(root, ["头部\n注释"])
    assert yaml.safe_load(text) == plain_value(root)


def test_tricky_document_text_survives_extract_and_draft(tmp_path):
    source = tmp_path / "tricky.txt"
    lines = ["2023年XX局工作总结", "现将2023年工作总结如下：", "一、主要工作",
             "（一）“键” # 不是注释 {{ x }}", "键: 值，正文含 {{ 7*7 }} 和 {% raw %} 以及 “引号” 和 \"双引号\" 和 'single'。",
             "二、存在的问题", "一是* 星号开头的问题: 有冒号。", "二是 #井号 问题。"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fill = tmp_path / "tricky.yaml"
    drafter.extract(source, fill)
    data = load(fill)
    child = data["sections"]["achievements"]["children"][0]
    parsed = drafter.parse_file(source).sections[0].children[0]
    assert child["heading"] == parsed.heading == "“键” # 不是注释 {{ x }}"
    assert child["text"] == parsed.paragraphs == [lines[4]]
    assert data["sections"]["problems"]["points"] == drafter.parse_file(source).sections[1].items
    from drafter.drafting import load_fill

    assert lines[4] in load_fill(fill).texts()
    out = tmp_path / "tricky.txt.out.txt"
    drafter.draft(fill, out)
    written = out.read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in written and "{% raw %}" in written


# -- bad input: API and CLI -----------------------------------------------------------------

@pytest.fixture
def bad_inputs(tmp_path):
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    noise_only = tmp_path / "只有杂质.txt"
    noise_only.write_text("本文档编辑密码：abc123\n", encoding="utf-8")
    no_year = tmp_path / "没有年份.txt"
    no_year.write_text("XX局党建工作总结\n一、主要工作\n召开会议9次。\n", encoding="utf-8")
    return {"missing": tmp_path / "不存在.txt", "empty": empty, "binary": binary,
            "noise_only": noise_only, "no_year": no_year}


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "no_year"])
def test_bad_input_api(bad_inputs, tmp_path, case):
    out = tmp_path / "out.yaml"
    with pytest.raises(DrafterError) as raised:
        drafter.extract(bad_inputs[case], out)
    assert str(bad_inputs[case]) in str(raised.value)
    assert not out.exists()


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "no_year"])
def test_bad_input_cli_one_line_exit_2(bad_inputs, tmp_path, case):
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["extract", str(bad_inputs[case]), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and str(bad_inputs[case]) in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()


def test_document_without_year_works_with_year_option(bad_inputs, tmp_path):
    out = tmp_path / "out.yaml"
    report = drafter.extract(bad_inputs["no_year"], out, year=2025)
    assert load(out)["year"] == 2025
    assert "召开会议X次" in out.read_text(encoding="utf-8")
    assert any("没有年份" in w for w in report.warnings)


def test_unwritable_output(tmp_path):
    missing_dir = tmp_path / "没有这个目录" / "out.yaml"
    with pytest.raises(DrafterError) as raised:
        drafter.extract(SEED_000, missing_dir)
    assert "无法写入输出文件" in str(raised.value)
    result = CliRunner().invoke(main, ["extract", str(SEED_000), "-o", str(missing_dir)])
    assert result.exit_code == 2 and str(missing_dir) in result.stderr
    assert not missing_dir.parent.exists()


def test_output_must_be_yaml_and_never_the_source(tmp_path):
    with pytest.raises(DrafterError, match=r"\.yaml"):
        drafter.extract(SEED_000, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()
    source = tmp_path / "去年.yaml"
    source.write_bytes(SEED_000.read_bytes())
    with pytest.raises(DrafterError, match="同一个文件"):
        drafter.extract(source, source, force=True)
    assert source.read_bytes() == SEED_000.read_bytes()


def test_existing_fill_is_kept_unless_forced(tmp_path):
    out = tmp_path / "填写.yaml"
    out.write_text("已经填好的内容\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(SEED_000), "-o", str(out), "--year", "2024"])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "已经填好的内容\n"
    result = CliRunner().invoke(main, ["extract", str(SEED_000), "-o", str(out), "--year", "2024", "--force"])
    assert result.exit_code == 0
    assert load(out)["year"] == 2024


def test_failed_forced_run_leaves_existing_file_untouched(bad_inputs, tmp_path):
    out = tmp_path / "填写.yaml"
    out.write_text("已经填好的内容\n", encoding="utf-8")
    with pytest.raises(DrafterError):
        drafter.extract(bad_inputs["binary"], out, force=True)
    assert out.read_text(encoding="utf-8") == "已经填好的内容\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_year_earlier_than_the_document_is_allowed_with_a_warning(tmp_path):
    out = tmp_path / "back.yaml"
    result = CliRunner().invoke(main, ["extract", str(SEED_000), "-o", str(out), "--year", "2022"])
    assert result.exit_code == 0
    assert "提示：指定的年度 2022 早于原文的年度 2023" in result.stderr
    data = load(out)
    assert data["title"] == "2022年市水利局机关党委党建工作总结"
    assert data["sections"]["plans"]["heading"] == "2023年工作计划"


def test_same_year_warns_and_still_masks(tmp_path):
    out = tmp_path / "same.yaml"
    report = drafter.extract(SEED_000, out, year=2023)
    assert any("与原文相同" in w for w in report.warnings)
    assert report.years_moved == 0 and report.figures


@pytest.mark.parametrize("year", ["1900", "3000", "明年"])
def test_cli_rejects_impossible_years(tmp_path, year):
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["extract", str(SEED_000), "-o", str(out), "--year", year])
    assert result.exit_code == 2 and not out.exists()


def test_api_rejects_impossible_years(tmp_path):
    with pytest.raises(DrafterError, match="年度"):
        drafter.extract(SEED_000, tmp_path / "out.yaml", year=12)


def test_cli_success_summary_and_warnings(tmp_path):
    out = tmp_path / "002.yaml"
    result = CliRunner().invoke(main, ["extract", str(SEED_002), "-o", str(out), "--year", "2020"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"已生成填写文件 {out}（年度总结，2019年 → 2020年）：一级标题 6 个")
    assert "提示：未能从标题中找到单位名称" in result.stderr
    assert "drafter draft" in result.stdout


def test_extract_section_of_help_is_chinese():
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0 and "由去年的文稿" in result.output and "--force" in result.output


def test_extract_builds_section_nodes_from_the_model(tmp_path):
    """A Document built by hand (not parsed) takes the same path: the builder
    reads only the model."""
    from drafter.extracting.fill_tree import build_fill

    doc = Document(title="2023年XX局工作总结", kind="annual", sections=[
        Section(level=1, heading="主要工作", role="achievements", children=[
            Section(level=2, heading="抓学习", paragraphs=["学习9次。"], items=["研讨2次。"],
                    children=[Section(level=3, heading="细项", paragraphs=["完成3项。"])])]),
    ])
    tree = build_fill(doc, doc_year=2023, year=2024, kinds=["annual"], skeleton_roles={"annual": ["achievements"]})
    child = plain_value(tree.root["sections"])["achievements"]["children"][0]
    assert child == {"heading": "抓学习", "text": ["学习X次。"], "points": ["研讨X次。"],
                     "children": [{"heading": "细项", "text": ["完成X项。"]}]}
    assert tree.figures == ["9", "2", "3"]


# -- review fixes: what a user saw in the fill ------------------------------------------------

CLEAN = Path(__file__).resolve().parent / "data" / "clean_docs"


def body_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_headless_node_drafts_without_a_gap(tmp_path):
    """Seed 002's “1.以支部为单位开展…主题党日活动，完成…规定动作。” has no heading the parser can
    take; a heading-only entry would draft a 【待补充】 gap that the original never had."""
    fill = tmp_path / "002.yaml"
    drafter.extract(SEED_002, fill)
    children = load(fill)["sections"][5]["children"][0]["children"]
    assert children[0]["heading"] == "以支部为单位开展“重温入党志愿书”主题党日活动"
    assert children[0]["text"] == ["完成重温一次入党志愿书、组织一场思想交流、举行一次集体宣誓等“三个一”规定动作。"]
    assert "已把第一个分句" in fill.read_text(encoding="utf-8")
    drafter.draft(fill, tmp_path / "002.docx")
    text = body_text(tmp_path / "002.docx")
    assert "请补充" not in text  # only the date, which the seed lacks, is left 【待补充】
    assert text.count("【待补充】") == 1
    assert "1.以支部为单位开展“重温入党志愿书”主题党日活动。完成重温一次入党志愿书" in text


def test_split_headless_takes_a_short_first_clause_outside_quotes():
    from drafter.extracting.fill_tree import split_headless

    assert split_headless("组织“节约用水，保护水源”宣传，发放资料500份。") == \
        ("组织“节约用水，保护水源”宣传", "发放资料500份。")
    assert split_headless("一句话没有分句的长段落。") == ("一句话没有分句的长段落。", "")
    assert split_headless("同时，开展活动。") == ("同时，开展活动。", "")  # 同时 is no heading
    long_clause = "这" * 41 + "，后文。"
    assert split_headless(long_clause) == (long_clause, "")


def test_stale_wording_for_the_new_year_is_pointed_at(tmp_path):
    """Seed 000 (2023) calls the 2023–2024 主题教育 current: fine for 2024, stale for 2025."""
    fill = tmp_path / "2025.yaml"
    report = drafter.extract(SEED_000, fill, year=2025)
    text = fill.read_text(encoding="utf-8")
    # the 2023 主题教育 and its two slogans (学思想…, 以学铸魂…)
    assert report.stale == 3 and "过时提法 3 处" in str(report)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "请核对：过时提法“学习贯彻习近平新时代中国特色社会主义思想主题教育”" in line)
    below = next(line for line in lines[at:] if not line.strip().startswith("#"))
    assert "明确要求把学习贯彻习近平新时代中国特色社会主义思想主题教育作为当前" in below
    fill_2024 = tmp_path / "2024.yaml"
    assert drafter.extract(SEED_000, fill_2024, year=2024).stale == 0
    assert "过时提法" not in fill_2024.read_text(encoding="utf-8")


def test_stale_wording_of_a_2019_text_moved_to_2025(tmp_path):
    fill = tmp_path / "002.yaml"
    report = drafter.extract(SEED_002, fill, year=2025)
    text = fill.read_text(encoding="utf-8")
    for wording in ("党的十九大精神", "“不忘初心、牢记使命”主题教育", "十九届三中、四中全会精神", "党的十八大精神"):
        assert f"请核对：过时提法“{wording}”" in text
    # 十九大 twice (opening and a point), each paragraph named once; the 2019 主题教育 slogan, 精准扶贫, 精准脱贫
    assert report.stale == 8
    header = text.split("\nkind:", 1)[0]
    assert "“# 请核对：过时提法……”注释指出在 2025 年已经过时的提法" in header
    assert "“# 请核对：2018年是原文的上一年……”" in header
    plain = tmp_path / "000.yaml"
    drafter.extract(SEED_000, plain, year=2024)  # nothing stale in 2024, no year before 2023 named
    assert "请核对" not in plain.read_text(encoding="utf-8")


def test_the_year_before_the_documents_is_pointed_at(tmp_path):
    """2018年度领导班子民主生活会 in a 2019 summary means last year's: it stays, with a note."""
    fill = tmp_path / "2020.yaml"
    drafter.extract(SEED_002, fill, year=2020)
    text = fill.read_text(encoding="utf-8")
    assert "请核对：2018年是原文的上一年，未改动；若指今年的上一年" in text and "请改为 2019 年" in text
    assert "X月初，高质量完成2018年度领导班子民主生活会" in text  # unchanged, as the years rule says
    span = tmp_path / "004.yaml"  # 2022年7月至2023年6月 moves as a whole: nothing stays behind
    drafter.extract(CORPUS / "004_53a748ed6597df06.txt", span, year=2024)
    assert "2023年7月至2024年6月" in span.read_text(encoding="utf-8")
    assert "原文的上一年" not in span.read_text(encoding="utf-8")
    plain = tmp_path / "same.yaml"
    drafter.extract(SEED_002, plain)  # no new year: nothing moved, nothing to point at
    assert "原文的上一年" not in plain.read_text(encoding="utf-8")


def test_a_yearly_review_dated_early_next_year_is_that_years():
    assert document_year(Document(title="述职报告", date="2026年1月12日", kind="debrief"))[0] == 2025
    assert document_year(Document(title="机关党支部工作总结", date="2025年2月8日", kind="annual"))[0] == 2024
    assert document_year(Document(title="机关党支部工作总结", date="2025年3月8日", kind="annual"))[0] == 2025
    assert document_year(Document(title="上半年工作汇报", date="2025年1月8日", kind="half_year"))[0] == 2025
    assert document_year(Document(title="2025年度述职报告", date="2026年1月12日", kind="debrief"))[0] == 2025
    # dated to the month only, as a 述职报告 often is
    assert document_year(Document(title="述职报告", date="2026年1月", kind="debrief")) == (2025, "date_previous")
    assert document_year(Document(title="述职报告", date="二〇二五年十二月", kind="debrief")) == (2025, "date")


def test_extract_of_a_debrief_dated_to_the_month(tmp_path):
    source = tmp_path / "述职.txt"
    source.write_text("述职报告\n一、履职情况\n全年审核文件300件。\n二、存在不足\n学习不够深入。\n2026年1月\n", encoding="utf-8")
    report = drafter.extract(source, tmp_path / "fill.yaml", year=2026)
    assert report.doc_year == 2025 and load(tmp_path / "fill.yaml")["date"] is None
    assert "原文日期“2026年1月”只写到月，没有日，填写文件中的日期留空" in report.warnings


def test_extract_of_a_debrief_dated_in_january(tmp_path):
    fill = tmp_path / "2026.yaml"
    report = drafter.extract(CLEAN / "2025_section_chief_debrief.txt", fill, year=2026)
    data = load(fill)
    assert report.doc_year == 2025 and data["year"] == 2026
    assert data["date"] == dt.date(2027, 1, 12)  # dated early in the year after, as the original
    assert "牵头完成全局2026年部门预算编制" in fill.read_text(encoding="utf-8")


@pytest.mark.parametrize("year", ["1900", "明年"])
def test_cli_bad_year_is_one_chinese_line(tmp_path, year):
    import subprocess
    import sys

    out = tmp_path / "out.yaml"
    result = subprocess.run([sys.executable, "-m", "drafter", "extract", str(SEED_000), "-o", str(out), "--year", year],
                            capture_output=True, text=True)
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("错误：年度")


def test_a_table_note_with_a_star_marker_is_no_masked_text(tmp_path):
    """表中带*的指标 names its marker: extract neither warns nor treats it as censored text."""
    source = tmp_path / "2025.txt"
    source.write_text("县财政局2025年工作总结\n一、主要工作\n全年一般公共预算收入完成12.6亿元。\n"
                      "表中带*的指标为约束性指标。\n注：带**的项目为民生实事项目。\n二、存在问题\n"
                      "财源结构还不够优。\n三、2026年工作计划\n持续深化预算管理改革。\n", encoding="utf-8")
    report = drafter.extract(source, tmp_path / "2026.yaml", year=2026)
    assert not any("屏蔽" in w for w in report.warnings), report.warnings
    assert "表中带*的指标为约束性指标" in (tmp_path / "2026.yaml").read_text(encoding="utf-8")
