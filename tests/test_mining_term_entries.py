"""Term entries of the bank (drafter/mining/term_entries.py): how mined terms are typed and
merged, on small corpora written for each case."""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter import api
from drafter.mining import mine_corpus


def write_summary(folder: Path, name: str, unit: str, body: list[str], plans: str = "下步计划",
                  plan_lines: tuple[str, ...] = ("一是继续抓好理论学习。", "二是持续改进工作作风。")) -> None:
    """A short annual summary of `unit` with `body` as the achievements section."""
    lines = [f"2024年{unit}工作总结", f"今年以来，{unit}在上级党组织的领导下，各项工作有序推进。", "一、主要工作", *body,
             "二、存在问题", "一是学习的形式还比较单一。二是作用发挥还不够明显。", f"三、{plans}", *plan_lines,
             unit, "2024年12月20日"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def mine(tmp_path: Path, corpus: Path) -> Path:
    mine_corpus(corpus, tmp_path / "bank", cache_dir=tmp_path / "cache", jobs=1, warn=lambda message: None)
    return tmp_path / "bank"


def entry(bank: Path, text: str) -> dict:
    found = [e for e in api.phrases(bank, include_stale=True) if e["text"] == text]
    assert found, text
    return found[0]


# -- examples ------------------------------------------------------------------------------

def test_a_variant_does_not_repeat_the_example_of_its_main_wording(tmp_path):
    """The first sentence naming 主题党日 also names 主题党日活动: merged, it is shown once."""
    corpus = tmp_path / "corpus"
    write_summary(corpus, "a.txt", "县档案馆党支部", [
        "支部把主题党日作为党员教育的重要载体，全年开展主题党日活动12次。",
        "组织党员到红色教育基地参观学习，重温入党誓词。"])
    write_summary(corpus, "b.txt", "市统计局机关党委", [
        "每月固定开展主题党日活动，让主题党日成为党员交流思想的平台。",
        "各支部结合业务特点讲党课，党员参学率达到98%。"])
    item = entry(mine(tmp_path, corpus), "主题党日")
    assert item["source"] == "corpus" and "主题党日活动" in item["variants"]
    texts = [example["text"] for example in item["examples"]]
    assert len(texts) == len(set(texts)) == 2, texts
    assert {example["doc"] for example in item["examples"]} == {"a.txt", "b.txt"}


def test_distinct_examples_prefer_other_documents_and_drop_cuts_of_one_sentence():
    from drafter.mining.term_entries import distinct_examples

    sentence = "深入学习贯彻党的二十大精神，坚定拥护“两个确立”、坚决做到“两个维护”，推动全面从严治党向纵深发展。"
    examples = [["a.txt", sentence], ["a.txt", sentence], ["a.txt", "…" + sentence[10:50] + "…"],
                ["a.txt", "支部全年召开组织生活会2次，开展谈心谈话30余人次。"], ["b.txt", "组织党员学习党章。"]]
    other = ["a.txt", "支部全年召开组织生活会2次，开展谈心谈话30余人次。"]
    assert distinct_examples(examples) == sorted([["a.txt", sentence], other, ["b.txt", "组织党员学习党章。"]])
    two = distinct_examples(examples, limit=2)
    assert len(two) == 2 and {source for source, _text in two} == {"a.txt", "b.txt"}
