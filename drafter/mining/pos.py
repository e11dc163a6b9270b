"""Parts of speech of dictionary words, from jieba's own dictionary.

Both tokenizers (jieba and rjieba) cut with the same dictionary, whose lines
are `word frequency tag`; reading the tags from it, rather than asking each
engine to tag, gives the same answer whichever engine cut the text. A word the
dictionary does not know has no tag ("").

The tags are the dictionary's (ICTCLAS style): n nouns, v verbs, vn verbal
nouns, a adjectives, ad adverbial adjectives, d adverbs, p prepositions,
c conjunctions, u… particles, f localizers (上 下 中), b attributive-only
words (首要), m numerals, q measure words, r pronouns, i idioms, l fixed
expressions, y modal particles.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path

# A phrase cannot end with a preposition, conjunction, particle, localizer (…领导下),
# attributive-only word (作为首要) or pronoun; nor start with the first four.
NOT_FIRST_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "y", "e"})
NOT_LAST_TAGS = NOT_FIRST_TAGS | {"f", "b", "r"}
VERB_TAGS = frozenset({"v", "vd", "vi", "vg", "vq"})
ADVERB_TAGS = frozenset({"d", "ad", "a", "ag", "dg"})
NUMERAL_TAGS = frozenset({"m", "mq"})
IDIOM_TAGS = frozenset({"i", "l"})


# Words that cannot lead a verb phrase: nouns, pronouns, numerals, time and place words, adverbs.
NOT_VERBAL_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "r", "rr", "rz", "m", "mq", "t", "tg",
                             "f", "s", "d", "ad", "dg"})


def verbal(tag: str, first_character_tag: str) -> bool:
    """A word that can lead a verb phrase (落实, 以, 坚持把 …) by its tag. The dictionary tags
    some verbs as nouns (压实 n): a noun whose first character is a verb (压 v) is
    taken for a verb."""
    if tag == "n" and first_character_tag in VERB_TAGS:
        return True
    return tag not in NOT_VERBAL_TAGS


# More common than nine in ten words of the dictionary (its frequencies: median 3, 90th
# percentile about 100): a word of the general language, not of one field.
COMMON_FREQUENCY = 100


class DictionaryWords:
    """Tags and frequencies of words in the tokenizer's dictionary.

    Reading the dictionary (350,000 lines) is what costs, so the words a run will ask
    about can be announced with `expect`: the first lookup then reads them all in one
    pass. A word the dictionary does not know has tag "" and frequency 0."""

    def __init__(self, expected: Iterable[str] = ()) -> None:
        self._pending: set[str] = set(expected)
        self._looked_up: set[str] = set()
        self._known: dict[str, tuple[int, str]] = {}

    def expect(self, words: Iterable[str]) -> None:
        self._pending.update(word for word in words if word not in self._looked_up)

    def tags(self, words: Iterable[str]) -> dict[str, str]:
        """The tag of each word of `words` that the dictionary knows."""
        words = set(words)
        self._look_up(words)
        return {word: self._known[word][1] for word in words if word in self._known}

    def tag(self, word: str) -> str:
        self._look_up({word})
        return self._known.get(word, (0, ""))[1]

    def frequency(self, word: str) -> int:
        self._look_up({word})
        return self._known.get(word, (0, ""))[0]

    def _look_up(self, words: set[str]) -> None:
        missing = words - self._looked_up
        if not missing:
            return
        wanted = missing | self._pending
        self._known.update(_read_dictionary(wanted))
        self._looked_up |= wanted
        self._pending.clear()


def _dictionary_file() -> Path:
    """jieba's dict.txt, found without importing jieba (its import costs a quarter of a second
    or more, and with rjieba cutting the text the miner needs nothing else of it)."""
    spec = importlib.util.find_spec("jieba")
    return Path(spec.origin).parent / "dict.txt"


def _read_dictionary(wanted: set[str]) -> dict[str, tuple[int, str]]:
    encoded = {word.encode("utf-8") for word in wanted}
    data = _dictionary_file().read_bytes()
    found: dict[str, tuple[int, str]] = {}
    for raw in data.split(b"\n"):
        if raw[:raw.find(b" ")] in encoded:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 2 and parts[1].isdigit():
                found[parts[0]] = (int(parts[1]), parts[2] if len(parts) >= 3 else "")
    return found

