"""Writers: one Document in, a .docx, Markdown or plain-text file out.

WRITERS is the one table of output formats (as pandoc's getWriter): the name
used by --format, the Chinese label, the file extensions, and the function
that renders a Document. Each writer's module is imported only when used.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from drafter.atomic_write import write_bytes_atomic
from drafter.errors import DrafterError
from drafter.model import Document


def _docx(doc: Document, warnings: list[str] | None) -> bytes:
    from drafter.writers.docx_writer import docx_bytes

    return docx_bytes(doc, warnings=warnings)


def _markdown(doc: Document, _warnings: list[str] | None) -> bytes:
    from drafter.writers.markdown import to_markdown

    return to_markdown(doc).encode("utf-8")


def _plain_text(doc: Document, _warnings: list[str] | None) -> bytes:
    from drafter.writers.plain_text import to_text

    return to_text(doc).encode("utf-8")


@dataclass(frozen=True)
class Writer:
    name: str                       # as --format takes it
    label: str                      # as messages show it
    extensions: tuple[str, ...]     # the first is the usual one
    aliases: tuple[str, ...]        # other --format spellings
    render: Callable[[Document, list[str] | None], bytes]


WRITERS: dict[str, Writer] = {writer.name: writer for writer in (
    Writer("docx", "Word 文档", (".docx",), ("word",), _docx),
    Writer("md", "Markdown", (".md", ".markdown"), ("markdown",), _markdown),
    Writer("txt", "纯文本", (".txt",), ("text",), _plain_text),
)}
FORMATS = tuple(WRITERS)


def get_writer(name: str) -> Writer | None:
    """The writer for a format name or alias (case and a leading dot ignored)."""
    wanted = name.strip().lower().lstrip(".")
    return next((w for w in WRITERS.values() if wanted == w.name or wanted in w.aliases), None)


def writer_for_extension(suffix: str) -> Writer | None:
    return next((w for w in WRITERS.values() if suffix.lower() in w.extensions), None)


def write_document(doc: Document, path: str | os.PathLike, fmt: str,
                   warnings: list[str] | None = None) -> None:
    """Write `doc` to `path` atomically. `warnings` collects messages about
    text that could not be written as is (control characters in a .docx)."""
    writer = get_writer(fmt)
    if writer is None:
        raise DrafterError(f"不支持的输出格式“{fmt}”，可选：{'、'.join(FORMATS)}", path=str(path))
    write_bytes_atomic(path, writer.render(doc, warnings))
