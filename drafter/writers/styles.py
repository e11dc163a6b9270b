"""The style sheet (styles.xml): named styles carry the GB/T 9704 formatting.

Built-in style names (Normal, Title, heading 1-4, Signature, Date, footer)
so Word and WPS show them localised (正文, 标题, 标题 1 …) and a user can
restyle the whole document or navigate it by heading. No theme fonts
anywhere: a theme attribute would override the explicit Chinese font.
"""
from __future__ import annotations

from lxml import etree

from drafter.writers import layout
from drafter.writers.layout import Role
from drafter.writers.ooxml import el, fonts, sub

# Style ids used by the document writer.
NORMAL = "Normal"
TITLE = "Title"
SIGNATURE = "Signature"
DATE = "Date"
FOOTER = "Footer"
TABLE_TITLE = "TableTitle"
TABLE_TEXT = "TableText"


def heading_style(level: int) -> str:
    return f"Heading{level}"


def heading_char_style(level: int) -> str:
    """Character style linked to heading N: the heading part of a run-on paragraph."""
    return f"Heading{level}Char"


def styles_xml() -> etree._Element:
    root = el("w:styles")
    root.append(_doc_defaults())
    root.append(_normal())
    root.append(_default_paragraph_font())
    root.append(_paragraph_style(TITLE, "Title", layout.TITLE, align="center", indent=False))
    for level in (1, 2, 3, 4):
        root.append(_heading(level))
    for level in (1, 2, 3, 4):
        root.append(_heading_char(level))
    root.append(_paragraph_style(SIGNATURE, "Signature", layout.BODY, align="right", indent=False))
    root.append(_paragraph_style(DATE, "Date", layout.BODY, align="right", indent=False))
    root.append(_footer())
    root.append(_table_title())
    root.append(_table_text())
    return root


def _run_props(role: Role, spacing: int | None = layout.CHAR_SPACING, plain: bool = False) -> etree._Element:
    rpr = el("w:rPr", None, fonts(role.font))
    if plain:  # undo bold/italic a user or an application default may add
        for name in ("w:b", "w:bCs", "w:i", "w:iCs"):
            sub(rpr, name, {"w:val": "0"})
    if spacing is not None:
        sub(rpr, "w:spacing", {"w:val": str(spacing)})
    half_points = str(round(role.size_pt * 2))
    sub(rpr, "w:sz", {"w:val": half_points})
    sub(rpr, "w:szCs", {"w:val": half_points})
    return rpr


def _doc_defaults() -> etree._Element:
    rpr = _run_props(layout.BODY)
    sub(rpr, "w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"})
    return el("w:docDefaults", None,
              el("w:rPrDefault", None, rpr),
              el("w:pPrDefault", None, el("w:pPr", None, el("w:widowControl", {"w:val": "0"}))))


def _style(style_type: str, style_id: str, name: str, *, based_on: str | None = None,
           next_style: str | None = None, link: str | None = None, default: bool = False,
           custom: bool = False, quick: bool = True) -> etree._Element:
    attrs = {"w:type": style_type, "w:styleId": style_id}
    if default:
        attrs["w:default"] = "1"
    if custom:
        attrs["w:customStyle"] = "1"
    style = el("w:style", attrs)
    sub(style, "w:name", {"w:val": name})
    if based_on:
        sub(style, "w:basedOn", {"w:val": based_on})
    if next_style:
        sub(style, "w:next", {"w:val": next_style})
    if link:
        sub(style, "w:link", {"w:val": link})
    if quick:
        sub(style, "w:qFormat")
    return style


def _normal() -> etree._Element:
    """正文: 3号仿宋, exact 579-twip lines off the grid, first line indented 2 characters."""
    style = _style("paragraph", NORMAL, "Normal", default=True)
    ppr = sub(style, "w:pPr")
    sub(ppr, "w:widowControl", {"w:val": "0"})  # a fixed 22-line page: no widow shuffling
    # No extra space between Chinese and Latin letters or digits: 28 characters a
    # line and the date's place under the signature assume digits half a character.
    sub(ppr, "w:autoSpaceDE", {"w:val": "0"})
    sub(ppr, "w:autoSpaceDN", {"w:val": "0"})
    sub(ppr, "w:snapToGrid", {"w:val": "0"})
    sub(ppr, "w:spacing", {"w:before": "0", "w:after": "0",
                           "w:line": str(layout.LINE_PITCH), "w:lineRule": "exact"})
    sub(ppr, "w:ind", {"w:firstLineChars": "200", "w:firstLine": str(layout.FIRST_LINE_INDENT)})
    sub(ppr, "w:jc", {"w:val": "both"})
    style.append(_run_props(layout.BODY))
    return style


def _default_paragraph_font() -> etree._Element:
    style = _style("character", "DefaultParagraphFont", "Default Paragraph Font",
                   default=True, quick=False)
    sub(style, "w:uiPriority", {"w:val": "1"})
    sub(style, "w:semiHidden")
    sub(style, "w:unhideWhenUsed")
    return style


def _paragraph_style(style_id: str, name: str, role: Role, *, align: str, indent: bool) -> etree._Element:
    style = _style("paragraph", style_id, name, based_on=NORMAL, next_style=NORMAL)
    ppr = sub(style, "w:pPr")
    if not indent:
        sub(ppr, "w:ind", {"w:firstLineChars": "0", "w:firstLine": "0"})
    sub(ppr, "w:jc", {"w:val": align})
    style.append(_run_props(role, plain=True))
    return style


def _heading(level: int) -> etree._Element:
    """标题 N: body layout (indented 2 characters), the level's font, outline level N-1."""
    style = _style("paragraph", heading_style(level), f"heading {level}", based_on=NORMAL,
                   next_style=NORMAL, link=heading_char_style(level))
    ppr = sub(style, "w:pPr")
    if level <= 2:
        sub(ppr, "w:keepNext")
    sub(ppr, "w:outlineLvl", {"w:val": str(level - 1)})
    style.append(_run_props(layout.HEADINGS[level], plain=True))
    return style


def _heading_char(level: int) -> etree._Element:
    style = _style("character", heading_char_style(level), f"Heading {level} Char",
                   based_on="DefaultParagraphFont", link=heading_style(level), custom=True, quick=False)
    style.append(_run_props(layout.HEADINGS[level], plain=True))
    return style


def _footer() -> etree._Element:
    """页脚: 4号宋体 page numbers on an exact line (so Word and WPS place them alike), no indent."""
    style = _style("paragraph", FOOTER, "footer", based_on=NORMAL, quick=False)
    ppr = sub(style, "w:pPr")
    sub(ppr, "w:spacing", {"w:before": "0", "w:after": "0",
                           "w:line": str(layout.PAGE_NUMBER_LINE), "w:lineRule": "exact"})
    sub(ppr, "w:ind", {"w:firstLineChars": "0", "w:firstLine": "0"})
    style.append(_run_props(layout.PAGE_NUMBER, spacing=0, plain=True))
    return style


def _table_title() -> etree._Element:
    """表格标题: the title above a table, 黑体 centred on a body line, kept with its table."""
    style = _style("paragraph", TABLE_TITLE, "表格标题", based_on=NORMAL, next_style=NORMAL, custom=True)
    ppr = sub(style, "w:pPr")
    sub(ppr, "w:keepNext")
    sub(ppr, "w:ind", {"w:firstLineChars": "0", "w:firstLine": "0"})
    sub(ppr, "w:jc", {"w:val": "center"})
    style.append(_run_props(layout.TABLE_TITLE, plain=True))
    return style


def _table_text() -> etree._Element:
    """表格文字: cell text, 4号仿宋 on single lines, centred, no first-line indent."""
    style = _style("paragraph", TABLE_TEXT, "表格文字", based_on=NORMAL, custom=True)
    ppr = sub(style, "w:pPr")
    sub(ppr, "w:spacing", {"w:before": "0", "w:after": "0", "w:line": str(layout.TABLE_LINE), "w:lineRule": "exact"})
    sub(ppr, "w:ind", {"w:firstLineChars": "0", "w:firstLine": "0"})
    sub(ppr, "w:jc", {"w:val": "center"})
    style.append(_run_props(layout.TABLE_TEXT, spacing=0, plain=True))
    return style
