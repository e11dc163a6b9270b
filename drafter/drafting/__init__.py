"""Drafting: a YAML fill file, merged through a mined skeleton and the Jinja2
layout templates, becomes a `Document` for the writers.

    fill file ──load_fill──▶ Fill ──plan_sections──▶ SectionPlan
        ──render_layout (sandboxed templates/*.j2)──▶ Document ──writers──▶ .docx/.md/.txt
"""
from drafter.drafting.engine import build_document, draft
from drafter.drafting.fill import Fill, load_fill
from drafter.drafting.report import DraftReport


def init_fill(kind, out_path, *, bank_dir=None, force=False, today=None, year=None):
    """Write a commented starter fill file (see drafter.drafting.starter)."""
    from drafter.drafting.starter import init_fill as _init_fill

    return _init_fill(kind, out_path, bank_dir=bank_dir, force=force, today=today, year=year)


__all__ = ["DraftReport", "Fill", "build_document", "draft", "init_fill", "load_fill"]
