"""templates/masked_words.yaml: the words a masked 党 (written D) can be part of, and
the words around a * that is a marker (带*的指标, *为预计数), not a masked word.

Read once, through the one YAML reader, only when a document holds a D or a * between
Chinese characters.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from drafter.errors import DrafterError

MASKED_WORDS_FILE = "masked_words.yaml"


@dataclass(frozen=True)
class PartyWords:
    after: tuple[str, ...]  # longest first
    before: tuple[str, ...]


@lru_cache(maxsize=4)
def party_words(path: str | None = None) -> PartyWords:
    from drafter.resources import templates_dir
    from drafter.yaml_reader import line_of, load_file

    file = str(path) if path else str(templates_dir() / MASKED_WORDS_FILE)
    data, _source = load_file(file, "屏蔽词表")
    party = data.get("party") if isinstance(data, dict) else None
    if not isinstance(party, dict):
        raise DrafterError("屏蔽词表缺少 party", path=file, key="party")
    words = {}
    for key in ("after", "before"):
        entries = party.get(key) or []
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise DrafterError("应为词语列表", path=file, key=f"party.{key}", line=line_of(party, key))
        words[key] = tuple(sorted(set(entries), key=len, reverse=True))
    return PartyWords(**words)


@dataclass(frozen=True)
class MarkerWords:
    before: tuple[str, ...]  # longest first
    after: tuple[str, ...]


@lru_cache(maxsize=4)
def marker_words(path: str | None = None) -> MarkerWords:
    """The words that, right before and after a * or **, make it a marker the text names."""
    from drafter.resources import templates_dir
    from drafter.yaml_reader import line_of, load_file

    file = str(path) if path else str(templates_dir() / MASKED_WORDS_FILE)
    data, _source = load_file(file, "屏蔽词表")
    marker = data.get("marker") if isinstance(data, dict) else None
    if not isinstance(marker, dict):
        raise DrafterError("屏蔽词表缺少 marker", path=file, key="marker")
    words = {}
    for key in ("before", "after"):
        entries = marker.get(key) or []
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise DrafterError("应为词语列表", path=file, key=f"marker.{key}", line=line_of(marker, key))
        words[key] = tuple(sorted(set(entries), key=len, reverse=True))
    return MarkerWords(**words)


@lru_cache(maxsize=4)
def masked_names(path: str | None = None) -> tuple[str, ...]:
    """The names that sites write as *** or xxx (checking offers only these as the fix)."""
    from drafter.resources import templates_dir
    from drafter.yaml_reader import line_of, load_file

    file = str(path) if path else str(templates_dir() / MASKED_WORDS_FILE)
    data, _source = load_file(file, "屏蔽词表")
    names = data.get("names") if isinstance(data, dict) else None
    if names is None:
        return ()
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise DrafterError("应为人名列表", path=file, key="names", line=line_of(data, "names"))
    return tuple(n.strip() for n in names)
