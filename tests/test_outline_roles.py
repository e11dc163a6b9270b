"""Roles of the top sections (templates/roles.yaml) and the document kind."""
from __future__ import annotations

import pytest

from drafter.errors import DrafterError
from drafter.model import Line
from drafter.outline.parser import parse_lines
from drafter.outline.role_cues import load_role_cues
from drafter.outline.rules.kind import kind_from_opening, kind_from_title
from drafter.outline.rules.roles import HEADING_CUES, role_from_heading


def outline(*texts):
    return parse_lines([Line(t, n) for n, t in enumerate(texts, start=1)])


def roles(doc):
    return [s.role for s in doc.sections]


@pytest.mark.parametrize("heading,role", [
    # the table
    ("问题产生的根源", "causes"), ("原因剖析", "causes"), ("症结所在", "causes"),
    ("差距和短板", "problems"), ("短板弱项", "problems"), ("不足之处", "problems"),
    ("上半年工作总结", "achievements"), ("工作亮点", "achievements"), ("履职情况", "achievements"),
    ("主要成效", "achievements"), ("基本概况", "achievements"),
    ("下半年工作安排", "plans"), ("今后努力方向", "plans"), ("工作思路", "plans"), ("工作要点", "plans"),
    ("2024年主要任务", "plans"), ("下一步工作安排", "plans"), ("今后一个阶段的主要任务", "plans"),
    ("背景", "other"), ("起因", "other"), ("其他需要报告的事项", "other"),
    ("存在的主要问题及改进情况", "problems"), ("存在的困难", "problems"), ("面临的困难和挑战", "problems"), ("改革开放40年来工作的认识和体会", "experience"),
    # a PDF copy's spaces are read through
    ("2025 年工作计划", "plans"), ("存 在 的 问 题", "problems"),
])
def test_heading_names_its_role(heading, role):
    assert role_from_heading(heading) == role


@pytest.mark.parametrize("heading", [
    "讲党性、谋全局，政治站位坚定有力", "深入学习，不断提高自身修养", "补齐短板，夯实基层基础",
    "聚焦差距，推动整改落实", "2019年：七十华诞铭初心  履职尽责担使命",
])
def test_a_topic_heading_names_no_role(heading):
    assert role_from_heading(heading) is None


def test_done_work_is_never_a_plan_heading():
    assert role_from_heading("2023年工作任务完成情况") == "achievements"
    assert role_from_heading("重点工作落实情况") == "achievements"


def test_n_year_main_work_is_the_plan_in_a_report_only():
    assert role_from_heading("2020年主要工作", "report") == "plans"
    assert role_from_heading("2020年主要工作", "annual") == "achievements"
    # in a report that reviews one year and plans the next, the earlier year is the review
    doc = outline("某某委员会工作报告", "——在全体会议上的工作报告", "一、2023年主要工作", "全年开展督查12次。",
                  "二、2024年主要工作", "要坚持稳中求进。")
    assert doc.kind == "report" and roles(doc) == ["achievements", "plans"]


def test_topic_headings_take_their_place_in_the_document():
    doc = outline("2023年党支部工作总结",
                  "一、讲党性、谋全局，政治站位坚定有力", "支部将理论学习摆在首位，要求党员每月自学。",
                  "二、深入学习，不断提高自身修养", "我认真学习党章党规，进一步提高了政治站位。",
                  "三、存在的不足", "学习还不够深入。",
                  "四、强化担当，推动工作上台阶", "要进一步强化责任，将继续完善制度。")
    assert roles(doc) == ["achievements", "achievements", "problems", "plans"]


def test_after_the_plans_the_rest_are_plans():
    doc = outline("政府工作报告", "一、2023年工作回顾", "全年地区生产总值增长5.2%。",
                  "二、2024年工作总体要求和目标任务", "今年发展的主要预期目标是：……",
                  "三、扩大有效需求，推动经济回升", "加大项目建设力度，全年安排重点项目120个。",
                  "四、推进乡村振兴，促进农民增收", "稳定粮食播种面积。")
    assert roles(doc) == ["achievements", "plans", "plans", "plans"]


def test_year_labels_order_review_and_plan():
    doc = outline("某某委员会常务委员会工作报告", "一、2023年：凝心聚力谱新篇 履职尽责展作为", "一年来，召开常委会议6次。",
                  "二、2024年：同心奋进新征程", "围绕中心任务，做好以下工作。")
    assert roles(doc) == ["achievements", "plans"]
    # a year that only qualifies the words orders nothing
    doc = outline("审查结果报告", "一、2023年预算执行情况总体良好", "收入完成预算的101%。",
                  "二、2024年预算草案总体可行", "支出安排3200亿元，增长4%。", "三、做好2024年预算执行工作的建议",
                  "要继续加强预算管理。")
    assert roles(doc) == ["achievements", "achievements", "plans"]


def test_a_review_is_never_a_plan_by_its_place():
    doc = outline("2023年个人述职报告", "一、履职情况", "全年牵头审批项目45件。", "二、存在问题", "理论学习不够系统。",
                  "三、廉洁自律情况", "本人严格遵守中央八项规定精神，自觉接受组织和群众监督。",
                  "四、强化担当", "本人主动承担急难险重任务，完成了防汛值守等工作。",
                  "五、严守纪律规矩", "全年未收受礼品礼金，未发生违纪违规行为。",
                  "六、改进作风", "一是加强学习，提高本人理论水平；二是将继续深入基层调研。",
                  "七、转变观念", "一是树立服务意识。二是增强创新意识。")
    assert roles(doc) == ["achievements", "problems", "achievements", "achievements", "achievements", "plans", "plans"]
    # after the plans: a heading naming a review, or a body of two review words and no future one
    doc = outline("2023年工作总结", "一、主要工作", "全年开展活动12次。", "二、下一步打算", "将继续加强学习。",
                  "三、廉洁自律情况", "严格遵守各项规定。", "四、严守纪律", "本人全年未收受礼品礼金，未发生违纪行为。",
                  "五、提升能力", "全年安排培训2次。")
    assert roles(doc) == ["achievements", "plans", "achievements", "achievements", "plans"]


def test_body_decides_only_where_the_place_leaves_a_choice():
    doc = outline("总结", "一、强化思想引领，加强政治建设", "组织学习12次，召开会议3次，完成整改任务。",
                  "二、思想认识", "学习还不够深入，谋划有待加强，落实不到位。",
                  "三、标本兼治", "究其原因，根源在于责任压得不实。")
    assert roles(doc) == ["achievements", "problems", "causes"]
    # 将 and 要 as single characters are no plan cue: 主要 重要 将其
    doc = outline("总结", "一、完善资助政策", "将家庭经济困难学生纳入资助范围，重要政策主要由财政保障。")
    assert roles(doc) == ["achievements"]


def test_a_plan_document_defaults_to_plans():
    doc = outline("2025年机关党建工作要点", "一、加强政治建设", "深入学习贯彻党的创新理论。", "二、夯实基层基础",
                  "推进支部标准化规范化建设。")
    assert roles(doc) == ["plans", "plans"]


def test_top_sections_without_level1_get_roles():
    doc = outline("县司法局2024年上半年工作总结", "（一）深化法治宣传", "开展普法活动32场。", "（二）存在的问题",
                  "调解队伍专业化程度不高。", "（三）下半年工作打算", "持续深化法治宣传。")
    assert [(s.level, s.role) for s in doc.sections] == [(2, "achievements"), (2, "problems"), (2, "plans")]
    # where there is a 一、, a stray （一） before it gets no role
    doc = outline("总结", "（一）前言", "正文。", "一、主要工作", "开展活动3次。")
    assert [(s.level, s.role) for s in doc.sections] == [(2, None), (1, "achievements")]


# -- kind ------------------------------------------------------------------------------------

@pytest.mark.parametrize("title,kind", [
    ("政府工作报告", "report"), ("最高人民法院工作报告（摘要）", "report"),
    ("某区人民政府2023 年政府信息公开工作年度报告", "report"), ("2022年中国学生资助发展报告", "annual"),
    ("2023 年度机关党支部工作总结", "annual"),
    # a whole year's work reported is the annual summary; a document named 报告 stays a report
    ("关于2023年工作情况的汇报", "annual"), ("市统计局2023年党建工作汇报", "annual"), ("关于党建工作的情况汇报", "report"),
    ("市统计局2023年工作情况报告", "report"), ("2023年上半年工作汇报", "half_year"), ("2023年度述职汇报", "debrief"),
    # 年度 names the period; a title ending in 工作报告 names a report
    ("某某集团有限公司2024年度工作报告", "report"), ("某县教育局2024年度工作报告", "report"),
    ("某县教育局2024年度工作报告（摘要）", "report"), ("2024年度工作总结报告", "annual"),
    ("某局2024年度工作总结和2025年工作报告", "annual"),
])
def test_kind_from_title(title, kind):
    assert kind_from_title(title) == kind


@pytest.mark.parametrize("opening,kind", [
    ("一年来，支部坚持……。现将2023年工作总结如下：", "annual"),
    ("今年以来，我局扎实推进各项工作。现将上半年工作总结如下：", "half_year"),
    ("根据区委组织部安排，现将本人一年来的履职情况述职如下：", "debrief"),
    ("我代表党支部委员会，向全体党员述职，请予评议。", "debrief"),
    ("——在市纪委六届三次全会上的工作报告\n同志们：", "report"),
    ("今年以来，我局扎实推进各项工作。", "other"),
    ("现将我局2023年工作情况汇报如下：", "annual"), ("现将一年来的工作情况报告如下：", "annual"),
    ("现将有关情况汇报如下：", "report"), ("现将我局上半年工作情况汇报如下：", "half_year"),
])
def test_kind_from_opening_when_there_is_no_title(opening, kind):
    assert kind_from_opening(opening) == kind


def test_a_document_of_practices_under_a_slogan_is_an_experience_write_up():
    doc = outline("以清单管理推动基层减负", "一、“一张清单”明权责", "梳理事项86项。", "二、“一套机制”强督办",
                  "建立周调度机制，召开调度会12次。")
    assert doc.kind == "experience"
    doc = outline("在全县党建工作会议上的讲话", "一、提高认识", "开展活动3次。", "二、压实责任", "召开会议2次。")
    assert doc.kind == "other"
    doc = outline("以清单管理推动基层减负", "一、主要做法", "梳理事项86项。", "二、存在问题", "基础薄弱。")
    assert doc.kind == "other"


# -- the cue file ----------------------------------------------------------------------------

def test_cues_are_read_once_and_shared():
    assert load_role_cues() is load_role_cues()
    cues = dict(HEADING_CUES)
    assert cues["problems"].search("存在问题及下步打算") and cues["plans"].search("存在问题及下步打算")


def test_an_office_can_add_its_own_wording(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text("version: 1\nheadings:\n  - role: plans\n    note: 本单位写法\n    words: [明年怎么干]\n"
                    "body:\n  plans:\n    words: [下一步]\n", encoding="utf-8")
    cues = load_role_cues(str(path))
    assert cues.heading_role("明年怎么干") == "plans" and cues.heading_role("主要工作") is None


@pytest.mark.parametrize("text,key", [
    ("headings: []\nbody: 3\n", "body"),
    ("headings:\n  - role: plan\n    words: [下一步]\nbody: {}\n", "headings[0].role"),
    ("headings:\n  - role: plans\nbody: {}\n", "headings[0]"),
    ("headings:\n  - role: plans\n    patterns: ['(']\nbody: {}\n", "headings[0].patterns"),
    ("headings:\n  - role: plans\n    words: [下步]\n    kinds: [memo]\nbody: {}\n", "headings[0].kinds"),
])
def test_a_broken_cue_file_names_the_key(tmp_path, text, key):
    path = tmp_path / "roles.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError) as raised:
        load_role_cues(str(path))
    assert raised.value.key == key and raised.value.path == str(path) and raised.value.line is not None


def test_a_cue_file_that_is_no_yaml_names_the_line(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text("headings:\n  - role: plans\n   words: [x\n", encoding="utf-8")
    with pytest.raises(DrafterError) as raised:
        load_role_cues(str(path))
    assert raised.value.line is not None
