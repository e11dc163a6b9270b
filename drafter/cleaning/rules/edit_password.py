"""Passwords that paid sites print into their documents (本文档编辑密码：wsx2023,
解压密码, 网盘提取码 …). A password needs a value written after it, so a real
sentence such as 督促干部定期修改密码 is never touched."""
from __future__ import annotations

import re

from drafter.cleaning.line_edit import RuleResult, edit_lines
from drafter.cleaning.sentences import spans_of_matching_sentences
from drafter.model import Line

_VALUE = r"[A-Za-z0-9_@#$%&*.!\-]{3,}"
_PASSWORD = re.compile(
    r"(?:编辑|文档|解压|打开|修改|访问|下载|阅读|文件)\s*密码\s*(?:是|为)?\s*[:：]?\s*" + _VALUE
    + r"|(?:^|[\s，,。；;（(])密码\s*(?:是|为)?\s*[:：]\s*" + _VALUE
    + r"|提取码\s*(?:是|为)?\s*[:：]?\s*[A-Za-z0-9]{4}",
    re.IGNORECASE,
)


def drop_edit_passwords(lines: list[Line]) -> RuleResult:
    return edit_lines(lines, lambda text: spans_of_matching_sentences(text, _PASSWORD))
