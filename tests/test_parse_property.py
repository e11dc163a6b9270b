"""Property-based: the parser never raises on random text, bytes or marker soup."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import drafter
from drafter.errors import DrafterError
from drafter.model import DOCUMENT_KEYS

MARKERS = ["一、", "二、", "四、", "（一）", "(二)", "（三）", "1.", "2、", "3．", "（1）", "(2)", "一是", "二是",
           "三是是", "五是", "##paidbegin##", "##paidend##", "。", "，", "：", "\n", "\r\n", "\u3000", " ",
           "（2946字）", "本文档编辑密码：abc", "2023年12月20日", "X", "XX", "下一步，", "虽取得一定成效，但",
           "【哒哒素材库】添加客服", "问题", "计划", "《", "》", "“", "”", "十", "是"]
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
soup = st.lists(st.one_of(st.sampled_from(MARKERS), words), max_size=80).map("".join)
settings_ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_valid(doc):
    data = doc.to_dict()
    assert tuple(data) == DOCUMENT_KEYS
    top = [id(section) for section in doc.sections]
    has_level1 = any(section.level == 1 for section in doc.sections)
    for node in doc.walk():
        assert 1 <= node.level <= 4
        # roles go to the top sections: the level-1 ones, or all of them where there is no 一、
        assert node.role is None or (id(node) in top and (node.level == 1 or not has_level1))


@settings_
@given(soup)
def test_marker_soup_never_raises(text):
    _assert_valid(drafter.parse_text(text))


@settings_
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    _assert_valid(drafter.parse_text(text))


@settings_
@given(st.binary(max_size=400), st.sampled_from([".txt", ".docx", ".TXT", ""]))
def test_random_bytes_give_a_document_or_a_clear_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"random{suffix}"
    path.write_bytes(data)
    try:
        _assert_valid(drafter.parse_file(path))
    except DrafterError as error:
        assert str(path) in str(error)


# -- long runs: every cleaning, outline and check rule stays linear ---------------------------------

RUN_PIECES = [" ", "\u3000", "\t", "。", "，", "、", "：", "…", "*", ".", "x", "X", "D", "一、", "（一）", "1.",
              "一是", "二是", "是", "十", "年", "2025年", "《", "“", "(", "甲乙", "\n"]
# A piece repeated up to 30,000 times, a few runs in a row: up to ~200,000 characters.
long_runs = st.lists(st.tuples(st.sampled_from(RUN_PIECES), st.one_of(st.integers(1, 50), st.integers(5_000, 30_000))),
                     min_size=1, max_size=6) \
    .map(lambda runs: "".join(piece * times for piece, times in runs))
# Parsing runs at about a million characters a second (bench/bench_parse.py): 200,000 take
# some 0.2 s, checking a few times that. The guard is far above, so it only catches a hang.
HANG_GUARD = 30


def _within_guard(work):
    import signal

    def hang(signum, frame):
        raise AssertionError(f"超过 {HANG_GUARD} 秒：疑似平方级耗时")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.setitimer(signal.ITIMER_REAL, HANG_GUARD)
    try:
        return work()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_runs)
def test_long_runs_parse_in_linear_time(text):
    _assert_valid(_within_guard(lambda: drafter.parse_text("某局2025年工作总结\n" + text + "\n一、主要工作\n完成。")))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_runs)
def test_long_runs_check_in_linear_time(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("runs") / "runs.txt"
    path.write_text("某局2025年工作总结\n一、主要工作\n" + text + "\n", encoding="utf-8")
    report = _within_guard(lambda: drafter.check(path))
    assert report.year == 2025
