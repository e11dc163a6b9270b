"""Read a .docx into lines: body paragraphs and table cells in body order.

Walks the XML of the body rather than python-docx's paragraph list so that
tables, content controls and automatic numbers come out where Word shows them.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib

from drafter.errors import DrafterError
from drafter.model import Line, Notice
from drafter.reading.text_lines import strip_edges

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_MAX_LEVEL = 4  # GB/T 9704 numbers four levels: 一、 （一） 1. （1）


# A .docx unpacks in memory: bounds on what its zip says it holds keep a zip bomb out
# (zipfile never inflates a member past its declared size). A document.xml of 32 MB is
# thousands of pages; pictures are what make a real .docx large.
MAX_XML_PART = 32 * 1024 * 1024
MAX_UNPACKED = 256 * 1024 * 1024
_UNPARSED_FOLDERS = ("word/media/", "word/embeddings/")


def _check_unpacked_size(data: bytes) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return  # python-docx says what is wrong with it
    total = 0
    for member in members:
        total += member.file_size
        # any part but a picture or an embedded file may be XML that is parsed, whatever its name
        parsed = not member.filename.startswith(_UNPARSED_FOLDERS)
        if (parsed and member.file_size > MAX_XML_PART) or total > MAX_UNPACKED:
            limit = MAX_XML_PART if parsed and member.file_size > MAX_XML_PART else MAX_UNPACKED
            raise DrafterError(f"无法读取 .docx：解压后超过 {limit // (1024 * 1024)} MB"
                               f"（“{member.filename}”），不像是正常的 Word 文档，可能是恶意构造的文件")


def _open(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    _check_unpacked_size(data)
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:
        # python-docx: "file '…' is not a Word file, content type is …" (.xlsx, .pptx)
        if "not a Word file" in str(error):
            raise DrafterError("这是一个压缩包或其他 Office 文件，不是 Word 文档（.docx）") from None
        raise DrafterError("无法读取 .docx：文件已损坏") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, PackageNotFoundError,
            LxmlError, zlib.error, EOFError, OSError, NotImplementedError, TypeError,
            AttributeError, IndexError, UnicodeError):
        # A damaged archive or XML surfaces as any of these inside python-docx.
        raise DrafterError("无法读取 .docx：文件已损坏或不完整，请在 Word/WPS 中打开后另存为 .docx") from None


class _Styles:
    """Heading level and list numbering of each paragraph style (by style id)."""

    def __init__(self, styles_element) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._styles: dict[str, object] = {}
        if styles_element is not None:
            for style in styles_element.findall(qn("w:style")):
                style_id = style.get(qn("w:styleId"))
                if style_id:
                    self._styles[style_id] = style
        self._levels: dict[str, int | None] = {}

    def _chain(self, style_id: str):
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            based = style.find(self._qn("w:basedOn"))
            style_id = based.get(self._qn("w:val")) if based is not None else None

    def level(self, style_id: str | None) -> int | None:
        """Outline level (1-based) of a style: its own or inherited outlineLvl,
        else a built-in heading name (Heading N / 标题 N)."""
        if not style_id:
            return None
        if style_id not in self._levels:
            self._levels[style_id] = self._find_level(style_id)
        return self._levels[style_id]

    def is_title(self, style_id: str | None) -> bool:
        """The built-in Title style (标题), or one based on it."""
        qn = self._qn
        for style in self._chain(style_id or ""):
            name = style.find(qn("w:name"))
            if style.get(qn("w:styleId")) == "Title" or (
                    name is not None and name.get(qn("w:val"), "").lower() in ("title", "标题")):
                return True
        return False

    def _find_level(self, style_id: str) -> int | None:
        qn = self._qn
        for style in self._chain(style_id):
            outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if outline is not None:
                return _outline_to_level(outline.get(qn("w:val")))
            name = style.find(qn("w:name"))
            match = _HEADING_NAME.match(name.get(qn("w:val"), "").strip()) if name is not None else None
            if match:
                level = int(match.group(1))
                return level if 1 <= level <= _MAX_LEVEL else None
        return None

    def numbering(self) -> dict[str, tuple[str, int]]:
        """Style id → (numId, ilvl) for styles that carry list numbering."""
        qn = self._qn
        result: dict[str, tuple[str, int]] = {}
        for style_id in self._styles:
            for style in self._chain(style_id):
                num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
                if num_pr is None:
                    continue
                num_id = num_pr.find(qn("w:numId"))
                ilvl = num_pr.find(qn("w:ilvl"))
                if num_id is not None:
                    try:
                        level = int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
                    except (TypeError, ValueError):
                        level = 0
                    result[style_id] = (num_id.get(qn("w:val")), level)
                break
        return result


def _outline_to_level(value: str | None) -> int | None:
    """w:outlineLvl 0 is level 1; 9 means body text."""
    try:
        level = int(value) + 1
    except (TypeError, ValueError):
        return None
    return level if 1 <= level <= _MAX_LEVEL else None


class _Walker:
    def __init__(self, styles: _Styles, numbering) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.styles = styles
        self.numbering = numbering
        self.paragraph_number = 0
        self.table_depth = 0
        self.lines: list[Line] = []
        self._skip = {qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom"),
                      qn("w:txbxContent"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
                      qn("w:instrText"), qn("w:delText"), qn("w:footnoteReference"), qn("w:endnoteReference")}
        self._containers = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"),
                            qn("w:moveTo"), qn("w:smartTag")}

    def blocks(self, container) -> None:
        """Paragraphs and tables of a body, cell or content control, in order."""
        qn = self.qn
        for child in container:
            tag = child.tag
            if tag == qn("w:p"):
                self.paragraph(child)
            elif tag == qn("w:tbl"):
                self.table(child)
            elif tag in self._containers:
                self.blocks(child)

    def table(self, tbl) -> None:
        """A table of data comes out as one line with its rows of cells (a cell merged
        across columns keeps them, empty); a table used to lay out a page (one column, or
        cells holding whole paragraphs) as the paragraphs it holds."""
        qn = self.qn
        rows = []
        for row in self._children(tbl, qn("w:tr")):
            cells = []
            for cell in self._children(row, qn("w:tc")):
                if self._merged_continuation(cell):
                    cells.append("")
                    continue
                pieces = [strip_edges("".join(text for text, _node in self.pieces(p)).replace("\n", " "))
                          for p in cell.iter(qn("w:p"))]
                cells.append(" ".join(piece for piece in pieces if piece))
                cells.extend([""] * (self._grid_span(cell) - 1))  # merged across: its columns stay
            rows.append(cells)
        if _is_data_table(rows):
            self.paragraph_number += 1
            text = "　".join(cell for row in rows for cell in row if cell)
            self.lines.append(Line(text=text, lineno=self.paragraph_number, cells=rows))
            return
        self.table_depth += 1
        for row in self._children(tbl, qn("w:tr")):
            for cell in self._children(row, qn("w:tc")):
                if not self._merged_continuation(cell):
                    self.blocks(cell)
        self.table_depth -= 1

    def _children(self, element, tag: str):
        """Direct children with `tag`, also through content controls wrapping them."""
        for child in element:
            if child.tag == tag:
                yield child
            elif child.tag in self._containers:
                yield from self._children(child, tag)

    def _grid_span(self, cell) -> int:
        """How many grid columns a cell covers (w:gridSpan), at most MAX_GRID_SPAN."""
        span = cell.find(f"{self.qn('w:tcPr')}/{self.qn('w:gridSpan')}")
        try:
            value = int(span.get(self.qn("w:val"))) if span is not None else 1
        except (TypeError, ValueError):
            return 1
        return min(max(value, 1), MAX_GRID_SPAN)

    def _merged_continuation(self, cell) -> bool:
        """A cell covered by the one above (vMerge) or to its left (legacy hMerge):
        Word shows the first cell's content once."""
        qn = self.qn
        props = cell.find(qn("w:tcPr"))
        if props is None:
            return False
        for tag in ("w:vMerge", "w:hMerge"):
            merge = props.find(qn(tag))
            if merge is not None and merge.get(qn("w:val"), "continue") != "restart":
                return True
        return False

    def paragraph(self, p) -> None:
        self.paragraph_number += 1
        text = "".join(piece for piece, _node in self.pieces(p))
        level = self._level(p)
        marker = self.numbering.marker(p)
        if not text.strip():
            return  # an empty paragraph (its list number alone is no text)
        if level is not None or self._is_title(p):
            # a heading or title wrapped with manual line breaks is still one line
            parts = [strip_edges(marker + "".join(strip_edges(t) for t in text.split("\n")))]
        else:
            parts = [strip_edges(t) for t in text.split("\n")]
            if marker and parts:
                parts[0] = strip_edges(marker + parts[0])
        for part in parts:
            if part:
                self.lines.append(Line(text=part, lineno=self.paragraph_number, style_level=level,
                                       in_table=self.table_depth > 0))

    def _is_title(self, p) -> bool:
        style = p.find(f"{self.qn('w:pPr')}/{self.qn('w:pStyle')}")
        return style is not None and self.styles.is_title(style.get(self.qn("w:val")))

    def _level(self, p) -> int | None:
        qn = self.qn
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            return None
        outline = ppr.find(qn("w:outlineLvl"))
        if outline is not None:
            return _outline_to_level(outline.get(qn("w:val")))
        style = ppr.find(qn("w:pStyle"))
        return self.styles.level(style.get(qn("w:val")) if style is not None else None)

    def pieces(self, element) -> list[tuple[str, object | None]]:
        """The visible text of a paragraph in pieces: (text, its w:t node), or (a tab, line
        break or hyphen, None). `check --fix` edits the nodes behind the text read here."""
        out: list[tuple[str, object | None]] = []
        self._collect(element, out)
        return out

    def _collect(self, element, out: list[tuple[str, object | None]]) -> None:
        qn = self.qn
        for child in element:
            tag = child.tag
            if tag in self._skip:
                continue
            if tag == qn("w:t"):
                out.append((child.text or "", child))
            elif tag == qn("w:tab"):
                out.append(("\t", None))
            elif tag in (qn("w:br"), qn("w:cr")):
                out.append(("\n", None))
            elif tag == qn("w:noBreakHyphen"):
                out.append(("-", None))
            elif tag == qn("w:p"):
                continue  # a paragraph nested in a drawing; not body text
            elif tag == qn("w:r") and self._hidden(child):
                continue
            else:
                self._collect(child, out)

    def _hidden(self, run) -> bool:
        """Text hidden in Word (w:vanish): the user never sees it."""
        qn = self.qn
        vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
        return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


MAX_GRID_SPAN = 63  # Word's own limit on a table's columns
MAX_CELL_CHARS = 60  # a cell holding a whole paragraph lays out a page; it is no table of data


def _is_data_table(rows: list[list[str]]) -> bool:
    """Two rows or more, two columns or more, short cells: a table to keep as a table."""
    filled = [cell for row in rows for cell in row if cell]
    return (len(rows) >= 2 and max(len(row) for row in rows) >= 2 and bool(filled)
            and max(len(cell) for cell in filled) <= MAX_CELL_CHARS)


def _related_element(part, relationship: str):
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None


def read_docx_lines(data: bytes) -> list[Line]:
    """Lines of a .docx (bytes). Raises DrafterError when it cannot be read."""
    return read_docx(data)[0]


def read_docx(data: bytes) -> tuple[list[Line], list[Notice]]:
    """Lines of a .docx, and notices of what is not read (text boxes, footnotes)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml.etree import LxmlError

    from drafter.reading.docx_numbering import ListNumbering

    document = _open(data)
    try:
        styles = _Styles(_related_element(document.part, RT.STYLES))
        numbering = ListNumbering(_related_element(document.part, RT.NUMBERING), styles.numbering())
        walker = _Walker(styles, numbering)
        walker.blocks(document.element.body)
        notices = _left_out(document.element.body, walker.qn)
    except (LxmlError, ValueError, KeyError, AttributeError, TypeError, IndexError, RecursionError):
        # e.g. a document.xml without a body, or nesting deep enough to be an attack
        raise DrafterError("无法读取 .docx：文档内部结构已损坏") from None
    return walker.lines, notices


def _left_out(body, qn) -> list[Notice]:
    """A notice for every text box and footnote with text: drafter reads body text only."""
    notices = []
    boxes = [box for box in body.iter(qn("w:txbxContent"))
             if "".join(t.text or "" for t in box.iter(qn("w:t"))).strip()]
    seen = set()
    for box in boxes:
        text = "".join(t.text or "" for t in box.iter(qn("w:t"))).strip()
        if text in seen:  # a text box is stored twice (the drawing and its VML fallback)
            continue
        seen.add(text)
        shown = text if len(text) <= 20 else text[:20] + "…"
        notices.append(Notice("left_out", f"文本框中的文字“{shown}”没有读入（drafter 只读正文），如需要请复制到正文"))
    footnotes = len(list(body.iter(qn("w:footnoteReference")))) + len(list(body.iter(qn("w:endnoteReference"))))
    if footnotes:
        notices.append(Notice("left_out", f"原文有 {footnotes} 处脚注或尾注，没有读入（drafter 只读正文），如需要请改写进正文"))
    return notices
