"""A table in the .docx, as official documents set one: its title centred above it,
full borders, the full width of the text block, cells in 仿宋, the first row bold
and repeated on each page. Column widths are fixed and written three times (grid,
table and each cell), which WPS needs as much as Word."""
from __future__ import annotations

from lxml import etree

from drafter.characters import page_width
from drafter.model import Table
from drafter.placeholders import find_placeholders
from drafter.writers import layout, styles
from drafter.writers.ooxml import el, sub, text_element

BORDER = {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"}  # ½ pt lines
MIN_COLUMN_CHARS = 2
CELL_MARGINS = 2 * 108  # Word's default left and right cell margins
MIN_COLUMN_TWIPS = MIN_COLUMN_CHARS * round(layout.TABLE_TEXT.size_pt * 20) + CELL_MARGINS
HIGHLIGHT = "yellow"


def table_elements(table: Table) -> list[etree._Element]:
    """The title paragraph (when there is a title) and the w:tbl element."""
    parts = []
    if table.title.strip():
        paragraph = el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": styles.TABLE_TITLE})))
        paragraph.append(_run(table.title.strip(), bold=False, highlighted=False))
        parts.append(paragraph)
    rows = [list(row) for row in table.rows if any(cell.strip() for cell in row)] or [[""]]
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    widths = column_widths(rows)
    tbl = el("w:tbl")
    props = sub(tbl, "w:tblPr")
    sub(props, "w:tblW", {"w:w": str(layout.TEXT_WIDTH), "w:type": "dxa"})
    sub(props, "w:jc", {"w:val": "center"})
    borders = sub(props, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, f"w:{side}", BORDER)
    sub(props, "w:tblLayout", {"w:type": "fixed"})
    sub(props, "w:tblLook", {"w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "0",
                             "w:lastColumn": "0", "w:noHBand": "0", "w:noVBand": "1"})
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", {"w:w": str(width)})
    for number, row in enumerate(rows):
        tr = sub(tbl, "w:tr")
        tr_props = sub(tr, "w:trPr")
        sub(tr_props, "w:cantSplit")
        if number == 0 and len(rows) > 1:
            sub(tr_props, "w:tblHeader")  # the heading row is repeated on each page
        for cell, width in zip(row, widths):
            tc = sub(tr, "w:tc")
            tc_props = sub(tc, "w:tcPr")
            sub(tc_props, "w:tcW", {"w:w": str(width), "w:type": "dxa"})
            sub(tc_props, "w:vAlign", {"w:val": "center"})
            paragraph = sub(tc, "w:p")
            sub(sub(paragraph, "w:pPr"), "w:pStyle", {"w:val": styles.TABLE_TEXT})
            for start, end, highlighted in _spans(cell):
                paragraph.append(_run(cell[start:end], bold=number == 0 and len(rows) > 1, highlighted=highlighted))
    parts.append(tbl)
    return parts


def column_widths(rows: list[list[str]]) -> list[int]:
    """Widths in twips summing to the text block: each column after its widest cell,
    none narrower than two characters of cell text (when the page has room for that)."""
    columns = len(rows[0])
    wanted = [max(MIN_COLUMN_CHARS, max(page_width(row[index].strip()) for row in rows)) for index in range(columns)]
    floor = min(MIN_COLUMN_TWIPS, layout.TEXT_WIDTH // columns)
    narrow: set[int] = set()
    while True:  # columns held at the floor leave the rest of the width to the others
        free = layout.TEXT_WIDTH - floor * len(narrow)
        total = sum(w for index, w in enumerate(wanted) if index not in narrow)
        widths = [floor if index in narrow else int(free * w / total) for index, w in enumerate(wanted)]
        newly = {index for index, width in enumerate(widths) if width < floor and index not in narrow}
        if not newly:
            break
        narrow |= newly
    widths[-1] += layout.TEXT_WIDTH - sum(widths)  # exact total, whatever the rounding
    return widths


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """The cell's text cut around its placeholders (X, XX …), which are highlighted."""
    if not text:
        return []
    marked = [(p.start, p.end) for p in find_placeholders(text)]
    cuts = sorted({0, len(text), *(point for span in marked for point in span)})
    return [(a, b, any(s <= a and b <= e for s, e in marked)) for a, b in zip(cuts, cuts[1:])]


def _run(text: str, *, bold: bool, highlighted: bool) -> etree._Element:
    rpr = el("w:rPr")
    sub(rpr, "w:rFonts", {"w:hint": "eastAsia"})
    if bold:
        sub(rpr, "w:b")
        sub(rpr, "w:bCs")
    if highlighted:
        sub(rpr, "w:highlight", {"w:val": HIGHLIGHT})
    return el("w:r", None, rpr, text_element(text))
