"""GB/T 9704-2012 figures for the page, the text roles and the signature block.

Lengths are in twips (1/20 pt). A full-width character of 三号 (16 pt) is
320 twips wide; Arabic digits and Latin letters count as half a character.
"""
from __future__ import annotations

from drafter.characters import page_width
from collections.abc import Callable
from dataclasses import dataclass

# A4 and its margins: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN_TOP = 2098
MARGIN_BOTTOM = 1984
MARGIN_LEFT = 1587
MARGIN_RIGHT = 1474
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845

# 22 lines of 579 twips fill the 12756-twip text block; 580 would give 21.
LINE_PITCH = 579
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

BODY_SIZE_PT = 16
CHAR_WIDTH = BODY_SIZE_PT * 20  # 320
# −5 twips per character makes 28 characters fit 8845 twips (28 × 315 = 8820).
CHAR_SPACING = -5
FIRST_LINE_INDENT = 2 * CHAR_WIDTH  # 640, 2 characters
SIGNATURE_INDENT = 2 * CHAR_WIDTH   # 署名 2 characters in from the right

PAGE_NUMBER_SIZE_PT = 14
PAGE_NUMBER_INDENT = PAGE_NUMBER_SIZE_PT * 20  # one 4号 character from the edge
# The page-number line is exactly 15 pt high, and the footer's distance from
# the paper edge puts its dashes 7 mm below the text block (measured on the
# rendered PDF: the dash sits about 6.5 pt above the line's bottom).
PAGE_NUMBER_LINE = 300
FOOTER_DISTANCE = 1455

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADING_1 = "黑体"
FONT_HEADING_2 = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"


@dataclass(frozen=True)
class Role:
    font: str
    size_pt: float


TITLE = Role(FONT_TITLE, 22)
BODY = Role(FONT_BODY, BODY_SIZE_PT)
HEADINGS = {
    1: Role(FONT_HEADING_1, BODY_SIZE_PT),
    2: Role(FONT_HEADING_2, BODY_SIZE_PT),
    3: Role(FONT_BODY, BODY_SIZE_PT),
    4: Role(FONT_BODY, BODY_SIZE_PT),
}
PAGE_NUMBER = Role(FONT_PAGE_NUMBER, PAGE_NUMBER_SIZE_PT)
# Tables: the title in 黑体 3号 like a level-1 heading; cells in 仿宋 4号, 20 pt lines.
TABLE_TITLE = Role(FONT_HEADING_1, BODY_SIZE_PT)
TABLE_TEXT = Role(FONT_BODY, 14)
TABLE_LINE = 400

# Fonts a machine may lack, and the name Word should try instead.
FONT_FALLBACKS = {
    FONT_BODY: "仿宋",
    FONT_HEADING_2: "楷体",
    FONT_TITLE: "宋体",
    FONT_HEADING_1: "SimHei",
    FONT_PAGE_NUMBER: "SimSun",
}


def text_width_twips(text: str) -> int:
    return round(page_width(text) * CHAR_WIDTH) + CHAR_SPACING * len(text)


@dataclass(frozen=True)
class SignatureIndents:
    signature: list[float]  # right indent of each signature line
    date: float             # right indent of the date line


def signature_indents(signature_lines: list[str], date: str,
                      width: Callable[[str], float] = text_width_twips,
                      two_chars: float = SIGNATURE_INDENT) -> SignatureIndents:
    """GB/T 9704 7.3.5.2 for an unsealed document.

    The signature sits 2 characters in from the right; the date's first
    character stands 2 characters right of the signature's first character.
    A date wider than that allows goes 2 characters in from the right and
    the signature moves left to keep the 2-character step. Several signature
    lines share one left edge.
    """
    widths = [width(line) for line in signature_lines]
    if not widths:
        return SignatureIndents([], two_chars)
    sig_width = max(widths)
    if not date:
        return SignatureIndents([two_chars + sig_width - w for w in widths], two_chars)
    date_width = width(date)
    sig_right = two_chars
    date_right = sig_width - date_width  # = sig_right + sig_width - two_chars - date_width
    if date_right < two_chars:
        date_right = two_chars
        sig_right = 2 * two_chars + date_width - sig_width
    return SignatureIndents([max(0.0, sig_right + sig_width - w) for w in widths], date_right)
