"""Skeleton miner: the shape of each kind of document.

Per kind: the level-1 roles in their usual order with the share of documents
having each, the heading wordings seen for each role (as templates with the
year as a slot), the typical number of level-2 headings and of 一是/二是 items
per section, and the opening and closing formulas.
"""
from __future__ import annotations

import re
from collections import Counter
from statistics import median_low

from drafter.characters import COMMAS, FULL_STOPS
from drafter.mining.clauses import split_sentences
from drafter.mining.slots import templatize
from drafter.vocabulary import KINDS, ROLES

MAX_HEADINGS = 10
MAX_FORMULAS = 5
_CLAUSE_SPLIT = re.compile(f"(?<=[{COMMAS}])")
_LEAD_IN = re.compile(r"如下[：:]?$|[：:]$")


def _formula_head(sentence: str) -> str | None:
    """The first clauses of a sentence, up to four characters of real text at least:
    今年以来， / {{ year }}年，在区委和区政府的正确领导下，"""
    taken = ""
    for clause in _CLAUSE_SPLIT.split(sentence):
        if len(taken) + len(clause) > 40:
            break
        taken += clause
        if len(re.sub(r"[0-9０-９]+年度?|[，,\s]", "", taken)) >= 4:
            # a clause lead-in, or a short sentence that is a formula as a whole
            return taken if taken.endswith(("，", ",")) or taken == sentence else None
    return None


def opening_formulas(opening: str) -> list[str]:
    """Formula candidates of an opening: its first clauses and its lead-in sentence (现将…如下：)."""
    sentences = [s.strip() for s in split_sentences(opening.replace("\n", "")) if s.strip()]
    if not sentences:
        return []
    found = []
    head = _formula_head(sentences[0])
    if head:
        found.append(head)
    # the lead-in often follows a full stop in the same sentence list, or ends the opening after ：
    last = re.split(f"(?<=[{FULL_STOPS}])", opening.strip())[-1].strip() or sentences[-1]
    if _LEAD_IN.search(last) and len(last) <= 60:
        found.append(last)
    return found


def closing_formulas(closing: str) -> list[str]:
    found = []
    for paragraph in closing.split("\n"):
        sentences = [s.strip() for s in split_sentences(paragraph) if s.strip()]
        if not sentences:
            continue
        head = _formula_head(sentences[0])
        if head:
            found.append(head)
        if len(sentences) > 1 and len(sentences[-1]) <= 60:
            found.append(sentences[-1])
    return found


def document_facts(digest: dict) -> dict:
    """The small per-document part the skeleton miner needs."""
    return {
        "source": digest["source"],
        "kind": digest["kind"],
        "year": digest["year"],
        "units": digest["units"],
        "sections": digest["sections"],
        "openings": opening_formulas(digest["opening"]),
        "closings": closing_formulas(digest["closing"]),
    }


def _role_name(index: int) -> str:
    return ROLES[index] if 0 <= index < len(ROLES) else "other"


def build_skeletons(all_facts: list[dict]) -> list[dict]:
    """Skeletons in the bank format, one per kind seen, in KINDS order."""
    by_kind: dict[str, list[dict]] = {}
    for facts in all_facts:
        by_kind.setdefault(facts["kind"] if facts["kind"] in KINDS else "other", []).append(facts)
    skeletons = []
    for kind in KINDS:
        documents = by_kind.get(kind)
        if documents:
            skeletons.append(_skeleton(kind, documents))
    return skeletons


def _skeleton(kind: str, documents: list[dict]) -> dict:
    having: Counter = Counter()
    positions: dict[str, list[float]] = {}
    headings: dict[str, Counter] = {}
    templates: dict[tuple[str, str], Counter] = {}
    shapes: dict[str, list[list[int]]] = {}  # per document having the role: summed shape
    openings: Counter = Counter()
    closings: Counter = Counter()
    for facts in documents:
        order: list[str] = []
        summed: dict[str, list[int]] = {}
        for role_index, heading, *shape in facts["sections"]:
            role = _role_name(role_index)
            if not order or order[-1] != role:
                order.append(role)
            # several sections of one role (six achievement sections in a row) add up
            summed[role] = [a + b for a, b in zip(summed.get(role, [0, 0, 0, 0]), shape)]
            if heading:
                headings.setdefault(role, Counter())[heading] += 1
                template = templatize(heading, year=facts["year"], units=tuple(facts["units"]))
                templates.setdefault((role, heading), Counter())[template] += 1
        for role, shape in summed.items():
            shapes.setdefault(role, []).append(shape)
        for role in dict.fromkeys(order):
            having[role] += 1
            first = order.index(role)
            positions.setdefault(role, []).append(first / (len(order) - 1) if len(order) > 1 else 0.0)
        for formula in facts["openings"]:
            openings[templatize(formula, year=facts["year"], units=tuple(facts["units"]))] += 1
        for formula in facts["closings"]:
            closings[templatize(formula, year=facts["year"], units=tuple(facts["units"]))] += 1
    total = len(documents)
    roles = sorted(having, key=lambda r: (sum(positions[r]) / len(positions[r]), ROLES.index(r)))
    sections = []
    for role in roles:
        shape = shapes[role]
        # numbered points (1. …) where documents mostly use level-3 headings rather than 一是 items
        numbered = sum(1 for s in shape if s[2] > s[3])
        seen = sorted(headings.get(role, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_HEADINGS]
        sections.append({
            "role": role,
            "share": round(having[role] / total, 2),
            "headings": [{"text": text, "template": templates[(role, text)].most_common(1)[0][0], "count": count}
                         for text, count in seen],
            "l2": _typical([s[0] for s in shape]),
            "items": _typical([s[1] for s in shape]),
            "points": "numbered" if numbered * 2 > len(shape) else "items",
        })
    return {
        "kind": kind,
        "docs": total,
        "sections": sections,
        "openings": _formulas(openings),
        "closings": _formulas(closings),
    }


def _typical(values: list[int]) -> int:
    """The usual value where at least half the documents use the feature, else 0."""
    used = [v for v in values if v > 0]
    if not used or len(used) * 2 < len(values):
        return 0
    return median_low(used)


def _formulas(counter: Counter) -> list[dict]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_FORMULAS]
    return [{"template": template, "count": count} for template, count in ranked]
