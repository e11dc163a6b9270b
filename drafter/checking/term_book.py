"""templates/terms.yaml: stale wordings with the years they are current,
and the standard phrases that never count as copying.

Loaded and validated here; a hand-broken file is a DrafterError naming the
file, the line and the key.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.yaml_reader import line_of, load_file

TERMS_FILE = "terms.yaml"
TERMS_VERSION = 1
USAGES = ("any", "as_current")
QUOTE = "[“”\"‘’'「」『』]?"  # what {Q} stands for in a pattern

_YEAR_MONTH = re.compile(r"^\s*((?:19|20|21)[0-9]{2})(?:\s*[-./年]\s*([0-9]{1,2})\s*月?)?\s*$")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int = 1

    def __str__(self) -> str:
        return f"{self.year}年" if self.month == 1 else f"{self.year}年{self.month}月"


@dataclass
class StaleTerm:
    term: str
    patterns: list[re.Pattern[str]]
    current_from: YearMonth
    until: YearMonth | None  # the month it was replaced; None: still current
    since: YearMonth  # the earliest it can be written at all
    replaced_by: str
    note: str
    source: str
    usage: str = "any"
    allow: list[re.Pattern[str]] = field(default_factory=list)
    severity: str = "error"
    line: int | None = None  # where the entry is in terms.yaml


@dataclass
class TermBook:
    path: str
    stale_terms: list[StaleTerm]
    standard_phrases: list[str]


def default_terms_path() -> Path:
    """terms.yaml of the bank in use when it has one (an office's own), else the shipped one."""
    from drafter.bank import bank_path
    from drafter.resources import templates_dir

    own = bank_path(None) / TERMS_FILE
    return own if own.is_file() else templates_dir() / TERMS_FILE


def load_term_book(path: str | os.PathLike | None = None) -> TermBook:
    path = Path(path) if path is not None else default_terms_path()
    stat = _stat(path)
    return _load_cached(str(path), stat)


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        raise DrafterError("提法库文件不存在", path=str(path)) from None
    return info.st_mtime_ns, info.st_size


@lru_cache(maxsize=4)
def _load_cached(path: str, _stat_key: tuple[int, int]) -> TermBook:
    data, _source = load_file(path, "提法库文件")
    return _Validator(path, data).book(data)


class _Validator:
    def __init__(self, path: str, root) -> None:
        self.path = path
        self.root = root

    # -- where things are ---------------------------------------------------------

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

    # -- values ---------------------------------------------------------------------

    def book(self, data) -> TermBook:
        if not isinstance(data, dict):
            raise self.fail("提法库应为映射（键: 值）")
        if data.get("version", TERMS_VERSION) != TERMS_VERSION:
            raise self.fail(f"不支持的版本 {data.get('version')!r}（应为 {TERMS_VERSION}）", "version")
        entries = data.get("stale_terms") or []
        if not isinstance(entries, list):
            raise self.fail("应为列表（每项以“- ”开头）", "stale_terms")
        terms = [self.entry(entry, index) for index, entry in enumerate(entries)]
        phrases = data.get("standard_phrases") or []
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise self.fail("应为文字列表", "standard_phrases")
        return TermBook(self.path, terms, [p.strip() for p in phrases])

    def entry(self, entry, index: int) -> StaleTerm:
        keys = ("stale_terms", index)
        if not isinstance(entry, dict):
            raise self.fail("应为映射（term、patterns、current 等）", *keys)
        term = self.text(entry, "term", keys)
        raw_patterns = entry.get("patterns") or [re.escape(term)]
        if isinstance(raw_patterns, str):
            raw_patterns = [raw_patterns]
        if not isinstance(raw_patterns, list):
            raise self.fail("应为正则表达式列表", *keys, "patterns")
        patterns = [self.pattern(p, keys + ("patterns", i)) for i, p in enumerate(raw_patterns)]
        allow = entry.get("allow") or []
        if isinstance(allow, str):
            allow = [allow]
        if not isinstance(allow, list):
            raise self.fail("应为正则表达式列表", *keys, "allow")
        current = entry.get("current")
        if not isinstance(current, dict) or "from" not in current:
            raise self.fail("缺少 current.from（现行起始年月）", *keys, "current")
        current_from = self.year_month(current["from"], keys + ("current", "from"))
        until = current.get("until")
        until = self.year_month(until, keys + ("current", "until")) if until is not None else None
        if until is not None and until <= current_from:
            raise self.fail("until 应晚于 from", *keys, "current", "until")
        since = entry.get("since")
        since = self.year_month(since, keys + ("since",)) if since is not None else current_from
        usage = entry.get("usage", "any")
        if usage not in USAGES:
            raise self.fail(f"usage 的值“{usage}”无效，可选：{' / '.join(USAGES)}", *keys, "usage")
        severity = entry.get("severity", "error")
        if severity not in ("error", "warning"):
            raise self.fail(f"severity 的值“{severity}”无效，可选：error / warning", *keys, "severity")
        return StaleTerm(
            term=term, patterns=patterns, current_from=current_from, until=until, since=since,
            replaced_by=self.text(entry, "replaced_by", keys), note=self.text(entry, "note", keys),
            source=self.text(entry, "source", keys), usage=usage,
            allow=[self.pattern(p, keys + ("allow", i)) for i, p in enumerate(allow)],
            severity=severity, line=self.line(*keys),
        )

    def text(self, entry: dict, key: str, keys: tuple) -> str:
        value = entry.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"缺少 {key} 或不是文字", *keys, key)
        return value.strip()

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
