"""templates/masked_words.yaml: the words a masked 党 (written D) can be part of.

Read once, with the C loader, only when a document holds a D between Chinese characters.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError

MASKED_WORDS_FILE = "masked_words.yaml"


@dataclass(frozen=True)
class PartyWords:
    after: tuple[str, ...]  # longest first
    before: tuple[str, ...]


@lru_cache(maxsize=4)
def party_words(path: str | None = None) -> PartyWords:
    import yaml

    from drafter.resources import templates_dir

    file = Path(path) if path else templates_dir() / MASKED_WORDS_FILE
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=loader)
    except OSError as error:
        raise DrafterError(f"无法读取屏蔽词表（{error.strerror or error}）", path=str(file)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DrafterError("屏蔽词表不是有效的 YAML", path=str(file),
                           line=mark.line + 1 if mark else None) from None
    party = data.get("party") if isinstance(data, dict) else None
    if not isinstance(party, dict):
        raise DrafterError("屏蔽词表缺少 party", path=str(file), key="party")
    words = {}
    for key in ("after", "before"):
        entries = party.get(key) or []
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise DrafterError("应为词语列表", path=str(file), key=f"party.{key}")
        words[key] = tuple(sorted(set(entries), key=len, reverse=True))
    return PartyWords(**words)
