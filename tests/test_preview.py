"""The page preview of the web workbench (drafter.writers.preview): the pages of the
.docx, line for line, as escaped HTML."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from drafter import api
from drafter.characters import page_width
from drafter.drafting import build_document
from drafter.model import Document, Section
from drafter.writers.blocks import document_blocks
from drafter.writers.preview import (NO_LINE_END, NO_LINE_START, break_lines, preview_html, preview_lines,
                                     preview_pages, table_span)
from render_helpers import party_summary

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


class _Lines(HTMLParser):
    """Each .ln div of the preview: its classes, its text, and which parts are marked."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict] = []
        self.pages = 0
        self.folios: list[tuple[str, str]] = []
        self._stack: list[str] = []
        self._folio: str | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        self._stack.append(" ".join(classes))
        if tag == "section" and "page" in classes:
            self.pages += 1
        if "ln" in classes:
            self.lines.append({"classes": classes, "text": "", "marked": "", "lead": ""})
        if "folio" in classes:
            self._folio = classes[1]
            self.folios.append((self._folio, ""))

    def handle_endtag(self, tag):
        self._stack.pop()

    def handle_data(self, data):
        if self._stack and self._stack[-1].startswith("folio"):
            side, text = self.folios[-1]
            self.folios[-1] = (side, text + data)
            return
        if not self.lines:
            return
        self.lines[-1]["text"] += data
        if any("mark" in entry.split() for entry in self._stack):
            self.lines[-1]["marked"] += data
        if any("lead" in entry.split() for entry in self._stack):
            self.lines[-1]["lead"] += data


def parsed(doc: Document) -> _Lines:
    parser = _Lines()
    parser.feed(preview_html(doc))
    return parser


@pytest.fixture(scope="module")
def annual() -> Document:
    return build_document(SAMPLES / "annual.yaml")[0]


def test_pages_hold_22_lines_of_28_characters(annual):
    pages = preview_pages(party_summary())
    assert len(pages) >= 3
    for page in pages:
        assert len(page.lines) <= 22
    for line in preview_lines(party_summary()):
        text = line.text
        if line.kind in ("title", "signature", "date", "blank"):
            continue
        room = 26 if line.first else 28
        inside = text.rstrip("".join(NO_LINE_START))  # punctuation may hang past the edge
        assert page_width(inside) <= room, text
        if line.full:  # a full line of running text is full to within one character
            assert page_width(text) > room - 1.5, text


def test_no_text_is_lost_or_added(annual):
    """The lines of each paragraph put together give the paragraph the writers share."""
    joined = "".join(line.text for line in preview_lines(annual) if line.kind not in ("signature", "date"))
    blocks = "".join(b.text for b in document_blocks(annual) if b.kind not in ("signature", "date"))
    assert joined == blocks


def test_kinsoku_no_closing_mark_starts_and_no_opening_mark_ends_a_line(annual):
    lines = [line.text for line in preview_lines(annual) if line.text]
    assert not [t for t in lines if t[0] in NO_LINE_START]
    assert not [t for t in lines if t[-1] in NO_LINE_END]
    # and the hanging is real: some line of the sample does end in hanging punctuation past 28
    assert any(page_width(t) > 28 for t in lines)


def test_a_number_is_never_broken():
    text = "全年" * 12 + "组织学习2025次" + "开展" * 10
    spans = break_lines(text, 26, 28)
    assert all("2025" in text[a:b] or "2" not in text[a:b] for a, b in spans)


def test_headings_are_numbered_as_the_docx_numbers_them(annual, tmp_path):
    out = tmp_path / "annual.docx"
    api.draft(SAMPLES / "annual.yaml", out)
    read_back = api.parse_file(out)
    expected = [f"{s.marker}{s.heading}" for s in read_back.walk() if s.level <= 2]
    shown = [line["text"] for line in parsed(annual).lines
             if {"h1", "h2"} & set(line["classes"]) and "first" in line["classes"]]
    assert shown == expected
    assert shown[0].startswith("一、") and shown[1].startswith("（一）")


def test_gaps_and_placeholders_are_highlighted_and_nothing_else():
    doc = Document(kind="annual", title="2025年XX单位党建工作总结", sections=[
        Section(1, heading="主要工作开展情况", role="achievements",
                paragraphs=["全年开展学习X次，覆盖XX个支部，用 Excel 统计。"]),
        Section(1, heading="原因分析", role="causes", paragraphs=["【待补充】请补充“原因分析”方面的内容。可参考：一是认识不够到位。"]),
    ], signature="XX单位", date="【待补充】")
    lines = parsed(doc).lines
    marked = "".join(line["marked"] for line in lines)
    assert "Excel" not in marked and "全年" not in marked
    assert [line["marked"] for line in lines if "X次" in line["text"]] == ["XXX"]  # X, XX
    gap = "".join(line["text"] for line in lines if "待补充" in line["text"] or "认识" in line["text"])
    gap_marked = "".join(line["marked"] for line in lines if "待补充" in line["text"] or "认识" in line["text"])
    assert gap_marked == gap.replace("\u3000", "").replace("\u2002", "")  # the whole gap paragraph
    assert lines[0]["marked"] == "XX"  # in the title


def test_user_text_is_escaped():
    doc = Document(kind="annual", title="<script>alert(1)</script>", sections=[
        Section(1, heading='<img src=x onerror="alert(2)">', role="achievements",
                paragraphs=["a & b < c > d \" ' {{ 7*7 }}"])])
    html = preview_html(doc)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    texts = "".join(line["text"] for line in parsed(doc).lines)
    assert "<script>alert(1)</script>" in texts and "a & b < c > d \" ' {{ 7*7 }}" in texts


def test_run_on_heading_lead_and_signature_block():
    doc = Document(kind="annual", title="标题", sections=[
        Section(1, heading="主要工作", role="achievements", children=[
            Section(2, heading="二级", children=[Section(3, heading="规范组织生活", paragraphs=["严格落实制度。"])])])],
        signature="市水利局机关党委", date="2025年12月26日")
    lines = parsed(doc).lines
    runon = next(line for line in lines if "规范组织生活" in line["text"])
    assert runon["lead"] == "1.规范组织生活。" and runon["text"] == "1.规范组织生活。严格落实制度。"
    assert "signature" in lines[-2]["classes"] and "date" in lines[-1]["classes"]
    assert lines[-3]["classes"][1] == "blank"  # one blank line below the body
    # 7.3.5 without a seal: the date 2 characters in from the right (it is the wider one here),
    # its first character 2 characters right of the signature's first
    signature, date = [line for line in preview_lines(doc) if line.kind in ("signature", "date")]
    assert 28 - date.pad - page_width(date.text) == 2
    assert date.pad - signature.pad == 2
    assert lines[-1]["text"].startswith("\u3000" * 19) and lines[-1]["text"].endswith("2025年12月26日")


def test_folios_alternate_right_and_left(annual):
    found = parsed(annual)
    assert found.pages == len(preview_pages(annual)) == len(found.folios)
    assert [side for side, _ in found.folios][:2] == ["odd", "even"]
    assert found.folios[0][1] == "— 1 —"


def test_level_1_and_2_headings_never_end_a_page():
    many = [Section(2, heading=f"第{n}项工作", paragraphs=["开展学习。" * 11]) for n in range(12)]
    doc = Document(kind="annual", title="标题", sections=[Section(1, heading="主要工作", role="achievements",
                                                                   children=many)])
    for page in preview_pages(doc):
        assert page.lines[-1].kind not in ("h1", "h2"), [l.text for l in page.lines[-2:]]
        assert page.lines[0].kind != "blank"


def test_preview_api_reports_like_draft():
    text = (SAMPLES / "annual.yaml").read_text(encoding="utf-8")
    shown = api.preview(text)
    assert shown.html.startswith('<div class="pages">') and shown.html.count('class="page"') == 4
    assert shown.report.sections == 4 and shown.report.gaps == []
    assert re.search(r"二、存在的主要问题", shown.html)


def test_tables_are_shown_in_their_place_with_their_lines():
    from drafter.model import Table

    table = Table(rows=[["指标", "年度目标", "完成情况"], ["发展党员", "3名", "X名"], ["<b>粗</b>", "", "很长的说明" * 8]],
                  title="2025年主要指标完成情况表", after=1)
    doc = Document(kind="annual", title="标题", sections=[
        Section(1, heading="主要工作", role="achievements", paragraphs=["表前一段。", "表后一段。"], tables=[table])])
    lines = preview_lines(doc)
    kinds = [line.kind for line in lines]
    assert kinds[kinds.index("table-title"):kinds.index("table-title") + 3] == ["table-title", "table", "body"]
    assert lines[kinds.index("table-title") - 1].text == "表前一段。"
    assert next(line for line in lines if line.kind == "table").span > 3  # narrow columns wrap their cells
    # two rows of 20 pt on the 28.95 pt grid: 2 lines; 80 characters of 4号 across the text
    # block (30 a line) wrap to 3 lines: (3 + 1) × 20 pt → 3 lines of the grid
    assert table_span(Table(rows=[["指标", "完成"], ["发展党员", "3名名名"]])) == 2
    assert table_span(Table(rows=[["说明" * 40], ["短"]])) == 3
    html = preview_html(doc)
    assert "<th>指标</th>" in html and '<span class="mark">X</span>名' in html
    assert "&lt;b&gt;粗&lt;/b&gt;" in html and "<b>" not in html
    assert html.count("<col ") == 3
