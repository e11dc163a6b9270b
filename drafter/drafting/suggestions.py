"""Phrase-bank suggestions for a section the user left empty, and for the
comments of a starter fill file. Suggestions are shown, never written into
the text as if the user had said them: a gap stays marked 【待补充】.
"""
from __future__ import annotations

from typing import Callable

from drafter.drafting.text_rules import strip_xml_invalid

# Whole sentences and sentence patterns help fill a gap; bare terms do not.
GAP_TYPES = ("sentence", "pattern")
# Problems, causes and plans are written in reusable whole sentences (…还不够…,
# …有待进一步…); achievements are facts, where patterns (以…为抓手) help more.
SENTENCES_FIRST = ("problems", "causes", "plans")
# A pattern helps only with a real word among its fixed parts: 以…为抓手, not 在…上….
MIN_PATTERN_WORDS = 4
STARTER_TYPES = ("sentence", "pattern", "heading")
_LIST_PUNCTUATION = "。；;，,、：: \u3000"  # not "." : 在...上... keeps its dots


def bank_phrases(bank_dir) -> list[dict]:
    """The bank's phrases; a bank without phrases.yaml simply has no suggestions
    (a broken phrases.yaml is still reported, with its line)."""
    from drafter.bank import PHRASES_FILE, bank_path, load_phrases

    if not (bank_path(bank_dir) / PHRASES_FILE).exists():
        return []
    return load_phrases(bank_dir)


class SuggestionPool:
    """Phrases per role, handed out in rank order so that several gaps of one
    role show different suggestions. The bank is read only when a gap needs it
    (a complete fill file never pays for loading phrases.yaml)."""

    def __init__(self, phrases: list[dict] | Callable[[], list[dict]],
                 types: tuple[str, ...] = GAP_TYPES) -> None:
        self._source = phrases
        self._types = types
        self._by_role: dict[str, list[str]] | None = None
        self._used: dict[str, int] = {}

    def _index(self) -> dict[str, list[str]]:
        if self._by_role is None:
            phrases = self._source() if callable(self._source) else self._source
            self._by_role = {}
            for entry in phrases:
                if entry.get("type") not in self._types:
                    continue
                text = strip_xml_invalid(" ".join(str(entry.get("text", "")).split()))[0]
                # The gap paragraph joins suggestions with ；and ends them with 。
                text = text.rstrip(_LIST_PUNCTUATION)
                if not text or (entry.get("type") == "pattern" and not _helpful_pattern(text)):
                    continue
                for role in entry.get("roles") or []:
                    bucket = self._by_role.setdefault(role, [])
                    if (entry.get("type"), text) not in bucket:
                        bucket.append((entry.get("type"), text))
            for role, bucket in self._by_role.items():
                # stable: the bank's own rank order is kept within each type
                if role in SENTENCES_FIRST:
                    bucket.sort(key=lambda typed: typed[0] != "sentence")
                self._by_role[role] = [text for _type, text in bucket]
        return self._by_role

    def available(self, role: str | None) -> list[str]:
        return list(self._index().get(role or "", []))

    def take(self, role: str | None, count: int = 3) -> list[str]:
        """The next `count` suggestions for the role (wrapping round when all were shown)."""
        found = self._index().get(role or "", [])
        if not found:
            return []
        start = self._used.get(role or "", 0)
        picked = [found[(start + offset) % len(found)] for offset in range(min(count, len(found)))]
        self._used[role or ""] = start + len(picked)
        return picked


def _helpful_pattern(text: str) -> bool:
    parts = [part for part in text.replace("...", "…").split("…") if part]
    return sum(len(part) for part in parts) >= MIN_PATTERN_WORDS and max(map(len, parts), default=0) >= 2
