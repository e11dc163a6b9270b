"""templates/roles.yaml: the cue words that tell a section's role from its heading and body.

Read once per process through the one YAML reader (libyaml's C loader underneath: parse
must stay fast) and compiled to a few regular expressions. A hand-broken file is a
DrafterError naming the file, the line and the key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.yaml_reader import line_of

ROLES_FILE = "roles.yaml"
ROLES_VERSION = 1
# What {年} stands for in a pattern; headings are matched with their spaces removed.
YEAR = r"(?:19|20)[0-9]{2}\s*年度?"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class HeadingCue:
    role: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    kinds: frozenset[str] | None = None
    latest_year: bool = False

    def matches(self, heading: str, kind: str | None, has_later_year: bool) -> bool:
        if self.kinds is not None and kind not in self.kinds:
            return False
        if self.latest_year and has_later_year:
            return False
        return bool(self.pattern.search(heading)) and not (self.unless and self.unless.search(heading))


@dataclass(frozen=True)
class RoleCues:
    headings: tuple[HeadingCue, ...]
    body: dict[str, re.Pattern[str]]
    plan_title: re.Pattern[str] | None
    plan_title_unless: re.Pattern[str] | None
    # words of a review of work done (完成了, 全年共, 未发生, 本人 leading a sentence), and
    # headings that name one (廉洁自律情况)
    review: re.Pattern[str] | None = None
    review_headings: re.Pattern[str] | None = None

    def heading_role(self, heading: str, kind: str | None = None, has_later_year: bool = False) -> str | None:
        plain = _SPACES.sub("", heading)
        for cue in self.headings:
            if cue.matches(plain, kind, has_later_year):
                return cue.role
        return None

    def body_scores(self, text: str) -> dict[str, int]:
        return {role: len(pattern.findall(text)) for role, pattern in self.body.items()}

    def review_score(self, text: str) -> int:
        return len(self.review.findall(text)) if self.review else 0

    def names_a_review(self, heading: str) -> bool:
        return bool(self.review_headings and self.review_headings.search(_SPACES.sub("", heading)))

    def is_plan_title(self, title: str) -> bool:
        plain = _SPACES.sub("", title)
        return bool(self.plan_title and self.plan_title.search(plain)
                    and not (self.plan_title_unless and self.plan_title_unless.search(plain)))

    def role_patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        """One pattern per role, all its heading cues together (kinds and exceptions ignored)."""
        parts: dict[str, list[str]] = {}
        for cue in self.headings:
            parts.setdefault(cue.role, []).append(cue.pattern.pattern)
        return [(role, re.compile("|".join(f"(?:{p})" for p in patterns))) for role, patterns in parts.items()]


def default_roles_path() -> Path:
    from drafter.resources import templates_dir

    return templates_dir() / ROLES_FILE


@lru_cache(maxsize=4)
def load_role_cues(path: str | None = None) -> RoleCues:
    """The cues of `path` (default: the shipped templates/roles.yaml), read once."""
    from drafter.yaml_reader import load_file

    file = str(path) if path else str(default_roles_path())
    data, _source = load_file(file, "角色提示词表")
    reader = _Reader(file)
    if not isinstance(data, dict):
        raise DrafterError("角色提示词表应为键值表", path=file)
    headings = tuple(reader.heading(entry, f"headings[{n}]", line_of(data["headings"], n))
                     for n, entry in enumerate(reader.items(data, "headings", list)))
    body = {}
    for role, entry in reader.items(data, "body", dict).items():
        reader.role(role, f"body.{role}", line_of(data["body"], role))
        body[role] = reader.pattern(entry, f"body.{role}", required=True)
    plan = data.get("plan_titles") or {}
    review = data.get("review")
    return RoleCues(headings, body, reader.pattern(plan, "plan_titles"),
                    reader.pattern(plan, "plan_titles", key="except"),
                    reader.pattern(review, "review") if review is not None else None,
                    reader.pattern(review, "review", key="headings") if review is not None else None)


class _Reader:
    """Checks one entry after another, naming the file and the key in every error."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, message: str, key: str, line: int | None = None) -> DrafterError:
        return DrafterError(message, path=self.path, key=key, line=line)

    def items(self, data: dict, key: str, kind: type):
        value = data.get(key)
        if not isinstance(value, kind):
            raise self.fail(f"“{key}”应为{'列表' if kind is list else '键值表'}", key, line_of(data, key))
        return value

    def role(self, role, key: str, line: int | None = None) -> str:
        from drafter.vocabulary import ROLES

        if role not in ROLES:
            raise self.fail(f"未知的章节角色“{role}”，可选：{ROLES.choices()}", key, line)
        return role

    def heading(self, entry, key: str, line: int | None = None) -> HeadingCue:
        if not isinstance(entry, dict):
            raise self.fail("每组提示词应为键值表（role、words、patterns……）", key, line)
        kinds = entry.get("kinds")
        if kinds is not None:
            from drafter.vocabulary import KINDS

            if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
                raise self.fail(f"kinds 应为文稿类型列表，可选：{KINDS.choices()}", f"{key}.kinds",
                                line_of(entry, "kinds"))
            kinds = frozenset(kinds)
        return HeadingCue(
            role=self.role(entry.get("role"), f"{key}.role", line_of(entry, "role")),
            pattern=self.pattern(entry, key, required=True),
            unless=self.pattern(entry, key, key="except"),
            kinds=kinds,
            latest_year=bool(entry.get("latest_year", False)),
        )

    def pattern(self, entry, where: str, key: str | None = None, required: bool = False) -> re.Pattern[str] | None:
        """words (escaped) and patterns of an entry as one regex; with `key`, that key's patterns."""
        if not isinstance(entry, dict):
            raise self.fail("应为键值表（words、patterns）", where, line_of(entry))
        parts: list[str] = []
        sources = [(key, False)] if key else [("words", True), ("patterns", False)]
        for name, literal in sources:
            values = entry.get(name) or []
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                raise self.fail(f"“{name}”应为字符串列表", f"{where}.{name}", line_of(entry, name))
            for value in values:
                parts.append(re.escape(value) if literal else value.replace("{年}", YEAR))
        if not parts:
            if required:
                raise self.fail("至少要有一个词（words）或正则（patterns）", where, line_of(entry))
            return None
        if key is None:  # longest words first, so 还不够 is counted once, not as 不够 too
            parts.sort(key=len, reverse=True)
        try:
            return re.compile("|".join(f"(?:{part})" for part in parts))
        except re.error as error:
            name = key or "patterns"
            raise self.fail(f"正则表达式有误：{error}", f"{where}.{name}", line_of(entry, name)) from None
