"""A document that names no kind and whose parts are all practices is an experience
write-up (经验材料): a slogan title (以榜样的力量践行…, 加强顶层设计 创新工作思路) over
sections that each tell what was done, with no problems or plans part."""
from __future__ import annotations

import re

from drafter.outline.rules.roles import top_sections
from drafter.outline.state import OutlineState

_MIN_PARTS = 2
_PRACTICE_ROLES = {"achievements", "experience"}
# Titles of speeches, notices and rules are no write-ups whatever their parts.
_NOT_A_WRITE_UP = re.compile(r"讲话|致辞|通知|通报|方案|意见|办法|规定|细则|决定|纪要|计划|要点")


def assign_experience_kind(state: OutlineState) -> None:
    doc = state.doc
    if doc.kind != "other" or not doc.title or _NOT_A_WRITE_UP.search(doc.title):
        return
    top = top_sections(doc)
    if len(top) >= _MIN_PARTS and all(section.role in _PRACTICE_ROLES for section in top):
        doc.kind = "experience"
