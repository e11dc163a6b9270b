"""The role of each top section: from what its heading means, then from where it stands.

A heading that names its part (存在的问题, 下半年工作安排, 问题产生的根源) decides by itself;
the cue words are data in templates/roles.yaml. A heading that only names a topic
(讲党性、谋全局，政治站位坚定有力) takes its role from its place in the document: summaries
and reports run review → problems → causes → plans, so a topic before any problems or plans
is achievements, and one after the plans is still plans. Headings led by years in one
document compare them: the earlier year is the review, the later the plan. The body is
consulted only where the place leaves a choice, by words, never single characters. A review
of work done is never a plan by place alone (first-person retrospective text is no plan): a
heading that names one (廉洁自律情况), or a body whose review words (本人…全年未收受礼品礼金,
完成了) outnumber its future ones after the problems, or are two with no future word after
the plans.

The top sections are the level-1 ones, or, in a document without 一、, the headings
straight under the title (（一）, 1., 第一部分…).
"""
from __future__ import annotations

import re

from drafter.model import Document, Section
from drafter.outline.role_cues import load_role_cues
from drafter.outline.state import OutlineState

_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
# A year as the heading's label (2019年：七十华诞铭初心…), not a year qualifying its words.
_LEADING_YEAR = re.compile(r"^\s*((?:19|20)[0-9]{2})\s*年度?\s*[：:，,]")
_STRONG = 2  # body cues needed before the body may overrule the place


def __getattr__(name: str):
    # HEADING_CUES: (role, pattern) pairs for other parts that ask "does this heading name a role?"
    if name == "HEADING_CUES":
        return load_role_cues().role_patterns()
    raise AttributeError(name)


def role_from_heading(heading: str, kind: str | None = None) -> str | None:
    """The role a heading names by itself, or None for a heading that only names a topic."""
    return load_role_cues().heading_role(heading, kind)


def top_sections(doc: Document) -> list[Section]:
    """The sections that get roles: level 1, or all top ones where there is no level 1."""
    if any(section.level == 1 for section in doc.sections):
        return [section for section in doc.sections if section.level == 1]
    return list(doc.sections)


def role_from_body(section: Section) -> str:
    """The role the body's words point to (achievements when they point nowhere)."""
    scores = _body_scores(section)
    best = max(scores, key=lambda role: (scores[role], role == "achievements"))
    return best if scores[best] else "achievements"


def _body_scores(section: Section) -> dict[str, int]:
    return load_role_cues().body_scores(_body_text(section))


def _body_text(section: Section) -> str:
    return "".join(block for node in section.walk() for block in node.paragraphs + node.items)


def assign_roles(state: OutlineState) -> None:
    doc = state.doc
    top = top_sections(doc)
    if not top:
        return
    cues = load_role_cues()
    years = [_first_year(section.heading) for section in top]
    roles: list[str | None] = []
    for section, year in zip(top, years):
        later = year is not None and any(other is not None and other > year for other in years)
        roles.append(cues.heading_role(section.heading, doc.kind, has_later_year=later))
    _roles_by_year_order(top, roles)
    plan_document = cues.is_plan_title(doc.title)
    for index, section in enumerate(top):
        if roles[index] is None:
            roles[index] = _role_by_place(section, roles[:index], plan_document)
        section.role = roles[index]


def _first_year(heading: str) -> int | None:
    found = _YEAR.search(heading)
    return int(found.group(1)) if found else None


def _roles_by_year_order(top: list[Section], roles: list[str | None]) -> None:
    """2019年：七十华诞铭初心… / 2020年：同心奔小康…: headings led by a year, earlier review, later plan."""
    led = {index: int(found.group(1)) for index, section in enumerate(top)
           if (found := _LEADING_YEAR.match(section.heading))}
    if len(set(led.values())) < 2:
        return
    latest = max(led.values())
    for index, year in led.items():
        if roles[index] is None:
            roles[index] = "plans" if year == latest else "achievements"


def _role_by_place(section: Section, before: list[str | None], plan_document: bool) -> str:
    cues = load_role_cues()
    scores = _body_scores(section)
    review = cues.review_score(_body_text(section))
    if "plans" in before:
        if cues.names_a_review(section.heading) or (review >= _STRONG and scores["plans"] == 0):
            return "achievements"  # a review placed after the plans
        return "plans"  # what follows the plans continues them
    if "problems" in before or "causes" in before:
        # after the problems: causes or plans, as the body says; work already done is a
        # review; plans when the body says nothing
        candidates = ("causes", "plans", "problems")
        best = max(candidates, key=lambda role: scores[role])
        if scores[best] and best != "plans":
            return best
        if cues.names_a_review(section.heading) or review > scores["plans"]:
            return "achievements"
        return "plans"
    default = "plans" if plan_document else "achievements"
    if scores["problems"] >= _STRONG and scores["problems"] > scores["achievements"]:
        return "problems"
    if default == "achievements" and scores["plans"] >= _STRONG and scores["achievements"] == 0:
        return "plans"  # no past facts at all and plainly looking ahead
    return default
