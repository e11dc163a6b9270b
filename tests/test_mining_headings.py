"""Heading miner: couplets grouped by structure and role."""
from __future__ import annotations

from drafter.mining.clauses import Sentence
from drafter.mining.headings import (add_document_headings, document_headings, heading_parts, merge_heading_totals,
                                     select_heading_sets, select_headings, structure_of)


def _heading(text: str, tokens: str, role: int = 0, kind: str = "h") -> Sentence:
    return Sentence(role, kind, text, tokens.split())


def test_parts_and_structure():
    assert heading_parts("学思想，推进主题教育。") == ["学思想", "推进主题教育"]
    assert structure_of(["学思想", "推进主题教育"], ["学", "思想"]) == "2:1+2"


def test_document_headings_keep_couplets_and_level2_headings():
    found = document_headings([
        _heading("学思想，推进主题教育", "学 思想 ， 推进 主题教育"),
        _heading("强化执纪监督", "强化 执纪 监督", role=3),
        _heading("存在问题", "存在 问题", role=1, kind="H"),               # plain level-1: skeleton only
        _heading("强化思想引领，加强政治建设", "强化 思想 引领 ， 加强 政治 建设", kind="H"),
        _heading("2024年工作计划", "□ 工作 计划", role=3),                 # has a number
        _heading("学习《准则》体会", "学习 《 准则 》 体会"),                # names a document
    ])
    assert found == [[0, "学思想，推进主题教育", "2:1+2"], [3, "强化执纪监督", "1:2+2+2"],
                     [0, "强化思想引领，加强政治建设", "2:2+2+2"]]


def test_selection_groups_by_role_then_structure():
    total: dict = {}
    add_document_headings(total, [[0, "学思想，推进主题教育", "2:1+2"], [0, "强化学习，提高本领", "2:2+2"],
                                  [3, "压紧压实责任", "1:4+2"]], "a.txt")
    other: dict = {}
    add_document_headings(other, [[0, "抓思想，政治引领突出成效", "2:1+2"], [0, "学思想，推进主题教育", "2:1+2"]],
                          "b.txt")
    merge_heading_totals(total, other)
    selected = select_headings(total)
    assert [h.text for h in selected] == ["学思想，推进主题教育", "抓思想，政治引领突出成效", "强化学习，提高本领",
                                          "压紧压实责任"]
    assert selected[0].count == 2 and selected[0].docs == 2 and selected[0].source == "a.txt"


def test_each_role_gets_a_share_of_the_limit():
    total: dict = {}
    add_document_headings(total, [[0, f"抓重点{i}，提升质量", "2:1+2"] for i in range(20)]
                          + [[3, "强化执纪监督", "1:2+2+2"]], "a.txt")
    assert {h.role for h in select_headings(total, limit=4)} == {0, 3}


# -- heading sets -------------------------------------------------------------------------

def _set(headings: list[str], source: str, structure: str = "2:1+2|3，n") -> list:
    return [0, headings, structure, [["抓", "学习"], ["提升", "理论", "水平"]], source]


def test_a_heading_set_counts_the_documents_holding_it_not_those_of_its_structure():
    grasp = ["抓学习，提升理论水平", "抓制度，规范组织生活", "抓作风，改进工作方式"]
    strong = ["强思想，筑牢信仰根基", "强组织，夯实基层基础", "强作风，树立良好形象"]
    found = select_heading_sets([_set(grasp, "a.txt"), _set(strong, "b.txt"), _set(grasp, "c.txt")], lambda word: "")
    by_first = {s.headings[0]: s for s in found}
    assert (by_first["抓学习，提升理论水平"].count, by_first["抓学习，提升理论水平"].docs) == (2, 2)
    assert (by_first["强思想，筑牢信仰根基"].count, by_first["强思想，筑牢信仰根基"].docs) == (1, 1)
    assert {s.structure_docs for s in found} == {3}  # the form is common: it still ranks the sets
    assert by_first["抓学习，提升理论水平"].source == "a.txt"


def test_the_bank_shows_how_often_the_set_itself_occurs(tmp_path):
    from drafter import api
    from drafter.mining import mine_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sets = {"a.txt": ("县档案馆党支部", ["抓学习，提升理论水平", "抓制度，规范组织生活", "抓作风，改进工作方式"]),
            "b.txt": ("市统计局机关党委", ["强思想，筑牢信仰根基", "强组织，夯实基层基础", "强作风，树立良好形象"])}
    for name, (unit, headings) in sets.items():
        lines = [f"2024年{unit}工作总结", f"今年以来，{unit}认真履行职责，各项工作有序推进。", "一、主要工作"]
        for number, heading in zip("一二三", headings):
            lines += [f"（{number}）{heading}", f"{heading.split('，')[1]}取得新进展，全年组织专题活动{len(heading)}次。"]
        lines += ["二、存在问题", "一是学习形式比较单一。二是作用发挥不够明显。", "三、下步计划", "一是持续加强学习。二是改进工作作风。",
                  unit, "2024年12月20日"]
        (corpus / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    mine_corpus(corpus, tmp_path / "bank", cache_dir=tmp_path / "cache", jobs=1, warn=lambda message: None)
    found = api.phrases(tmp_path / "bank", type="heading_set")
    assert len(found) == 2
    assert all((e["count"], e["docs"]) == (1, 1) for e in found), [(e["text"], e["count"], e["docs"]) for e in found]
