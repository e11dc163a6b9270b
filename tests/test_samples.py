"""The shipped samples: complete fill files that draft without gaps, from any
directory, and whose .docx parses back to the outline they describe."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from drafter.drafting import build_document, draft, load_fill
from drafter.parsing import parse_file
from drafter.placeholders import find_placeholders

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_KINDS = {"annual.yaml": "annual", "debrief.yaml": "debrief", "half_year.yaml": "half_year"}
# Slogans that date a 2025 document: old congresses and campaigns as if current.
OUTDATED = ("十九大", "十九届", "不忘初心、牢记使命”主题教育", "不忘初心牢记使命主题教育", "两学一做",
            "党史学习教育", "党纪学习教育", "2023年", "2024年")
_HEADING_END = "。．.；;，,、：: "


def outline(doc) -> list[tuple[int, str, str | None]]:
    return [(node.level, node.heading, node.role) for node in doc.walk()]


def docx_text(path: Path) -> str:
    # a manual line break (a long title in two lines) is layout, not text
    return "\n".join(p.text.replace("\n", "") for p in docx.Document(str(path)).paragraphs)


def test_the_three_samples_are_there():
    names = sorted(p.name for p in SAMPLES.glob("*.yaml"))
    assert set(SAMPLE_KINDS) <= set(names)


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_sample_drafts_complete_from_another_directory(tmp_path, name):
    # run as a user would, from an unrelated folder, with the shipped bank
    result = subprocess.run([sys.executable, "-m", "drafter", "draft", str(SAMPLES / name), "-o", "out.docx"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "待补充 0 处" in result.stdout and "占位符 0 处" in result.stdout
    # no warnings (nothing stripped, moved or missing): only which bank was used
    assert result.stderr == "语库：随程序发布的默认语库\n"
    assert (tmp_path / "out.docx").stat().st_size > 5000


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_every_value_of_the_sample_appears_in_the_docx(tmp_path, name):
    report = draft(SAMPLES / name, tmp_path / "out.docx")
    assert report.gaps == [] and report.placeholders == [] and report.warnings == []
    text = docx_text(tmp_path / "out.docx")
    values = load_fill(SAMPLES / name).texts()
    assert len(values) > 20
    for value in values:
        assert value.rstrip(_HEADING_END) in text, value


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_sample_round_trips_through_the_parser(tmp_path, name):
    doc, fill, _plan = build_document(SAMPLES / name)
    assert doc.kind == SAMPLE_KINDS[name] == fill.kind
    for fmt in ("docx", "txt"):
        out = tmp_path / f"out.{fmt}"
        draft(SAMPLES / name, out)
        parsed = parse_file(out)
        assert outline(parsed) == outline(doc), fmt
        assert (parsed.kind, parsed.title, parsed.signature, parsed.date) == \
            (doc.kind, doc.title, doc.signature, doc.date)
        assert parsed.opening == doc.opening
        mine, theirs = list(doc.walk()), list(parsed.walk())
        for written, read in zip(mine[:-1], theirs[:-1]):
            assert (read.paragraphs, read.items) == (written.paragraphs, written.items)
        # the closing comes back as the closing, or (when the parser does not
        # recognise its wording) as the last paragraph of the last section
        last_written, last_read = mine[-1], theirs[-1]
        assert last_read.items == last_written.items
        tail = last_read.paragraphs[len(last_written.paragraphs):]
        assert last_read.paragraphs[:len(last_written.paragraphs)] == last_written.paragraphs
        assert parsed.closing.split("\n") == doc.closing.split("\n") or \
            (parsed.closing == "" and tail == doc.closing.split("\n"))


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_samples_read_as_2025_documents(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    fill = load_fill(SAMPLES / name)
    assert fill.year == 2025 and fill.date.year == 2025
    for slogan in OUTDATED:
        assert slogan not in text, slogan
    for value in fill.texts():
        assert find_placeholders(value) == [], value
    assert "深入贯彻中央八项规定精神学习教育" in text


def test_sample_forms_cover_mapping_list_and_chinese_keys():
    annual = load_fill(SAMPLES / "annual.yaml")
    half_year = load_fill(SAMPLES / "half_year.yaml")
    debrief_text = (SAMPLES / "debrief.yaml").read_text(encoding="utf-8")
    assert annual.sections_form == "mapping" and half_year.sections_form == "list"
    assert "正文:" in debrief_text and "标题:" in debrief_text and "要点:" in debrief_text


def documented_example() -> str:
    """The complete example of the fill-format documentation (docs/, or README once merged)."""
    for doc in (ROOT / "docs" / "fill-format.md", ROOT / "README.md"):
        if doc.exists():
            for block in re.findall(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S):
                if "kind: annual" in block and "sections:" in block and "date:" in block:
                    return block
    raise AssertionError("the fill format documentation has no complete example")


def test_the_documented_example_drafts_as_described(tmp_path):
    fill = tmp_path / "example.yaml"
    fill.write_text(documented_example(), encoding="utf-8")
    report = draft(fill, tmp_path / "example.docx")
    assert report.warnings == []
    assert [s.role for s in report.document.sections] == ["achievements", "problems", "causes", "plans"]
    assert report.gaps == [report.document.sections[2].heading]  # causes was left empty
    plans = report.document.sections[3].heading
    assert plans.startswith("2026年"), plans
    text = docx_text(tmp_path / "example.docx")
    for value in load_fill(fill).texts():
        assert value in text, value
    assert "（二）夯实基层基础，组织力不断提升\n1.规范组织生活。" in text


def starter_drafts(tmp_path: Path) -> list[Path]:
    """`drafter init` of every shipped kind, drafted unfilled (every part a gap)."""
    from drafter.bank import load_skeletons
    from drafter.drafting import init_fill

    drafted = []
    for kind in dict.fromkeys(s["kind"] for s in load_skeletons()):
        fill = init_fill(kind, tmp_path / f"starter_{kind}.yaml")
        draft(fill, tmp_path / f"starter_{kind}.docx")
        drafted.append(tmp_path / f"starter_{kind}.docx")
    return drafted


def test_drafted_samples_and_starters_keep_word_s_element_order(tmp_path):
    from test_docx_layout import Package, every_xml_part, order_problems

    written = starter_drafts(tmp_path)
    for name in sorted(SAMPLE_KINDS):
        draft(SAMPLES / name, tmp_path / f"{name}.docx")
        written.append(tmp_path / f"{name}.docx")
    for path in written:
        for part, root in every_xml_part(Package(path.read_bytes())).items():
            assert order_problems(root) == [], f"{path.name}: {part}"


def test_starter_gaps_are_highlighted_whole_and_the_opening_is_a_sentence(tmp_path):
    for path in starter_drafts(tmp_path):
        paragraphs = docx.Document(str(path)).paragraphs
        gaps = [p for p in paragraphs if p.text.startswith("【待补充】请补充")]
        assert gaps, path.name
        for paragraph in gaps:
            assert all(run.font.highlight_color is not None for run in paragraph.runs), paragraph.text
            assert "。。" not in paragraph.text and "；。" not in paragraph.text
        opening = paragraphs[2].text
        assert opening.endswith(("：", "。")), opening


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_no_space_between_chinese_and_figures_in_the_samples(tmp_path, name):
    draft(SAMPLES / name, tmp_path / "out.docx")
    text = docx_text(tmp_path / "out.docx")
    assert not re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef] +[\u4e00-\u9fff0-9]", text)
    assert not re.search(r"[0-9] +[\u4e00-\u9fff]", text)


def test_the_documented_output_is_what_drafting_gives(tmp_path):
    """Each line of the documentation's "生成的文稿" block (but those it elides
    with ……) is a paragraph of the draft, in the same order."""
    doc_text = (ROOT / "docs" / "fill-format.md").read_text(encoding="utf-8")
    shown = re.search(r"生成的文稿：\n\n```\n(.*?)```", doc_text, re.S).group(1)
    expected = [line.split("←")[0].strip() for line in shown.splitlines()]
    expected = [line for line in expected if line and "……" not in line]
    fill = tmp_path / "example.yaml"
    fill.write_text(documented_example(), encoding="utf-8")
    draft(fill, tmp_path / "example.docx")
    paragraphs = [p.strip() for p in docx_text(tmp_path / "example.docx").splitlines() if p.strip()]
    positions = [paragraphs.index(line) for line in expected]
    assert positions == sorted(positions)
    assert len(expected) >= 15
