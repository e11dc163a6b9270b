"""Signature (落款) and date lines at the end of the document.

A year and month without a day (2025年1月, as a 述职报告 is often dated) is the date only on
the document's last line (under the signature, or on its line): inside the text such a line is
anything but a date line."""
from __future__ import annotations

import re

from drafter.characters import COLONS, COMMAS, FULL_STOPS, SENTENCE_ENDS
from drafter.outline.markers import match_marker
from drafter.outline.state import OutlineState
from drafter.outline.table_title import TABLE_TITLE

_CN = "〇零○一二三四五六七八九十"
DATE = re.compile(
    rf"(?:[0-9]{{4}}|[{_CN}]{{4}})\s*年\s*(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"\s*(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
    r"|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}"
)
# 2025年1月: a year and month, no day
_MONTH = re.compile(rf"(?:[0-9]{{4}}|[{_CN}]{{4}})\s*年\s*(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})\s*月")
_DATE_LINE = re.compile(rf"^[（(]?\s*(?:{DATE.pattern}|{_MONTH.pattern})\s*[）)]?$")
MAX_SIGNATURE_CHARS = 30
TODO_MARK = "【待补充】"
_SIGNATURE_PUNCT = re.compile(f"[{SENTENCE_ENDS}{COMMAS}…]|\\.\\.")
# How a finished paragraph ends: what may stand before a signature without a date.
_FINISHED = tuple(FULL_STOPS + "”’」』）)》" + COLONS)
_ORG_SUFFIX = re.compile(
    r"(委员会|党委|党组|总支|支部|工委|纪委|政府|办公室|办公厅|局|厅|委|办|处|科|所|中心|院|校|公司|集团|"
    r"协会|学会|联合会|大队|中队|站|社区|街道|镇|乡|村|述职人[:：].*|汇报人[:：].*|报告人[:：].*)$"
)


def take_signature_and_date(state: OutlineState) -> None:
    lines, annex = _without_annexed_tables(state.lines)
    if len(lines) < 2:
        return
    last = lines[-1].text
    if _DATE_LINE.match(last) or (last.strip() == TODO_MARK and len(lines) >= 3):
        # a date, or the 【待补充】 a draft left where its date goes: no date yet
        state.doc.date = last.strip("（）() ") if last.strip() != TODO_MARK else ""
        lines = lines[:-1]
        if len(lines) >= 2 and _looks_like_signature(lines[-1].text, strict=False):
            state.doc.signature = lines[-1].text
            lines = lines[:-1]
    else:
        combined = re.match(rf"^(.{{2,{MAX_SIGNATURE_CHARS}}}?)\s+({DATE.pattern}|{_MONTH.pattern})$", last)
        if combined and _looks_like_signature(combined.group(1), strict=False):
            state.doc.signature, state.doc.date = combined.group(1).strip(), combined.group(2)
            lines = lines[:-1]
        elif _looks_like_signature(last, strict=True) and _ends_a_sentence(lines[-2].text):
            # a copy cut off mid-sentence (…加强党支部) ends in no signature
            state.doc.signature = last
            lines = lines[:-1]
    state.lines = lines + annex


# 附件1 above a table set after the signature, or its title (表2 主要指标)
_ANNEX = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*[：:.．\s]*[^。！？；，、]{0,40}$")


def _without_annexed_tables(lines: list) -> tuple[list, list]:
    """Word tables at the very end (附表 after the date) with the short lines heading them,
    set apart so the signature and date above them are still found; they go back after."""
    end = len(lines)
    while end and lines[end - 1].cells is not None:
        end -= 1
        while end and lines[end - 1].cells is None and (TABLE_TITLE.match(lines[end - 1].text)
                                                         or _ANNEX.match(lines[end - 1].text)):
            end -= 1
    if end == len(lines) or end < 2:
        return lines, []
    return lines[:end], lines[end:]


def _ends_a_sentence(text: str) -> bool:
    return text.rstrip().endswith(_FINISHED)


def _looks_like_signature(text: str, strict: bool) -> bool:
    if len(text) > MAX_SIGNATURE_CHARS or _SIGNATURE_PUNCT.search(text) or match_marker(text):
        return False
    if "一是" in text or "是" in text[-2:]:
        return False
    return bool(_ORG_SUFFIX.search(text)) or (not strict and len(text) <= 20)

