"""The mining cache: plain data in one SQLite file, reset on another schema or Python."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import main
from drafter.errors import DrafterError
from drafter.mining import cache as cache_module
from drafter.mining import mine_corpus
from drafter.mining.cache import CACHE_FILE, MiningCache, pack, unpack

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_pack_round_trip_of_plain_data():
    value = {"a": [1, "二", None], ("k", 2): {"x": 1.5}}
    assert unpack(pack(value)) == value


def test_digests_facts_and_state(tmp_path):
    cache = MiningCache(tmp_path)
    cache.put_digests([("h1", {"blocks": [[0, "p", "正文"]]}, {"kind": "annual"}), ("h2", {"error": "坏"}, None)])
    assert cache.known_digests(["h1", "h2", "h3"]) == {"h1", "h2"}
    assert cache.get_digest("h1")["blocks"] == [[0, "p", "正文"]]
    assert cache.get_facts("h1") == {"kind": "annual"} and cache.get_facts("h2") is None
    cache.put_state("/corpus", "fp", {"docs": []}, {"tables": []}, {"id": "w"})
    assert cache.get_fingerprint("/corpus") == "fp" and cache.get_fingerprint("/other") is None
    assert cache.get_state("/corpus") == {"docs": []}
    assert cache.get_counts("/corpus") == {"tables": []} and cache.get_words("/corpus") == {"id": "w"}
    assert (tmp_path / CACHE_FILE).exists()


def test_another_schema_starts_afresh(tmp_path, monkeypatch):
    cache = MiningCache(tmp_path)
    cache.put_digests([("h1", {"v": 1}, None)])
    cache.close()
    monkeypatch.setattr(cache_module, "SCHEMA_VERSION", 99)
    again = MiningCache(tmp_path)
    assert again.get_digest("h1") is None


def test_an_explicit_cache_folder_that_is_a_file_is_bad_input(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(DrafterError, match="缓存目录无法使用"):
        MiningCache(blocked).open()
    result = CliRunner().invoke(main, ["mine", str(CORPUS), "-o", str(tmp_path / "bank"), "--cache-dir", str(blocked)])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "缓存目录无法使用" in result.output


def test_the_default_cache_folder_that_cannot_be_used_is_said_and_replaced(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(cache_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    said = []
    cache = MiningCache(warn=said.append).open()
    cache.put_digests([("h", {"v": 1}, None)])
    assert cache.get_digest("h") == {"v": 1}
    assert str(cache.folder).startswith(str(tmp_path / "tmp"))
    assert len(said) == 1 and "无法使用" in said[0] and "临时缓存" in said[0]


def test_the_home_folder_is_expanded_first(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    cache = MiningCache("~/x").open()
    assert cache.folder == tmp_path / "home" / "x" and (tmp_path / "home" / "x" / CACHE_FILE).exists()
    assert not (tmp_path / "~").exists()


def test_a_damaged_cache_file_is_rebuilt_in_place(tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    said = []
    cache = MiningCache(tmp_path, warn=said.append).open()
    cache.put_digests([("h", {"v": 1}, None)])
    assert cache.get_digest("h") == {"v": 1} and cache.folder == tmp_path
    assert len(said) == 1 and "已损坏，已重建" in said[0]


def test_the_same_bytes_under_another_reader_are_not_mixed_up(tmp_path):
    junk = "2025年工作总结\n一、主要工作\n全年开展主题党日12次。\n".encode()
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "x.docx").write_bytes(junk)  # not a Word file: refused by the .docx reader
    (first / "y.txt").write_bytes("另一篇\n一、情况\n正文。\n".encode())
    (second / "x.txt").write_bytes(junk)  # the same bytes, read as text
    said: list[str] = []
    report = mine_corpus(first, tmp_path / "bank1", cache_dir=tmp_path / "cache", jobs=1, warn=said.append)
    assert report.documents == 1 and any("x.docx" in message for message in said)
    said.clear()
    report = mine_corpus(second, tmp_path / "bank2", cache_dir=tmp_path / "cache", jobs=1, warn=said.append)
    assert said == [] and report.documents == 1 and report.parsed == 1


def test_counts_are_honest_with_unreadable_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "000_928ffb1024447432.txt", corpus)
    for name in ("坏1.docx", "坏2.docx"):
        (corpus / name).write_bytes(b"PK\x03\x04 broken")
    report = mine_corpus(corpus, tmp_path / "bank", cache_dir=tmp_path / "cache", jobs=1, warn=lambda m: None)
    assert (report.documents, report.parsed, report.reused, len(report.skipped)) == (1, 1, 0, 2)
    assert "复用缓存 0 篇" in str(report)
    again = mine_corpus(corpus, tmp_path / "bank", cache_dir=tmp_path / "cache", jobs=1, warn=lambda m: None)
    assert again.reused >= 0 and "-" not in str(again).split("复用缓存")[-1][:3]


def test_cache_file_is_sqlite(tmp_path):
    MiningCache(tmp_path).put_digests([("h", {}, None)])
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {
            "digests", "facts", "corpora", "counts", "words", "meta"}


def test_an_edited_lexicon_makes_the_banks_of_an_unchanged_corpus_stale(tmp_path, monkeypatch):
    """terms.yaml is read by the miner (its entries are counted, its wordings are user words):
    after an office edits its own, mining the same corpus again is no cache answer."""
    data = tmp_path / "data"
    bank = data / "bank"
    bank.mkdir(parents=True)
    (bank / "phrases.yaml").write_text("version: 1\nphrases: []\n", encoding="utf-8")
    lexicon = bank / "terms.yaml"
    lexicon.write_text("version: 2\nterms:\n- {term: 河长制, source: 2016年中办国办意见}\n", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(data))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "000_928ffb1024447432.txt", corpus)
    args = dict(cache_dir=tmp_path / "cache", jobs=1, warn=lambda m: None)
    mine_corpus(corpus, tmp_path / "out", **args)
    assert mine_corpus(corpus, tmp_path / "out", **args).up_to_date
    before = (tmp_path / "out" / "phrases.yaml").read_text(encoding="utf-8")
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "- {term: 一岗双责, source: 党风廉政建设责任制规定}\n",
                       encoding="utf-8")
    again = mine_corpus(corpus, tmp_path / "out", **args)
    assert not again.up_to_date
    after = (tmp_path / "out" / "phrases.yaml").read_text(encoding="utf-8")
    assert after != before and "- text: 一岗双责\n  type: set_phrase" in after
