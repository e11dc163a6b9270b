"""Markdown and plain-text writers, write_document, numbering and blocks."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile

import pytest

from drafter.errors import DrafterError
from drafter.model import Document, Section
from drafter.writers import write_document
from drafter.writers.blocks import BODY, DATE, HEADING, ITEM, RUNON, SIGNATURE, TITLE, document_blocks
from drafter.writers.markdown import escape, to_markdown
from drafter.writers.numbering import heading_marker, item_prefix
from drafter.writers.plain_text import to_text
from render_helpers import party_summary


def small_doc() -> Document:
    return Document(
        title="XX支部2025年度工作总结",
        opening="今年以来，支部坚持以党建引领业务。\n现将有关情况总结如下：",
        sections=[
            Section(1, marker="1.", heading="主要工作", children=[
                Section(2, heading="抓学习", paragraphs=["全年集中学习24次。"], children=[
                    Section(3, heading="强化学习", paragraphs=["创新学习方式，开展研讨6次。"]),
                    Section(3, heading="丰富载体", items=["开展主题党日。", "组织红色教育。"]),
                ]),
            ]),
            Section(1, heading="存在问题", items=["学习不够深入。"]),
        ],
        closing="特此报告。",
        signature="XX支部",
        date="2025年12月20日",
    )


# -- numbering --------------------------------------------------------------

@pytest.mark.parametrize("level, number, marker", [
    (1, 1, "一、"), (1, 10, "十、"), (1, 12, "十二、"),
    (2, 3, "（三）"), (2, 21, "（二十一）"),
    (3, 1, "1."), (3, 11, "11."),
    (4, 2, "（2）"),
])
def test_heading_markers(level, number, marker):
    assert heading_marker(level, number) == marker


@pytest.mark.parametrize("number, prefix", [(1, "一是"), (2, "二是"), (10, "十是"), (11, "十一是"), (20, "二十是")])
def test_item_prefixes(number, prefix):
    assert item_prefix(number) == prefix


def test_bad_levels_and_numbers_are_bugs():
    with pytest.raises(ValueError):
        heading_marker(5, 1)
    with pytest.raises(ValueError):
        item_prefix(0)


# -- blocks -----------------------------------------------------------------

def test_blocks_in_reading_order():
    kinds = [(b.kind, b.text) for b in document_blocks(small_doc())]
    assert kinds == [
        (TITLE, "XX支部2025年度工作总结"),
        (BODY, "今年以来，支部坚持以党建引领业务。"),
        (BODY, "现将有关情况总结如下："),
        (HEADING, "一、主要工作"),
        (HEADING, "（一）抓学习"),
        (BODY, "全年集中学习24次。"),
        (RUNON, "1.强化学习。创新学习方式，开展研讨6次。"),
        (HEADING, "2.丰富载体"),
        (ITEM, "一是开展主题党日。"),
        (ITEM, "二是组织红色教育。"),
        (HEADING, "二、存在问题"),
        (ITEM, "一是学习不够深入。"),
        (BODY, "特此报告。"),
        (SIGNATURE, "XX支部"),
        (DATE, "2025年12月20日"),
    ]


def test_runon_block_knows_its_heading_part():
    runon = next(b for b in document_blocks(small_doc()) if b.kind == RUNON)
    assert runon.text[:runon.lead_len] == "1.强化学习。"
    assert runon.text[:runon.marker_len] == "1."


def test_runon_keeps_a_heading_that_ends_in_a_colon():
    doc = Document(sections=[Section(3, heading="主要做法：", paragraphs=["一手抓学习。"])])
    (block,) = document_blocks(doc)
    assert block.text == "1.主要做法：一手抓学习。"
    assert block.text[:block.lead_len] == "1.主要做法："


def test_sections_without_heading_are_not_numbered():
    doc = Document(sections=[Section(1, paragraphs=["没有标题的段落。"]), Section(1, heading="第二部分")])
    assert [b.text for b in document_blocks(doc)] == ["没有标题的段落。", "一、第二部分"]


def test_empty_items_and_blank_lines_are_skipped():
    doc = Document(sections=[Section(1, heading="做法", items=["", "学习。", "  ", "落实。"])],
                   opening="\u3000\u3000第一段。\n\n", signature="\n")
    assert [b.text for b in document_blocks(doc)] == ["第一段。", "一、做法", "一是学习。", "二是落实。"]


# -- markdown ---------------------------------------------------------------

def test_markdown_layout():
    assert to_markdown(small_doc()) == (
        "# XX支部2025年度工作总结\n\n"
        "今年以来，支部坚持以党建引领业务。\n\n"
        "现将有关情况总结如下：\n\n"
        "## 一、主要工作\n\n"
        "### （一）抓学习\n\n"
        "全年集中学习24次。\n\n"
        "**1.强化学习**。创新学习方式，开展研讨6次。\n\n"
        "**2.丰富载体**\n\n"
        "一是开展主题党日。\n\n"
        "二是组织红色教育。\n\n"
        "## 二、存在问题\n\n"
        "一是学习不够深入。\n\n"
        "特此报告。\n\n"
        "XX支部\n\n"
        "2025年12月20日\n"
    )


def test_markdown_escapes_placeholders_that_look_like_emphasis():
    text = to_markdown(Document(opening="参加***人，完成___项。"))
    assert text == "参加\\*\\*\\*人，完成\\_\\_\\_项。\n"


def test_markdown_escapes_line_starts():
    assert escape("# 不是标题") == "\\# 不是标题"
    assert escape("2023. 年份") == "2023\\. 年份"
    assert escape("- 不是列表") == "\\- 不是列表"
    assert escape("1.强化学习") == "1.强化学习"  # no space: CommonMark sees no list


def test_markdown_reads_back_as_intended_through_pandoc_commonmark():
    pandoc = shutil.which("pandoc")
    if not pandoc:
        if os.environ.get("CI"):
            pytest.fail("pandoc is required on CI (apt: pandoc)")
        pytest.skip("pandoc not installed")
    doc = small_doc()
    doc.closing = "参加***人，完成___项。"
    html = subprocess.run([pandoc, "-f", "commonmark", "-t", "html"], input=to_markdown(doc),
                          capture_output=True, text=True, check=True, timeout=60).stdout
    assert "<h1>XX支部2025年度工作总结</h1>" in html
    assert "<h2>一、主要工作</h2>" in html
    assert "<h3>（一）抓学习</h3>" in html
    assert "<p><strong>1.强化学习</strong>。创新学习方式，开展研讨6次。</p>" in html
    assert "<p><strong>2.丰富载体</strong></p>" in html
    assert "<p>参加***人，完成___项。</p>" in html
    assert "<p>XX支部</p>\n<p>2025年12月20日</p>" in html


# -- plain text -------------------------------------------------------------

def test_plain_text_layout():
    lines = to_text(small_doc()).split("\n")
    assert lines[:5] == ["XX支部2025年度工作总结", "", "　　今年以来，支部坚持以党建引领业务。",
                         "　　现将有关情况总结如下：", "　　一、主要工作"]
    assert "　　1.强化学习。创新学习方式，开展研讨6次。" in lines
    assert "　　一是开展主题党日。" in lines
    assert lines[-4:] == [
        "",
        # The date (7 characters) is wider than the signature (3) allows: it sits
        # 2 from the right (28 − 2 − 7 = 19), the signature 2 further left.
        "\u3000" * 17 + "XX支部",
        "\u3000" * 19 + "2025年12月20日",
        "",
    ]


def test_plain_text_signature_then_date_two_characters_right():
    text = to_text(Document(title="总结", closing="特此报告。", signature="中共XX市水利局党组", date="2023年12月20日"))
    signature, date = text.rstrip("\n").split("\n")[-2:]
    assert signature == "\u3000" * 17 + "中共XX市水利局党组"
    assert date == "\u3000" * 19 + "2023年12月20日"


# -- write_document ---------------------------------------------------------

@pytest.mark.parametrize("fmt, suffix", [("docx", ".docx"), ("md", ".md"), ("txt", ".txt")])
def test_write_document_writes_each_format(tmp_path, fmt, suffix):
    path = tmp_path / f"总结{suffix}"
    write_document(party_summary(), path, fmt)
    if fmt == "docx":
        assert zipfile.ZipFile(path).read("word/document.xml")
    else:
        assert path.read_text(encoding="utf-8").startswith(("# XX中心", "XX中心"))
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_unknown_format_is_a_drafter_error_and_touches_nothing(tmp_path):
    path = tmp_path / "总结.pdf"
    path.write_text("旧内容", encoding="utf-8")
    with pytest.raises(DrafterError) as raised:
        write_document(party_summary(), path, "pdf")
    assert "不支持的输出格式" in raised.value.message
    assert path.read_text(encoding="utf-8") == "旧内容"


def test_missing_folder_is_a_drafter_error(tmp_path):
    with pytest.raises(DrafterError):
        write_document(party_summary(), tmp_path / "无此目录" / "总结.docx", "docx")


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "总结.docx"
    path.write_bytes(b"old")
    import drafter.writers.docx_writer as docx_writer

    def broken(doc, warnings=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(docx_writer, "docx_bytes", broken)
    with pytest.raises(RuntimeError):
        write_document(party_summary(), path, "docx")
    assert path.read_bytes() == b"old"
