"""naming (称谓与提法): leaders' names shortened, standard 提法 written wrong (the lexicon's wrong forms)."""
import pytest

from check_helpers import run_rule
from drafter.checking.rules.naming import check_naming, lexicon_rows
from drafter.lexicon import load_lexicon


def naming(tmp_path, line):
    return run_rule(check_naming, tmp_path, line)


@pytest.mark.parametrize("line, wrong", [
    ("支部深入学习贯彻习总书记重要讲话精神。", "习总书记"),
    ("认真学习习总书记关于党的建设的重要思想。", "习总书记"),  # 学习 then 习总书记
    ("组织观看习大大考察调研的新闻。", "习大大"),
])
def test_shortened_names_are_errors_put_right_to_the_full_name(tmp_path, line, wrong):
    [found] = naming(tmp_path, line)
    assert (found.rule, found.severity, found.line) == ("naming", "error", 3)
    assert (found.wrong, found.fix) == (wrong, "习近平总书记") and found.fixable
    assert "称谓" in found.message and f"“{wrong}”应为“习近平总书记”" in found.message


def test_xi_zhuxi_is_only_a_hint(tmp_path):
    [found] = naming(tmp_path, "传达学习习主席在庆祝大会上的讲话。")
    assert found.severity == "info" and not found.fixable and "语境" in found.message


@pytest.mark.parametrize("line", [
    "认真学习总书记重要讲话精神，深入学习习近平总书记关于党的建设的重要思想。",  # 学习 + 总书记
    "组织党员复习总结上半年的学习内容。",
    "见习总监和实习总结按期完成。",
    "习近平主席出席会议并发表重要讲话。",
])
def test_full_names_and_words_ending_in_xi_are_no_finding(tmp_path, line):
    assert naming(tmp_path, line) == []


@pytest.mark.parametrize("line, wrong, right", [
    ("教育引导党员增强“四种意识”。", "四种意识", "四个意识"),
    ("推进两学一作学习教育常态化制度化。", "两学一作", "两学一做"),
    ("严格落实三会一讲制度。", "三会一讲", "三会一课"),
    ("压实全面从严治党主题责任。", "全面从严治党主题责任", "全面从严治党主体责任"),
])
def test_standard_wording_written_wrong_comes_from_the_lexicon(tmp_path, line, wrong, right):
    [found] = naming(tmp_path, line)
    assert (found.severity, found.wrong, found.fix) == ("error", wrong, right)
    assert "提法" in found.message and "出处" in found.message


def test_every_wrong_form_of_the_lexicon_is_a_row_with_its_entrys_term():
    rows = {row.wrong: row for row in lexicon_rows()}
    for entry in load_lexicon().entries:
        for wrong in entry.wrong:
            assert rows[wrong].right == [entry.term]
            # the fix stands in place of the wrong form: the term reads as a wording of its own
            assert not any(mark in entry.term for mark in "“”"), entry.term


@pytest.mark.parametrize("line", ["增强“四个意识”、坚定“四个自信”、做到“两个维护”。", "推进“两学一做”学习教育常态化制度化。"])
def test_standard_wording_written_right_is_no_finding(tmp_path, line):
    assert naming(tmp_path, line) == []
