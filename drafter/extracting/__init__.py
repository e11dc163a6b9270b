"""Extracting: last year's document becomes this year's fill file.

The structure and wording are kept; with a new year, the document's year
moves forward and its figures become X placeholders, the old ones kept as
`# 原文：` comments beside them. Wording stale in the fill's year (the
checker's terms.yaml) and the year before the document's, which stays, get
a `# 请核对：` comment.

    years.py     the document's own year and moving it
    figures.py   which numbers are figures (rule chain of what is kept)
    rewrite.py   one string: years moved, figures masked, original clauses
    unit.py      the unit from the title
    dates.py     the date line as YYYY-MM-DD
    fill_tree.py Document → commented fill tree
    (drafter.yaml_writer) commented tree → YAML text
    extractor.py the command
"""
from drafter.extracting.extractor import extract
from drafter.extracting.report import ExtractReport

__all__ = ["ExtractReport", "extract"]
