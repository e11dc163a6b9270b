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

from dataclasses import dataclass

from drafter.mining.clauses import block_sentences, is_word
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
    return {"documents": 0, "terms": {}, "patterns": new_pattern_total(), "headings": {},
            "sentences": new_sentence_total(), "heading_sets": []}


@dataclass
class _TermUse:
    """How one document uses a term."""
    sentence: str       # the first text naming it
    roles: int = 0      # bit mask over ROLES
    count: int = 0      # occurrences
    quoted: int = 0     # occurrences in quotes (“三会一课”)
    headed: int = 0     # occurrences in headings


def add_document_words(total: dict, digest: dict, cut, lexicon: frozenset[str],
                       patterns: PatternCollector) -> None:
    """Map one document and combine its word-level results into `total` (its clauses go to
    `patterns`, to be flushed into the total once per chunk).

    A user word is counted where the tokenizer cuts it as one word; one holding
    punctuation (形式主义、官僚主义, “三会一课”) never is, so it is found in the text."""
    source = digest["source"]
    sentences = block_sentences(digest["blocks"], cut)
    uses: dict[str, _TermUse] = {}
    for word in lexicon:
        if is_word(word):
            continue
        for role, kind, text in digest["blocks"]:
            times = text.count(word)
            if times:
                use = uses.setdefault(word, _TermUse(sentence=text))
                use.roles |= 1 << role if role >= 0 else 0
                use.count += times
                use.headed += times if kind in HEADING_LINES else 0
    words: set[str] = set()
    for sentence in sentences:
        role_bit = 1 << sentence.role if sentence.role >= 0 else 0
        tokens = sentence.tokens
        heading = sentence.kind in HEADING_LINES
        for index, token in enumerate(tokens):
            if token in lexicon:
                # “三会一课”: a writer quotes a 提法 as a name
                quoted = 0 < index < len(tokens) - 1 and tokens[index - 1] in OPENING_QUOTES \
                    and tokens[index + 1] in CLOSING_QUOTES
                use = uses.setdefault(token, _TermUse(sentence=sentence.text))
                use.roles |= role_bit
                use.count += 1
                use.quoted += quoted
                use.headed += heading
            elif is_word(token):
                words.add(token)
    words.update(uses)
    terms = total["terms"]
    texts = [s.text for s in sentences]
    for term, use in uses.items():
        # the example is the first sentence naming the term, however the tokenizer cut it
        first = next((text for text in texts if term in text), use.sentence)
        _add_use(terms, term, use.roles, 1, [[source, example_text(first, term)]], use.count, use.quoted, use.headed)
    total["documents"] += 1
    patterns.add(sentences, source)
    add_document_headings(total["headings"], document_headings(sentences), source)
    total["heading_sets"].extend(found + [source] for found in document_heading_sets(digest.get("siblings", []), cut))
    add_document_sentences(total["sentences"], document_sentences(sentences), sorted(words), source)


def add_documents_words(digests, cut, lexicon: frozenset[str], done=None) -> dict:
    """The combined word-level total of a chunk of documents."""
    total = new_word_total()
    patterns = PatternCollector()
    for digest in digests:
        add_document_words(total, digest, cut, lexicon, patterns)
        if done is not None:
            done()
    patterns.flush_into(total["patterns"])
    return total


def _add_use(terms: dict, term: str, roles: int, docs: int, examples: list, count: int, quoted: int,
             headed: int) -> None:
    """terms[term] = [role mask, documents, examples, occurrences as a word, of which in quotes,
    of which in a heading or title line]."""
    stats = terms.setdefault(term, [0, 0, [], 0, 0, 0])
    had_roles, had_docs, had_examples, had_count, had_quoted, had_headed = stats
    stats[:] = [had_roles | roles, had_docs + docs, sorted(had_examples + examples)[:MAX_EXAMPLES],
                had_count + count, had_quoted + quoted, had_headed + headed]


def merge_word_totals(total: dict, other: dict) -> dict:
    """Reduce: add another total (of other documents) into `total`."""
    total["documents"] += other["documents"]
    for term, (roles, docs, examples, count, quoted, headed) in other["terms"].items():
        _add_use(total["terms"], term, roles, docs, examples, count, quoted, headed)
    merge_pattern_totals(total["patterns"], other["patterns"])
    merge_heading_totals(total["headings"], other["headings"])
    merge_sentence_totals(total["sentences"], other["sentences"])
    total["heading_sets"].extend(other["heading_sets"])
    return total
