"""What every check rule gets: the subject, the options, and shared lazily loaded data."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.checking.subject import CheckSubject


@dataclass
class SourceShare:
    """How much of the checked text was copied from one corpus file."""

    source: str
    sentences: int
    chars: int  # copied characters (punctuation folded, set phrases not counted)
    share: float  # chars / all characters of the checked text


@dataclass
class CheckContext:
    subject: CheckSubject
    corpus_dir: Path | None = None
    corpus_given: bool = False  # --corpus was given (else the default corpus/ folder)
    bank_dir: Path | None = None
    rules_file: Path | None = None  # the user's rule list (--rules), laid over the shipped ones
    copied: list[SourceShare] = field(default_factory=list)  # set by the originality rule
    _cache: dict[str, Any] = field(default_factory=dict)

    def phrases(self) -> list[dict]:
        """The phrase bank; [] when there is none (checking works without it).
        A bank file that exists but is broken is an error, as everywhere."""
        if "phrases" not in self._cache:
            from drafter.bank import PHRASES_FILE, load_phrases

            self._cache["phrases"] = load_phrases(self.bank_dir) if self._has(PHRASES_FILE) else []
        return self._cache["phrases"]

    def skeletons(self) -> list[dict]:
        if "skeletons" not in self._cache:
            from drafter.bank import SKELETONS_FILE, load_skeletons

            self._cache["skeletons"] = load_skeletons(self.bank_dir) if self._has(SKELETONS_FILE) else []
        return self._cache["skeletons"]

    def rule_rows(self, rule: str) -> list:
        """The rows of a list-driven rule (naming, renamed_body, wording): the shipped
        list in templates/ with the user's rows laid over it."""
        key = f"rows:{rule}"
        if key not in self._cache:
            from drafter.rule_lists import rule_rows

            self._cache[key] = rule_rows(rule, self.rules_file)
        return self._cache[key]

    def _has(self, name: str) -> bool:
        from drafter.bank import bank_path

        return (bank_path(self.bank_dir) / name).is_file()
