"""Documents as users really collect them (tests/data/real_world, written for the tests):
each parses to its exact outline — title, kind, top headings with roles, children per heading —
and no page chrome, masked word or compilation wording survives in any text."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import drafter
from drafter.masked_text import has_masked_gap

DATA = Path(__file__).resolve().parent / "data" / "real_world"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))

CHROME = ["您当前的位置", "当前位置", "精选范文", "期刊网", "登录", "注册", "KB", "目录", "篇一", "篇二", "第1篇",
          "第2篇", "【篇", "汇编（", "精选2篇", "未完", "上一篇", "下一篇", "相关推荐", "范文一", "范文二", "新华社",
          "2024-01-05", "2022-12-30", "小编", "•"]


def test_there_are_enough_of_each_sort():
    names = list(EXPECTED)
    assert len(names) >= 25
    assert sum(name.startswith("web_oneline_") for name in names) >= 8
    assert sum(name.startswith("report_") for name in names) >= 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_outline(name):
    docs = drafter.parse_documents(DATA / name)
    expected = EXPECTED[name]
    assert len(docs) == len(expected)
    for number, (doc, want) in enumerate(zip(docs, expected), start=1):
        assert doc.source == (str(DATA / name) if len(docs) == 1 else f"{DATA / name}#{number}")
        assert (doc.title, doc.kind) == (want["title"], want["kind"])
        assert [[s.heading, s.role, len(s.children)] for s in doc.sections] == want["sections"]
        assert doc.closing.split("\n")[0][:12] == want.get("closing", "")
        assert (doc.signature, doc.date) == (want.get("signature", ""), want.get("date", ""))
        assert dict(Counter(r.rule for r in doc.removed)) == want["removed"]
        assert [w.code for w in doc.warnings] == want["warnings"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_chrome_survives(name):
    for doc in drafter.parse_documents(DATA / name):
        texts = [doc.title, doc.opening, doc.closing, doc.signature] + doc.body_texts()
        for chrome in CHROME:
            assert not any(chrome in text for text in texts), (chrome, doc.source)
        # a masked 党 is restored everywhere it is certain
        assert not any("D员" in text or "D支部" in text or "D的" in text for text in texts)


def test_masked_lines_are_kept_as_written_and_flagged():
    doc = drafter.parse_file(DATA / "web_censored_party.txt")
    body = doc.body_texts()
    masked = [text for text in body if has_masked_gap(text)]
    assert len(masked) == 3 and "***同志" in doc.opening
    assert "购置3D打印机1台，完成D级危房改造2处。" in doc.sections[0].children[3].paragraphs[0]
    assert [w.line for w in doc.warnings] == [2, 4, 9]
    restorations = [r.text for r in doc.removed]
    assert "D员→党员" in restorations and "爱D→爱党" in restorations and "从严治D→从严治党" in restorations


def test_report_items_and_tail():
    court = drafter.parse_file(DATA / "report_court_abridged.txt")
    assert len(court.sections[-1].items) == 3 and court.sections[-1].marker == ""
    assert court.opening.split("\n")[1:3] == ["2023年主要工作",
                                                "2023年，全市法院坚持以习近平新时代中国特色社会主义思想为指导，全年受理各类案件12.6万件，审结12.1万件。"]
    government = drafter.parse_file(DATA / "report_county_government.txt")
    assert government.closing.startswith("各位代表！\n新征程催人奋进")
    assert government.opening.split("\n")[:3] == ["——2024年1月10日在清河县第十八届人民代表大会第四次会议上",
                                                  "县长  王某某", "各位代表："]
    standing = drafter.parse_file(DATA / "report_standing_committee.txt")
    assert standing.sections[0].children[1].items == []  # 一是一、二是二 is no enumeration
    assert "一是一、二是二" in standing.sections[0].children[1].paragraphs[0]
