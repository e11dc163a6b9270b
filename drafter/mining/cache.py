"""The mining cache: per-document results keyed by content hash, and per-corpus state.

Where it lives: `drafter.user_dirs.cache_dir()`, in one SQLite file, mining.sqlite3.
It may be deleted at any time; the next `drafter mine` is then a cold run.

Tables:
- digests:  content hash → the parsed document's digest (or the reason it could not be read);
- facts:    content hash → the small skeleton facts of the digest;
- corpora:  corpus folder → fingerprint, document list and the bank texts written
            last time (an unchanged corpus is re-mined from these alone);
- counts:   corpus folder → the merged character n-gram counts of its documents, so that
            a few new documents are added to them instead of counting all again;
- words:    corpus folder → the merged word-level results (patterns, headings, sentences,
            term uses) and the tokenizer and user words they were cut with.
Values are marshal'ed (plain data only, never code) and zlib-compressed.
"""
from __future__ import annotations

import marshal
import os
import sqlite3
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable

from drafter.errors import DrafterError, os_reason

from drafter.user_dirs import cache_dir

CACHE_FILE = "mining.sqlite3"
SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS digests (hash TEXT PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS facts (hash TEXT PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS corpora (corpus TEXT PRIMARY KEY, fingerprint TEXT, data BLOB);
CREATE TABLE IF NOT EXISTS counts (corpus TEXT PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS words (corpus TEXT PRIMARY KEY, data BLOB);
"""


def pack(value: Any) -> bytes:
    return zlib.compress(marshal.dumps(value), 1)


def unpack(blob: bytes) -> Any:
    return marshal.loads(zlib.decompress(blob))


class MiningCache:
    """One SQLite file; safe to open from several processes (each opens its own).

    A folder given explicitly (--cache-dir) that cannot be used is bad input; the
    default folder that cannot be used is said in one warning and replaced by a
    private temporary one. A damaged cache file is rebuilt in place."""

    def __init__(self, folder: str | os.PathLike | None = None, *,
                 warn: Callable[[str], None] | None = None) -> None:
        self.explicit = folder is not None
        self.folder = Path(folder).expanduser() if folder is not None else cache_dir()
        self.path = self.folder / CACHE_FILE
        self.warn = warn or (lambda _message: None)
        self._connection: sqlite3.Connection | None = None
        self._pid = -1

    # -- connection ---------------------------------------------------------

    def open(self) -> MiningCache:
        """Open now (in the parent), so that problems are told once, before the work."""
        self._db()
        return self

    def _db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self._connection = self._open()
            self._pid = os.getpid()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        problem = self._folder_problem()
        if problem:
            if self.explicit:
                raise DrafterError(f"缓存目录无法使用（{problem}）", path=str(self.folder))
            fallback = Path(tempfile.gettempdir()) / f"drafter-cache-{_user_tag()}"
            self.warn(f"警告：缓存目录“{self.folder}”无法使用（{problem}），本次改用临时缓存“{fallback}”。")
            self.folder, self.path, self.explicit = fallback, fallback / CACHE_FILE, True
            return self._open()
        try:
            return self._connect()
        except sqlite3.DatabaseError:
            self.warn(f"警告：缓存文件“{self.path}”已损坏，已重建（本次按未缓存提炼）。")
            for suffix in ("", "-wal", "-shm"):
                try:
                    Path(str(self.path) + suffix).unlink()
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    raise DrafterError(f"缓存文件已损坏且无法删除（{os_reason(exc)}）",
                                       path=str(self.path)) from None
            return self._connect()

    def _folder_problem(self) -> str:
        if self.folder.exists() and not self.folder.is_dir():
            return "这是一个文件，不是目录"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return os_reason(exc)
        if not os.access(self.folder, os.W_OK):
            return "没有写入权限"
        return ""

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = connection.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            tag = str(SCHEMA_VERSION) + ":" + _python_tag()
            if row is None or row[0] != tag:
                # another schema or another Python (marshal format): start afresh
                connection.executescript("DROP TABLE IF EXISTS digests; DROP TABLE IF EXISTS facts;"
                                         " DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS corpora;"
                                         " DROP TABLE IF EXISTS counts;")
                connection.executescript(_SCHEMA)
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (tag,))
                connection.commit()
            connection.execute("SELECT count(*) FROM digests").fetchone()
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None

    # -- per-document entries ---------------------------------------------------

    def known_digests(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(hashes)
        found: set[str] = set()
        db = self._db()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in db.execute(f"SELECT hash FROM digests WHERE hash IN ({marks})", chunk))
        return found

    def get_digest(self, content_hash: str) -> dict | None:
        row = self._db().execute("SELECT data FROM digests WHERE hash=?", (content_hash,)).fetchone()
        return unpack(row[0]) if row else None

    def get_facts(self, content_hash: str) -> dict | None:
        row = self._db().execute("SELECT data FROM facts WHERE hash=?", (content_hash,)).fetchone()
        return unpack(row[0]) if row else None

    def put_digests(self, entries: Iterable[tuple[str, dict, dict | None]]) -> None:
        """(hash, digest, facts) triples, in one transaction."""
        db = self._db()
        with db:
            for content_hash, digest, facts in entries:
                db.execute("INSERT OR REPLACE INTO digests VALUES (?, ?)", (content_hash, pack(digest)))
                if facts is not None:
                    db.execute("INSERT OR REPLACE INTO facts VALUES (?, ?)", (content_hash, pack(facts)))

    # -- per-corpus state --------------------------------------------------------

    def get_fingerprint(self, corpus: str) -> str | None:
        row = self._db().execute("SELECT fingerprint FROM corpora WHERE corpus=?", (corpus,)).fetchone()
        return row[0] if row else None

    def get_state(self, corpus: str) -> dict | None:
        row = self._db().execute("SELECT data FROM corpora WHERE corpus=?", (corpus,)).fetchone()
        return unpack(row[0]) if row else None

    def put_state(self, corpus: str, fingerprint: str, state: dict, counts: dict, words: dict) -> None:
        db = self._db()
        with db:
            db.execute("INSERT OR REPLACE INTO corpora VALUES (?, ?, ?)", (corpus, fingerprint, pack(state)))
            db.execute("INSERT OR REPLACE INTO counts VALUES (?, ?)", (corpus, pack(counts)))
            db.execute("INSERT OR REPLACE INTO words VALUES (?, ?)", (corpus, pack(words)))

    def get_counts(self, corpus: str) -> dict | None:
        row = self._db().execute("SELECT data FROM counts WHERE corpus=?", (corpus,)).fetchone()
        return unpack(row[0]) if row else None

    def get_words(self, corpus: str) -> dict | None:
        row = self._db().execute("SELECT data FROM words WHERE corpus=?", (corpus,)).fetchone()
        return unpack(row[0]) if row else None


def _user_tag() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else (os.environ.get("USERNAME") or "user")


def _python_tag() -> str:
    return f"{sys.version_info[0]}.{sys.version_info[1]}:m{marshal.version}"
