"""`drafter check` end to end: the Python API and the CLI, the seeds, the clean documents,
.docx and fill files, JSON keys and exit codes 0/1/2."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import drafter
from drafter.checking import FINDING_KEYS, CheckReport
from drafter.checking.rules import RULES
from drafter.cli import main
from drafter.errors import DrafterError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CLEAN_DOCS = sorted((ROOT / "tests" / "data" / "clean_docs").glob("*.txt"))
SEED_000 = "000_928ffb1024447432.txt"
SEED_004 = CORPUS / "004_53a748ed6597df06.txt"
# Two long sentences of seed 000 (its lines 7 and 10).
COPIED = ["各党支部坚持把学习党的新思想新理论作为提高党员干部政治素质的有效途径，认真落实周理论学习制度，建立考勤签到制度。",
          "为10余名离退休干部订阅《老年康乐报》、《生活晚报》等报刊，共计费用1000元。"]

# Every finding the five seeds give, each one read and judged right:
# the X / XX are the anonymised names and numbers of the web originals; 002 is a 2019
# text that says 学习贯彻党的十八大精神 (stale since the 19th congress in 2017) and 三是是;
# 004 skips 一、→四、 and 一是→三是. No seed copies another (each is left out of its own check).
# Typos the web originals really have: 000 line 8 对截止2023年7月1日党龄达到50周年 (as of a
# date: 截至); 002 line 10 a 《 never closed (《市X局机关党委贯彻落实<X市…方案（2018—2020 年）>并抓好落实)
# and 2020 年 split from its unit, line 15 在组织发展中,我们 (a half-width comma); 003 line 12
# 制约和监督,深化标本兼治,在全局 (two half-width commas).
SEED_FINDINGS = {
    "000_928ffb1024447432.txt": [("placeholder", "error", 5), ("wording", "error", 8), ("placeholder", "error", 9)],
    "001_56e93352d959f4eb.txt": [("placeholder", "error", 5), ("placeholder", "error", 22)],
    "002_bef99398f62872d2.txt": [
        ("placeholder", "error", 4), ("placeholder", "error", 7), ("placeholder", "error", 8),
        ("placeholder", "error", 10), ("punctuation", "warning", 10), ("numbers", "error", 10),
        ("numbering", "error", 12), ("placeholder", "error", 13),
        ("stale_term", "error", 13), ("placeholder", "error", 14), ("placeholder", "error", 15),
        ("punctuation", "error", 15),
        ("placeholder", "error", 16), ("placeholder", "error", 17), ("placeholder", "error", 19),
        ("placeholder", "error", 20), ("placeholder", "error", 23), ("placeholder", "error", 25),
        ("placeholder", "error", 27), ("placeholder", "error", 29), ("placeholder", "error", 43)],
    "003_e4ab13fd1b405e5f.txt": [("placeholder", "error", 6), ("placeholder", "error", 8),
                                 ("placeholder", "error", 10), ("placeholder", "error", 12),
                                 ("punctuation", "error", 12), ("punctuation", "error", 12)],
    "004_53a748ed6597df06.txt": [
        ("placeholder", "error", 1), ("placeholder", "error", 3), ("placeholder", "error", 9),
        ("placeholder", "error", 13), ("placeholder", "error", 15), ("placeholder", "error", 19),
        ("placeholder", "error", 21), ("numbering", "error", 21), ("placeholder", "error", 27),
        ("placeholder", "error", 41), ("placeholder", "error", 45), ("placeholder", "error", 49),
        ("numbering", "error", 51), ("placeholder", "error", 57)],
}


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "check-cache"))


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


# -- the seeds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(SEED_FINDINGS))
def test_every_seed_finding_is_known_and_right(name):
    report = drafter.check(CORPUS / name, corpus_dir=CORPUS)
    assert [(f.rule, f.severity, f.line) for f in report.findings] == SEED_FINDINGS[name]
    assert report.exit_code == 1


def test_seed_004_acceptance():
    report = drafter.check(SEED_004, corpus_dir=CORPUS)
    numbering = [f for f in report.findings if f.rule == "numbering"]
    assert [f.severity for f in numbering] == ["error", "error"]
    assert "“一是”跳到“三是”" in numbering[0].message
    assert "“一、”之后是“四、”" in numbering[1].message
    title = report.findings[0]
    assert (title.rule, title.line) == ("placeholder", 1) and "XX" in title.message and "标题" in title.message


def test_seed_002_is_a_2019_text_that_cites_the_18th_congress():
    report = drafter.check(CORPUS / "002_bef99398f62872d2.txt", corpus_dir=CORPUS)
    stale = [f for f in report.findings if f.rule == "stale_term"]
    # only 十八大: the same text's 党的十九大精神 and “不忘初心、牢记使命”主题教育 are right for 2019
    assert len(stale) == 1 and "党的十八大精神" in stale[0].text and "2019 年" in stale[0].message


# -- clean documents: a false positive is a bug -----------------------------------------------------

@pytest.mark.parametrize("path", CLEAN_DOCS, ids=[p.name for p in CLEAN_DOCS])
def test_clean_current_documents_get_no_error_and_no_warning(path):
    report = drafter.check(path, corpus_dir=CORPUS)
    assert report.errors == [] and report.warnings == [], report.render()
    assert report.exit_code == 0 and report.year in (2024, 2025)


def test_the_clean_documents_cover_every_kind_and_year():
    assert len(CLEAN_DOCS) >= 15
    reports = [drafter.check(p, corpus_dir=CORPUS) for p in CLEAN_DOCS]
    assert {(r.kind, r.year) for r in reports} >= {(kind, year) for kind in ("annual", "half_year", "debrief")
                                                 for year in (2024, 2025)}
    assert "report" in {r.kind for r in reports}  # a 巡察整改 report too
    titles = [p.read_text(encoding="utf-8").splitlines()[0] for p in CLEAN_DOCS]
    assert any("党支部" in t and "总结" in t for t in titles) and any(t.startswith(("县", "市", "区")) and "局" in t
                                                                    and "总结" in t for t in titles)
    assert any("\t" in p.read_text(encoding="utf-8") for p in CLEAN_DOCS)  # a table pasted as text
    assert sum(len(r.findings) for r in reports) == 0  # not even a hint


def test_the_rules_do_run_on_the_clean_documents(tmp_path):
    """The same documents with one fault each: every rule fires (the clean result is not vacuous)."""
    source = next(p for p in CLEAN_DOCS if p.name == "2024_branch_party_annual.txt").read_text(encoding="utf-8")
    faults = {
        "placeholder": source.replace("集中学习14次", "集中学习XX次"),
        "numbering": source.replace("三、2025年工作计划", "四、2025年工作计划"),
        "stale_term": source.replace("扎实开展党纪学习教育", "扎实开展党史学习教育"),
        "originality": source.replace("（三）严格组织生活，提升支部建设质量\n",
                                      "（三）严格组织生活，提升支部建设质量\n" + COPIED[0] + "\n"),
        "structure": source.replace("二、存在的主要问题", "二、主要做法和体会"),
        "year_mismatch": source.replace("三、2025年工作计划", "三、2024年工作计划"),
        "naming": source.replace("坚持以习近平新时代中国特色社会主义思想为指导", "坚持以习近平中国特色社会主义思想为指导"),
        "renamed_body": source.replace("围绕预算管理改革", "配合国土资源部推进预算管理改革"),
        "wording": source.replace("全年开展集中学习14次", "截止11月底开展集中学习14次"),
        "punctuation": source.replace("采取支委领学、党员轮流讲", "采取支委领学,党员轮流讲"),
        "numbers": source.replace("全年开展集中学习14次", "全年开展集中学习14 次"),
    }
    for rule, text in faults.items():
        assert text != source, rule
        path = tmp_path / f"{rule}.txt"
        path.write_text(text, encoding="utf-8")
        report = drafter.check(path, corpus_dir=CORPUS)
        assert {f.rule for f in report.findings} == {rule}, report.render()


# -- the Python API ------------------------------------------------------------------------------------

def test_report_object():
    report = drafter.check(SEED_004, corpus_dir=CORPUS)
    assert isinstance(report, CheckReport)
    assert report.errors and report.exit_code == 1
    data = report.to_dict()
    assert list(data) == ["findings"]
    assert all(tuple(finding) == FINDING_KEYS for finding in data["findings"])
    assert FINDING_KEYS == ("rule", "severity", "message", "line", "text", "source", "fix", "field")
    assert {f["severity"] for f in data["findings"]} <= {"error", "warning", "info"}
    assert {f["rule"] for f in data["findings"]} <= {name for name, _rule in RULES}
    json.dumps(data, ensure_ascii=False)


def test_rendered_list_is_chinese_with_line_numbers():
    text = drafter.check(SEED_004, corpus_dir=CORPUS).render()
    assert text.splitlines()[0].startswith("检查 ") and "2023 年" in text and "半年总结" in text
    assert "第 1 行  错误  [占位符] 标题留有占位符“XX”" in text
    assert "第 51 行  错误  [序号] 一级标题序号跳跃" in text
    assert text.splitlines()[-1] == "共 14 个错误、0 个警告、0 个提示。"


def test_copy_share_in_the_rendered_list(tmp_path):
    clean = CLEAN_DOCS[0].read_text(encoding="utf-8").splitlines()
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(clean[:6] + COPIED + clean[6:]) + "\n", encoding="utf-8")
    report = drafter.check(path, corpus_dir=CORPUS)
    assert [(f.rule, f.source, f.line) for f in report.findings] == [
        ("originality", SEED_000, 7), ("originality", SEED_000, 8)]
    text = report.render()
    assert "照抄比例（按范文）：" in text and f"{SEED_000}：" in text and "占全文" in text


def test_year_option(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("党建工作总结\n一、主要工作\n深入学习贯彻党的十九大精神。\n", encoding="utf-8")
    assert [f.severity for f in drafter.check(path, corpus_dir=CORPUS).findings if f.rule == "stale_term"] == ["info"]
    report = drafter.check(path, corpus_dir=CORPUS, year=2024)
    assert report.year == 2024 and [f.rule for f in report.errors] == ["stale_term"]
    with pytest.raises(DrafterError):
        drafter.check(path, year=12)


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "不存在"),
    (lambda d: d, "文件夹"),
    (lambda d: (d / "empty.txt").write_bytes(b"") and None or d / "empty.txt", "空"),
    (lambda d: (d / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) and None
     or d / "old.doc", ".doc"),
])
def test_bad_input_is_a_drafter_error(tmp_path, make, message):
    with pytest.raises(DrafterError) as caught:
        drafter.check(make(tmp_path), corpus_dir=CORPUS)
    assert message in str(caught.value)


def test_bad_corpus_folder_is_a_drafter_error(tmp_path):
    with pytest.raises(DrafterError) as caught:
        drafter.check(CLEAN_DOCS[0], corpus_dir=tmp_path / "no-such-corpus")
    assert "范文库" in caught.value.message


def test_checking_does_not_import_jieba():
    code = ("import sys, drafter; drafter.check(sys.argv[1], corpus_dir=sys.argv[2]); "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(SEED_004), str(CORPUS)],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


# -- .docx and fill files ----------------------------------------------------------------------------

def test_docx_findings_carry_paragraph_numbers(tmp_path):
    import docx

    document = docx.Document()
    lines = CLEAN_DOCS[0].read_text(encoding="utf-8").splitlines()
    for line in lines:
        document.add_paragraph(line.replace("全年开展集中学习14次", "全年开展集中学习XX次"))
    path = tmp_path / "draft.docx"
    document.save(path)
    report = drafter.check(path, corpus_dir=CORPUS)
    [finding] = report.findings
    expected = next(n for n, line in enumerate(lines, start=1) if "集中学习14次" in line)
    assert finding.rule == "placeholder" and finding.line == expected
    assert f"第 {expected} 段" in report.render()


def test_clean_docx_is_clean(tmp_path):
    import docx

    for source in CLEAN_DOCS:
        document = docx.Document()
        for line in source.read_text(encoding="utf-8").splitlines():
            document.add_paragraph(line)
        path = tmp_path / (source.stem + ".docx")
        document.save(path)
        assert drafter.check(path, corpus_dir=CORPUS).findings == [], source.name


FILL = """kind: annual
unit: 市财政局机关第二党支部
year: 2024
title: 2024年市财政局机关第二党支部党建工作总结
date: 2024-12-25
opening: 2024年，支部坚持围绕中心抓党建，各项工作取得新进展。现将全年工作总结如下：
sections:
  achievements:
    - heading: 强化理论武装
      text: 全年组织集中学习14次，专题研讨5次，深入学习贯彻党的十九大精神。
    - heading: 夯实组织基础
      text: 按期召开支部党员大会4次，发展党员XX名。
  problems:
    - 理论学习的深度还不够，结合财政工作实际思考不多。
  plans:
    - 继续抓好理论学习，推动党建与业务深度融合。
"""


def test_fill_file_is_drafted_in_memory_and_findings_point_at_its_lines(tmp_path):
    path = tmp_path / "填写.yaml"
    path.write_text(FILL, encoding="utf-8")
    report = drafter.check(path, corpus_dir=CORPUS)
    found = {(f.rule, f.line) for f in report.findings}
    assert found == {("stale_term", 10), ("placeholder", 12)}, report.render()
    assert report.year == 2024 and report.kind == "annual" and report.exit_code == 1
    assert list(tmp_path.iterdir()) == [path]  # nothing written


FIELDS_FILL = """kind: annual
unit: 某局
year: 2025
title: 某局2025年工作总结
opening:
  - 现将2024年工作总结如下。
sections:
  achievements:
    heading: 主要工作
    text:
      - 全年完成各项任务。
    children:
      - heading: 抓学习
        points:
          - 组织集中学习12次
          - 习总书记的重要讲话精神深入人心
      - heading: 抓作风
        text:
          - 截止6月底完成整改。
  plans:
    heading: 2025年工作计划
    text:
      - 继续努力。
date: 2025-12-26
"""


@pytest.mark.parametrize("fill, expected", [
    (FIELDS_FILL, {
        "year_mismatch": [{"role": None, "entry": None, "field": "opening"},
                          {"role": "plans", "entry": None, "field": "heading"}],
        "naming": [{"role": "achievements", "entry": 0, "field": "points"}],
        "wording": [{"role": "achievements", "entry": 1, "field": "text"}]}),
    (FILL, {
        "stale_term": [{"role": "achievements", "entry": 0, "field": "text"}],
        "placeholder": [{"role": "achievements", "entry": 1, "field": "text"}]}),
])
def test_a_fill_files_findings_name_their_field(tmp_path, fill, expected):
    """The web form finds a finding by its field (role, entry, field name); the same
    field read through the form names the value the finding is about."""
    from drafter.drafting.form import field_path, load_form

    path = tmp_path / "填写.yaml"
    path.write_text(fill, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--json"])
    findings = json.loads(result.stdout)["findings"]
    found: dict[str, list] = {}
    for finding in findings:
        if finding["rule"] in expected:
            found.setdefault(finding["rule"], []).append(finding["field"])
    assert found == expected
    form = load_form(path.read_bytes(), path.name).form
    for finding in findings:
        if finding["field"] is None:
            continue
        where = field_path(form, finding["field"])
        value = form
        for part in where.split("."):
            value = value[int(part)] if part.isdigit() else value[part]
        shown = value if isinstance(value, str) else "".join(value)
        assert finding["text"][-6:].strip("。") in shown, (finding, where)


def test_a_finding_in_a_block_text_points_at_its_own_line_not_the_key(tmp_path):
    """text: >- runs over several lines: the finding names the line with the wording."""
    path = tmp_path / "填写.yaml"
    text = FILL.replace(
        "      text: 全年组织集中学习14次，专题研讨5次，深入学习贯彻党的十九大精神。\n",
        "      text: >-\n        全年组织集中学习14次，专题研讨5次，\n        深入学习贯彻党的十九大精神，\n"
        "        撰写心得体会12篇。\n")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    report = drafter.check(path, corpus_dir=CORPUS)
    stale = [f for f in report.findings if f.rule == "stale_term"]
    assert [f.line for f in stale] == [lines.index("        深入学习贯彻党的十九大精神，") + 1], report.render()
    placeholder = [f for f in report.findings if f.rule == "placeholder"]
    assert [f.line for f in placeholder] == [lines.index("      text: 按期召开支部党员大会4次，发展党员XX名。") + 1]


MULTILINE_FILL = """kind: annual
unit: 市水利局机关党委
year: 2025
title: 2025年市水利局机关党委党建工作总结
date: 2025-12-25
opening: >-
  2025年，局机关党委坚持以习近平新时代中国特色社会主义思想为指导，
  深入学习贯彻党的二十届四中全会精神，紧扣水利高质量发展任务，
  扎实开展深入贯彻中央八项规定精神学习教育，各项工作取得新成效。
  截止11月底，完成全年目标任务。现将全年工作总结如下：
sections:
  achievements:
    - heading: 强化理论武装
      text:
        - >-
          全年组织集中学习14次，专题研讨5次，
          截止11月底撰写心得体会30篇。
        - 全年开展主题党日12次，
          截止11月底走访群众200户。
    - heading: 夯实组织基础
      text: "按期召开支部党员大会4次，
        截止11月底发展党员2名。"
  problems:
    - 理论学习的深度还不够，结合水利工作实际思考不多。
  plans:
    - 继续抓好理论学习，推动党建与业务深度融合。
"""


def test_a_finding_in_a_folded_or_continued_text_points_at_the_line_it_is_on(tmp_path):
    """>- folds lines into one paragraph, and a plain or quoted text may go on over lines:
    the finding names the line its wording starts on, never the one before."""
    path = tmp_path / "填写.yaml"
    path.write_text(MULTILINE_FILL, encoding="utf-8")
    lines = MULTILINE_FILL.splitlines()
    report = drafter.check(path, corpus_dir=CORPUS, only="wording")
    expected = [number for number, line in enumerate(lines, start=1) if "截止11月底" in line]
    assert [f.line for f in report.findings] == expected == [10, 17, 19, 22], report.render()
    assert [f.field["field"] for f in report.findings] == ["opening", "text", "text", "text"]


def test_gaps_the_draft_leaves_are_placeholders_at_the_key_that_is_empty(tmp_path):
    path = tmp_path / "填写.yaml"
    text = FILL.replace("date: 2024-12-25\n", "").replace(
        "  problems:\n    - 理论学习的深度还不够，结合财政工作实际思考不多。\n", "  problems:\n")
    path.write_text(text, encoding="utf-8")
    report = drafter.check(path, corpus_dir=CORPUS)
    gaps = [f for f in report.findings if "【待补充】" in f.message]
    problems_line = text.splitlines().index("  problems:") + 1
    assert [f.line for f in gaps] == [problems_line, None]  # the empty problems: key; no date: key at all
    assert gaps[1].message.startswith("成文日期留有占位符")


def test_a_docx_drafter_wrote_reads_back_with_the_same_findings(tmp_path):
    fill = tmp_path / "填写.yaml"
    fill.write_text(FILL, encoding="utf-8")
    out = tmp_path / "总结.docx"
    drafter.draft(fill, out)
    report = drafter.check(out, corpus_dir=CORPUS)
    assert sorted(f.rule for f in report.findings) == ["placeholder", "stale_term"], report.render()
    clean = tmp_path / "clean.yaml"
    clean.write_text(FILL.replace("深入学习贯彻党的十九大精神", "深入学习贯彻党的二十届三中全会精神")
                     .replace("发展党员XX名", "发展党员2名"), encoding="utf-8")
    drafter.draft(clean, out)
    assert drafter.check(out, corpus_dir=CORPUS).findings == []


def test_bad_fill_file_is_a_drafter_error(tmp_path):
    path = tmp_path / "填写.yaml"
    path.write_text("kind: annual\nunit: [\n", encoding="utf-8")
    with pytest.raises(DrafterError):
        drafter.check(path)


# -- the CLI ----------------------------------------------------------------------------------------------

def test_cli_exit_0_for_a_clean_document():
    result = run(str(CLEAN_DOCS[0]), "--corpus", str(CORPUS))
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_cli_exit_1_with_errors_and_a_readable_list():
    result = run(str(SEED_004), "--corpus", str(CORPUS))
    assert result.exit_code == 1
    assert "第 51 行  错误  [序号]" in result.output


def test_cli_json_has_exactly_the_agreed_keys():
    result = run(str(SEED_004), "--corpus", str(CORPUS), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["findings"]
    for finding in data["findings"]:
        assert list(finding) == list(FINDING_KEYS)
        assert finding["source"] is None  # no copying: source is only for originality
        assert finding["fix"] is None or isinstance(finding["fix"], str)


def test_cli_json_names_the_copied_source(tmp_path):
    clean = CLEAN_DOCS[0].read_text(encoding="utf-8").splitlines()
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(clean[:6] + COPIED[1:] + clean[6:]) + "\n", encoding="utf-8")
    result = run(str(path), "--corpus", str(CORPUS), "--json")
    data = json.loads(result.stdout)
    assert {f["source"] for f in data["findings"]} == {SEED_000}
    assert result.exit_code == 0  # a copied sentence or two is a warning


def test_cli_year_option():
    result = run(str(CORPUS / "002_bef99398f62872d2.txt"), "--corpus", str(CORPUS), "--year", "2024", "--json")
    stale = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "stale_term"]
    # 十九大, 不忘初心 主题教育, 精准扶贫 … are errors in 2024; the 2019 主题教育's slogan a warning
    assert {f["severity"] for f in stale if "守初心" not in f["message"]} == {"error"} and len(stale) >= 3
    assert {f["severity"] for f in stale if "守初心" in f["message"]} == {"warning"}


@pytest.mark.parametrize("args", [
    ["missing.txt"],
    ["{clean}", "--corpus", "no-such-folder"],
    ["{clean}", "--year", "12"],
])
def test_cli_exit_2_on_bad_input(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run(*[a.format(clean=CLEAN_DOCS[0]) for a in args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_bad_input_is_one_line_in_chinese(tmp_path):
    result = subprocess.run([sys.executable, "-m", "drafter", "check", str(tmp_path / "无此文件.txt")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "文件不存在" in result.stderr


def test_cli_without_corpus_uses_corpus_folder_of_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(str(CLEAN_DOCS[0]), "--json")
    [info] = json.loads(result.stdout)["findings"]
    assert info["rule"] == "originality" and info["severity"] == "info"
    assert result.exit_code == 0
    monkeypatch.chdir(ROOT)  # has corpus/
    result = run(str(CLEAN_DOCS[0]), "--json")
    assert json.loads(result.stdout)["findings"] == []


@pytest.mark.parametrize("year", ["12", "1800", "明年", "abc"])
def test_cli_bad_year_is_one_chinese_line(year):
    result = subprocess.run([sys.executable, "-m", "drafter", "check", str(CLEAN_DOCS[0]), "--year", year],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("错误：年份“")
    assert "Invalid value" not in result.stderr


def test_year_written_with_nian_is_accepted():
    report = drafter.check(CORPUS / "002_bef99398f62872d2.txt", corpus_dir=CORPUS, year="2024年")
    assert report.year == 2024
    result = run(str(CORPUS / "002_bef99398f62872d2.txt"), "--year", "2024", "--json")
    assert result.exit_code == 1 and "取自--year 指定" in result.output


# -- choosing rules: --only / --disable -------------------------------------------------------------

def test_only_and_disable_from_python_and_the_cli():
    full = {f.rule for f in drafter.check(SEED_004, corpus_dir=CORPUS).findings}
    assert full == {"placeholder", "numbering"}
    assert {f.rule for f in drafter.check(SEED_004, corpus_dir=CORPUS, only=["numbering"]).findings} == {"numbering"}
    assert {f.rule for f in drafter.check(SEED_004, corpus_dir=CORPUS, disable="placeholder").findings} == {"numbering"}
    # Chinese names work too, and a comma-separated list
    assert {f.rule for f in drafter.check(SEED_004, corpus_dir=CORPUS, only="序号,占位符").findings} == full
    result = run(str(SEED_004), "--corpus", str(CORPUS), "--only", "numbering", "--json")
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"numbering"}
    result = run(str(SEED_004), "--corpus", str(CORPUS), "--disable", "placeholder", "--disable", "numbering")
    assert result.exit_code == 0 and "未发现问题" in result.output


@pytest.mark.parametrize("args, message", [
    (["--only", "spelling"], "--only 的值无效：未知的检查规则“spelling”"),
    (["--disable", "标点符号用法"], "--disable 的值无效"),
    (["--only", "numbering", "--disable", "numbering"], "没有要运行的检查规则"),
])
def test_unknown_or_empty_rule_choice_is_bad_input(args, message):
    result = run(str(SEED_004), "--corpus", str(CORPUS), *args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    with pytest.raises(DrafterError):
        drafter.check(SEED_004, only=args[1], disable=args[3] if len(args) > 3 else None)


def test_every_rule_has_an_id_and_a_chinese_name_in_the_vocabulary():
    from drafter.vocabulary import CHECK_RULES

    assert [name for name, _rule in RULES] == list(CHECK_RULES)


def test_a_clean_docx_with_a_real_table_is_clean(tmp_path):
    """The table document with its table as a Word table: each cell is read as a paragraph."""
    import docx

    source = next(p for p in CLEAN_DOCS if p.name == "2025_statistics_annual_table.txt")
    document = docx.Document()
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            rows = []
        document.add_paragraph(line)
    path = tmp_path / "table.docx"
    document.save(path)
    report = drafter.check(path, corpus_dir=CORPUS)
    assert report.errors == [] and report.warnings == [], report.render()
    assert report.kind == "annual" and report.year == 2025


def test_new_rules_on_a_fill_file_point_at_the_lines_written(tmp_path):
    path = tmp_path / "填写.yaml"
    text = (FILL.replace("year: 2024", "year: 2025").replace("title: 2024年", "title: 2025年")
            .replace("date: 2024-12-25", "date: 2025-12-25")
            .replace("现将全年工作总结如下：", "现将2024年工作总结如下：")
            .replace("深入学习贯彻党的十九大精神。", "截止11月底完成学习计划,专题研讨5次。")
            .replace("发展党员XX名", "发展党员2名"))
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    report = drafter.check(path, corpus_dir=CORPUS)
    opening = next(n for n, line in enumerate(lines, 1) if line.startswith("opening:"))
    studies = next(n for n, line in enumerate(lines, 1) if "截止11月底" in line)
    assert [(f.rule, f.line) for f in report.findings] == [
        ("year_mismatch", opening), ("wording", studies), ("punctuation", studies)], report.render()
    assert "--fix" not in report.render()  # a fill file is corrected by hand


# -- the acceptance case of issue 13 ------------------------------------------------------------------

ACCEPTANCE = """市档案局2025年工作总结

2025年，市档案局在市委、市政府的坚强领导下，认真履行档案工作职责。现将2024年工作总结如下：
一、主要工作
（一）加强档案收集。一是完善归档制度，修订归档范围和保管期限表。二是开展档案接收进馆，全年接收档案3200卷。二是推进数字化，扫描档案45万页。
（二）提升服务水平。一是优化查档服务，全年接待查档群众1800人次。一是推进跨馆出具档案证明，办理证明120件。
二、存在的问题
档案信息化水平还不够高，专业人才不足。
三、2025年工作计划
（一）持续推进档案数字化。力争全年扫描档案50万页。
（二）加强档案安全管理。开展档案安全隐患排查。
市档案局
2024年12月26日
"""


def test_a_2025_summary_reusing_last_years_file_gets_every_finding(tmp_path):
    path = tmp_path / "2025年工作总结.txt"
    path.write_text(ACCEPTANCE, encoding="utf-8")
    report = drafter.check(path, corpus_dir=CORPUS)
    assert [(f.rule, f.line, f.fix) for f in report.findings] == [
        ("year_mismatch", 3, "2025"),  # 现将2024年工作总结如下
        ("numbering", 5, None),  # 一是…二是…二是
        ("numbering", 6, None),  # 一是…一是
        ("year_mismatch", 9, "2026"),  # 三、2025年工作计划
        ("year_mismatch", 13, "2025"),  # dated 2024年12月26日
    ], report.render()
    assert all(f.severity == "error" for f in report.findings)
    assert "二是推进数字化" in report.findings[1].text and "又是“二是”" in report.findings[1].message
    assert "又是“一是”" in report.findings[2].message
    result = run(str(path), "--corpus", str(CORPUS))
    assert result.exit_code == 1 and "共 5 个错误、0 个警告、0 个提示。" in result.output


def test_a_finding_in_a_fill_files_table_points_at_its_cell(tmp_path):
    path = tmp_path / "填写.yaml"
    path.write_text(FIELDS_FILL.replace(
        "  plans:\n",
        "    table:\n      title: 截止6月底主要指标完成情况\n      rows:\n        - [指标, 完成]\n"
        "        - [走访企业, 96 家]\n  plans:\n"), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    report = drafter.check(path)
    found = {(f.rule, f.line, (f.field or {}).get("field")) for f in report.findings if f.rule in ("wording", "numbers")}
    title = next(n for n, line in enumerate(lines, 1) if "截止6月底主要指标" in line)
    cell = next(n for n, line in enumerate(lines, 1) if "96 家" in line)
    assert ("wording", title, "table") in found and ("numbers", cell, "table") in found, report.render()
