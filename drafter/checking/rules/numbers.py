"""numbers (GB/T 15835-2011): how figures are written.

- a figure and its unit split by a space (12 次, 2023 年), as text copied from a
  PDF has them: error, the space taken out. A paragraph laid out as a table row
  (columns apart by tabs or runs of spaces) is left alone, and so is a number
  that names a table, figure or annex (表1 名称);
- full-width digits (１２) in a document that otherwise writes half-width ones
  (12): one hint for the document.
"""
from __future__ import annotations

import re

from drafter.checking.context import CheckContext
from drafter.checking.findings import ERROR, INFO, Finding, excerpt

RULE = "numbers"

UNITS = ("人次|家次|户次|课时|学时|小时|分钟|万元|亿元|千元|万人|平方米|平方公里|公里|千米|公顷|"
         "年|月|日|次|个|名|人|篇|场|项|期|家|件|份|批|户|所|条|处|支|座|天|元|万|亿|余|多|米|亩|吨|台|辆|"
         "本|册|套|位|节|周|届|倍|岁|%|％")
_SPLIT = re.compile(rf"(?<![0-9０-９.．\-/:：A-Za-z])(?P<number>[0-9]+(?:\.[0-9]+)?)(?P<space>[ \u00a0\u3000])(?={UNITS})")
_NAMED_NUMBER = re.compile(r"(?:表|图|附件|附表|附图|第|章|节|条|款|号|编号|序号|No\.?)\s*$")
_TABLE_ROW = re.compile(r"\t|[ \u3000]{2,}")
_FULL_DIGITS = re.compile(r"[０-９]+")
_HALF_DIGITS = re.compile(r"[0-9]")
SHOWN_LINES = 5


def check_numbers(ctx: CheckContext) -> list[Finding]:
    lines = ctx.subject.lines
    findings = []
    for line in lines:
        findings += _split_units(line)
    findings += _mixed_digit_widths(lines, ctx.subject.line_unit)
    return findings


def _split_units(line) -> list[Finding]:
    text = line.text
    if len(_TABLE_ROW.findall(text)) >= 2:
        return []  # a row of a table pasted as text
    findings = []
    for found in _SPLIT.finditer(text):
        if _NAMED_NUMBER.search(text, max(0, found.start() - 4), found.start()):
            continue
        number = found.group("number")
        start, end = found.start(), found.end()
        unit = text[end:end + 2]
        findings.append(Finding(RULE, ERROR, f"数字与单位之间多了空格：“{number} {unit[:1]}”应为“{number}{unit[:1]}”",
                                line.lineno, excerpt(text, start, end + 1), fix=number, start=start, end=end,
                                wrong=found.group()))
    return findings


def _mixed_digit_widths(lines, unit: str) -> list[Finding]:
    wide = [line for line in lines if _FULL_DIGITS.search(line.text)]
    if not wide or not any(_HALF_DIGITS.search(line.text) for line in lines):
        return []
    numbers = "、".join(str(line.lineno) for line in wide[:SHOWN_LINES]) + ("等" if len(wide) > SHOWN_LINES else "")
    first = wide[0]
    found = _FULL_DIGITS.search(first.text)
    return [Finding(RULE, INFO, f"全文混用全角数字和半角数字，全角数字在第 {numbers} {unit}，宜统一用半角数字",
                    first.lineno, excerpt(first.text, *found.span()))]
