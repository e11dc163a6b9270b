"""Advertising for material sites and ghost-writing (素材库, 代笔, 会员群 …).

Only strong cues count alone; weaker words need company. Real work summaries
say 公众号, 微信, 会员 or 素材库 in ordinary sentences (利用官网、公众号等开展宣传,
组织工会会员…, 建立宣传素材库), so none of those alone marks an ad.
"""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, Span, edit_lines
from drafter.cleaning.sentences import sentence_spans
from drafter.model import Line

_STRONG = re.compile(
    "|".join([
        r"(?<![A-Za-z])svip(?![A-Za-z])",
        r"vip\s*会员",
        r"会员群", r"网盘群",
        r"有意(?:加入|者|购买|合作)[^。！？]{0,6}联系",
        r"谨防假冒",
        r"(?:添加|联系|咨询|代笔)\s*客服",
        r"客服\s*(?:微信|vx|v信|qq)",
        r"客服\s*[:：]\s*[A-Za-z0-9]",
        r"认准[^。！？，,]{0,12}唯一",
        r"唯一平台",
        r"每[天日]更新(?:材料|素材|范文|资料)",
        r"同步每[天日]更新",
        r"一键(?:精准搜索|快速查找|极速下载|下载)",
        r"好评如潮",
        r"(?:持续|火热|长期)接单|接单中",
        r"(?:各类|专业|原创)代笔|代笔[（(]润笔|代笔服务",
        r"【[^】]{0,12}(?:素材|范文|文库|代笔|写作|材料库)[^】]{0,6}】",
        r"(?:加|添加)\s*(?:微信|vx|v信|qq)\s*[:：]?\s*[A-Za-z0-9_-]{5,}",
        r"微信号\s*[:：]\s*[A-Za-z0-9_-]{3,}",
        r"qq\s*(?:号|群)?\s*[:：]\s*\d{5,}",
    ]),
    re.IGNORECASE,
)

# Words that are ads only in company: three different ones in one sentence.
_WEAK = (
    re.compile(r"素材库"), re.compile(r"代笔"), re.compile(r"客服"), re.compile(r"小伙伴"),
    re.compile(r"公众号\s*[:：]"), re.compile(r"润笔"), re.compile(r"扫码"),
    re.compile(r"二维码"), re.compile(r"原创"), re.compile(r"万字(?:材料|素材)"),
)
_WEAK_NEEDED = 3
_ANY_WEAK = re.compile("|".join(cue.pattern for cue in _WEAK))  # most lines hold none: one search

_BRAND = re.compile(r"【[^】]{0,12}】")
_GLUED_TEXT = 8  # characters of real text before a brand bracket


def is_ad_sentence(sentence: str) -> bool:
    if _STRONG.search(sentence):
        return True
    return bool(_ANY_WEAK.search(sentence)) and sum(1 for cue in _WEAK if cue.search(sentence)) >= _WEAK_NEEDED


def _ad_span(text: str) -> list[Span]:
    """From the first ad sentence to the last one: whatever sits between them is
    part of the ad; real text before or after in the same line stays."""
    if not is_ad_sentence(text):  # a line that is no ad as a whole holds no ad sentence
        return []
    ads = [(s, e) for s, e in sentence_spans(text) if is_ad_sentence(text[s:e])]
    if not ads:
        return []
    start, end = ads[0][0], ads[-1][1]
    brand = _BRAND.search(text, start, ads[0][1])
    if brand:
        before = text[start:brand.start()]
        if len(before.strip()) >= _GLUED_TEXT and not is_ad_sentence(before):
            start = brand.start()  # an ad glued to real text without a full stop
    return [(start, end)]


def drop_ads(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _ad_span)
