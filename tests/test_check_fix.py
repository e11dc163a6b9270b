"""`drafter check --fix -o OUT` (drafter.fix): a corrected copy, the input untouched."""
import difflib
import json
import zipfile

import docx
import pytest
from click.testing import CliRunner

import drafter
from drafter.cli import main
from drafter.errors import DrafterError
from word_files import word_file

SOURCE = """区税务局第一党支部2025年上半年工作总结

2025年上半年，支部深入学习贯彻习总书记重要讲话精神,扎实推进支部建设。现将有关情况报告如下：
一、主要工作
截止6月底，支部共组织集中学习6次、专题研讨2次，发展党员XX名。
开展“学习强国”答题竞赛，参赛党员23名。
二、存在问题
学习的系统性还不够强,学用结合还不够紧密。
三、下半年工作打算
继续加强理论学习，提升支部建设质量。
区税务局第一党支部
2025年7月3日
"""
FIXED_LINES = {
    3: "2025年上半年，支部深入学习贯彻习近平总书记重要讲话精神，扎实推进支部建设。现将有关情况报告如下：",
    5: "截至6月底，支部共组织集中学习6次、专题研讨2次，发展党员XX名。",
    8: "学习的系统性还不够强，学用结合还不够紧密。",
}


def changed_lines(before: str, after: str) -> dict[int, str]:
    """Line number (1-based) -> new text of every line that differs (a real diff, not a comparison of two sets)."""
    changed = {}
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            assert tag == "replace" and a2 - a1 == b2 - b1, (tag, a1, a2, b1, b2)
            for offset in range(a2 - a1):
                changed[a1 + offset + 1] = after.splitlines()[b1 + offset]
    return changed


@pytest.mark.parametrize("encoding, newline", [("utf-8", "\n"), ("gb18030", "\r\n"), ("utf-8-sig", "\n")])
def test_the_copy_fixes_the_three_errors_and_changes_nothing_else(tmp_path, encoding, newline):
    path = tmp_path / "总结.txt"
    path.write_bytes(SOURCE.replace("\n", newline).encode(encoding))
    original = path.read_bytes()
    out = tmp_path / "总结（改正）.txt"
    result = drafter.fix(path, out)
    assert path.read_bytes() == original  # byte-identical
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    after = data.decode(encoding)
    assert after.count("\r\n") == original.decode(encoding).count("\r\n")
    assert changed_lines(SOURCE, after.replace("\r\n", "\n")) == FIXED_LINES
    assert [(c.line, c.rule, c.old, c.new) for c in result.changes] == [
        (3, "naming", "习总书记", "习近平总书记"), (3, "punctuation", ",", "，"),
        (5, "wording", "截止", "截至"), (8, "punctuation", ",", "，")]
    assert result.exit_code == 0
    # what is left: the placeholder, which has no one replacement
    assert [f.rule for f in result.remaining if f.severity == "error"] == ["placeholder"]


def test_only_errors_with_one_replacement_are_applied(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("2025年党支部工作总结\n一、主要工作\n为发展做出了积极贡献，各项工作开展的比较扎实。\n"
                    "对接国家食品药品监督管理总局的要求。\n二、存在问题\n学习不够。\n", encoding="utf-8")
    result = drafter.fix(path, tmp_path / "out.txt")
    assert result.changes == []  # a hint, a warning and an error with two possible names
    assert (tmp_path / "out.txt").read_bytes() == path.read_bytes()
    assert "没有可以自动改正的错误" in result.render()


def test_a_line_the_cleaning_cut_is_still_found(tmp_path):
    """The checked line lost web noise; the change is placed in the line as written."""
    path = tmp_path / "doc.txt"
    path.write_text("2025年党支部工作总结（2946字）\n一、主要工作\n截止6月底，共发展党员2名。\n二、存在问题\n学习不够。\n",
                    encoding="utf-8")
    drafter.fix(path, tmp_path / "out.txt")
    after = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert changed_lines(path.read_text(encoding="utf-8"), after) == {3: "截至6月底，共发展党员2名。"}


def make_docx(path, paragraphs):
    """paragraphs: lists of (text, bold) runs."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold
    document.save(path)


def test_docx_copy_keeps_every_other_part_and_the_first_runs_formatting(tmp_path):
    path = tmp_path / "总结.docx"
    make_docx(path, [[("区税务局第一党支部2025年上半年工作总结", False)],
                     [("支部深入学习贯彻习总", True), ("书记重要讲话精神,扎实推进支部建设。", False)],
                     [("截止6月底，支部共组织集中学习6次。", False)],
                     [("一、存在问题", False)], [("学习不够。", False)]])
    original = path.read_bytes()
    out = tmp_path / "改正.docx"
    result = drafter.fix(path, out)
    assert path.read_bytes() == original
    assert [(c.line, c.old, c.new) for c in result.changes] == [
        (2, "习总书记", "习近平总书记"), (2, ",", "，"), (3, "截止", "截至")]
    runs = [[(run.text, run.bold) for run in p.runs] for p in docx.Document(out).paragraphs]
    assert runs[1] == [("支部深入学习贯彻习近平总书记", True), ("重要讲话精神，扎实推进支部建设。", False)]
    assert runs[2] == [("截至6月底，支部共组织集中学习6次。", False)]
    assert runs[0] == [("区税务局第一党支部2025年上半年工作总结", False)]
    before, after = zipfile.ZipFile(path), zipfile.ZipFile(out)
    assert [i.filename for i in before.infolist()] == [i.filename for i in after.infolist()]
    assert [n for n in before.namelist() if before.read(n) != after.read(n)] == ["word/document.xml"]
    assert drafter.check(out).errors == []  # read back: nothing left to fix


def test_a_docx_drafter_wrote_is_fixed_in_place_of_its_runs(tmp_path):
    fill = tmp_path / "填写.yaml"
    fill.write_text("kind: annual\nunit: 市财政局机关第二党支部\nyear: 2025\ndate: 2025-12-25\n"
                    "opening: 2025年，支部坚持围绕中心抓党建,各项工作取得新进展。\n"
                    "sections:\n  achievements:\n    - heading: 强化理论武装\n      text: 截止11月底，组织集中学习14次。\n"
                    "  problems:\n    - 理论学习的深度还不够。\n  plans:\n    - 继续抓好理论学习。\n", encoding="utf-8")
    drafted = tmp_path / "总结.docx"
    drafter.draft(fill, drafted)
    result = drafter.fix(drafted, tmp_path / "改正.docx")
    assert sorted((c.old, c.new) for c in result.changes) == [(",", "，"), ("截止", "截至")]
    text = "\n".join(p.text for p in docx.Document(tmp_path / "改正.docx").paragraphs)
    assert "抓党建，各项工作" in text and "截至11月底" in text


def test_a_fix_inside_a_word_table_cell_changes_that_cell_only(tmp_path):
    """A table of data is one checked line; its fix lands in the one cell it is in."""
    path = word_file(tmp_path / "表格.docx", [
        "某局2025年工作总结", "一、主要工作", "全年完成各项任务。",
        [["项目", "次数", "说明"], ["集中学习", "12 次", "按计划"], ["专题研讨", "12", "次数同上"]],
        "二、存在问题", "学习不够深入。", "三、2026年工作计划", "继续努力。"])
    result = drafter.fix(path, tmp_path / "改正.docx")
    assert [(c.old, c.new) for c in result.changes] == [("12 ", "12")]
    cells = [[cell.text for cell in row.cells] for row in docx.Document(tmp_path / "改正.docx").tables[0].rows]
    assert cells == [["项目", "次数", "说明"], ["集中学习", "12次", "按计划"], ["专题研讨", "12", "次数同上"]]
    assert drafter.check(tmp_path / "改正.docx").errors == []


def test_fill_file_is_refused(tmp_path):
    fill = tmp_path / "填写.yaml"
    fill.write_text("kind: annual\nunit: 支部\nyear: 2025\n", encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        drafter.fix(fill, tmp_path / "out.yaml")
    assert "改填写文件后重新起草" in str(caught.value)
    result = CliRunner().invoke(main, ["check", str(fill), "--fix", "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 2 and "改填写文件后重新起草" in result.output
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("args, message", [
    (["--fix"], "-o"),
    (["-o", "{out}"], "--fix"),
    (["--fix", "-o", "{src}"], "不能写到原文件上"),
    (["--fix", "-o", "{other_suffix}"], "同为 .txt"),
    (["--force"], "--fix -o"),
])
def test_cli_fix_options_are_checked(tmp_path, args, message):
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    original = path.read_bytes()
    values = {"out": str(tmp_path / "out.txt"), "src": str(path), "other_suffix": str(tmp_path / "out.docx")}
    result = CliRunner().invoke(main, ["check", str(path), *[a.format(**values) for a in args]])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]


def test_cli_fix_lists_each_change_and_exits_0_with_errors_left(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(main, ["check", str(path), "--fix", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "第 3 行  “习总书记”→“习近平总书记”" in result.output and "第 5 行  “截止”→“截至”" in result.output
    assert "共改正 4 处" in result.output and "其中 1 个错误" in result.output
    assert drafter.check(out).exit_code == 1  # the placeholder is still there
    json_result = CliRunner().invoke(main, ["check", str(path), "--fix", "-o", str(out), "--json", "--force"])
    data = json.loads(json_result.stdout)
    assert list(data) == ["output", "changes", "findings"]
    assert [c["new"] for c in data["changes"]] == ["习近平总书记", "，", "截至", "，"]


def test_a_read_only_output_is_refused(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("旧文件", encoding="utf-8")
    out.chmod(0o444)
    result = CliRunner().invoke(main, ["check", str(path), "--fix", "-o", str(out), "--force"])
    assert result.exit_code == 2 and "只读" in result.output
    assert out.read_text(encoding="utf-8") == "旧文件"


def test_an_existing_copy_is_kept_unless_force(tmp_path):
    """Like extract: --fix -o OUT never overwrites OUT silently."""
    path = tmp_path / "doc.txt"
    path.write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("上次改好的副本", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--fix", "-o", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.output.strip().splitlines()
    assert "文件已存在" in line and "--force" in line and str(out) in line
    assert out.read_text(encoding="utf-8") == "上次改好的副本"
    with pytest.raises(DrafterError, match="文件已存在"):
        drafter.fix(path, out)
    assert out.read_text(encoding="utf-8") == "上次改好的副本"
    result = CliRunner().invoke(main, ["check", str(path), "--fix", "-o", str(out), "--force"])
    assert result.exit_code == 0 and "习近平总书记" in out.read_text(encoding="utf-8")
    assert drafter.fix(path, out, force=True).changes
