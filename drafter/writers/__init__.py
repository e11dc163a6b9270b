"""Writers: one Document in, a .docx, Markdown or plain-text file out."""
from __future__ import annotations

import os

from drafter.atomic_write import write_bytes_atomic, write_text_atomic
from drafter.errors import DrafterError
from drafter.model import Document

FORMATS = ("docx", "md", "txt")


def write_document(doc: Document, path: str | os.PathLike, fmt: str,
                   warnings: list[str] | None = None) -> None:
    """Write `doc` to `path` atomically. `warnings` collects messages about
    text that could not be written as is (control characters in a .docx)."""
    if fmt == "docx":
        from drafter.writers.docx_writer import docx_bytes

        write_bytes_atomic(path, docx_bytes(doc, warnings=warnings))
    elif fmt == "md":
        from drafter.writers.markdown import to_markdown

        write_text_atomic(path, to_markdown(doc))
    elif fmt == "txt":
        from drafter.writers.plain_text import to_text

        write_text_atomic(path, to_text(doc))
    else:
        raise DrafterError(f"不支持的输出格式“{fmt}”，可选：{'、'.join(FORMATS)}", path=str(path))
