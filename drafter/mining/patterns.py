"""Pattern miner: slotted sentence patterns and parallel series.

Slotted patterns (以…为抓手, 在…上下功夫, 坚持把…作为…) are frames of fixed
words around one or two slots. Every clause proposes a few frames: a lead of
one or two words near its start, then either the last words of the clause
(以 … 为抓手) or one short word followed by a second slot that runs to the
end (坚持把 … 作为 …). A frame is a pattern when it recurs with many different
fillers in several documents; a frame seen with one filler only is a fixed
phrase, not a pattern.

Parallel series (同谋划、同部署、同推进) are runs of three or more items
listed with 、 that have the same length and share their first or last
characters; counted by their exact wording, and each run of three inside a
longer one counts too.
"""
from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from drafter.mining.digest import LEVEL1_HEADING, TITLE
from drafter.mining.clauses import Sentence, is_word
from drafter.mining.pos import verbal
from drafter.mining.slots import SLOT_MARK

SLOT = "…"
# Distinct fillers remembered per frame: a sample (the smallest hashes, so merging chunks in any
# order keeps the same ones, with exact counts) that tells a pattern from a phrase and shows the
# usual fillers.
MAX_FILLERS = 16
SHOWN_FILLERS = 5
FUNCTION_TOKENS = frozenset("的了和与等及")
# Paired marks: a lead right after an opening one is inside a quoted name or title (“三会一课”,
# 《条例》), and a filler holding half a pair cuts one.
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "〈": "〉", "【": "】"}
_OPENING = frozenset(_PAIRS)
_CLOSING = frozenset(_PAIRS.values())
_STRAIGHT_QUOTES = frozenset("\"'")
_MAX_LEAD_START = 3   # a lead may follow a few words (各 党支部 坚持把 …)
_MAX_SECOND_ANCHOR = 12
# anchors must meet this many times more often than by chance; a middle word is
# freer than a clause end, so two-slot frames need more
MIN_LIFT = 4.0
MIN_LIFT_TWO_SLOTS = 10.0


def _filler_text(tokens: list[str]) -> str:
    return "".join(tokens)


def _sample(fillers: dict[str, int]) -> dict[str, int]:
    """The MAX_FILLERS fillers with the smallest hashes."""
    if len(fillers) <= MAX_FILLERS:
        return fillers
    kept = sorted(fillers, key=lambda text: (zlib.crc32(text.encode("utf-8")), text))[:MAX_FILLERS]
    return {text: fillers[text] for text in kept}


# Ends a filler may not have: a particle or conjunction there belongs to the frame's words
# (做好了…工作, 监督…和…), whereas 按照“一岗双责”的要求 ends its filler on 的 rightly.
_NO_FILLER_START = FUNCTION_TOKENS
_NO_FILLER_END = frozenset("和与及")


def _slot_ok(tokens: list[str]) -> bool:
    """A filler is a whole phrase: no particle or conjunction cut off at its edges, no half of a pair."""
    length = sum(len(t) for t in tokens)
    return 2 <= length <= 24 and any(is_word(t) for t in tokens) and tokens[0] not in _NO_FILLER_START \
        and tokens[-1] not in _NO_FILLER_END and _whole_marks(tokens)


def _whole_marks(tokens: list[str]) -> bool:
    """No half of a pair of quotes or brackets: the filler ”等党内 or 亮身份、争当排头兵” cuts a
    quoted name; “红色物业”建设 does not."""
    if tokens[0] in _CLOSING or tokens[-1] in _OPENING:
        return False
    waiting: list[str] = []
    straight = 0
    for token in tokens:
        if token in _OPENING:
            waiting.append(_PAIRS[token])
        elif token in _CLOSING:
            if not waiting or waiting.pop() != token:
                return False
        elif token in _STRAIGHT_QUOTES:
            straight += 1
    return not waiting and straight % 2 == 0


def _inside_marks(clause: list[str], start: int) -> bool:
    """The token at `start` opens a quoted name or title (it follows an opening mark)."""
    if start == 0:
        return False
    before = clause[start - 1]
    if before in _OPENING:
        return True
    # a straight quote opens when an even number of them come before it
    return before in _STRAIGHT_QUOTES and sum(1 for t in clause[:start - 1] if t == before) % 2 == 0


def clause_anchors(clause: list[str]) -> tuple[list[tuple[str, int, bool]], list[tuple[str, int]]]:
    """Where frames of a clause may be anchored: leads (text, index after it, ends in a
    one-character word) near the start, and tails (text, index) ending the clause."""
    size = len(clause)
    leads: list[tuple[str, int, bool]] = []
    tails: list[tuple[str, int]] = []
    if size < 3:
        return leads, tails
    for start in range(min(_MAX_LEAD_START, size - 2) + 1):
        if _inside_marks(clause, start):
            continue  # 严格落实“三会一课”等党内制度: 三会一课 begins a name, not a frame
        for lead_size in ((1, 2) if start < _MAX_LEAD_START else (1,)):
            lead = clause[start:start + lead_size]
            if len(lead) < lead_size or not all(is_word(t) for t in lead):
                continue
            text = "".join(lead)
            if lead[0] in FUNCTION_TOKENS or len(text) > 4:
                continue
            leads.append((text, start + lead_size, len(lead[-1]) == 1))
    for tail_size in (1, 2):
        tail = clause[size - tail_size:]
        if not all(is_word(t) for t in tail) or tail[-1] in FUNCTION_TOKENS:
            continue
        text = "".join(tail)
        if len(text) <= 5:
            tails.append((text, size - tail_size))
    return leads, tails


def clause_frames(clause: list[str], anchors=None):
    """(frame, filler id) proposals of one clause's tokens."""
    leads, tails = anchors or clause_anchors(clause)
    size = len(clause)
    for lead_text, body, single in leads:
        # frame 1: lead … tail, the tail ending the clause
        for tail_text, tail_start in tails:
            if tail_start > body:
                filler = clause[body:tail_start]
                if _slot_ok(filler):
                    yield f"{lead_text}{SLOT}{tail_text}", _filler_text(filler)
        # frame 2: lead … word …, after a one-character lead word (以, 把, 将, 在 …)
        if not single:
            continue
        for middle in range(body + 1, min(size - 1, body + _MAX_SECOND_ANCHOR + 1)):
            word = clause[middle]
            if not is_word(word) or len(word) > 2 or word in FUNCTION_TOKENS:
                continue
            first, second = clause[body:middle], clause[middle + 1:]
            if _slot_ok(first) and _slot_ok(second):
                yield f"{lead_text}{SLOT}{word}{SLOT}", _filler_text(first)


def series_in_clause(clause: list[str]) -> list[str]:
    """Parallel series written in one clause (its tokens): 同谋划、同部署、同推进.

    Items are the pieces between 、; the first may carry a lead-in and the last
    a continuation, which are cut off at word boundaries."""
    parts: list[list[str]] = [[]]
    for token in clause:
        if token == "、":
            parts.append([])
        elif token not in "“”\"'《》（）()":
            parts[-1].append(token)
    if len(parts) < 3:
        return []
    found: list[str] = []
    run: list[str] = []

    def close() -> None:
        if len(run) >= 3:
            for begin in range(len(run) - 2):  # every window of three, and the whole run
                found.append("、".join(run[begin:begin + 3]))
            if len(run) > 3:
                found.append("、".join(run))

    for index, part in enumerate(parts):
        if run:
            candidate = _words_of_length(part, len(run[-1]), from_end=False)
            if candidate and _parallel(run[-1], candidate) and _parallel(run[0], candidate):
                run.append(candidate)
                if "".join(part) == candidate:
                    continue
                close()  # the run ended inside this part
                run = []
                continue
            close()
            run = []
        following = parts[index + 1] if index + 1 < len(parts) else []
        size = len("".join(following))
        item = _words_of_length(part, size, from_end=True) if 2 <= size <= 6 else None
        if item is None and 2 <= len("".join(part)) <= 6 and all(is_word(t) for t in part):
            item = "".join(part)
        run = [item] if item else []
    close()
    return found


def _words_of_length(tokens: list[str], size: int, *, from_end: bool) -> str | None:
    """The words at the start (or end) of tokens that make exactly `size` characters."""
    taken = ""
    for token in (reversed(tokens) if from_end else tokens):
        if not is_word(token):
            return None
        taken = token + taken if from_end else taken + token
        if len(taken) == size:
            return taken
        if len(taken) > size:
            return None
    return None


def _parallel(a: str, b: str) -> bool:
    if a == b:
        return False
    return a[0] == b[0] or a[-1] == b[-1]


def clause_results(clause: tuple[str, ...]) -> tuple:
    """Frames, series and anchors (leads, tails, short words) of one clause."""
    anchors = clause_anchors(list(clause))
    frames: dict[str, int] = {}
    for frame, filler in clause_frames(list(clause), anchors):
        frames.setdefault(frame, filler)  # one filler per frame and clause
    return (
        frames,
        series_in_clause(list(clause)) if "、" in clause else [],
        {a[0] for a in anchors[0]},
        {a[0] for a in anchors[1]},
        {t for t in clause if len(t) <= 2 and is_word(t)},
    )


def new_pattern_total() -> dict:
    return {"frames": {}, "series": {}, "chance": [0, {}, {}, {}]}


class PatternCollector:
    """Combiner for a chunk of documents: each distinct clause is analysed once, however
    many documents repeat it (boilerplate and copied paragraphs are common)."""

    def __init__(self) -> None:
        # clause → [document ids, role mask, occurrences, example source, example sentence]
        self.clauses: dict[tuple, list] = {}
        self.documents = 0

    def add(self, sentences: list[Sentence], source: str) -> None:
        document = self.documents
        self.documents += 1
        for sentence in sentences:
            if sentence.kind in (TITLE, LEVEL1_HEADING):
                continue
            role_bit = 1 << sentence.role if sentence.role >= 0 else 0
            for clause in sentence.clauses():
                key = tuple(clause)
                entry = self.clauses.get(key)
                if entry is None:
                    self.clauses[key] = [{document}, role_bit, 1, source, sentence.text]
                else:
                    entry[0].add(document)
                    entry[1] |= role_bit
                    entry[2] += 1
                    if (source, sentence.text) < (entry[3], entry[4]):
                        entry[3], entry[4] = source, sentence.text

    def flush_into(self, total: dict) -> None:
        """Add the frames, series and anchor counts of the collected clauses to `total`.

        total["frames"][frame] = [count, docs, role mask, smallest filler ids, example
        source, example sentence]; series likewise without fillers. The example kept is
        that of the first document by name, so totals merge alike in any order."""
        chance = total["chance"]
        leads, tails, words = chance[1], chance[2], chance[3]
        frames: dict[str, list] = {}
        series: dict[str, list] = {}
        for key, (documents, roles, count, source, sentence) in self.clauses.items():
            found, runs, clause_leads, clause_tails, clause_words = clause_results(key)
            chance[0] += count
            for table, texts in ((leads, clause_leads), (tails, clause_tails), (words, clause_words)):
                for text in texts:
                    table[text] = table.get(text, 0) + count
            for table, items in ((frames, found.items()), (series, ((run, None) for run in runs))):
                for frame, filler in items:
                    entry = table.get(frame)
                    if entry is None:
                        table[frame] = [count, set(documents), roles, {}, source, sentence]
                        entry = table[frame]
                    else:
                        entry[0] += count
                        entry[1] |= documents
                        entry[2] |= roles
                    if filler is not None:
                        entry[3][filler] = entry[3].get(filler, 0) + count
                        if (source, sentence) < (entry[4], entry[5]):
                            entry[4], entry[5] = source, sentence
        for name, table in (("frames", frames), ("series", series)):
            for frame, (count, documents, roles, fillers, source, sentence) in table.items():
                _add_frame(total[name], frame, count, len(documents), roles, _sample(fillers), source, sentence)
        self.clauses.clear()


def _add_frame(table: dict, key: str, count: int, docs: int, roles: int, fillers: dict[str, int],
               source: str, example: str) -> None:
    stats = table.get(key)
    if stats is None:
        table[key] = [count, docs, roles, dict(fillers), source, example]
        return
    stats[0] += count
    stats[1] += docs
    stats[2] |= roles
    if fillers:
        merged = dict(stats[3])
        for text, times in fillers.items():
            merged[text] = merged.get(text, 0) + times
        stats[3] = _sample(merged)
    if (source, example) < (stats[4], stats[5]):
        stats[4], stats[5] = source, example


def merge_pattern_totals(total: dict, other: dict) -> None:
    """Reduce: add another total (of other documents) into `total`."""
    for name in ("frames", "series"):
        table = total[name]
        for key, (count, docs, roles, fillers, source, example) in other[name].items():
            _add_frame(table, key, count, docs, roles, fillers, source, example)
    total["chance"][0] += other["chance"][0]
    for mine, theirs in zip(total["chance"][1:], other["chance"][1:]):
        for key, value in theirs.items():
            mine[key] = mine.get(key, 0) + value


@dataclass(frozen=True)
class Pattern:
    text: str
    count: int
    docs: int
    roles: int
    variety: int
    example: tuple
    score: float
    fillers: tuple = ()  # ((filler, count), …) most common first


MIN_FIXED_CHARS = 4  # 以…为抓手 has 4; 在…上…, 对…进行…, 为…提供… say nothing
LeadWords = Callable[[str], list[tuple[str, str, str]]]  # lead -> [(word, its tag, its first character's tag)]


def _recurs(count: int, docs: int, variety: int, min_docs: int) -> bool:
    """A pattern recurs with different fillers, in several documents or often in one."""
    return count >= 3 and variety >= 3 and (docs >= min_docs or (count >= 4 and variety >= 4))


def candidate_leads(total: dict, *, documents: int) -> set[str]:
    """The leads of the frames that recur enough to be selected (to look their words up together)."""
    min_docs = 2 if documents >= 2 else 1
    return {frame.split(SLOT, 1)[0] for frame, (count, docs, _roles, fillers, _source, _sentence)
            in total.get("frames", {}).items() if _recurs(count, docs, len(fillers), min_docs)}


def verbal_lead(words: list[tuple[str, str, str]]) -> bool:
    """A lead ends on a verb, coverb or preposition (以, 坚持把, 严格落实), not on a noun
    (党员…不强) or an adverb (积极…工作)."""
    if not words:
        return True
    _word, tag, first_tag = words[-1]
    return verbal(tag, first_tag)


def select_patterns(total: dict, *, documents: int, limit: int = 300,
                    set_phrases: frozenset[str] = frozenset(), lead_words: LeadWords | None = None) -> list[Pattern]:
    """Patterns ranked best first: frames with varied fillers, then parallel series.

    A frame must hold real words beyond its prepositions, its lead must be verbal (with
    `lead_words`, the lead's words and their dictionary tags), and none of its fixed parts
    may cut a set phrase in two (以习近平…为指导). Near-identical frames (坚持以…为指导,
    以…为指导, 坚持…为指导; 严格落实…制度, 认真落实…制度) and a series with its shorter runs
    are one entry each; a series that is (part of) a set phrase (不敢腐、不能腐、不想腐) is none."""
    min_docs = 2 if documents >= 2 else 1
    clauses, leads, tails, words = total.get("chance", [0, {}, {}, {}])
    found = []
    for frame, (count, docs, roles, fillers, source, sentence) in total.get("frames", {}).items():
        variety = len(fillers)
        if not _recurs(count, docs, variety, min_docs):
            continue
        parts = [part for part in frame.split(SLOT) if part]
        if len("".join(parts)) < MIN_FIXED_CHARS or max(map(len, parts)) < 2:
            continue
        if lead_words is not None and not verbal_lead(lead_words(frame.split(SLOT, 1)[0])):
            continue
        if _cuts_a_set_phrase(frame, sentence, set_phrases):
            continue
        lift = _lift(frame, count, clauses, leads, tails, words)
        if lift < (MIN_LIFT_TWO_SLOTS if frame.endswith(SLOT) else MIN_LIFT):
            continue
        fixed = len(frame.replace(SLOT, ""))
        score = (math.log1p(count) * math.log1p(docs) * math.log1p(variety) * math.sqrt(fixed)
                 * math.log(lift))
        # a figure or placeholder in a filler (□ to the miner: 2023年, X) is shown as X, the
        # placeholder a writer fills in everywhere else in drafter
        shown = tuple((text.replace(SLOT_MARK, "X"), times)
                      for text, times in sorted(fillers.items(), key=lambda kv: (-kv[1], kv[0]))[:SHOWN_FILLERS])
        found.append(Pattern(frame, count, docs, roles, variety, (source, sentence), round(score, 6), shown))
    found = _merge_other_leading_words(_merge_near_copies(_drop_shadowed(found)))
    series = []
    for run, (count, docs, roles, _fillers, source, sentence) in total.get("series", {}).items():
        if any(run in phrase for phrase in set_phrases):
            continue  # a 提法 (不敢腐、不能腐、不想腐), or part of one: no frame to fill
        score = math.log1p(count) * math.log1p(docs) * 0.8
        series.append(Pattern(run, count, docs, roles, 0, (source, sentence), round(score, 6)))
    found += _longest_runs(series)
    found.sort(key=lambda p: (-p.score, p.text))
    return found[:limit]


def _cuts_a_set_phrase(frame: str, sentence: str, set_phrases: frozenset[str]) -> bool:
    """In its example, a set phrase runs across the edge of a fixed part and a slot."""
    parts = [part for part in frame.split(SLOT) if part]
    edges, position = set(), 0
    for part in parts:
        at = sentence.find(part, position)
        if at == -1:
            return False
        edges.update((at, at + len(part)))
        position = at + len(part)
    for phrase in set_phrases:
        at = sentence.find(phrase)
        while at != -1:
            if any(at < edge < at + len(phrase) for edge in edges):
                return True
            at = sentence.find(phrase, at + 1)
    return False


def _merge_near_copies(patterns: list[Pattern]) -> list[Pattern]:
    """坚持以…为指导, 坚持以…指导, 以…为指导, 坚持…为指导: frames whose fixed words differ by
    a character or two, one inside the other, are one pattern; the most used form stays."""
    ranked = sorted(patterns, key=lambda p: (-p.count, -p.docs, -len(p.text), p.text))
    kept: list[Pattern] = []
    for pattern in ranked:
        fixed = pattern.text.replace(SLOT, "")
        slots = pattern.text.count(SLOT)
        if any(slots == other.text.count(SLOT) and _near(fixed, other.text.replace(SLOT, "")) for other in kept):
            continue
        kept.append(pattern)
    return kept


def _merge_other_leading_words(patterns: list[Pattern]) -> list[Pattern]:
    """严格落实…制度, 认真落实…制度, 落实…制度: frames whose leads end with the same word and
    differ only in a two-character word before it (an adverb, mostly) are one pattern;
    the most used form stays."""
    ranked = sorted(patterns, key=lambda p: (-p.count, -p.docs, p.text))
    kept: dict[str, Pattern] = {}
    for pattern in ranked:
        lead, rest = pattern.text.split(SLOT, 1)
        core = (lead[2:] if len(lead) == 4 else lead) + SLOT + rest
        if core not in kept:
            kept[core] = pattern
    return list(kept.values())


def _near(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) > 2 or short[-2:] != long[-2:]:
        return False
    remaining = iter(long)
    return all(char in remaining for char in short)  # short is a subsequence of long


def _longest_runs(series: list[Pattern]) -> list[Pattern]:
    """A parallel series is listed once, as its longest run: 同谋划、同部署、同推进 and
    同部署、同推进、同考核 are parts of 同谋划、同部署、同推进、同考核."""
    by_length = sorted(series, key=lambda p: (-p.text.count("、"), -p.count, p.text))
    kept: list[Pattern] = []
    for pattern in by_length:
        items = pattern.text.split("、")
        into = next((i for i, other in enumerate(kept) if _contiguous(items, other.text.split("、"))), None)
        if into is None:
            kept.append(pattern)
        elif pattern.count > kept[into].count:  # the run counts as often as its most used part
            other = kept[into]
            kept[into] = Pattern(other.text, pattern.count, max(other.docs, pattern.docs), other.roles | pattern.roles,
                                 0, other.example, max(other.score, pattern.score))
    return kept


def _contiguous(items: list[str], longer: list[str]) -> bool:
    return any(longer[start:start + len(items)] == items for start in range(len(longer) - len(items) + 1))


def _lift(frame: str, count: int, clauses: int, leads: dict, tails: dict, words: dict) -> float:
    """How much more often the anchors of a frame come together than by chance:
    以 … 为抓手 far more often than 以 and 为抓手 would meet at random; 对 … 问题 … not."""
    lead, rest = frame.split(SLOT, 1)
    if rest.endswith(SLOT):
        partner = words.get(rest[:-1], 0)
    else:
        partner = tails.get(rest, 0)
    expected = leads.get(lead, 0) * partner / max(1, clauses)
    return count / expected if expected > 0 else float(count)


def _drop_shadowed(patterns: list[Pattern]) -> list[Pattern]:
    """A frame that only ever occurs inside a longer one (持续在…上下功夫 in 在…上下功夫)
    is kept only if it has occurrences of its own."""
    by_text = {p.text: p for p in patterns}
    kept = []
    for pattern in patterns:
        shadowed = False
        for other in by_text.values():
            if other is pattern or len(other.text) <= len(pattern.text):
                continue
            if pattern.text in other.text and other.count >= pattern.count:
                shadowed = True
                break
        if not shadowed:
            kept.append(pattern)
    return kept
