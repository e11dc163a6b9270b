"""Role of each level-1 section: from its heading, with body cues as a fallback."""
from __future__ import annotations

import re

from drafter.model import Section
from drafter.outline.state import OutlineState

# Checked in this order: 存在的问题及原因 is problems, 原因分析 is causes.
HEADING_CUES = [
    ("problems", re.compile(r"存在.{0,4}问题|问题(与|和|及)?(不足|差距|短板)|问题及原因|问题和原因|不足|差距|短板|薄弱环节|^.{0,6}问题$")),
    ("causes", re.compile(r"原因")),
    ("plans", re.compile(r"下一?步|明年|来年|今后|展望|努力方向|[0-9]{4}年.{0,6}(计划|打算|思路|安排|重点|目标)|"
                         r"(工作|主要)?(计划|打算|思路|安排|重点|目标任务)$|工作计划|工作打算|工作思路")),
    ("experience", re.compile(r"经验|体会|启示|收获")),
    ("achievements", re.compile(r"主要工作|工作开展|开展情况|主要做法|基本情况|工作成效|履职情况|工作情况|完成情况|"
                                r"成效|成绩|主要措施|工作回顾|亮点|特色做法|做法|进展")),
]

_BODY_CUES = {
    "problems": re.compile(r"还不够|不够|不足|有待|欠缺|薄弱|差距|不到位|不强|不高"),
    "plans": re.compile(r"下一步|将|要|继续|持续|进一步|力争"),
    "achievements": re.compile(r"[0-9０-９X]+(次|名|人|个|项|场|篇|期|余)|完成|开展|组织|召开|制定|举办|落实"),
}


def role_from_heading(heading: str) -> str | None:
    for role, pattern in HEADING_CUES:
        if pattern.search(heading):
            return role
    return None


def role_from_body(section: Section) -> str:
    text = "".join(block for node in section.walk() for block in node.paragraphs + node.items)
    if not text:
        return "other"
    scores = {role: len(pattern.findall(text)) for role, pattern in _BODY_CUES.items()}
    best = max(scores, key=lambda role: (scores[role], role == "achievements"))
    return best if scores[best] else "other"


def assign_roles(state: OutlineState) -> None:
    for section in state.doc.sections:
        if section.level == 1:
            section.role = role_from_heading(section.heading) or role_from_body(section)
