"""The page_chrome_split rule: a web page pasted as one line is split into its parts."""
import pytest

from drafter.cleaning.rules.page_chrome_split import split_page_chrome
from drafter.model import Line


def split(text):
    kept, cuts = split_page_chrome([Line(text, 7)])
    assert cuts == [] and all(line.lineno == 7 for line in kept)
    return [line.text for line in kept]


def test_fields_and_buttons_are_split_off_the_prose():
    assert split("2024年工作总结 发布时间：2024-07-12 来源：本站 浏览量：88 今年以来，支部扎实推进各项工作。"
                 " 下载本文 分享到： (未完，全文共3000字) 相关推荐") == [
        "2024年工作总结", "发布时间：2024-07-12 来源：本站 浏览量：88", "今年以来，支部扎实推进各项工作。",
        "下载本文 分享到：", "(未完，全文共3000字)", "相关推荐"]


@pytest.mark.parametrize("text", [
    "发布时间：2023-12-26 09:15:42  来源：公文范文网  浏览量：2381",  # a tidy info line: page_meta's
    "下载本文 | 分享 | 收藏 | 举报",  # a tidy button line: page_button's
    "上一篇 下一篇 收藏本文",  # navigation links are buttons too, not prose before them
    "项目资金来源：财政拨款，使用情况良好。",  # one field inside a sentence
    "会议明确了责任分工 来源：上级文件 要求各支部抓好落实。",  # one field only
    "组织党员观看专题片，开展分享交流活动。",  # 分享 inside prose, not a tail
])
def test_left_alone(text):
    assert split(text) == [text]
