"""Button and navigation lines copied with a web page: 下载本文 | 分享 | 收藏 |
举报, 【打印本文】【关闭窗口】, 字号：大 中 小, 上一篇 下一篇, 上一篇：…, 相关推荐, 登录 | 注册 |
会员中心. A line goes only when nothing but such words (and separators) is on it."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.model import Line

BUTTON_WORDS = _BUTTONS = (
    "下载本文", "下载文档", "下载全文", "下载word文档", "下载word", "立即下载", "免费下载",
    "点击下载", "下载", "分享到", "分享", "一键分享", "收藏本文", "加入收藏", "收藏", "举报",
    "打印本文", "打印此页", "打印", "关闭窗口", "关闭本页", "关闭", "复制全文", "复制链接",
    "复制本文", "返回顶部", "返回列表", "返回首页", "返回", "点赞", "纠错", "我要纠错",
    "评论", "字号", "字体", "相关推荐", "相关文章", "相关阅读", "推荐阅读", "猜你喜欢",
    "热门推荐", "热门文章", "文章推荐", "全文阅读", "免费阅读",
    # the page's navigation links without the titles they lead to (上一篇：… with one is below)
    "上一篇", "下一篇", "上一页", "下一页",
    # the site's account bar and menu
    "登录", "注册", "免费注册", "会员登录", "用户登录", "立即登录", "快速登录", "退出登录", "退出",
    "会员中心", "个人中心", "用户中心", "我的收藏", "我的下载", "开通会员", "充值", "网站首页", "首页",
    "设为首页", "在线投稿", "我要投稿", "投稿", "网站地图", "联系我们",
)
# Words that are buttons only next to a real button: share targets, font sizes.
_COMPANIONS = ("微信好友", "微信", "朋友圈", "微博", "新浪微博", "腾讯微博", "QQ空间", "QQ好友",
               "QQ", "豆瓣", "大", "中", "小", "默认", "A+", "A-")
_SEPARATORS = r"[\s|｜丨/／、,，·•:：【】\[\]（）()<>《》»«>＞→↑]+"


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


_BUTTON_ONLY = re.compile(
    rf"^(?:{_SEPARATORS})?(?:(?:{_alternation(_BUTTONS + _COMPANIONS)})(?:{_SEPARATORS})?)+$",
    re.IGNORECASE,
)
_ANY_BUTTON = re.compile(_alternation(_BUTTONS), re.IGNORECASE)
_NAVIGATION = re.compile(r"^(?:上一篇|下一篇|上一页|下一页|上篇|下篇)\s*[:：].*$")
_MAX_LENGTH = 60
_MAX_NAVIGATION = 100


def _button_spans(text: str):
    if len(text) <= _MAX_LENGTH and _BUTTON_ONLY.match(text) and _ANY_BUTTON.search(text):
        return [(0, len(text))]
    if len(text) <= _MAX_NAVIGATION and _NAVIGATION.match(text):
        return [(0, len(text))]
    return []


def drop_page_buttons(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _button_spans)
