"""Fold text for copy detection: only letters and digits are kept.

Punctuation, spaces and symbols go, full-width letters and digits become
ASCII, Latin letters become lower case. “学用结合”，还不够紧密。 and
学用结合还不够紧密 fold to the same string. Characters outside the Basic
Multilingual Plane fold to U+FFFD so that one folded character is always
one UTF-16 code unit (the corpus index stores folded text as UTF-16).

`fold` is the fast form used for whole corpora; `fold_with_offsets` gives the
same string plus, for each folded character, where it came from.
"""
from __future__ import annotations

import unicodedata

FOLD_VERSION = 1
WIDE = "\ufffd"


class _FoldTable(dict):
    """str.translate table built lazily: char code -> folded text ("" to drop)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "".join(
            (WIDE if ord(ch) > 0xFFFF else ch.lower())
            for ch in unicodedata.normalize("NFKC", char)
            if unicodedata.category(ch)[0] in "LN"
        )
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    return text.translate(_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in `text` it came from."""
    pieces: list[str] = []
    offsets: list[int] = []
    table = _TABLE
    for index, char in enumerate(text):
        folded = table[ord(char)]
        if folded:
            pieces.append(folded)
            offsets.extend([index] * len(folded))
    return "".join(pieces), offsets
