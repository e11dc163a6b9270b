"""Word tokenizer for word-level mining (patterns, headings, sentences).

rjieba (a jieba-compatible tokenizer in Rust, installed with drafter on the
platforms it has wheels for) is used when it is installed; jieba is the
fallback. Set DRAFTER_TOKENIZER=jieba (or pass engine="jieba") to force the
fallback. Both are imported lazily, only here:
`drafter --help` and drafting never load them.

Mined terms are added as user words before any text is cut, so that 三会一课
or 一岗双责 stay one word.
"""
from __future__ import annotations

import logging
import os
from typing import Iterable

ENGINES = ("auto", "rjieba", "jieba")
ENGINE_VARIABLE = "DRAFTER_TOKENIZER"

_cache: dict[tuple[str, str], "Tokenizer"] = {}


class Tokenizer:
    """A word cutter with the mined terms as user words."""

    def __init__(self, engine: str, cut, lexicon_id: str) -> None:
        self.engine = engine
        self._cut = cut
        self.lexicon_id = lexicon_id

    def cut(self, text: str) -> list[str]:
        return self._cut(text)


def lexicon_fingerprint(words: Iterable[str]) -> str:
    """A short id of a user-word list (order does not matter)."""
    from drafter.corpus import content_hash

    return content_hash("\n".join(sorted(set(words))).encode("utf-8"))[:16]


def chosen_engine(engine: str | None = None) -> str:
    """The engine that will be used: rjieba when installed, else jieba."""
    wanted = (engine or os.environ.get(ENGINE_VARIABLE) or "auto").strip().lower()
    if wanted not in ENGINES:
        from drafter.errors import DrafterError

        raise DrafterError(f"未知的分词引擎“{wanted}”，可选：{' / '.join(ENGINES)}", key=ENGINE_VARIABLE)
    if wanted in ("auto", "rjieba"):
        try:
            import rjieba  # noqa: F401
        except ImportError:
            if wanted == "rjieba":
                from drafter.errors import DrafterError

                raise DrafterError("未安装 rjieba（本平台没有它的预编译包；可去掉 --tokenizer rjieba 改用 jieba）",
                                   key=ENGINE_VARIABLE) from None
            return "jieba"
        return "rjieba"
    return "jieba"


def _jieba_cache_folder() -> str | None:
    """jieba keeps its compiled dictionary in a cache file; drafter's own cache folder
    holds it, per user. None (no cache file) when that folder cannot be made."""
    from drafter.user_dirs import cache_dir

    folder = cache_dir() / "jieba"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return str(folder)


def load_tokenizer(user_words: Iterable[str], engine: str | None = None) -> Tokenizer:
    """A tokenizer knowing `user_words`; built once per process and word list."""
    words = sorted(set(user_words))
    name = chosen_engine(engine)
    lexicon_id = lexicon_fingerprint(words)
    key = (name, lexicon_id)
    if key in _cache:
        return _cache[key]
    if name == "rjieba":
        import rjieba

        cutter = rjieba.Jieba()
        for word in words:
            cutter.add_word(word, None, None)
        tokenizer = Tokenizer(name, cutter.cut, lexicon_id)
    else:
        import jieba

        jieba.setLogLevel(logging.ERROR + 10)  # its cache failures are logged with a traceback
        cutter = jieba.Tokenizer()
        cutter.tmp_dir = _jieba_cache_folder()  # never a shared file in /tmp that another user owns
        cutter.initialize()
        for word in words:
            cutter.add_word(word)
        tokenizer = Tokenizer(name, cutter.lcut, lexicon_id)
    _cache.clear()  # one word list per process at a time: dictionaries are large
    _cache[key] = tokenizer
    return tokenizer
