"""Word documents typed the way users type them, for tests: one helper instead of a copy per file."""
from __future__ import annotations

from pathlib import Path


def word_file(path: Path, blocks: list) -> Path:
    """Save a .docx of `blocks` in order: a str is a paragraph, a list of rows is a table,
    and {"rows": rows, "heading": (row, column)} is a table with that cell styled Heading 2."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows, headed = (block["rows"], block.get("heading")) if isinstance(block, dict) else (block, None)
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        if headed:
            table.cell(*headed).paragraphs[0].style = document.styles["Heading 2"]
    document.save(path)
    return path
