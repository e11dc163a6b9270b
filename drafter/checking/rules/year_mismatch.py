"""year_mismatch: last year's leftovers in this year's document.

The document's year, when the title, `--year` or the fill file gives it, is
compared with the years written where they must agree with it:
- the 现将…年…如下 formula (现将2024年工作总结如下 in a 2025 summary), where the year
  is the subject of the report: it directly qualifies the work reported (2024年度工作,
  2024年上半年履职情况) or the work the title names (2024年党建工作 under a 党建工作总结).
  A year that qualifies another noun (2024年县委第二巡察组反馈问题, 2024年12月任职以来)
  is not the report's year;
- a heading in the plans part that is the plans of a year (三、2025年工作计划): the
  next year in an annual summary or a debrief, the same year in a half-year report;
- the date line: within the year; an annual summary or a debrief may be dated in
  January or February of the next year (drafter.years.EARLY_MONTHS);
- a sentence about the whole year (全年, 一年来, 年内) whose time is last year, as a
  warning: 2024年全年接收档案3200卷, 2024年，全年…. Only a year that stands as the
  sentence's time (followed by a comma or by 全年) counts: a year that qualifies a noun
  (2024年度部门决算, 2024年中央经济工作会议, 2024年修订的条例) names a past thing, and a
  sentence that says 今年 beside another year sets the two apart on purpose.
A year that looks back is history, never a finding: 2018年以来, 2021—2025年,
与2024年相比, 较2024年增长, 截至2024年底. A title that spans years
(2021—2025年任期述职报告) leaves the rule silent.
"""
from __future__ import annotations

import re

from drafter.checking.context import CheckContext
from drafter.checking.findings import ERROR, WARNING, Finding, excerpt
from drafter.characters import SENTENCE_ENDS
from drafter.model import Line
from drafter.years import EARLY_MONTHS, YEARLY_KINDS, parse_date, year_value, year_written_like

RULE = "year_mismatch"
CHECKED_ORIGINS = ("option", "title", "fill")
ORIGIN_NAMES = {"option": "--year 指定", "title": "标题", "fill": "填写文件"}

_YEAR = r"(?<![0-9０-９])(?P<year>(?:19|20)[0-9]{2}|[１２][０-９]{3})(?![0-9０-９])"
_ANY_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2}|[１２][０-９]{3})(?![0-9０-９])\s*年")
# A year that spans or looks back: 2021—2025年, 2018年以来, 2024年底.
_RANGE_DASH = "—–－\\-~～至到"
_LOOKS_BACK_AFTER = re.compile(rf"\s*年?\s*(?:度)?\s*(?:[{_RANGE_DASH}]|以来|以前|之前|前|起|开始|底|末|年底|年末|初|同期|水平)")
_LOOKS_BACK_BEFORE = re.compile(rf"(?:[{_RANGE_DASH}]|与|比|较|同比|相比|对比|自|从|超过|高于|低于|截至|截止|到)\s*$")
_COMPARES = re.compile(r"比|较|同比|相比|增长|下降|减少|增加|提高|提升|降低|持平|翻|倍|以来|基础上|连续|历年|先后|"
                       r"遗留|结转|延续|接续|滚动")
# 现将2024年工作总结如下 / 现将局机关2024年度工作情况报告如下 / 现将本人2024年度履职情况报告如下:
# the year, its period, then at most a short topic (checked against the title) before the work itself
_FORMULA = re.compile(
    rf"现将[^，。；：、0-9０-９]{{0,12}}?{_YEAR}\s*年\s*度?\s*"
    r"(?:上半年|下半年|全年|前三季度|第?[一二三四1-4]季度)?\s*的?\s*(?:主要|各项|重点)?"
    r"(?P<topic>[\u4e00-\u9fff]{0,12}?)(?:工作|情况|履职|述职|总结)")
_FORMULA_END = re.compile(r"如下|汇报|报告|总结")
_PLAN_WORDS = re.compile(r"计划|打算|思路|安排|要点|设想")
# 2025年工作计划 / 2026年度工作打算及建议 / 2025年下半年工作计划
_PLAN_HEADING = re.compile(
    rf"^\s*{_YEAR}\s*年度?\s*(?P<half>上半年|下半年)?\s*的?\s*(?:重点|主要)?(?:工作)?\s*"
    r"(?:计划|打算|思路|安排|目标|目标任务|要点|重点|设想|谋划)"
    r"(?:[和及与、].{0,12})?[。：:；;]?\s*$")
# 今年 is not among them: a sentence that says 今年 and names another year sets the two apart.
_WHOLE_YEAR = re.compile(r"全年|本年度|一年来|年内")
# The year as the sentence's time: 2024年，… / 2024年全年… / 2024年度，…
_YEAR_AS_TIME = re.compile(rf"{_YEAR}\s*年\s*度?\s*(?:[，,]|全年|一年来)")
_TITLE_RANGE = re.compile(rf"(?:19|20)[0-9]{{2}}\s*年?\s*[{_RANGE_DASH}]\s*(?:19|20)?[0-9]{{2}}")


def check_year_mismatch(ctx: CheckContext) -> list[Finding]:
    subject = ctx.subject
    year = subject.year
    if year is None or subject.year_origin not in CHECKED_ORIGINS or _title_spans_years(subject.doc.title, year):
        return []
    where = f"（文稿年份 {year} 年，取自{ORIGIN_NAMES[subject.year_origin]}）"
    findings = []
    heading_lines = _plan_headings(ctx, year, where)
    date_line = _date_line(ctx, year, where)
    for line in subject.lines:
        findings += _formula(line, year, where, subject.doc.title)
        findings += heading_lines.get(id(line), [])
        if date_line is not None and date_line[0] is line:
            findings.append(date_line[1])
            continue
        findings += _whole_year_sentences(line, year, where)
    return findings


def _title_spans_years(title: str, year: int) -> bool:
    """2021—2025年任期述职报告, or a title naming years other than this and the next."""
    if _TITLE_RANGE.search(title or ""):
        return True
    years = {year_value(found.group(1)) for found in _ANY_YEAR.finditer(title or "")}
    return not years <= {year, year + 1}


def _finding(line: Line, found: re.Match, year: int, message: str, severity: str = ERROR) -> Finding:
    start, end = found.span("year")
    written = found.group("year")
    return Finding(RULE, severity, message, line.lineno, excerpt(line.text, start, end),
                   fix=year_written_like(written, year), start=start, end=end, wrong=written)


def _topic_is_the_titles(topic: str, title: str) -> bool:
    """The words between the formula's year and 工作/情况 name the work the title is about
    (党建 under 党支部党建工作总结, 巡察整改进展 under 关于2025年巡察整改进展情况的报告), or there are none."""
    return not topic or topic in re.sub(r"\s+", "", title or "")


def _formula(line: Line, year: int, where: str, title: str) -> list[Finding]:
    findings = []
    for found in _FORMULA.finditer(line.text):
        written = year_value(found.group("year"))
        if written == year or _looks_back(line.text, found.start("year"), found.end("year")):
            continue
        if not _topic_is_the_titles(found.group("topic"), title):
            continue  # the year qualifies something else: 2024年县委第二巡察组反馈问题整改情况
        rest = line.text[found.end():]
        end = min([rest.find(mark) for mark in SENTENCE_ENDS if mark in rest] or [len(rest)])
        if not _FORMULA_END.search(rest[:end]):
            continue  # not the 现将…如下 formula
        if written == year + 1 and _PLAN_WORDS.search(rest[:end]):
            continue  # 现将2026年工作计划报告如下
        findings.append(_finding(line, found, year, f"开头套语中的年份“{found.group('year')}年”与文稿年份不符{where}，"
                                                    f"多半是沿用上一年文稿时未改"))
    return findings


def _plan_headings(ctx: CheckContext, year: int, where: str) -> dict[int, list[Finding]]:
    """Findings for headings that are the plans of a year, by the id of their line."""
    subject = ctx.subject
    doc = subject.doc
    if doc.kind in YEARLY_KINDS:
        expected, said = year + 1, "下一年"
    elif doc.kind == "half_year" and "下半年" not in doc.title:
        expected, said = year, "本年下半年"
    else:
        return {}
    found_by_line: dict[int, list[Finding]] = {}
    plans = [node for top in doc.sections if top.role == "plans" for node in top.walk()]
    for node in plans:
        if not node.heading or node.line is None:
            continue
        found = _PLAN_HEADING.match(node.heading)
        if not found:
            continue
        if found.group("half") and doc.kind in YEARLY_KINDS:
            continue  # a half-year plan inside an annual summary: not this rule's to judge
        written = year_value(found.group("year"))
        if written == expected:
            continue
        line = _line_with(subject, node.line, node.heading)
        if line is None:
            continue
        offset = line.text.find(node.heading)
        start, end = offset + found.start("year"), offset + found.end("year")
        findings = found_by_line.setdefault(id(line), [])
        findings.append(Finding(
            RULE, ERROR,
            f"计划部分的标题年份“{found.group('year')}年”与文稿年份不符{where}：{doc_kind_name(doc.kind)}的计划应是{said}"
            f"（{expected}年）的", line.lineno, excerpt(line.text, start, end),
            fix=year_written_like(found.group("year"), expected), start=start, end=end, wrong=found.group("year")))
    return found_by_line


def doc_kind_name(kind: str) -> str:
    from drafter.vocabulary import KINDS

    return KINDS.label(kind)


def _line_with(subject, lineno: int, text: str) -> Line | None:
    candidates = [line for line in subject.lines if line.lineno == lineno]
    return next((line for line in candidates if text in line.text), candidates[0] if candidates else None)


_DATE_YEAR = re.compile(r"(?<![0-9０-９〇零○Ｏ一二三四五六七八九])(?P<year>[0-9０-９]{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*[年\-/.－／．]")


def _date_line(ctx: CheckContext, year: int, where: str) -> tuple[Line, Finding] | None:
    subject = ctx.subject
    doc = subject.doc
    if doc.kind not in YEARLY_KINDS + ("half_year",) or not doc.date:
        return None
    date = parse_date(doc.date)
    if date is None:
        return None
    if date.year == year:
        return None
    early_next = doc.kind in YEARLY_KINDS and date.year == year + 1 and date.month <= EARLY_MONTHS
    if early_next:
        return None
    if date.year == year + 1 and doc.kind in YEARLY_KINDS:
        return None  # dated later in the next year (a 述职 in March): unusual, not certainly wrong
    line = next((line for line in reversed(subject.lines) if doc.date in line.text), None)
    if line is None:
        return None
    found = _DATE_YEAR.search(line.text, line.text.find(doc.date))
    if found is None or year_value(found.group("year")) != date.year:
        return None
    allowed = f"{year}年内" + (f"或{year + 1}年1—{EARLY_MONTHS}月" if doc.kind in YEARLY_KINDS else "")
    fix = year_written_like(found.group("year"), year) if date.year < year else None
    return line, Finding(RULE, ERROR, f"成文日期“{doc.date}”与文稿年份不符{where}：{doc_kind_name(doc.kind)}应在{allowed}成文",
                         line.lineno, excerpt(line.text, *found.span("year")), fix=fix,
                         start=found.start("year"), end=found.end("year"), wrong=found.group("year"))


def _whole_year_sentences(line: Line, year: int, where: str) -> list[Finding]:
    """Whole-year sentences whose time is last year (2024年，全年…), as warnings: one per sentence."""
    text = line.text
    if not _WHOLE_YEAR.search(text):
        return []
    findings = []
    start = 0
    for end in [i + 1 for i, char in enumerate(text) if char in SENTENCE_ENDS] + [len(text)]:
        sentence = text[start:end]
        if _WHOLE_YEAR.search(sentence) and not _COMPARES.search(sentence) and "今年" not in sentence:
            for found in _YEAR_AS_TIME.finditer(sentence):
                at, until = start + found.start("year"), start + found.end("year")
                if year_value(found.group("year")) != year - 1 or _looks_back(text, at, until):
                    continue
                findings.append(Finding(
                    RULE, WARNING,
                    f"写全年情况的句子中出现上一年份“{found.group('year')}年”{where}，请核对是否沿用了上一年的文字",
                    line.lineno, excerpt(text, at, until), fix=year_written_like(found.group("year"), year),
                    start=at, end=until, wrong=found.group("year")))
                break
        start = end
    return findings


def _looks_back(text: str, start: int, end: int) -> bool:
    return bool(_LOOKS_BACK_AFTER.match(text, end) or _LOOKS_BACK_BEFORE.search(text[max(0, start - 4):start]))
