"""提法 found by the method, not by the lexicon: long names typed by the head of a name
(templates/name_heads.yaml), elliptical enumerations, and lexicon entries counted wherever
they are written."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.bank import load_phrases
from drafter.mining import mine_corpus
from drafter.mining.terms import NgramCounts, count_documents, mark_ellipses, score_terms

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# The four canonical long 提法 of the seeds (issue 11), and two pieces of junk.
CANONICAL = ("习近平新时代中国特色社会主义思想", "全面从严治党主体责任", "意识形态工作责任制", "中央八项规定精神")
JUNK = ("结合起来", "还不够")


def one_entry_lexicon(folder: Path) -> None:
    """A user bank whose terms.yaml holds one entry that the seeds do not use: mining then
    knows none of the seeds' 提法 (the shipped terms.yaml is bypassed, as an office's own
    lexicon replaces it)."""
    folder.mkdir(parents=True)
    (folder / "phrases.yaml").write_text("version: 1\nphrases: []\n", encoding="utf-8")
    (folder / "terms.yaml").write_text(yaml.safe_dump({"version": 2, "terms": [
        {"term": "河长制", "topics": ["safety"], "source": "中共中央办公厅、国务院办公厅《关于全面推行河长制的意见》（2016年）"}
    ]}, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def seeds_without_lexicon(tmp_path_factory) -> dict[str, dict]:
    base = tmp_path_factory.mktemp("nolexicon")
    one_entry_lexicon(base / "data" / "bank")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DRAFTER_DATA_DIR", str(base / "data"))
        from drafter.lexicon import load_lexicon

        assert [e.term for e in load_lexicon().entries] == ["河长制"]
        mine_corpus(CORPUS, base / "out", cache_dir=base / "cache", jobs=1, warn=lambda m: None)
    return {entry["text"]: entry for entry in load_phrases(base / "out")}


def test_the_seeds_give_whole_names_as_set_phrases_without_the_lexicon(seeds_without_lexicon):
    found = seeds_without_lexicon
    typed = {text: found[text]["type"] for text in CANONICAL if text in found}
    assert typed == dict.fromkeys(CANONICAL, "set_phrase"), typed
    doctrine = found["习近平新时代中国特色社会主义思想"]
    # counted wherever it is written: also inside 学习贯彻… and 深入学习贯彻…, which the
    # tokenizer cuts as longer words (14 times in the five seeds)
    assert (doctrine["count"], doctrine["docs"]) == (14, 5)
    for junk in JUNK:
        assert found.get(junk, {}).get("type") not in ("set_phrase", "collocation"), junk


def test_no_code_or_data_but_the_lexicon_names_them():
    """The names above must come from the method: no code and no data file the miner reads
    holds them (terms.yaml, which the test above bypasses, and the mined bank files excepted)."""
    wanted = CANONICAL + ("结合起来",)
    sources = list((ROOT / "drafter").rglob("*.py")) + [
        path for path in (ROOT / "templates").glob("*.yaml")
        if path.name not in ("terms.yaml", "phrases.yaml", "skeletons.yaml")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not [w for w in wanted if w in text], path


def test_a_verb_before_a_name_makes_a_collocation_not_a_name(seeds_without_lexicon):
    """Mined from the seeds and ending on the head of a name, but led by a verb."""
    found = seeds_without_lexicon
    assert found["严格落实意识形态工作责任制"]["type"] == "collocation"
    assert found["深入学习贯彻习近平新时代中国特色社会主义思想"]["type"] == "collocation"


def select_names(uses: dict[str, tuple], compounds: dict[str, str] | None = None) -> dict[str, dict]:
    """select_terms with the heads of names, on hand-made uses ({term: (documents, sentences)},
    each sentence one use as a word; or (documents, sentences, written, documents written)
    for a term also written inside longer terms)."""
    from drafter.lexicon import load_lexicon
    from drafter.mining.name_heads import load_name_heads
    from drafter.mining.term_entries import select_terms
    from drafter.mining.tokenizer import load_tokenizer
    from drafter.topics import load_topic_cues

    texts = [sentence for docs, sentences, *_written in uses.values() for sentence in sentences]
    counts = NgramCounts()
    count_documents(texts, counts)
    data = {term: [1, docs, [[f"d{i}.txt", s] for i, s in enumerate(sentences)], len(sentences), 0, 0, 0,
                   *(written or [len(sentences), docs])] for term, (docs, sentences, *written) in uses.items()}
    entries = select_terms(data, documents=6, lexicon=load_lexicon(), cues=load_topic_cues(), units=set(),
                           base_cut=load_tokenizer([]).cut, char_counts=counts, compounds=compounds or {},
                           heads=load_name_heads())
    return {entry["text"]: entry for entry in entries}


def test_a_name_is_a_noun_phrase_on_the_head_of_a_name():
    names = ["社区建立党建联席会议制度，每季度召开一次。", "完善党建联席会议制度，共商共建。",
             "落实党建联席会议制度，解决群众难题。", "党建联席会议制度运行顺畅。"]
    led = ["健全基层监督体系，织密监督网络。", "着力健全基层监督体系。", "健全基层监督体系，打通最后一公里。"]
    # 群众反映 is rare in the language and bound to 强烈 here, but ends no noun phrase
    clause = ["及时解决群众反映强烈的问题。", "对群众反映强烈的事项限时办结。", "整治群众反映强烈的突出问题。"]
    found = select_names({"党建联席会议制度": (4, names), "健全基层监督体系": (3, led), "群众反映强烈": (3, clause)})
    assert found["党建联席会议制度"]["type"] == "set_phrase"
    # led by a word the dictionary calls an adjective although it is used as a verb (健全 a)
    assert found.get("健全基层监督体系", {}).get("type") != "set_phrase"
    # a clause ending on an adjective is no name, however bound its words are
    assert found.get("群众反映强烈", {}).get("type") != "set_phrase"


def test_a_term_and_a_head_make_a_name_when_it_recurs_as_one():
    """网格议事 + 机制 is a name, though 网格议事 is used apart too; not when written twice only,
    nor where the head is only the start of a longer word (思想 of 思想认识)."""
    uses = ["推行网格议事机制，小事不出网格。", "网格议事机制覆盖全部小区。", "完善网格议事机制。", "通过网格议事解决难题。"]
    loose = uses + [f"开展网格议事{n}次。" for n in range(4)]
    found = select_names({"网格议事": (6, loose), "网格议事机制": (3, uses[:3])}, {"网格议事机制": "网格议事"})
    assert found["网格议事机制"]["type"] == "set_phrase"
    found = select_names({"网格议事": (6, loose), "网格议事机制": (2, uses[:2])}, {"网格议事机制": "网格议事"})
    assert "网格议事机制" not in found
    inside = ["统一网格议事思想认识。", "提高网格议事思想认识。", "网格议事思想认识不断深化。"]
    found = select_names({"网格议事": (6, loose), "网格议事思想": (3, inside)}, {"网格议事思想": "网格议事"})
    assert "网格议事思想" not in found


def test_a_name_that_longer_terms_swallow_is_counted_where_it_is_written():
    """The tokenizer cuts 健全红色网格联席会议制度 as one word: the name stands alone once, in one
    document, but is written six times in four. A piece of it that it covers everywhere
    (网格联席会议制度) is no name of its own."""
    name = "红色网格联席会议制度"
    alone = [f"{name}运行良好。"]
    longer = [f"健全{name}，每月会商一次。", f"社区健全{name}，解决难题。", f"街道健全{name}。",
              f"继续健全{name}，做实网格。", f"全面健全{name}。"]
    found = select_names({name: (1, alone, 6, 4), f"健全{name}": (4, longer),
                          "网格联席会议制度": (1, alone, 6, 4)})
    assert (found[name]["type"], found[name]["count"], found[name]["docs"]) == ("set_phrase", 6, 4)
    assert "网格联席会议制度" not in found


# -- elliptical enumerations ---------------------------------------------------------------

def test_an_enumeration_sharing_the_rest_of_a_name_marks_no_boundary():
    assert mark_ellipses("传达区委十三届二中、三中、四中全会精神，") == "传达区委十三届二中□三中□四中全会精神，"
    assert mark_ellipses("县级、乡级党组织") == "县级□乡级党组织"
    for kept in ("形式主义、官僚主义", "区委、区政府", "党员、干部", "政治建设、思想建设、组织建设"):
        assert mark_ellipses(kept) == kept


def test_no_term_ends_or_starts_inside_an_elliptical_enumeration():
    """区委十三届二中、三中、四中全会精神 is one unit, or nothing: never 区委十三届二中 nor
    四中全会精神; the same name written whole (区委十三届四中全会精神) stays."""
    openings = ["认真学习", "深入贯彻", "全面落实", "及时传达", "系统领会", "组织研讨"]
    endings = ["，推动工作落实。", "，凝聚发展合力。", "，抓好各项任务。", "，确保取得实效。", "，做好当前工作。",
               "，统一思想认识。"]
    texts = []
    for n, (opening, ending) in enumerate(zip(openings, endings)):
        texts.append(f"{opening}区委十三届二中、三中、四中全会精神{ending}")
        texts.append(f"{openings[n - 1]}区委十三届四中全会精神{endings[n - 2]}")
        texts.append(f"支部召开会议{n + 2}次，{opening}上级部署要求{ending}")
    counts = NgramCounts()
    count_documents(texts, counts)
    found = [term.text for term in score_terms(counts)]
    assert not [t for t in found if t.endswith("二中") or t.endswith("三中") or t.startswith("四中")], found


# -- a lexicon entry is counted wherever it is written -------------------------------------

def test_a_lexicon_entry_is_counted_wherever_it_is_written(tmp_path):
    """全面从严治党 is written here only inside 全面从严治党主体责任 or after 落实, and 精准扶贫
    only inside a longer verb phrase: each still gets its real count and documents."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bodies = [
        ["认真落实全面从严治党主体责任，层层传导压力。", "围绕精准扶贫持续发力，帮扶困难群众{n}户。",
         "班子成员带头落实全面从严治党主体责任，开展谈心谈话。"],
        ["支部书记履行全面从严治党主体责任，抓好班子带好队伍。", "扎实推进精准扶贫工作，走访农户{n}户。"],
        ["压实全面从严治党主体责任，推动管党治党向基层延伸。", "扎实推进精准扶贫工作，落实帮扶措施{n}项。",
         "认真落实全面从严治党主体责任，定期研究党建工作。"],
    ]
    for n, body in enumerate(bodies):
        lines = [f"2019年县第{n + 1}党支部工作总结", "一、主要工作", *[line.format(n=n + 3) for line in body],
                 "二、存在问题", "一是学习不够深入。", "三、下步计划", "一是继续抓好学习。", "2019年12月20日"]
        (corpus / f"{n}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    mine_corpus(corpus, tmp_path / "bank", cache_dir=tmp_path / "cache", jobs=1, warn=lambda m: None)
    found = {entry["text"]: entry for entry in load_phrases(tmp_path / "bank")}
    written = [path.read_text(encoding="utf-8") for path in sorted(corpus.iterdir())]
    for term in ("全面从严治党主体责任", "全面从严治党", "主体责任", "精准扶贫"):
        expected = (sum(text.count(term) for text in written), sum(term in text for text in written))
        assert (found[term]["count"], found[term]["docs"]) == expected, term


# -- templates/name_heads.yaml ---------------------------------------------------------------

def test_every_shipped_head_is_a_noun_with_a_note_and_a_source():
    from drafter.mining.name_heads import name_heads_path
    from drafter.mining.pos import DictionaryWords
    from drafter.mining.tokenizer import load_tokenizer

    items = yaml.safe_load(name_heads_path().read_text(encoding="utf-8"))["heads"]
    assert items and all(item["note"].strip() and item["source"].strip() for item in items)
    words = DictionaryWords()
    cut = load_tokenizer([]).cut
    for item in items:
        last = [t for t in cut(item["head"]) if t.strip()][-1]
        assert words.tag(last).startswith("n") or words.tag(last) == "vn", item["head"]


@pytest.mark.parametrize("body, key, message", [
    ("heads:\n- {head: 精神, note: 会议精神}\n", "heads[0].source", "缺少 source"),
    ("heads:\n- {head: 制, note: 制度, source: 章程}\n", "heads[0].head", "太短"),
    ("heads: 精神\n", "heads", "应有 heads"),
])
def test_a_broken_heads_file_names_its_line_and_key(tmp_path, body, key, message):
    from drafter.errors import DrafterError
    from drafter.mining.name_heads import load_name_heads

    path = tmp_path / "name_heads.yaml"
    path.write_text("version: 1\n" + body, encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_name_heads(path)
    assert message in caught.value.message and caught.value.path == str(path)
    assert caught.value.key == key and caught.value.line in (1, 2, 3)


def test_a_compound_is_counted_where_it_is_written_however_the_words_were_cut():
    """红色网格联席会议 followed by 制度 is a compound wherever the text writes it, even where the
    tokenizer prefers the other mined term (红色 + 网格联席会议制度)."""
    from drafter.mining.tokenizer import load_tokenizer
    from drafter.mining.words import WordLists, add_documents_words

    terms = frozenset({"红色网格联席会议", "网格联席会议制度"})
    lists = WordLists(terms, terms, {}, frozenset({"制度", "机制"}), {"联": sorted(terms)},
                      {term: term for term in terms}, {"议": (8,), "度": (8,)})
    blocks = [[0, "p", "社区健全红色网格联席会议制度，每月会商。"], [0, "p", "红色网格联席会议每月召开一次。"],
              [1, "h", "（一）完善红色网格联席会议制度"]]
    digest = {"source": "a.txt", "blocks": blocks}
    total = add_documents_words([digest], load_tokenizer(terms).cut, lists)
    roles, docs, _examples, count, _quoted, headed, _ends, written, written_docs = total["terms"]["红色网格联席会议制度"]
    assert (count, docs, headed, written, written_docs) == (2, 1, 1, 2, 1)
    assert total["compounds"]["红色网格联席会议制度"] == "红色网格联席会议"
    assert total["terms"]["红色网格联席会议"][7] == 3  # written three times, once on its own
