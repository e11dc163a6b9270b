"""Lines where a site masked a word (以***同志为核心, 学习**思想, 中国特色.主义): a warning
`masked_text` with the line, so the reader knows the text has a gap; the miners keep such
text out of every bank (drafter.masked_text decides what a gap is). Runs before
the title is taken, so a masked title line is caught too."""
from __future__ import annotations

from drafter.masked_text import gap_context, masked_gaps, writes_dot_as_full_stop
from drafter.outline.state import OutlineState


def warn_masked_text(state: OutlineState) -> None:
    # kept for the sections rule: a masked . inside a heading does not end it
    state.dot_is_full_stop = dot_is_full_stop = writes_dot_as_full_stop(line.text for line in state.lines)
    for line in state.lines:
        gaps = masked_gaps(line.text, dot_is_full_stop)
        if gaps:
            shown = "”“".join(gap_context(line.text, gap) for gap in gaps)
            state.warn("masked_text", f"有被网站屏蔽的文字：“{shown}”，已原样保留，不收入语库", line.lineno)
