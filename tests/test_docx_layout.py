"""The .docx follows GB/T 9704-2012: every layout rule checked in the written XML.

Figures (twips) come from the standard, not from drafter's own constants, so
a wrong constant fails here: A4 11906 × 16838, margins 37/35/28/26 mm,
22 lines of 579, 28 characters of 16 pt with −5 spacing, 2-character indents.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from lxml import etree

from drafter.model import Document, Section
from drafter.writers import write_document
from drafter.writers.docx_writer import docx_bytes
from render_helpers import DATE, SIGNATURE, TITLE, party_summary

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def val(element, attribute: str = "val"):
    return None if element is None else element.get(w(attribute))


class Package:
    """A written .docx opened as XML parts."""

    def __init__(self, data: bytes):
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name))

    @property
    def document(self):
        return self.xml("word/document.xml")

    @property
    def styles(self):
        return self.xml("word/styles.xml")

    def style(self, style_id: str):
        found = self.styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert found is not None, f"style {style_id} missing"
        return found

    def paragraphs(self):
        return self.document.findall(".//w:body/w:p", NS)

    def footer_for(self, kind: str):
        sect = self.document.find(".//w:body/w:sectPr", NS)
        ref = sect.find(f"w:footerReference[@w:type='{kind}']", NS)
        rel_id = ref.get(f"{{{R}}}id")
        rels = etree.fromstring(self.zip.read("word/_rels/document.xml.rels"))
        target = next(r.get("Target") for r in rels if r.get("Id") == rel_id)
        return self.xml("word/" + target)


def text_of(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(w("t")))


def style_of(paragraph) -> str | None:
    return val(paragraph.find("w:pPr/w:pStyle", NS))


def runs_of(paragraph):
    return paragraph.findall("w:r", NS)


def run_text(run) -> str:
    return "".join(t.text or "" for t in run.iter(w("t")))


def find_paragraph(package: Package, start: str):
    for paragraph in package.paragraphs():
        if text_of(paragraph).startswith(start):
            return paragraph
    raise AssertionError(f"no paragraph starts with {start!r}")


def assert_fonts(rpr, font: str) -> None:
    fonts = rpr.find("w:rFonts", NS)
    assert fonts is not None
    for slot in ("ascii", "eastAsia", "hAnsi", "cs"):
        assert val(fonts, slot) == font, f"w:{slot} is {val(fonts, slot)!r}, expected {font}"


def assert_size(rpr, half_points: int) -> None:
    assert val(rpr.find("w:sz", NS)) == str(half_points)
    assert val(rpr.find("w:szCs", NS)) == str(half_points)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "党建工作总结.docx"
    write_document(party_summary(), path, "docx")
    return path


@pytest.fixture(scope="module")
def package(written) -> Package:
    return Package(written.read_bytes())


def package_of(doc: Document) -> Package:
    return Package(docx_bytes(doc))


# -- page ------------------------------------------------------------------

def test_page_is_a4(package):
    size = package.document.find(".//w:sectPr/w:pgSz", NS)
    assert (val(size, "w"), val(size, "h")) == ("11906", "16838")


def test_margins_are_37_35_28_26_mm(package):
    margins = package.document.find(".//w:sectPr/w:pgMar", NS)
    assert {side: val(margins, side) for side in ("top", "bottom", "left", "right")} == {
        "top": "2098", "bottom": "1984", "left": "1587", "right": "1474"}


def test_section_grid_is_lines_of_579(package):
    grid = package.document.find(".//w:sectPr/w:docGrid", NS)
    assert val(grid, "type") == "lines"
    assert val(grid, "linePitch") == "579"


def test_22_lines_of_579_fill_the_text_block():
    text_block_height = 16838 - 2098 - 1984
    assert 22 * 579 <= text_block_height < 23 * 579


def test_28_characters_of_315_twips_fill_the_line():
    text_width = 11906 - 1587 - 1474
    assert 28 * (320 - 5) <= text_width < 29 * (320 - 5)
    assert 28 * 320 > text_width  # without the −5 spacing only 27 fit


# -- body style -------------------------------------------------------------

def test_normal_style_is_3hao_fangsong(package):
    rpr = package.style("Normal").find("w:rPr", NS)
    assert_fonts(rpr, "仿宋_GB2312")
    assert_size(rpr, 32)


def test_normal_style_has_exact_579_spacing_off_grid(package):
    ppr = package.style("Normal").find("w:pPr", NS)
    spacing = ppr.find("w:spacing", NS)
    assert (val(spacing, "line"), val(spacing, "lineRule")) == ("579", "exact")
    assert (val(spacing, "before"), val(spacing, "after")) == ("0", "0")
    assert val(ppr.find("w:snapToGrid", NS)) == "0"


def test_normal_style_indents_first_line_two_characters(package):
    ind = package.style("Normal").find("w:pPr/w:ind", NS)
    assert (val(ind, "firstLineChars"), val(ind, "firstLine")) == ("200", "640")


def test_normal_style_tightens_characters_by_5_twips(package):
    assert val(package.style("Normal").find("w:rPr/w:spacing", NS)) == "-5"


def test_body_paragraphs_are_justified(package):
    assert val(package.style("Normal").find("w:pPr/w:jc", NS)) == "both"


def test_no_paragraph_turns_the_grid_or_spacing_back_on(package):
    for paragraph in package.paragraphs():
        ppr = paragraph.find("w:pPr", NS)
        if ppr is not None:
            assert ppr.find("w:snapToGrid", NS) is None
            assert ppr.find("w:spacing", NS) is None


def test_doc_defaults_are_chinese(package):
    defaults = package.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert_fonts(defaults, "仿宋_GB2312")
    assert val(defaults.find("w:lang", NS), "eastAsia") == "zh-CN"


def test_no_theme_font_attributes_anywhere(package):
    for name in package.zip.namelist():
        if not name.endswith(".xml"):
            continue
        for element in package.xml(name).iter():
            themed = [a for a in element.attrib if a.split("}")[-1].lower().endswith("theme")]
            assert not themed, f"{name}: {element.tag} has {themed}"


def test_theme_font_language_is_simplified_chinese(package):
    lang = package.xml("word/settings.xml").find("w:themeFontLang", NS)
    assert val(lang, "eastAsia") == "zh-CN"


def test_every_run_prints_punctuation_in_the_chinese_font(package):
    runs = package.document.findall(".//w:r", NS)
    assert runs
    for run in runs:
        assert val(run.find("w:rPr/w:rFonts", NS), "hint") == "eastAsia"


# -- title ------------------------------------------------------------------

def test_title_is_2hao_xiaobiaosong_centred(package):
    style = package.style("Title")
    assert_fonts(style.find("w:rPr", NS), "方正小标宋简体")
    assert_size(style.find("w:rPr", NS), 44)
    assert val(style.find("w:pPr/w:jc", NS)) == "center"
    ind = style.find("w:pPr/w:ind", NS)
    assert (val(ind, "firstLineChars"), val(ind, "firstLine")) == ("0", "0")


def test_title_is_first_then_one_blank_line(package):
    first, second, third = package.paragraphs()[:3]
    assert style_of(first) == "Title" and text_of(first) == TITLE
    assert text_of(second) == ""
    assert text_of(third).startswith("今年以来")


# -- headings ---------------------------------------------------------------

HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_heading_style_font_and_outline_level(package, level):
    style = package.style(f"Heading{level}")
    assert style.find("w:name", NS).get(w("val")) == f"heading {level}"
    assert_fonts(style.find("w:rPr", NS), HEADING_FONTS[level])
    assert_size(style.find("w:rPr", NS), 32)
    assert val(style.find("w:pPr/w:outlineLvl", NS)) == str(level - 1)
    assert val(style.find("w:basedOn", NS)) == "Normal"


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_heading_style_has_no_colour_bold_or_space_before(package, level):
    style = package.style(f"Heading{level}")
    assert style.find("w:rPr/w:color", NS) is None
    bold = style.find("w:rPr/w:b", NS)
    assert bold is None or val(bold) == "0"
    spacing = style.find("w:pPr/w:spacing", NS)
    assert spacing is None or val(spacing, "before") in (None, "0")


@pytest.mark.parametrize("level", [3, 4])
def test_heading_char_style_matches_its_heading(package, level):
    style = package.style(f"Heading{level}Char")
    assert style.get(w("type")) == "character"
    assert val(style.find("w:link", NS)) == f"Heading{level}"
    assert_fonts(style.find("w:rPr", NS), HEADING_FONTS[level])


def test_headings_stand_alone_with_markers_from_structure(package):
    headings = [(style_of(p), text_of(p)) for p in package.paragraphs()
                if (style_of(p) or "").startswith("Heading")]
    assert headings == [
        ("Heading1", "一、主要工作开展情况"),
        ("Heading2", "（一）坚持理论武装，筑牢思想根基"),
        ("Heading2", "（二）夯实基层基础，提升组织力"),
        ("Heading2", "（三）深化作风建设，营造风清气正的良好氛围"),
        ("Heading1", "二、存在的问题"),
        ("Heading1", "三、2024年工作打算"),
        ("Heading2", "（一）持续加强政治建设"),
        ("Heading2", "（二）持续推进党建与业务深度融合"),
    ]


def test_markers_ignore_what_the_reader_wrote():
    doc = Document(title="总结", sections=[
        Section(1, marker="五、", heading="基本情况", children=[
            Section(2, marker="（三）", heading="抓学习"),
            Section(2, marker="（三）", heading="抓落实"),
        ]),
        Section(1, marker="1.", heading="下步打算"),
    ])
    texts = [text_of(p) for p in package_of(doc).paragraphs() if text_of(p)]
    assert texts == ["总结", "一、基本情况", "（一）抓学习", "（二）抓落实", "二、下步打算"]


def test_level_1_and_2_headings_drop_a_trailing_full_stop():
    doc = Document(sections=[Section(1, heading="存在的问题。", children=[Section(2, heading="学习不深。")])])
    assert [text_of(p) for p in package_of(doc).paragraphs()] == ["一、存在的问题", "（一）学习不深"]


def test_level_3_heading_runs_on_with_only_the_heading_in_heading_style(package):
    paragraph = find_paragraph(package, "1.强化集中学习。")
    assert style_of(paragraph) == "Normal"
    runs = runs_of(paragraph)
    assert run_text(runs[0]) == "1.强化集中学习。"
    assert val(runs[0].find("w:rPr/w:rStyle", NS)) == "Heading3Char"
    assert run_text(runs[1]).startswith("坚持每周集中学习制度")
    assert all(r.find("w:rPr/w:rStyle", NS) is None for r in runs[1:])


def test_level_4_heading_runs_on(package):
    paragraph = find_paragraph(package, "（1）线上学习。")
    runs = runs_of(paragraph)
    assert run_text(runs[0]) == "（1）线上学习。"
    assert val(runs[0].find("w:rPr/w:rStyle", NS)) == "Heading4Char"
    assert text_of(paragraph) == "（1）线上学习。依托网络学习平台推送学习资料，开设专题学习栏目，党员干部利用碎片时间随时随地学习，学习积分排名位居系统前列。"


def test_only_the_first_sentence_of_a_long_heading_takes_the_heading_style():
    doc = Document(sections=[Section(1, heading="工作", children=[
        Section(3, heading="加强学习。提高本领", paragraphs=["全年集中学习24次。"])])])
    paragraph = find_paragraph(package_of(doc), "1.")
    runs = runs_of(paragraph)
    assert run_text(runs[0]) == "1.加强学习。"
    assert text_of(paragraph) == "1.加强学习。提高本领。全年集中学习24次。"
    assert runs[1].find("w:rPr/w:rStyle", NS) is None


def test_level_3_heading_without_paragraphs_stands_alone():
    doc = Document(sections=[Section(1, heading="工作", children=[
        Section(3, heading="以“三会一课”为支撑", items=["严格落实制度。"])])])
    paragraphs = [p for p in package_of(doc).paragraphs()]
    assert [(style_of(p), text_of(p)) for p in paragraphs] == [
        ("Heading1", "一、工作"), ("Heading3", "1.以“三会一课”为支撑"), ("Normal", "一是严格落实制度。")]


# -- items ------------------------------------------------------------------

def test_items_are_body_paragraphs_numbered_yishi(package):
    texts = [text_of(p) for p in package.paragraphs()]
    start = next(i for i, t in enumerate(texts) if t.startswith("一是规范组织生活"))
    assert texts[start + 1].startswith("二是加强党员队伍建设。")
    assert texts[start + 2].startswith("三是落实党费收缴管理制度。")
    assert style_of(package.paragraphs()[start]) == "Normal"


def test_item_ordinals_go_to_ershi():
    doc = Document(sections=[Section(1, heading="做法", items=[f"第{n}项工作。" for n in range(1, 21)])])
    texts = [text_of(p) for p in package_of(doc).paragraphs()][1:]
    assert texts[0] == "一是第1项工作。"
    assert texts[9] == "十是第10项工作。"
    assert texts[10] == "十一是第11项工作。"
    assert texts[19] == "二十是第20项工作。"


# -- signature and date (GB/T 9704 7.3.5.2, unsealed) ------------------------

def test_signature_sits_one_blank_line_below_the_body(package):
    paragraphs = package.paragraphs()
    texts = [text_of(p) for p in paragraphs]
    at = texts.index(SIGNATURE)
    assert texts[at - 1] == ""
    assert texts[at - 2].startswith("新的一年")
    assert texts[at + 1] == DATE
    assert at + 2 == len(texts)


def test_signature_and_date_styles_are_right_aligned_body_text(package):
    for style_id in ("Signature", "Date"):
        style = package.style(style_id)
        assert val(style.find("w:pPr/w:jc", NS)) == "right"
        assert_fonts(style.find("w:rPr", NS), "仿宋_GB2312")
        assert val(style.find("w:pPr/w:ind", NS), "firstLine") == "0"


def right_indent(paragraph) -> int:
    return int(val(paragraph.find("w:pPr/w:ind", NS), "right"))


def test_signature_two_characters_in_date_two_characters_right_of_it(package):
    signature = find_paragraph(package, SIGNATURE)
    date = find_paragraph(package, DATE)
    assert style_of(signature) == "Signature" and style_of(date) == "Date"
    # 中共XX中心支部委员会: 9 full + 2 half = 10 characters, 11 glyphs at −5:
    # 3200 − 55 = 3145 twips. 2023年12月20日: 3 full + 8 half = 7 characters: 2240 − 55 = 2185.
    assert right_indent(signature) == 640
    assert right_indent(date) == 3145 - 2185
    signature_left = -(640 + 3145)
    date_left = -(right_indent(date) + 2185)
    assert date_left - signature_left == 640


def test_date_longer_than_allowed_moves_the_signature_left():
    doc = Document(title="述职报告", closing="以上报告，请审议。", signature="XX党支部", date="2023年12月20日")
    package = package_of(doc)
    signature, date = find_paragraph(package, "XX党支部"), find_paragraph(package, "2023年")
    # XX党支部: 3 full + 2 half = 4 characters, 5 glyphs: 1280 − 25 = 1255 twips.
    assert right_indent(date) == 640
    assert right_indent(signature) == 640 + 2185 + 640 - 1255
    assert (-(640 + 2185)) - (-(right_indent(signature) + 1255)) == 640


def test_date_alone_sits_two_characters_in():
    package = package_of(Document(title="总结", closing="特此报告。", date="2025年12月20日"))
    texts = [text_of(p) for p in package.paragraphs()]
    assert texts[-2:] == ["", "2025年12月20日"]
    assert right_indent(package.paragraphs()[-1]) == 640


def test_nothing_empty_is_written():
    package = package_of(Document(title="总结", opening="\n  \n正文。", closing=" "))
    assert [text_of(p) for p in package.paragraphs()] == ["总结", "", "正文。"]
    assert not [p for p in package.paragraphs() if style_of(p) in ("Signature", "Date")]


# -- page numbers -----------------------------------------------------------

def test_odd_and_even_footers_are_enabled(package):
    assert package.xml("word/settings.xml").find("w:evenAndOddHeaders", NS) is not None


def field_sequence(footer) -> list[str]:
    sequence = []
    for run in footer.iter(w("r")):
        for child in run:
            if child.tag == w("fldChar"):
                sequence.append(child.get(w("fldCharType")))
            elif child.tag == w("instrText"):
                sequence.append(f"instr:{child.text.strip()}")
            elif child.tag == w("t"):
                sequence.append(f"text:{child.text}")
    return sequence


@pytest.mark.parametrize("kind", ["default", "even"])
def test_footer_has_a_page_field_between_em_dashes(package, kind):
    footer = package.footer_for(kind)
    assert field_sequence(footer) == [
        "text:— ", "begin", "instr:PAGE", "separate", "text:1", "end", "text: —"]


def test_odd_page_number_right_one_character_in(package):
    ppr = package.footer_for("default").find("w:p/w:pPr", NS)
    assert val(ppr.find("w:jc", NS)) == "right"
    assert val(ppr.find("w:ind", NS), "right") == "280"
    assert val(ppr.find("w:ind", NS), "left") is None


def test_even_page_number_left_one_character_in(package):
    ppr = package.footer_for("even").find("w:p/w:pPr", NS)
    assert val(ppr.find("w:jc", NS)) == "left"
    assert val(ppr.find("w:ind", NS), "left") == "280"
    assert val(ppr.find("w:ind", NS), "right") is None


def test_page_numbers_are_4hao_songti(package):
    style = package.style("Footer")
    assert_fonts(style.find("w:rPr", NS), "宋体")
    assert_size(style.find("w:rPr", NS), 28)
    for kind in ("default", "even"):
        assert style_of(package.footer_for(kind).find("w:p", NS)) == "Footer"


# -- fonts table ------------------------------------------------------------

def test_font_table_offers_installed_alternatives(package):
    table = package.xml("word/fontTable.xml")
    alternatives = {f.get(w("name")): val(f.find("w:altName", NS)) for f in table.findall("w:font", NS)}
    assert alternatives["仿宋_GB2312"] == "仿宋"
    assert alternatives["楷体_GB2312"] == "楷体"
    assert alternatives["方正小标宋简体"] == "宋体"


def test_every_font_named_in_styles_is_in_the_font_table(package):
    table = package.xml("word/fontTable.xml")
    listed = {f.get(w("name")) for f in table.findall("w:font", NS)}
    used = {val(f, slot) for f in package.styles.iter(w("rFonts"))
            for slot in ("ascii", "eastAsia", "hAnsi", "cs")}
    assert used - {None} <= listed


# -- placeholders -----------------------------------------------------------

def highlighted_runs(package: Package) -> list[str]:
    return [run_text(r) for r in package.document.iter(w("r"))
            if val(r.find("w:rPr/w:highlight", NS)) == "yellow"]


def test_placeholders_are_separate_yellow_runs(package):
    marked = highlighted_runs(package)
    assert marked.count("XX") == 3  # title, 党的XX大精神, signature
    assert "XXX" in marked
    assert marked.count("X") == 4
    title_runs = runs_of(package.paragraphs()[0])
    assert [run_text(r) for r in title_runs] == ["XX", "中心2023年度党建工作总结"]
    assert title_runs[1].find("w:rPr/w:highlight", NS) is None


def test_a_todo_paragraph_is_highlighted_whole():
    doc = Document(opening="【待补充】本年度主要成效，请补充具体数据。", sections=[
        Section(1, heading="问题", items=["理论学习不深。", "【待补充】"])])
    package = package_of(doc)
    for start in ("【待补充】本年度", "二是【待补充】"):
        runs = runs_of(find_paragraph(package, start))
        assert runs and all(val(r.find("w:rPr/w:highlight", NS)) == "yellow" for r in runs)
    assert highlighted_runs(package).count("一是理论学习不深。") == 0


def test_latin_words_are_not_highlighted():
    doc = Document(opening="用Excel和XML整理台账，学习X次。")
    assert highlighted_runs(package_of(doc)) == ["X"]


def test_placeholder_inside_a_runon_heading_keeps_the_heading_style():
    doc = Document(sections=[Section(1, heading="工作", children=[
        Section(3, heading="开展XX活动", paragraphs=["参加X人。"])])])
    runs = runs_of(find_paragraph(package_of(doc), "1."))
    assert [(run_text(r), val(r.find("w:rPr/w:rStyle", NS)), val(r.find("w:rPr/w:highlight", NS)))
            for r in runs] == [
        ("1.开展", "Heading3Char", None), ("XX", "Heading3Char", "yellow"), ("活动。", "Heading3Char", None),
        ("参加", None, None), ("X", None, "yellow"), ("人。", None, None)]


# -- package ----------------------------------------------------------------

def test_python_docx_reads_the_styles_by_their_builtin_names(written):
    document = docx.Document(str(written))
    names = [p.style.name for p in document.paragraphs]
    assert names[0] == "Title"
    assert {"Heading 1", "Heading 2", "Normal", "Signature", "Date"} <= set(names)
    assert document.sections[0].page_width == 11906 * 635  # EMU


def test_core_properties_carry_the_title_and_no_sample_metadata(written, package):
    properties = docx.Document(str(written)).core_properties
    assert properties.title == TITLE
    assert properties.author in ("", "drafter")
    assert properties.created == properties.modified == datetime(2023, 12, 20, tzinfo=timezone.utc)
    everything = b"".join(package.zip.read(name) for name in package.zip.namelist())
    assert b"python-docx" not in everything
    assert not [name for name in package.zip.namelist() if "thumbnail" in name or "customXml" in name]


def test_same_document_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write_document(party_summary(), first, "docx")
    write_document(party_summary(), second, "docx")
    assert first.read_bytes() == second.read_bytes()
    changed = party_summary()
    changed.date = "2024年1月5日"
    assert docx_bytes(changed) != first.read_bytes()


def test_control_characters_are_dropped_with_a_warning(tmp_path):
    doc = Document(title="总结", opening="全年开展学习\x07活动12次。\x0b\n\x1b", closing="特此报告\ud800。")
    warnings: list[str] = []
    path = tmp_path / "x.docx"
    write_document(doc, path, "docx", warnings=warnings)
    texts = [text_of(p) for p in Package(path.read_bytes()).paragraphs()]
    assert texts == ["总结", "", "全年开展学习活动12次。", "特此报告。"]
    assert len(warnings) == 3
    assert "U+0007" in warnings[0] and "U+000B" in warnings[0] and "全年开展学习活动" in warnings[0]
    assert "U+001B" in warnings[1]
    assert "U+D800" in warnings[2] and "特此报告" in warnings[2]


def test_read_back_gives_the_same_outline(written):
    parsing = pytest.importorskip("drafter.parsing", reason="drafter.parsing (the lead's reader) not importable yet")
    parsed = parsing.parse_file(written)
    source = party_summary()

    def outline(doc):
        return [(node.level, node.heading, list(node.items)) for node in doc.walk()]

    assert outline(parsed) == outline(source)
    assert parsed.title == source.title
    assert parsed.signature == source.signature
    assert parsed.date == source.date


# -- Word is strict about element order (ECMA-376 Part 1, the W3C schema) ---------------------------
# An element out of sequence makes Word refuse the file ("unreadable content")
# even though LibreOffice opens it; so every property element is checked.

PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange",
]
SECTPR_ORDER = [
    "headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
]
STYLE_ORDER = [
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
    "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
]
SETTINGS_ORDER = [
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
    "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles",
    "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
    "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit",
    "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle",
    "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
    "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
    "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
]
FONT_ORDER = ["altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular",
              "embedBold", "embedItalic", "embedBoldItalic"]
SEQUENCES = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECTPR_ORDER, "style": STYLE_ORDER,
             "settings": SETTINGS_ORDER, "font": FONT_ORDER}
REPEATABLE = {"headerReference", "footerReference", "tblStylePr", "activeWritingStyle", "smartTagType"}


def order_problems(root) -> list[str]:
    """Every w:pPr, w:rPr, w:sectPr, w:style, w:settings and w:font whose
    children are unknown, repeated or out of the schema's sequence."""
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{W}}}"):
            continue
        local = etree.QName(element).localname
        sequence = SEQUENCES.get(local)
        if sequence is None:
            continue
        position = {name: index for index, group in enumerate(sequence) for name in group.split("|")}
        last, seen = -1, set()
        for child in element:
            name = etree.QName(child).localname
            if child.tag != w(name):
                problems.append(f"{local}: {child.tag} is not a WordprocessingML element")
                continue
            if name not in position:
                problems.append(f"{local}: unknown child {name}")
                continue
            if position[name] < last:
                problems.append(f"{local}: {name} comes after {[etree.QName(c).localname for c in element]}")
            if name in seen and name not in REPEATABLE:
                problems.append(f"{local}: {name} repeated")
            seen.add(name)
            last = position[name]
    return problems


def every_xml_part(package: Package) -> dict[str, object]:
    return {name: package.xml(name) for name in package.zip.namelist() if name.endswith((".xml", ".rels"))}


def rich_document() -> Document:
    """Every kind of block the writer makes: title, run-on headings at levels 3
    and 4, a run-on gap, items, placeholders, several signature lines, a date."""
    doc = party_summary()
    doc.sections[0].children[0].children.append(
        Section(3, heading="学习效果", paragraphs=["【待补充】请补充“主要工作”方面的内容。可参考：甲；乙。"]))
    doc.signature = "中共XX中心支部委员会\nXX中心"
    return doc


@pytest.mark.parametrize("make", [party_summary, rich_document, lambda: Document(title="总结")])
def test_every_property_element_is_in_schema_order(make):
    package = package_of(make())
    for name, root in every_xml_part(package).items():
        assert order_problems(root) == [], name


def test_the_order_check_catches_what_word_rejects():
    wrong = etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:pPr><w:jc w:val="both"/><w:ind w:left="0"/></w:pPr>'
        f'<w:r><w:rPr><w:sz w:val="32"/><w:rFonts w:ascii="x"/><w:highlight w:val="yellow"/></w:rPr></w:r></w:p>')
    problems = order_problems(wrong)
    assert len(problems) == 2 and problems[0].startswith("pPr: ind") and problems[1].startswith("rPr: rFonts")


def test_package_parts_types_and_relationships_agree(package):
    names = set(package.zip.namelist())
    types = package.xml("[Content_Types].xml")
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    overrides = {o.get("PartName").lstrip("/"): o.get("ContentType") for o in types.iter(f"{ct}Override")}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{ct}Default")}
    assert defaults == {"rels": "application/vnd.openxmlformats-package.relationships+xml",
                        "xml": "application/xml"}
    # every part has its content type, and every override names a part that is there
    assert set(overrides) == names - {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"}
    assert overrides["word/document.xml"].endswith("wordprocessingml.document.main+xml")
    # every relationship points at a part in the package, ids unique
    for rels_name, base in (("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")):
        rels = list(package.xml(rels_name))
        assert len({r.get("Id") for r in rels}) == len(rels)
        for rel in rels:
            assert base + rel.get("Target") in names, rel.get("Target")
    # the footers named in sectPr are relationships of the document
    rel_ids = {r.get("Id") for r in package.xml("word/_rels/document.xml.rels")}
    for ref in package.document.iter(w("footerReference")):
        assert ref.get(f"{{{R}}}id") in rel_ids
    # [Content_Types].xml comes first in the zip, as Office writes it
    assert package.zip.namelist()[0] == "[Content_Types].xml"


def test_wordprocessing_parts_declare_their_namespaces(package):
    for name in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                 "word/footer1.xml", "word/footer2.xml"):
        raw = package.zip.read(name)
        assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"), name
        root = etree.fromstring(raw)
        assert root.nsmap.get("w") == W, name
        assert root.nsmap.get("r") == R, name  # r:id on footer references


def test_normal_style_turns_off_auto_spacing_between_chinese_and_figures(package):
    """Word and WPS add space between Chinese and Latin letters or digits unless
    told not to: lines with figures would hold fewer than 28 characters and the
    date (2025年12月20日, five such joints) would start left of its computed place."""
    ppr = package.style("Normal").find("w:pPr", NS)
    assert val(ppr.find("w:autoSpaceDE", NS)) == "0"
    assert val(ppr.find("w:autoSpaceDN", NS)) == "0"
    for style in package.styles.iter(w("style")):  # no style turns it back on
        for name in ("autoSpaceDE", "autoSpaceDN"):
            found = style.find(f"w:pPr/w:{name}", NS)
            assert found is None or val(found) == "0"


def test_a_gap_run_on_after_a_level_3_heading_is_highlighted_whole():
    hint = "【待补充】请补充“主要工作”方面的内容。可参考：甲；乙。"
    doc = Document(sections=[Section(1, heading="工作", children=[
        Section(3, heading="开展XX活动", paragraphs=[hint]),
        Section(3, heading="学习", paragraphs=["参加学习。【待补充】人数"])])])
    package = package_of(doc)
    runs = runs_of(find_paragraph(package, "1."))
    marked = [(run_text(r), val(r.find("w:rPr/w:highlight", NS))) for r in runs]
    assert marked == [("1.开展", None), ("XX", "yellow"), ("活动。", None), (hint, "yellow")]
    # text merely containing 【待补充】 keeps only the mark highlighted
    assert [run_text(r) for r in runs_of(find_paragraph(package, "2."))
            if val(r.find("w:rPr/w:highlight", NS))] == ["【待补充】"]
