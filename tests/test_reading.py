"""Reading: decoding, line splitting, .docx, and every way a file can be bad.

The seeds are read as they are and as messy variants (other encodings, line
breaks, punctuation width, indents, .docx, glued headings); a variant must
give the same lines as the original, normalised for what the variant changes.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import variants
from conftest import CORPUS, SEED_NAMES
from drafter.errors import DrafterError
from drafter.model import Line
from drafter.reading import decode_text, file_format, lines_from_text, read_lines
from drafter.reading.docx_numbering import chinese_number, format_number

MESSY = Path(__file__).resolve().parent / "data" / "messy"

# Non-blank lines of each seed as read (not yet cleaned).
SEED_LINE_COUNTS = {
    "000_928ffb1024447432.txt": 19,
    "001_56e93352d959f4eb.txt": 26,
    "002_bef99398f62872d2.txt": 42,
    "003_e4ab13fd1b405e5f.txt": 22,
    "004_53a748ed6597df06.txt": 35,
}


def seed_text(name: str) -> str:
    return (CORPUS / name).read_bytes().decode("utf-8")


def pairs(lines: list[Line]) -> list[tuple[str, int]]:
    return [(line.text, line.lineno) for line in lines]


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


@pytest.fixture(scope="module")
def originals() -> dict[str, list[Line]]:
    return {name: read_lines(CORPUS / name) for name in SEED_NAMES}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- the seeds as they are ---------------------------------------------------------------


def test_all_five_seeds_are_covered():
    assert SEED_NAMES == sorted(SEED_LINE_COUNTS)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_lines_are_the_non_blank_lines_stripped(originals, name):
    lines = originals[name]
    assert len(lines) == SEED_LINE_COUNTS[name]
    raw = seed_text(name).split("\n")
    for line in lines:
        assert line.text and line.text == line.text.strip()
        assert line.text == raw[line.lineno - 1].strip()
        assert line.style_level is None
    assert [n for n, row in enumerate(raw, 1) if row.strip()] == [line.lineno for line in lines]


def test_seed_000_starts_after_its_blank_first_line(originals):
    first = originals["000_928ffb1024447432.txt"][0]
    assert (first.text, first.lineno) == ("2023年市水利局机关党委党建工作总结", 2)


def test_seed_002_nbsp_and_space_indents_are_stripped(originals):
    lines = {line.lineno: line.text for line in originals["002_bef99398f62872d2.txt"]}
    assert lines[6].startswith("一是强化思想武装")  # was "\xa0 \xa0  一是…"
    assert lines[12] == "三是是抓好党员队伍建设，提高整体素质。"
    assert lines[26] == "五、加强共建帮扶，积极开展精准扶贫工作"
    # an NBSP inside a line is text, not an edge
    assert "\xa0" in lines[10]


# -- variants of all five seeds ---------------------------------------------------------------

ENCODINGS = {
    "gb18030": (variants.gb18030_bytes, "gb18030"),
    "utf8_bom": (variants.utf8_bom_bytes, "utf-8-sig"),
    "utf16le_bom": (lambda t: variants.utf16_bytes(t), "utf-16-le"),
    "utf16be_bom": (lambda t: variants.utf16_bytes(t, big_endian=True), "utf-16-be"),
    "utf16le_no_bom": (lambda t: variants.utf16_bytes(t, bom=False), "utf-16-le"),
    "utf16be_no_bom": (lambda t: variants.utf16_bytes(t, bom=False, big_endian=True), "utf-16-be"),
}


@pytest.mark.parametrize("variant", sorted(ENCODINGS))
@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_in_other_encodings_reads_the_same(tmp_path, originals, name, variant):
    encode, codec = ENCODINGS[variant]
    data = encode(seed_text(name))
    text, found = decode_text(data)
    assert found == codec
    assert text == seed_text(name)
    assert pairs(read_lines(write(tmp_path, name, data))) == pairs(originals[name])


@pytest.mark.parametrize("transform", [variants.crlf, variants.cr_only, variants.ragged_whitespace])
@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_with_other_line_breaks_and_whitespace_reads_the_same(tmp_path, originals, name, transform):
    data = transform(seed_text(name)).encode("utf-8")
    assert pairs(read_lines(write(tmp_path, name, data))) == pairs(originals[name])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_indented_with_full_width_spaces_and_blank_lines(tmp_path, originals, name):
    data = variants.crlf(variants.indent_and_space(seed_text(name))).encode("gb18030")
    lines = read_lines(write(tmp_path, name, data))
    assert texts(lines) == texts(originals[name])
    # paragraphs now sit on every other line
    assert [line.lineno for line in lines] == list(range(1, 2 * len(lines), 2))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_with_half_width_punctuation(tmp_path, originals, name):
    data = variants.half_width_punctuation(seed_text(name)).encode("utf-8")
    lines = read_lines(write(tmp_path, name, data))
    assert texts(lines) == [variants.half_width_punctuation(t) for t in texts(originals[name])]
    assert not any("（" in t or "，" in t for t in texts(lines))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_as_docx_one_paragraph_per_line(tmp_path, originals, name):
    path = variants.write_docx_one_paragraph_per_line(seed_text(name), tmp_path / f"{name}.docx")
    lines = read_lines(path)
    assert pairs(lines) == pairs(originals[name])
    assert all(line.style_level is None for line in lines)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_docx_is_detected_by_content_whatever_its_name(tmp_path, originals, name):
    path = variants.write_docx_one_paragraph_per_line(seed_text(name), tmp_path / "saved_as.txt")
    assert pairs(read_lines(path)) == pairs(originals[name])


LEVEL_ONE = re.compile(r"^[一二三四五六七八九十]+、")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_with_glued_headings(tmp_path, originals, name):
    original = texts(originals[name])
    expected: list[str] = []
    for text in original:
        if LEVEL_ONE.match(text) and expected:
            expected[-1] += text
        else:
            expected.append(text)
    glued = texts(read_lines(write(tmp_path, name, variants.glue_headings(seed_text(name)).encode("utf-8"))))
    assert glued == expected
    headings = sum(1 for text in original[1:] if LEVEL_ONE.match(text))
    assert headings >= 3 and len(glued) == len(original) - headings


def test_glue_headings_joins_onto_the_previous_line():
    glued = variants.glue_headings("标题\n\n开头。\n一、情况\n正文\n  二、计划\n")
    assert glued.split("\n") == ["标题", "", "开头。一、情况", "正文二、计划", ""]


# -- decoding ---------------------------------------------------------------------------------

TRADITIONAL = "二零二三年黨建工作總結\n一、主要工作開展情況\n（一）強化理論學習，提高政治站位。全年組織學習二十四次。\n"


def test_big5_is_tried_when_gb18030_reads_private_use_characters():
    text, codec = decode_text(TRADITIONAL.encode("big5"))
    assert (text, codec) == (TRADITIONAL, "cp950")


def test_gbk_with_a_self_made_character_stays_gb18030():
    # GBK user-defined area (AAA1) holds characters offices make for rare names
    data = "一、人员情况\n张".encode("gbk") + b"\xaa\xa1" + "同志任支部书记。\n".encode("gbk")
    text, codec = decode_text(data)
    assert codec == "gb18030"
    assert text.startswith("一、人员情况\n张") and text.endswith("同志任支部书记。\n")


def test_pure_ascii_and_empty_data():
    assert decode_text(b"2023 work\n") == ("2023 work\n", "utf-8")
    assert decode_text(b"") == ("", "utf-8")


def test_utf8_cut_off_mid_character_keeps_the_rest():
    data = "党建工作总结".encode("utf-8")[:-1]
    assert decode_text(data) == ("党建工作总", "utf-8")


def test_utf8_with_one_damaged_byte_is_not_read_as_gb18030():
    good = seed_text("000_928ffb1024447432.txt").encode("utf-8")
    middle = len(good) // 2
    while good[middle] & 0xC0 == 0x80:  # move to a character's first byte
        middle += 1
    text, codec = decode_text(good[:middle] + b"\xff" + good[middle + 1:])
    assert codec == "utf-8"
    assert text.count("\ufffd") >= 1
    assert "2023年市水利局机关党委党建工作总结" in text


def test_utf32_with_bom_and_dos_end_of_file_mark():
    assert decode_text("一、情况\n".encode("utf-32")) == ("一、情况\n", "utf-32-le")
    assert decode_text("一、情况\n".encode("gb18030") + b"\x1a") == ("一、情况\n", "gb18030")


def test_damaged_utf16_with_bom_is_an_error():
    with pytest.raises(DrafterError, match="UTF-16"):
        decode_text(b"\xff\xfe" + "一、".encode("utf-16-le") + b"\x00\xd8\x41\x00")


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    b"abc\x00def\x00\x01\x02\x03\x04",
    "工作总结".encode("utf-8") + b"\x01\x02\x03\x04\x05\x06" * 10,
])
def test_binary_data_is_refused(data):
    with pytest.raises(DrafterError, match="不是文本文件"):
        decode_text(data)


def test_undecodable_text_names_the_encodings_tried():
    with pytest.raises(DrafterError, match="无法识别文件编码"):
        decode_text("café naïve résumé, déjà vu".encode("latin-1"))


# -- splitting lines --------------------------------------------------------------------------


def test_lines_from_text_handles_every_line_break_and_edge_space():
    text = "\ufeff标题\r\n\r\n\u3000\u3000第一段\u200b\r第二段\t\n\xa0 \n第三段\u2028第四段\n"
    assert pairs(lines_from_text(text)) == [
        ("标题", 1), ("第一段", 3), ("第二段", 4), ("第三段", 6), ("第四段", 6)]


def test_control_characters_inside_a_line_are_dropped():
    assert texts(lines_from_text("党建\x07工作\x1b总结")) == ["党建工作总结"]


# -- .docx --------------------------------------------------------------------------------------


def test_docx_heading_styles_give_style_levels(tmp_path):
    path = variants.write_docx_with_headings([
        (None, "2023年党建工作总结"), (1, "一、主要工作"), (2, "（一）抓学习"),
        (None, "全年学习12次。"), (3, "1.专题学习"), (4, "（1）读原著"), (5, "第五级"),
    ], tmp_path / "headings.docx")
    assert [(l.text, l.lineno, l.style_level) for l in read_lines(path)] == [
        ("2023年党建工作总结", 1, None), ("一、主要工作", 2, 1), ("（一）抓学习", 3, 2),
        ("全年学习12次。", 4, None), ("1.专题学习", 5, 3), ("（1）读原著", 6, 4), ("第五级", 7, None)]


def _set_outline(paragraph, value: int) -> None:
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{value}"/>'))


def test_docx_direct_outline_level_and_chinese_style_names(tmp_path):
    document = docx.Document()
    document.styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)  # as WPS names it
    derived = document.styles.add_style("我的一级标题", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = document.styles["Heading 1"]
    _set_outline(document.add_paragraph("一、直接大纲级别"), 0)
    document.add_paragraph("（一）中文样式名", style="标题 2")
    document.add_paragraph("二、继承的标题样式", style="我的一级标题")
    _set_outline(document.add_paragraph("正文级别覆盖标题样式", style="Heading 1"), 9)
    _set_outline(document.add_paragraph("（1）四级", style="Normal"), 3)
    path = tmp_path / "outline.docx"
    document.save(path)
    assert [(l.text, l.style_level) for l in read_lines(path)] == [
        ("一、直接大纲级别", 1), ("（一）中文样式名", 2), ("二、继承的标题样式", 1),
        ("正文级别覆盖标题样式", None), ("（1）四级", 4)]


def test_docx_tables_in_body_order_with_merged_cells_once(tmp_path):
    document = docx.Document()
    document.add_paragraph("表前段落")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "横向合并"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "纵向合并"
    table.cell(1, 1).text = "甲"
    table.cell(1, 2).text = "乙"
    table.cell(2, 1).text = "丙"
    table.cell(2, 2).add_paragraph("丁二")
    table.cell(2, 2).paragraphs[0].text = "丁一"
    document.add_paragraph("表后段落")
    path = tmp_path / "table.docx"
    document.save(path)
    lines = read_lines(path)
    assert texts(lines)[0] == "表前段落" and texts(lines)[2] == "表后段落" and len(lines) == 3
    # a table of data stays one table: merged cells once, their columns kept, a cell's paragraphs joined
    assert lines[1].cells == [["横向合并", "", ""], ["纵向合并", "甲", "乙"], ["", "丙", "丁一 丁二"]]
    assert lines[0].cells is None and lines[2].cells is None
    numbers = [line.lineno for line in lines]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_docx_layout_tables_give_their_paragraphs(tmp_path):
    """A one-column table, or one whose cells hold whole paragraphs, only lays out
    the page: its paragraphs are read as paragraphs, not as a table of data."""
    document = docx.Document()
    boxed = document.add_table(rows=2, cols=1)
    boxed.cell(0, 0).text = "一、主要工作"
    boxed.cell(1, 0).text = "全年完成各项任务。"
    long_cells = document.add_table(rows=2, cols=2)
    long_cells.cell(0, 0).text = "左栏"
    long_cells.cell(0, 1).text = "这一栏写了很长的一整段话，" * 6
    path = tmp_path / "layout.docx"
    document.save(path)
    lines = read_lines(path)
    assert texts(lines)[:2] == ["一、主要工作", "全年完成各项任务。"]
    assert "左栏" in texts(lines)
    assert all(line.cells is None for line in lines)


TEXT_BOX = (
    '<w:r %s><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
    '<w:p><w:r><w:t>图中文字说明</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
)


def test_docx_text_boxes_and_footnotes_are_reported_not_lost_silently(tmp_path):
    from drafter.parsing import parse_file

    document = docx.Document()
    document.add_paragraph("2024年工作总结")
    body = document.add_paragraph("今年完成了主要任务。")
    body._p.append(parse_xml(TEXT_BOX % nsdecls("w")))
    note = document.add_paragraph("详见附表")
    note._p.append(parse_xml('<w:r %s><w:footnoteReference w:id="1"/></w:r>' % nsdecls("w")))
    path = tmp_path / "boxes.docx"
    document.save(path)
    assert "图中文字说明" not in "".join(texts(read_lines(path)))
    warnings = [w for w in parse_file(path).warnings if w.code == "left_out"]
    assert len(warnings) == 2
    assert "图中文字说明" in warnings[0].message and "文本框" in warnings[0].message
    assert "1 处脚注" in warnings[1].message


def test_docx_line_breaks_hidden_text_and_wrapped_heading(tmp_path):
    document = docx.Document()
    body = document.add_paragraph("第一行")
    body.runs[0].add_break()
    body.add_run("第二行")
    hidden = body.add_run("隐藏水印")
    hidden.font.hidden = True
    heading = document.add_heading("一、一个很长的", level=1)
    heading.runs[0].add_break()
    heading.add_run("标题")
    path = tmp_path / "breaks.docx"
    document.save(path)
    assert [(l.text, l.lineno, l.style_level) for l in read_lines(path)] == [
        ("第一行", 1, None), ("第二行", 1, None), ("一、一个很长的标题", 2, 1)]


def _add_chinese_numbering(document) -> str:
    numbering = document.part.part_related_by(RT.NUMBERING).element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _number(paragraph, num_id: str, ilvl: int) -> None:
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_docx_automatic_numbers_are_written_out(tmp_path):
    document = docx.Document()
    num_id = _add_chinese_numbering(document)
    document.add_paragraph("标题")
    for ilvl, text in [(0, "主要工作"), (1, "抓学习"), (2, "集中学习"), (2, "专题研讨"), (1, "抓组织"),
                       (0, "存在问题"), (1, "学习不深")]:
        _number(document.add_paragraph(text), num_id, ilvl)
    empty = document.add_paragraph("")
    _number(empty, num_id, 0)  # an empty numbered paragraph still counts
    _number(document.add_paragraph("下步打算"), num_id, 0)
    path = tmp_path / "numbered.docx"
    document.save(path)
    assert texts(read_lines(path)) == [
        "标题", "一、主要工作", "（一）抓学习", "1.集中学习", "2.专题研讨", "（二）抓组织",
        "二、存在问题", "（一）学习不深", "四、下步打算"]


def test_number_formats():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(28, "lowerLetter") == "ab"
    assert format_number(12, "chineseLegalSimplified") == "壹拾贰"
    assert format_number(7, "somethingNew") == "7"


# -- bad input ----------------------------------------------------------------------------------


def _assert_refused(path, pattern: str) -> DrafterError:
    with pytest.raises(DrafterError) as caught:
        read_lines(path)
    error = caught.value
    assert re.search(pattern, error.message), error.message
    assert re.search(r"[\u4e00-\u9fff]", error.message)  # Chinese for the user
    assert error.path == str(path)
    return error


def test_missing_path(tmp_path):
    _assert_refused(tmp_path / "没有这个文件.txt", "不存在")


def test_directory(tmp_path):
    _assert_refused(tmp_path, "文件夹")


@pytest.mark.parametrize("data", [
    b"", b"   \n\t\r\n", "\u3000\u3000\r\n\xa0\n".encode("utf-8"), b"\xef\xbb\xbf",
    b"\xff\xfe", "\ufeff \n".encode("utf-16-le"), "\u3000\n".encode("gb18030"), "\u200b\n".encode("utf-8"),
])
def test_empty_files(tmp_path, data):
    _assert_refused(write(tmp_path, "空.txt", data), "空")


def test_empty_docx(tmp_path):
    path = variants.write_docx_one_paragraph_per_line("\n  \n", tmp_path / "空.docx")
    _assert_refused(path, "没有文字")


def test_binary_file(tmp_path):
    _assert_refused(write(tmp_path, "图片.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "不是文本文件")


def test_old_word_doc_says_save_as_docx(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    _assert_refused(write(tmp_path, "旧文档.doc", ole), r"\.doc.*另存为.*\.docx")
    _assert_refused(write(tmp_path, "改了名.docx", ole), r"\.doc.*另存为")
    _assert_refused(write(tmp_path, "网页.doc", "<html>工作总结</html>".encode("utf-8")), r"另存为")


def test_docx_name_with_text_content(tmp_path):
    _assert_refused(write(tmp_path, "假的.docx", "一、工作总结".encode("utf-8")), "不是 Word 文档")


def test_corrupt_docx(tmp_path, originals):
    good = variants.write_docx_one_paragraph_per_line("一、情况\n正文", tmp_path / "好.docx").read_bytes()
    _assert_refused(write(tmp_path, "截断.docx", good[: len(good) // 2]), "损坏")
    _assert_refused(write(tmp_path, "乱码.docx", b"PK\x03\x04" + bytes(range(256)) * 3), "损坏")


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "压缩包.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("说明.txt", "不是文档")
    _assert_refused(path, "损坏|不是 Word")


def test_rtf_and_pdf(tmp_path):
    _assert_refused(write(tmp_path, "a.rtf", b"{\\rtf1\\ansi hello}"), "RTF")
    _assert_refused(write(tmp_path, "a.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "PDF")


def test_file_format_by_content_and_name():
    assert file_format(b"PK\x03\x04rest", ".txt") == "docx"
    assert file_format("正文".encode("gb18030"), ".TXT") == "text"
    assert file_format("正文".encode("utf-8"), "") == "text"


def test_messy_gb18030_file_reads_with_crlf_and_indents():
    data = (MESSY / "gb18030_crlf_indent.txt").read_bytes()
    assert b"\r\n" in data and decode_text(data)[1] == "gb18030"
    lines = read_lines(MESSY / "gb18030_crlf_indent.txt")
    assert lines[0] == Line("2023年度党支部书记抓基层党建工作述职报告（约3200字）", 1)
    assert all(not line.text.startswith("\u3000") for line in lines)
    assert [line.lineno for line in lines] == list(range(1, 2 * len(lines), 2))


# -- never a traceback --------------------------------------------------------------------------

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(st.binary(max_size=600))
def test_decode_random_bytes_only_raises_drafter_error(data):
    try:
        text, codec = decode_text(data)
    except DrafterError as error:
        assert error.message
    else:
        assert isinstance(text, str) and codec


@FAST
@given(
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe", b"\xef\xbb\xbf",
                            "一、".encode("gb18030")]),
    data=st.binary(max_size=400),
    suffix=st.sampled_from([".txt", ".docx", ".doc", ""]),
)
def test_read_random_files_only_raises_drafter_error(tmp_path_factory, prefix, data, suffix):
    path = tmp_path_factory.mktemp("random") / f"input{suffix}"
    path.write_bytes(prefix + data)
    try:
        lines = read_lines(path)
    except DrafterError as error:
        assert error.message and error.path == str(path)
    else:
        assert lines and all(line.text.strip() == line.text and line.text for line in lines)


def test_damaged_docx_variants_only_raise_drafter_error(tmp_path):
    good = variants.write_docx_one_paragraph_per_line("一、情况\n正文", tmp_path / "好.docx").read_bytes()
    outcomes = set()
    for cut in range(30, len(good), max(1, len(good) // 40)):
        damaged = bytearray(good)
        damaged[cut] ^= 0xFF
        path = write(tmp_path, f"坏{cut}.docx", bytes(damaged))
        try:
            lines = read_lines(path)
        except DrafterError as error:  # anything else fails the test
            assert error.path == str(path) and error.message
            outcomes.add("refused")
        else:
            assert all(isinstance(line.text, str) and line.text for line in lines)
            outcomes.add("read")
    assert "refused" in outcomes  # most damage is found; a flipped byte in unused space may not be


def _replace_part(docx_bytes: bytes, name: str, content: bytes) -> bytes:
    import io

    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            archive.writestr(item.filename, content if item.filename == name else source.read(item.filename))
    return out.getvalue()


@pytest.mark.parametrize("part, content", [
    ("word/document.xml", b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    ("word/document.xml", b"<w:document"),
    ("word/styles.xml", b"<<<"),
    ("[Content_Types].xml", b"<Types/>"),
])
def test_docx_with_a_broken_part(tmp_path, part, content):
    good = variants.write_docx_one_paragraph_per_line("一、情况\n正文", tmp_path / "好.docx").read_bytes()
    _assert_refused(write(tmp_path, "坏.docx", _replace_part(good, part, content)), "损坏")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_all_chinese_utf16_without_bom_or_nul_bytes(codec):
    text = "党建工作总结。全年组织学习十二次，覆盖党员干部。"
    data = text.encode(codec)
    assert b"\x00" not in data
    assert decode_text(data) == (text, codec)


def _all_test_lines() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted(MESSY.glob("*.txt")):
        out += [line.text for line in read_lines(path)]
    return out


@pytest.mark.parametrize("codec", ["gb18030", "utf-16-le", "utf-16-be"])
def test_every_single_line_decodes_alone(codec):
    """Short files are where guessing fails: each line of the seeds and messy
    files, saved alone without a BOM, must come back exactly."""
    lines = _all_test_lines()
    assert len(lines) > 180
    wrong = [text for text in lines if decode_text(text.encode(codec))[0] != text]
    assert wrong == []
