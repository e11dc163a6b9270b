"""The word-level map step, and the totals it combines into.

One document's digest is cut into words once (mined terms are user words of
the tokenizer) and handed to each word-level miner: patterns, headings,
sentences. It also records where each mined term is used as a word (roles,
documents, examples), which the term entries of the bank show.

Totals are plain data and merge by addition in any order (examples are those
of the first documents by name), so chunks of documents can be combined in
worker processes and the results cached.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from drafter.mining.clauses import CLAUSE_MARKS, SENTENCE_MARKS, block_sentences, is_word
from drafter.mining.digest import HEADINGS, TITLE
from drafter.mining.headings import (add_document_headings, document_heading_sets, document_headings,
                                     merge_heading_totals)
from drafter.mining.patterns import PatternCollector, merge_pattern_totals, new_pattern_total
from drafter.mining.sentences import (add_document_sentences, document_sentences, merge_sentence_totals,
                                      new_sentence_total)

MAX_EXAMPLE_CHARS = 80
MAX_EXAMPLES = 3
HEADING_LINES = frozenset((*HEADINGS, TITLE))
OPENING_QUOTES = frozenset("“‘「『\"'")
CLOSING_QUOTES = frozenset("”’」』\"'")


def example_text(sentence: str, needle: str) -> str:
    """The sentence, cut around `needle` when it is long."""
    sentence = sentence.strip()
    if len(sentence) <= MAX_EXAMPLE_CHARS:
        return sentence
    at = max(0, sentence.find(needle))
    start = max(0, min(at - MAX_EXAMPLE_CHARS // 3, len(sentence) - MAX_EXAMPLE_CHARS))
    piece = sentence[start:start + MAX_EXAMPLE_CHARS]
    return ("…" if start else "") + piece + ("…" if start + MAX_EXAMPLE_CHARS < len(sentence) else "")


def new_word_total() -> dict:
    return {"documents": 0, "terms": {}, "compounds": {}, "patterns": new_pattern_total(), "headings": {},
            "sentences": new_sentence_total(), "heading_sets": []}


@dataclass
class _TermUse:
    """How one document uses a term."""
    sentence: str       # the first text naming it
    roles: int = 0      # bit mask over ROLES
    count: int = 0      # occurrences
    quoted: int = 0     # occurrences in quotes (“三会一课”)
    headed: int = 0     # occurrences in headings
    ends: int = 0       # occurrences that end their clause (…落到实处，)
    written: int = 0    # occurrences in the text, as a word or not (inside 学习贯彻 + it, across words)
    needle: str = ""    # the text as written where it was first found

    def count_written(self, role: int, kind: str) -> None:
        """One more occurrence found in the text (not as the tokenizer cut it), in a block of
        this role and kind."""
        self.roles |= 1 << role if role >= 0 else 0
        self.count += 1
        self.written += 1
        self.headed += kind in HEADING_LINES


@dataclass(frozen=True)
class WordLists:
    """What the word-level map step looks for, besides patterns, headings and sentences.

    - `user_words`: the tokenizer's user words (mined terms and the lexicon's wordings);
    - `token_terms`: mined terms counted where the tokenizer cuts them as one word;
    - `terms_by_probe`: mined terms also counted wherever the text writes them;
    - `lexicon`: the finders of the lexicon's entries by probe, (term, literal, pattern)
      each (pattern None for a plain wording): an entry is counted by its occurrences in the
      text (inside a longer term or a verb phrase too), each spot once per entry;
    - `heads`: head words of names (templates/name_heads.yaml): a term followed by one
      (a term, then 精神) is a compound the term entries judge: `modifiers` maps each mined
      term, and each lexicon wording, to the term it is counted under.

    Such a term is counted where it is written whether or not the tokenizer cut it as one
    word there (a longer term may hold it: 学习贯彻 + a name).
    Texts to find are filed under a probe, their rarest character by the corpus's counts:
    a document without it cannot hold them, which spares most searches."""
    user_words: frozenset[str]
    token_terms: frozenset[str] = frozenset()
    lexicon: dict = field(default_factory=dict)
    heads: frozenset[str] = frozenset()
    terms_by_probe: dict = field(default_factory=dict)
    modifiers: dict = field(default_factory=dict)  # text → the term a head after it makes a compound of
    modifier_lengths: dict = field(default_factory=dict)  # last character → their lengths, longest first


def add_document_words(total: dict, digest: dict, cut, lists: WordLists, patterns: PatternCollector) -> None:
    """Map one document and combine its word-level results into `total` (its clauses go to
    `patterns`, to be flushed into the total once per chunk)."""
    source = digest["source"]
    blocks = digest["blocks"]
    sentences = block_sentences(blocks, cut)
    uses: dict[str, _TermUse] = {}
    text = _DocumentText(blocks)
    _count_lexicon(text, lists.lexicon, uses)
    _count_compounds(text, lists, uses, total.setdefault("compounds", {}))
    words: set[str] = set()
    for sentence in sentences:
        role_bit = 1 << sentence.role if sentence.role >= 0 else 0
        tokens = sentence.tokens
        heading = sentence.kind in HEADING_LINES
        for index, token in enumerate(tokens):
            if token in lists.token_terms:
                # “三会一课”: a writer quotes a 提法 as a name
                quoted = 0 < index < len(tokens) - 1 and tokens[index - 1] in OPENING_QUOTES \
                    and tokens[index + 1] in CLOSING_QUOTES
                use = uses.setdefault(token, _TermUse(sentence=sentence.text))
                use.roles |= role_bit
                use.count += 1
                use.quoted += quoted
                use.headed += heading
                use.ends += _ends_clause(tokens, index)
            if is_word(token):
                words.add(token)
    _count_written(text, lists.terms_by_probe, uses)
    # the document's words, for the sentence miner: its words as cut, and the lexicon's
    # wordings that hold punctuation as written (形式主义、官僚主义), which are never cut as one
    words.update(use.needle for use in uses.values() if use.needle and use.count and not is_word(use.needle))
    terms = total["terms"]
    texts = [s.text for s in sentences]
    for term, use in uses.items():
        # the example of a word is where it was cut as one (how it stands there tells its type);
        # of a lexicon wording or a compound, the first sentence naming it; a term written
        # here only inside others has none
        needle = use.needle or term
        first = use.sentence if not use.needle else next((text for text in texts if needle in text), use.sentence)
        examples = [[source, example_text(first, needle)]] if use.count else []
        _add_use(terms, term, use.roles, 1 if use.count else 0, examples, use.count, use.quoted, use.headed,
                 use.ends, use.written, 1)
    total["documents"] += 1
    patterns.add(sentences, source)
    add_document_headings(total["headings"], document_headings(sentences), source)
    total["heading_sets"].extend(found + [source] for found in document_heading_sets(digest.get("siblings", []), cut))
    add_document_sentences(total["sentences"], document_sentences(sentences), sorted(words), source)


class _DocumentText:
    """A document's blocks as one text (a line each), the characters it holds, and where
    each block starts."""

    def __init__(self, blocks: list) -> None:
        self.blocks = blocks
        self.whole = "\n".join(text for _role, _kind, text in blocks)
        self.present = set(self.whole) | {""}  # a text with no probe is always looked for
        self.starts = []
        position = 0
        for _role, _kind, text in blocks:
            self.starts.append(position)
            position += len(text) + 1

    def block_at(self, position: int) -> list:
        return self.blocks[bisect_right(self.starts, position) - 1]


def _count_lexicon(document: _DocumentText, finders: dict, uses: dict[str, _TermUse]) -> None:
    """Occurrences of each lexicon entry in the text, under its term: a wording is counted
    wherever it stands, inside a longer phrase too (落实“三会一课”制度), but one spot only
    once for an entry whose wordings hold one another (主题党日 / 主题党日活动). A match never
    runs from one block into the next."""
    whole, present = document.whole, document.present
    found: dict[str, set] = {}
    for probe in present.intersection(finders):
        for term, literal, pattern in finders[probe]:
            if literal in whole:
                found.setdefault(term, set()).update(_spans(whole, literal, pattern))
    for term, spans in found.items():
        taken_until = -1
        for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
            if start < taken_until:
                continue  # inside or across a spot already counted for this entry
            taken_until = end
            role, kind, text = document.block_at(start)
            written = whole[start:end]
            use = uses.get(term)
            if use is None:
                use = uses[term] = _TermUse(sentence=text, needle=written)
            use.count_written(role, kind)
            use.quoted += written[0] in OPENING_QUOTES or (
                whole[start - 1:start] in OPENING_QUOTES and whole[end:end + 1] in CLOSING_QUOTES and start > 0)


def _spans(whole: str, literal: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Where a finder matches the text, within one line: a plain wording (pattern None)
    where it is written, a pattern searched only in the lines that hold its literal."""
    if pattern is None:
        spans, at = [], whole.find(literal)
        while at >= 0:
            spans.append((at, at + len(literal)))
            at = whole.find(literal, at + len(literal))
        return spans
    if not literal:
        return [(m.start(), m.end()) for m in pattern.finditer(whole) if m.end() > m.start() and "\n" not in m.group()]
    spans, at = [], whole.find(literal)
    while at >= 0:
        line_start = whole.rfind("\n", 0, at) + 1
        line_end = whole.find("\n", at)
        line_end = len(whole) if line_end < 0 else line_end
        spans.extend((m.start(), m.end()) for m in pattern.finditer(whole, line_start, line_end) if m.end() > m.start())
        at = whole.find(literal, line_end)
    return spans


def _count_written(document: _DocumentText, terms_by_probe: dict, uses: dict[str, _TermUse]) -> None:
    """Occurrences of each mined term in the text, however the tokenizer cut it there."""
    whole = document.whole
    for probe in document.present.intersection(terms_by_probe):
        for term in terms_by_probe[probe]:
            if term not in whole:
                continue
            use = uses.get(term)
            if use is None:  # written only inside or across other words here
                role, _kind, text = document.block_at(whole.find(term))
                use = uses[term] = _TermUse(sentence=text, roles=1 << role if role >= 0 else 0)
            use.written = whole.count(term)


def _count_compounds(document: _DocumentText, lists: WordLists, uses: dict[str, _TermUse], compounds: dict) -> None:
    """A mined term or a lexicon wording with the head of a name right after it (a term, then
    精神) is a compound the term entries judge, counted where the text writes it: each head
    is found, then every modifier that ends right before it (a verb phrase holding a name
    makes a compound of its own, which the term entries drop)."""
    heads = _heads_pattern(lists.heads)
    if heads is None:
        return
    whole = document.whole
    for found in heads.finditer(whole):
        at = found.start()
        for length in lists.modifier_lengths.get(whole[at - 1], ()) if at else ():
            modifier = lists.modifiers.get(whole[at - length:at]) if length <= at else None
            if modifier is None:
                continue
            compound = whole[at - length:found.end()]
            if compound in lists.user_words:
                continue  # a word of its own: counted as one
            role, kind, text = document.block_at(at)
            use = uses.get(compound)
            if use is None:
                use = uses[compound] = _TermUse(sentence=text, needle=compound)
            use.count_written(role, kind)
            compounds[compound] = modifier


@lru_cache(maxsize=4)
def _heads_pattern(heads: frozenset[str]) -> re.Pattern[str] | None:
    if not heads:
        return None
    return re.compile("|".join(re.escape(head) for head in sorted(heads, key=lambda h: (-len(h), h))))


def _ends_clause(tokens: list[str], index: int) -> bool:
    """The word at `index` is the last of its clause."""
    return index + 1 >= len(tokens) or tokens[index + 1] in SENTENCE_MARKS or tokens[index + 1] in CLAUSE_MARKS


def add_documents_words(digests, cut, lists: WordLists, done=None) -> dict:
    """The combined word-level total of a chunk of documents."""
    total = new_word_total()
    patterns = PatternCollector()
    for digest in digests:
        add_document_words(total, digest, cut, lists, patterns)
        if done is not None:
            done()
    patterns.flush_into(total["patterns"])
    return total


def _add_use(terms: dict, term: str, roles: int, docs: int, examples: list, count: int, quoted: int,
             headed: int, ends: int, written: int, written_docs: int) -> None:
    """terms[term] = [role mask, documents using it as a word, examples, occurrences as a word,
    of which in quotes, of which in a heading or title line, of which at the end of a clause,
    occurrences in the text (inside longer terms too), documents where it is written].

    A lexicon entry is counted in the text: its two counts are the same."""
    stats = terms.setdefault(term, [0, 0, [], 0, 0, 0, 0, 0, 0])
    stats[0] |= roles
    stats[2] = sorted(stats[2] + examples)[:MAX_EXAMPLES]
    for index, value in ((1, docs), (3, count), (4, quoted), (5, headed), (6, ends), (7, written), (8, written_docs)):
        stats[index] += value


def merge_word_totals(total: dict, other: dict) -> dict:
    """Reduce: add another total (of other documents) into `total`."""
    total["documents"] += other["documents"]
    for term, stats in other["terms"].items():
        _add_use(total["terms"], term, *stats)
    total["compounds"].update(other["compounds"])
    merge_pattern_totals(total["patterns"], other["patterns"])
    merge_heading_totals(total["headings"], other["headings"])
    merge_sentence_totals(total["sentences"], other["sentences"])
    total["heading_sets"].extend(other["heading_sets"])
    return total
