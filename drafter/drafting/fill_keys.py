"""The keys of a fill file: canonical English keys, their Chinese aliases, and
"did you mean" suggestions for typos. Kinds and roles come from the one
vocabulary (`drafter.vocabulary`).
"""
from __future__ import annotations

from drafter.vocabulary import ROLES

# Top-level keys, in the order they are documented and written by `drafter init`.
TOP_KEYS: dict[str, tuple[str, ...]] = {
    "kind": ("类型",),
    "unit": ("单位",),
    "year": ("年度", "年份"),
    "title": ("标题",),
    "opening": ("导语", "开头"),
    "sections": ("正文",),
    "closing": ("结尾", "结束语"),
    "signature": ("落款", "署名"),
    "date": ("日期", "成文日期"),
}

# Keys of one entry (a heading with its body) anywhere under `sections`.
ENTRY_KEYS: dict[str, tuple[str, ...]] = {
    "heading": ("标题",),
    "text": ("内容", "段落"),
    "points": ("要点",),
    "children": ("下级", "下级标题"),
    "table": ("表格",),
}

# Keys of a table entry.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "表题"),
    "rows": ("行", "内容"),
}

# A level-1 section in the list form may also say which role it plays.
SECTION_KEYS: dict[str, tuple[str, ...]] = {"role": ("角色", "类别"), **ENTRY_KEYS}

# Roles of level-1 sections (the one vocabulary), in the usual order of a summary.
ROLE_KEYS: dict[str, tuple[str, ...]] = {
    role: (ROLES.names[role].label, *ROLES.names[role].aliases) for role in ROLES
}


def alias_table(keys: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every accepted spelling (canonical or alias) -> canonical key."""
    table: dict[str, str] = {}
    for canonical, aliases in keys.items():
        table[canonical] = canonical
        for alias in aliases:
            table[alias] = canonical
    return table


def describe_key(written: str, canonical: str) -> str:
    """`标题（title）` for an alias, `title` for a canonical key."""
    return written if written == canonical else f"{written}（{canonical}）"


def closest_key(written: str, keys: dict[str, tuple[str, ...]]) -> str:
    """The valid spelling nearest to a mistyped key, shown with its canonical name.

    Compared case-insensitively against both scripts, so `sectoins` finds
    `sections` and `正问` finds `正文（sections）`.
    """
    import difflib  # only a typo needs it; drafting a good file does not pay for the import

    table = alias_table(keys)
    lowered = written.strip().lower()
    best, best_ratio = None, -1.0
    for spelling in table:
        ratio = difflib.SequenceMatcher(None, lowered, spelling.lower()).ratio()
        if ratio > best_ratio:
            best, best_ratio = spelling, ratio
    assert best is not None
    return describe_key(best, table[best])
