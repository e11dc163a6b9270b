"""Write a Document as a .docx laid out to GB/T 9704-2012.

The package is built part by part (no sample template, so no stray theme
fonts, US-Letter page or sample metadata) and zipped reproducibly: the same
Document always gives the same bytes.
"""
from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from drafter.model import Document, Table
from drafter.writers import blocks as kinds
from drafter.writers import layout, styles
from drafter.writers.blocks import Block, document_blocks, highlighted_spans
from drafter.writers.docx_table import table_elements
from drafter.writers.docx_package import (
    CT_CORE, CT_DOCUMENT, CT_EXTENDED, CT_FONT_TABLE, CT_FOOTER, CT_SETTINGS, CT_STYLES,
    REL_CORE_PROPERTIES, REL_EXTENDED_PROPERTIES, REL_FONT_TABLE, REL_FOOTER, REL_OFFICE_DOCUMENT,
    REL_SETTINGS, REL_STYLES, Package,
)
from drafter.writers.ooxml import (
    el, invalid_xml_chars, strip_invalid_xml_chars, sub, text_element,
)
from drafter.writers.title_lines import title_break

HIGHLIGHT = "yellow"
# Used for the package timestamps when the document has no readable date.
FALLBACK_TIMESTAMP = datetime(2000, 1, 1)

_PARAGRAPH_STYLE = {
    kinds.TITLE: styles.TITLE,
    kinds.BODY: styles.NORMAL,
    kinds.ITEM: styles.NORMAL,
    kinds.RUNON: styles.NORMAL,
    kinds.SIGNATURE: styles.SIGNATURE,
    kinds.DATE: styles.DATE,
}


def docx_bytes(doc: Document, warnings: list[str] | None = None) -> bytes:
    """The .docx file for `doc`. Text XML cannot hold (control characters) is
    dropped, and a message in Chinese saying so is appended to `warnings`."""
    found: list[str] = [] if warnings is None else warnings
    blocks = [safe for block in document_blocks(doc)
              if (safe := _xml_safe(block, found)).text.strip() or block.kind == kinds.TABLE]
    title = _safe_text((doc.title or "").strip(), found, report=False)
    timestamp = document_timestamp(doc.date)

    package = Package()
    package.package_rels = [
        ("rId1", REL_OFFICE_DOCUMENT, "word/document.xml"),
        ("rId2", REL_CORE_PROPERTIES, "docProps/core.xml"),
        ("rId3", REL_EXTENDED_PROPERTIES, "docProps/app.xml"),
    ]
    package.document_rels = [
        ("rId1", REL_STYLES, "styles.xml"),
        ("rId2", REL_SETTINGS, "settings.xml"),
        ("rId3", REL_FONT_TABLE, "fontTable.xml"),
        ("rId4", REL_FOOTER, "footer1.xml"),
        ("rId5", REL_FOOTER, "footer2.xml"),
    ]
    package.add("word/document.xml", CT_DOCUMENT, _document(blocks, odd_footer="rId4", even_footer="rId5"))
    package.add("word/styles.xml", CT_STYLES, styles.styles_xml())
    package.add("word/settings.xml", CT_SETTINGS, _settings())
    package.add("word/fontTable.xml", CT_FONT_TABLE, _font_table())
    package.add("word/footer1.xml", CT_FOOTER, _footer(odd=True))
    package.add("word/footer2.xml", CT_FOOTER, _footer(odd=False))
    package.add("docProps/core.xml", CT_CORE, _core_properties(title, timestamp))
    package.add("docProps/app.xml", CT_EXTENDED, _app_properties())
    return package.to_bytes(timestamp)


def document_timestamp(date: str) -> datetime:
    """2025年12月20日 → 2025-12-20 00:00; anything else → a fixed constant."""
    found = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", date or "")
    if found:
        try:
            return datetime(*(int(part) for part in found.groups()))
        except ValueError:
            pass
    return FALLBACK_TIMESTAMP


# -- text safety -------------------------------------------------------------

def _safe_text(text: str, warnings: list[str], report: bool = True) -> str:
    bad = invalid_xml_chars(text)
    if not bad:
        return text
    clean = strip_invalid_xml_chars(text)
    if report:
        codes = "、".join(sorted({f"U+{ord(ch):04X}" for ch in bad}))
        preview = clean[:20] + ("…" if len(clean) > 20 else "")
        warnings.append(f"“{preview}”中有 {len(bad)} 个 .docx 无法保存的字符（{codes}），已删除")
    return clean


def _xml_safe(block: Block, warnings: list[str]) -> Block:
    if block.kind == kinds.TABLE:
        rows = [[_safe_text(cell.replace("\t", " "), warnings) for cell in row] for row in block.table.rows]
        table = Table(rows, _safe_text(block.table.title, warnings), block.table.after, block.table.items)
        return Block(kinds.TABLE, table.title, table=table)
    text = block.text.replace("\t", " ")
    if not invalid_xml_chars(text):
        return Block(block.kind, text, block.level, block.marker_len, block.lead_len, block.body_start)
    # Recompute the marker, lead and heading lengths on the cleaned text.
    marker = strip_invalid_xml_chars(text[:block.marker_len])
    lead = strip_invalid_xml_chars(text[:block.lead_len])
    head = strip_invalid_xml_chars(text[:block.body_start])
    clean = _safe_text(text, warnings)
    return Block(block.kind, clean, block.level, len(marker), len(lead), len(head))


# -- document.xml ------------------------------------------------------------

def _document(blocks: list[Block], odd_footer: str, even_footer: str) -> etree._Element:
    body = el("w:body")
    indents = layout.signature_indents(
        [b.text for b in blocks if b.kind == kinds.SIGNATURE],
        next((b.text for b in blocks if b.kind == kinds.DATE), ""),
    )
    signature_lines = iter(indents.signature)
    for index, block in enumerate(blocks):
        closing_block = block.kind in (kinds.SIGNATURE, kinds.DATE)
        if closing_block and index > 0 and blocks[index - 1].kind not in (kinds.SIGNATURE, kinds.DATE):
            body.append(_empty_paragraph())  # 署名 one blank line below the body
        right = None
        if block.kind == kinds.SIGNATURE:
            right = next(signature_lines)
        elif block.kind == kinds.DATE:
            right = indents.date
        if block.kind == kinds.TABLE:
            body.extend(table_elements(block.table))
            continue
        body.append(_paragraph(block, right_indent=right))
        if block.kind == kinds.TITLE and index + 1 < len(blocks):
            body.append(_empty_paragraph())  # one blank line under the title
    body.append(_section_properties(odd_footer, even_footer))
    return el("w:document", None, body)


def _empty_paragraph() -> etree._Element:
    return el("w:p")


def _paragraph_style(block: Block) -> str:
    if block.kind == kinds.HEADING:
        return styles.heading_style(block.level)
    return _PARAGRAPH_STYLE[block.kind]


def _paragraph(block: Block, right_indent: float | None = None) -> etree._Element:
    ppr = el("w:pPr", None, el("w:pStyle", {"w:val": _paragraph_style(block)}))
    if right_indent is not None:
        sub(ppr, "w:ind", {"w:right": str(round(right_indent)), "w:firstLineChars": "0", "w:firstLine": "0"})
    paragraph = el("w:p", None, ppr)
    line_break = title_break(block.text) if block.kind == kinds.TITLE else None
    for start, end, char_style, highlighted in _run_spans(block, line_break):
        paragraph.append(_run(block.text[start:end], char_style, highlighted, new_line=start == line_break))
    return paragraph


def _run_spans(block: Block, line_break: int | None = None) -> list[tuple[int, int, str | None, bool]]:
    """Cut the paragraph where the run-on heading ends, around each placeholder
    and where a long title breaks."""
    text = block.text
    marked = highlighted_spans(block)
    cuts = {0, len(text)}
    if line_break:
        cuts.add(line_break)
    if 0 < block.lead_len < len(text):
        cuts.add(block.lead_len)
    for start, end in marked:
        cuts.update((start, end))
    points = sorted(cuts)
    heading_style = styles.heading_char_style(block.level) if block.kind == kinds.RUNON else None
    spans = []
    for start, end in zip(points, points[1:]):
        char_style = heading_style if start < block.lead_len else None
        highlighted = any(a <= start and end <= b for a, b in marked)
        spans.append((start, end, char_style, highlighted))
    return spans


def _run(text: str, char_style: str | None, highlighted: bool, new_line: bool = False) -> etree._Element:
    rpr = el("w:rPr")
    if char_style:
        sub(rpr, "w:rStyle", {"w:val": char_style})
    # Quotes, dashes and ellipses are in the hAnsi range: print them in the Chinese font.
    sub(rpr, "w:rFonts", {"w:hint": "eastAsia"})
    if highlighted:
        sub(rpr, "w:highlight", {"w:val": HIGHLIGHT})
    if new_line:
        return el("w:r", None, rpr, el("w:br"), text_element(text))
    return el("w:r", None, rpr, text_element(text))


def _section_properties(odd_footer: str, even_footer: str) -> etree._Element:
    sect = el("w:sectPr")
    sub(sect, "w:footerReference", {"w:type": "default", "r:id": odd_footer})
    sub(sect, "w:footerReference", {"w:type": "even", "r:id": even_footer})
    sub(sect, "w:pgSz", {"w:w": str(layout.PAGE_WIDTH), "w:h": str(layout.PAGE_HEIGHT)})
    sub(sect, "w:pgMar", {
        "w:top": str(layout.MARGIN_TOP), "w:right": str(layout.MARGIN_RIGHT),
        "w:bottom": str(layout.MARGIN_BOTTOM), "w:left": str(layout.MARGIN_LEFT),
        "w:header": "851", "w:footer": str(layout.FOOTER_DISTANCE), "w:gutter": "0",
    })
    sub(sect, "w:cols", {"w:space": "425"})
    sub(sect, "w:docGrid", {"w:type": "lines", "w:linePitch": str(layout.LINE_PITCH)})
    return sect


# -- footers: — 1 — ----------------------------------------------------------

def _footer(odd: bool) -> etree._Element:
    """Odd pages: right, one character in; even pages: left, one character in."""
    ppr = el("w:pPr", None, el("w:pStyle", {"w:val": styles.FOOTER}))
    side = "right" if odd else "left"
    sub(ppr, "w:ind", {f"w:{side}": str(layout.PAGE_NUMBER_INDENT), "w:firstLineChars": "0", "w:firstLine": "0"})
    sub(ppr, "w:jc", {"w:val": side})
    paragraph = el("w:p", None, ppr)
    paragraph.append(_plain_run(text_element("— ")))
    paragraph.append(_plain_run(el("w:fldChar", {"w:fldCharType": "begin"})))
    instruction = el("w:instrText")
    instruction.text = " PAGE "
    instruction.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    paragraph.append(_plain_run(instruction))
    paragraph.append(_plain_run(el("w:fldChar", {"w:fldCharType": "separate"})))
    paragraph.append(_plain_run(text_element("1")))
    paragraph.append(_plain_run(el("w:fldChar", {"w:fldCharType": "end"})))
    paragraph.append(_plain_run(text_element(" —")))
    return el("w:ftr", None, paragraph)


def _plain_run(content: etree._Element) -> etree._Element:
    return el("w:r", None, el("w:rPr", None, el("w:rFonts", {"w:hint": "eastAsia"})), content)


# -- settings, fonts, properties -------------------------------------------

def _settings() -> etree._Element:
    root = el("w:settings")
    sub(root, "w:zoom", {"w:percent": "100"})
    sub(root, "w:defaultTabStop", {"w:val": "420"})
    sub(root, "w:evenAndOddHeaders")
    sub(root, "w:characterSpacingControl", {"w:val": "doNotCompress"})
    compat = sub(root, "w:compat")
    sub(compat, "w:compatSetting", {"w:name": "compatibilityMode",
                                    "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"})
    sub(root, "w:themeFontLang", {"w:val": "en-US", "w:eastAsia": "zh-CN"})
    sub(root, "w:decimalSymbol", {"w:val": "."})
    sub(root, "w:listSeparator", {"w:val": ","})
    return root


def _font_table() -> etree._Element:
    root = el("w:fonts")
    for name, alternative in layout.FONT_FALLBACKS.items():
        font = sub(root, "w:font", {"w:name": name})
        sub(font, "w:altName", {"w:val": alternative})
        sub(font, "w:charset", {"w:val": "86"})  # GB2312
        sub(font, "w:family", {"w:val": "modern"})
        sub(font, "w:pitch", {"w:val": "fixed"})
    return root


_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _core_properties(title: str, timestamp: datetime) -> etree._Element:
    root = etree.Element(f"{{{_CP}}}coreProperties",
                         nsmap={"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI})
    etree.SubElement(root, f"{{{_DC}}}title").text = title
    etree.SubElement(root, f"{{{_DC}}}creator").text = ""
    etree.SubElement(root, f"{{{_CP}}}lastModifiedBy").text = ""
    etree.SubElement(root, f"{{{_CP}}}revision").text = "1"
    stamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    for name in ("created", "modified"):
        node = etree.SubElement(root, f"{{{_DCTERMS}}}{name}")
        node.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
        node.text = stamp
    return root


_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _app_properties() -> etree._Element:
    root = etree.Element(f"{{{_EP}}}Properties", nsmap={None: _EP})
    etree.SubElement(root, f"{{{_EP}}}Application").text = "drafter"
    etree.SubElement(root, f"{{{_EP}}}DocSecurity").text = "0"
    return root
