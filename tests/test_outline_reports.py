"""Outline rules for official reports and damaged copies, each on small hand-made inputs."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import drafter
from drafter.cleaning.compilation import split_compilation
from drafter.cli import main
from drafter.model import Line, Removal
from drafter.outline.items import split_items
from drafter.outline.markers import match_marker
from drafter.outline.parser import RULES, parse_lines
from drafter.outline.rules.table_rows import is_table_row
from drafter.parsing import parse_text


def lines(*texts):
    return [Line(t, n) for n, t in enumerate(texts, start=1)]


def outline(*texts):
    return parse_lines(lines(*texts))


def heads(doc):
    return [(s.marker, s.heading, s.role) for s in doc.sections]


def test_rule_order():
    names = [name for name, _ in RULES]
    assert names == ["table_rows", "glued_headings", "masked_text", "title", "signature_date", "part_headings",
                     "sections", "kind", "roles", "experience_kind", "closing", "numbering"]


# -- title ---------------------------------------------------------------------------------------

def test_title_set_on_two_lines():
    doc = outline("某县人民政府", "2024 年政府信息公开工作年度报告", "本报告依据条例编制。", "一、总体情况", "全年公开信息800条。")
    assert doc.title == "某县人民政府2024 年政府信息公开工作年度报告" and doc.kind == "report"
    doc = outline("夯实基层基础 激发队伍活力", "全力锻造过硬作风", "县水利局党组书记 王某某", "近年来，局党组坚持……。",
                  "一、“三项清单”明责任", "梳理清单3张。")
    assert doc.title == "夯实基层基础 激发队伍活力全力锻造过硬作风"
    assert doc.opening.startswith("县水利局党组书记 王某某")


@pytest.mark.parametrize("second", [
    "——在全县经济工作会议上", "县委组织部", "（2024年12月30日）", "张某某", "一、主要工作",
    "一年来，我们认真落实各项工作。",
])
def test_what_never_continues_a_title(second):
    doc = outline("以党建引领推动乡村振兴", second, "正文第一段，写明了做法。", "一、主要做法", "做了。")
    assert doc.title == "以党建引领推动乡村振兴"


def test_a_title_that_names_its_kind_takes_no_second_line():
    doc = outline("2024年党支部工作总结", "扎实推进支部建设", "一年来，……。")
    assert doc.title == "2024年党支部工作总结"


# -- headings ------------------------------------------------------------------------------------

def test_level1_heading_with_a_colon_stays_whole():
    doc = outline("常务委员会工作报告", "一、2023年：凝心聚力谱新篇\u00a0\u00a0履职尽责展作为", "一年来召开会议6次。",
                  "二、固本强基：开创工作新局面", "要坚持党的领导。", "三、总体情况：全年共完成项目12个", "四、主要工作：")
    assert [s.heading for s in doc.sections] == [
        "2023年：凝心聚力谱新篇\u00a0\u00a0履职尽责展作为", "固本强基：开创工作新局面", "总体情况", "主要工作"]
    assert doc.sections[2].paragraphs == ["全年共完成项目12个"]
    # level 2 keeps its run-in body after the colon
    doc = outline("总结", "一、主要工作", "（一）主动公开情况：主要通过门户网站公开信息")
    assert doc.sections[0].children[0].heading == "主动公开情况"


def test_first_part_and_first_comma_markers():
    assert match_marker("第一部分 主要工作")[0].level == 1 and match_marker("第二、存在问题")[0].number == 2
    assert match_marker("第一，加强学习") is None and match_marker("第一书记") is None
    doc = outline("2024年工作总结", "第一部分 主要工作", "全年开展活动12次。", "第二部分 存在问题", "学习不够深入。",
                  "第三部分 下步打算", "将继续加强学习。")
    assert heads(doc) == [("第一部分", "主要工作", "achievements"), ("第二部分", "存在问题", "problems"),
                          ("第三部分", "下步打算", "plans")]


def test_a_reference_is_no_glued_heading():
    doc = outline("报告", "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容 本年制发件数")
    assert [c.heading for c in doc.sections[0].children] == []


# -- flattened tables ------------------------------------------------------------------------------

def test_table_rows():
    for row in ("（七）总计 12", "一、本年新收申请数量 3001 53 0 0 61 4 3119", "4 0 0 0 0 0 4", "行政许可 550 12"):
        assert is_table_row(row), row
    for text in ("一、2023 年工作回顾", "（一）主动公开情况。2023 年，公开信息 1136 条。", "全年 12", "二、主要做法"):
        assert not is_table_row(text), text


def test_table_rows_and_fragments_are_body_text():
    doc = outline("某区人民政府2024年政府信息公开工作年度报告",
                  "一、总体情况", "全年公开信息800条。",
                  "二、收到和处理申请情况", "申请人情况", "一、本年新收申请数量 21 0 0 0 0 0 21",
                  "二、上年结转申请数量 0 0 0 0 0 0 0", "（一）予以公开 9 0 0 0 0 0 9", "三 、本 年 度办 理 结果",
                  "（三）不", "1.属于国家秘密 1 0 0 0 0 0 1", "（七）总计 21 0 0 0 0 0 21",
                  "三、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼", "0 0 0 0 0",
                  "四、存在的主要问题及改进情况", "政策解读质量仍需提升。")
    assert [s.heading for s in doc.sections] == ["总体情况", "收到和处理申请情况", "政府信息公开行政复议、行政诉讼情况",
                                                 "存在的主要问题及改进情况"]
    assert doc.sections[1].children == [] and len(doc.sections[1].paragraphs) == 8
    assert not any(w.code.startswith("numbering") for w in doc.warnings)


# -- unnumbered parts and the tail -------------------------------------------------------------------

def test_unnumbered_part_after_the_numbered_ones():
    doc = outline("某某法院工作报告（摘要）", "2023年主要工作", "2023年，全市法院坚持……。",
                  "一、服务保障大局", "审结案件12万件。", "二、加强队伍建设", "培训干警3000人次。",
                  "2024年工作任务", "一是着力服务高质量发展。", "二是着力加强民生司法保障。")
    assert heads(doc) == [("一、", "服务保障大局", "achievements"), ("二、", "加强队伍建设", "achievements"),
                          ("", "2024年工作任务", "plans")]
    assert len(doc.sections[2].items) == 2
    assert doc.opening.startswith("2023年主要工作")  # before 一、 it heads the review and stays


def test_a_short_line_naming_no_part_is_no_heading():
    doc = outline("总结", "一、主要工作", "开展活动3次。", "检察履职战疫情况", "全力做好防控。")
    assert [s.heading for s in doc.sections] == ["主要工作"]


@pytest.mark.parametrize("header", ["指标名称\t年度目标\t完成情况\t完成率", "指标名称  年度目标  完成情况"])
def test_a_tables_header_row_is_no_part_heading(header):
    """A table pasted as text: its header names 完成情况, a role cue, but its words stand in columns."""
    doc = outline("县统计局2025年工作总结", "一、主要工作", "（一）统计调查任务全面完成", "完成情况如下：", header,
                  "统计调查任务（项）\t46\t46\t100%", "（二）统计监测分析更加有力", "撰写分析报告27篇。")
    assert [s.heading for s in doc.sections] == ["主要工作"]
    assert [c.heading for c in doc.sections[0].children] == ["统计调查任务全面完成", "统计监测分析更加有力"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_a_docx_table_cell_is_no_part_heading(tmp_path):
    """A header cell 完成情况 names a part, but it is a cell of a table of data."""
    import docx

    document = docx.Document()
    for text in ("县统计局2025年工作总结", "一、主要工作", "（一）统计调查任务全面完成", "完成情况如下："):
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "指标名称", (0, 1): "完成情况", (1, 0): "调查任务（项）", (1, 1): "46"}.items():
        table.cell(row, col).text = text
    for text in ("（二）统计监测分析更加有力", "撰写分析报告27篇。"):
        document.add_paragraph(text)
    document.save(tmp_path / "table.docx")
    doc = drafter.parse_file(tmp_path / "table.docx")
    assert [c.heading for c in doc.sections[0].children] == ["统计调查任务全面完成", "统计监测分析更加有力"]
    assert doc.sections[0].children[0].tables[0].rows[0] == ["指标名称", "完成情况"]
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


def test_address_to_the_audience_opens_the_closing():
    doc = outline("政府工作报告", "——在县第十八届人民代表大会第三次会议上", "各位代表：", "现在，我代表县人民政府作报告。",
                  "一、2023年工作回顾", "全年地区生产总值增长5%。", "各位代表！", "成绩来之不易。",
                  "二、2024年主要任务", "要扩大有效投资。", "要加强民生保障。", "各位代表！", "新征程催人奋进。让我们团结一心，奋力谱写新篇章！")
    assert heads(doc) == [("一、", "2023年工作回顾", "achievements"), ("二、", "2024年主要任务", "plans")]
    assert doc.opening.split("\n") == ["——在县第十八届人民代表大会第三次会议上", "各位代表：", "现在，我代表县人民政府作报告。"]
    assert doc.sections[0].paragraphs == ["全年地区生产总值增长5%。", "各位代表！", "成绩来之不易。"]
    assert doc.closing == "各位代表！\n新征程催人奋进。让我们团结一心，奋力谱写新篇章！"
    assert doc.kind == "report"


def test_address_after_a_list_of_task_headings_is_the_closing():
    # the last subheading has no body of its own: 同志们，让我们… is not its body
    doc = outline("某某集团有限公司2024年度工作报告", "各位代表、同志们：", "现在，我代表公司领导班子作工作报告。",
                  "一、2024年工作回顾", "全年实现营业收入30亿元。", "二、2025年重点任务", "（一）聚焦主业，提升竞争力。",
                  "（二）深化改革，增强活力。", "同志们，让我们团结一心、砥砺前行，为公司高质量发展而努力奋斗！")
    assert doc.kind == "report" and doc.closing.startswith("同志们，让我们团结一心")
    assert [c.paragraphs for c in doc.sections[1].children] == [[], []]
    # a top-level section is never emptied: its only paragraph is its body
    doc = outline("讲话", "一、回顾", "做了。", "二、几点要求", "同志们，要把各项工作抓紧抓实。")
    assert doc.closing == "" and doc.sections[1].paragraphs == ["同志们，要把各项工作抓紧抓实。"]


def test_em_dash_paragraphs_stay_paragraphs():
    doc = outline("政府工作报告", "一、2023年工作回顾", "过去一年，我们主要做了以下工作：", "——经济运行稳中有进。增长5%。",
                  "——改革开放持续深化。新设企业1200家。")
    assert doc.sections[0].paragraphs[1:] == ["——经济运行稳中有进。增长5%。", "——改革开放持续深化。新设企业1200家。"]


def test_the_idiom_yi_shi_yi_is_no_enumeration():
    assert split_items("坚持一是一、二是二，实事求是反映情况。").items == []
    assert split_items("一是一以贯之抓学习。二是二十项任务全部完成。").items == ["一以贯之抓学习。", "二十项任务全部完成。"]


def test_a_problems_paragraph_inside_the_review_keeps_its_role():
    doc = outline("政府工作报告", "一、2023年工作回顾", "全年新增就业1.2万人。", "在肯定成绩的同时，我们也清醒看到，"
                  "经济恢复基础还不牢固，部分企业经营困难，民生领域还有不少短板。", "二、2024年主要任务", "要扩大内需。")
    assert [s.role for s in doc.sections] == ["achievements", "plans"]


# -- truncated copies ------------------------------------------------------------------------------------

def test_a_copy_cut_off_mid_sentence_ends_in_no_signature():
    doc = outline("2023年工作总结", "一、主要工作", "全年开展活动12次，", "持续加强党支部")
    assert doc.signature == "" and doc.sections[0].paragraphs[-1] == "持续加强党支部"
    doc = outline("2023年工作总结", "一、主要工作", "全年开展活动12次。", "XX街道党工委")
    assert doc.signature == "XX街道党工委"
    doc = outline("2023年工作总结", "一、主要工作", "全年开展活动12次。", "下一步将加强党支部...")
    assert doc.signature == ""


# -- masked text --------------------------------------------------------------------------------------

def test_masked_lines_are_warned_with_their_line():
    doc = outline("2023年党建工作总结", "一、主要工作", "坚持以***同志为核心的党中央决策部署。", "认真学习**思想。",
                  "以习新时代中国特色.主义思想为指导，学习党的.精神。")
    assert [(w.code, w.line) for w in doc.warnings] == [("masked_text", 3), ("masked_text", 4), ("masked_text", 5)]
    assert "以***同志为核" in doc.warnings[0].message
    # a copy typed with half-width punctuation: its . is a full stop
    doc = outline("2023年党建工作总结", "一、主要工作", "坚持学习.深化认识.取得成效")
    assert doc.warnings == []
    # a table note that names its * marker
    doc = outline("2025年县财政局工作总结", "一、主要工作", "表中带*的指标为约束性指标。", "注：带**的项目为民生实事项目。")
    assert doc.warnings == []


# -- compilations -----------------------------------------------------------------------------------

COMPILATION = """第1篇：甲村党支部2023年工作总结
一年来，支部认真落实各项要求。现将工作总结如下：
一、主要工作
召开党员大会4次。
二、存在问题
学习还不够深入。
第2篇：乙社区2023年上半年工作总结
今年以来，社区扎实推进各项工作。现将上半年工作总结如下：
一、主要做法
开展志愿服务12次。
二、下半年打算
将继续深化网格治理。
"""


def test_compilation_pieces():
    pieces = split_compilation(lines(*COMPILATION.splitlines()))
    assert [p.first_line for p in pieces] == [1, 7]
    assert [p.lines[0].text for p in pieces] == ["甲村党支部2023年工作总结", "乙社区2023年上半年工作总结"]
    assert pieces[1].removed == [Removal("compilation", "第2篇：", 7)]
    # one mark alone: cut, one document
    pieces = split_compilation(lines("篇一：2023年工作总结", "一年来……。"))
    assert len(pieces) == 1 and pieces[0].lines[0].text == "2023年工作总结"
    # marks out of order are no compilation
    assert len(split_compilation(lines("标题", "第2篇：甲", "正文。", "第5篇：乙"))) == 1


def test_parse_documents_gives_one_document_per_piece(tmp_path):
    path = tmp_path / "汇编.txt"
    path.write_text("2023年村社区工作总结汇编（2篇）\n" + COMPILATION, encoding="utf-8")
    docs = drafter.parse_documents(path)
    assert [(d.source, d.title, d.kind) for d in docs] == [
        (f"{path}#1", "甲村党支部2023年工作总结", "annual"), (f"{path}#2", "乙社区2023年上半年工作总结", "half_year")]
    assert [[(s.heading, s.role) for s in d.sections] for d in docs] == [
        [("主要工作", "achievements"), ("存在问题", "problems")], [("主要做法", "achievements"), ("下半年打算", "plans")]]
    assert [(r.rule, r.text) for r in docs[0].removed] == [("compilation_title", "2023年村社区工作总结汇编（2篇）"),
                                                          ("compilation", "第1篇：")]
    assert [(r.rule, r.text, r.line) for r in docs[1].removed] == [("compilation", "第2篇：", 8)]
    assert [(w.code, w.line) for w in docs[1].warnings] == [("compilation", 8)]
    first = drafter.parse_file(path)
    assert first.title == docs[0].title and "共 2 篇" in first.warnings[0].message
    # an ordinary file: one document, source unchanged
    plain = tmp_path / "总结.txt"
    plain.write_text("2023年工作总结\n一、主要工作\n做了。\n", encoding="utf-8")
    assert [d.source for d in drafter.parse_documents(plain)] == [str(plain)]


def test_parse_command_prints_one_object_per_document(tmp_path):
    path = tmp_path / "汇编.txt"
    path.write_text(COMPILATION, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [d["source"] for d in data] == [f"{path}#1", f"{path}#2"]
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert f"== {path}#2" in result.output and "本文件是汇编，共 2 篇，这是第 2 篇" in result.output


def test_parse_text_of_a_compilation_is_its_first_piece():
    doc = parse_text(COMPILATION, source="x")
    assert doc.source == "x#1" and doc.title == "甲村党支部2023年工作总结"


def test_compilation_pieces_without_leading_marks():
    # a mark ending the title line
    pieces = split_compilation(lines("XX局个人工作总结 篇1", "一年来……。", "一、主要工作", "做了。",
                                     "XX局个人工作总结 篇2", "今年以来……。", "一、主要做法", "做了。"))
    assert [(p.lines[0].text, p.removed) for p in pieces] == [
        ("XX局个人工作总结", [Removal("compilation", "篇1", 1)]), ("XX局个人工作总结", [Removal("compilation", "篇2", 5)])]
    # level-1 headings that are other documents' titles
    pieces = split_compilation(lines("工作总结范文", "一、城关镇2023年党建工作总结", "2023年，镇党委……。", "（一）抓学习",
                                     "二、县林业局2023年工作总结", "今年以来……。", "（一）抓造林"))
    assert [p.lines[0].text for p in pieces] == ["城关镇2023年党建工作总结", "县林业局2023年工作总结"]
    assert pieces[0].removed == [Removal("compilation", "工作总结范文", 1), Removal("compilation", "一、", 2)]
    # a title after which 一、 starts again
    pieces = split_compilation(lines("甲村2023年工作总结", "一、主要工作", "做了。", "二、存在问题", "不足。",
                                     "乙村2023年工作总结", "一年来，乙村……。", "一、主要做法", "做了。"))
    assert [p.first_line for p in pieces] == [1, 6]


@pytest.mark.parametrize("texts", [
    # one document naming its summary and its plan: 计划 is no document title of a piece
    ("2023年工作总结及2024年工作计划", "一、2023年工作总结", "做了。", "二、2024年工作计划", "将做。"),
    ("2023年工作总结", "一、主要工作", "做了。", "2024年工作计划", "一、加强学习", "将学习。"),
    ("2023年工作总结", "一、主要工作", "做了。", "二、上半年工作总结", "做了。"),
])
def test_one_document_is_not_split(texts):
    assert len(split_compilation(lines(*texts))) == 1


def test_fanwen_marks_and_first_comma_parts():
    pieces = split_compilation(lines("范文一：甲局2023年工作总结", "一年来……。", "范文二：乙局2023年工作总结", "今年以来……。"))
    assert [p.lines[0].text for p in pieces] == ["甲局2023年工作总结", "乙局2023年工作总结"]
    # through the whole chain, 范文一 on a line of its own at the head of the page is the first mark
    from drafter.parsing import documents_from_lines

    docs = documents_from_lines(lines("上半年工作总结范文（2篇）", "范文一", "甲局2024年上半年工作总结", "现将上半年工作总结如下：",
                                      "一、主要工作", "做了。", "范文二", "乙村2024年上半年工作总结", "一、主要工作", "做了。"))
    assert [d.title for d in docs] == ["甲局2024年上半年工作总结", "乙村2024年上半年工作总结"]
    assert [d.sections[-1].paragraphs for d in docs] == [["做了。"], ["做了。"]]
    assert [(r.rule, r.text) for r in docs[0].removed] == [("compilation_title", "上半年工作总结范文（2篇）"),
                                                           ("compilation", "范文一")]
    doc = outline("2024年工作总结", "第一、主要工作", "全年开展活动12次。", "第二、存在问题", "学习不够深入。")
    assert [(s.marker, s.heading, s.role) for s in doc.sections] == [
        ("第一、", "主要工作", "achievements"), ("第二、", "存在问题", "problems")]


def test_the_parser_data_are_part_of_the_cache_key(tmp_path, monkeypatch):
    import drafter.resources
    from drafter.parsing import parser_data_id

    shipped = parser_data_id()
    assert parser_data_id() == shipped
    (tmp_path / "roles.yaml").write_text("version: 1\n", encoding="utf-8")
    monkeypatch.setattr(drafter.resources, "templates_dir", lambda: tmp_path)
    assert parser_data_id() != shipped
