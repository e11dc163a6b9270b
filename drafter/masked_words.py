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


@dataclass(frozen=True)
class MarkerWords:
    before: tuple[str, ...]  # longest first
    after: tuple[str, ...]


def _read(path: str | None) -> tuple[dict, str]:
    from drafter.resources import templates_dir
    from drafter.yaml_reader import load_file

    file = str(path) if path else str(templates_dir() / MASKED_WORDS_FILE)
    data, _source = load_file(file, "屏蔽词表")
    return (data if isinstance(data, dict) else {}), file


def _word_groups(path: str | None, group: str) -> dict[str, tuple[str, ...]]:
    """{"before": …, "after": …} of one group of the file, each longest first."""
    from drafter.yaml_reader import line_of

    data, file = _read(path)
    found = data.get(group)
    if not isinstance(found, dict):
        raise DrafterError(f"屏蔽词表缺少 {group}", path=file, key=group)
    words = {}
    for key in ("before", "after"):
        entries = found.get(key) or []
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise DrafterError("应为词语列表", path=file, key=f"{group}.{key}", line=line_of(found, key))
        words[key] = tuple(sorted(set(entries), key=len, reverse=True))
    return words


@lru_cache(maxsize=4)
def party_words(path: str | None = None) -> PartyWords:
    """The words that may follow a D standing for 党 (员 of D员) or come before one (爱 of 爱D)."""
    return PartyWords(**_word_groups(path, "party"))


@lru_cache(maxsize=4)
def marker_words(path: str | None = None) -> MarkerWords:
    """The words that, right before and after a * or **, make it a marker the text names."""
    return MarkerWords(**_word_groups(path, "marker"))


@lru_cache(maxsize=4)
def masked_names(path: str | None = None) -> tuple[str, ...]:
    """The names that sites write as *** or xxx (checking offers only these as the fix)."""
    from drafter.yaml_reader import line_of

    data, file = _read(path)
    names = data.get("names")
    if names is None:
        return ()
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise DrafterError("应为人名列表", path=file, key="names", line=line_of(data, "names"))
    return tuple(n.strip() for n in names)
