"""Messy documents written for review: Word heading styles without typed markers,
（一） headings straight under the title, 一是 look-alikes inside words (其一是, 统一是,
唯一是), and a web page pasted as one giant line."""
from pathlib import Path

import drafter
from drafter.model import Line
from drafter.outline.parser import parse_lines

DATA = Path(__file__).resolve().parent / "data" / "messy_extra"


def _outline(doc):
    return [(s.level, s.heading, s.role, [c.heading for c in s.children], len(s.items)) for s in doc.sections]


def test_word_heading_styles_without_markers():
    doc = drafter.parse_file(DATA / "word_styles.docx")
    assert (doc.kind, doc.title) == ("annual", "2024年度市档案馆工作总结")
    assert _outline(doc) == [
        (1, "主要工作成效", "achievements", ["档案资源建设稳步推进", "利用服务水平不断提升"], 0),
        (1, "存在的不足", "problems", [], 2),
        (1, "2025年工作打算", "plans", ["加快新馆建设", "深化数字档案馆建设"], 0),
    ]
    assert len(doc.sections[0].children[1].items) == 3
    assert (doc.signature, doc.date) == ("市档案馆", "2024年12月28日")


def test_level2_headings_straight_under_the_title():
    doc = drafter.parse_file(DATA / "no_level1.txt")
    assert (doc.kind, doc.title) == ("half_year", "县司法局2024年上半年工作总结")
    assert [(s.level, s.marker, s.heading) for s in doc.sections] == [
        (2, "（一）", "深化法治宣传，营造良好氛围"), (2, "（二）", "强化人民调解，维护社会稳定"),
        (2, "（三）", "规范社区矫正，筑牢安全防线"), (2, "（四）", "存在的问题"), (2, "（五）", "下半年工作打算"),
    ]
    assert len(doc.sections[2].items) == 3
    assert doc.warnings == []
    assert (doc.signature, doc.date) == ("县司法局", "2024年7月5日")


def test_shi_inside_words_is_no_item():
    doc = drafter.parse_file(DATA / "odd_shi.txt")
    assert doc.kind == "debrief"
    assert _outline(doc) == [(1, "履职情况", "achievements", [], 0), (1, "存在的不足", "problems", [], 3),
                             (1, "下一步打算", "plans", [], 3)]
    body = doc.sections[0].paragraphs[0]
    assert "其一是政治理论，其二是业务知识" in body and "唯一是从的是服务大局，统一是为了高效" in body
    assert doc.warnings == []
    assert (doc.signature, doc.date) == ("述职人：王某某", "2025年1月10日")


def test_web_page_on_one_line():
    doc = drafter.parse_file(DATA / "web_glued.txt")
    assert _outline(doc) == [
        (1, "主要工作开展情况", "achievements", ["加强理论武装", "夯实基层基础", "强化作风建设"], 0),
        (1, "存在的问题", "problems", [], 2),
        (1, "下一步工作计划", "plans", [], 3),
    ]
    # the page chrome is split off the one line and removed; the real first sentence stays
    assert doc.title == "XX街道2024年上半年党建工作汇报" and doc.kind == "half_year"
    assert doc.opening == ("今年上半年，XX街道党工委坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设，"
                           "推动各项工作取得新成效。现将有关情况汇报如下：")
    assert doc.warnings == []
    assert [(r.rule, r.text) for r in doc.removed] == [
        ("page_meta", "发布时间：2024-07-12 来源：本站原创 浏览次数：1523"),
        ("page_button", "下载本文 分享到："), ("page_button", "相关推荐"),
        ("unfinished_notice", "(未完，全文共3120字)")]
    assert doc.sections[-1].items[-1] == "驰而不息纠治“四风”。"
    texts = [doc.title, doc.opening, doc.closing] + doc.body_texts()
    assert not any("浏览次数" in t or "未完" in t for t in texts)


def test_level1_heading_glued_to_its_first_subheading():
    doc = parse_lines([Line("总结", 1), Line("汇报如下：一、主要工作（一）抓学习。学习8次。（二）抓作风。整改2项。", 2)])
    assert [(s.heading, [c.heading for c in s.children]) for s in doc.sections] == [
        ("主要工作", ["抓学习", "抓作风"])]


def test_a_later_subheading_glued_to_a_level1_heading_is_left_alone():
    # （二） right after 一、 is no glued first sub-heading
    doc = parse_lines([Line("总结", 1), Line("一、主要工作（二）抓学习", 2)])
    assert [s.heading for s in doc.sections] == ["主要工作（二）抓学习"]


def test_a_line_ending_with_a_colon_is_no_title():
    doc = parse_lines([Line("现将有关情况汇报如下：", 1), Line("一、主要工作", 2)])
    assert doc.title == "" and doc.opening == "现将有关情况汇报如下："
