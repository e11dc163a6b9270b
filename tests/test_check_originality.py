"""originality: sentences copied verbatim from a corpus document, and the corpus index."""
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.checking import corpus_index
from drafter.checking.context import CheckContext
from drafter.checking.corpus_index import (MIN_RUN, corpus_lines, index_bytes, index_from_bytes,
                                           open_index)
from drafter.checking.folding import fold, fold_with_offsets
from drafter.checking.rules.originality import check_originality, set_phrase_mask
from drafter.checking.subject import load_subject

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_000 = "000_928ffb1024447432.txt"
# Two long sentences of seed 000 (lines 7 and 10), copied into a new document.
COPIED_ONE = "各党支部坚持把学习党的新思想新理论作为提高党员干部政治素质的有效途径，认真落实周理论学习制度，建立考勤签到制度。"
COPIED_TWO = "为10余名离退休干部订阅《老年康乐报》、《生活晚报》等报刊，共计费用1000元。"
DOCUMENT = """2024年机关党支部工作总结
2024年，机关党支部围绕中心、服务大局，各项工作取得新进展。现将有关情况总结如下：
一、主要工作
（一）加强理论武装
{one}全年组织集中学习12次。
（二）关心关爱干部
{two}
二、存在的问题
学用结合还不够紧密，理论学习成果转化为推动工作的实际成效还不明显。
三、下一步打算
继续抓好理论学习，推动党建与业务深度融合。
"""


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "check-cache"))


@pytest.fixture
def empty_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "no-bank"
    folder.mkdir()
    return folder


def context(tmp_path: Path, text: str, corpus: Path | None = CORPUS, bank: Path | None = None,
            name: str = "draft.txt") -> CheckContext:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return CheckContext(load_subject(path), corpus_dir=corpus, corpus_given=corpus is not None, bank_dir=bank)


def copies(findings) -> list:
    return [f for f in findings if f.source is not None]


# -- the acceptance cases ------------------------------------------------------------------

def test_two_copied_sentences_give_two_findings_naming_the_seed(tmp_path):
    ctx = context(tmp_path, DOCUMENT.format(one=COPIED_ONE, two=COPIED_TWO))
    findings = check_originality(ctx)
    assert [(f.rule, f.source, f.line) for f in findings] == [("originality", SEED_000, 5), ("originality", SEED_000, 7)]
    first, second = findings
    assert first.text == COPIED_ONE and second.text == COPIED_TWO
    assert all(f.severity == "warning" for f in findings)
    # the source sentence, from the source file's own line
    assert "第 7 行" in first.message and "认真落实周理论学习制度" in first.message
    assert "第 10 行" in second.message and "老年康乐报" in second.message
    # the copied share of the whole text, per source
    assert [(s.source, s.sentences) for s in ctx.copied] == [(SEED_000, 2)]
    assert 0 < ctx.copied[0].share < 0.5 and f"{ctx.copied[0].share:.1%}" in first.message


def test_a_short_common_phrase_is_not_copying(tmp_path):
    assert copies(check_originality(context(tmp_path, DOCUMENT.format(one="", two="")))) == []


def test_the_checked_file_does_not_match_itself_in_the_corpus(tmp_path):
    own = CORPUS / SEED_000
    ctx = CheckContext(load_subject(own), corpus_dir=CORPUS)
    assert all(f.source != SEED_000 for f in check_originality(ctx))


# -- what counts as copied ---------------------------------------------------------------------

def test_punctuation_spaces_and_width_are_folded(tmp_path, empty_bank):
    changed = "各党支部坚持把学习党的新思想新理论，作为提高党员干部政治素质的有效途径 、认真落实周理论学习制度"
    two = "为１０余名离退休干部订阅老年康乐报、生活晚报等报刊，共计费用1000元！"
    findings = check_originality(context(tmp_path, DOCUMENT.format(one=changed + "。", two=two), bank=empty_bank))
    assert [f.source for f in copies(findings)] == [SEED_000, SEED_000]


def test_twenty_characters_are_a_copy_and_nineteen_are_not(tmp_path, empty_bank):
    # seed 000: “按照统一安排，购买发放学习书籍30余本，集中学习研讨6次，组织党员干部…”
    twenty = "上半年统一购买发放学习书籍30余本，集中学习研讨6次，效果良好。"
    nineteen = "上半年统一购买发放学习书籍30余本，集中学习研讨6场，效果良好。"
    assert len(fold("购买发放学习书籍30余本，集中学习研讨6次")) == MIN_RUN == 20
    found = copies(check_originality(context(tmp_path, DOCUMENT.format(one=twenty, two=""), bank=empty_bank)))
    assert [(f.source, f.line) for f in found] == [(SEED_000, 5)] and "20 字相同" in found[0].message
    assert copies(check_originality(context(tmp_path, DOCUMENT.format(one=nineteen, two=""), bank=empty_bank))) == []


def test_a_bank_term_never_counts_towards_a_copy(tmp_path, empty_bank):
    text = DOCUMENT.format(one=COPIED_ONE, two="")
    assert len(copies(check_originality(context(tmp_path, text, bank=empty_bank)))) == 1
    (empty_bank / "phrases.yaml").write_text(
        "version: 1\nphrases:\n- {text: 各党支部坚持把学习党的新思想新理论作为提高党员干部政治素质的有效途径, type: term}\n",
        encoding="utf-8")
    # what is left (认真落实周理论学习制度建立考勤签到制度) is under 20 characters
    assert copies(check_originality(context(tmp_path, text, bank=empty_bank))) == []


def test_standard_phrases_are_never_copying(tmp_path, empty_bank):
    # seeds 001 and 004 both say it; the terms.yaml standard phrases take it out
    text = DOCUMENT.format(one="支部始终坚持以习近平新时代中国特色社会主义思想为指导。", two="")
    assert copies(check_originality(context(tmp_path, text, bank=empty_bank))) == []


def test_bank_patterns_mask_only_their_fixed_words_where_the_pattern_matches(tmp_path, empty_bank):
    (empty_bank / "phrases.yaml").write_text("version: 1\nphrases:\n- {text: 以…为抓手, type: pattern}\n",
                                             encoding="utf-8")
    ctx = context(tmp_path, "2024年工作总结\n一、主要工作\n开展学习。\n", bank=empty_bank)
    folded = fold("以星级党支部考核为抓手，为群众办实事")
    masked = set_phrase_mask(ctx, folded)
    shown = "".join(ch if flag else "_" for ch, flag in zip(folded, masked))
    assert shown.startswith("以_______为抓手") and "为群众" not in shown


def test_wording_many_corpus_documents_share_is_a_formula(tmp_path, empty_bank):
    formula = "坚持围绕中心抓党建抓好党建促发展的工作思路"  # 21 folded characters
    long = "坚持把纪律和规矩挺在前面切实贯彻落实全面从严管党治党各项工作任务持续抓关键人关键事关键节点"  # 45
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(4):
        (corpus / f"doc{number}.txt").write_text(
            f"2023年第{number}党支部工作总结\n一、主要工作\n第{number}支部{formula}，成效明显。\n{long}。\n", encoding="utf-8")
    text = DOCUMENT.format(one=f"我们{formula}，效果良好。", two=f"今年{long}。")
    found = copies(check_originality(context(tmp_path, text, corpus=corpus, bank=empty_bank)))
    assert [f.line for f in found] == [7]  # the long run only: a copy however common
    assert "另见于 3 篇范文" in found[0].message


def test_copying_most_of_a_source_is_an_error(tmp_path):
    seed = (CORPUS / SEED_000).read_text(encoding="utf-8")
    ctx = context(tmp_path, seed.replace("2023年", "2024年") + "\n补充说明：本文按要求修改。\n")
    findings = copies(check_originality(ctx))
    assert findings and all(f.severity == "error" for f in findings)
    assert ctx.copied[0].source == SEED_000 and ctx.copied[0].share > 0.9


# -- which corpus ---------------------------------------------------------------------------------

def test_without_a_corpus_the_rule_only_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    findings = check_originality(context(tmp_path, DOCUMENT.format(one=COPIED_ONE, two=""), corpus=None))
    assert [(f.severity, f.line, f.source) for f in findings] == [("info", None, None)]
    assert "--corpus" in findings[0].message


def test_corpus_folder_in_the_current_directory_is_the_default(tmp_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    shutil.copy(CORPUS / SEED_000, tmp_path / "corpus" / SEED_000)
    monkeypatch.chdir(tmp_path)
    findings = check_originality(context(tmp_path, DOCUMENT.format(one=COPIED_ONE, two=""), corpus=None))
    assert [f.source for f in findings] == [SEED_000]


def test_unreadable_corpus_files_are_named(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / SEED_000, corpus / SEED_000)
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    findings = check_originality(context(tmp_path, DOCUMENT.format(one=COPIED_ONE, two=""), corpus=corpus))
    assert [f.source for f in copies(findings)] == [SEED_000]
    info = [f for f in findings if f.severity == "info"]
    assert len(info) == 1 and "broken.docx" in info[0].message


def test_an_empty_corpus_says_so(tmp_path):
    (tmp_path / "corpus").mkdir()
    findings = check_originality(context(tmp_path, DOCUMENT.format(one="", two=""), corpus=tmp_path / "corpus"))
    assert [f.severity for f in findings] == ["info"] and "没有可读取" in findings[0].message


# -- the index -----------------------------------------------------------------------------------

def test_the_index_is_built_once_and_rebuilt_when_the_corpus_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (SEED_000, "001_56e93352d959f4eb.txt"):
        shutil.copy(CORPUS / name, corpus / name)
    with open_index(corpus) as first:
        built = first.path
        assert built is not None and built.parent == tmp_path / "cache" / "corpus-index"
        assert [d.name for d in first.docs] == [SEED_000, "001_56e93352d959f4eb.txt"]

    def no_rebuild(*_args, **_kwargs):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(corpus_index, "build_index_bytes", no_rebuild)
    with open_index(corpus) as again:
        assert again.path == built
    monkeypatch.undo()
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    (corpus / "002.txt").write_text("2019年党建工作总结\n一、主要工作\n开展学习。\n", encoding="utf-8")
    with open_index(corpus) as changed:
        assert len(changed.docs) == 3 and changed.path != built
    assert not built.exists()  # the old index of this folder is gone
    assert len(list((tmp_path / "cache" / "corpus-index").glob("*.idx"))) == 1


def test_a_damaged_index_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / SEED_000, corpus / SEED_000)
    with open_index(corpus) as index:
        path = index.path
    path.write_bytes(path.read_bytes()[:100])  # truncated
    with open_index(corpus) as index:
        assert len(index.docs) == 1 and index.path == path
        assert index.find_runs(index.doc_text(0)[:200])  # and it works


def test_an_unwritable_cache_still_checks(tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocker))
    ctx = context(tmp_path, DOCUMENT.format(one=COPIED_ONE, two=COPIED_TWO))
    assert [f.source for f in check_originality(ctx)] == [SEED_000, SEED_000]


def test_the_index_text_is_what_the_display_reads_back():
    path = CORPUS / SEED_000
    folded = fold("".join(line.text for line in corpus_lines(path)))
    again = "".join(fold_with_offsets(line.text)[0] for line in corpus_lines(path))
    assert folded == again and "paidbegin" not in folded  # cleaned as `drafter parse` does


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), length=st.integers(MIN_RUN, 60), alphabet=st.sampled_from(["甲乙丙丁", "学思践悟知行合一"]))
def test_every_common_run_of_twenty_or_more_is_found(seed, length, alphabet):
    """Random documents over a tiny alphabet (many near-misses); a run taken from one of
    them anywhere in a checked text is found, at its full length or longer."""
    rng = random.Random(seed)
    docs = ["".join(rng.choice(alphabet) for _ in range(rng.randint(60, 400))) for _ in range(3)]
    index = index_from_bytes(index_bytes([(f"d{i}", str(i), text) for i, text in enumerate(docs)]))
    source = rng.randrange(3)
    start = rng.randrange(0, max(1, len(docs[source]) - length))
    run = docs[source][start:start + length]
    checked = "壹贰叁" + run + "肆伍陆"  # characters the corpus never has: the run is exact
    found = [r for r in index.find_runs(checked) if r.doc == source]
    assert any(r.start == 3 and r.end == 3 + len(run) and docs[source][r.corpus_start:r.corpus_start + len(run)] == run
               for r in found)
    for r in index.find_runs(checked):  # and every reported run is real
        assert checked[r.start:r.end] == docs[r.doc][r.corpus_start:r.corpus_start + r.length]
        assert r.length >= MIN_RUN
    index.close()


def test_a_docx_source_is_quoted_by_paragraph(tmp_path):
    import docx

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    document = docx.Document()
    for line in (CORPUS / SEED_000).read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(corpus / "000.docx")
    [finding] = check_originality(context(tmp_path, DOCUMENT.format(one="", two=COPIED_TWO), corpus=corpus))
    assert finding.source == "000.docx" and "第 10 段" in finding.message and "老年康乐报" in finding.message


def test_a_source_that_cannot_be_read_back_is_quoted_from_the_index(tmp_path, monkeypatch):
    from drafter.checking.rules import originality

    monkeypatch.setattr(originality, "document_view", lambda path: None)
    [finding] = check_originality(context(tmp_path, DOCUMENT.format(one="", two=COPIED_TWO)))
    assert finding.source == SEED_000 and "为10余名离退休干部订阅老年康乐报生活晚报等报刊共计费用1000元" in finding.message
