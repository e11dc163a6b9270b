"""Term miner: set phrases (固定提法) found statistically from characters.

No word list is involved. Every run of Chinese characters (numbers,
placeholders, punctuation and Latin text split the runs) is cut into all its
n-grams; counts are summed over the corpus. A candidate is kept when it is
frequent, when its parts belong together (cohesion: the smallest pointwise
mutual information over its binary splits) and when it is free on both sides
(branching entropy of the characters seen left and right of it). Terms are
mined before any tokenization; they then become user words of the tokenizer.

Counting is a map over documents (`count_document`) and an associative merge
(`NgramCounts.merge`), so it runs in parallel and can be cached.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.mining.slots import SLOT_MARK, mask_slots

try:  # the C helper behind Counter.update; fast counting of an iterable
    from collections import _count_elements
except ImportError:  # pragma: no cover - other Pythons
    def _count_elements(mapping, iterable):
        get = mapping.get
        for element in iterable:
            mapping[element] = get(element, 0) + 1

# Two characters make a word (工作, 学习), which any dictionary knows; a set phrase
# (固定提法) joins words: 三会一课, 一岗双责, 党风廉政建设.
MIN_LENGTH = 3
MAX_LENGTH = 7
CJK = "\u4e00-\u9fff\u3400-\u4dbf"

# All n-grams of Chinese characters, overlapping, found in C by the regex engine.
_GRAMS = {n: re.compile(f"(?=([{CJK}]{{{n}}}))") for n in range(1, MAX_LENGTH + 2)}

# Grammar, not vocabulary: a set phrase neither starts nor ends with a particle
# or conjunction, and a neighbouring particle marks a phrase boundary.
NOT_FIRST = frozenset("的了和与等及之其并或着过也都就而")
NOT_LAST = frozenset("的了和与等及之其并或着过也都就而是在对把被将从以")
BOUNDARY_NEIGHBOURS = frozenset("的了和与等及")


@dataclass
class NgramCounts:
    """Character n-gram statistics of a set of documents; merged by addition."""

    tf: Counter = field(default_factory=Counter)           # occurrences, n = 1 .. MAX_LENGTH + 1
    # A run's edge is a phrase boundary, unless the edge is a slot (□, a masked
    # number or placeholder): then the slot is one more neighbour, as in 党的XX大精神.
    starts: Counter = field(default_factory=Counter)       # occurrences at the start of a run
    ends: Counter = field(default_factory=Counter)         # occurrences at the end of a run
    after_slot: Counter = field(default_factory=Counter)   # occurrences right after a slot
    before_slot: Counter = field(default_factory=Counter)  # occurrences right before a slot
    docs: int = 0
    pruned: int = 0  # how often rare entries were dropped to bound memory (then counts are lower bounds)

    def tables(self) -> tuple[Counter, ...]:
        return (self.tf, self.starts, self.ends, self.after_slot, self.before_slot)

    def merge(self, other: NgramCounts) -> NgramCounts:
        for mine, theirs in zip(self.tables(), other.tables()):
            _add(mine, theirs)
        self.docs += other.docs
        self.pruned += other.pruned
        return self

    def subtract(self, other: NgramCounts) -> NgramCounts:
        """Take out documents counted before (exact only while nothing was pruned)."""
        for mine, theirs in zip(self.tables(), other.tables()):
            for key, value in theirs.items():
                left = mine.get(key, 0) - value
                if left > 0:
                    mine[key] = left
                else:
                    mine.pop(key, None)
        self.docs -= other.docs
        return self

    def prune(self, max_entries: int) -> None:
        """Bound memory: drop the rarest n-grams while there are too many (lossy counting)."""
        floor = 1
        while len(self.tf) > max_entries:
            for table in self.tables():
                for key in [k for k, v in table.items() if v <= floor]:
                    del table[key]
            self.pruned += 1
            floor += 1

    def to_data(self) -> dict:
        return {"tables": [dict(t) for t in self.tables()], "docs": self.docs, "pruned": self.pruned}

    @classmethod
    def from_data(cls, data: dict) -> NgramCounts:
        tf, starts, ends, after, before = (Counter(t) for t in data["tables"])
        return cls(tf, starts, ends, after, before, data["docs"], data["pruned"])


def _add(mine: Counter, theirs: Counter, times: int = 1) -> None:
    if not mine and times == 1:
        mine.update(theirs)
        return
    get = mine.get
    for key, value in theirs.items():
        mine[key] = get(key, 0) + value * times


_RUNS = re.compile(f"[{CJK}]+")
_AFTER_SLOT = re.compile(f"(?<={SLOT_MARK})[{CJK}]+")
_BEFORE_SLOT = re.compile(f"[{CJK}]+(?={SLOT_MARK})")


def _count_text(text: str, counts: NgramCounts, times: int) -> None:
    """Count the n-grams of text (lines of masked text) `times` times over."""
    target = counts if times == 1 else NgramCounts()
    tf = target.tf
    for pattern in _GRAMS.values():
        _count_elements(tf, pattern.findall(text))
    runs = _RUNS.findall(text)
    after_slot = _AFTER_SLOT.findall(text)
    before_slot = _BEFORE_SLOT.findall(text)
    starts, ends, after, before = Counter(), Counter(), Counter(), Counter()
    for n in range(MIN_LENGTH, MAX_LENGTH + 1):
        _count_elements(starts, [r[:n] for r in runs if len(r) >= n])
        _count_elements(ends, [r[-n:] for r in runs if len(r) >= n])
        _count_elements(after, [r[:n] for r in after_slot if len(r) >= n])
        _count_elements(before, [r[-n:] for r in before_slot if len(r) >= n])
    # a run edge next to a slot is no boundary: the slot is counted as a neighbour instead
    for edges, slotted in ((starts, after), (ends, before)):
        for gram, count in slotted.items():
            left = edges[gram] - count
            if left > 0:
                edges[gram] = left
            else:
                del edges[gram]
    for table, found in ((target.starts, starts), (target.ends, ends),
                         (target.after_slot, after), (target.before_slot, before)):
        _add(table, found)
    if times != 1:
        for mine, theirs in zip(counts.tables(), target.tables()):
            _add(mine, theirs, times)


# An enumeration that shares the rest of a name (十九届二中、三中、四中全会精神: 二中全会, 三中全会 …)
# puts 、 inside the name. Items of two or three characters that end like the words across the
# 、 (二中 / 三中) are such an ellipsis: that 、 is no phrase boundary but one more neighbour,
# like a slot, so no term ends right before it (…十九届二中) or starts right after it (四中全会精神).
MAX_ELLIPSIS_ITEM = 3
_ENUMERATION_COMMA = re.compile(f"(?<=[{CJK}])、(?=[{CJK}])")
_RUN_BEFORE = re.compile(f"[{CJK}]+$")
_RUN_AFTER = re.compile(f"^[{CJK}]+")


def mark_ellipses(text: str) -> str:
    """Text with each 、 of an elliptical enumeration replaced by the slot mark."""
    if "、" not in text:
        return text
    cut_at = []
    for comma in _ENUMERATION_COMMA.finditer(text):
        at = comma.start()
        before = _RUN_BEFORE.search(text, max(0, at - 40), at).group(0)
        after = _RUN_AFTER.match(text[at + 1:at + 41]).group(0)
        if _parallel(before, after):
            cut_at.append(at)
    if not cut_at:
        return text
    chars = list(text)
    for at in cut_at:
        chars[at] = SLOT_MARK
    return "".join(chars)


def _parallel(before: str, after: str) -> bool:
    """The shorter side is a short item that ends like the same number of characters across
    the 、 (二中 / 三中, 县级 / 乡级), and is not the same word."""
    for item, other in ((after, before[-len(after):]), (before, after[:len(before)])):
        if 2 <= len(item) <= MAX_ELLIPSIS_ITEM and len(other) == len(item) \
                and other[-1] == item[-1] and other[0] != item[0]:
            return True
    return False


def count_documents(texts: list[str], counts: NgramCounts) -> None:
    """Add the n-grams of documents (each a text, one block per line) to `counts`.

    Lines repeated across the documents (boilerplate, copied paragraphs) are
    counted once and weighted, which makes copied collections cheap to count."""
    lines: Counter = Counter()
    for text in texts:
        _count_elements(lines, text.split("\n"))
    by_weight: dict[int, list[str]] = {}
    for line, weight in lines.items():
        by_weight.setdefault(weight, []).append(line)
    for weight in sorted(by_weight):
        _count_text(mark_ellipses(mask_slots("\n".join(by_weight[weight]))), counts, weight)
    counts.docs += len(texts)


def count_document(text: str, counts: NgramCounts) -> None:
    """Add the n-grams of one document's text to `counts`."""
    count_documents([text], counts)


@dataclass(frozen=True)
class Term:
    text: str
    count: int
    cohesion: float
    left_entropy: float
    right_entropy: float
    score: float


def _entropy(neighbour_counts: list[int], boundaries: int) -> float:
    """Branching entropy; each boundary occurrence counts as a neighbour of its own."""
    total = sum(neighbour_counts) + boundaries
    if total <= 0:
        return 0.0
    entropy = -sum(c / total * math.log(c / total) for c in sorted(neighbour_counts))
    if boundaries:
        entropy += boundaries / total * math.log(total)
    return entropy


def _with_slot(neighbours: list[int], slot_count: int) -> list[int]:
    return neighbours + [slot_count] if slot_count else neighbours


def score_terms(counts: NgramCounts, *, min_count: int = 3, min_cohesion: float = 2.5,
                min_entropy: float = 0.9, limit: int | None = None) -> list[Term]:
    """Terms ranked best first (then by text, so the order is stable).

    An n-gram of MIN_LENGTH..MAX_LENGTH characters is a term when it is frequent,
    cohesive and free on both sides. One that is cohesive but bound on a side
    (新时代中国特色, always followed by 社会主义) is a piece of something longer:
    it grows on that side while its continuation is all but forced, until both
    ends are free; so a long 提法 is found whole, whatever its length."""
    context = _Neighbours(counts, min_count)
    tf = counts.tf
    total_chars = sum(v for k, v in tf.items() if len(k) == 1) or 1
    found: dict[str, Term] = {}
    grown_entropies: dict[str, tuple[float, float]] = {}
    for gram in context.pool:
        count = tf[gram]
        cohesion = min(math.log(count * total_chars / (tf[gram[:i]] * tf[gram[i:]]))
                       for i in range(1, len(gram)))
        if cohesion < min_cohesion:
            continue
        left_entropy, right_entropy = context.entropies(gram)
        if min(left_entropy, right_entropy) < min_entropy:
            grown = context.grow(gram, count, min_entropy)
            if grown is None:
                continue
            gram, count = grown
            if gram not in grown_entropies:
                grown_entropies[gram] = context.entropies(gram)
            left_entropy, right_entropy = grown_entropies[gram]
            cohesion = min(cohesion, 10.0)
        if gram[0] in NOT_FIRST or gram[-1] in NOT_LAST:
            continue
        freedom = min(left_entropy, right_entropy)
        # longer phrases are likelier to be set phrases than common two-character words
        score = math.log1p(count) * freedom * min(cohesion, 10.0) * (len(gram) - 1)
        term = Term(gram, count, round(cohesion, 4), round(left_entropy, 4), round(right_entropy, 4),
                    round(score, 6))
        # several n-grams may grow into one phrase: the best reading wins, whichever came first
        # (the pool is a set: its order changes from run to run)
        if gram not in found or _rank(found[gram]) < _rank(term):
            found[gram] = term
    terms = sorted(found.values(), key=lambda t: (-t.score, t.text))
    return terms[:limit] if limit else terms


def _rank(term: Term) -> tuple:
    return term.score, term.count, term.cohesion, term.left_entropy, term.right_entropy


MAX_GROWN = 32       # characters: longer than any 提法, shorter than a sentence
FORCED_SHARE = 0.75  # a continuation taken by this share of occurrences is part of the phrase


class _Neighbours:
    """The characters seen on either side of each frequent n-gram, and phrase boundaries."""

    def __init__(self, counts: NgramCounts, min_count: int) -> None:
        tf = counts.tf
        self.counts = counts
        self.pool = {gram for gram, count in tf.items()
                     if MIN_LENGTH <= len(gram) <= MAX_LENGTH and count >= min_count}
        self.right: dict[str, list[tuple[int, str]]] = {}
        self.left: dict[str, list[tuple[int, str]]] = {}
        self.right_bounds: Counter = Counter()
        self.left_bounds: Counter = Counter()
        self._left_known: dict[str, float] = {}
        self._right_known: dict[str, float] = {}
        for gram, count in tf.items():
            if len(gram) <= MIN_LENGTH:
                continue
            head, tail = gram[:-1], gram[1:]
            if head in self.pool:
                if gram[-1] in BOUNDARY_NEIGHBOURS:
                    self.right_bounds[head] += count
                else:
                    self.right.setdefault(head, []).append((count, gram[-1]))
            if tail in self.pool:
                if gram[0] in BOUNDARY_NEIGHBOURS:
                    self.left_bounds[tail] += count
                else:
                    self.left.setdefault(tail, []).append((count, gram[0]))

    def entropies(self, text: str) -> tuple[float, float]:
        """Branching entropy on the left and the right; a long text is judged by its end windows
        (each window's entropy is worked out once: growing phrases pass the same windows)."""
        return self._left_entropy(text[:MAX_LENGTH]), self._right_entropy(text[-MAX_LENGTH:])

    def _left_entropy(self, first: str) -> float:
        known = self._left_known.get(first)
        if known is None:
            counts = self.counts
            known = self._left_known[first] = _entropy(
                _with_slot([c for c, _ in self.left.get(first, [])], counts.after_slot.get(first, 0)),
                counts.starts.get(first, 0) + self.left_bounds[first])
        return known

    def _right_entropy(self, last: str) -> float:
        known = self._right_known.get(last)
        if known is None:
            counts = self.counts
            known = self._right_known[last] = _entropy(
                _with_slot([c for c, _ in self.right.get(last, [])], counts.before_slot.get(last, 0)),
                counts.ends.get(last, 0) + self.right_bounds[last])
        return known

    def grow(self, text: str, count: int, min_entropy: float) -> tuple[str, int] | None:
        """The longer phrase a bound n-gram belongs to, with its estimated count; None when
        a side is bound but its continuation is not forced (a collocation, not a phrase)."""
        estimate = count
        while len(text) < MAX_GROWN:
            left, right = self.entropies(text)
            if min(left, right) >= min_entropy:
                return text, estimate
            side = self.right if right <= left else self.left
            window = text[-MAX_LENGTH:] if side is self.right else text[:MAX_LENGTH]
            choices = side.get(window)
            if not choices:
                return None
            best_count, best_char = max(choices)
            if best_count < FORCED_SHARE * estimate:
                return None
            text = text + best_char if side is self.right else best_char + text
            estimate = min(estimate, best_count)
        return None
