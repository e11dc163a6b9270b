"""Which output format a draft is written in: the option, else the extension."""
from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import DrafterError
from drafter.writers import FORMATS, WRITERS, get_writer, writer_for_extension


def format_label(fmt: str) -> str:
    return WRITERS[fmt].label


def resolve_format(out_path: str | os.PathLike, fmt: str | None) -> tuple[str, str | None]:
    """(format, warning or None). An unknown extension without a format is an error."""
    suffix = Path(out_path).suffix.lower()
    implied = writer_for_extension(suffix)
    if fmt is not None:
        chosen = get_writer(fmt)
        if chosen is None:
            raise DrafterError(f"不支持的输出格式“{fmt}”，可选：{' / '.join(FORMATS)}", key="format")
        if implied and implied is not chosen:
            return chosen.name, f"输出文件扩展名是“{suffix}”，但按 --format 写成了 {chosen.label}"
        return chosen.name, None
    if implied:
        return implied.name, None
    if suffix == ".doc":
        raise DrafterError("不支持旧版 .doc 格式，请把输出文件名改为 .docx（Word、WPS 均可打开）",
                           path=str(out_path))
    if not suffix:
        raise DrafterError("输出文件没有扩展名，无法判断格式：请用 .docx / .md / .txt 结尾，或用 --format 指定",
                           path=str(out_path))
    raise DrafterError(f"无法从扩展名“{suffix}”判断输出格式：请用 --format 指定 docx、md 或 txt",
                       path=str(out_path))
