"""Render a drafted .docx with LibreOffice and measure the printed page.

GB/T 9704: 22 lines a page, 28 characters a line, text block 156 × 225 mm
at 37 mm from the top and 28 mm from the left, page numbers "— N —" 7 mm
below the text block, odd pages right and even pages left.

Fonts: Debian has none of the official Chinese fonts, so tests/fontconfig
maps them to free stand-ins; only the grid, not glyph shapes, is meaningful.
Skipped only when LibreOffice is missing, and never when CI is set.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from drafter.writers import write_document
from render_helpers import DATE, SIGNATURE, TITLE, Page, TextLine, long_party_summary, read_pdf_pages

FONTCONFIG = Path(__file__).resolve().parent / "fontconfig" / "fonts.conf"
MM = 72 / 25.4  # points per millimetre
TWIP = 1 / 20   # points per twip

PAGE_HEIGHT = 16838 * TWIP
TEXT_LEFT = 1587 * TWIP
TEXT_RIGHT = (11906 - 1474) * TWIP
TEXT_TOP = 2098 * TWIP
TEXT_BOTTOM = (16838 - 1984) * TWIP
LINE_PITCH = 579 * TWIP
CHAR = 16.0  # a 三号 character, points
HANGING = set("，。、；：！？”’）》」』")
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required on CI (apt: libreoffice-writer poppler-utils fonts-noto-cjk "
                    f"fonts-wqy-microhei fonts-arphic-ukai)")
    pytest.skip(f"{name} not installed")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    soffice = _tool("soffice")
    pdftoppm = _tool("pdftoppm")
    work = tmp_path_factory.mktemp("render")
    home = work / "home"
    home.mkdir()
    source = work / "summary.docx"
    write_document(long_party_summary(), source, "docx")
    env = dict(os.environ, HOME=str(home), FONTCONFIG_FILE=str(FONTCONFIG))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
                   env=env, check=True, capture_output=True, timeout=300)
    pdf = work / "summary.pdf"
    assert pdf.is_file(), "LibreOffice made no PDF"
    subprocess.run([pdftoppm, "-png", "-r", "60", str(pdf), str(work / "page")], check=True, timeout=120)
    subprocess.run([pdftoppm, "-gray", "-r", "288", "-f", "1", "-l", "2", str(pdf), str(work / "hires")],
                   check=True, timeout=120)
    return {"pdf": pdf, "pages": read_pdf_pages(pdf), "dir": work}


def body_lines(page: Page) -> list[TextLine]:
    return [line for line in page.lines if line.top < TEXT_BOTTOM]


def footer_lines(page: Page) -> list[TextLine]:
    return [line for line in page.lines if line.top >= TEXT_BOTTOM]


def full_width(text: str) -> bool:
    return all(unicodedata.east_asian_width(ch) in "FWA" for ch in text)


# -- the grid ---------------------------------------------------------------

def test_the_document_runs_to_several_pages(rendered):
    assert len(rendered["pages"]) >= 5


def test_every_full_inner_page_holds_22_lines(rendered):
    pages = rendered["pages"]
    counts = []
    for index in range(1, len(pages) - 1):
        count = len(body_lines(pages[index]))
        next_first = body_lines(pages[index + 1])[0].text
        assert count <= 22
        if not HEADING_START.match(next_first):  # a heading kept with its next line may leave a gap
            assert count == 22, f"page {index + 1} has {count} lines"
        counts.append(count)
    assert counts.count(22) >= 3


def test_lines_sit_on_the_579_twip_pitch(rendered):
    for page in rendered["pages"]:
        tops = [line.top for line in body_lines(page) if line.chars[0].size == CHAR]
        first = tops[0]
        for top in tops:
            steps = (top - first) / LINE_PITCH
            assert abs(steps - round(steps)) * LINE_PITCH < 0.3


def test_text_block_starts_37mm_from_top_and_28mm_from_left(rendered):
    page = rendered["pages"][1]
    lines = body_lines(page)
    assert TEXT_TOP < lines[0].top < TEXT_TOP + LINE_PITCH
    assert min(line.x0 for line in lines) == pytest.approx(TEXT_LEFT, abs=0.5)
    assert max(line.bottom for line in lines) < TEXT_BOTTOM


def test_full_lines_hold_28_characters(rendered):
    checked = 0
    for page in rendered["pages"]:
        for line in body_lines(page):
            if line.chars[0].size != CHAR or not full_width(line.text):
                continue
            inside = [ch for ch in line.chars if ch.x1 <= TEXT_RIGHT + 0.5]
            hanging = line.chars[len(inside):]
            assert all(ch.get_text() in HANGING for ch in hanging), line.text
            if inside[-1].x1 < TEXT_RIGHT - CHAR / 4:
                continue  # a paragraph's last line
            indented = line.x0 > TEXT_LEFT + CHAR
            assert len(inside) == (26 if indented else 28), f"{len(inside)}: {line.text}"
            checked += 1
    assert checked >= 60


def test_first_lines_are_indented_two_characters(rendered):
    lines = body_lines(rendered["pages"][0])
    opening = next(line for line in lines if line.text.startswith("今年以来"))
    assert opening.x0 == pytest.approx(TEXT_LEFT + 2 * 15.75, abs=1.0)


# -- roles ------------------------------------------------------------------

def line_starting(pages: list[Page], start: str) -> TextLine:
    for page in pages:
        for line in page.lines:
            if line.text.startswith(start):
                return line
    raise AssertionError(f"no line starts with {start!r}")


def test_title_is_22pt_and_centred(rendered):
    title = line_starting(rendered["pages"], TITLE)
    assert title.chars[0].size == pytest.approx(22, abs=0.1)
    assert (title.x0 + title.x1) / 2 == pytest.approx((TEXT_LEFT + TEXT_RIGHT) / 2, abs=3)


def test_each_heading_level_prints_in_its_own_font(rendered):
    pages = rendered["pages"]
    body = line_starting(pages, "今年以来").chars[0].fontname
    level1 = line_starting(pages, "一、主要工作").chars[0].fontname
    level2 = line_starting(pages, "（一）坚持理论武装").chars[0].fontname
    assert "WenQuanYi" in level1  # stand-in for 黑体
    assert "UKai" in level2       # stand-in for 楷体_GB2312
    assert "NotoSerifCJK" in body  # stand-in for 仿宋_GB2312
    assert all(ch.fontname == body for ch in line_starting(pages, "1.强化集中学习").chars[:3])


def test_signature_and_date_close_the_last_page(rendered):
    last = body_lines(rendered["pages"][-1])
    signature, date = last[-2], last[-1]
    assert signature.text == SIGNATURE and date.text == DATE
    assert TEXT_RIGHT - signature.x1 == pytest.approx(2 * CHAR, abs=2.5)
    assert date.x0 > signature.x0
    assert date.top - signature.top == pytest.approx(LINE_PITCH, abs=0.3)
    assert signature.top - last[-3].top == pytest.approx(2 * LINE_PITCH, abs=0.3)  # one blank line


# -- page numbers -----------------------------------------------------------

def test_page_numbers_alternate_right_and_left(rendered):
    for number, page in enumerate(rendered["pages"], start=1):
        (footer,) = footer_lines(page)
        assert footer.text == f"—{number}—"
        assert footer.chars[1].size == pytest.approx(14, abs=0.1)
        if number % 2:
            assert TEXT_RIGHT - footer.x1 == pytest.approx(14, abs=3)
        else:
            assert footer.x0 - TEXT_LEFT == pytest.approx(14, abs=3)


def _dash_row(pgm: Path) -> float:
    """Top of the first long horizontal stroke below the text block, in points."""
    data = pgm.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, _, _ = map(int, header.groups())
    pixels = data[header.end():]
    scale = 288 / 72
    for y in range(int(TEXT_BOTTOM * scale), int(PAGE_HEIGHT * scale)):
        row = pixels[y * width:(y + 1) * width]
        if sum(1 for value in row if value < 128) > 5 * scale:
            return y / scale
    raise AssertionError("no dash found below the text block")


@pytest.mark.parametrize("page", [1, 2])
def test_page_number_dash_is_7mm_below_the_text_block(rendered, page):
    found = sorted(rendered["dir"].glob(f"hires-*{page}.pgm"))
    assert found
    assert (_dash_row(found[0]) - TEXT_BOTTOM) / MM == pytest.approx(7, abs=1)


def test_png_pages_for_looking_at(rendered):
    pngs = sorted(rendered["dir"].glob("page-*.png"))
    assert len(pngs) == len(rendered["pages"])
    assert all(png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for png in pngs)
