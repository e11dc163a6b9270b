"""One finding of `drafter check`: which rule, how bad, where, what."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.vocabulary import ERROR, INFO, SEVERITIES, WARNING  # noqa: F401 (checking's own names for them)

# Keys of Finding.to_dict(), in this order: the `drafter check --json` contract.
FINDING_KEYS = ("rule", "severity", "message", "line", "text", "source", "fix", "field")


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    line: int | None = None  # line (.txt), paragraph (.docx) or fill-file line (.yaml)
    text: str = ""  # the checked text the finding is about
    source: str | None = None  # the corpus file, for originality
    fix: str | None = None  # the one suggested replacement of text[start:end] of the line, if there is one
    field: dict | None = None  # a fill file's field (role, entry, field), for the web form to find
    # Where the fix goes in the checked line (not part of the JSON): `check --fix` needs it.
    start: int | None = None
    end: int | None = None
    wrong: str = ""  # the line's text at [start, end), as written

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "text": self.text,
            "source": self.source,
            "fix": self.fix,
            "field": self.field,
        }

    @property
    def fixable(self) -> bool:
        """`check --fix` applies it: an error with one replacement at a known place."""
        return self.severity == ERROR and self.fix is not None and self.start is not None and self.end is not None


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = 24) -> str:
    """The part of `text` around [start, end), with … where it was cut."""
    end = start if end is None else end
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
