"""Issue 11: a phrase bank and skeletons a writer can trust — whole 提法 typed as a writer
understands them, clean patterns with their fillers, heading sets, topics, variants,
currency, whole formulas and fitting suggestions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import drafter
from drafter import api
from drafter.cli import main
from drafter.drafting.suggestions import Context, SuggestionPool
from drafter.lexicon import load_lexicon
from drafter.mining import mine_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OLD_CORPUS = ROOT / "tests" / "data" / "mining_2019"
FUNCTION_CHARS = set("的了和与等及在为把同对将以")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    mine_corpus(CORPUS, folder / "bank", cache_dir=folder / "cache", jobs=1, warn=lambda m: None)
    return folder / "bank"


@pytest.fixture(scope="module")
def old(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("old")
    mine_corpus(OLD_CORPUS, folder / "bank", cache_dir=folder / "cache", jobs=1, warn=lambda m: None)
    return folder / "bank"


def texts(bank: Path, **filters) -> list[str]:
    return [entry["text"] for entry in api.phrases(bank, include_stale=True, **filters)]


def mined(bank: Path, kind: str) -> list[dict]:
    return [e for e in api.phrases(bank, type=kind, include_stale=True) if e["source"] == "corpus"]


# -- 1. whole 提法, typed --------------------------------------------------------------------

def test_long_set_phrases_are_mined_whole_with_counts(seeds):
    phrases = {e["text"]: e for e in mined(seeds, "set_phrase")}
    for wanted in ("习近平新时代中国特色社会主义思想", "全面从严治党主体责任", "意识形态工作责任制", "中央八项规定精神",
                   "党风廉政建设和反腐败工作", "形式主义、官僚主义", "不忘初心、牢记使命"):
        assert wanted in phrases, wanted
        assert phrases[wanted]["count"] >= 1 and phrases[wanted]["docs"] >= 1 and phrases[wanted]["examples"]


def test_fragments_and_junk_are_no_set_phrase(seeds):
    set_phrases = set(texts(seeds, type="set_phrase"))
    for junk in ("大精神", "业务工作同", "不断提高党", "作为首要", "在区委", "坚强领导下", "结合起来", "还不够",
                 "习近平", "进一步", "贯彻落实", "扎实推进"):
        assert junk not in set_phrases, junk
    everything = {e["text"] for kind in ("set_phrase", "collocation", "word") for e in mined(seeds, kind)}
    assert not {"大精神", "业务工作同", "不断提高党", "作为首要", "在区委", "坚强领导下"} & everything


def test_verb_phrases_are_collocations_and_generic_words_words(seeds):
    collocations = set(texts(seeds, type="collocation"))
    assert {"进一步", "贯彻落实", "扎实推进"} <= collocations
    words = set(texts(seeds, type="word"))
    assert {"党员干部", "党建工作"} <= words


def test_no_term_starts_or_ends_on_a_function_word(seeds):
    lexicon = load_lexicon()
    for kind in ("set_phrase", "collocation", "word"):
        for entry in mined(seeds, kind):
            if lexicon.entry_for(entry["text"]):
                continue  # a standard wording stands as the lexicon has it (以学铸魂、以学增智…)
            assert entry["text"][0] not in FUNCTION_CHARS and entry["text"][-1] not in FUNCTION_CHARS, entry["text"]


def test_terms_rank_by_documents_then_occurrences(seeds):
    for kind in ("set_phrase", "collocation", "word"):
        ranks = [(-e["docs"], -e["count"]) for e in mined(seeds, kind)]
        assert ranks == sorted(ranks)


def test_one_units_name_is_no_term(seeds):
    everything = set(texts(seeds))
    assert "局机关党委" not in everything and "市水利局机关党委" not in everything


# -- 2. one curated lexicon ----------------------------------------------------------------------

def test_the_lexicon_is_merged_and_marked(seeds):
    entries = api.phrases(seeds, type="提法")
    sources = [e["source"] for e in entries]
    assert "lexicon" in sources and "corpus" in sources
    assert sources == sorted(sources, key=lambda s: s == "lexicon")  # lexicon-only entries after the mined ones
    lexicon_only = next(e for e in entries if e["source"] == "lexicon")
    assert lexicon_only["count"] == 0 and lexicon_only["examples"] == [] and lexicon_only["topics"]
    table = CliRunner().invoke(main, ["phrases", "--bank", str(seeds), "--type", "提法"]).stdout
    assert "规范" in table and "语料" in table


def test_every_lexicon_entry_has_a_source_and_known_topics():
    lexicon = load_lexicon()
    assert len(lexicon.entries) >= 150
    for entry in lexicon.entries:
        assert entry.source and entry.term
        assert entry.until is None or (entry.replaced_by and entry.note)


# -- 3. topics -----------------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["conduct", "作风建设"])
def test_topic_filter(seeds, written):
    found = api.phrases(seeds, topic=written)
    assert found and all("conduct" in e["topics"] for e in found)
    assert "中央八项规定精神" in [e["text"] for e in found]


def test_every_entry_carries_its_topics(seeds):
    entries = {e["text"]: e for e in api.phrases(seeds, include_stale=True)}
    assert "discipline" in entries["全面从严治党主体责任"]["topics"]
    assert "organization" in entries["三会一课"]["topics"]
    assert all(isinstance(e["topics"], list) for e in entries.values())


# -- 4. currency ---------------------------------------------------------------------------------

def test_outdated_wording_of_2019_is_marked_for_2025(old):
    stale = {e["text"]: e["stale"] for e in api.phrases(old, year=2025, include_stale=True) if e["stale"]}
    for wording in ("“不忘初心、牢记使命”主题教育", "党的十九大精神", "精准扶贫"):
        assert wording in stale, wording
        assert stale[wording]["replaced_by"] and stale[wording]["stale_from"] <= 2025
    shown = [e["text"] for e in api.phrases(old, year=2025)]
    assert not [t for t in shown if "十九大精神" in t or "精准扶贫" in t or "不忘初心、牢记使命”主题教育" in t]
    assert "党的十九大精神" in [e["text"] for e in api.phrases(old, year=2019)]  # current in 2019
    result = CliRunner().invoke(main, ["phrases", "--bank", str(old), "--year", "2025", "--all", "--json"])
    marked = [e for e in json.loads(result.stdout) if e["text"] == "精准扶贫"][0]
    assert marked["stale"]["term"] == "精准扶贫" and "乡村振兴" in marked["stale"]["replaced_by"]


def test_init_hints_of_2025_hold_nothing_outdated(old, tmp_path):
    result = CliRunner().invoke(main, ["init", "--kind", "annual", "--bank", str(old), "--year", "2025",
                                       "-o", str(tmp_path / "fill.yaml")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "fill.yaml").read_text(encoding="utf-8")
    assert "year: 2025" in text and "参考写法" in text
    for outdated in ("十九大", "精准扶贫", "主题教育"):
        assert outdated not in text, outdated
    CliRunner().invoke(main, ["init", "--kind", "annual", "--bank", str(old), "--year", "2019",
                              "-o", str(tmp_path / "2019.yaml")])
    assert "十九大" in (tmp_path / "2019.yaml").read_text(encoding="utf-8")


def test_gap_suggestions_of_2025_hold_nothing_outdated(old, tmp_path):
    fill = tmp_path / "fill.yaml"
    fill.write_text("kind: annual\nunit: 市档案馆\nyear: 2025\nsections:\n  achievements:\n  problems:\n  plans:\n",
                    encoding="utf-8")
    drafter.draft(fill, tmp_path / "out.md", bank_dir=old)
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "参考写法（请改写）" in text
    assert "十九大" not in text and "精准扶贫" not in text
    first = (tmp_path / "out.md").read_text(encoding="utf-8")
    drafter.draft(fill, tmp_path / "out.md", bank_dir=old)
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == first  # deterministic


# -- 5. patterns ------------------------------------------------------------------------------------

def test_patterns_hold_real_words_and_show_their_fillers(seeds):
    patterns = [e for e in api.phrases(seeds, type="pattern") if "…" in e["text"]]
    assert patterns
    for entry in patterns:
        fixed = [part for part in entry["text"].split("…") if part]
        assert len("".join(fixed)) >= 4 and max(map(len, fixed)) >= 2, entry["text"]
        assert 3 <= len(entry["fillers"]) <= 5 and all(f["text"] and f["count"] >= 1 for f in entry["fillers"])
    assert not {"在…上…", "在…中", "对…进行…", "为…提供…", "以…为…"} & {e["text"] for e in patterns}
    assert not [e["text"] for e in patterns if "习近平" in e["text"]]  # no slot cuts the 提法


def test_series_are_listed_once_as_their_longest_run(seeds):
    series = [e["text"] for e in api.phrases(seeds, type="pattern") if "、" in e["text"]]
    for one in series:
        items = one.split("、")
        for other in series:
            longer = other.split("、")
            if other != one and len(longer) > len(items):
                windows = [longer[i:i + len(items)] for i in range(len(longer) - len(items) + 1)]
                assert items not in windows, (one, other)


# -- 6. heading sets -------------------------------------------------------------------------------

def test_sibling_headings_stay_together_as_a_named_set(seeds):
    sets = api.phrases(seeds, type="heading_set")
    grasp = next(e for e in sets if any(item.startswith("抓思想") for item in e["items"]))
    assert len(grasp["items"]) >= 4 and all(item.startswith("抓") for item in grasp["items"])
    assert grasp["structure"] == "动宾＋逗号＋主谓"
    assert all(e["structure"] for e in sets)


# -- 7. variants -------------------------------------------------------------------------------------

def test_variants_are_merged_under_one_entry(seeds):
    entries = {e["text"]: e for e in api.phrases(seeds, include_stale=True)}
    assert "主题党日活动" in entries["主题党日"]["variants"] and "主题党日活动" not in entries
    assert "战斗堡垒" in entries["战斗堡垒作用"]["variants"]


# -- 8. skeletons ------------------------------------------------------------------------------------

def test_formulas_are_whole_sentences_and_the_debrief_says_shuzhi(seeds):
    for skeleton in api.skeletons(seeds):
        for formula in skeleton["openings"]:
            assert formula["template"].endswith(("：", ":")), formula
        for formula in skeleton["closings"]:
            assert formula["template"].endswith(("。", "！", "？")), formula
    debrief = api.skeletons(seeds, kind="debrief")[0]
    assert any("述职" in f["template"] for f in debrief["openings"])
    assert any("评议" in f["template"] or "审议" in f["template"] for f in debrief["closings"])


def test_a_closing_formula_hands_the_text_over_and_content_or_a_salutation_is_none(tmp_path):
    """Two reports end alike: a salutation, a rallying last sentence, 以上报告，请审议。 Only
    the last is a closing formula, although all three are short and shared."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for unit, year in (("县交通运输局", 2024), ("县水务局", 2025)):
        (corpus / f"{unit}.txt").write_text("\n".join([
            f"{unit}{year}年工作报告", f"现将{unit}{year}年工作情况报告如下：",
            "一、主要工作", "全年完成各项目标任务，重点项目按期推进。",
            "二、存在的问题", "一是基层力量不足。二是资金保障压力较大。",
            "三、下一步工作打算", "一是加强队伍建设。二是争取上级资金。",
            "各位代表！", "典型引航方向，榜样传递力量。", "以上报告，请审议。",
            unit, f"{year}年12月20日"]) + "\n", encoding="utf-8")
    mine_corpus(corpus, tmp_path / "bank", cache_dir=tmp_path / "cache", jobs=1, warn=lambda m: None)
    report = api.skeletons(tmp_path / "bank", kind="report")[0]
    mined_closings = [f["template"] for f in report["closings"] if f["count"]]
    assert mined_closings == ["以上报告，请审议。"], report["closings"]


# -- 9. suggestions ------------------------------------------------------------------------------------

PHRASES = [
    {"text": "产生上述问题的原因主要有以下方面", "type": "sentence", "roles": ["causes"], "topics": []},
    {"text": "本人政治理论学习不够深入", "type": "sentence", "roles": ["causes"], "topics": ["theory"]},
    {"text": "对意识形态工作重视不够", "type": "sentence", "roles": ["causes"], "topics": ["ideology"]},
    {"text": "对作风建设的长期性认识不足", "type": "sentence", "roles": ["causes"], "topics": ["conduct"]},
    {"text": "学习贯彻党的十九大精神不够深入", "type": "sentence", "roles": ["causes"], "topics": ["theory"]},
    {"text": "信D、爱D的教育抓得不够", "type": "sentence", "roles": ["causes"], "topics": []},
    {"text": "对以***同志为核心的党中央决策部署理解不深", "type": "sentence", "roles": ["causes"], "topics": []},
    {"text": "对中国特色.主义理论体系学得不够", "type": "sentence", "roles": ["causes"], "topics": []},
    {"text": "思想建设、组织建设、作风建设、纪律建设、制度建设抓得不够均衡", "type": "sentence", "roles": ["causes"],
     "topics": ["theory", "organization", "conduct", "discipline", "institutions"]},
    {"text": "形式主义", "type": "word", "roles": ["problems"], "topics": ["conduct"]},
]


def test_cause_hints_follow_the_problems_and_leave_out_what_does_not_fit():
    lexicon = load_lexicon()
    pool = SuggestionPool(PHRASES, context=Context("annual", 2025, {"problems": "形式主义问题仍有发生，作风不够扎实。"}),
                          lexicon=lambda: lexicon)
    hints = pool.available("causes")
    # the sentence about 作风 first, the series naming 作风 among five fields after it, nothing about
    # 意识形态 (the problems say nothing of it)
    assert hints == ["对作风建设的长期性认识不足", "思想建设、组织建设、作风建设、纪律建设、制度建设抓得不够均衡"]
    nothing_written = SuggestionPool(PHRASES, context=Context("annual", 2025), lexicon=lambda: lexicon)
    assert "对意识形态工作重视不够" in nothing_written.available("causes")
    debrief = SuggestionPool(PHRASES, context=Context("debrief", 2025), lexicon=lambda: lexicon)
    assert "本人政治理论学习不够深入" in debrief.available("causes")


def _bank_and_fill(bank: Path, fill: Path, sentence: str) -> None:
    """A bank of the shipped skeletons and one problems sentence, and a 2025 fill that keeps
    that sentence word for word as its one problem."""
    bank.mkdir(parents=True)
    (bank / "skeletons.yaml").write_text((ROOT / "templates" / "skeletons.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    (bank / "phrases.yaml").write_text(yaml.safe_dump({"version": 1, "phrases": [
        {"text": sentence, "type": "sentence", "roles": ["problems"],
         "examples": [{"doc": "某范文.txt", "text": sentence + "。"}]}]}, allow_unicode=True), encoding="utf-8")
    fill.write_text("kind: annual\nunit: 市档案馆\nyear: 2025\nsections:\n  problems:\n"
                    f"    points: [{sentence}。]\n", encoding="utf-8")


def test_a_kept_suggestion_is_said_once_and_is_no_copying(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(tmp_path / "data"))
    fill = tmp_path / "fill.yaml"
    # the user's bank: drafting and checking both use it
    _bank_and_fill(tmp_path / "data" / "bank", fill, "党建与业务融合的措施还不够具体")
    report = drafter.check(fill, corpus_dir=tmp_path)
    kept = [f for f in report.findings if f.rule == "suggestion_kept"]
    assert len(kept) == 1 and kept[0].severity == "info" and "改写" in kept[0].message
    assert not [f for f in report.findings if f.rule == "originality" and f.severity != "info"]


def test_check_takes_the_bank_drafting_used(tmp_path, monkeypatch):
    """draft --bank B, then check --bank B: a sentence of B kept word for word is said, and
    the same fill checked on the shipped bank is not; a --bank that is no folder is refused."""
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(tmp_path / "data"))  # no user bank
    bank, fill = tmp_path / "bank2019", tmp_path / "fill.yaml"
    _bank_and_fill(bank, fill, "基层党组织标准化规范化建设仍有短板")

    def kept(report):
        return [f.text for f in report.findings if f.rule == "suggestion_kept"]

    assert kept(drafter.check(fill, corpus_dir=tmp_path, bank_dir=bank)) == ["一是基层党组织标准化规范化建设仍有短板。"]
    assert kept(drafter.check(fill, corpus_dir=tmp_path)) == []
    result = CliRunner().invoke(main, ["check", str(fill), "--corpus", str(tmp_path), "--bank", str(bank), "--json"])
    assert result.exit_code == 1, result.output  # the parts left empty are 【待补充】
    assert "bank2019" in result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]].count("suggestion_kept") == 1
    refused = CliRunner().invoke(main, ["check", str(fill), "--bank", str(tmp_path / "nope")])
    assert refused.exit_code == 2 and "语库目录不存在" in refused.output


@pytest.mark.parametrize("parts, tags, name", [
    ([["抓", "思想"], ["强", "根基"]], {"抓": "v", "思想": "n", "强": "v", "根基": "n"}, "动宾＋逗号＋动宾"),
    ([["凝心"], ["聚力"]], {"凝心": "x", "聚力": "x"}, "二字＋二字"),  # parts alike in length: 四字＋四字
    ([["坚持", "党建", "引领"], ["夯实", "基层", "基础", "工作", "体系", "建设"]],
     {"坚持": "x", "党建": "x", "引领": "x", "夯实": "x", "基层": "x", "基础": "x", "工作": "x", "体系": "x", "建设": "x"},
     "六字＋逗号＋十二字"),  # every length in words, never 12字
])
def test_a_heading_set_structure_is_named_in_words(parts, tags, name):
    from drafter.mining.headings import structure_name

    assert structure_name(parts, tags.get) == name


def test_pattern_fillers_shown_are_reusable_words(seeds):
    """A filler cut at a particle (了… of 做好了…工作) is never shown, and a figure in one (□ to the
    miner) shows as X: 现将X年工作总结如下."""
    patterns = {e["text"]: e for e in api.phrases(seeds, type="pattern", include_stale=True)}
    shown = [f["text"] for e in patterns.values() for f in e.get("fillers", [])]
    assert shown and not [f for f in shown if "□" in f or f[0] in "的了和与等及" or f[-1] in "和与及"]
    assert patterns["现将…如下"]["docs"] >= 3 and any("X" in f["text"] for f in patterns["现将…如下"]["fillers"])
