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

from collections.abc import Iterable

# A phrase cannot end with a preposition, conjunction, particle, localizer (…领导下),
# attributive-only word (作为首要) or pronoun; nor start with the first four.
NOT_FIRST_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "y", "e"})
NOT_LAST_TAGS = NOT_FIRST_TAGS | {"f", "b", "r"}
VERB_TAGS = frozenset({"v", "vd", "vi", "vg", "vq"})
ADVERB_TAGS = frozenset({"d", "ad", "a", "ag", "dg"})
NUMERAL_TAGS = frozenset({"m", "mq"})
IDIOM_TAGS = frozenset({"i", "l"})


def dictionary_tags(words: Iterable[str]) -> dict[str, str]:
    """The dictionary's tag of each word that it knows."""
    import jieba

    wanted = set(words)
    tags: dict[str, str] = {}
    with jieba.get_dict_file() as dictionary:
        for raw in dictionary:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3 and parts[0] in wanted:
                tags[parts[0]] = parts[2]
    return tags
