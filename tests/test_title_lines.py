"""Long titles break between words into even lines, and read back as one title."""
import pytest
from docx import Document as WordDocument

from drafter.model import Document, Section
from drafter.parsing import parse_file
from drafter.writers import write_document
from drafter.writers.title_lines import LINE_WIDTH, title_break, width


@pytest.mark.parametrize("title,first,second", [
    ("区市政设施管理中心党支部2025年上半年党建工作情况汇报", "区市政设施管理中心党支部", "2025年上半年党建工作情况汇报"),
    ("中共某某市水利局机关委员会2025年度党建工作总结", "中共某某市水利局机关委员会", "2025年度党建工作总结"),
    ("2025年区水务局机关党总支书记抓基层党建工作述职报告", "2025年区水务局机关党总支", "书记抓基层党建工作述职报告"),
])
def test_breaks_between_words(title, first, second):
    at = title_break(title)
    assert (title[:at], title[at:]) == (first, second)
    assert width(first) <= LINE_WIDTH and width(second) <= LINE_WIDTH


def test_short_title_does_not_break():
    assert title_break("2025年市水利局机关党委党建工作总结") is None


def test_no_safe_break_leaves_wrapping_to_word():
    assert title_break("坚持和加强党的全面领导推进全面从严治党向纵深发展取得新成效的若干做法") is None


def test_written_title_has_one_break_and_reads_back_whole(tmp_path):
    title = "区市政设施管理中心党支部2025年上半年党建工作情况汇报"
    doc = Document(title=title, kind="half_year",
                   sections=[Section(level=1, heading="主要工作", role="achievements", paragraphs=["做了工作。"])])
    path = tmp_path / "t.docx"
    write_document(doc, path, "docx")
    first = WordDocument(str(path)).paragraphs[0]
    assert first.text == "区市政设施管理中心党支部\n2025年上半年党建工作情况汇报"
    assert parse_file(path).title == title
