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

from drafter.characters import FULL_STOPS
from drafter.mining.slots import templatize
from drafter.vocabulary import KINDS, ROLES

FORMULAS_FILE = "formulas.yaml"
MAX_HEADINGS = 10
MAX_FORMULAS = 5
_LEAD_IN = re.compile(r"如下[：:]?$|[：:]$")


_LEAD_IN_VERBS = re.compile(r"如下|以下|报告|汇报|述职|总结")
MAX_FORMULA = 60
# What makes a closing sentence a formula: it hands the text over (以上报告，特此报告), asks the
# reader to act on it (请予审议, 请批评指正) or turns to what comes next (下一步，我们将…；让我们…).
# Anything else is the document's own last word.
_CLOSING_CUES = re.compile(r"^(?:以上|特此|让我们|(?:下一步|今后|新的一年里?|在新的一年里?|{{ next_year }}年)[，,])"
                           r"|请[^，。！？,!?]{0,6}?(?:审议|评议|审阅|审定|批评|指正|批示)")
SALUTATION = 8  # 各位代表！ 同志们： opens a paragraph, it closes nothing


def opening_formulas(opening: str) -> list[str]:
    """The opening's lead-in sentence (现将…总结如下：), whole; nothing else of the opening
    is a formula (its first clause, 今年以来，, is no sentence)."""
    sentences = [s.strip() for s in re.split(f"(?<=[{FULL_STOPS}])", opening.replace("\n", "")) if s.strip()]
    if not sentences:
        return []
    last = sentences[-1]
    if _LEAD_IN.search(last) and _LEAD_IN_VERBS.search(last) and len(last) <= MAX_FORMULA:
        return [last]
    return []


def closing_formulas(closing: str) -> list[str]:
    """Whole, short sentences of the closing (特此报告。以上报告，请予审议。)."""
    found = []
    for paragraph in closing.split("\n"):
        for sentence in re.split(f"(?<=[{FULL_STOPS}])", paragraph):
            sentence = sentence.strip()
            if sentence and len(sentence) <= MAX_FORMULA and sentence[-1] in FULL_STOPS:
                found.append(sentence)
    return found


def is_closing_formula(sentence: str) -> bool:
    """以上报告，请予审议。 特此报告。 不妥之处，请批评指正。 下一步，我们将再接再厉。 — not
    各位代表！ and not a last sentence of content (典型引航方向，榜样传递力量。), however many
    documents share it. The sentence is a template: a year in it is already {{ year }}."""
    if len(sentence) <= SALUTATION and sentence[-1] in "！!：:":
        return False
    return bool(_CLOSING_CUES.search(sentence))


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
        "confident": digest.get("confident", True),
    }


def _role_name(index: int) -> str:
    return ROLES[index] if 0 <= index < len(ROLES) else "other"


def build_skeletons(all_facts: list[dict]) -> list[dict]:
    """Skeletons in the bank format, one per kind seen, in KINDS order."""
    by_kind: dict[str, list[dict]] = {}
    for facts in all_facts:
        by_kind.setdefault(facts["kind"] if facts["kind"] in KINDS else "other", []).append(facts)
    standard = standard_formulas()
    skeletons = []
    for kind in KINDS:
        documents = by_kind.get(kind)
        if documents:
            # documents whose outline parsed cleanly, when there are any of this kind
            clean = [facts for facts in documents if facts.get("confident", True)] or documents
            skeleton = _skeleton(kind, clean)
            for key in ("openings", "closings"):
                known = {f["template"] for f in skeleton[key]}
                skeleton[key] += [{"template": t, "count": 0} for t in standard.get(kind, {}).get(key, [])
                                  if t not in known]
            skeletons.append(skeleton)
    return skeletons


def standard_formulas() -> dict[str, dict[str, list[str]]]:
    """kind -> {"openings": [...], "closings": [...]} of templates/formulas.yaml."""
    from drafter.errors import DrafterError
    from drafter.resources import templates_dir
    from drafter.yaml_reader import line_of, load_file

    path = templates_dir() / FORMULAS_FILE
    data, _source = load_file(path, "套语文件")
    found: dict[str, dict[str, list[str]]] = {}
    table = data.get("formulas") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise DrafterError("应有 formulas: 文稿类型 → 套语", path=str(path), line=line_of(data))
    for written, item in table.items():
        kind = KINDS.lookup(str(written))
        if kind is None or not isinstance(item, dict):
            raise DrafterError(f"未知的文稿类型“{written}”，可选：{KINDS.choices()}", path=str(path),
                               line=line_of(table, written))
        found[kind] = {key: [str(t) for t in item.get(key) or []] for key in ("openings", "closings")}
    return found


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
        "closings": _formulas(Counter({t: n for t, n in closings.items() if is_closing_formula(t)})),
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
