"""Heading miner: level-2 headings and couplets (学思想，推进主题教育), by structure and role.

A heading's structure is the number of its parts (split at ，、 or a space)
and the word lengths of its first part: 学思想 and 抓思想 are both one
character then two (1+2), so 学思想，推进主题教育 and 抓思想，政治引领突出成效
fall in one group. Entries are listed by role, then by group (largest first),
so parallel headings a writer can borrow stand together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.characters import COLONS, SENTENCE_ENDS
from drafter.mining.clauses import Sentence, is_word
from drafter.mining.digest import HEADINGS, LEVEL1_HEADING
from drafter.mining.slots import has_slot
from drafter.outline.markers import int_to_cn
from drafter.vocabulary import ROLES

_PART_SPLIT = re.compile(r"[，、,\s]+")
_TRIM = SENTENCE_ENDS + COLONS + " "


def heading_parts(text: str) -> list[str]:
    return [p for p in _PART_SPLIT.split(text.strip(_TRIM)) if p]


def structure_of(parts: list[str], first_part_tokens: list[str]) -> str:
    """A group label such as 2:1+2 (two parts, the first made of a 1- and a 2-character word)."""
    shape = "+".join(str(len(t)) for t in first_part_tokens if t.strip())
    return f"{len(parts)}:{shape}"


def document_headings(sentences: list[Sentence]) -> list[list]:
    """Per-document map: [role, text, structure] of every heading worth borrowing."""
    found = []
    seen = set()
    for sentence in sentences:
        if sentence.kind not in HEADINGS or sentence.role < 0:
            continue
        text = sentence.text.strip(_TRIM)
        parts = heading_parts(text)
        if sentence.kind == LEVEL1_HEADING and len(parts) < 2:
            continue  # a plain level-1 heading (存在问题) belongs to the skeleton, not here
        if not 4 <= len(text) <= 30 or has_slot(text) or "《" in text:
            continue
        words = [t for t in sentence.tokens if t.strip() and t not in _TRIM]
        first: list[str] = []
        for token in words:
            if token in "，、,":
                break
            first.append(token)
        if not first or not all(is_word(t) or t in "“”" for t in first):
            continue
        key = (sentence.role, text)
        if key in seen:
            continue
        seen.add(key)
        found.append([sentence.role, text, structure_of(parts, [t for t in first if is_word(t)])])
    return found


def add_document_headings(total: dict, document: list[list], source: str) -> None:
    """Combine: {(role, text): [count, docs, structure, first source by name]}."""
    for role, text, structure in document:
        _add(total, (role, text), 1, 1, structure, source)


def merge_heading_totals(total: dict, other: dict) -> None:
    for key, (count, docs, structure, source) in other.items():
        _add(total, key, count, docs, structure, source)


def _add(total: dict, key: tuple, count: int, docs: int, structure: str, source: str) -> None:
    stats = total.get(key)
    if stats is None:
        total[key] = [count, docs, structure, source]
    else:
        stats[0] += count
        stats[1] += docs
        stats[3] = min(stats[3], source)


@dataclass(frozen=True)
class Heading:
    text: str
    role: int
    structure: str
    count: int
    docs: int
    source: str


def select_headings(total: dict, *, limit: int = 300) -> list[Heading]:
    """Headings grouped by role (in ROLES order) and structure (largest group first);
    each role gets an equal share of `limit`."""
    group_sizes: dict[tuple[int, str], int] = {}
    for (role, _text), stats in total.items():
        group_sizes[(role, stats[2])] = group_sizes.get((role, stats[2]), 0) + 1
    headings = [Heading(text, role, stats[2], stats[0], stats[1], stats[3])
                for (role, text), stats in total.items()]
    # a structure with a single member is no group: list those after the groups
    headings.sort(key=lambda h: (h.role if 0 <= h.role < len(ROLES) else len(ROLES),
                                 group_sizes[(h.role, h.structure)] < 2,
                                 -group_sizes[(h.role, h.structure)], h.structure,
                                 -h.count, h.text))
    roles = {h.role for h in headings}
    share = max(1, limit // max(1, len(roles)))
    taken: dict[int, int] = {}
    kept = []
    for heading in headings:
        if taken.get(heading.role, 0) < share:
            taken[heading.role] = taken.get(heading.role, 0) + 1
            kept.append(heading)
    return kept


# -- heading sets ---------------------------------------------------------------------

MIN_SET = 3


def document_heading_sets(siblings: list[list], cut) -> list[list]:
    """Per-document map: [role, headings, structure, tokens of the first heading's parts] for
    each group of sibling headings that share a structure (抓思想，… / 抓责任，… / 抓机制，…)."""
    found = []
    for role, headings in siblings:
        by_structure: dict[str, list[tuple[str, list[list[str]]]]] = {}
        for heading in headings:
            text = heading.strip(_TRIM)
            parts = heading_parts(text)
            if not parts or has_slot(text) or not 4 <= len(text) <= 40:
                continue
            tokens = [[t for t in cut(part) if t.strip()] for part in parts]
            if not all(all(is_word(t) or t in "“”" for t in part) for part in tokens):
                continue
            structure = structure_of(parts, [t for t in tokens[0] if is_word(t)]) \
                + "|" + "，".join(str(len(part)) if len(parts) == 1 or len(part) <= 4 else "n" for part in parts)
            by_structure.setdefault(structure, []).append((text, tokens))
        for structure, members in by_structure.items():
            if len(members) >= MIN_SET:
                found.append([role, [text for text, _tokens in members], structure, members[0][1]])
    return found


@dataclass(frozen=True)
class HeadingSet:
    headings: tuple[str, ...]
    role: int
    structure: str      # the grouping key
    name: str           # 动宾＋逗号＋主谓, 四字＋四字 …
    count: int          # times this very set occurs
    docs: int           # documents holding this very set
    structure_docs: int  # documents with a set of this structure (how common the form is)
    source: str


def select_heading_sets(sets: list[list], tags_of, *, limit: int = 100) -> list[HeadingSet]:
    """Heading sets, best first: structures many documents use, then larger sets, then
    sets that share a leading word (抓… 抓… 抓…)."""
    popularity: dict[str, set[str]] = {}
    holders: dict[tuple[str, ...], list[str]] = {}
    for _role, headings, structure, _tokens, source in sets:
        popularity.setdefault(structure, set()).add(source)
        holders.setdefault(tuple(headings), []).append(source)
    ranked = []
    seen = set()
    for role, headings, structure, tokens, source in sets:
        key = tuple(headings)
        if key in seen:
            continue
        seen.add(key)
        shared_lead = len({h[0] for h in headings}) == 1
        first = min(holders[key])
        ranked.append((-len(popularity[structure]), -len(headings), not shared_lead, first, key,
                       HeadingSet(key, role, structure, structure_name(tokens, tags_of), len(holders[key]),
                                  len(set(holders[key])), len(popularity[structure]), first)))
    ranked.sort(key=lambda item: item[:5])
    return [item[-1] for item in ranked[:limit]]


_NAMED_LENGTHS = range(3, 9)  # 三字 … 八字: a part this short is named by its length


def structure_name(parts: list[list[str]], tags_of) -> str:
    """动宾＋逗号＋主谓, 四字＋四字 …: how the first heading of a set is built."""
    names = []
    for tokens in parts:
        tags = [tags_of(t) for t in tokens if is_word(t)]
        text = "".join(tokens)
        if tags and tags[0].startswith("v") and tags[0] != "vn" and any(t.startswith("n") or t == "vn" for t in tags[1:]):
            names.append("动宾")
        elif tags and (tags[0].startswith("n") or tags[0] == "vn") and any(t.startswith("v") and t != "vn"
                                                                          for t in tags[1:]):
            names.append("主谓")
        elif len(text) in _NAMED_LENGTHS or not (tags and tags[-1].startswith("n")):
            names.append(f"{int_to_cn(len(text))}字")
        else:
            names.append("偏正")
    if len(names) > 1 and len(set(names)) == 1 and names[0].endswith("字"):
        return "＋".join(names)
    return "＋逗号＋".join(names)
