"""Web-page article info lines: 发布时间/来源/作者/浏览量 … (several fields may
share a line), and breadcrumbs: 当前位置：首页 > …, 您当前的位置：…, or any short
chain of three or more links (XX网 > 范文 > 工作总结), and tag lines (标签：述职报告 述廉报告).
Only short lines made wholly
of such fields go; 时间：… 地点：… in real minutes is one weak field and stays."""
from __future__ import annotations

import re

from drafter.cleaning.field_lines import FieldLabels
from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.model import Line

PAGE_FIELDS = FieldLabels(
    strong=("发布日期", "发布时间", "发表日期", "发表时间", "更新日期", "更新时间", "来源",
            "文章来源", "信息来源", "稿件来源", "浏览量", "浏览次数", "阅读量", "阅读次数",
            "点击量", "点击次数", "点击数", "访问量", "责任编辑", "责编", "字数", "所属栏目",
            "所属分类", "人气"),
    weak=("时间", "日期", "作者", "编辑", "撰稿", "审核", "浏览", "阅读", "点击", "评论",
          "栏目", "分类", "标签", "关键词", "关键字", "出处"),
)
_BREADCRUMB = re.compile(r"^(?:(?:[您你](?:当前|现在)?的?(?:所在)?|当前|所在)位置\s*[:：]|首页\s*[>＞»›/])")
# Link texts joined by > (no sentence has three of them in a row).
_LINK_CHAIN = re.compile(r"^[^>＞»›。，；]{1,20}(?:[>＞»›][^>＞»›。，；]{1,24}){2,}$")
# A page's tag line: 标签：述职报告 述廉报告 (a few short words, no sentence). Possessive:
# a long run of words must fail at once, not be tried in every split.
_TAG_LINE = re.compile(r"^(?:标签|关键词|关键字|tags?)\s*[:：]\s*(?:[^\s。！？；，,、;|]{1,12}+[\s、，,;；|]*+){1,8}+$",
                       re.IGNORECASE)
_HAS_LINK = re.compile(r"[>＞»›]")
_MAX_BREADCRUMB = 120


def _page_meta_spans(text: str):
    if PAGE_FIELDS.is_info_line(text):
        return [(0, len(text))]
    if len(text) <= _MAX_BREADCRUMB and (_BREADCRUMB.match(text) or (_HAS_LINK.search(text) and _LINK_CHAIN.match(text))
                                         or _TAG_LINE.match(text)):
        return [(0, len(text))]
    return []


def drop_page_meta(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _page_meta_spans)
