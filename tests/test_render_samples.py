"""Each shipped sample, drafted as a user would, printed through LibreOffice:
full inner pages hold 22 body lines and full lines hold 28 characters."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import drafter
from render_helpers import read_pdf_pages
from test_render import CHAR, FONTCONFIG, HANGING, HEADING_START, TEXT_LEFT, TEXT_RIGHT, _tool, body_lines, full_width

OPENING = set("“‘《（(「『〔【")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    soffice = _tool("soffice")
    work = tmp_path_factory.mktemp("samples")
    home = work / "home"
    home.mkdir()
    docs = []
    for sample in sorted(SAMPLES.glob("*.yaml")):
        out = work / f"{sample.stem}.docx"
        drafter.draft(sample, out)
        docs.append(out)
    env = dict(os.environ, HOME=str(home), FONTCONFIG_FILE=str(FONTCONFIG))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(work), *map(str, docs)],
                   env=env, check=True, capture_output=True, timeout=600)
    return {doc.stem: read_pdf_pages(doc.with_suffix(".pdf")) for doc in docs}


def test_every_sample_was_printed(printed):
    assert sorted(printed) == sorted(p.stem for p in SAMPLES.glob("*.yaml"))
    assert all(len(pages) >= 2 for pages in printed.values())


def test_full_inner_pages_hold_22_lines(printed):
    full_pages = 0
    for name, pages in printed.items():
        for index in range(1, len(pages) - 1):  # inner pages: not the title page, not the last
            count = len(body_lines(pages[index]))
            assert count <= 22, f"{name} page {index + 1}: {count} lines"
            if not HEADING_START.match(body_lines(pages[index + 1])[0].text):
                assert count == 22, f"{name} page {index + 1}: {count} lines"
            full_pages += count == 22
    assert full_pages >= 3


def test_full_lines_hold_28_characters(printed):
    checked = 0
    for name, pages in printed.items():
        lines = [line for page in pages for line in body_lines(page)]
        for line, following in zip(lines, lines[1:] + [None]):
            if line.chars[0].size != CHAR or not full_width(line.text):
                continue
            inside = [ch for ch in line.chars if ch.x1 <= TEXT_RIGHT + 0.5]
            assert all(ch.get_text() in HANGING for ch in line.chars[len(inside):]), line.text
            if inside[-1].x1 < TEXT_RIGHT - CHAR / 4:
                continue  # the last line of a paragraph
            full = 26 if line.x0 > TEXT_LEFT + CHAR else 28
            # An opening quote may not end a line: it moves down and the line is spread.
            spread = following is not None and following.text[:1] in OPENING and len(inside) == full - 1
            assert len(inside) == full or spread, f"{name}: {len(inside)}: {line.text}"
            checked += 1
    assert checked >= 40


def test_the_preview_shows_the_printed_pages(printed):
    """The web workbench's preview breaks pages where LibreOffice does, and every line
    as printed, except where figures or Latin letters stand in the paragraph (the
    stand-in fonts set digits a little wider than the half character of 仿宋_GB2312)."""
    from drafter.drafting import build_document
    from drafter.writers.preview import preview_pages

    compared = 0
    for name, pages in printed.items():
        shown = preview_pages(build_document(SAMPLES / f"{name}.yaml")[0])
        printed_lines = [[line.text.replace(" ", "").replace("\u3000", "") for line in body_lines(page)]
                         for page in pages]
        shown_lines = [[line for line in page.lines if line.kind != "blank"] for page in shown]
        assert [len(p) for p in shown_lines] == [len(p) for p in printed_lines], name
        shown_flat = [line for page in shown_lines for line in page]
        printed_flat = [text for page in printed_lines for text in page]
        latin = False  # in a paragraph with figures or Latin letters
        for number, (line, line_printed) in enumerate(zip(shown_flat, printed_flat)):
            if line.first:
                paragraph = [line]
                for later in shown_flat[number + 1:]:
                    if later.first:
                        break
                    paragraph.append(later)
                latin = any(ch.isascii() and ch.isalnum() for later in paragraph for ch in later.text)
            if not latin:
                assert line.text.strip("\u3000\u2002 ") == line_printed, name
                compared += 1
    assert compared >= 60
