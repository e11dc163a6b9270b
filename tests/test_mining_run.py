"""`drafter mine` end to end: quality on the seeds, noise, cache, errors, and the commands."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter import api
from drafter.bank import PHRASES_FILE, SKELETONS_FILE, load_phrases, load_skeletons
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.mining import MineReport, mine_corpus
from seed_outlines import NOISE_STRINGS
from variants import gb18030_bytes, write_docx_one_paragraph_per_line

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
MESSY = ROOT / "tests" / "data" / "messy"
MESSY_MINING = ROOT / "tests" / "data" / "messy_mining"

TARGETS = ["三会一课", "一岗双责", "党风廉政建设", "主题党日", "谈心谈话", "意识形态", "全面从严治党", "主题教育",
           "组织生活会", "民主评议党员", "第一责任人", "中央八项规定", "警示教育", "入党积极分子", "风清气正"]
PARTICLES = set("的了和与等及")
# web chrome and ads of the messy files, on top of the seeds' noise
MORE_NOISE = ["公文范文网", "范文大全网", "当前位置", "发布时间", "浏览量", "下载本文", "举报", "欢迎阅读与收藏",
              "全文共", "dj2023", "sq2024", "约3200字", "2318字", "格式：docx", "abc12345", "哒哒", "客服微信"]


def _mine(corpus: Path, out: Path, cache: Path, **options) -> MineReport:
    options.setdefault("jobs", 1)
    return mine_corpus(corpus, out, cache_dir=cache, warn=options.pop("warn", lambda message: None), **options)


@pytest.fixture(scope="module")
def seeds_bank(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("seeds")
    report = _mine(CORPUS, base / "bank", base / "cache")
    assert report.documents == 5 and report.parsed == 5
    return base / "bank"


def _copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True)
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, target / path.name)
    return target


def _bank_texts(folder: Path) -> tuple[str, str]:
    return ((folder / SKELETONS_FILE).read_text(encoding="utf-8"), (folder / PHRASES_FILE).read_text(encoding="utf-8"))


# -- quality on the seeds (the acceptance) ----------------------------------

def _term_texts(bank: Path, top: int) -> list[str]:
    """The top terms of every term type: 提法, 动词搭配, 常用词."""
    return [entry["text"] for kind in ("set_phrase", "collocation", "word")
            for entry in api.phrases(bank, type=kind, top=top, year=None, include_stale=True)]


def test_top_300_terms_hold_the_set_phrases(seeds_bank):
    top = _term_texts(seeds_bank, 300)
    found = [t for t in TARGETS if any(t in text and len(text) - len(t) <= 3 for text in top)]
    assert len(found) >= 12, (sorted(set(TARGETS) - set(found)), top[:50])


def test_top_100_terms_neither_start_nor_end_with_a_particle(seeds_bank):
    top = _term_texts(seeds_bank, 100)
    assert len(top) >= 200
    assert [t for t in top if t[0] in PARTICLES or t[-1] in PARTICLES] == []


def test_terms_hold_no_number_or_placeholder(seeds_bank):
    for entry in api.phrases(seeds_bank, type="set_phrase") + api.phrases(seeds_bank, type="word"):
        assert not re.search(r"[0-9０-９XＸ×]|某某", entry["text"]), entry["text"]


def test_at_least_five_patterns_with_the_lever_one(seeds_bank):
    patterns = [entry["text"] for entry in api.phrases(seeds_bank, type="pattern")]
    assert len(patterns) >= 5
    assert "以…为抓手" in patterns
    # frames of prepositions alone say nothing (issue 11)
    assert not {"在…上…", "对…进行…", "为…提供…", "在…中", "把…作为…"} & set(patterns)
    assert any("、" in p and p.startswith("同谋划") for p in patterns)  # a parallel series


def test_headings_and_sentences(seeds_bank):
    headings = [e["text"] for e in api.phrases(seeds_bank, type="heading")]
    assert "学思想，推进主题教育" in headings and "抓思想，政治引领突出成效" in headings
    first_group = headings[:9]
    assert {"学思想，推进主题教育", "抓思想，政治引领突出成效", "明职责，扛起党建责任"} <= set(first_group)
    problems = [e["text"] for e in api.phrases(seeds_bank, type="sentence", role="problems")]
    assert any("不够" in s or "有待" in s or "需要" in s for s in problems)
    assert api.phrases(seeds_bank, type="sentence", role="plans")


def test_skeletons_for_the_three_kinds(seeds_bank):
    skeletons = {s["kind"]: s for s in api.skeletons(seeds_bank)}
    assert {"annual", "debrief", "half_year"} <= set(skeletons)
    roles = [s["role"] for s in skeletons["annual"]["sections"]]
    assert roles.index("achievements") < roles.index("problems") < roles.index("plans")
    assert skeletons["annual"]["docs"] == 3 and skeletons["debrief"]["docs"] == 1
    plans = next(s for s in skeletons["annual"]["sections"] if s["role"] == "plans")
    assert {"text": "2024年工作计划", "template": "{{ next_year }}年工作计划", "count": 1} in plans["headings"]
    assert "现将{{ year }}年工作总结如下：" in [o["template"] for o in skeletons["annual"]["openings"]]
    assert skeletons["half_year"]["sections"][0]["l2"] == 8


def test_entries_have_the_agreed_keys_and_real_examples(seeds_bank):
    sources = {p.name: re.sub(r"##paid(begin|end)##", "", p.read_text(encoding="utf-8"))
               for p in CORPUS.glob("*.txt")}
    entries = load_phrases(seeds_bank)
    assert {e["type"] for e in entries} == {"set_phrase", "collocation", "word", "pattern", "heading", "heading_set",
                                           "sentence"}
    extra = {"pattern": ["fillers"], "heading_set": ["items", "structure"]}
    for entry in entries:
        assert list(entry) == ["text", "type", "roles", "count", "docs", "topics", "variants", "source",
                               "examples", *extra.get(entry["type"], [])]
        assert 1 <= len(entry["examples"]) <= 3, entry
        assert entry["count"] >= entry["docs"] >= 1
        for example in entry["examples"]:
            piece = example["text"].strip("…")
            assert piece[:30] in sources[example["doc"]], example
    term = next(e for e in entries if e["text"] == "三会一课")
    assert term["docs"] == 4 and "achievements" in term["roles"] and len(term["examples"]) == 3


def test_no_noise_in_the_mined_files(seeds_bank):
    for text in _bank_texts(seeds_bank):
        for noise in NOISE_STRINGS + MORE_NOISE:
            assert noise not in text, noise


def test_mining_is_deterministic_across_jobs_and_caches(tmp_path, seeds_bank):
    report = _mine(CORPUS, tmp_path / "bank", tmp_path / "cache", jobs=2)
    assert report.parsed == 5
    assert _bank_texts(tmp_path / "bank") == _bank_texts(seeds_bank)


def test_rjieba_and_jieba_give_the_same_banks(tmp_path, seeds_bank):
    pytest.importorskip("rjieba")
    fallback = _mine(CORPUS, tmp_path / "jieba", tmp_path / "cache-j", engine="jieba")
    fast = _mine(CORPUS, tmp_path / "rjieba", tmp_path / "cache-r", engine="rjieba")
    assert (fallback.tokenizer, fast.tokenizer) == ("jieba", "rjieba")
    assert _bank_texts(tmp_path / "jieba") == _bank_texts(tmp_path / "rjieba") == _bank_texts(seeds_bank)


def test_banks_load_through_the_bank_module(seeds_bank):
    assert load_skeletons(seeds_bank) and load_phrases(seeds_bank)


# -- messy web copies -----------------------------------------------------------------

def test_no_noise_from_messy_web_copies(tmp_path):
    corpus = tmp_path / "messy"
    corpus.mkdir()
    for folder in (MESSY, MESSY_MINING):
        for path in folder.glob("*.txt"):
            shutil.copy(path, corpus / path.name)
    # the seeds saved as a GB18030 text and as a .docx, noise included
    seed = (CORPUS / "001_56e93352d959f4eb.txt").read_text(encoding="utf-8")
    (corpus / "seed_gb18030.txt").write_bytes(gb18030_bytes(seed))
    write_docx_one_paragraph_per_line((CORPUS / "004_53a748ed6597df06.txt").read_text(encoding="utf-8"),
                                      corpus / "seed_web.docx")
    report = _mine(corpus, tmp_path / "bank", tmp_path / "cache")
    assert report.documents == len(list(corpus.iterdir())) and not report.skipped
    texts = _bank_texts(tmp_path / "bank")
    for noise in NOISE_STRINGS + MORE_NOISE:
        assert all(noise not in text for text in texts), noise
    assert api.phrases(tmp_path / "bank", type="term", search="三会一课")


# -- cache and incremental runs ------------------------------------------------------------

def test_unchanged_corpus_is_answered_from_the_cache(tmp_path):
    corpus = _copy_seeds(tmp_path / "corpus")
    first = _mine(corpus, tmp_path / "bank", tmp_path / "cache")
    (tmp_path / "bank" / PHRASES_FILE).unlink()
    again = _mine(corpus, tmp_path / "bank", tmp_path / "cache")
    assert again.up_to_date and again.parsed == 0 and again.documents == 5
    assert (tmp_path / "bank" / PHRASES_FILE).exists()  # rewritten from the cache
    assert again.entries == first.entries and "范文库未变化" in str(again)


def test_new_files_only_are_parsed_and_the_result_equals_a_cold_run(tmp_path):
    corpus = _copy_seeds(tmp_path / "corpus")
    _mine(corpus, tmp_path / "bank", tmp_path / "cache")
    shutil.copy(MESSY_MINING / "web_copy_half_year.txt", corpus / "new.txt")
    report = _mine(corpus, tmp_path / "bank", tmp_path / "cache")
    assert report.parsed == 1 and report.documents == 6 and not report.up_to_date
    cold = _mine(corpus, tmp_path / "cold", tmp_path / "cold-cache")
    assert cold.parsed == 6
    assert _bank_texts(tmp_path / "bank") == _bank_texts(tmp_path / "cold")


def test_removed_and_changed_files(tmp_path):
    corpus = _copy_seeds(tmp_path / "corpus")
    _mine(corpus, tmp_path / "bank", tmp_path / "cache")
    (corpus / "000_928ffb1024447432.txt").unlink()
    changed = corpus / "002_bef99398f62872d2.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("2019年", "2020年"), encoding="utf-8")
    report = _mine(corpus, tmp_path / "bank", tmp_path / "cache")
    assert report.parsed == 1 and report.documents == 4
    _mine(corpus, tmp_path / "cold", tmp_path / "cold-cache")
    assert _bank_texts(tmp_path / "bank") == _bank_texts(tmp_path / "cold")


def test_report_in_chinese(tmp_path):
    report = _mine(CORPUS, tmp_path / "bank", tmp_path / "cache")
    text = str(report)
    assert "已从 5 篇范文提炼语库" in text and "年度总结 3 篇" in text and "提法" in text
    assert report.to_dict()["documents"] == 5 and report.timings["parse"] >= 0


# -- errors --------------------------------------------------------------------------------

def test_missing_corpus_is_an_error(tmp_path):
    with pytest.raises(DrafterError) as error:
        _mine(tmp_path / "nowhere", tmp_path / "bank", tmp_path / "cache")
    assert "不存在" in error.value.message
    (tmp_path / "empty").mkdir()
    with pytest.raises(DrafterError) as error:
        _mine(tmp_path / "empty", tmp_path / "bank", tmp_path / "cache")
    assert ".txt" in error.value.message


def test_a_corpus_of_unreadable_files_is_an_error(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (corpus / "empty.txt").write_bytes(b"")
    warnings: list[str] = []
    with pytest.raises(DrafterError) as error:
        _mine(corpus, tmp_path / "bank", tmp_path / "cache", warn=warnings.append)
    assert "没有可读取的文件" in error.value.message
    assert len(warnings) == 2 and all(w.startswith("警告：") and "已跳过" in w for w in warnings)
    assert not (tmp_path / "bank" / PHRASES_FILE).exists()


def test_an_unreadable_file_is_skipped_with_a_warning(tmp_path):
    corpus = _copy_seeds(tmp_path / "corpus")
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (corpus / ".hidden.txt").write_text("隐藏文件不读", encoding="utf-8")
    (corpus / "~$lock.docx").write_bytes(b"lock")
    warnings: list[str] = []
    report = _mine(corpus, tmp_path / "bank", tmp_path / "cache", warn=warnings.append)
    assert report.documents == 5 and [name for name, _ in report.skipped] == ["broken.docx"]
    assert len(warnings) == 1 and "broken.docx" in warnings[0]
    again: list[str] = []
    assert _mine(corpus, tmp_path / "bank", tmp_path / "cache", warn=again.append).up_to_date
    assert again == warnings  # still said on a cached run


def test_output_path_that_is_a_file_is_an_error(tmp_path):
    (tmp_path / "bank").write_text("x")
    with pytest.raises(DrafterError):
        _mine(CORPUS, tmp_path / "bank", tmp_path / "cache")


def test_files_are_written_atomically(tmp_path, monkeypatch):
    import drafter.mining.runner as runner

    bank = tmp_path / "bank"
    _mine(CORPUS, bank, tmp_path / "cache")
    before = _bank_texts(bank)

    def failing(path, text):
        raise DrafterError("磁盘已满", path=str(path))

    monkeypatch.setattr(runner, "write_text_atomic", failing)
    corpus = _copy_seeds(tmp_path / "corpus")
    (corpus / "000_928ffb1024447432.txt").unlink()
    with pytest.raises(DrafterError):
        _mine(corpus, bank, tmp_path / "cache")
    assert _bank_texts(bank) == before
    assert sorted(p.name for p in bank.iterdir()) == [PHRASES_FILE, SKELETONS_FILE]


# -- defaults and commands -------------------------------------------------------------------

def _checksums(folder: Path) -> dict[str, str]:
    import hashlib

    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def test_default_corpus_and_the_users_bank_folder(tmp_path, monkeypatch):
    """mine without -o writes the user's bank, never the installed package; every
    command then uses the mined bank and says so on stderr."""
    from drafter.resources import templates_dir

    data = tmp_path / "data"
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(data))
    corpus = tmp_path / "work" / "corpus"
    corpus.mkdir(parents=True)
    for name in ("000_928ffb1024447432.txt", "001_56e93352d959f4eb.txt"):  # two annual summaries only
        shutil.copy(CORPUS / name, corpus)
    monkeypatch.chdir(tmp_path / "work")
    shipped_before = _checksums(templates_dir())
    report = api.mine(cache_dir=tmp_path / "cache", jobs=1)
    assert _checksums(templates_dir()) == shipped_before
    assert report.out_dir == data / "bank" and (data / "bank" / PHRASES_FILE).exists()
    assert report.corpus_dir == Path("corpus")

    runner = CliRunner()
    shown = runner.invoke(main, ["skeletons", "--json"])
    assert [s["kind"] for s in json.loads(shown.stdout)] == ["annual"]
    assert f"语库：{data / 'bank'}（用户语库" in shown.stderr
    common = runner.invoke(main, ["init", "--kind", "half_year", "-o", str(tmp_path / "h.yaml")])
    assert common.exit_code == 0  # no half-year skeleton in this bank: the common parts
    assert "语库中没有半年总结的结构骨架，按通用结构（主要工作、存在问题、下步计划）" in (tmp_path / "h.yaml").read_text("utf-8")
    drafted = runner.invoke(main, ["draft", str(ROOT / "samples" / "annual.yaml"), "-o", str(tmp_path / "a.docx")])
    assert drafted.exit_code == 0 and "用户语库" in drafted.stderr
    shipped = runner.invoke(main, ["skeletons", "--json", "--bank", str(templates_dir())])
    assert len(json.loads(shipped.stdout)) == 3


def test_cli_mine_quiet_and_summary(tmp_path):
    runner = CliRunner()
    args = ["mine", str(CORPUS), "-o", str(tmp_path / "bank"), "--cache-dir", str(tmp_path / "cache"), "-j", "1"]
    quiet = runner.invoke(main, args + ["-q"])
    assert quiet.exit_code == 0 and quiet.output == ""
    loud = runner.invoke(main, args)
    assert loud.exit_code == 0 and "范文库未变化：5 篇范文" in loud.output
    assert (tmp_path / "bank" / PHRASES_FILE).exists()


def test_cli_mine_missing_corpus_is_one_line_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["mine", str(tmp_path / "nowhere"), "-o", str(tmp_path / "bank")])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "范文库目录不存在" in result.output


def test_cli_mine_subprocess_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    env = {"DRAFTER_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "drafter", "mine", str(CORPUS), "-o", str(tmp_path / "bank"),
                           "--tokenizer", "jieba"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and "已从 5 篇范文提炼语库" in done.stdout and "分词：jieba" in done.stdout
    assert (tmp_path / "cache" / "mining.sqlite3").exists()
    listed = subprocess.run([sys.executable, "-m", "drafter", "phrases", "--bank", str(tmp_path / "bank"),
                             "--type", "pattern", "--json"], capture_output=True, text=True, env=env)
    assert "以…为抓手" in [e["text"] for e in json.loads(listed.stdout)]


def test_progress_bar_goes_to_the_given_stream():
    import io

    from drafter.mining.progress import Progress

    stream = io.StringIO()
    bar = Progress(True, stream)
    bar.start("解析范文", 4)
    bar.advance(4)
    bar.finish()
    assert "解析范文" in stream.getvalue() and "4/4" in stream.getvalue() and stream.getvalue().endswith("\n")
    silent = io.StringIO()
    Progress(False, silent).start("解析范文", 4)
    assert silent.getvalue() == ""


def test_importing_mining_does_not_import_jieba():
    code = "import sys, drafter.mining, drafter.api; print('jieba' in sys.modules or 'rjieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_progress_is_told_to_a_listener(tmp_path):
    """The web workbench's progress bar: each step's label, done and total, ending full."""
    told: list[tuple[str, int, int]] = []
    api.mine(CORPUS, tmp_path / "bank", cache_dir=tmp_path / "cache", jobs=1,
             on_progress=lambda label, done, total: told.append((label, done, total)))
    labels = list(dict.fromkeys(label for label, _done, _total in told))
    assert labels[0] == "解析范文" and len(labels) >= 2
    for label in labels:
        last = [entry for entry in told if entry[0] == label][-1]
        assert last[1] == last[2] > 0
