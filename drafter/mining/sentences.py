"""Sentence miner: reusable whole sentences per role (problems and plans above all).

A sentence can be reused when it is generic and typical of its section:
- generic: nearly all its words are common in the corpus (found in several
  documents), and it names no number, placeholder or document title;
- typical: its words lean towards the role of its section. That lean is
  learnt from the corpus (pointwise mutual information of word and role), so
  还不够 and 有待进一步 come out as problem words without a word list.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from drafter.characters import CLAUSE_ENDS
from drafter.mining.clauses import Sentence, is_word
from drafter.mining.digest import BODY
from drafter.mining.slots import has_slot
from drafter.vocabulary import ROLES

MIN_CHARS = 6
MAX_CHARS = 40
ROLE_WEIGHT = {"problems": 1.0, "plans": 1.0, "causes": 0.9, "experience": 0.8, "achievements": 0.6, "other": 0.4}
_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|同时|另外|此外)[，,、：:]?")
_END = CLAUSE_ENDS + " "


def normalize_sentence(text: str) -> str:
    """The sentence without its ordinal lead (一是, 首先 …) and final punctuation."""
    return _LEAD.sub("", text.strip()).rstrip(_END).strip()


def document_sentences(sentences: list[Sentence]) -> list[list]:
    """Per-document map: [role, text, words] of each candidate sentence."""
    found = []
    seen = set()
    for sentence in sentences:
        if sentence.kind not in BODY or sentence.role < 0:
            continue
        text = normalize_sentence(sentence.text)
        if not MIN_CHARS <= len(text) <= MAX_CHARS or has_slot(text) or "《" in text:
            continue
        words = [t for t in sentence.tokens if is_word(t)]
        if len(words) < 3 or (sentence.role, text) in seen:
            continue
        seen.add((sentence.role, text))
        found.append([sentence.role, text, " ".join(words)])
    return found


def new_sentence_total() -> dict:
    return {"candidates": {}, "word_docs": {}, "role_words": {}, "documents": 0}


def add_document_sentences(total: dict, document: list[list], words_of_document: list[str],
                           source: str) -> None:
    """Combine: sentence counts, word document frequencies, word-role counts."""
    word_docs = total["word_docs"]
    for word in words_of_document:
        word_docs[word] = word_docs.get(word, 0) + 1
    total["documents"] += 1
    role_words = total["role_words"]
    candidates = total["candidates"]
    for role, text, words in document:
        for key in [(role, w) for w in set(words.split())] + [(-1, w) for w in set(words.split())] \
                + [(role, ""), (-1, "")]:
            role_words[key] = role_words.get(key, 0) + 1
        stats = candidates.get((role, text))
        if stats is None:
            candidates[(role, text)] = [1, words, source]
        else:
            stats[0] += 1
            stats[2] = min(stats[2], source)


def merge_sentence_totals(total: dict, other: dict) -> None:
    for name in ("word_docs", "role_words"):
        mine = total[name]
        for key, value in other[name].items():
            mine[key] = mine.get(key, 0) + value
    total["documents"] += other["documents"]
    candidates = total["candidates"]
    for key, (count, words, source) in other["candidates"].items():
        stats = candidates.get(key)
        if stats is None:
            candidates[key] = [count, words, source]
        else:
            stats[0] += count
            stats[2] = min(stats[2], source)


@dataclass(frozen=True)
class ReusableSentence:
    text: str
    role: int
    count: int
    source: str
    score: float


def select_sentences(total: dict, *, limit: int = 400) -> list[ReusableSentence]:
    """Reusable sentences ranked best first, with an equal share of `limit` per role.

    Exact repeats are rare across documents, so a sentence's rank also counts the
    documents that say nearly the same (most of its words, in the same role)."""
    candidates = total.get("candidates", {})
    if not candidates:
        return []
    documents = max(1, total.get("documents", 1))
    word_docs = total["word_docs"]
    role_words = total["role_words"]
    common = max(2, math.ceil(0.05 * documents)) if documents >= 2 else 1
    all_sentences = role_words.get((-1, ""), 0) or 1
    support = _support(candidates)
    by_role: dict[int, list[ReusableSentence]] = {}
    for (role, text), (count, words, source) in candidates.items():
        tokens = words.split()
        generic = sum(1 for w in tokens if word_docs.get(w, 0) >= common) / len(tokens)
        if generic < 0.75:
            continue
        role_share = (role_words.get((role, ""), 0) or 1) / all_sentences
        lean = 0.0
        for word in tokens:
            with_role = role_words.get((role, word), 0)
            overall = role_words.get((-1, word), 0)
            lean = max(lean, math.log((with_role + 0.5) / (overall + 0.5 / role_share) / role_share))
        if lean <= 0:
            continue
        role_name = ROLES[role] if 0 <= role < len(ROLES) else "other"
        score = (ROLE_WEIGHT.get(role_name, 0.4) * generic * lean * math.log1p(support[(role, text)])
                 * (1 + math.log(len(tokens))))
        by_role.setdefault(role, []).append(ReusableSentence(text, role, count, source, round(score, 6)))
    share = max(1, limit // max(1, len(by_role)))
    kept = []
    for role in sorted(by_role):
        ranked = sorted(by_role[role], key=lambda s: (-s.score, s.text))
        kept.extend(ranked[:share])
    kept.sort(key=lambda s: (-s.score, s.text))
    return kept


SIMILAR = 0.6  # share of a sentence's words another sentence must have to say nearly the same


def _support(candidates: dict) -> dict[tuple[int, str], int]:
    """Per candidate: its own occurrences plus those of the candidates of its role that
    hold most of its words (学习的系统性还不够强 / 理论学习系统性不够强)."""
    words_of = {key: frozenset(words.split()) for key, (_count, words, _source) in candidates.items()}
    index: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for key, words in words_of.items():
        for word in words:
            index.setdefault((key[0], word), []).append(key)
    limit = max(50, len(candidates) // 20)  # words in every other sentence say nothing of likeness
    support = {}
    for key, words in words_of.items():
        shared: dict[tuple[int, str], int] = {}
        for word in words:
            others = index[(key[0], word)]
            if len(others) > limit:
                continue
            for other in others:
                shared[other] = shared.get(other, 0) + 1
        need = SIMILAR * len(words)
        support[key] = sum(candidates[other][0] for other, n in shared.items()
                           if n >= need and n >= SIMILAR * len(words_of[other])) or candidates[key][0]
    return support
