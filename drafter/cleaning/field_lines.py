"""Recognise web-page info lines made of `label：value` fields, such as
发布时间：2023-12-20  来源：XX网  浏览量：1234. Used by the page_meta and
file_info rules with their own labels."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_MAX_LENGTH = 120  # info lines are short; a long line is a paragraph
_SEPARATORS = r"[\s|｜丨/／·•,，;；【】\[\]（）()]*"
_TRAILING = re.compile(_SEPARATORS + "$")
_DATE_TIME = (r"(?:\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?"
              r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?)?")


@dataclass
class FieldLabels:
    """Labels of one kind of info line. A line counts when all of it is fields
    and it has a strong field, or at least two fields."""

    strong: tuple[str, ...]
    weak: tuple[str, ...] = ()
    # weak labels that are strong when their value looks like this
    strong_values: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        labels = sorted(set(self.strong + self.weak + tuple(self.strong_values)), key=len, reverse=True)
        alternation = "|".join(map(re.escape, labels))
        # label, then a colon (or a space before a number), then the value up
        # to the next label with its colon, or the end of the line
        self._field = re.compile(
            rf"{_SEPARATORS}(?P<label>{alternation})\s*(?:[:：]|\s(?=\s*\d))\s*"
            rf"(?P<value>.*?)(?=\s*{_SEPARATORS}(?:{alternation})\s*[:：]|{_SEPARATORS}$)"
        )
        self._lead = re.compile(_SEPARATORS + _DATE_TIME)
        self._values = {label: re.compile(pattern, re.IGNORECASE) for label, pattern in self.strong_values.items()}

    def fields(self, text: str) -> list[tuple[str, str]] | None:
        """The (label, value) pairs if the whole line is fields, else None."""
        if len(text) > _MAX_LENGTH:
            return None
        position = self._lead.match(text).end()
        found: list[tuple[str, str]] = []
        while position < len(text):
            match = self._field.match(text, position)
            if match is None or match.end() == position:
                return None
            found.append((match.group("label"), match.group("value").strip()))
            position = match.end()
            if _TRAILING.match(text, position):
                break
        return found or None

    def is_info_line(self, text: str) -> bool:
        found = self.fields(text)
        if not found:
            return False
        if len(found) >= 2:
            return True
        label, value = found[0]
        if label in self.strong:
            return bool(value)
        pattern = self._values.get(label)
        return bool(pattern and pattern.fullmatch(value))
