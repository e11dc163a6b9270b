"""Errors about the user's input.

A `DrafterError` is shown as one line (file, line, key, message in Chinese)
and ends the command with exit code 2. Anything else is a bug in drafter:
one line asking to report it, and exit code 70 (EX_SOFTWARE).
"""
from __future__ import annotations

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70


class DrafterError(Exception):
    """Bad input: a missing, empty, binary or malformed file, an unknown key..."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.key = key

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(str(self.path))
        if self.line is not None:
            position = f"第 {self.line} 行"
            if self.column is not None:
                position += f"第 {self.column} 列"
            where.append(position)
        prefix = " ".join(where)
        return f"{prefix}：{self.message}" if prefix else self.message
