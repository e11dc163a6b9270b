"""stale_term: wording that does not fit the document's year (the lexicon, templates/terms.yaml).

A wording is stale when the document's year is past the month it was
replaced, and premature when the year is before it could be written at all.
A mention that looks back (…以来, …期间, 巩固…成果, 2019年开展的…) is history,
not stale. Plan periods (十三五 …) are stale only when written as the current
plan (收官之年, 落实“十三五”规划), never when looked back on (“十三五”时期).
"""
from __future__ import annotations

import re

from drafter.characters import CLAUSE_ENDS, SENTENCE_ENDS
from drafter.checking.context import CheckContext
from drafter.checking.findings import INFO, WARNING, Finding, excerpt
from drafter.lexicon import LexiconEntry, YearMonth, load_lexicon

RULE = "stale_term"

CLAUSE_BREAK = CLAUSE_ENDS + "\n"
SENTENCE_BREAK = SENTENCE_ENDS + "\n"

# Looking back, right after the wording: “…”主题教育以来 / 期间 / 成果.
_PAST_AFTER = re.compile(r"^.{0,6}?(以来|期间|时期|成果|成效|经验|取得|胜利|结束|圆满)")
# Looking back, before the wording in the same clause.
_PAST_BEFORE = re.compile(r"(先后|历次|曾经|曾|回顾|过去|此前)")
# As the current plan period: 收官之年, 落实“十三五”规划 …
_AS_CURRENT = re.compile(r"开局之年|收官之年|关键之年|攻坚之年|决胜之年|起步之年|开局|起步|决胜|实施|推进|落实|"
                         r"贯彻|按照|根据|依据|围绕|对标|编制|谋划")
_LOOKING_BACK = re.compile(r"时期|期间|以来|回顾|过去|成就|成绩|成效|取得|圆满|已|历程|末|总结|胜利|顺利")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")

ORIGINS = {"option": "--year 指定", "title": "标题", "date": "成文日期", "fill": "填写文件",
           "date_previous": "成文日期，年初成文视为上一年度"}


def check_stale_terms(ctx: CheckContext) -> list[Finding]:
    subject = ctx.subject
    if subject.year is None:
        return [Finding(RULE, INFO, "未能从标题或成文日期确定文稿年份，未检查过时提法；可用 --year 指定年份")]
    findings = []
    for line in subject.lines:
        for finding in stale_wordings(line.text, subject.year, subject.month, subject.year_origin):
            finding.line = line.lineno
            findings.append(finding)
    return findings


def stale_wordings(text: str, year: int, month: int | None = None, origin: str = "") -> list[Finding]:
    """The findings for one paragraph: each stale wording once, and one wording that two
    entries match (十九大和十九届四中全会精神) only once. Also used by `drafter extract`."""
    findings = []
    seen: set[str] = set()
    reported: list[tuple[int, int]] = []
    for term in load_lexicon().dated:
        for pattern in term.patterns:
            for found in pattern.finditer(text):
                if term.term in seen or any(a < found.end() and found.start() < b for a, b in reported):
                    continue
                finding = judge(term, text, found.start(), found.end(), year, month, origin)
                if finding:
                    seen.add(term.term)
                    reported.append(found.span())
                    findings.append(finding)
    return findings


def judge(term: LexiconEntry, text: str, start: int, end: int, year: int, month: int | None = None,
          origin: str = "") -> Finding | None:
    """A finding if the wording at text[start:end] does not fit `year` (and `month`, if known)."""
    written = text[start:end]
    shown = excerpt(text, start, end)
    where = f"（文稿年份 {year} 年，取自{ORIGINS[origin]}）" if origin in ORIGINS else f"（文稿年份 {year} 年）"
    latest = YearMonth(year, month or 12)
    if term.since is not None and latest < term.since:
        if month and year == term.since.year:  # the year fits; the date line's month does not
            where = f"（成文日期为 {year}年{month}月）"
        return Finding(RULE, term.severity,
                       f"提法“{written}”与文稿年份不符：“{term.term}”{term.since}起才出现{where}，请核对年份或提法",
                       text=shown)
    severity = _stale_severity(term, year, month)
    if severity is None:
        return None
    clause = _span(text, start, end, CLAUSE_BREAK)
    if any(allowed.search(clause) for allowed in term.allow):
        return None
    if term.usage == "as_current":
        if not _AS_CURRENT.search(clause) or _LOOKING_BACK.search(clause) or \
                _year_while_current(term, text, start, end):
            return None
    elif _looks_back(term, text, start, end):
        return None
    return Finding(RULE, severity,
                   f"过时提法“{written}”：{term.note}{where}；现行提法：{term.replaced_by}",
                   text=shown)


def _stale_severity(term: LexiconEntry, year: int, month: int | None) -> str | None:
    """The severity when the document's time is past the wording's `until`, else None.

    Only the year known: stale from the first whole year after the change. With the
    month from the date line, a document of the year of the change is stale after the
    change month, as a warning (it may still recount the months before)."""
    until = term.until
    if until is None:
        return None
    if year > until.year or (year == until.year and until.month == 1):
        return term.severity
    if year == until.year and month is not None and month > until.month:
        return WARNING
    return None


def _bounds(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in breaks) + 1
    rights = [i for i in (text.find(mark, end) for mark in breaks) if i != -1]
    return left, min(rights) if rights else len(text)


def _span(text: str, start: int, end: int, breaks: str) -> str:
    left, right = _bounds(text, start, end, breaks)
    return text[left:right]


def _looks_back(term: LexiconEntry, text: str, start: int, end: int) -> bool:
    left, right = _bounds(text, start, end, CLAUSE_BREAK)
    if _PAST_AFTER.search(text[end:right]) or _PAST_BEFORE.search(text[left:start]):
        return True
    return _year_while_current(term, text, start, end)


def _year_while_current(term: LexiconEntry, text: str, start: int, end: int) -> bool:
    """2019年开展的“不忘初心、牢记使命”主题教育: the sentence names a year it was current."""
    sentence_start, _ = _bounds(text, start, end, SENTENCE_BREAK)
    if term.until is None:
        return False
    last = term.until.year if term.until.month > 1 else term.until.year - 1
    return any(term.current_from.year <= int(found.group(1)) <= last
               for found in _YEAR.finditer(text, sentence_start, start))
