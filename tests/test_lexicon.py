"""The lexicon (templates/terms.yaml, drafter/lexicon.py): variants with a time of their own,
one owner per wording, and variants that are wordings of their term."""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter import api
from drafter.bank import PHRASES_FILE, SKELETONS_FILE, dump_phrases, dump_skeletons
from drafter.errors import DrafterError
from drafter.lexicon import load_lexicon

DATED = "全面贯彻党的二十大和二十届二中、三中全会精神"

OWN_LEXICON = """version: 2
terms:
- term: 某某会议精神
  topics: [theory]
  variants:
  - 学习贯彻某某会议精神
  - text: 贯彻某某会议和一次、二次全会精神
    current: {from: 2021-03, until: 2023-10}
    replaced_by: 贯彻某某会议和历次全会精神
    note: 第三次全会于2023年10月召开
    source: 测试用的出处
  source: 测试用的出处
"""


def test_a_variant_with_its_own_time_is_stale_after_it_though_its_term_is_not():
    lexicon = load_lexicon()
    assert lexicon.stale_wording(DATED, 2025) is None
    found = lexicon.stale_wording(DATED, 2026)
    assert found and found.entry.variant_of == "党的二十大精神"
    assert "历次全会" in found.to_dict()["replaced_by"] and found.to_dict()["stale_from"] == 2026
    assert lexicon.stale_wording("全面贯彻党的二十大和二十届二中、三中、四中全会精神", 2026) is None
    assert lexicon.stale_wording("深入学习贯彻党的二十大精神", 2026) is None
    assert lexicon.entry_for(DATED).term == "党的二十大精神"  # still a wording of its term


def _bank(folder: Path, phrases: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SKELETONS_FILE).write_text(dump_skeletons([]), encoding="utf-8")
    (folder / PHRASES_FILE).write_text(dump_phrases(phrases), encoding="utf-8")
    (folder / "terms.yaml").write_text(OWN_LEXICON, encoding="utf-8")
    return folder


def test_phrases_of_a_year_leave_out_a_variant_dated_by_itself(tmp_path):
    mined = {"text": "某某会议精神", "type": "set_phrase", "roles": [], "count": 3, "docs": 2, "topics": ["theory"],
             "variants": ["学习贯彻某某会议精神", "贯彻某某会议和一次、二次全会精神"], "source": "corpus", "examples": []}
    for phrases in ([], [mined]):  # the lexicon's own item, and a mined one
        bank = _bank(tmp_path / str(len(phrases)), phrases)
        [now] = api.phrases(bank, type="set_phrase", year=2024)
        assert now["variants"] == ["学习贯彻某某会议精神"] and now["stale"] is None
        [then] = api.phrases(bank, type="set_phrase", year=2022)
        assert "贯彻某某会议和一次、二次全会精神" in then["variants"]
        [shown] = api.phrases(bank, type="set_phrase", year=2024, include_stale=True)
        assert "贯彻某某会议和一次、二次全会精神" in shown["variants"]


def _load(tmp_path: Path, text: str):
    path = tmp_path / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    return load_lexicon(path)


def test_a_dated_variant_needs_its_end_and_known_keys(tmp_path):
    with pytest.raises(DrafterError) as caught:
        _load(tmp_path, OWN_LEXICON.replace("{from: 2021-03, until: 2023-10}", "{from: 2021-03}"))
    assert "current" in caught.value.key and caught.value.line == 8
    with pytest.raises(DrafterError) as caught:
        _load(tmp_path, OWN_LEXICON.replace("    note: 第三次全会", "    remark: 第三次全会"))
    assert "remark" in caught.value.key and "text" in caught.value.message
    with pytest.raises(DrafterError, match="source"):
        _load(tmp_path, OWN_LEXICON.replace("    source: 测试用的出处\n", "", 1))


def test_a_wording_belongs_to_one_term(tmp_path):
    text = OWN_LEXICON + "- term: 学习贯彻某某会议精神\n  source: 测试用的出处\n"
    with pytest.raises(DrafterError, match="已属于提法“某某会议精神”") as caught:
        _load(tmp_path, text)
    assert caught.value.line == 13


def test_shipped_variants_are_wordings_of_their_term():
    """A variant is the same 提法 written otherwise, not another thing of the same field."""
    lexicon = load_lexicon()
    for other_thing in ("安全生产", "安全生产主体责任", "意识形态领域", "意识形态阵地", "党员责任区", "廉政风险点",
                        "巡视整改", "保密工作责任制", "网络意识形态工作责任制", "第一责任人职责"):
        assert lexicon.entry_for(other_thing) is None, other_thing
    assert lexicon.entry_for("以案为鉴、以案促改").term == "以案促改"
    assert "以案为鉴、以案促改" not in next(e for e in lexicon.entries if e.term == "警示教育").variants
    assert lexicon.entry_for("以人民为中心").term == "以人民为中心"  # a 提法 of its own, not the 发展思想
    assert lexicon.entry_for("中央八项规定").term == "中央八项规定精神"
    for entry in lexicon.entries:
        assert entry.source and all(v.source for v in entry.dated_variants)


def test_an_outdated_term_is_stale_by_its_own_wording_too(tmp_path):
    """The bank lists a lexicon entry under its term, which its patterns need not match
    (they find 十九届三中、四中全会精神 in the text): the term itself is outdated as well."""
    lexicon = load_lexicon()
    term = "党的十九届中央全会精神"
    assert not any(pattern.search(term) for pattern in lexicon.entry_for(term).patterns)
    assert lexicon.stale_wording(term, 2021) is None
    found = lexicon.stale_wording(term, 2026)
    assert found and found.entry.term == term and found.written == term
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / SKELETONS_FILE).write_text(dump_skeletons([]), encoding="utf-8")
    (bank / PHRASES_FILE).write_text(dump_phrases([{"text": term, "type": "set_phrase", "count": 2, "docs": 1}]),
                                     encoding="utf-8")
    assert term not in [e["text"] for e in api.phrases(bank, year=2026) if e["source"] == "corpus"]
    assert term in [e["text"] for e in api.phrases(bank, year=2021) if e["source"] == "corpus"]
