"""The page preview of the web workbench: a Document as GB/T 9704 pages in HTML.

Not an output format (it is not in WRITERS): the lines are broken here, on the
page grid the .docx uses (22 lines of 28 characters, the title 20 characters of
2号), so every page of the preview holds what a page of the .docx holds, give or
take a character where Word breaks around punctuation differently. Numbering,
run-on headings and highlighting come from the blocks every writer shares; all
text is HTML-escaped.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from drafter.characters import page_width
from drafter.model import Document, Table
from drafter.placeholders import find_placeholders
from drafter.writers import blocks as kinds
from drafter.writers import layout
from drafter.writers.blocks import Block, document_blocks, highlighted_spans
from drafter.writers.title_lines import LINE_WIDTH as TITLE_WIDTH
from drafter.writers.title_lines import title_break

INDENT = 2  # characters: first lines of body text and headings
SIGNATURE_INDENT = 2
# Kinsoku (避头尾): these never start a line, so they hang at the end of the one
# before, as Word and WPS let them; these never end one, so they move down.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# A number or a Latin word is never broken: 2025年, 12.5%, Word.
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.%/_+-]*[A-Za-z0-9%])?|.", re.S)

# A table's cells: 4号 (14 pt) on 20 pt lines, 5.4 pt in from each side (layout.TABLE_*).
CELL_CHAR_TWIPS = round(layout.TABLE_TEXT.size_pt * 20)
CELL_MARGIN_TWIPS = 108

EN_SPACE = "\u2002"      # half a character
IDEOGRAPHIC_SPACE = "\u3000"


@dataclass
class Piece:
    text: str
    classes: tuple[str, ...] = ()  # "mark" (highlighted), "lead" (run-on heading)


@dataclass
class PreviewLine:
    kind: str                         # title, body, h1-h4, table-title, table, signature, date, blank
    pieces: list[Piece] = field(default_factory=list)
    first: bool = False               # first line of a paragraph (indented)
    full: bool = False                # a full line of running text (justified)
    pad: float = 0.0                  # characters of space before the text (signature, date)
    table: Table | None = None        # kind "table": the table, taking `span` lines of the grid
    span: int = 1

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass
class PreviewPage:
    number: int
    lines: list[PreviewLine]


# -- breaking a paragraph into lines --------------------------------------------------

def break_lines(text: str, first_width: float, width: float, forced: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` on a grid `width` characters wide (the
    first line `first_width`). `forced`: an index where a line must begin (a title's
    break)."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    token_at = {token_start: number for number, (token_start, _end) in enumerate(tokens)}
    spans: list[tuple[int, int]] = []
    start, used, limit = 0, 0.0, first_width
    index = 0
    while index < len(tokens):
        token_start, token_end = tokens[index]
        token_width = page_width(text[token_start:token_end])
        breaks_here = token_start > start and (
            token_start == forced
            # 避头: a mark that may not start a line hangs at the end of this one
            or (used + token_width > limit + 1e-9 and text[token_start] not in NO_LINE_START))
        if not breaks_here:
            used += token_width
            index += 1
            continue
        end = token_start
        # 避尾: an opening mark at the end of the line goes down with what it opens
        while end - 1 > start and text[end - 1] in NO_LINE_END and end - 1 in token_at:
            end -= 1
        spans.append((start, end))
        start, used, limit = end, 0.0, width
        index = token_at[end]
    spans.append((start, len(text)))
    return spans


def _pieces(block: Block, start: int, end: int, lead: int) -> list[Piece]:
    """The line [start, end) of the block cut where highlighting or the run-on heading ends."""
    marked = highlighted_spans(block)
    cuts = {start, end}
    for a, b in marked:
        cuts.update(x for x in (a, b) if start < x < end)
    if start < lead < end:
        cuts.add(lead)
    points = sorted(cuts)
    pieces = []
    for a, b in zip(points, points[1:]):
        classes = []
        if any(m <= a and b <= n for m, n in marked):
            classes.append("mark")
        if a < lead:
            classes.append("lead")
        pieces.append(Piece(block.text[a:b], tuple(classes)))
    return pieces


def _block_kind(block: Block) -> str:
    if block.kind == kinds.HEADING:
        return f"h{min(max(block.level, 1), 4)}"
    if block.kind in (kinds.TITLE, kinds.SIGNATURE, kinds.DATE):
        return block.kind
    return "body"


def block_lines(block: Block) -> list[PreviewLine]:
    kind = _block_kind(block)
    if block.kind == kinds.TITLE:
        spans = break_lines(block.text, TITLE_WIDTH, TITLE_WIDTH, forced=title_break(block.text))
        return [PreviewLine(kind, _pieces(block, a, b, 0), first=n == 0) for n, (a, b) in enumerate(spans)]
    indent = INDENT
    width = layout.CHARS_PER_LINE
    lead = block.lead_len if block.kind == kinds.RUNON else 0
    spans = break_lines(block.text, width - indent, width)
    lines = []
    for number, (a, b) in enumerate(spans):
        last = number == len(spans) - 1
        lines.append(PreviewLine(kind, _pieces(block, a, b, lead), first=number == 0, full=not last))
    return lines


def table_rows(table: Table) -> list[list[str]]:
    """The rows as the .docx sets them: empty rows dropped, short rows padded."""
    rows = [list(row) for row in table.rows if any(cell.strip() for cell in row)] or [[""]]
    columns = max(len(row) for row in rows)
    return [row + [""] * (columns - len(row)) for row in rows]


def table_span(table: Table) -> int:
    """Lines of the page grid a table takes: each row as tall as its longest cell
    wrapped in its column (the column widths the .docx gets), on 20 pt lines."""
    from drafter.writers.docx_table import column_widths

    rows = table_rows(table)
    widths = column_widths(rows)
    height = 0.0
    for row in rows:
        lines = max(max(1, -(-round(page_width(cell.strip()) * CELL_CHAR_TWIPS) //
                             max(CELL_CHAR_TWIPS, width - 2 * CELL_MARGIN_TWIPS)))
                    for cell, width in zip(row, widths))
        height += lines * layout.TABLE_LINE
    return max(1, -(-round(height) // layout.LINE_PITCH))


def table_lines(block: Block) -> list[PreviewLine]:
    table = block.table
    lines = []
    if table.title.strip():
        lines.append(PreviewLine("table-title", _pieces(block, 0, len(block.text), 0), first=True))
    lines.append(PreviewLine("table", table=table, span=table_span(table), first=True))
    return lines


# -- pages ----------------------------------------------------------------------------

def preview_lines(doc: Document) -> list[PreviewLine]:
    """Every line of the document in reading order, blank lines included."""
    blocks = document_blocks(doc)
    signature = [b.text for b in blocks if b.kind == kinds.SIGNATURE]
    date = next((b.text for b in blocks if b.kind == kinds.DATE), "")
    indents = layout.signature_indents(signature, date, width=page_width, two_chars=SIGNATURE_INDENT)
    signature_right = iter(indents.signature)
    lines: list[PreviewLine] = []
    for index, block in enumerate(blocks):
        if block.kind in (kinds.SIGNATURE, kinds.DATE):
            if index > 0 and blocks[index - 1].kind not in (kinds.SIGNATURE, kinds.DATE):
                lines.append(PreviewLine("blank"))  # 署名 one blank line below the body
            right = next(signature_right) if block.kind == kinds.SIGNATURE else indents.date
            pad = max(0.0, layout.CHARS_PER_LINE - right - page_width(block.text))
            lines.append(PreviewLine(block.kind, _pieces(block, 0, len(block.text), 0), first=True, pad=pad))
            continue
        lines.extend(table_lines(block) if block.kind == kinds.TABLE else block_lines(block))
        if block.kind == kinds.TITLE and index + 1 < len(blocks):
            lines.append(PreviewLine("blank"))  # one blank line under the title
    return lines


def preview_pages(doc: Document) -> list[PreviewPage]:
    """The lines cut into pages of 22, a level-1 or level-2 heading kept with the
    line after it (keepNext in the .docx styles)."""
    lines = preview_lines(doc)
    per_page = layout.LINES_PER_PAGE
    pages: list[list[PreviewLine]] = [[]]

    def used(page: list[PreviewLine]) -> int:
        return sum(line.span for line in page)

    index = 0
    while index < len(lines):
        line = lines[index]
        # the whole heading (all its lines) and the first line after it on one page;
        # a table's title with its table
        group = 1
        if line.kind in ("h1", "h2") and line.first:
            while index + group < len(lines) and lines[index + group].kind == line.kind \
                    and not lines[index + group].first:
                group += 1
        if (line.kind in ("h1", "h2") and line.first or line.kind == "table-title") and index + group < len(lines):
            group += 1
        room = sum(later.span for later in lines[index:index + group])
        if used(pages[-1]) + room > per_page and pages[-1] and room <= per_page:
            pages.append([])
        if used(pages[-1]) + line.span > per_page and pages[-1]:
            pages.append([])
        if not pages[-1] and line.kind == "blank":  # no blank line at the top of a page
            index += 1
            continue
        pages[-1].append(line)
        index += 1
    return [PreviewPage(number, page) for number, page in enumerate(pages, start=1)]


# -- HTML -----------------------------------------------------------------------------

def _cell_html(text: str) -> str:
    """A cell's text, escaped, its placeholders marked as the .docx highlights them."""
    out, start = [], 0
    for found in find_placeholders(text):
        out.append(html.escape(text[start:found.start], quote=False))
        out.append(f'<span class="mark">{html.escape(found.text, quote=False)}</span>')
        start = found.end
    out.append(html.escape(text[start:], quote=False))
    return "".join(out)


def _table_html(line: PreviewLine) -> str:
    from drafter.writers.docx_table import column_widths

    rows = table_rows(line.table)
    widths = column_widths(rows)
    columns = "".join(f'<col width="{100 * width / layout.TEXT_WIDTH:.2f}%">' for width in widths)
    body = []
    for number, row in enumerate(rows):
        cell = "th" if number == 0 and len(rows) > 1 else "td"
        body.append("<tr>" + "".join(f"<{cell}>{_cell_html(text.strip())}</{cell}>" for text in row) + "</tr>")
    return (f'<div class="ln-table" data-lines="{line.span}"><table class="tbl"><colgroup>{columns}</colgroup>'
            f'{"".join(body)}</table></div>')


def _line_html(line: PreviewLine) -> str:
    if line.kind == "table":
        return _table_html(line)
    classes = ["ln", line.kind]
    if line.first and line.kind not in ("title", "table-title", "signature", "date", "blank"):
        classes.append("first")
    if line.full:
        classes.append("full")
    pad = ""
    if line.pad:
        whole = int(line.pad)
        pad = IDEOGRAPHIC_SPACE * whole + (EN_SPACE if line.pad - whole >= 0.5 else "")
    parts = [pad]
    for piece in line.pieces:
        text = html.escape(piece.text, quote=False)
        if piece.classes:
            parts.append(f'<span class="{" ".join(piece.classes)}">{text}</span>')
        else:
            parts.append(text)
    return f'<div class="{" ".join(classes)}">{"".join(parts)}</div>'


def page_html(page: PreviewPage) -> str:
    """One page as an HTML element (styled by the workbench's preview.css)."""
    side = "odd" if page.number % 2 else "even"
    lines = "".join(_line_html(line) for line in page.lines)
    return (f'<section class="page" data-page="{page.number}"><div class="text">{lines}</div>'
            f'<div class="folio {side}">— {page.number} —</div></section>')


def preview_html(doc: Document) -> str:
    """The pages as one HTML fragment."""
    return '<div class="pages">' + "".join(page_html(page) for page in preview_pages(doc)) + "</div>"
