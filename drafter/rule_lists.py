"""Rule lists of `drafter check`: rows of wrong form, right form, level, condition,
group, note and enabled, the way the proofreading tools for 公文 keep them.

The shipped lists live in templates/, one file per rule (naming.yaml 称谓,
renamed_bodies.yaml 机构更名, wording.yaml 用词); the naming rule also takes the
wrong forms of the lexicon (terms.yaml). `check --rules FILE` adds a user's list
in the same format: the file (or each row) says which rule it belongs to, and a
row with the same rule and wrong form as a shipped one replaces it, so that
`enabled: false` turns a shipped row off.

A row matches where its wrong form stands and its condition holds: the text
just before must (before) or must not (not_before) end with a pattern, the text
just after must (after) or must not (not_after) start with one.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.vocabulary import ERROR, INFO, WARNING
from drafter.errors import DrafterError
from drafter.lexicon import YearMonth
from drafter.yaml_reader import line_of, load_file, scalar_text

RULE_LIST_VERSION = 1
ROW_RULES = ("naming", "renamed_body", "wording")
SHIPPED_FILES = {"naming": "naming.yaml", "renamed_body": "renamed_bodies.yaml", "wording": "wording.yaml"}
LEVELS = {"error": ERROR, "必错": ERROR, "错误": ERROR,
          "warning": WARNING, "疑似": WARNING, "警告": WARNING,
          "info": INFO, "提示": INFO}
_FILE_KEYS = ("version", "rule", "rows")
_ROW_KEYS = ("rule", "wrong", "right", "level", "condition", "group", "note", "enabled", "source", "changed")
_CONDITION_KEYS = ("before", "not_before", "after", "not_after")
BEFORE_CHARS = 40  # how far back a before / not_before condition looks
_YEAR_MONTH = re.compile(r"^\s*((?:19|20|21)[0-9]{2})(?:\s*[-./年]\s*([0-9]{1,2})\s*月?)?\s*$")


@dataclass
class RuleRow:
    rule: str
    wrong: str
    right: list[str]
    level: str
    group: str = ""
    note: str = ""
    enabled: bool = True
    source: str = ""
    changed: YearMonth | None = None  # renamed_body: when the body got its new name
    before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    path: str = ""
    line: int | None = None

    @property
    def fix(self) -> str | None:
        """The replacement when there is exactly one right form."""
        return self.right[0] if len(self.right) == 1 else None

    def fits(self, text: str, start: int, end: int) -> bool:
        """The condition holds around text[start:end]."""
        left = max(0, start - BEFORE_CHARS)  # `^` still means the paragraph's start when it is near
        if self.before is not None and not self.before.search(text, left, start):
            return False
        if self.not_before is not None and self.not_before.search(text, left, start):
            return False
        if self.after is not None and not self.after.match(text, end):
            return False
        if self.not_after is not None and self.not_after.match(text, end):
            return False
        return True


@dataclass(frozen=True)
class RowMatch:
    row: RuleRow
    start: int
    end: int


@dataclass
class RuleTable:
    """The enabled rows of one rule, found in a text in one pass."""

    rows: list[RuleRow]
    _by_wrong: dict[str, list[RuleRow]] = field(default_factory=dict)
    _pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        for row in self.rows:
            if row.enabled:
                self._by_wrong.setdefault(row.wrong, []).append(row)
        if self._by_wrong:
            wrongs = sorted(self._by_wrong, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(w) for w in wrongs))

    def matches(self, text: str) -> list[RowMatch]:
        """Rows found in text, left to right, never overlapping; at one place the longest
        wrong form whose condition holds."""
        found: list[RowMatch] = []
        if self._pattern is None:
            return found
        position = 0
        while True:
            hit = self._pattern.search(text, position)
            if hit is None:
                return found
            start = hit.start()
            match = None
            for wrong in sorted((w for w in self._by_wrong if text.startswith(w, start)), key=len, reverse=True):
                row = next((r for r in self._by_wrong[wrong] if r.fits(text, start, start + len(wrong))), None)
                if row is not None:
                    match = RowMatch(row, start, start + len(wrong))
                    break
            if match is None:
                position = start + 1
            else:
                found.append(match)
                position = match.end


def shipped_path(rule: str) -> Path:
    from drafter.resources import templates_dir

    return templates_dir() / SHIPPED_FILES[rule]


def rule_rows(rule: str, extra: str | os.PathLike | None = None) -> list[RuleRow]:
    """The rows of `rule`: the shipped file's, with a user's list (`--rules`) laid over them."""
    rows = {row.wrong: row for row in load_rule_list(shipped_path(rule), default_rule=rule) if row.rule == rule}
    if extra is not None:
        for row in load_rule_list(extra):
            if row.rule == rule:
                rows[row.wrong] = row
    return list(rows.values())


def load_rule_list(path: str | os.PathLike, default_rule: str | None = None) -> list[RuleRow]:
    """The rows of one rule list file. Raises DrafterError naming file, line and key."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError:
        raise DrafterError("找不到规则表文件", path=str(path)) from None
    return list(_load_cached(str(path), (info.st_mtime_ns, info.st_size), default_rule))


@lru_cache(maxsize=16)
def _load_cached(path: str, _stat_key: tuple[int, int], default_rule: str | None) -> tuple[RuleRow, ...]:
    data, _source = load_file(path, "规则表文件")
    return tuple(_Reader(path, data).rows(default_rule))


class _Reader:
    def __init__(self, path: str, root) -> None:
        self.path = path
        self.root = root

    def fail(self, message: str, container=None, key=None, where: str = "") -> DrafterError:
        line = line_of(container if container is not None else self.root, key)
        return DrafterError(f"{where}：{message}" if where else message, path=self.path, line=line,
                            key=where or None)

    def rows(self, default_rule: str | None) -> list[RuleRow]:
        data = self.root
        if data is None:
            return []
        if isinstance(data, list):  # a bare list of rows
            data_rows, file_rule = data, default_rule
        elif isinstance(data, dict):
            for key in data:
                if key not in _FILE_KEYS:
                    raise self.fail(f"未知的键“{key}”：规则表只能有 {'、'.join(_FILE_KEYS)}", data, key, str(key))
            if data.get("version", RULE_LIST_VERSION) != RULE_LIST_VERSION:
                raise self.fail(f"不支持的版本 {data.get('version')!r}（应为 {RULE_LIST_VERSION}）",
                                data, "version", "version")
            file_rule = self.rule_id(data.get("rule"), data, "rule", "rule") if "rule" in data else default_rule
            data_rows = data.get("rows") or []
            if not isinstance(data_rows, list):
                raise self.fail("应为列表（每行以“- ”开头）", data, "rows", "rows")
        else:
            raise self.fail("规则表应为映射（rule、rows）或规则行的列表")
        rows: list[RuleRow] = []
        seen: dict[tuple[str, str], int] = {}
        for index, item in enumerate(data_rows):
            row = self.row(item, index, data_rows, file_rule)
            key = (row.rule, row.wrong)
            if key in seen:
                raise self.fail(f"“{row.wrong}”重复（第 {seen[key] + 1} 行规则已有同一规则的这个写法）",
                                data_rows, index, f"rows[{index}].wrong")
            seen[key] = index
            rows.append(row)
        return rows

    def rule_id(self, value, container, key, where: str) -> str:
        from drafter.vocabulary import CHECK_RULES

        found = CHECK_RULES.lookup(value) if isinstance(value, str) else None
        if found not in ROW_RULES:
            choices = "、".join(f"{rule}（{CHECK_RULES.label(rule)}）" for rule in ROW_RULES)
            raise self.fail(f"规则“{value}”无效，规则表只能用于：{choices}", container, key, where)
        return found

    def row(self, item, index: int, container, file_rule: str | None) -> RuleRow:
        where = f"rows[{index}]"
        if not isinstance(item, dict):
            raise self.fail("每行规则应为映射（wrong、right、level 等）", container, index, where)
        for key in item:
            if key not in _ROW_KEYS:
                raise self.fail(f"未知的键“{key}”，可用：{'、'.join(_ROW_KEYS)}", item, key, f"{where}.{key}")
        if "rule" in item:
            rule = self.rule_id(item["rule"], item, "rule", f"{where}.rule")
        elif file_rule is not None:
            rule = file_rule
        else:
            raise self.fail("缺少 rule：请在文件开头或这一行写明属于哪条检查规则（naming、renamed_body 或 wording）",
                            container, index, where)
        wrong = self.text(item, "wrong", where)
        right = item.get("right")
        right = [right] if isinstance(right, (str, int)) and not isinstance(right, bool) else right
        if right is None:
            right = []
        if not isinstance(right, list) or not all(isinstance(r, (str, int)) and str(r).strip() for r in right):
            raise self.fail("right 应为文字或文字列表", item, "right", f"{where}.right")
        right = [str(r).strip() for r in right]
        if wrong in right:
            raise self.fail("right 不能与 wrong 相同", item, "right", f"{where}.right")
        level = item.get("level")
        if level not in LEVELS:
            raise self.fail(f"level 的值“{level}”无效，可选：error（必错）、warning（疑似）、info（提示）",
                            item, "level", f"{where}.level")
        enabled = item.get("enabled", True)
        if not isinstance(enabled, bool):
            raise self.fail("enabled 应为 true 或 false", item, "enabled", f"{where}.enabled")
        row = RuleRow(rule=rule, wrong=wrong, right=right, level=LEVELS[level],
                      group=self.text(item, "group", where, required=False),
                      note=self.text(item, "note", where, required=False), enabled=enabled,
                      source=self.text(item, "source", where, required=False), path=self.path,
                      line=line_of(container, index))
        if rule == "renamed_body":
            row.changed = self.year_month(item, where)
        elif "changed" in item:
            raise self.fail("changed（更名年月）只用于机构更名（renamed_body）规则", item, "changed", f"{where}.changed")
        condition = item.get("condition")
        if condition is not None:
            if not isinstance(condition, dict):
                raise self.fail(f"condition 应为映射，可用的键：{'、'.join(_CONDITION_KEYS)}",
                                item, "condition", f"{where}.condition")
            for key, value in condition.items():
                if key not in _CONDITION_KEYS:
                    raise self.fail(f"未知的条件“{key}”，可用：{'、'.join(_CONDITION_KEYS)}",
                                    condition, key, f"{where}.condition.{key}")
                if not isinstance(value, str) or not value:
                    raise self.fail("条件应为非空的正则表达式", condition, key, f"{where}.condition.{key}")
                try:
                    compiled = re.compile(f"(?:{value})$" if key.endswith("before") else value)
                except re.error as exc:
                    raise self.fail(f"正则表达式有误（{exc}）", condition, key, f"{where}.condition.{key}") from None
                setattr(row, key, compiled)
        return row

    def text(self, item: dict, key: str, where: str, *, required: bool = True) -> str:
        value = item.get(key)
        if value is None and not required:
            return ""
        text = scalar_text(value)
        if text is None:
            raise self.fail(f"缺少 {key} 或不是文字", item, key, f"{where}.{key}")
        return text

    def year_month(self, item: dict, where: str) -> YearMonth:
        value = item.get("changed")
        if value is None:
            raise self.fail("机构更名规则必须写 changed（更名年月，如 2018-03）", item, None, where)
        found = _YEAR_MONTH.match(str(value))
        month = int(found.group(2)) if found and found.group(2) else 1
        if not found or not 1 <= month <= 12:
            raise self.fail(f"年月“{value}”无效，应写作 2018-03 或 2018", item, "changed", f"{where}.changed")
        return YearMonth(int(found.group(1)), month)
