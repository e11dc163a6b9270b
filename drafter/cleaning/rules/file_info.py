"""Download-page file info lines: 格式:docx  大小:25KB  文档页数:5页 …"""
from __future__ import annotations

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


def drop_file_info(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, lambda text: [(0, len(text))] if FILE_FIELDS.is_info_line(text) else [])
