"""`drafter init`: a starter fill file for one kind, commented in Chinese.

It carries the skeleton's sections (empty, so they draft as 【待补充】 gaps)
and, as comments, the usual heading and phrase-bank suggestions of each.
The file is a valid fill file as written.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from drafter.drafting.skeleton import SkeletonGuide
from drafter.drafting.suggestions import STARTER_TYPES, Context, SuggestionPool, bank_phrases
from drafter.lexicon import load_lexicon
from drafter.drafting.fill_keys import TOP_KEYS
from drafter.vocabulary import KINDS, ROLES
from drafter.errors import DrafterError
from drafter.yaml_writer import BLANK, Commented, render_document

SUGGESTIONS_PER_SECTION = 5
MIN_SUGGESTIONS = 3
UNIT_PLACEHOLDER = "XX单位"
FILL_SUFFIXES = (".yaml", ".yml")
_CN_NUMBERS = "一二三四五六七八九十"


def default_year(today: _dt.date) -> int:
    """The year being summed up: until March one still writes about last year."""
    return today.year if today.month >= 4 else today.year - 1


def init_fill(kind: str, out_path: str | os.PathLike, *, bank_dir: str | os.PathLike | None = None,
              force: bool = False, today: _dt.date | None = None, year: int | None = None) -> Path:
    """Write a commented starter fill file; refuses to overwrite one unless forced."""
    from drafter.atomic_write import write_text_atomic
    from drafter.bank import load_skeletons
    from drafter.drafting.engine import available_kinds

    target = Path(out_path)
    if target.suffix.lower() not in FILL_SUFFIXES:
        raise DrafterError("填写文件应以 .yaml 结尾（例如 2025年总结.yaml）", path=str(target))
    if target.exists() and not force:
        raise DrafterError("文件已存在；为免覆盖已填写的内容，请换一个文件名（或加 --force 覆盖）",
                           path=str(target))
    skeletons = load_skeletons(bank_dir)
    canonical = KINDS.lookup(kind)
    if canonical is None:
        raise DrafterError(f"未知的文稿类型“{kind}”，可用的类型：{KINDS.choices()}", key="kind")
    if not available_kinds(skeletons):
        raise DrafterError("语库中没有任何结构骨架，请先运行 drafter mine", path=str(bank_dir or ""))
    guide = SkeletonGuide.for_kind(skeletons, canonical)  # the common one for a kind without its own
    year = year if year is not None else default_year(today or _dt.date.today())
    context = Context(kind=canonical, year=year)
    pool = SuggestionPool(lambda: bank_phrases(bank_dir), STARTER_TYPES, context,
                          lexicon=lambda: load_lexicon(bank_dir=bank_dir))
    terms = SuggestionPool(lambda: bank_phrases(bank_dir), ("set_phrase",), context,
                           lexicon=lambda: load_lexicon(bank_dir=bank_dir))
    write_text_atomic(target, starter_text(guide, pool, terms, year))
    return target


def starter_text(guide: SkeletonGuide, pool: SuggestionPool, terms: SuggestionPool, year: int) -> str:
    """The starter file: every key with a comment, the skeleton's sections left empty."""
    kind = guide.kind
    unit = UNIT_PLACEHOLDER
    opening = guide.opening(year=year, unit=unit)
    opening_hint = f"默认为“{opening}”" if opening else "默认按文稿类型生成"
    example_day = "07-10" if kind == "half_year" else "12-20"
    closings = guide.closings(year=year, unit=unit)
    closing_hint = f"，例如“{closings[0]}”" if closings else ""
    root = {
        "kind": Commented(kind, inline=f"{_key('kind')}：{KINDS.label(kind)}，不要改动"),
        "unit": Commented(unit, inline=f"{_key('unit')}：如“市水利局机关党委”（必填）"),
        "year": Commented(year, inline=f"{_key('year')}：四位数年份（必填）"),
        "title": Commented(f"{year}年…", inline=f"{_key('title')}：可不填，默认按语库生成", disabled=True),
        "opening": Commented("…", inline=f"{_key('opening')}：可不填，{opening_hint}", disabled=True),
        "sections": Commented(_sections(guide, pool, terms, year, unit),
                              inline=f"{_key('sections')}：按部分填写，留空的部分显示为【待补充】"),
        "closing": Commented(None, [BLANK], inline=f"{_key('closing')}：可不填{closing_hint}"),
        "signature": Commented(None, inline=f"{_key('signature')}：可不填，默认为单位名称"),
        "date": Commented(None, inline=f"{_key('date')}：成文日期，写成 YYYY-MM-DD，如 {year}-{example_day}"),
    }
    header = [
        f"drafter 填写文件 · {KINDS.label(kind)}（{kind}）",
        "填好后运行：drafter draft 本文件.yaml -o 总结.docx",
        "",
        *([f"语库中没有{KINDS.label(kind)}的结构骨架，按通用结构（{common_parts(guide)}）列出各部分。", ""]
          if guide.is_common else []),
        "写法要点：",
        "  · 冒号用半角“:”，冒号后空一格；缩进只用空格，不要用 Tab 键。",
        "  · 键可写英文，也可写中文别名（如 unit 也可写作 单位，sections 也可写作 正文）。",
        "  · 序号（一、（一）1.（1）和“一是、二是”）由程序按层级自动生成，不要自己写。",
        "  · 留空的部分在文稿中保留标题，标黄【待补充】并附语库中的参考写法。",
        "  · 文字中的 X、XX、×××、某某 等占位符会在文稿中标黄，提醒补全。",
        "  · 填写的文字原样输出，不会被当作模板执行。",
    ]
    return render_document(root, header, blank_between=False)


# How an entry is written, shown once above the first section.
_ENTRY_HELP = [
    "每部分可写若干项，每项是一段文字，或是一个下级标题：",
    "  - 直接写一段文字",
    "  - heading: 下级标题（不写序号）      # 标题",
    "    text: 这一项的正文段落             # 内容",
    "    points:                            # 要点：生成“一是……二是……”",
    "      - 第一个要点",
    "      - 第二个要点",
    "    children: [ … ]                    # 下级：再下一级标题，写法相同",
]


def _sections(guide: SkeletonGuide, pool: SuggestionPool, terms: SuggestionPool, year: int,
              unit: str) -> dict[str, Commented]:
    sections: dict[str, Commented] = {}
    for number, role in enumerate(guide.roles()):
        heading = guide.heading(role, year=year, unit=unit) or ROLES.label(role)
        comments: list[str | None] = list(_ENTRY_HELP) if number == 0 else []
        comments += [BLANK, f"{_cn_number(number + 1)}、{heading}（{ROLES.label(role)}）"]
        shape = []
        if guide.subheadings(role):
            shape.append(f"范文中通常有 {guide.subheadings(role)} 个左右的下级标题")
        if guide.writes_items(role):
            shape.append("通常写成“一是、二是”，每项写一句即可")
        if shape:
            comments.append(f"{'；'.join(shape)}。")
        suggestions = pool.take(role, SUGGESTIONS_PER_SECTION)
        if len(suggestions) < MIN_SUGGESTIONS:  # a thin bank: fixed terms help too
            extra = [t for t in terms.available(role) if t not in suggestions]
            suggestions += extra[:MIN_SUGGESTIONS - len(suggestions)]
        if suggestions:
            comments.append("参考写法（语库）：")
            comments += [f"  · {text}" for text in suggestions]
        sections[role] = Commented(None, comments)
    return sections


def common_parts(guide: SkeletonGuide) -> str:
    return "、".join(ROLES.label(role) for role in guide.roles())


def _cn_number(number: int) -> str:
    return _CN_NUMBERS[number - 1] if number <= len(_CN_NUMBERS) else str(number)


def _key(name: str) -> str:
    return TOP_KEYS[name][0]
