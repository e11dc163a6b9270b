"""Plain text to paste into Word: title, a blank line, paragraphs indented
with two full-width spaces, markers in the text, the signature and date
pushed right on a 28-character line."""
from __future__ import annotations

from drafter.characters import page_width
from drafter.model import Document
from drafter.writers import blocks as kinds
from drafter.writers import layout
from drafter.writers.blocks import document_blocks

INDENT = "\u3000\u3000"


def to_text(doc: Document) -> str:
    blocks = document_blocks(doc)
    lines: list[str] = []
    indents = layout.signature_indents(
        [b.text for b in blocks if b.kind == kinds.SIGNATURE],
        next((b.text for b in blocks if b.kind == kinds.DATE), ""),
        width=page_width, two_chars=2,
    )
    signature_lines = iter(indents.signature)
    for index, block in enumerate(blocks):
        if block.kind == kinds.TITLE:
            lines.append(block.text)
            if index + 1 < len(blocks):
                lines.append("")
            continue
        if block.kind in (kinds.SIGNATURE, kinds.DATE):
            if index > 0 and blocks[index - 1].kind not in (kinds.SIGNATURE, kinds.DATE):
                lines.append("")
            right = next(signature_lines) if block.kind == kinds.SIGNATURE else indents.date
            lines.append(_pad_left(layout.CHARS_PER_LINE - right - page_width(block.text)) + block.text)
            continue
        if block.kind == kinds.TABLE:
            if block.text:
                lines.append(_pad_left((layout.CHARS_PER_LINE - page_width(block.text)) / 2) + block.text)
            lines.extend("\t".join(row) for row in block.table.rows)  # pastes into a spreadsheet as is
            continue
        lines.append(INDENT + block.text)
    return "\n".join(lines) + "\n" if lines else ""


def _pad_left(chars: float) -> str:
    """Full-width spaces, and one half-width space for a half character."""
    chars = max(chars, 0.0)
    whole = int(chars)
    return "\u3000" * whole + (" " if chars - whole >= 0.5 else "")
