"""Copyright notes and disclaimers (本文系作者原创投稿，仅供学习参考，请勿照搬照抄！,
版权归原作者所有, 如有侵权请联系删除, 转载请注明出处 …). Each cue is a whole
phrase: 照搬照抄 alone is ordinary 党建 language (防止照搬照抄), 请勿照搬照抄 is not."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.cleaning.sentences import spans_of_matching_sentences
from drafter.model import Line

_DISCLAIMER = re.compile(
    "|".join([
        r"仅供(?:学习|交流|个人)(?:参考|交流|使用|借鉴|研究)?",
        r"请勿(?:照搬照抄|抄袭|转载|全文照搬|直接套用|用于商业|商用)",
        r"版权归(?:原)?作者", r"版权所有", r"著作权归",
        r"如有侵权", r"侵权(?:必究|请联系|联系删除|删除)", r"联系(?:我们|本站|小编)?删除",
        r"转载请注明", r"(?:禁止|谢绝|严禁)转载",
        r"未经(?:授权|许可|允许)[^。！？]{0,8}(?:转载|复制|使用)",
        r"本文(?:系|为|是)?(?:作者)?原创", r"原创投稿",
        r"(?:本文|文章|内容|资料|素材)(?:部分)?(?:来源|来自|转载自|摘自)(?:于)?(?:网络|互联网)",
        r"免责声明",
    ])
)
# 仅供参考 alone could be real; with a document word it is the site's note.
_FOR_REFERENCE = re.compile(r"(?:本文|文章|范文|资料|下载|模板)[^。！？]{0,12}仅供参考|^[（(【\[]?\s*仅供参考\s*[）)】\]]?[。！!]?$")


def _disclaimer_spans(text: str):
    spans = spans_of_matching_sentences(text, _DISCLAIMER)
    spans += spans_of_matching_sentences(text, _FOR_REFERENCE)
    return spans


def drop_disclaimers(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _disclaimer_spans)
