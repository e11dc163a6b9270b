"""Each outline rule on small hand-made inputs."""
import pytest

from drafter.model import Document, Line
from drafter.outline.heading_text import split_heading
from drafter.outline.items import split_items
from drafter.outline.markers import cn_to_int, int_to_cn, match_marker
from drafter.outline.parser import RULES, parse_lines
from drafter.outline.rules.glued_headings import split_glued_headings
from drafter.outline.rules.kind import kind_from_title
from drafter.outline.rules.roles import role_from_heading
from drafter.outline.state import OutlineState


def lines(*texts):
    return [Line(t, n) for n, t in enumerate(texts, start=1)]


def outline(*texts):
    return parse_lines(lines(*texts))


# -- markers -------------------------------------------------------------------

@pytest.mark.parametrize("text,level,number", [
    ("一、主要工作", 1, 1), ("十二、其他", 1, 12), ("（三）抓基础", 2, 3), ("(三)抓基础", 2, 3),
    ("（ 三 ）抓基础", 2, 3), ("1.强化学习", 3, 1), ("2、规范管理", 3, 2), ("3．严格", 3, 3),
    ("１２．全角", 3, 12), ("（1）一是", 4, 1), ("(10)细化", 4, 10), ("二.半角点", 1, 2),
])
def test_marker_levels_follow_the_style(text, level, number):
    marker, _ = match_marker(text)
    assert (marker.level, marker.number) == (level, number)


@pytest.mark.parametrize("text", ["1.5亿元投入", "2023.12.20", "一是加强", "统一思想", "（试行）条例", "2023年"])
def test_not_a_marker(text):
    assert match_marker(text) is None


def test_chinese_numerals_round_trip():
    for number in range(1, 100):
        assert cn_to_int(int_to_cn(number)) == number
    assert cn_to_int("十十") is None and cn_to_int("是") is None


# -- heading text ------------------------------------------------------------

def test_heading_split_at_first_sentence():
    assert split_heading("学思想，推进主题教育。认真落实《准则》。", 2) == ("学思想，推进主题教育", "认真落实《准则》。")
    assert split_heading("抓思想，政治引领突出成效。", 2) == ("抓思想，政治引领突出成效", "")
    assert split_heading("“系统化”抓教育，强化理想信念", 2) == ("“系统化”抓教育，强化理想信念", "")
    assert split_heading("学思想,推进主题教育.认真落实", 2) == ("学思想,推进主题教育", "认真落实")


def test_a_masked_dot_does_not_end_a_heading():
    # in a document that ends its sentences with 。, a . between Chinese words is a missing word
    text = "坚持学习.新时代中国特色社会主义思想，提升政治素养"
    assert split_heading(text, 1, dot_is_full_stop=False) == (text, "")
    assert split_heading("学习.新时代思想。组织学习12次。", 1) == ("学习.新时代思想", "组织学习12次。")
    # where . is the full stop, it ends the heading
    assert split_heading(text, 1, dot_is_full_stop=True) == ("坚持学习", text[5:])
    doc = outline("2024年度述职报告", "现将履职情况报告如下：", "一、坚持学习.新时代中国特色社会主义思想，提升政治素养",
                  "全年参加中心组学习12次。", "二、坚持中国特色*主义道路，推动工作落实", "完成督办事项48项。")
    assert [s.heading for s in doc.sections] == ["坚持学习.新时代中国特色社会主义思想，提升政治素养",
                                                 "坚持中国特色*主义道路，推动工作落实"]
    assert [s.paragraphs for s in doc.sections] == [["全年参加中心组学习12次。"], ["完成督办事项48项。"]]


def test_heading_with_glued_item_and_colon():
    assert split_heading("政治思想建设情况一是强化思想教育，提高认识。", 1) == ("政治思想建设情况", "一是强化思想教育，提高认识。")
    assert split_heading("强化学习：创新学习方式。", 3) == ("强化学习", "创新学习方式。")


def test_heading_ended_by_a_space_before_its_body():
    assert split_heading("基本情况 支部现有党员27名，设党小组3个。", 1) == ("基本情况", "支部现有党员27名，设党小组3个。")
    assert split_heading("加强理论学习\u3000全年集中学习12次。", 2) == ("加强理论学习", "全年集中学习12次。")
    # a couplet, a PDF copy's spacing, a stray space before a quote or after a short word: one heading
    for text in ("强化政治引领 筑牢思想根基", "2023 年工作回顾", "落实 “三审三校”制度，从严把关。",
                 "坚持 党的领导，把牢政治方向。", "存 在 的 问 题 学习不够。"):
        heading, body = split_heading(text, 1)
        assert body == "" and heading == text.rstrip("。"), text


def test_long_first_sentence_is_not_a_heading_at_level_3():
    text = "在组织发展中，我们严格坚持发展党员工作的“十六字”方针，今年共培养发展了X名预备党员，完成转正手续。"
    assert split_heading(text, 3) == ("", text)


# -- items ---------------------------------------------------------------------

def test_items_inside_a_paragraph_with_lead():
    split = split_items("原因主要有：一是责任不实。二是方法不多；三是考核不严。")
    assert split.lead == "原因主要有："
    assert split.items == ["责任不实。", "方法不多；", "考核不严。"]


def test_item_marker_needs_a_boundary():
    assert split_items("坚持统一是前提，一是加强学习。").items == ["加强学习。"]
    assert split_items("其中之一是学习。").items == []


def test_item_skip_and_doubling_are_warned():
    doc = outline("标题总结", "一、主要工作", "一是加强学习。三是严格管理。", "四是是完善制度。")
    assert doc.sections[0].items == ["加强学习。", "严格管理。", "完善制度。"]
    assert [w.code for w in doc.warnings] == ["item_skip", "item_doubled"]


@pytest.mark.parametrize("paragraphs, items, found", [
    (["一是完善制度。二是开展接收。二是推进数字化。"], ["完善制度。", "开展接收。", "推进数字化。"], "二是"),
    (["一是优化服务。一是推进跨馆出证。"], ["优化服务。", "推进跨馆出证。"], "一是"),
    (["一是完善制度。", "二是开展接收。", "二是推进数字化。"], ["完善制度。", "开展接收。", "推进数字化。"], "二是"),
])
def test_a_repeated_item_number_is_its_own_item_and_warned(paragraphs, items, found):
    doc = outline("标题总结", "一、主要工作", *paragraphs)
    assert doc.sections[0].items == items
    [warning] = doc.warnings
    assert (warning.code, warning.found) == ("item_repeat", found) and "重复" in warning.message


@pytest.mark.parametrize("text", [
    "一是加强学习，其中之一是读原著。二是抓好落实。",  # 之一是: no marker
    "一是加强学习，二是抓好落实，这二是相辅相成的。",  # after a comma: no repeat
])
def test_no_repeat_without_a_sentence_start(text):
    doc = outline("标题总结", "一、主要工作", text)
    assert not [w for w in doc.warnings if w.code == "item_repeat"]


def test_marker_typed_twice_is_warned_and_stripped():
    doc = outline("标题总结", "一、主要工作", "一是加强学习。二是二是严格管理。")
    assert doc.sections[0].items == ["加强学习。", "严格管理。"]
    assert [w.message for w in doc.warnings] == ["“主要工作”中的分项写成了“二是二是”"]


def test_item_paragraph_returns_to_the_node_holding_its_sequence():
    doc = outline("标题总结", "一、主要工作", "一是加强学习。", "二是抓好队伍。", "1.强化学习。内容。", "2.规范管理。内容。",
                  "三是做好统计。", "1.植树活动。内容。")
    section = doc.sections[0]
    assert len(section.items) == 3 and section.items[2] == "做好统计。"
    assert [c.heading for c in section.children] == ["强化学习", "规范管理", "植树活动"]
    assert doc.warnings == []  # 1. after 三是 restarts the numbering


# -- glued headings --------------------------------------------------------

def test_glued_level1_heading_is_split_off():
    state = OutlineState(lines("2023年工作总结及下一步工作计划一、政治思想建设情况一是强化思想教育，提高认识。"), Document())
    split_glued_headings(state)
    assert [l.text for l in state.lines] == ["2023年工作总结及下一步工作计划", "一、政治思想建设情况一是强化思想教育，提高认识。"]


def test_glued_headings_whole_document():
    doc = outline("2023年支部工作总结一、政治思想建设情况一是强化思想教育。二是丰富学习形式。",
                  "二、存在问题一是学习不深。（一）思想认识方面。认识不足。")
    assert doc.title == "2023年支部工作总结"
    assert [s.heading for s in doc.sections] == ["政治思想建设情况", "存在问题"]
    assert doc.sections[0].items == ["强化思想教育。", "丰富学习形式。"]
    assert doc.sections[1].children[0].heading == "思想认识方面"


def test_glued_level1_after_a_lead_in_colon_ends_at_a_space():
    doc = outline("2023年工作总结", "一年来，支部工作有序推进。现将工作汇报如下：一、基本情况 支部现有党员27名。",
                  "二、主要做法", "全年开展集中学习12次。")
    assert doc.opening == "一年来，支部工作有序推进。现将工作汇报如下："
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [("基本情况", ["支部现有党员27名。"]),
                                                                  ("主要做法", ["全年开展集中学习12次。"])]
    assert doc.warnings == []


def test_glued_level2_after_a_sentence_end():
    doc = outline("总结", "一、主要工作", "（一）加强学习。学习了X次。（二）严格管理。管理到位。")
    assert [c.heading for c in doc.sections[0].children] == ["加强学习", "严格管理"]


@pytest.mark.parametrize("text", [
    "坚持统一、规范管理。", "做到：一、坚持学习；二、坚持实践。", "完成第一、二季度任务。", "学习《条例（二）》全文。",
])
def test_not_glued(text):
    state = OutlineState(lines("一、主要工作", text), Document())
    split_glued_headings(state)
    assert [line.text for line in state.lines] == ["一、主要工作", text]


# -- closing, signature, date ------------------------------------------------

def test_closing_after_last_section():
    doc = outline("总结", "一、主要工作", "（一）学习。学了。", "我们虽取得一定成效，但仍有差距。下一步，我们将继续努力。")
    assert doc.closing.startswith("我们虽取得一定成效")
    assert doc.sections[0].children[0].paragraphs == ["学了。"]


def test_plans_paragraph_is_not_a_closing():
    doc = outline("总结", "一、主要工作", "做了。", "二、下一步工作计划", "下一步，我们将继续加强学习。")
    assert doc.closing == ""
    assert doc.sections[1].paragraphs == ["下一步，我们将继续加强学习。"]


def test_signature_and_date():
    doc = outline("总结", "一、主要工作", "做了。", "中共XX市水利局机关委员会", "2023年12月20日")
    assert (doc.signature, doc.date) == ("中共XX市水利局机关委员会", "2023年12月20日")
    doc = outline("总结", "一、主要工作", "做了。", "XX局党组 2024年1月5日")
    assert (doc.signature, doc.date) == ("XX局党组", "2024年1月5日")
    doc = outline("述职报告", "一、主要工作", "做了。", "述职人：张三", "二〇二三年十二月二十日")
    assert (doc.signature, doc.date) == ("述职人：张三", "二〇二三年十二月二十日")
    # a year and month, no day: the date on the last line (under the signature or on its line)
    doc = outline("述职报告", "一、主要工作", "做了。", "2025年1月")
    assert (doc.signature, doc.date, doc.sections[0].paragraphs) == ("", "2025年1月", ["做了。"])
    doc = outline("述职报告", "一、主要工作", "做了。", "述职人：张三", "二〇二五年一月")
    assert (doc.signature, doc.date) == ("述职人：张三", "二〇二五年一月")
    doc = outline("述职报告", "一、主要工作", "做了。", "述职人：张三 2025年1月")
    assert (doc.signature, doc.date) == ("述职人：张三", "2025年1月")
    # inside the text it is no date
    doc = outline("述职报告", "一、主要工作", "2024年3月", "做了。")
    assert doc.date == "" and doc.sections[0].paragraphs == ["2024年3月", "做了。"]


def test_last_paragraph_is_not_mistaken_for_a_signature():
    doc = outline("总结", "一、主要工作", "做了很多工作，取得了成效。")
    assert doc.signature == "" and doc.sections[0].paragraphs


# -- roles, kind, numbering --------------------------------------------------

@pytest.mark.parametrize("heading,role", [
    ("主要工作开展情况", "achievements"), ("基本情况", "achievements"), ("主要做法", "achievements"),
    ("存在的主要问题", "problems"), ("存在的问题及原因", "problems"), ("问题与不足", "problems"),
    ("原因分析", "causes"), ("2024年工作计划", "plans"), ("下步打算", "plans"), ("下一步工作重点", "plans"),
    ("经验体会", "experience"), ("几点启示", "experience"),
])
def test_role_from_heading(heading, role):
    assert role_from_heading(heading) == role


def test_role_from_body_when_heading_has_no_cue():
    doc = outline("总结", "一、强化思想引领，加强政治建设", "组织学习12次，召开会议3次，完成整改任务。",
                  "二、思想认识", "学习还不够深入，谋划有待加强，落实不到位。")
    assert [s.role for s in doc.sections] == ["achievements", "problems"]


@pytest.mark.parametrize("title,kind", [
    ("2023年市水利局机关党委党建工作总结", "annual"), ("2023年党总支部书记抓基层党建工作述职报告", "debrief"),
    ("XX中心2023年度上半年党建工作开展情况汇报", "half_year"), ("关于党建工作的情况汇报", "report"),
    ("基层党建工作经验交流材料", "experience"), ("通知", "other"),
])
def test_kind_from_title(title, kind):
    assert kind_from_title(title) == kind


def test_numbering_skip_and_repeat_are_warnings():
    doc = outline("总结", "一、甲", "四、乙", "（一）丙", "（一）丁")
    messages = [w.message for w in doc.warnings]
    assert messages == ["一级标题序号跳跃：“一、”之后是“四、”", "二级标题序号重复：“（一）”之后是“（一）”"]


def test_skipped_level_attaches_to_nearest_ancestor():
    doc = outline("总结", "一、主要工作", "1.强化学习。内容。", "（1）细化。内容。")
    assert doc.sections[0].children[0].level == 3
    assert doc.sections[0].children[0].children[0].level == 4


def test_docx_heading_style_without_marker():
    doc = parse_lines([Line("总结", 1), Line("主要工作", 2, style_level=1), Line("做了。", 3)])
    assert doc.sections[0].heading == "主要工作" and doc.sections[0].marker == ""


def test_rules_are_named_and_ordered():
    names = [name for name, _ in RULES]
    assert names.index("glued_headings") < names.index("title") < names.index("sections") < names.index("closing")
    assert names.index("roles") < names.index("closing")
