"""The site name and section a web page prints before its title: XX期刊网 精选范文
2021年党建工作总结, 范文大全网 工作总结频道 …, or on a line of its own (XX文库). Only on the
first lines (where the title is): the site's words go, the title after them stays.

A site word is a space-separated token naming a 范文 site (…范文网, …文库, …期刊网) or
a section of one (精选范文, 范文大全, 推荐文章). A token that only ends in 网 (国家电网)
counts only when a section token follows it. A line of nothing but such words (精选范文 on a
line of its own, as a one-line page splits off) goes whole when it names a 范文 site's part
(范文, 文库, 精选, 大全 …) and no document (a title ending in 范文 names one: …工作总结范文).
A compilation's part mark (范文一, 篇二) is no site word: the compilation split cuts it.
"""
from __future__ import annotations

import re

from drafter.cleaning.compilation import is_part_mark
from drafter.cleaning.line_edit import RuleResult, edit_top_lines
from drafter.model import Line

_TOP_LINES = 5
_MAX_LINE = 80
_TOKEN = re.compile(r"\S+")
_SITE_NAME = re.compile(r"^.{0,12}(?:(?:范文|文库|文秘|期刊|公文|写作|材料|资料|文档)(?:网|站)|范文|文库|范文大全)$")
_ANY_SITE = re.compile(r"^.{1,12}(?:网|站)$")
# A site's name alone on a line: a 范文 word and 网, 站 or 文库 at the end (XX文库, 公文写作网).
_SITE_LINE = re.compile(r"^\S{0,12}(?:(?:范文|文秘|期刊|公文|写作|材料|资料|文档|百科)\S{0,4}(?:网|站)|文库)$")
# A 范文 site's own words: a line of site words needs one of them to go whole.
_CHROME_WORD = re.compile(r"范文|文库|期刊|文秘|精选|大全|模板|频道|栏目|首页")
_NAMES_DOCUMENT = re.compile(r"[0-9０-９]|总结|报告|汇报|述职|材料|计划|要点|讲话|发言|方案|心得|体会")
_SECTION = re.compile(r"^.{0,6}(?:范文|精选|文章|栏目|频道|专题|大全|模板|首页|推荐|热门|最新)[^\s]{0,4}$")


def _prefix_end(text: str) -> int:
    """Where the site words before the title end (0: none)."""
    tokens = list(_TOKEN.finditer(text))
    end, site_only = 0, False
    for index, token in enumerate(tokens[:-1]):  # the last token is the title at least
        word = token.group()
        if is_part_mark(word):
            break  # 范文一 2023年工作总结: a compilation's part mark, cut when it is split
        if _SITE_NAME.match(word) or _SECTION.match(word):
            end, site_only = token.end(), False
        elif index == 0 and _ANY_SITE.match(word):
            end, site_only = token.end(), True
        else:
            break
    if site_only:
        return 0  # 国家电网 2023年工作总结: a name ending in 网 with no section after it
    return end


def _site_words_only(text: str) -> bool:
    """精选范文, 范文大全, XX期刊网 精选范文: site and section words, and nothing else."""
    if not _CHROME_WORD.search(text) or _NAMES_DOCUMENT.search(text):
        return False
    if any(is_part_mark(word) for word in text.split()):
        return False  # 范文一: a compilation's part mark, not the site's section
    return all(_SITE_NAME.match(word) or _SECTION.match(word) for word in text.split())


def strip_title_site_prefix(lines: list[Line]) -> RuleResult:
    def spans(text: str):
        if len(text) > _MAX_LINE:
            return []
        if len(lines) > 1 and (_SITE_LINE.match(text) or _site_words_only(text)):
            return [(0, len(text))]  # the site's name or section alone
        end = _prefix_end(text) if " " in text.strip() else 0
        return [(0, end)] if end else []

    return edit_top_lines(lines, _TOP_LINES, spans)
