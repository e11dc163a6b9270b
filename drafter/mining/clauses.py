"""Sentences and clauses of a digest's blocks, with their tokens.

Word-level miners work on sentences (split at 。！？；) and clauses (split
further at ，：). Tokens come from the tokenizer run on the masked text
(numbers and placeholders as □), so that rjieba and jieba agree; the
original sentence is kept for examples.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.characters import COLONS, COMMAS, SENTENCE_ENDS
from drafter.mining.slots import SLOT_MARK, mask_slots

SENTENCE_MARKS = frozenset(SENTENCE_ENDS)
CLAUSE_MARKS = frozenset(COMMAS + COLONS)
_SENTENCE_SPLIT = re.compile(f"(?<=[{SENTENCE_ENDS}])")


@dataclass
class Sentence:
    role: int          # role index of the level-1 section, -1 outside sections
    kind: str          # block kind (see digest.BLOCK_KINDS)
    text: str          # as written (for examples)
    tokens: list[str]  # tokens of the masked text, punctuation included

    def clauses(self) -> list[list[str]]:
        """Token lists of the clauses, without the punctuation that ends them."""
        found: list[list[str]] = []
        current: list[str] = []
        for token in self.tokens:
            if token in SENTENCE_MARKS or token in CLAUSE_MARKS:
                if current:
                    found.append(current)
                current = []
            elif not token.isspace():
                current.append(token)
        if current:
            found.append(current)
        return found


def split_sentences(text: str) -> list[str]:
    return [piece for piece in _SENTENCE_SPLIT.split(text) if piece.strip()]


def block_sentences(blocks: list[list], cut) -> list[Sentence]:
    """Every sentence of the blocks, tokenized with `cut` (one call per block)."""
    sentences: list[Sentence] = []
    for role, kind, text in blocks:
        originals = split_sentences(text)
        tokens = cut(mask_slots(text))
        pieces: list[list[str]] = [[]]
        for token in tokens:
            pieces[-1].append(token)
            if token in SENTENCE_MARKS:
                pieces.append([])
        pieces = [p for p in pieces if any(not t.isspace() for t in p)]
        if len(pieces) != len(originals):  # never expected; keep the block whole then
            originals, pieces = [text], [tokens]
        for original, piece in zip(originals, pieces):
            sentences.append(Sentence(role, kind, original.strip(), piece))
    return sentences


def is_slot_token(token: str) -> bool:
    return SLOT_MARK in token


_CHINESE_ONLY = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+").fullmatch


_word_memo: dict[str, bool] = {}


def is_word(token: str) -> bool:
    """A token made of Chinese characters only (no slot, punctuation or Latin)."""
    known = _word_memo.get(token)
    if known is None:
        known = _CHINESE_ONLY(token) is not None
        if len(_word_memo) > 500_000:
            _word_memo.clear()
        _word_memo[token] = known
    return known
