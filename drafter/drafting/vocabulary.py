"""The words of a fill file: canonical English keys, their Chinese aliases,
section roles and document kinds, and "did you mean" suggestions for typos.
"""
from __future__ import annotations

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
}

# A level-1 section in the list form may also say which role it plays.
SECTION_KEYS: dict[str, tuple[str, ...]] = {"role": ("角色", "类别"), **ENTRY_KEYS}

# Roles of level-1 sections, in the usual order of a summary.
ROLE_KEYS: dict[str, tuple[str, ...]] = {
    "achievements": ("主要工作", "工作成效"),
    "problems": ("存在问题", "存在的问题"),
    "causes": ("原因分析",),
    "experience": ("经验体会", "经验启示"),
    "plans": ("下步计划", "下步打算", "工作计划"),
    "other": ("其他",),
}

ROLE_LABELS = {
    "achievements": "主要工作",
    "problems": "存在问题",
    "causes": "原因分析",
    "experience": "经验体会",
    "plans": "下步计划",
    "other": "其他",
}

KIND_LABELS = {
    "annual": "年度总结",
    "half_year": "半年汇报",
    "debrief": "述职报告",
    "report": "情况报告",
    "experience": "经验材料",
    "other": "其他材料",
}

KIND_ALIASES: dict[str, tuple[str, ...]] = {
    "annual": ("年度总结", "年终总结", "年度工作总结", "党建工作总结"),
    "half_year": ("半年汇报", "半年总结", "上半年总结", "半年工作汇报"),
    "debrief": ("述职报告", "述职"),
    "report": ("情况报告", "工作报告", "情况汇报"),
    "experience": ("经验材料", "经验交流"),
    "other": ("其他", "其他材料"),
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


def kind_of(written: str) -> str | None:
    """Canonical kind for `annual` or an alias such as `述职报告`; None if unknown."""
    value = written.strip()
    if value.lower() in KIND_LABELS:
        return value.lower()
    for kind, aliases in KIND_ALIASES.items():
        if value in aliases:
            return kind
    return None


def list_kinds(kinds: list[str]) -> str:
    return "、".join(f"{kind}（{KIND_LABELS.get(kind, kind)}）" for kind in kinds)
