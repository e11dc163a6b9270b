"""Heading miner: couplets grouped by structure and role."""
from __future__ import annotations

from drafter.mining.clauses import Sentence
from drafter.mining.headings import (add_document_headings, document_headings, heading_parts, merge_heading_totals,
                                     select_headings, structure_of)


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
