"""The rest of the pipeline on documents as users collect them (tests/data/real_world):
mining keeps chrome, masked text, compilation titles and tables of contents out of every
bank and counts each piece of a compilation once with its own kind; check and extract take
the first piece of a compilation and say so in one line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import drafter
from drafter.bank import PHRASES_FILE, SKELETONS_FILE, load_skeletons
from drafter.mining import mine_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REAL_WORLD = ROOT / "tests" / "data" / "real_world"
MESSY = ROOT / "tests" / "data" / "messy"

NEVER_IN_A_BANK = [
    # page chrome
    "期刊网", "精选范文", "当前位置", "您当前的位置", "登录 |", "会员中心", "KB", "上一篇", "下一篇", "相关推荐", "相关文章", "小编",
    "2024-01-05", "2022-12-30", "新华社", "本报记者",
    # compilations: their titles, tables of contents and part marks
    "汇编（", "）目录", "篇一", "篇二", "【篇", "第1篇", "第2篇", "精选2篇", "述职报告汇编", "范文一", "范文二",
    # masked text
    "***", "**思想", "xxx", "特色.主义", "党的.精神", "D员", "D支部", "信D",
]


@pytest.fixture(scope="module")
def mined(tmp_path_factory):
    base = tmp_path_factory.mktemp("real_world_mine")
    corpus = base / "corpus"
    corpus.mkdir()
    for folder in (CORPUS, REAL_WORLD, MESSY):
        for path in sorted(folder.glob("*.txt")):
            shutil.copy(path, corpus / path.name)
    report = mine_corpus(corpus, base / "bank", cache_dir=base / "cache", jobs=1, warn=lambda message: None)
    return report, base / "bank"


def test_nothing_from_the_page_reaches_a_bank(mined):
    _report, bank = mined
    for name in (SKELETONS_FILE, PHRASES_FILE):
        text = (bank / name).read_text(encoding="utf-8")
        for noise in NEVER_IN_A_BANK:
            assert noise not in text, (name, noise)


def test_each_piece_of_a_compilation_counts_once_with_its_own_kind(mined):
    report, bank = mined
    files = len(list(CORPUS.glob("*.txt"))) + len(list(REAL_WORLD.glob("*.txt"))) + len(list(MESSY.glob("*.txt")))
    assert report.documents == files
    # four compilations hold 3 + 2 + 3 + 2 pieces: 6 more documents than files
    assert sum(report.kinds.values()) == files + 6
    expected = {}
    for folder in (CORPUS, REAL_WORLD, MESSY):
        for path in folder.glob("*.txt"):
            for doc in drafter.parse_documents(path):
                expected[doc.kind] = expected.get(doc.kind, 0) + 1
    assert report.kinds == {kind: expected[kind] for kind in report.kinds} and set(report.kinds) == set(expected)
    skeletons = {s["kind"]: s for s in load_skeletons(bank)}
    assert "report" in skeletons and skeletons["report"]["docs"] == expected["report"]


def test_a_review_after_the_problems_reaches_no_plans_skeleton(mined):
    _report, bank = mined
    debrief = next(s for s in load_skeletons(bank) if s["kind"] == "debrief")
    headings = {role: [h["text"] for section in debrief["sections"] if section["role"] == role
                       for h in section["headings"]] for role in ("achievements", "plans")}
    assert "廉洁自律情况" in headings["achievements"] and "强化担当" in headings["achievements"]
    assert "廉洁自律情况" not in headings["plans"] and "强化担当" not in headings["plans"]


@pytest.mark.parametrize("name,unit", [("web_section_line_above_title.txt", "柳塘镇党委"),
                                       ("web_oneline_site_section_words.txt", "青松镇中心卫生院党支部"),
                                       ("web_oneline_bullet_size.txt", "松林社区党总支")])
def test_extract_takes_the_unit_without_site_chrome(tmp_path, name, unit):
    out = tmp_path / "2024.yaml"
    drafter.extract(REAL_WORLD / name, out, year=2024)
    assert f"\nunit: {unit}\n" in out.read_text(encoding="utf-8")


def test_check_takes_the_first_piece_and_says_so(tmp_path):
    report = drafter.check(REAL_WORLD / "web_compilation_toc.txt", corpus_dir=tmp_path)
    notes = [f for f in report.findings if "汇编" in f.message]
    assert len(notes) == 1 and notes[0].severity == "info" and "第 1 篇" in notes[0].message
    assert report.kind == "debrief"
    assert sum("汇编" in line for line in report.render().splitlines()) == 1
    plain = drafter.check(REAL_WORLD / "web_oneline_branch_annual.txt", corpus_dir=tmp_path)
    assert not any("汇编" in f.message for f in plain.findings)


def test_extract_takes_the_first_piece_and_says_so(tmp_path):
    out = tmp_path / "2024.yaml"
    report = drafter.extract(REAL_WORLD / "web_compilation_brackets.txt", out, year=2025)
    notes = [w for w in report.warnings if "汇编" in w]
    assert len(notes) == 1 and "第 1 篇" in notes[0]
    text = out.read_text(encoding="utf-8")
    assert "县统计局" in text and "XX镇" not in text and "篇一" not in text
