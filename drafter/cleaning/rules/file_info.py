"""Download-page file info lines: 格式:docx  大小:25KB  文档页数:5页 …, and the same
without labels: • 22.01 KB, 22.01KB · 6页 · 1203次下载. A line goes only when it is
nothing but such fields (a bare value line needs a file size on it)."""
from __future__ import annotations

import re

from drafter.cleaning.field_lines import FieldLabels
from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.model import Line

FILE_FIELDS = FieldLabels(
    strong=("文件格式", "文档格式", "文件大小", "文档大小", "文档页数", "下载次数", "下载量",
            "下载积分", "所需积分", "上传者", "上传时间", "上传日期", "贡献者", "下载券"),
    weak=("类型", "文件类型", "文档类型", "积分", "价格", "售价"),
    strong_values={
        "格式": r"\.?(?:docx?|wps|pdf|txt|rtf|pptx?|xlsx?)",
        "大小": r"\d+(?:\.\d+)?\s*(?:[KMG]B?|字节)",
        "页数": r"\d+\s*页?",
    },
)

_SIZE = r"\d+(?:\.\d+)?\s*(?:[KMG]B|[KMG]|字节)(?![A-Za-z])"
_VALUE = (rf"{_SIZE}|\d+\s*页|\d+\s*(?:次|人)?\s*(?:下载|浏览|阅读|收藏|点赞)"
          r"|\.?(?:docx?|wps|pdf|txt|rtf)(?![A-Za-z])")
_SEPARATOR = r"[\s•·|｜/／,，、]*"
_BARE_VALUES = re.compile(rf"^{_SEPARATOR}(?:(?:{_VALUE}){_SEPARATOR})+$", re.IGNORECASE)
_HAS_SIZE = re.compile(_SIZE, re.IGNORECASE)
_MAX_BARE = 60


def _file_info_spans(text: str):
    if FILE_FIELDS.is_info_line(text):
        return [(0, len(text))]
    if len(text) <= _MAX_BARE and _HAS_SIZE.search(text) and _BARE_VALUES.match(text):
        return [(0, len(text))]
    return []


def drop_file_info(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, _file_info_spans)
