"""Which output format a draft is written in: the option, else the extension."""
from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import DrafterError

FORMATS = ("docx", "md", "txt")
EXTENSIONS = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt"}
FORMAT_LABELS = {"docx": "Word 文档", "md": "Markdown", "txt": "纯文本"}


def resolve_format(out_path: str | os.PathLike, fmt: str | None) -> tuple[str, str | None]:
    """(format, warning or None). An unknown extension without a format is an error."""
    suffix = Path(out_path).suffix.lower()
    if fmt is not None:
        chosen = fmt.strip().lower().lstrip(".")
        chosen = {"markdown": "md", "text": "txt", "word": "docx"}.get(chosen, chosen)
        if chosen not in FORMATS:
            raise DrafterError(f"不支持的输出格式“{fmt}”，可选：{' / '.join(FORMATS)}", key="format")
        implied = EXTENSIONS.get(suffix)
        if implied and implied != chosen:
            return chosen, f"输出文件扩展名是“{suffix}”，但按 --format 写成了 {FORMAT_LABELS[chosen]}"
        return chosen, None
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix], None
    if suffix == ".doc":
        raise DrafterError("不支持旧版 .doc 格式，请把输出文件名改为 .docx（Word、WPS 均可打开）",
                           path=str(out_path))
    if not suffix:
        raise DrafterError("输出文件没有扩展名，无法判断格式：请用 .docx / .md / .txt 结尾，或用 --format 指定",
                           path=str(out_path))
    raise DrafterError(f"无法从扩展名“{suffix}”判断输出格式：请用 --format 指定 docx、md 或 txt",
                       path=str(out_path))
