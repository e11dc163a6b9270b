"""Phrase-bank suggestions for a section the user left empty, and for the
comments of a starter fill file. Suggestions are shown, never written into
the text as if the user had said them: a gap stays marked 【待补充】 and each
suggestion is a 参考写法 to rewrite.

What is offered is fit for the document: nothing outdated in its year (the
lexicon says what is), no lead-in sentence (产生上述问题的原因主要有以下方面),
no first person (本人…) outside a 述职报告, no masked text. Hints for causes and
plans come first when they share topics and bank terms with the problems the
user wrote. No tokenizer is used: drafting never imports jieba.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.characters import CLAUSE_ENDS
from drafter.masked_text import has_masked_gap
from drafter.drafting.text_rules import strip_xml_invalid

# Whole sentences and sentence patterns help fill a gap; bare terms do not.
GAP_TYPES = ("sentence", "pattern")
# Problems, causes and plans are written in reusable whole sentences (…还不够…,
# …有待进一步…); achievements are facts, where patterns (以…为抓手) help more.
SENTENCES_FIRST = ("problems", "causes", "plans")
# Gaps whose hints should follow what the user wrote in these roles.
FOLLOWS = {"causes": ("problems",), "plans": ("problems", "causes")}
# A pattern helps only with a real word among its fixed parts: 以…为抓手, not 在…上….
MIN_PATTERN_WORDS = 4
STARTER_TYPES = ("sentence", "pattern", "heading")
TERM_TYPES = ("set_phrase", "collocation", "word")
_LIST_PUNCTUATION = CLAUSE_ENDS + "、 \u3000"  # not "." : 在...上... keeps its dots
# A sentence that announces a list instead of saying something.
_LEAD_IN = re.compile(r"(以下|如下|下列|几个方面|几点)[^，。；]{0,6}[：:]?$|[：:]$|主要(有|表现在|体现在)$")
# 本人, 我 (but not 我们, 我局, 我市 …: a unit speaking of itself)
_FIRST_PERSON = re.compile(r"本人|我(?![们局市区县省校院所委部单位中心国支行处科队站厂司])")
# A D left for 党 by a censoring site, or a name left as XXX (the other masked gaps:
# drafter.masked_text).
_MASKED = re.compile(r"[\u4e00-\u9fff]D[\u4e00-\u9fff]|XXX")


@dataclass
class Context:
    """What the document is, for choosing suggestions."""

    kind: str = "annual"
    year: int | None = None
    written: dict[str, str] = field(default_factory=dict)  # role -> the text the user wrote


def bank_phrases(bank_dir) -> list[dict]:
    """The bank's phrases; a bank without phrases.yaml simply has no suggestions
    (a broken phrases.yaml is still reported, with its line)."""
    from drafter.bank import PHRASES_FILE, bank_path, load_phrases

    if not (bank_path(bank_dir) / PHRASES_FILE).exists():
        return []
    return load_phrases(bank_dir)


def fit_for(text: str, context: Context, lexicon) -> bool:
    """Whether a bank text may be offered in this document."""
    if _LEAD_IN.search(text) or _MASKED.search(text) or has_masked_gap(text, dot_is_full_stop=False):
        return False
    if context.kind != "debrief" and _FIRST_PERSON.search(text):
        return False
    return context.year is None or lexicon is None or lexicon.stale_wording(text, context.year) is None


class SuggestionPool:
    """Phrases per role, handed out in rank order so that several gaps of one
    role show different suggestions. The bank is read only when a gap needs it
    (a complete fill file never pays for loading phrases.yaml)."""

    def __init__(self, phrases: list[dict] | Callable[[], list[dict]], types: tuple[str, ...] = GAP_TYPES,
                 context: Context | None = None, lexicon: Callable[[], object] | None = None) -> None:
        self._source = phrases
        self._types = types
        self._context = context or Context()
        self._lexicon = lexicon
        self._by_role: dict[str, list[str]] | None = None
        self._terms: list[tuple[str, list[str]]] = []
        self._used: dict[str, int] = {}

    def _index(self) -> dict[str, list[str]]:
        if self._by_role is not None:
            return self._by_role
        phrases = self._source() if callable(self._source) else self._source
        lexicon = self._lexicon() if self._lexicon is not None else None
        self._by_role = {}
        self._terms = [(entry["text"], entry.get("topics", [])) for entry in phrases
                       if entry.get("type") in TERM_TYPES and len(entry.get("text", "")) >= 3]
        for entry in phrases:
            if entry.get("type") not in self._types:
                continue
            text = strip_xml_invalid(" ".join(str(entry.get("text", "")).split()))[0]
            # The gap paragraph joins suggestions with ；and ends them with 。
            text = text.rstrip(_LIST_PUNCTUATION)
            if not text or (entry.get("type") == "pattern" and not _helpful_pattern(text)):
                continue
            if not fit_for(text, self._context, lexicon):
                continue
            for role in entry.get("roles") or []:
                bucket = self._by_role.setdefault(role, [])
                if text not in (t for _type, t, _topics in bucket):
                    bucket.append((entry.get("type"), text, entry.get("topics", [])))
        for role, bucket in self._by_role.items():
            relevance = self._relevance(role)
            scored = [(relevance(text, topics), kind, text) for kind, text, topics in bucket]
            if any(score > 0 for score, _kind, _text in scored):
                # the user said what the problems are: offer what has to do with them, nothing else
                scored = [item for item in scored if item[0] > 0]
            # stable: the bank's own rank order is kept within each group
            scored.sort(key=lambda item: (-item[0], role in SENTENCES_FIRST and item[1] != "sentence"))
            self._by_role[role] = [text for _score, _kind, text in scored]
        return self._by_role

    def _relevance(self, role: str) -> Callable[[str, list[str]], float]:
        """How much a suggestion has to do with what the user wrote in the roles this one
        follows (causes follow problems): each shared bank term counts one, and the share of
        the suggestion's own topics that the user's text has counts two, so a sentence about
        作风 outranks a series naming every field of 党建 in passing."""
        written = "".join(self._context.written.get(other, "") for other in FOLLOWS.get(role, ()))
        if not written:
            return lambda _text, _topics: 0
        topics = {topic for term, term_topics in self._terms if term in written for topic in term_topics}
        from drafter.topics import load_topic_cues

        topics |= set(load_topic_cues().topics_of(written))
        terms = {term for term, _topics in self._terms if term in written}

        def score(text: str, text_topics: list[str]) -> float:
            shared = len(topics & set(text_topics)) / len(set(text_topics)) if text_topics else 0.0
            return 2 * shared + sum(1 for term in terms if term in text)

        return score

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
