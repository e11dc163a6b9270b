"""Which topics (政治建设, 作风建设 …) a piece of text is about.

A text carries the topics of the standard 提法 it names (the lexicon says them)
and of the cue words it holds (templates/topics.yaml, hand-editable). Topic ids
and names are those of `drafter.vocabulary.TOPICS`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.vocabulary import TOPICS
from drafter.yaml_reader import line_of, load_file

TOPICS_FILE = "topics.yaml"


@dataclass
class TopicCues:
    path: str
    patterns: dict[str, re.Pattern[str]]  # topic -> any of its cue words

    def topics_of(self, text: str, lexicon=None) -> list[str]:
        """The topics of text, in the vocabulary's order."""
        found = {topic for topic, pattern in self.patterns.items() if pattern.search(text)}
        if lexicon is not None:
            for entry in lexicon.found_in(text):
                found.update(entry.topics)
        return [topic for topic in TOPICS if topic in found]


def default_topics_path() -> Path:
    from drafter.bank import bank_path
    from drafter.resources import templates_dir

    own = bank_path(None) / TOPICS_FILE
    return own if own.is_file() else templates_dir() / TOPICS_FILE


def load_topic_cues(path: str | os.PathLike | None = None) -> TopicCues:
    path = Path(path) if path is not None else default_topics_path()
    try:
        info = path.stat()
    except OSError:
        raise DrafterError("主题提示词文件不存在", path=str(path)) from None
    return _load(str(path), (info.st_mtime_ns, info.st_size))


@lru_cache(maxsize=4)
def _load(path: str, _stat_key: tuple[int, int]) -> TopicCues:
    data, _source = load_file(path, "主题提示词文件")

    def fail(message: str, container=None, key=None) -> DrafterError:
        return DrafterError(message, path=path, line=line_of(container, key), key=str(key) if key else None)

    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise fail("应有 topics: 主题 → 提示词", data, "topics")
    patterns = {}
    for written, item in data["topics"].items():
        topic = TOPICS.lookup(str(written))
        if topic is None:
            raise fail(f"未知的主题“{written}”，可选：{TOPICS.choices()}", data["topics"], written)
        cues = item.get("cues") if isinstance(item, dict) else item
        if not isinstance(cues, list) or not cues or not all(isinstance(c, str) and c.strip() for c in cues):
            raise fail("cues 应为非空的文字列表", data["topics"], written)
        patterns[topic] = re.compile("|".join(re.escape(c.strip()) for c in sorted(cues, key=len, reverse=True)))
    return TopicCues(path, patterns)
