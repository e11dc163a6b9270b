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


# -- typing: what makes a mined term a 提法 ------------------------------------------------------

@pytest.fixture(scope="module")
def words():
    """The base cut (no user words) and the dictionary's tags of each word."""
    from drafter.mining.pos import DictionaryWords
    from drafter.mining.tokenizer import load_tokenizer

    cut = load_tokenizer([]).cut
    dictionary = DictionaryWords()

    def tokens_and_tags(text: str) -> tuple[list[str], list[str]]:
        tokens = [t for t in cut(text) if t.strip()]
        return tokens, [dictionary.tag(t) for t in tokens]
    return tokens_and_tags


@pytest.mark.parametrize("text", ["三会一课", "四个意识", "两个维护", "中央八项规定", "三提三比", "两学一做"])
def test_a_numeral_that_counts_parts_makes_a_numbered_phrase(words, text):
    from drafter.mining.term_entries import _numbered

    assert _numbered(*words(text))


@pytest.mark.parametrize("text", ["下一步打算", "下一步工作", "现将一年来", "一般公共预算收入", "进一步加强", "统一思想",
                                  "第一时间", "一批党员", "百姓满意", "五年规划"])
def test_a_numeral_inside_a_word_of_the_language_counts_nothing(words, text):
    """一 of 下一步, 一年来, 一般, 进一步, 统一, 一批; an ordinal; 百 of 百姓 (n), 五 of 五年 (t)."""
    from drafter.mining.term_entries import _numbered

    assert not _numbered(*words(text))



def select(uses: dict, texts: list[str], documents: int = 4) -> dict[str, dict]:
    """select_terms on hand-made uses ({term: (count, docs, quoted, sentences)}) with n-gram
    counts of `texts`."""
    from drafter.lexicon import load_lexicon
    from drafter.mining.term_entries import select_terms
    from drafter.mining.terms import NgramCounts, count_documents
    from drafter.mining.tokenizer import load_tokenizer
    from drafter.topics import load_topic_cues

    counts = NgramCounts()
    count_documents(texts, counts)
    data = {term: (1, docs, [[f"d{i}.txt", sentence] for i, sentence in enumerate(sentences)], count, quoted)
            for term, (count, docs, quoted, sentences) in uses.items()}
    entries = select_terms(data, documents=documents, lexicon=load_lexicon(), cues=load_topic_cues(), units=set(),
                           base_cut=load_tokenizer([]).cut, char_counts=counts)
    return {entry["text"]: entry for entry in entries}


def test_a_word_common_in_the_language_is_not_bound_to_a_phrase():
    """数字化 occurs only in 档案数字化 here, but the language uses it everywhere; 枫桥 is rare."""
    archives = [f"完成馆藏档案数字化扫描{n}万页，推进档案数字化工作。" for n in range(4)]
    assert select({"档案数字化": (8, 4, 0, archives)}, archives)["档案数字化"]["type"] != "set_phrase"
    fengqiao = [f"推广枫桥式工作法，化解矛盾纠纷{n}件，枫桥式工作法覆盖全镇。" for n in range(4)]
    assert select({"枫桥式工作法": (8, 4, 0, fengqiao)}, fengqiao)["枫桥式工作法"]["type"] == "set_phrase"
