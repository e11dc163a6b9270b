"""wording (用词): 截止/截至, 做/作, the unambiguous 的/得 patterns and misspelt set phrases."""
import pytest

from check_helpers import run_rule
from drafter.checking.rules.wording import check_wording


def wording(tmp_path, line):
    return run_rule(check_wording, tmp_path, line)


@pytest.mark.parametrize("line, wrong, right", [
    ("截止6月底，支部共发展党员2名。", "截止", "截至"),
    ("截止目前，已完成整改问题12个。", "截止", "截至"),
    ("截止2024年12月31日，党员总数为48名。", "截止", "截至"),
    ("截止到年底，全部完成。", "截止到", "截至"),
    ("截至到9月，累计培训320人次。", "截至到", "截至"),
])
def test_jiezhi_before_a_time_is_an_error(tmp_path, line, wrong, right):
    [found] = wording(tmp_path, line)
    assert (found.severity, found.wrong, found.fix, found.line) == ("error", wrong, right, 3)
    assert found.fixable and "截止/截至" in found.message


@pytest.mark.parametrize("line", [
    "报名截止日期为6月30日。",
    "申报工作于6月30日截止。",
    "截至6月底，支部共发展党员2名。",
    "明确了截止时间和责任人。",
])
def test_jiezhi_as_a_deadline_and_jiezhi_written_right_are_no_finding(tmp_path, line):
    assert wording(tmp_path, line) == []


@pytest.mark.parametrize("line, wrong, right", [
    ("为全市发展做出了积极贡献。", "做出", "作出"),
    ("认真作好迎检各项准备。", "作好", "做好"),
    ("作好迎检各项准备。", "作好", "做好"),  # before: '^' is the paragraph's start
])
def test_zuo_zuo_are_hints(tmp_path, line, wrong, right):
    [found] = wording(tmp_path, line)
    assert (found.severity, found.wrong, found.fix) == ("info", wrong, right) and not found.fixable


@pytest.mark.parametrize("line", [
    "局党组作出了加强机关作风建设的决定。",
    "做好年度考核工作。",
    "把合作好、协作好作为基本要求。",  # 作好 inside 合作好
    "做出的样品全部合格。",
    "把学习当做出发点。",
])
def test_zuo_zuo_where_right_or_another_word(tmp_path, line):
    assert wording(tmp_path, line) == []


@pytest.mark.parametrize("line, wrong, right", [
    ("各项工作开展的比较扎实。", "的", "得"),
    ("整改任务完成的很好。", "的", "得"),
    ("各项整改措施落实的比较到位，群众满意度明显提升。", "的", "得"),
    ("这项工作推进的最顺利", "的", "得"),  # the paragraph's end
    ("支部建设取的了明显成效。", "取的", "取得"),
])
def test_de_patterns_are_warnings(tmp_path, line, wrong, right):
    [found] = wording(tmp_path, line)
    assert (found.severity, found.wrong, found.fix) == ("warning", wrong, right)


@pytest.mark.parametrize("line", [
    "开展得比较好的支部作了交流发言。",
    "我们做的很多工作群众看得见。",
    "采取的了解方式很多。",  # 采取的 is not 取得
    "认真听取的意见全部吸收。",
    "开展的活动比较丰富。",
    "这是我局落实的最有力举措。",  # 的 + degree + adjective + noun: attributive
    "今年全局推进的最突出亮点是数字化改革。",
    "“每周一学”是全年推进的最有效做法之一。",
    "今年坚持的更加有效做法是“每周一学”。",
])
def test_de_in_other_patterns_is_no_finding(tmp_path, line):
    assert wording(tmp_path, line) == []


@pytest.mark.parametrize("line, wrong, right", [
    ("要再接再励，推动工作再上新台阶。", "再接再励", "再接再厉"),
    ("建立党员学习台帐。", "台帐", "台账"),
    ("坚持警钟常鸣。", "警钟常鸣", "警钟长鸣"),
    ("认真布署年度工作任务。", "布署", "部署"),
])
def test_misspelt_words_are_errors(tmp_path, line, wrong, right):
    [found] = wording(tmp_path, line)
    assert (found.severity, found.wrong, found.fix) == ("error", wrong, right) and found.fixable


@pytest.mark.parametrize("line", ["在公布署名文章前逐篇审核。", "搭建帐篷开展应急演练。", "弘扬伟大建党精神。"])
def test_right_words_and_words_around_them_are_no_finding(tmp_path, line):
    assert wording(tmp_path, line) == []
