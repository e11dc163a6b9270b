"""punctuation (GB/T 15834): half-width marks in Chinese, unpaired and mixed quotes and brackets, doubled marks."""
import pytest

from check_helpers import run_rule
from drafter.checking.rules.punctuation import check_punctuation


def punctuation(tmp_path, line):
    return run_rule(check_punctuation, tmp_path, line)


@pytest.mark.parametrize("line, wrong, fix", [
    ("强化对权力运行的制约和监督,深化标本兼治。", ",", "，"),
    ("主要做法:一是加强学习。", ":", "："),
    ("抓好学习;抓好落实。", ";", "；"),
    ("如何把学习成果转化为工作实效?值得思考。", "?", "？"),
    ("开展“学习强国”答题竞赛 , 党员踊跃参加。", " , ", "，"),
    ("坚持“围绕中心”,“服务大局”。", ",", "，"),
])
def test_half_width_marks_between_chinese_are_errors(tmp_path, line, wrong, fix):
    [found] = punctuation(tmp_path, line)
    assert (found.severity, found.wrong, found.fix, found.line) == ("error", wrong, fix, 3) and found.fixable


def test_half_width_brackets_around_chinese_are_one_error_with_the_marks_inside(tmp_path):
    [found] = punctuation(tmp_path, "召开支部委员会(扩大会议,共12人参加)研究部署。")
    assert (found.wrong, found.fix) == ("(扩大会议,共12人参加)", "（扩大会议，共12人参加）")


def test_bracket_of_each_width_is_an_error(tmp_path):
    [found] = punctuation(tmp_path, "全年召开会议12次（含视频会议3次)。")
    assert (found.severity, found.wrong, found.fix) == ("error", ")", "）")


@pytest.mark.parametrize("line", [
    "开展“学习强国”答题竞赛，全年完成12次。",
    "共计5,000元，时间为8:30。",  # digits on both sides
    "使用Excel(2016)统计党费。",  # no Chinese around
    "1）加强学习；2）抓好落实。",  # item numbers, not brackets
    "学习《中国共产党纪律处分条例》（2023年修订）。",
    "一些同志觉得“差不多就行”……",
    "这个问题。。。还要再研究",  # three or more: an ellipsis typed by hand
])
def test_right_punctuation_is_no_finding(tmp_path, line):
    assert punctuation(tmp_path, line) == []


@pytest.mark.parametrize("line, what", [
    ("组织党员观看“榜样的力量专题片。", "前引号"),
    ("组织党员观看榜样的力量”专题片。", "后引号"),
    ("学习《中国共产党章程，撰写心得。", "《"),
    ("召开专题会议（扩大会议，研究部署。", "（"),
])
def test_unpaired_quotes_and_brackets_are_warnings_without_fix(tmp_path, line, what):
    [found] = punctuation(tmp_path, line)
    assert found.severity == "warning" and found.fix is None and what in found.message


@pytest.mark.parametrize("line, mark", [("全年开展活动12次，，参加党员200人次。", "，"), ("活动圆满完成。。", "。")])
def test_doubled_marks_are_errors(tmp_path, line, mark):
    [found] = punctuation(tmp_path, line)
    assert (found.severity, found.wrong, found.fix) == ("error", mark * 2, mark)


def test_straight_quotes_beside_curly_ones_are_warnings_with_a_fix(tmp_path):
    found = punctuation(tmp_path, '开展"学习强国"答题和“三会一课”评比。')
    assert [(f.severity, f.wrong, f.fix) for f in found] == [("warning", '"学习强国"', "“学习强国”")]


def test_straight_quotes_alone_are_one_hint(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text('2025年党支部工作总结\n开展"学习强国"答题。\n推进"三会一课"规范化。\n', encoding="utf-8")
    from drafter.checking.context import CheckContext
    from drafter.checking.subject import load_subject

    [found] = check_punctuation(CheckContext(load_subject(path)))
    assert found.severity == "info" and found.line == 2
