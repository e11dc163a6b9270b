"""The one lexicon of standard 提法 (templates/terms.yaml): current and outdated
wordings with their topics, variants, wrong forms, the years they are current,
what replaced them and where they come from.

`drafter check` reads it for outdated and wrongly written 提法 and for the
wordings that never count as copying; the bank merges it with what is mined and
marks mined items that hold outdated wording; drafting leaves outdated wording
out of its suggestions. A hand-broken file is a DrafterError naming the file,
the line and the key.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.vocabulary import TOPICS
from drafter.yaml_reader import line_of, load_file, scalar_text

TERMS_FILE = "terms.yaml"
LEXICON_VERSION = 2
USAGES = ("any", "as_current")
SEVERITIES = ("error", "warning")
QUOTE = "[“”\"‘’'「」『』]?"  # what {Q} stands for in a pattern
_ENTRY_KEYS = ("term", "topics", "variants", "wrong", "patterns", "current", "since", "usage", "allow",
               "replaced_by", "note", "source", "severity", "standard")
# A variant with a time of its own (全面贯彻党的二十大和二十届二中、三中全会精神 until the
# 四中全会): its wording and the keys of a period.
_VARIANT_KEYS = ("text", "patterns", "current", "since", "usage", "allow", "replaced_by", "note", "source", "severity")
_YEAR_MONTH = re.compile(r"^\s*((?:19|20|21)[0-9]{2})(?:\s*[-./年]\s*([0-9]{1,2})\s*月?)?\s*$")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int = 1

    def __str__(self) -> str:
        return f"{self.year}年" if self.month == 1 else f"{self.year}年{self.month}月"


@dataclass
class LexiconEntry:
    term: str
    source: str
    topics: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # wrong forms of it (四种意识 for 四个意识)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    current_from: YearMonth | None = None
    until: YearMonth | None = None  # the month it was replaced; None: still current
    since: YearMonth | None = None  # the earliest it can be written at all
    usage: str = "any"
    allow: list[re.Pattern[str]] = field(default_factory=list)
    replaced_by: str = ""
    note: str = ""
    severity: str = "error"
    standard: bool = True  # a wording to offer, and never counted as copying
    line: int | None = None  # where the entry is in the file
    dated_variants: list[LexiconEntry] = field(default_factory=list)  # variants with a time of their own
    variant_of: str = ""  # for a dated variant: the term it is a wording of
    _finders: list | None = field(default=None, repr=False, compare=False)

    @property
    def wordings(self) -> list[str]:
        """The term and its variants, as written."""
        return [self.term, *self.variants]

    def stale_in(self, year: int) -> bool:
        """Replaced by the start of `year` (a change in January counts for that year)."""
        return self.until is not None and (year > self.until.year or (year == self.until.year and self.until.month == 1))

    def finders(self) -> list[tuple[str, re.Pattern[str]]]:
        """Where it stands in text: its patterns and any wording they miss, each with a literal
        that every match holds ("" if none), so a text without it needs no search."""
        if self._finders is None:
            patterns = list(self.patterns)
            patterns += [re.compile(re.escape(w)) for w in self.wordings
                         if not any(p.fullmatch(w) for p in self.patterns)]
            self._finders = [(required_literal(p.pattern), p) for p in patterns]
        return self._finders

    def stale_from(self) -> int | None:
        """The first year in which it is outdated."""
        if self.until is None:
            return None
        return self.until.year if self.until.month == 1 else self.until.year + 1


@dataclass
class StaleWording:
    entry: LexiconEntry
    written: str  # the outdated wording as it stands in the text

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.entry.term, "replaced_by": self.entry.replaced_by,
                "stale_from": self.entry.stale_from()}


@dataclass
class Lexicon:
    path: str
    entries: list[LexiconEntry]

    @property
    def dated(self) -> list[LexiconEntry]:
        """Entries the stale-term check looks at: those with a time when they are current,
        then the variants with a time of their own."""
        return [e for e in self.entries if e.until is not None or e.since is not None] + self.dated_variants

    @property
    def dated_variants(self) -> list[LexiconEntry]:
        return [variant for e in self.entries for variant in e.dated_variants]

    @property
    def standard_phrases(self) -> list[str]:
        """Standard wordings, never counted as copying."""
        return [wording for e in self.entries if e.standard for wording in e.wordings]

    def stale_wording(self, text: str, year: int) -> StaleWording | None:
        """The first outdated wording in text for a document of `year`, unless the clause
        keeps it current (常态化长效化). For bank items and suggestions: anything that
        names an outdated 提法 is left out, whatever the sentence says around it."""
        for entry in [*self.entries, *self.dated_variants]:
            if not entry.stale_in(year):
                continue
            for literal, pattern in entry.finders():  # its patterns, and its own wordings
                if literal not in text:
                    continue
                found = pattern.search(text)
                if found and not any(allowed.search(text) for allowed in entry.allow):
                    return StaleWording(entry, found.group(0))
        return None

    def found_in(self, text: str) -> list[LexiconEntry]:
        """Entries whose wording stands in text."""
        return [entry for entry in self.entries if any(pattern.search(text) for pattern in entry.patterns)]

    def entry_for(self, wording: str) -> LexiconEntry | None:
        """The entry a mined wording is (its term, a variant, or a whole match of a pattern)."""
        for entry in self.entries:
            if wording in entry.wordings or any(pattern.fullmatch(wording) for pattern in entry.patterns):
                return entry
        return None


def required_literal(pattern: str) -> str:
    """The longest run of plain characters at the top level of a regular expression: every
    match holds it ("" when there is none)."""
    try:  # the parser of the re module; its name changed in Python 3.11
        from re import _constants as constants, _parser as parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as constants
        import sre_parse as parser
    best = run = ""
    for op, value in parser.parse(pattern):
        if op is constants.LITERAL:
            run += chr(value)
            continue
        best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


def default_lexicon_path(bank_dir: str | os.PathLike | None = None) -> Path:
    """terms.yaml of the bank in use when it has one (an office's own), else the shipped one."""
    from drafter.bank import bank_path
    from drafter.resources import templates_dir

    own = bank_path(bank_dir) / TERMS_FILE
    return own if own.is_file() else templates_dir() / TERMS_FILE


def load_lexicon(path: str | os.PathLike | None = None, *, bank_dir: str | os.PathLike | None = None) -> Lexicon:
    """The lexicon at `path`, else that of the bank in use (see default_lexicon_path)."""
    path = Path(path) if path is not None else default_lexicon_path(bank_dir)
    try:
        info = path.stat()
    except OSError:
        raise DrafterError("提法库文件不存在", path=str(path)) from None
    return _load_cached(str(path), (info.st_mtime_ns, info.st_size))


@lru_cache(maxsize=4)
def _load_cached(path: str, _stat_key: tuple[int, int]) -> Lexicon:
    data, _source = load_file(path, "提法库文件")
    return _Validator(path, data).lexicon(data)


class _Validator:
    def __init__(self, path: str, root) -> None:
        self.path = path
        self.root = root

    def line(self, *keys) -> int | None:
        """The line of the deepest key of `keys` found in the file."""
        container, line = self.root, line_of(self.root)
        for key in keys:
            found = line_of(container, key)
            if found is None or not isinstance(container, (dict, list)):
                break
            try:
                container = container[key]
            except (KeyError, IndexError, TypeError):
                break
            line = found
        return line

    def fail(self, message: str, *keys) -> DrafterError:
        where = "".join(f"[{k}]" if isinstance(k, int) else (f".{k}" if i else k) for i, k in enumerate(keys))
        return DrafterError(f"{where}：{message}" if where else message, path=self.path,
                            line=self.line(*keys), key=where or None)

    def lexicon(self, data) -> Lexicon:
        if not isinstance(data, dict):
            raise self.fail("提法库应为映射（键: 值）")
        if data.get("version", LEXICON_VERSION) != LEXICON_VERSION:
            raise self.fail(f"不支持的版本 {data.get('version')!r}（应为 {LEXICON_VERSION}）", "version")
        for key in data:
            if key not in ("version", "terms"):
                raise self.fail(f"未知的键“{key}”：提法库只能有 version 和 terms", key)
        raw = data.get("terms") or []
        if not isinstance(raw, list):
            raise self.fail("应为列表（每项以“- ”开头）", "terms")
        entries = [self.entry(item, index) for index, item in enumerate(raw)]
        seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry.term in seen:
                raise self.fail(f"提法“{entry.term}”重复（第 {seen[entry.term] + 1} 项已有）", "terms", index, "term")
            seen[entry.term] = index
        owner: dict[str, int] = {}
        for index, entry in enumerate(entries):
            for wording in entry.wordings:
                if owner.setdefault(wording, index) != index:
                    other = entries[owner[wording]].term
                    raise self.fail(f"写法“{wording}”已属于提法“{other}”（第 {owner[wording] + 1} 项），一种写法只能属于一个提法",
                                    "terms", index)
        return Lexicon(self.path, entries)

    def entry(self, item, index: int) -> LexiconEntry:
        keys = ("terms", index)
        if isinstance(item, str):  # a bare line added by hand: a standard wording
            item = {"term": item, "source": "手工添加"}
        if not isinstance(item, dict):
            raise self.fail("应为映射（term、source 等）", *keys)
        for key in item:
            if key not in _ENTRY_KEYS:
                raise self.fail(f"未知的键“{key}”，可用：{'、'.join(_ENTRY_KEYS)}", *keys, key)
        term = self.text(item, "term", keys)
        variants, dated = self.variants(item, keys)
        entry = LexiconEntry(term=term, source=self.text(item, "source", keys), variants=variants,
                             topics=self.topics(item, keys), wrong=self.texts(item, "wrong", keys),
                             line=self.line(*keys))
        self.period(entry, item, keys)
        standard = item.get("standard", True)
        if not isinstance(standard, bool):
            raise self.fail("应为 true 或 false", *keys, "standard")
        entry.standard = standard
        for index, raw in dated:
            where = keys + ("variants", index)
            variant = LexiconEntry(term=self.text(raw, "text", where), source=self.text(raw, "source", where),
                                   topics=entry.topics, standard=entry.standard, line=self.line(*where),
                                   variant_of=entry.term)
            self.period(variant, raw, where)
            if variant.until is None:
                raise self.fail("带时间的写法应写 current: {from: 年月, until: 年月}", *where, "current")
            entry.dated_variants.append(variant)
        return entry

    def variants(self, item: dict, keys: tuple) -> tuple[list[str], list[tuple[int, dict]]]:
        """The variant wordings, and those written as a mapping (with a time of their own)."""
        value = item.get("variants") or []
        value = [value] if isinstance(value, (str, dict)) else value
        if not isinstance(value, list):
            raise self.fail("应为文字列表", *keys, "variants")
        texts, dated = [], []
        for index, raw in enumerate(value):
            if isinstance(raw, str) and raw.strip():
                texts.append(raw.strip())
            elif isinstance(raw, dict):
                for key in raw:
                    if key not in _VARIANT_KEYS:
                        raise self.fail(f"未知的键“{key}”，可用：{'、'.join(_VARIANT_KEYS)}", *keys, "variants", index,
                                        key)
                texts.append(self.text(raw, "text", keys + ("variants", index)))
                dated.append((index, raw))
            else:
                raise self.fail("应为文字，或带 text 和 current 的映射", *keys, "variants", index)
        return texts, dated

    def period(self, entry: LexiconEntry, item: dict, keys: tuple) -> None:
        """Patterns, allowed wordings, the time it is current, usage, severity, replacement and note."""
        raw_patterns = item.get("patterns")
        if raw_patterns is None:
            entry.patterns = [re.compile(re.escape(w)) for w in sorted(entry.wordings, key=len, reverse=True)]
        else:
            raw_patterns = [raw_patterns] if isinstance(raw_patterns, str) else raw_patterns
            if not isinstance(raw_patterns, list):
                raise self.fail("应为正则表达式列表", *keys, "patterns")
            entry.patterns = [self.pattern(p, keys + ("patterns", i)) for i, p in enumerate(raw_patterns)]
        allow = item.get("allow") or []
        allow = [allow] if isinstance(allow, str) else allow
        if not isinstance(allow, list):
            raise self.fail("应为正则表达式列表", *keys, "allow")
        entry.allow = [self.pattern(p, keys + ("allow", i)) for i, p in enumerate(allow)]
        current = item.get("current")
        if current is not None:
            if not isinstance(current, dict) or "from" not in current:
                raise self.fail("应写成 {from: 年月, until: 年月}，至少有 from", *keys, "current")
            entry.current_from = self.year_month(current["from"], keys + ("current", "from"))
            if current.get("until") is not None:
                entry.until = self.year_month(current["until"], keys + ("current", "until"))
                if entry.until <= entry.current_from:
                    raise self.fail("until 应晚于 from", *keys, "current", "until")
        since = item.get("since")
        entry.since = self.year_month(since, keys + ("since",)) if since is not None else entry.current_from
        entry.usage = self.choice(item, "usage", keys, USAGES, "any")
        entry.severity = self.choice(item, "severity", keys, SEVERITIES, "error")
        if entry.until is not None:
            entry.replaced_by = self.text(item, "replaced_by", keys)
            entry.note = self.text(item, "note", keys)
        else:
            entry.replaced_by = self.text(item, "replaced_by", keys, required=False)
            entry.note = self.text(item, "note", keys, required=False)

    def text(self, item: dict, key: str, keys: tuple, *, required: bool = True) -> str:
        value = item.get(key)
        if value is None and not required:
            return ""
        text = scalar_text(value)
        if text is None:
            raise self.fail(f"缺少 {key} 或不是文字", *keys, key)
        return text

    def texts(self, item: dict, key: str, keys: tuple) -> list[str]:
        value = item.get(key) or []
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail("应为文字列表", *keys, key)
        return [v.strip() for v in value]

    def topics(self, item: dict, keys: tuple) -> list[str]:
        found = []
        for written in self.texts(item, "topics", keys):
            topic = TOPICS.lookup(written)
            if topic is None:
                raise self.fail(f"未知的主题“{written}”，可选：{TOPICS.choices()}", *keys, "topics")
            found.append(topic)
        return list(dict.fromkeys(found))

    def choice(self, item: dict, key: str, keys: tuple, allowed: tuple[str, ...], default: str) -> str:
        value = item.get(key, default)
        if value not in allowed:
            raise self.fail(f"{key} 的值“{value}”无效，可选：{' / '.join(allowed)}", *keys, key)
        return value

    def pattern(self, value, keys: tuple) -> re.Pattern[str]:
        if not isinstance(value, str) or not value.strip():
            raise self.fail("应为非空的正则表达式", *keys)
        try:
            return re.compile(value.replace("{Q}", QUOTE))
        except re.error as exc:
            raise self.fail(f"正则表达式有误（{exc}）", *keys) from None

    def year_month(self, value, keys: tuple) -> YearMonth:
        found = _YEAR_MONTH.match(str(value))
        month = int(found.group(2)) if found and found.group(2) else 1
        if not found or not 1 <= month <= 12:
            raise self.fail(f"年月“{value}”无效，应写作 2022-10 或 2022", *keys)
        return YearMonth(int(found.group(1)), month)
