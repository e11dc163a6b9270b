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
