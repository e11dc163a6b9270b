"""punctuation (GB/T 15834-2011): the marks a reviewer circles.

- half-width , : ; ? ! between Chinese characters (工作,学习 → 工作，学习): error;
- half-width ( ) around Chinese text (党支部(第一) → 党支部（第一）): error, the marks
  inside put right with them;
- a bracket closed by the other width (（一) → （一）): error;
- quotation marks and brackets without their pair in a paragraph: warning (no fix:
  where the missing one goes is the writer's to say);
- straight "…" quotes in a document that also uses curly “…”: warning with the
  fix; straight quotes alone: one hint for the document;
- a mark typed twice (，， 。。): error. Three or more (。。。) is an ellipsis typed
  by hand, not a slip: left alone.
Item markers that close without opening (1） 一） at a paragraph's start or after
a mark) are numbering, not brackets.
"""
from __future__ import annotations

import re

from drafter.checking.context import CheckContext
from drafter.checking.findings import ERROR, INFO, WARNING, Finding, excerpt
from drafter.model import Line

RULE = "punctuation"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CLOSERS = "”’）》」』】"
_OPENERS = "“‘（《「『【"
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
NAMES = {",": "逗号", ":": "冒号", ";": "分号", "?": "问号", "!": "叹号", "(": "括号", ")": "括号"}

# , : ; ? ! with Chinese on both sides (a space either side goes with the mark).
_ASCII_MARK = re.compile(rf"(?<=[{HAN}{_CLOSERS}])[ \t]*([,:;?!])[ \t]*(?=[{HAN}{_OPENERS}])")
# ( … ) with Chinese inside, or touching Chinese on the left.
_ASCII_PAIR = re.compile(r"\(([^()\n]{0,60})\)")
_DOUBLED = re.compile(r"([，。、；：！？])\1")
_PAIRS = {"（": "）", "《": "》", "【": "】", "(": ")"}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
# 1） 一） ①) a） at the start or after a mark: an item number, not a bracket.
_ITEM_CLOSE = re.compile(r"(?:^|(?<=[，。；：、！？\s]))(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z])[)）]")
_HAS_HAN = re.compile(f"[{HAN}]")


def check_punctuation(ctx: CheckContext) -> list[Finding]:
    lines = ctx.subject.lines
    curly = any("“" in line.text or "”" in line.text for line in lines)
    findings = []
    straight_only: Line | None = None
    for line in lines:
        findings += _half_width_marks(line)
        findings += _doubled(line)
        findings += _unpaired(line)
        quotes = _straight_quotes(line)
        if quotes and curly:
            findings += [_straight_quote_finding(line, start, end) for start, end in quotes]
        elif quotes and straight_only is None:
            straight_only = line
    if straight_only is not None:
        findings.append(Finding(RULE, INFO, "全文用的是直引号\"…\"，公文应使用弯引号“…”",
                                straight_only.lineno, straight_only.text[:60]))
    return findings


def _full_width(text: str) -> str:
    """Half-width marks between Chinese characters in text, made full width."""
    return _ASCII_MARK.sub(lambda m: FULL_WIDTH[m.group(1)], text)


def _half_width_marks(line: Line) -> list[Finding]:
    text = line.text
    findings = []
    pairs = []
    for found in _ASCII_PAIR.finditer(text):
        inner = found.group(1)
        before = text[found.start() - 1] if found.start() else ""
        if _HAS_HAN.search(inner) or (before and _HAS_HAN.match(before)):
            pairs.append(found.span())
            fixed = "（" + _full_width(inner) + "）"
            findings.append(Finding(RULE, ERROR, f"中文里用了半角括号“{found.group()}”，应为全角括号“{fixed}”",
                                    line.lineno, excerpt(text, *found.span()), fix=fixed,
                                    start=found.start(), end=found.end(), wrong=found.group()))
    for found in _ASCII_MARK.finditer(text):
        if any(a <= found.start() and found.end() <= b for a, b in pairs):
            continue  # put right with its brackets
        mark = found.group(1)
        findings.append(Finding(RULE, ERROR, f"中文里用了半角{NAMES[mark]}“{mark}”，应为全角“{FULL_WIDTH[mark]}”",
                                line.lineno, excerpt(text, *found.span()), fix=FULL_WIDTH[mark],
                                start=found.start(), end=found.end(), wrong=found.group()))
    return findings


def _doubled(line: Line) -> list[Finding]:
    findings = []
    text = line.text
    for found in _DOUBLED.finditer(text):
        start, end = found.span()
        if (start and text[start - 1] == found.group(1)) or text[end:end + 1] == found.group(1):
            continue  # 。。。 and longer: an ellipsis typed by hand
        findings.append(Finding(RULE, ERROR, f"标点“{found.group(1)}”重复", line.lineno, excerpt(text, start, end),
                                fix=found.group(1), start=start, end=end, wrong=found.group()))
    return findings


def _unpaired(line: Line) -> list[Finding]:
    """Quotation marks and brackets without their pair in the paragraph: the first one only."""
    text = line.text
    items = {m.end() - 1 for m in _ITEM_CLOSE.finditer(text)}
    stack: list[tuple[str, int]] = []
    quote_open: int | None = None
    single_open: int | None = None
    for index, char in enumerate(text):
        if char == "“":
            if quote_open is not None:
                return [_unpaired_finding(line, quote_open, "前引号 “ 没有对应的后引号 ”")]
            quote_open = index
        elif char == "”":
            if quote_open is None:
                return [_unpaired_finding(line, index, "后引号 ” 前面没有对应的前引号 “")]
            quote_open = None
        elif char == "‘":
            single_open = index
        elif char == "’" and single_open is not None:
            single_open = None
        elif char in _PAIRS:
            stack.append((char, index))
        elif char in _CLOSING and index not in items:
            if not stack:
                return [_unpaired_finding(line, index, f"“{char}”前面缺少“{_CLOSING[char]}”")]
            opened, at = stack.pop()
            if _PAIRS[opened] != char:
                return [_mismatched(line, opened, at, char, index)]
    if quote_open is not None:
        return [_unpaired_finding(line, quote_open, "前引号 “ 没有对应的后引号 ”")]
    if stack:
        opened, at = stack[-1]
        return [_unpaired_finding(line, at, f"“{opened}”缺少“{_PAIRS[opened]}”")]
    return []


def _unpaired_finding(line: Line, at: int, what: str) -> Finding:
    return Finding(RULE, WARNING, f"引号或括号不配对：{what}", line.lineno, excerpt(line.text, at, at + 1))


def _mismatched(line: Line, opened: str, at: int, closed: str, index: int) -> Finding:
    """（一) or (一）: one bracket of each width. The half-width one is made full width
    when that makes the pair; brackets of different kinds (（…】) are only said."""
    if {opened, closed} == {"（", ")"}:
        return Finding(RULE, ERROR, "括号一半全角一半半角：“)”应为“）”", line.lineno,
                       excerpt(line.text, at, index + 1), fix="）", start=index, end=index + 1, wrong=")")
    if {opened, closed} == {"(", "）"}:
        return Finding(RULE, ERROR, "括号一半全角一半半角：“(”应为“（”", line.lineno,
                       excerpt(line.text, at, index + 1), fix="（", start=at, end=at + 1, wrong="(")
    return _unpaired_finding(line, at, f"“{opened}”与“{closed}”不是一对")


def _straight_quotes(line: Line) -> list[tuple[int, int]]:
    """Spans of "…" pairs around Chinese text; none when the paragraph's straight quotes do not pair up."""
    positions = [i for i, char in enumerate(line.text) if char == '"']
    if not positions or len(positions) % 2:
        return []
    spans = list(zip(positions[::2], positions[1::2]))
    return [(a, b + 1) for a, b in spans if _HAS_HAN.search(line.text[a:b])]


def _straight_quote_finding(line: Line, start: int, end: int) -> Finding:
    inner = line.text[start + 1:end - 1]
    return Finding(RULE, WARNING, f"直引号与弯引号混用：“\"{inner}\"”应为“{'“' + inner + '”'}”", line.lineno,
                   excerpt(line.text, start, end), fix="“" + inner + "”", start=start, end=end,
                   wrong=line.text[start:end])
