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


LEADS = ["认真", "扎实", "坚持", "持续", "深入"]
SUBJECTS = ["政治理论", "党章党规", "业务知识", "法律法规", "先进典型"]
INCIDENTS = ["安全生产事故", "泄密事件", "网络舆情事件", "重大信访事件", "消防安全事故"]
UNITS = ["县档案馆党支部", "市统计局机关党委", "区财政局党总支", "县水务局党支部", "市图书馆党支部"]


def write_numbered_corpus(folder: Path) -> Path:
    """Five summaries holding a local numbered 提法 (三提三比, made up for the test) and words
    that only look like one in a small corpus: 一 inside ordinary words, stems of stock
    sentences, one field's task names, plan headings."""
    for n, unit in enumerate(UNITS):
        a, b = n, (n + 2) % 5
        write_summary(folder, f"d{n}.txt", unit, [
            "（一）加强理论学习",
            f"{LEADS[a]}开展主题党日活动{4 + n}次，{LEADS[b]}组织主题党日专题学习{SUBJECTS[a]}。"
            f"支部党员大会学习{SUBJECTS[b]}{2 + n}次，进一步加强党员教育管理。",
            f"坚持统一思想、{LEADS[b]}统一行动，推行“三提三比”工作法；各小组{LEADS[a]}开展三提三比活动，三提三比成效明显。",
            "（二）推动业务发展",
            f"全县一般公共预算收入完成{10 + n}亿元，较上年增长{3 + n}%。{SUBJECTS[a]}培训覆盖全员，"
            f"全年未发生{INCIDENTS[a]}，全年未发生{INCIDENTS[b]}。",
            f"完成馆藏档案数字化扫描{20 + n}万页，档案数字化{LEADS[b]}推进。"],
            plans="下一步打算" if n != 2 else "下一步工作安排",
            plan_lines=(f"一是{LEADS[b]}深化三提三比工作法。", f"二是进一步{LEADS[a]}加强党员教育管理。"))
    return folder


def test_only_real_set_phrases_of_a_small_corpus_are_typed_so(tmp_path):
    bank = mine(tmp_path, write_numbered_corpus(tmp_path / "corpus"))
    mined = {e["text"]: e["type"] for e in api.phrases(bank, include_stale=True)
             if e["source"] == "corpus" and e["type"] in ("set_phrase", "collocation", "word")}
    set_phrases = {text for text, kind in mined.items() if kind == "set_phrase"}
    assert "三提三比" in set_phrases
    assert not {"下一步打算", "全年未发生", "档案数字化", "一般党员参与的主动性还不高"} & set_phrases, set_phrases
    # a 提法 in use is no new 提法: after a verb a collocation, inside a clause a word
    assert mined.get("深化三提三比工作法") == "collocation" and mined.get("三提三比成效明显") == "word"


def select(uses: dict, texts: list[str], documents: int = 4) -> dict[str, dict]:
    """select_terms on hand-made uses ({term: (count, docs, quoted, in headings, sentences)})
    with n-gram counts of `texts`."""
    from drafter.lexicon import load_lexicon
    from drafter.mining.term_entries import select_terms
    from drafter.mining.terms import NgramCounts, count_documents
    from drafter.mining.tokenizer import load_tokenizer
    from drafter.topics import load_topic_cues

    counts = NgramCounts()
    count_documents(texts, counts)
    data = {term: (1, docs, [[f"d{i}.txt", sentence] for i, sentence in enumerate(sentences)], count, quoted, headed)
            for term, (count, docs, quoted, headed, sentences) in uses.items()}
    entries = select_terms(data, documents=documents, lexicon=load_lexicon(), cues=load_topic_cues(), units=set(),
                           base_cut=load_tokenizer([]).cut, char_counts=counts)
    return {entry["text"]: entry for entry in entries}


def test_words_of_heading_lines_are_no_set_phrase():
    body = ["各小组开展三提三比活动，效果明显。", "持续推行三提三比，比学赶超氛围浓厚。", "以三提三比带动业务提升。",
            "三提三比覆盖全体党员。"]
    heads = ["三提三比", "三提三比", "三提三比", "深化三提三比"]
    in_body = select({"三提三比": (4, 4, 0, 0, body)}, body * 2)
    assert in_body["三提三比"]["type"] == "set_phrase"
    in_headings = select({"三提三比": (4, 4, 0, 3, heads[:3] + body[:1])}, heads + body[:1])
    assert in_headings["三提三比"]["type"] == "word"


def test_a_word_common_in_the_language_is_not_bound_to_a_phrase():
    """数字化 occurs only in 档案数字化 here, but the language uses it everywhere; 枫桥 is rare."""
    archives = [f"完成馆藏档案数字化扫描{n}万页，推进档案数字化工作。" for n in range(4)]
    assert select({"档案数字化": (8, 4, 0, 0, archives)}, archives)["档案数字化"]["type"] != "set_phrase"
    fengqiao = [f"推广枫桥式工作法，化解矛盾纠纷{n}件，枫桥式工作法覆盖全镇。" for n in range(4)]
    assert select({"枫桥式工作法": (8, 4, 0, 0, fengqiao)}, fengqiao)["枫桥式工作法"]["type"] == "set_phrase"


def test_a_standard_wording_with_a_verb_or_a_head_word_is_no_new_set_phrase():
    texts = ["严格落实中央八项规定精神，驰而不息纠治“四风”。", "查处违反中央八项规定精神问题3起。",
             "深入贯彻中央八项规定精神，持续改进作风。", "带头落实中央八项规定精神，接受群众监督。",
             "全年查处违反中央八项规定精神问题5起，处理7人。", "通报违反中央八项规定精神问题典型案例。"]
    # a lexicon entry is counted wherever it is written: in all six texts, three documents
    found = select({"中央八项规定精神": (6, 3, 0, 0, texts[0:3:2] + texts[3:4]),
                    "落实中央八项规定精神": (2, 2, 0, 0, [texts[0], texts[3]]),
                    "中央八项规定精神问题": (3, 3, 0, 0, [texts[1], texts[4], texts[5]])}, texts)
    assert found["落实中央八项规定精神"]["type"] == "collocation"
    assert "中央八项规定精神问题" not in found
    main = found["中央八项规定精神"]
    assert main["count"] == 6 and main["docs"] == 3 and "中央八项规定精神问题" not in main["variants"]


def test_a_wording_holding_punctuation_does_not_count_its_main_wording_twice(tmp_path):
    """以案为鉴、以案促改 is found in the text; 以案促改 inside it is cut as a word too."""
    corpus = tmp_path / "corpus"
    for name, unit in (("a.txt", "县档案馆党支部"), ("b.txt", "市统计局机关党委")):
        write_summary(corpus, name, unit, ["组织党员观看警示教育片，做到以案为鉴、以案促改。", "全年开展集中学习12次。"])
    item = entry(mine(tmp_path, corpus), "以案促改")
    assert "以案为鉴、以案促改" in item["variants"]
    assert (item["count"], item["docs"]) == (2, 2)
