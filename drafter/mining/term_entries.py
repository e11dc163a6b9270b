"""From mined terms to the bank's term entries, typed as a writer understands them.

- `set_phrase` 提法: a standard wording of the lexicon (templates/terms.yaml), the
  name of a doctrine, system, policy or campaign (a long noun phrase ending on the head
  of a name, templates/name_heads.yaml: …思想, …责任制, …学习教育), a compound with a
  numeral that counts its parts (三会一课, 四个意识), a name writers put in quotes
  (“清廉机关”), or a noun phrase so lexicalized that a word in it, rare in the language
  at large, is hardly ever used without the rest (党风廉政 → 党风廉政建设); never the
  words of heading lines (下一步打算), nor a 提法 in use: after a verb it is a
  collocation (落实“四个意识”), with a common head word a use of the 提法 (一岗双责要求),
  with other words around it a word. A 提法 is counted wherever it is written;
- `collocation` 动词搭配: a verb, or an adverb with a verb, leading the words after it
  (扎实推进, 贯彻落实, 进一步); not a negated predicate (还不够) nor a verb phrase that
  ends its clause in (nearly) all its uses (把…落到实处);
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
from drafter.mining.name_heads import NameHeads
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
    ends: int = 0           # of which at the end of a clause
    written: int = 0        # occurrences in the text, inside longer terms too (学习贯彻 + it)
    written_docs: int = 0   # documents where it is written
    compound: bool = False  # a term followed by the head of a name, found in the word pass
    named: bool = False     # typed as the name of a doctrine, system, policy or campaign
    type: str = WORD
    variants: list[str] = field(default_factory=list)


def select_terms(uses: dict, *, documents: int, lexicon, cues, units: set[str],
                 base_cut: Callable[[str], list[str]], char_counts,
                 dictionary: DictionaryWords | None = None, compounds: dict[str, str] | None = None,
                 heads: NameHeads | None = None) -> list[dict]:
    """Typed, ranked term entries (best first within each type), variants merged.

    `uses` maps a term to [roles, documents, examples, occurrences, in quotes, in headings,
    at the end of a clause, occurrences written, documents written]; `compounds` maps a term
    followed by the head of a name (a term, then 精神) to that term."""
    dictionary = dictionary or DictionaryWords()
    compounds = compounds or {}
    min_docs = 2 if documents >= 2 else 1
    candidates: dict[str, TermCandidate] = {}
    for text, (roles, docs, examples, count, quoted, headed, *more) in uses.items():
        ends, written, written_docs = more[:3] if len(more) >= 3 else (0, count, docs)
        # a mined term written only inside longer ones is no lexicon wording (those are counted
        # in the text); it may still be a name that longer terms swallow (学习贯彻 + a name)
        entry = lexicon.entry_for(text) if docs else None
        if entry is not None:
            pass  # the lexicon's entries are listed wherever the corpus writes them
        elif not docs or max(docs, 0 if text in compounds else written_docs) < min_docs:
            continue  # never used as a word (no example to judge it by), or too rare
        if entry is None and any(text in unit for unit in units):
            continue  # one unit's own name (镇人民政府) is no 提法
        if text in compounds and (entry is not None or count < MIN_COMPOUND_COUNT):
            continue  # the lexicon counts its own wordings in the text; a compound must recur
        candidates[text] = TermCandidate(text, roles, docs, examples, count, quoted, headed, entry=entry,
                                         ends=ends, written=written, written_docs=written_docs,
                                         compound=text in compounds)
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
        if candidate.entry is None and not _well_formed(candidate, found):
            continue
        candidate.type = _type_of(candidate, found, tags, char_counts, dictionary.frequency, heads)
        if candidate.compound and not candidate.named:
            continue  # a term and a head that do not make a name: the term is listed alone
        if candidate.entry is None and not candidate.named and \
                (candidate.docs < min_docs or _mostly_inside_longer_terms(candidate, char_counts)):
            continue
        kept[candidate.text] = candidate
    for name in [c for c in kept.values() if c.named and _part_of_a_longer_name(c, kept, lexicon)]:
        del kept[name.text]
    uses_of = _uses_of_set_phrases(kept, {w for entry in lexicon.entries for w in entry.wordings}, tags,
                                   dictionary.frequency)
    merged = _merge_variants(kept, uses_of)
    by_type: dict[str, list[TermCandidate]] = {}
    for candidate in merged:
        by_type.setdefault(candidate.type, []).append(candidate)
    entries = []
    for kind in (SET_PHRASE, COLLOCATION, WORD):
        ranked = sorted(by_type.get(kind, []), key=lambda c: (-_shown(c)[1], -_shown(c)[0], c.text))[:LIMITS[kind]]
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


def _mostly_inside_longer_terms(candidate: TermCandidate, char_counts) -> bool:
    """Nearly always inside a longer term (大精神 inside 二十大精神): a fragment of it."""
    occurrences = char_counts.tf.get(candidate.text, 0)
    return bool(occurrences) and candidate.count < MIN_STANDALONE_SHARE * occurrences


def _part_of_a_longer_name(name: TermCandidate, kept: dict[str, TermCandidate], lexicon) -> bool:
    """A name that a longer 提法 holding it (a lexicon entry, or another name) covers in nearly
    all the places it is written is a piece of that 提法. A name inside verb phrases (学习贯彻 +
    the name) is not: it is the unit those phrases use."""
    covered = 0
    for other in kept.values():
        if other is name or other.type != SET_PHRASE or len(other.text) <= len(name.text):
            continue
        wordings = other.entry.wordings if other.entry is not None else [other.text]
        if any(name.text in wording for wording in wordings):
            covered = max(covered, _shown(other)[0])
    return covered > 0 and covered >= (1 - MIN_STANDALONE_SHARE) * _shown(name)[0]


def _well_formed(candidate: TermCandidate, contexts: list[UseContext]) -> bool:
    if not candidate.tokens:
        return False
    if candidate.tags[0] in NOT_FIRST_TAGS or candidate.tags[-1] in NOT_LAST_TAGS:
        return False
    if not contexts:
        return True
    # its ends fall inside words (不断提高党 ends inside 党员), or it is the tail of a numbered
    # name (大精神 of 十九大精神, 二十大精神)
    misplaced = sum(1 for c in contexts if not c.aligned or c.after_numeral)
    return misplaced * 2 <= len(contexts)


def _type_of(candidate: TermCandidate, contexts: list[UseContext], tags: dict[str, str], char_counts,
             frequency: Callable[[str], int], heads: NameHeads | None = None) -> str:
    if candidate.entry is not None:
        return SET_PHRASE
    if candidate.headed * 2 <= candidate.count and _named(candidate, heads):
        candidate.named = True
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
        return COLLOCATION if verbal and not nominal and _reusable_lead(candidate) else WORD
    if _verbal(candidate.tags) and not nominal:
        return COLLOCATION if _reusable_lead(candidate) else WORD
    if candidate.headed * 2 > candidate.count:
        return WORD  # words of headings (下一步打算, 下半年工作): the heading bank has them
    if len(candidate.tokens) >= 2 and len(candidate.text) >= 4 and _numbered(candidate.tokens, candidate.tags):
        return SET_PHRASE  # 三会一课, 四个意识, 两个维护
    if _quoted_name(candidate):
        return SET_PHRASE
    if len(candidate.tokens) >= 2 and len(candidate.text) >= 5 and candidate.docs >= 3 \
            and _nominal(candidate.tags[-1]) and _lexicalized(candidate, char_counts, frequency):
        return SET_PHRASE
    return WORD


# A name is at least this long: shorter noun phrases ending on a head (工作机制, 学习计划) are
# common words of the field.
NAME_LENGTH = 6


def _named(candidate: TermCandidate, heads: NameHeads | None) -> bool:
    """The name of a doctrine, system, policy or campaign: a phrase of NAME_LENGTH characters
    or more whose last word is a noun and the head of a name (templates/name_heads.yaml), and
    whose modifier, before that head, is a noun phrase: led by no verb, adverb, preposition
    or conjunction and holding no verb or conjunction (落实…责任 is a verb phrase, 群众反映…
    a clause, A和B… two names).

    The candidate is already a term the statistics found: cohesive and free at both ends
    (terms.score_terms), or a term that a head follows in most of its uses (a compound)."""
    text = candidate.text
    if heads is None or len(text) < NAME_LENGTH or not candidate.tokens:
        return False
    head = heads.head_of(text)
    if head is None or not _nominal(candidate.tags[-1]):
        return False
    modifier_end = len(text) - len(head)
    modifier: list[str] = []
    position = 0
    for token, tag in zip(candidate.tokens, candidate.tags):
        if position >= modifier_end:
            break
        modifier.append(tag)
        position += len(token)
    if position != modifier_end or not modifier:
        return False  # the head does not start on a word of the phrase (…工作机制 of 工作机 + 制)
    # only nouns, numerals and the like lead a name; not a verb, an adverb or an idiom, nor a
    # word the dictionary calls an adjective that writers use as a verb (落实 a, 健全 a)
    first = candidate.tokens[0]
    if not (_nominal(modifier[0]) or modifier[0] in _NAME_FIRST_TAGS or (modifier[0] == "a" and len(first) == 1)):
        return False
    return not any(tag in VERB_TAGS or tag == "c" or tag == "p" for tag in modifier)


# Besides nouns, what a name may start with: a numeral (八项), a time word, an attributive-only
# word, a place word; an adjective only as a single character (新).
_NAME_FIRST_TAGS = frozenset({"m", "mq", "t", "b", "s"})


def _nominal(tag: str) -> bool:
    """A noun (n, nz, nt …), a verbal noun (vn), an abbreviation (j) or a set expression (l)."""
    return tag.startswith("n") or tag in ("vn", "j", "l")


# Negation adverbs: a predicate they lead (不够, 不足, 没有) is an assessment, not an action.
NEGATORS = frozenset("不没未")
_PREDICATE_TAGS = VERB_TAGS | {"a", "ad", "an"}


# A verb phrase that leads the words after it in fewer of its uses than this is a complete
# predicate (把…落到实处，), not a lead to reuse.
MIN_LEADING_SHARE = 0.2


def _reusable_lead(candidate: TermCandidate) -> bool:
    """A verb phrase a writer reuses as a 动词搭配 (扎实推进…, 压实…责任, 进一步…): not a negated
    predicate (还不够, 存在不足), and, unless it holds its object (抓党建), one that leads
    the words after it at least sometimes: not one that (nearly) always ends its clause
    (把…落到实处，)."""
    for token, tag in zip(candidate.tokens, candidate.tags):
        if token[0] in NEGATORS and (tag in _PREDICATE_TAGS or len(token) == 1):
            return False
    leading = candidate.count - candidate.ends
    return not candidate.tags or _nominal(candidate.tags[-1]) or leading >= MIN_LEADING_SHARE * candidate.count


# A term followed by the head of a name (a term, then 精神) is a compound worth judging when it
# recurs. Its term may well be used apart (a 提法 of its own before a head: …主体责任): what
# makes it a name is its structure (see _named), and that its ends fall on words where it is
# written (…思想 of 思想认识 does not).
MIN_COMPOUND_COUNT = 3


def _quoted_name(candidate: TermCandidate) -> bool:
    """Writers put it in quotes, as a name (“清廉机关”)."""
    return candidate.quoted >= MIN_QUOTED and candidate.quoted >= QUOTED_SHARE * candidate.count


def _tag(token: str, tags: dict[str, str]) -> str:
    """A token's tag; a four-character word made of two verbs (教育引导, tagged as a noun
    by the dictionary) is a verb, and so is an adjective whose first character is a verb
    (落实 a, 扎实 a: writers lead verb phrases with them)."""
    tag = tags.get(token, "")
    if len(token) == 4 and tag not in VERB_TAGS and \
            tags.get(token[:2], "") in (*VERB_TAGS, "vn") and tags.get(token[2:], "") in VERB_TAGS:
        return "v"
    if tag == "a" and len(token) >= 2 and tags.get(token[0], "") in VERB_TAGS:
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
    are that one in use, not new 提法: after a verb (落实“四个意识” …) a collocation, else a
    word. One with a common word as its head (一岗双责要求) is counted as a use of the shorter
    one: the returned {longer: shorter}. A name written in quotes stays a 提法, and so does a
    name (see _named) whose modifier is no verb: a person's name before a doctrine, a 提法
    before the head of a name."""
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
        verb = bool(lead) and verbal(candidate.tags[len(lead) - 1], tags.get(lead[-1][0], ""))
        if candidate.named and not verb:
            known.add(candidate.text)
            continue
        if lead:
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
    common head word (`uses_of`: 一岗双责要求) counts for it, without being a variant."""
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
        if base is not None and base.type == candidate.type and candidate.entry is None and not candidate.named \
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
        # a 提法 is counted where it is written, in its longer forms too; another term where the
        # tokenizer cut it as a word, so its longer forms add their uses
        if main.type != SET_PHRASE:
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


def _shown(candidate: TermCandidate) -> tuple[int, int]:
    """(occurrences, documents) of an entry: a 提法 wherever it is written (a lexicon entry in
    the text, a mined one inside longer terms too: 学习贯彻 + it), another term as a word."""
    if candidate.type == SET_PHRASE:
        return max(candidate.written, candidate.count), max(candidate.written_docs, candidate.docs)
    return candidate.count, candidate.docs


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
        "count": _shown(candidate)[0],
        "docs": _shown(candidate)[1],
        "topics": topics,
        "variants": variants,
        "examples": [{"doc": source, "text": example_text(sentence, candidate.text)}
                     for source, sentence in candidate.examples[:MAX_EXAMPLES]],
    }
