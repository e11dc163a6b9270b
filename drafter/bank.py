"""The phrase bank and skeleton bank: load, validate, query and render.

A bank is a folder holding `skeletons.yaml` and `phrases.yaml` (written by
`drafter mine`, editable by hand). Commands use --bank when given, else the
user's bank (`drafter mine` writes it to the user data folder) when there is
one, else the bank shipped in `drafter.resources.templates_dir()`. This module is light on purpose (yaml
only, never jieba): drafting loads it on every run.

Entries are kept in file order: the miner writes them best first, and a user
who moves or adds an entry decides its rank.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from drafter.characters import terminal_width
from drafter.errors import DrafterError
from drafter.vocabulary import KINDS, ROLES, SOURCES, TOPICS, TYPES, Vocabulary
from drafter.yaml_reader import line_of, load_file
from drafter.yaml_writer import dump_data

SKELETONS_FILE = "skeletons.yaml"
PHRASES_FILE = "phrases.yaml"
BANK_VERSION = 1

POINT_STYLES = ("items", "numbered")
TEMPLATE_SLOTS = ("year", "next_year", "unit")

def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise DrafterError("语库文件不存在（可先运行 drafter mine 生成）", path=str(path))
    data, _source = load_file(path, "语库文件")
    return data


# -- validation ------------------------------------------------------------------

class _Checker:
    """Validates one bank file, naming file, line and key in every error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str, container: Any, key: Any, where: str) -> DrafterError:
        return DrafterError(f"{where}：{message}", path=str(self.path), line=line_of(container, key), key=where)

    def mapping(self, value: Any, container: Any, key: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail("应为映射（键: 值）", container, key, where)
        return value

    def sequence(self, value: Any, container: Any, key: Any, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail("应为列表（每项以“- ”开头）", container, key, where)
        return value

    def text(self, data: dict, key: str, where: str, *, required: bool = True, default: str = "") -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"缺少必填项 {key}", data, None, where)
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{key} 应为非空文字", data, key, f"{where}.{key}")
        return value.strip()

    def count(self, data: dict, key: str, where: str, default: int = 0) -> int:
        value = data.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{key} 应为非负整数", data, key, f"{where}.{key}")
        return value

    def share(self, data: dict, key: str, where: str) -> float:
        value = data.get(key, 1.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise self.fail(f"{key} 应为 0 到 1 之间的数", data, key, f"{where}.{key}")
        return round(float(value), 2)

    def choice(self, data: dict, key: str, where: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        value = data.get(key, default)
        if value is None:
            raise self.fail(f"缺少必填项 {key}", data, None, where)
        if value not in allowed:
            raise self.fail(f"{key} 的值“{value}”无效，可选：{' / '.join(allowed)}", data, key, f"{where}.{key}")
        return value

    def name(self, data: dict, key: str, where: str, vocabulary: Vocabulary, default: str | None = None) -> str:
        """An id of the vocabulary, written as the id, its Chinese name or an alias."""
        value = data.get(key, default)
        if value is None:
            raise self.fail(f"缺少必填项 {key}", data, None, where)
        found = vocabulary.lookup(value) if isinstance(value, str) else None
        if found is None:
            raise self.fail(f"{key} 的值“{value}”无效，可选：{vocabulary.choices()}", data, key, f"{where}.{key}")
        return found

    def template(self, data: dict, key: str, where: str, *, default: str | None = None) -> str:
        value = data.get(key, default)
        if value is None:
            raise self.fail(f"缺少必填项 {key}", data, None, where)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key} 应为非空文字", data, key, f"{where}.{key}")
        problem = template_problem(value)
        if problem:
            raise self.fail(problem, data, key, f"{where}.{key}")
        return value.strip()

    def top_keys(self, data: dict, entries: str) -> None:
        """A bank file holds `version` and its list of entries, nothing else: a file of
        another shape must not read as an empty bank."""
        for key in data:
            if key not in ("version", entries):
                raise self.fail(f"未知的键“{key}”：语库文件只能有 version 和 {entries}", data, key, str(key))
        if entries not in data:
            raise self.fail(f"缺少 {entries}（条目列表）", data, None, entries)

    def names(self, data: dict, key: str, where: str, vocabulary: Vocabulary) -> list[str]:
        """A list of vocabulary ids (or their Chinese names), in the vocabulary's order."""
        written = data.get(key) or []
        if isinstance(written, str):
            written = [written]
        written = self.sequence(written, data, key, f"{where}.{key}")
        found = set()
        for value in written:
            id = vocabulary.lookup(value) if isinstance(value, str) else None
            if id is None:
                raise self.fail(f"{key} 中的“{value}”无效，可选：{vocabulary.choices()}", data, key, f"{where}.{key}")
            found.add(id)
        return [id for id in vocabulary if id in found]

    def strings(self, data: dict, key: str, where: str) -> list[str]:
        values = self.sequence(data.get(key), data, key, f"{where}.{key}")
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(f"{key} 应为文字列表", data, key, f"{where}.{key}")
        return [v.strip() for v in values]

    def fillers(self, data: dict, where: str) -> list[dict]:
        """A pattern's usual fillers: [{text, count}] (a bare string counts 0)."""
        found = []
        raw = self.sequence(data.get("fillers"), data, "fillers", f"{where}.fillers")
        for index, filler in enumerate(raw):
            f_where = f"{where}.fillers[{index}]"
            if isinstance(filler, str):
                filler = {"text": filler}
            filler = self.mapping(filler, raw, index, f_where)
            found.append({"text": self.text(filler, "text", f_where), "count": self.count(filler, "count", f_where)})
        return found

    def version(self, data: dict) -> None:
        version = data.get("version", BANK_VERSION)
        if version != BANK_VERSION:
            raise self.fail(f"不支持的语库版本 {version!r}（应为 {BANK_VERSION}）", data, "version", "version")


_SLOT = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")


def template_problem(template: str) -> str | None:
    """Why a bank template is not usable, or None. Only {{ year }}, {{ next_year }}
    and {{ unit }} may appear; anything else would make user text into template code."""
    rest = _SLOT.sub("", template)
    if "{{" in rest or "}}" in rest or "{%" in rest or "%}" in rest or "{#" in rest:
        return "模板中只能使用 {{ year }}、{{ next_year }}、{{ unit }} 这几个占位符"
    for name in _SLOT.findall(template):
        if name not in TEMPLATE_SLOTS:
            return f"未知的占位符 {{{{ {name} }}}}，可用：{{{{ year }}}}、{{{{ next_year }}}}、{{{{ unit }}}}"
    return None


def _validate_skeletons(raw: Any, path: Path) -> list[dict]:
    check = _Checker(path)
    if raw is None:
        return []
    top = check.mapping(raw, raw, None, "skeletons.yaml")
    check.version(top)
    check.top_keys(top, "skeletons")
    found = check.sequence(top.get("skeletons"), top, "skeletons", "skeletons")
    result = []
    for index, item in enumerate(found):
        where = f"skeletons[{index}]"
        item = check.mapping(item, found, index, where)
        skeleton = {
            "kind": check.name(item, "kind", where, KINDS),
            "docs": check.count(item, "docs", where),
            "sections": [],
            "openings": [],
            "closings": [],
        }
        sections = check.sequence(item.get("sections"), item, "sections", f"{where}.sections")
        for s_index, section in enumerate(sections):
            s_where = f"{where}.sections[{s_index}]"
            section = check.mapping(section, sections, s_index, s_where)
            headings = []
            raw_headings = check.sequence(section.get("headings"), section, "headings", f"{s_where}.headings")
            for h_index, heading in enumerate(raw_headings):
                h_where = f"{s_where}.headings[{h_index}]"
                if isinstance(heading, str):  # a user may write a bare heading
                    heading = {"text": heading}
                heading = check.mapping(heading, raw_headings, h_index, h_where)
                text = check.text(heading, "text", h_where)
                headings.append({
                    "text": text,
                    "template": check.template(heading, "template", h_where, default=text),
                    "count": check.count(heading, "count", h_where),
                })
            items = check.count(section, "items", s_where)
            skeleton["sections"].append({
                "role": check.name(section, "role", s_where, ROLES),
                "share": check.share(section, "share", s_where),
                "headings": headings,
                "l2": check.count(section, "l2", s_where),
                "items": items,
                "points": check.choice(section, "points", s_where, POINT_STYLES, default="items"),
            })
        for key in ("openings", "closings"):
            formulas = check.sequence(item.get(key), item, key, f"{where}.{key}")
            for f_index, formula in enumerate(formulas):
                f_where = f"{where}.{key}[{f_index}]"
                if isinstance(formula, str):
                    formula = {"template": formula}
                formula = check.mapping(formula, formulas, f_index, f_where)
                skeleton[key].append({
                    "template": check.template(formula, "template", f_where),
                    "count": check.count(formula, "count", f_where),
                })
        result.append(skeleton)
    return result


def _validate_phrases(raw: Any, path: Path) -> list[dict]:
    check = _Checker(path)
    if raw is None:
        return []
    top = check.mapping(raw, raw, None, "phrases.yaml")
    check.version(top)
    check.top_keys(top, "phrases")
    found = check.sequence(top.get("phrases"), top, "phrases", "phrases")
    result = []
    for index, item in enumerate(found):
        where = f"phrases[{index}]"
        if isinstance(item, str):  # a bare line added by hand is a term
            item = {"text": item}
        item = check.mapping(item, found, index, where)
        roles = item.get("roles", [])
        if isinstance(roles, str):
            roles = [roles]
        roles = check.sequence(roles, item, "roles", f"{where}.roles")
        written_roles, roles = roles, []
        for role in written_roles:
            found = ROLES.lookup(role) if isinstance(role, str) else None
            if found is None:
                raise check.fail(f"未知的角色“{role}”，可选：{ROLES.choices()}", item, "roles", f"{where}.roles")
            roles.append(found)
        examples = []
        raw_examples = check.sequence(item.get("examples"), item, "examples", f"{where}.examples")
        for e_index, example in enumerate(raw_examples):
            e_where = f"{where}.examples[{e_index}]"
            if isinstance(example, str):
                example = {"text": example}
            example = check.mapping(example, raw_examples, e_index, e_where)
            examples.append({
                "doc": check.text(example, "doc", e_where, required=False),
                "text": check.text(example, "text", e_where),
            })
        entry = {
            "text": check.text(item, "text", where),
            "type": check.name(item, "type", where, TYPES, default="set_phrase"),
            "roles": list(dict.fromkeys(roles)),
            "count": check.count(item, "count", where),
            "docs": check.count(item, "docs", where),
            "topics": check.names(item, "topics", where, TOPICS),
            "variants": check.strings(item, "variants", where),
            "source": check.name(item, "source", where, SOURCES, default="corpus"),
            "examples": examples,
        }
        if entry["type"] == "pattern":
            entry["fillers"] = check.fillers(item, where)
        if entry["type"] == "heading_set":
            entry["items"] = check.strings(item, "items", where)
            entry["structure"] = check.text(item, "structure", where, required=False)
        result.append(entry)
    return result


# -- loading -----------------------------------------------------------------------

_loaded: dict[tuple[str, str], tuple[tuple[int, int], list[dict]]] = {}


@dataclass(frozen=True)
class BankChoice:
    """The bank a command uses, and why."""

    path: Path
    origin: str  # "option" (--bank), "user" (mined by the user), "shipped" (installed with drafter)

    def describe(self) -> str:
        if self.origin == "shipped":
            return "语库：随程序发布的默认语库"
        if self.origin == "user":
            return f"语库：{self.path}（用户语库，由 drafter mine 生成，可手工修改）"
        return f"语库：{self.path}"


def choose_bank(bank_dir: str | os.PathLike | None = None) -> BankChoice:
    """--bank if given; else the user's mined bank when there is one; else the shipped bank."""
    if bank_dir is not None:
        folder = Path(bank_dir)
        if not folder.is_dir():
            raise DrafterError("语库目录不存在", path=str(folder))
        return BankChoice(folder, "option")
    from drafter.user_dirs import user_bank_dir

    user = user_bank_dir()
    if (user / SKELETONS_FILE).is_file() or (user / PHRASES_FILE).is_file():
        return BankChoice(user, "user")
    from drafter.resources import templates_dir

    return BankChoice(templates_dir(), "shipped")


def bank_path(bank_dir: str | os.PathLike | None = None) -> Path:
    """The folder of the bank in use (see choose_bank)."""
    return choose_bank(bank_dir).path


def _load(bank_dir, name: str, validate) -> list[dict]:
    path = bank_path(bank_dir) / name
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    cache_key = (str(path.resolve()), name)
    cached = _loaded.get(cache_key)
    if stamp is not None and cached and cached[0] == stamp:
        return _copy(cached[1])
    entries = validate(_read_yaml(path), path)
    if stamp is not None:
        _loaded[cache_key] = (stamp, entries)
    return _copy(entries)


def _copy(value: Any) -> Any:
    """Callers may change what they get; the cache must stay intact. Validated
    entries hold only dicts, lists and scalars, so this is a full copy (and
    several times faster than copy.deepcopy, which drafting pays on every run)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def load_skeletons(bank_dir: str | os.PathLike | None = None) -> list[dict]:
    """All skeletons of a bank, validated, in file order."""
    return _load(bank_dir, SKELETONS_FILE, _validate_skeletons)


def load_phrases(bank_dir: str | os.PathLike | None = None) -> list[dict]:
    """All phrase entries of a bank, validated, best first (file order)."""
    return _load(bank_dir, PHRASES_FILE, _validate_phrases)


# -- querying ------------------------------------------------------------------------

def query_phrases(bank_dir: str | os.PathLike | None = None, *, role: str | None = None,
                  type: str | None = None, topic: str | None = None, search: str | None = None,
                  top: int | None = None, year: int | str | None = None, include_stale: bool = False,
                  lexicon_path: str | os.PathLike | None = None) -> list[dict]:
    """Phrase entries matching all given filters, best first: what was mined from the
    corpus (source "corpus", with counts and examples), then the lexicon's standard
    提法 that the corpus does not hold (source "lexicon").

    role, type and topic may be written as ids, Chinese names or aliases. Entries that
    hold wording outdated in `year` (default: this year) carry `stale` and are left
    out, unless include_stale."""
    from drafter.lexicon import load_lexicon
    from drafter.years import parse_year

    role = ROLES.parse(role, key="role")
    type = TYPES.parse(type, key="type")
    topic = TOPICS.parse(topic, key="topic")
    year = parse_year(year) if year is not None else current_year()
    if top is not None and top < 1:
        raise DrafterError("--top 应为正整数", key="top")
    lexicon = load_lexicon(lexicon_path, bank_dir=bank_dir)
    needle = (search or "").strip()
    found = []
    for entry in with_lexicon(load_phrases(bank_dir), lexicon):
        if role is not None and role not in entry["roles"]:
            continue
        if type is not None and entry["type"] != type:
            continue
        if topic is not None and topic not in entry["topics"]:
            continue
        if needle and needle not in entry["text"] and not any(needle in v for v in entry["variants"]):
            continue
        stale = outdated(entry, lexicon, year)
        entry["stale"] = stale.to_dict() if stale else None
        if stale and not include_stale:
            continue
        if not include_stale:  # a wording dated by itself (二十届二中、三中全会精神 after the 四中全会)
            entry["variants"] = [v for v in entry["variants"] if lexicon.stale_wording(v, year) is None]
        found.append(entry)
        if top is not None and len(found) >= top:
            break
    return found


def current_year() -> int:
    import datetime

    return datetime.date.today().year


def with_lexicon(entries: list[dict], lexicon) -> list[dict]:
    """Mined entries, then the lexicon's 提法 that none of them is (or has as a variant)."""
    mined = {wording for entry in entries for wording in [entry["text"], *entry["variants"]]}
    extra = []
    for item in lexicon.entries:
        if not item.standard or any(wording in mined for wording in item.wordings):
            continue
        extra.append({"text": item.term, "type": "set_phrase", "roles": [], "count": 0, "docs": 0,
                      "topics": list(item.topics), "variants": list(item.variants), "source": "lexicon",
                      "examples": [], "note": item.source})
    return entries + extra


def outdated(entry: dict, lexicon, year: int):
    """The outdated wording an entry holds for a document of `year`, or None."""
    texts = [entry["text"], *entry.get("items", [])]
    return lexicon.stale_wording("\n".join(texts), year)


def query_skeletons(bank_dir: str | os.PathLike | None = None, *, kind: str | None = None) -> list[dict]:
    """Skeletons of the bank, or only the one(s) of a kind (id, Chinese name or alias)."""
    kind = KINDS.parse(kind, key="kind")
    return [s for s in load_skeletons(bank_dir) if kind is None or s["kind"] == kind]


# -- rendering -------------------------------------------------------------------------

def _fit(text: str, width: int) -> str:
    """Cut text to at most `width` columns (with …) and pad it to exactly `width`."""
    text = " ".join(text.split())
    if terminal_width(text) > width:
        kept, used = [], 0
        for char in text:
            char_width = terminal_width(char)
            if used + char_width > width - 1:
                break
            kept.append(char)
            used += char_width
        text = "".join(kept) + "…"
    return text + " " * (width - terminal_width(text))


def render_phrase_table(entries: list[dict], *, text_width: int = 48) -> str:
    """A readable table of phrase entries, aligned for CJK text."""
    if not entries:
        return "（没有符合条件的条目）"
    header = ["序号", "类型", "来源", "内容", "适用章节", "次数", "篇数"]
    rows = []
    for number, entry in enumerate(entries, 1):
        roles = "、".join(ROLES.label(r) for r in entry.get("roles", [])) or "—"
        text = entry.get("text", "")
        if entry.get("stale"):
            text = f"{text}（已过时，现提：{entry['stale']['replaced_by']}）"
        rows.append([str(number), TYPES.label(entry.get("type", "")), SOURCES.label(entry.get("source", "corpus")),
                     text, roles, str(entry.get("count", 0)), str(entry.get("docs", 0))])
    longest_text = max(terminal_width(" ".join(row[3].split())) for row in rows)
    widths = [max(terminal_width(h), *(terminal_width(r[i]) for r in rows)) for i, h in enumerate(header)]
    widths[3] = max(terminal_width(header[3]), min(text_width, longest_text))
    widths[4] = min(widths[4], 24)
    right = {0, 5, 6}

    def line(cells: list[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            fitted = _fit(cell, widths[i])
            if i in right:
                fitted = " " * (widths[i] - terminal_width(cell)) + cell if terminal_width(cell) <= widths[i] else fitted
            out.append(fitted)
        return "  ".join(out).rstrip()

    rule = "  ".join("─" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows), f"共 {len(rows)} 条"])


def render_skeletons(skeletons: list[dict]) -> str:
    """Skeletons as readable Chinese text: section order, headings, formulas."""
    if not skeletons:
        return "（没有符合条件的结构骨架）"
    blocks = []
    for skeleton in skeletons:
        kind = skeleton["kind"]
        lines = [f"【{KINDS.label(kind)}】（{kind}，据 {skeleton['docs']} 篇范文）"]
        for number, section in enumerate(skeleton["sections"], 1):
            role = section["role"]
            shape = []
            if section.get("l2"):
                shape.append(f"二级标题约 {section['l2']} 个")
            if section.get("items"):
                shape.append(f"“一是、二是”约 {section['items']} 项")
            shape_text = f"；{'，'.join(shape)}" if shape else ""
            lines.append(f"  {number}. {ROLES.label(role)}（{role}，"
                         f"{round(section['share'] * 100)}% 的范文有此部分{shape_text}）")
            for heading in section["headings"][:5]:
                lines.append(f"       · {heading['template']}（{heading['count']} 次）")
        for key, title in (("openings", "开头套语"), ("closings", "结尾套语")):
            if skeleton.get(key):
                lines.append(f"  {title}：")
                for formula in skeleton[key][:3]:
                    lines.append(f"       · {formula['template']}（{formula['count']} 次）")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


# -- writing (used by the miner) ----------------------------------------------------------

SKELETONS_HEADER = """\
# 结构骨架库：由 `drafter mine` 从范文库自动提炼，可以手工修改。
# 每类文稿（kind）一项：docs 为提炼所据的范文篇数；sections 为一级章节的顺序，
# share 为含有该章节的范文比例，headings 为见到的标题写法（template 中的年份写作
# {{ year }} / {{ next_year }}，单位写作 {{ unit }}），l2 为二级标题的常见个数，
# items 为“一是、二是”条目的常见个数；openings / closings 为开头、结尾套语。
# 重新运行 `drafter mine` 会覆盖本文件。
"""

PHRASES_HEADER = f"""\
# 常用语库：由 `drafter mine` 从范文库自动提炼，可以手工修改。
# type：{" / ".join(f"{id} {TYPES.label(id)}" for id in TYPES)}（句式中“…”为可替换部分）；
# roles 为适用的章节角色；topics 为主题；count 为出现次数，docs 为出现的范文篇数；
# variants 为同一提法的其他写法；fillers 为句式中常见的填充词；examples 为出处例句。
# 条目按推荐程度排列，越靠前越常用：可以删除、调整顺序，也可以添加自己的条目
# （至少写 text 和 type）。重新运行 `drafter mine` 会覆盖本文件。
"""


def dump_skeletons(skeletons: list[dict]) -> str:
    """The text of skeletons.yaml for validated skeleton dicts, stable and diffable."""
    return dump_data(SKELETONS_HEADER, {"version": BANK_VERSION, "skeletons": skeletons})


def dump_phrases(phrases: list[dict]) -> str:
    """The text of phrases.yaml for validated phrase dicts, stable and diffable."""
    return dump_data(PHRASES_HEADER, {"version": BANK_VERSION, "phrases": phrases})
