"""Skeleton miner: role order and share, heading templates, typical sizes, formulas."""
from __future__ import annotations

from drafter.mining.digest import digest_document
from drafter.mining.skeletons import build_skeletons, closing_formulas, document_facts, opening_formulas
from drafter.model import Document, Section


def _doc(kind: str, year: int, roles: list[tuple[str, str, int, int]], opening: str = "", closing: str = "",
         title: str = "") -> Document:
    sections = []
    for role, heading, level2, items in roles:
        children = [Section(2, f"（{i}）", f"小标题{i}", role) for i in range(level2)]
        sections.append(Section(1, "一、", heading, role, items=[f"第{i}项" for i in range(items)],
                                children=children))
    return Document(kind=kind, title=title or f"{year}年党建工作总结", opening=opening, closing=closing,
                    sections=sections)


def _facts(docs: list[Document]) -> list[dict]:
    return [document_facts(digest_document(doc, f"d{i}.txt")) for i, doc in enumerate(docs)]


ANNUAL = [
    _doc("annual", 2023, [("achievements", "主要工作开展情况", 6, 0), ("problems", "存在的主要问题", 0, 2),
                          ("plans", "2024年工作计划", 0, 5)], opening="今年以来，我们狠抓落实。现将2023年工作总结如下："),
    _doc("annual", 2022, [("achievements", "基本情况", 4, 0), ("problems", "存在问题", 5, 0),
                          ("causes", "原因分析", 0, 3), ("plans", "下步打算", 4, 0)],
         opening="今年以来，党组坚持以学促干。现将2022年工作总结如下：", closing="下一步，我们将再接再厉。"),
    _doc("annual", 2019, [("achievements", "强化思想引领，加强政治建设", 0, 0),
                          ("achievements", "抓牢主体责任，加强基层组织建设", 3, 0)]),
]


def test_roles_in_order_with_share():
    (annual,) = build_skeletons(_facts(ANNUAL))
    assert annual["kind"] == "annual" and annual["docs"] == 3
    assert [(s["role"], s["share"]) for s in annual["sections"]] == [
        ("achievements", 1.0), ("problems", 0.67), ("causes", 0.33), ("plans", 0.67)]


def test_headings_with_counts_and_year_slots():
    annual = build_skeletons(_facts(ANNUAL))[0]
    plans = annual["sections"][3]["headings"]
    assert {"text": "2024年工作计划", "template": "{{ next_year }}年工作计划", "count": 1} in plans
    achievements = annual["sections"][0]["headings"]
    assert len(achievements) == 4 and all(h["count"] == 1 for h in achievements)


def test_typical_sizes_per_document():
    sections = {s["role"]: s for s in build_skeletons(_facts(ANNUAL))[0]["sections"]}
    # 2019 has two achievement sections: their level-2 headings add up (0 + 3)
    assert sections["achievements"]["l2"] == 4 and sections["achievements"]["items"] == 0
    # problems: one document uses 5 level-2 headings, the other 2 items: both are typical
    assert sections["problems"]["l2"] == 5 and sections["problems"]["items"] == 2
    assert sections["plans"]["items"] == 5 and sections["plans"]["points"] == "items"


def test_numbered_points_when_level3_headings_dominate():
    doc = _doc("report", 2023, [("achievements", "主要做法", 2, 0)])
    doc.sections[0].children[0].children = [Section(3, f"{i}.", f"做法{i}", "achievements") for i in range(1, 4)]
    (report,) = build_skeletons(_facts([doc]))
    assert report["sections"][0]["points"] == "numbered"


def test_openings_and_closings_are_templates():
    annual = build_skeletons(_facts(ANNUAL))[0]
    openings = {o["template"]: o["count"] for o in annual["openings"]}
    assert openings["现将{{ year }}年工作总结如下："] == 2
    assert "今年以来，" not in openings  # a first clause is no formula (issue 11)
    # the standard formulas of templates/formulas.yaml follow the mined ones
    assert list(openings)[0] == "现将{{ year }}年工作总结如下：" and set(openings.values()) == {2, 0}
    # a closing formula turns to what comes next (下一步，…); a sentence of content is none
    assert annual["closings"] == [{"template": "下一步，我们将再接再厉。", "count": 1}]


def test_opening_formula_rules():
    # whole sentences only: the lead-in, never a cut clause (issue 11)
    assert opening_formulas("2023年，在区委和区政府的正确领导下，我们扎实工作。现将2023年工作汇报如下：") == [
        "现将2023年工作汇报如下："]
    assert opening_formulas("今年以来，我们扎实工作，取得成效。") == []
    assert opening_formulas("") == []
    assert closing_formulas("我局虽取得一定成效，但仍有不足。下一步，我们将继续努力。") == [
        "我局虽取得一定成效，但仍有不足。", "下一步，我们将继续努力。"]


def test_unit_in_formula_becomes_slot():
    doc = _doc("half_year", 2023, [("achievements", "主要工作开展", 3, 0)],
               title="XX中心2023年度上半年党建工作开展情况汇报",
               opening="XX中心党组坚持以学促干。现将XX中心2023年度上半年工作总结如下：")
    (skeleton,) = build_skeletons(_facts([doc]))
    assert "现将{{ unit }}{{ year }}年度上半年工作总结如下：" in [o["template"] for o in skeleton["openings"]]


def test_a_kind_seen_once_still_gets_a_skeleton_with_its_count():
    docs = ANNUAL + [_doc("debrief", 2023, [("achievements", "主要做法", 4, 0), ("problems", "存在的问题", 3, 0),
                                             ("plans", "下一步工作计划", 3, 0)])]
    skeletons = build_skeletons(_facts(docs))
    assert [s["kind"] for s in skeletons] == ["annual", "debrief"]
    assert skeletons[1]["docs"] == 1 and [s["role"] for s in skeletons[1]["sections"]] == [
        "achievements", "problems", "plans"]


def test_skeletons_pass_bank_validation(tmp_path):
    from drafter.bank import dump_skeletons, load_skeletons

    skeletons = build_skeletons(_facts(ANNUAL))
    (tmp_path / "skeletons.yaml").write_text(dump_skeletons(skeletons), encoding="utf-8")
    assert load_skeletons(tmp_path) == skeletons


def test_a_closing_formula_hands_over_asks_or_turns_ahead():
    from drafter.mining.skeletons import is_closing_formula

    formulas = ["以上报告，请予审议。", "特此报告。", "不妥之处，恳请各位领导批评指正。", "以上述职，请予评议。",
                "下一步，我们将再接再厉。", "{{ next_year }}年，我们将继续努力。", "让我们团结一心，奋勇前进！"]
    content = ["各位代表！", "同志们：", "典型引航方向，榜样传递力量。", "发挥好工会、共青团、妇联等群团组织作用。",
               "全年完成各项目标任务。", "我们将继续努力，请大家监督。"]
    assert [s for s in formulas if not is_closing_formula(s)] == []
    assert [s for s in content if is_closing_formula(s)] == []
