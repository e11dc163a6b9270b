"""Replace text in the paragraphs of a .docx, keeping everything else as it was.

Paragraphs are numbered as drafter.reading.docx_reader numbers them (its walker is
reused), so a finding's paragraph number finds its paragraph. The text of a
paragraph is that of its visible w:t nodes; a replaced span goes into the node
where it starts, so it takes the formatting of its first run, and the rest of
the span is taken out of the nodes after it. Every other part of the package is
copied with its content, compression and date unchanged; only the main document
part is written anew.
"""
from __future__ import annotations

import io
import zipfile

from drafter.checking.findings import Finding
from drafter.errors import DrafterError

MAIN_PART = "word/document.xml"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def apply_to_docx(data: bytes, fixes: list[Finding],
                  candidates: dict[int, list[str]]) -> tuple[bytes, list[tuple[Finding, str]]]:
    """The new .docx bytes and, per change made, the paragraph around it as it reads after."""
    from lxml import etree

    from drafter.checking.fixing import apply_in_line, locate

    if not fixes:
        return data, []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        part = _main_part(archive)
        root = etree.fromstring(archive.read(part))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError):
        raise DrafterError("无法改写 .docx：文件已损坏") from None
    paragraphs = _numbered_paragraphs(data, root)
    by_paragraph: dict[int, list[Finding]] = {}
    for finding in fixes:
        if finding.line in paragraphs:
            by_paragraph.setdefault(finding.line, []).append(finding)
    placed: list[tuple[Finding, str]] = []
    for number, found in by_paragraph.items():
        nodes = _text_nodes(paragraphs[number])
        raw = "".join(text for text, _node in nodes)
        spots = []
        for finding in found:
            for line_text in candidates.get(id(finding), []):
                at = locate(raw, line_text, finding)
                if at is not None:
                    spots.append((at, finding))
                    break
        if not spots:
            continue
        _new, shown = apply_in_line(raw, spots)
        made = {id(finding) for finding, _text in shown}
        for at, finding in sorted(spots, key=lambda item: item[0], reverse=True):
            if id(finding) in made and not _replace(nodes, at, at + len(finding.wrong), finding.fix):
                made.discard(id(finding))
        placed += [(finding, text) for finding, text in shown if id(finding) in made]
    if not placed:
        return data, []
    document = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    placed.sort(key=lambda item: (item[0].line or 0, item[0].start or 0))
    return _rezip(archive, part, document), placed


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (word/document.xml as a rule)."""
    from lxml import etree

    try:
        rels = etree.fromstring(archive.read("_rels/.rels"))
    except (KeyError, etree.XMLSyntaxError):
        return MAIN_PART
    for rel in rels:
        if (rel.get("Type") or "").endswith("/officeDocument"):
            return (rel.get("Target") or MAIN_PART).lstrip("/")
    return MAIN_PART


def _numbered_paragraphs(data: bytes, root) -> dict[int, object]:
    """Paragraph number (as the reader counts) -> w:p element of `root`."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    from drafter.reading.docx_numbering import ListNumbering
    from drafter.reading.docx_reader import _open, _related_element, _Styles, _Walker

    document = _open(data)
    styles = _Styles(_related_element(document.part, RT.STYLES))
    numbering = ListNumbering(_related_element(document.part, RT.NUMBERING), styles.numbering())
    found: dict[int, object] = {}

    class _Numbering(_Walker):
        def paragraph(self, p) -> None:
            super().paragraph(p)
            found[self.paragraph_number] = p

        def table(self, tbl) -> None:
            before, read = self.paragraph_number, len(self.lines)
            super().table(tbl)
            if self.paragraph_number == before + 1 and len(self.lines) == read + 1 and self.lines[-1].cells is not None:
                found[self.paragraph_number] = list(tbl.iter(qn("w:p")))  # a table of data is one line

    body = root.find(qn("w:body"))
    if body is not None:
        _Numbering(styles, numbering).blocks(body)
    return found


def _text_nodes(paragraph) -> list[tuple[str, object | None]]:
    """The paragraph's text in pieces as the reader collects it: (text, its w:t node),
    or (a tab or line break, None). A table's paragraphs (a list) are read one after the
    other with a full-width space between them, as the reader joins its cells; no change
    can span two of them."""
    from drafter.reading.docx_reader import _Walker

    walker = _Walker(None, None)
    if not isinstance(paragraph, list):
        return walker.pieces(paragraph)
    pieces: list[tuple[str, object | None]] = []
    for number, cell_paragraph in enumerate(paragraph):
        if number:
            pieces.append(("　", None))
        pieces += walker.pieces(cell_paragraph)
    return pieces


def _replace(nodes: list[tuple[str, object | None]], start: int, end: int, new: str) -> bool:
    """Put `new` in place of the paragraph text [start, end): into the node where the span
    starts, the rest of the span taken out of the nodes after it. False, changing nothing,
    when the span covers a tab or a break (no text node to hold it)."""
    spans = []
    position = 0
    for text, node in nodes:
        piece_start, piece_end = position, position + len(text)
        position = piece_end
        if piece_end <= start or piece_start >= end or not text:
            continue
        if node is None:
            return False
        spans.append((node, max(start, piece_start) - piece_start, min(end, piece_end) - piece_start))
    if not spans:
        return False
    for index, (node, a, b) in enumerate(spans):
        text = node.text or ""
        node.text = text[:a] + (new if index == 0 else "") + text[b:]
        if node.text != node.text.strip():
            node.set(_XML_SPACE, "preserve")
    _refresh(nodes)
    return True


def _refresh(nodes: list[tuple[str, object | None]]) -> None:
    """Keep the (text, node) pieces in step with the nodes after an edit."""
    for index, (_text, node) in enumerate(nodes):
        if node is not None:
            nodes[index] = (node.text or "", node)


def _rezip(archive: zipfile.ZipFile, part: str, document: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as new:
        for info in archive.infolist():
            content = document if info.filename == part else archive.read(info.filename)
            new.writestr(info, content, compress_type=info.compress_type)
    return out.getvalue()
