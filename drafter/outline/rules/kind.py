"""The document kind: from its title; failing that, from the subtitle under it
(——在…会议上的工作报告); failing that, from the opening's lead-in (现将…年工作总结如下 →
annual, 上半年 → half_year, 述职 → debrief), for a document whose first line is
already the opening.

汇报 and 情况 name a report, except where what is reported is a whole year's work
(现将我局2023年工作情况汇报如下, 一年来的工作汇报): that is the annual summary. A document
named 报告 (工作报告, 情况报告) stays a report, whatever year it covers (XX集团有限公司2024年度工作报告:
年度 names the period, 工作报告 the document); in a lead-in, 报告如下 is the verb."""
from __future__ import annotations

import re

from drafter.characters import SENTENCE_ENDS
from drafter.lazy_pattern import LazyPattern
from drafter.outline.state import OutlineState

KIND_CUES = [
    ("debrief", re.compile(r"述职|述责|述廉")),
    ("half_year", re.compile(r"上半年|下半年|半年|1[-—~至到]6月|一至六月")),
    ("experience", re.compile(r"经验|典型材料|做法")),
    # a year's 发展报告 reviews the year in a field: an annual summary, not a work report
    ("annual", re.compile(r"总结|年终|年度工作|^(?:19|20)[0-9]{2}年.{0,24}发展报告$")),
    ("report", re.compile(r"汇报|报告|情况")),
]
_SPACES = re.compile(r"\s+")
# A whole year's work: 2023年工作, 2023年度党建工作, 全年工作, 一年来.
_WHOLE_YEAR = re.compile(r"(?:19|20)[0-9]{2}年度?[^，。；,;]{0,8}?工作|全年(?:的)?工作|一年来")
# A subtitle: ——2020年5月22日在…会议上, （2020年5月26日…会议通过）.
_SUBTITLE = LazyPattern(r"^(?:——|--|—)|^[（(].{0,60}(?:会议|大会|全会).{0,20}[)）]$")
# The sentence that leads into the body: 现将…如下, 特作如下报告 ….
_LEAD_IN_WORDS = ("现将", "如下", "特此")
_DEBRIEF = re.compile(r"述职|述责|述廉")
# A title that ends by naming a report, not a summary: …工作报告, …情况报告 (（摘要）after it).
_NAMED_REPORT = re.compile(r"(?:工作|情况)报告(?:[（(][^）)]{1,8}[）)])?$")


def kind_from_title(title: str, lead_in: bool = False) -> str:
    plain = _SPACES.sub("", title)
    for kind, pattern in KIND_CUES:
        if pattern.search(plain):
            if kind == "annual" and not lead_in and "总结" not in plain and _NAMED_REPORT.search(plain):
                return "report"  # 2024年度工作报告: the period named, the document a report
            if kind == "report" and (lead_in or "报告" not in plain) and _WHOLE_YEAR.search(plain):
                return "annual"  # 2023年工作情况汇报: a whole year's work reported
            return kind
    return "other"


def kind_from_opening(opening: str) -> str:
    """The kind a document's opening names: its subtitle first, then its lead-in sentence."""
    paragraphs = [p for p in opening.split("\n") if p]
    if paragraphs and _SUBTITLE.search(paragraphs[0]):
        kind = kind_from_title(paragraphs[0])
        if kind != "other":
            return kind
    for paragraph in paragraphs:
        for sentence in _lead_in_sentences(paragraph):
            kind = kind_from_title(sentence, lead_in=True)
            if kind != "other":
                return kind
    if paragraphs and _DEBRIEF.search(paragraphs[0]):
        return "debrief"
    return "other"


def _lead_in_sentences(paragraph: str) -> list[str]:
    """The sentences holding a lead-in word, found by plain string search (linear on any text)."""
    sentences = []
    for word in _LEAD_IN_WORDS:
        at = paragraph.find(word)
        if at < 0:
            continue
        start = max(paragraph.rfind(end, 0, at) for end in SENTENCE_ENDS) + 1
        ends = [found for end in SENTENCE_ENDS if (found := paragraph.find(end, at)) >= 0]
        sentences.append(paragraph[start:min(ends) if ends else len(paragraph)])
    return sentences


def assign_kind(state: OutlineState) -> None:
    doc = state.doc
    doc.kind = kind_from_title(doc.title)
    if doc.kind == "other":
        doc.kind = kind_from_opening(doc.opening)
