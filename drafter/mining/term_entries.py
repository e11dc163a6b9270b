"""From mined terms to the bank's term entries, typed as a writer understands them.

- `set_phrase` 提法: a standard wording of the lexicon (templates/terms.yaml), a
  compound with a numeral that counts its parts (三会一课, 四个意识), a name writers
  put in quotes (“清廉机关”), or a noun phrase so lexicalized that a word in it, rare
  in the language at large, is hardly ever used without the rest (党风廉政 → 党风廉政建设);
  never the words of heading lines (下一步打算), nor a 提法 in use: after a verb it is
  a collocation (落实中央八项规定), with a common head word a use of the 提法
  (中央八项规定精神问题), with other words around it a word;
- `collocation` 动词搭配: a verb, or an adverb with a verb, leading (扎实推进,
  贯彻落实, 进一步);
- `word` 常用词: any other domain word (党员干部, 工作总结).

Grammar, not word lists, keeps junk out: a term neither starts nor ends on a
preposition, conjunction or particle, nor ends on a localizer (…领导下) or an
attributive-only word (作为首要); and its ends must fall on word boundaries where
it is used (不断提高党 ends inside 党员). A term that hardly occurs outside a
longer one (大精神 inside 二十大精神) is a fragment of it. A wording that is a
longer form of another (主题党日活动 of 主题党日) is listed as its variant.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from drafter.mining.pos import (COMMON_FREQUENCY, NOT_FIRST_TAGS, NOT_LAST_TAGS, VERB_TAGS, DictionaryWords,
                                verbal)
from drafter.mining.clauses import is_word
from drafter.mining.words import example_text

SET_PHRASE, COLLOCATION, WORD = "set_phrase", "collocation", "word"
LIMITS = {SET_PHRASE: 300, COLLOCATION: 150, WORD: 150}
MAX_EXAMPLES = 3
# A term whose standalone uses are below this share of all its occurrences lives inside longer terms.
MIN_STANDALONE_SHARE = 0.25
# A word of a phrase used without the rest of it less often than this is bound to it.
LEXICALIZED = 0.9
MIN_QUOTED = 2
QUOTED_SHARE = 0.2
# A head word that ends this many different terms (…活动, …作用) makes a longer form a variant.
PRODUCTIVE_HEAD = 3
_NUMERAL_CHARS = frozenset("一二三四五六七八九十两百千万")
# What a numbered name's number may be written as: 十九大, 19大, XX大 (a placeholder)
_NUMBER_LIKE = _NUMERAL_CHARS | frozenset("0123456789０１２３４５６７８９XＸx×某")


@dataclass
class TermCandidate:
    text: str
    roles: int
    docs: int
    examples: list          # [[source, sentence], …]
    count: int              # uses as a word (standalone)
    quoted: int             # of which in quotes
    headed: int             # of which in a heading or title line
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    entry: object = None    # the lexicon entry it is, if any
    type: str = WORD
    variants: list[str] = field(default_factory=list)


def select_terms(uses: dict, *, documents: int, lexicon, cues, units: set[str],
                 base_cut: Callable[[str], list[str]], char_counts,
                 dictionary: DictionaryWords | None = None) -> list[dict]:
    """Typed, ranked term entries (best first within each type), variants merged."""
    dictionary = dictionary or DictionaryWords()
    min_docs = 2 if documents >= 2 else 1
    candidates: dict[str, TermCandidate] = {}
    for text, (roles, docs, examples, count, quoted, headed) in uses.items():
        entry = lexicon.entry_for(text)
        if docs < (1 if entry else min_docs):
            continue
        if entry is None and any(text in unit for unit in units):
            continue  # one unit's own name (镇人民政府) is no 提法
        candidates[text] = TermCandidate(text, roles, docs, examples, count, quoted, headed, entry=entry)
    for candidate in candidates.values():
        candidate.tokens = [t for t in base_cut(candidate.text) if t.strip()]
    contexts = {text: _contexts(candidate, base_cut) for text, candidate in candidates.items()}
    pieces = set(candidates) | {t for c in candidates.values() for t in c.tokens}
    tags = dictionary.tags(pieces | {text[:2] for text in pieces} | {text[2:] for text in pieces}
                           | {text[0] for text in pieces} | {ctx.before for found in contexts.values() for ctx in found})
    kept = {}
    for candidate in candidates.values():
        candidate.tags = [_tag(token, tags) for token in candidate.tokens]
        found = contexts[candidate.text]
        if candidate.entry is None and not _well_formed(candidate, found, char_counts):
            continue
        candidate.type = _type_of(candidate, found, tags, char_counts, dictionary.frequency)
        kept[candidate.text] = candidate
    uses_of = _uses_of_set_phrases(kept, {w for entry in lexicon.entries for w in entry.wordings}, tags,
                                   dictionary.frequency)
    merged = _merge_variants(kept, uses_of)
    by_type: dict[str, list[TermCandidate]] = {}
    for candidate in merged:
        by_type.setdefault(candidate.type, []).append(candidate)
    entries = []
    for kind in (SET_PHRASE, COLLOCATION, WORD):
        ranked = sorted(by_type.get(kind, []), key=lambda c: (-c.docs, -c.count, c.text))[:LIMITS[kind]]
        entries.extend(_entry(candidate, lexicon, cues) for candidate in ranked)
    return entries


@dataclass(frozen=True)
class UseContext:
    aligned: bool      # starts and ends where words of the sentence do
    before: str        # the word right before it ("" at the start)
    after_numeral: bool  # right after a Chinese numeral (十九大精神 → 大精神)


def _contexts(candidate: TermCandidate, base_cut) -> list[UseContext]:
    """How the term stands in its example sentences, cut by the base dictionary."""
    found = []
    for _source, sentence in candidate.examples:
        sentence = sentence.strip("…")
        starts: dict[int, str] = {}
        position, previous = 0, ""
        ends = {0}
        for token in base_cut(sentence):
            starts[position] = previous
            if token.strip():
                previous = token
            position += len(token)
            ends.add(position)
        at = sentence.find(candidate.text)
        while at != -1:
            end = at + len(candidate.text)
            found.append(UseContext(at in ends and end in ends, starts.get(at, ""),
                                    at > 0 and sentence[at - 1] in _NUMBER_LIKE))
            at = sentence.find(candidate.text, at + 1)
    return found


def _well_formed(candidate: TermCandidate, contexts: list[UseContext], char_counts) -> bool:
    if not candidate.tokens:
        return False
    if candidate.tags[0] in NOT_FIRST_TAGS or candidate.tags[-1] in NOT_LAST_TAGS:
        return False
    occurrences = char_counts.tf.get(candidate.text, 0)
    if occurrences and candidate.count < MIN_STANDALONE_SHARE * occurrences:
        return False  # nearly always inside a longer term: a fragment of it
    if not contexts:
        return True
    # its ends fall inside words (不断提高党 ends inside 党员), or it is the tail of a numbered
    # name (大精神 of 十九大精神, 二十大精神)
    misplaced = sum(1 for c in contexts if not c.aligned or c.after_numeral)
    return misplaced * 2 <= len(contexts)


def _type_of(candidate: TermCandidate, contexts: list[UseContext], tags: dict[str, str], char_counts,
             frequency: Callable[[str], int]) -> str:
    if candidate.entry is not None:
        return SET_PHRASE
    whole_tag = tags.get(candidate.text, "")
    # a noun phrase used as one: ending on a noun, after a verb or 的 (制定学习计划, 学习…的重要论述)
    ends_nominal = (whole_tag or candidate.tags[-1]).startswith("n") or (whole_tag or candidate.tags[-1]) == "vn"
    nominal = ends_nominal and bool(contexts) and \
        sum(1 for c in contexts if tags.get(c.before, "") in VERB_TAGS or c.before == "的") * 2 > len(contexts)
    if whole_tag:  # a word of the dictionary: a word of the language, not of policy
        # a four-character word is judged by its halves (认真落实: 认真 + 落实); the dictionary's
        # tag of the whole is often that of a name (严格执行 nr) or an idiom (全面落实 i)
        halves = [tags.get(candidate.text[:2], ""), tags.get(candidate.text[2:], "")] \
            if len(candidate.text) == 4 else []
        verbal = _verbal(halves) if halves else (whole_tag in VERB_TAGS or whole_tag in ("d", "ad"))
        return COLLOCATION if verbal and not nominal else WORD
    if _verbal(candidate.tags) and not nominal:
        return COLLOCATION
    if candidate.headed * 2 > candidate.count:
        return WORD  # words of headings (下一步打算, 下半年工作): the heading bank has them
    if len(candidate.tokens) >= 2 and len(candidate.text) >= 4 and _numbered(candidate.tokens, candidate.tags):
        return SET_PHRASE  # 三会一课, 四个意识, 两个维护
    if _quoted_name(candidate):
        return SET_PHRASE
    if len(candidate.tokens) >= 2 and len(candidate.text) >= 5 and candidate.docs >= 3 \
            and _lexicalized(candidate, char_counts, frequency):
        return SET_PHRASE
    return WORD


def _quoted_name(candidate: TermCandidate) -> bool:
    """Writers put it in quotes, as a name (“清廉机关”)."""
    return candidate.quoted >= MIN_QUOTED and candidate.quoted >= QUOTED_SHARE * candidate.count


def _tag(token: str, tags: dict[str, str]) -> str:
    """A token's tag; a four-character word made of two verbs (教育引导, tagged as a noun
    by the dictionary) is a verb."""
    tag = tags.get(token, "")
    if len(token) == 4 and tag not in VERB_TAGS and \
            tags.get(token[:2], "") in (*VERB_TAGS, "vn") and tags.get(token[2:], "") in VERB_TAGS:
        return "v"
    return tag


def _verbal(tags: list[str]) -> bool:
    """Led by a verb (贯彻落实), an adverb with a verb (扎实推进, 进一步), or a verbal noun
    in a series of verbs (教育引导)."""
    if not tags:
        return False
    first, rest = tags[0], tags[1:]
    if first in VERB_TAGS:
        return True
    if first in ("d", "ad"):
        return True
    return first in ("a", "vn") and bool(rest) and rest[0] in VERB_TAGS


# Dictionary tags of a word a counting numeral may stand in: a numeral word (八项, 四个, 两个),
# an abbreviation or name (三农 nz, 两委 j), or no tag (三会, 一课: words the dictionary does not know).
_COUNTING_TAGS = frozenset({"m", "mq", "j", "nz", ""})


def _numbered(tokens: list[str], tags: list[str]) -> bool:
    """A numeral counts parts of the phrase (三会一课, 四个意识, 两个维护, 八项规定).

    Not when it stands inside a word of the language that the dictionary tags otherwise
    (一般 a, 进一步 d, 统一 v, 五年 t, 百姓 n); not as an ordinal (第一时间) or after a
    localizer or pronoun (下一步, 这一); and 一 alone counts nothing (现将一年来, 一批): one
    of a thing is no list, and beside another numeral (三会一课) the other one counts."""
    for index, (token, tag) in enumerate(zip(tokens, tags)):
        if tag not in _COUNTING_TAGS:
            continue
        if index and tags[index - 1] in ("f", "r"):
            continue
        for at, char in enumerate(token):
            before = token[at - 1] if at else (tokens[index - 1][-1] if index else "")
            if char in _NUMERAL_CHARS and char != "一" and before != "第":
                return True
    return False


def _lexicalized(candidate: TermCandidate, char_counts, frequency: Callable[[str], int]) -> bool:
    """Some word of it (of two characters or more) is hardly ever used without the rest, in
    this corpus, and is rare in the language at large (党风廉政 of 党风廉政建设). A common
    word (发生, 数字化, 总书记) that a small corpus happens to use in one phrase only is not bound."""
    tf = char_counts.tf
    whole = max(tf.get(candidate.text, 0), candidate.count)
    shares = [whole / tf[token] for token in candidate.tokens
              if len(token) >= 2 and tf.get(token) and frequency(token) < COMMON_FREQUENCY]
    return bool(shares) and max(shares) >= LEXICALIZED


def _uses_of_set_phrases(kept: dict[str, TermCandidate], wordings: set[str], tags: dict[str, str],
                         frequency: Callable[[str], int]) -> dict[str, str]:
    """Mined 提法 that hold a shorter one (a lexicon wording, or a mined 提法) with other words
    are that one in use, not new 提法: after a verb (落实中央八项规定) a collocation, else a
    word. One with a common word as its head (中央八项规定精神问题) is counted as a use of the
    shorter one: the returned {longer: shorter}. A name written in quotes stays a 提法."""
    known = set(wordings)
    uses_of: dict[str, str] = {}
    for candidate in sorted(kept.values(), key=lambda c: (len(c.text), c.text)):
        if candidate.type != SET_PHRASE:
            continue
        if candidate.entry is not None or _quoted_name(candidate):
            known.add(candidate.text)
            continue
        inner = _inner_phrase(candidate.tokens, known)
        if inner is None:
            known.add(candidate.text)
            continue
        start, end = inner
        lead, tail = candidate.tokens[:start], candidate.tokens[end:]
        if lead:
            last = len(lead) - 1
            verb = verbal(candidate.tags[last], tags.get(lead[-1][0], ""))
            candidate.type = COLLOCATION if verb else WORD
            continue
        candidate.type = WORD
        inner_text = "".join(candidate.tokens[start:end])
        if len(tail) == 1 and frequency(tail[0]) >= COMMON_FREQUENCY and inner_text in kept:
            uses_of[candidate.text] = inner_text
    return uses_of


def _inner_phrase(tokens: list[str], known: set[str]) -> tuple[int, int] | None:
    """The longest run of whole tokens, shorter than all of them, that is a known 提法."""
    best = None
    for start in range(len(tokens)):
        for end in range(len(tokens), start, -1):
            if end - start == len(tokens):
                continue
            if "".join(tokens[start:end]) in known and (best is None or end - start > best[1] - best[0]):
                best = (start, end)
                break
    return best


def _merge_variants(candidates: dict[str, TermCandidate], uses_of: dict[str, str] | None = None) -> list[TermCandidate]:
    """Wordings of one lexicon entry become one item; a longer form made by a productive
    head word (主题党日 + 活动) becomes a variant of the shorter one. A use of a 提法 with a
    common head word (`uses_of`: 中央八项规定精神问题) counts for it, without being a variant."""
    uses_of = uses_of or {}
    heads: dict[str, set[str]] = {}
    for candidate in candidates.values():
        if len(candidate.tokens) >= 2:
            heads.setdefault(candidate.tokens[-1], set()).add(candidate.text)
    absorbed: dict[str, str] = {}  # longer form -> the item it joins
    by_entry: dict[int, list[TermCandidate]] = {}
    for candidate in candidates.values():
        if candidate.entry is not None:
            by_entry.setdefault(id(candidate.entry), []).append(candidate)
    for group in by_entry.values():
        if len(group) > 1:
            main = min(group, key=lambda c: (c.text != c.entry.term, -c.count, c.text))
            for other in group:
                if other is not main:
                    absorbed[other.text] = main.text
    for longer, shorter in uses_of.items():
        absorbed.setdefault(longer, shorter)
    for candidate in sorted(candidates.values(), key=lambda c: len(c.text)):
        if candidate.text in absorbed or len(candidate.tokens) < 2:
            continue
        head = candidate.tokens[-1]
        shorter = candidate.text[:-len(head)]
        base = candidates.get(shorter)
        if base is not None and base.type == candidate.type and candidate.entry is None \
                and len(heads.get(head, ())) >= PRODUCTIVE_HEAD:
            absorbed[candidate.text] = absorbed.get(shorter, shorter)
    for longer, into in absorbed.items():
        while into in absorbed:  # the shorter form joined another item itself
            into = absorbed[into]
        main, other = candidates[into], candidates[longer]
        if longer not in uses_of:
            main.variants.append(longer)
        main.roles |= other.roles
        main.docs = max(main.docs, other.docs)
        # a wording holding punctuation (以案为鉴、以案促改) is found in the text, never cut as
        # one word: the tokenizer cut the main wording inside it, which counted it already
        if is_word(longer) or main.text not in longer:
            main.count += other.count
        main.quoted += other.quoted
        main.examples = distinct_examples(main.examples + other.examples)
    return [c for text, c in candidates.items() if text not in absorbed]


# Two cuts of one sentence around different wordings share at least this many characters.
SAME_SENTENCE_OVERLAP = 12


def distinct_examples(examples: list, limit: int = MAX_EXAMPLES) -> list:
    """Up to `limit` examples ([source, text]), each a different sentence, from different
    documents first, whole sentences before cut ones. A variant's example is often the sentence the main wording's example
    already shows, maybe cut around another word: it would waste a slot."""
    chosen: list = []
    ordered = sorted(examples, key=lambda e: (e[0], e[1].startswith("…"), e[1]))  # a whole sentence first
    for fresh_documents in (True, False):
        for example in ordered:
            if len(chosen) >= limit:
                break
            if fresh_documents and any(example[0] == other[0] for other in chosen):
                continue
            if not any(_same_sentence(example, other) for other in chosen):
                chosen.append(example)
    return sorted(chosen)


def _same_sentence(a: list, b: list) -> bool:
    if a[0] != b[0]:
        return False
    first, second = a[1].strip("…"), b[1].strip("…")
    if first in second or second in first:
        return True
    match = SequenceMatcher(None, first, second, autojunk=False).find_longest_match(0, len(first), 0, len(second))
    return match.size >= min(SAME_SENTENCE_OVERLAP, len(first), len(second))


def _entry(candidate: TermCandidate, lexicon, cues) -> dict:
    from drafter.vocabulary import ROLES

    text = candidate.entry.term if candidate.entry is not None else candidate.text
    variants = [v for v in dict.fromkeys([candidate.text, *candidate.variants,
                                          *(candidate.entry.variants if candidate.entry else [])]) if v != text]
    topics = cues.topics_of(" ".join([text, *variants]), lexicon)
    return {
        "text": text,
        "type": candidate.type,
        "roles": [role for index, role in enumerate(ROLES) if candidate.roles & (1 << index)],
        "count": candidate.count,
        "docs": candidate.docs,
        "topics": topics,
        "variants": variants,
        "examples": [{"doc": source, "text": example_text(sentence, candidate.text)}
                     for source, sentence in candidate.examples[:MAX_EXAMPLES]],
    }
