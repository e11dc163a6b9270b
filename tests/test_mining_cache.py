"""The mining cache: plain data in one SQLite file, reset on another schema or Python."""
from __future__ import annotations

import sqlite3

from drafter.mining import cache as cache_module
from drafter.mining.cache import CACHE_FILE, MiningCache, pack, unpack


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


def test_a_cache_folder_that_cannot_be_used_falls_back(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(cache_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    cache = MiningCache(blocked / "cache")
    cache.put_digests([("h", {"v": 1}, None)])
    assert cache.get_digest("h") == {"v": 1}
    assert str(cache.folder).startswith(str(tmp_path / "tmp"))


def test_cache_file_is_sqlite(tmp_path):
    MiningCache(tmp_path).put_digests([("h", {}, None)])
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {
            "digests", "facts", "corpora", "counts", "words", "meta"}
