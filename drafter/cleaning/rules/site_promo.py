"""Promotion written by the site around the text: “XX范文网为您精心整理了…，
欢迎阅读”, “更多相关…请访问本站”, “本站…”. A short paragraph holding such a
sentence goes whole (its other sentences are the site's filler); in a long
paragraph only the promo sentences are cut. 本站 alone is real text at a
水文站 or 收费站, so it needs a site verb next to it."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.cleaning.sentences import spans_of_matching_sentences
from drafter.model import Line

_PROMO = re.compile(
    "|".join([
        r"(?:网|网站|站|小编)(?:特意|特地|精心|特别)?(?:为您|为大家|给大家|为你|给您)"
        r"(?:精心|特意|特地|用心)?(?:整理|收集|搜集|精选|准备|汇编)",
        r"小编[^。！？]{0,8}(?:整理|收集|搜集|推荐|精选)",
        r"本站(?:为您|为大家|小编|整理|收集|搜集|推荐|精选|原创|内容|文章|资源|会员|免费|网址)",
        r"(?:访问|关注|收藏|登录|注册|搜索)本站",
        r"欢迎(?:阅读|下载|收藏|浏览)",
        r"希望(?:能)?(?:对)?(?:您|你)有所(?:帮助|启发)",
        r"希望(?:能|可以)?帮助到(?:您|你)",
        r"更多(?:相关|精彩|优秀)?[^。！？]{0,20}请(?:访问|关注|点击|登录|查看|搜索)",
        r"更多(?:相关|精彩|优秀)(?:内容|范文|文章|资料)",
        r"(?:范文网|范文大全|文秘网|写作网|文库网)",
    ])
)
_WHOLE_PARAGRAPH = 200  # up to this length a promo paragraph goes whole


def _promo_spans(text: str):
    spans = spans_of_matching_sentences(text, _PROMO)
    if spans and len(text) <= _WHOLE_PARAGRAPH:
        return [(0, len(text))]
    return spans


def drop_site_promo(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _promo_spans)
