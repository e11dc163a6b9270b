"""Render Word's automatic list numbers (numbering.xml) as the text a reader sees.

Documents written in Word/WPS often number headings automatically (一、 （一）
1. …); the numbers are not in the paragraph text, so without this the outline
parser would not see them.
"""
from __future__ import annotations

from docx.oxml.ns import qn

_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_MARKER_END = "、.．）)]】:："


def chinese_number(value: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting)."""
    if value <= 0:
        return "零"
    if value >= 10000:
        return str(value)
    parts: list[str] = []
    text = str(value)
    zero_pending = False
    for position, char in enumerate(text):
        digit = int(char)
        power = len(text) - position - 1
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")  # 一百零五; 〇 is for digit-by-digit years
            zero_pending = False
        unit = units[power - 1] if power else ""
        # 10-19 read 十, 十一 … not 一十
        if not (digit == 1 and power == 1 and len(text) == 2 and digits is _DIGITS):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def _letters(value: int, upper: bool) -> str:
    base = ord("A" if upper else "a")
    out = ""
    while value > 0:
        value, rest = divmod(value - 1, 26)
        out = chr(base + rest) + out
    return out


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    table = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for number, letters in table:
        while value >= number:
            out += letters
            value -= number
    return out


def _from_table(table: str, value: int) -> str:
    return table[value - 1] if 0 < value <= len(table) else str(value)


def format_number(value: int, fmt: str) -> str:
    """One counter value in a Word numFmt; unknown formats fall back to decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(value)
    if fmt in ("chineseLegalSimplified", "koreanLegal"):
        return chinese_number(value, _LEGAL_DIGITS, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(value))
    if fmt == "ideographTraditional":
        return _from_table(_TIANGAN, value)
    if fmt == "ideographZodiac":
        return _from_table(_DIZHI, value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _from_table(_CIRCLED, value)
    if fmt == "decimalEnclosedParen":
        return _from_table(_PAREN, value)
    if fmt == "decimalEnclosedFullstop":
        return _from_table(_FULLSTOP, value)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) - 0x30 + 0xFF10) for d in str(value))
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(value, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _val(element, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class _Level:
    def __init__(self, lvl) -> None:
        self.start = _int(_val(lvl, qn("w:start")), 1)
        self.fmt = _val(lvl, qn("w:numFmt")) or "decimal"
        self.text = _val(lvl, qn("w:lvlText"))
        self.legal = lvl.find(qn("w:isLgl")) is not None


class ListNumbering:
    """Counters for the paragraphs of one document, read in body order."""

    def __init__(self, numbering_element, style_numbering: dict[str, tuple[str, int]]) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        self._style_numbering = style_numbering
        self._counts: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.findall(qn("w:abstractNum")):
            levels = {_int(lvl.get(qn("w:ilvl")), 0): _Level(lvl) for lvl in abstract.findall(qn("w:lvl"))}
            self._abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in numbering_element.findall(qn("w:num")):
            abstract_id = _val(num, qn("w:abstractNumId"))
            overrides: dict[int, _Level] = {}
            starts: dict[int, int] = {}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                start = _val(override, qn("w:startOverride"))
                if start is not None:
                    starts[ilvl] = _int(start, 1)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    overrides[ilvl] = _Level(lvl)
            self._nums[num.get(qn("w:numId"))] = (abstract_id, overrides, starts)

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        abstract_id, overrides, _ = self._nums[num_id]
        return overrides.get(ilvl) or self._abstract.get(abstract_id, {}).get(ilvl)

    def marker(self, p) -> str:
        """The number Word shows before paragraph `p` ('' if none); advances counters."""
        num_id, ilvl = self._paragraph_num(p)
        if num_id is None or num_id not in self._nums or not 0 <= ilvl <= 8:
            return ""
        level = self._level(num_id, ilvl)
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            return ""
        abstract_id, _, starts = self._nums[num_id]
        counts = self._counts.setdefault(abstract_id, [None] * 9)
        if num_id not in self._started:
            self._started.add(num_id)
            for restart_level, start in starts.items():
                if 0 <= restart_level <= 8:
                    counts[restart_level] = start - 1
        counts[ilvl] = level.start if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        text = level.text
        for index in range(ilvl + 1):
            shown = self._level(num_id, index)
            value = counts[index] if counts[index] is not None else (shown.start if shown else 1)
            fmt = "decimal" if level.legal or shown is None else shown.fmt
            text = text.replace(f"%{index + 1}", format_number(value, fmt))
        if text and text[-1] not in _MARKER_END:
            text += " "
        return text

    def _paragraph_num(self, p) -> tuple[str | None, int]:
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr, qn("w:numId"))
            ilvl = _int(_val(num_pr, qn("w:ilvl")), 0)
            if num_id is not None:
                return (None if num_id == "0" else num_id), ilvl
        style_id = _val(ppr, qn("w:pStyle")) if ppr is not None else None
        if style_id and style_id in self._style_numbering:
            num_id, ilvl = self._style_numbering[style_id]
            return (None if num_id == "0" else num_id), ilvl
        return None, 0
