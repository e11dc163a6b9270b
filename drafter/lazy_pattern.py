"""A regular expression compiled the first time it is used.

Rules that look for rare things (a compilation's part marks, a news dateline, a table of
contents) test a cheap condition first; most documents never reach their pattern, so
`drafter parse` should not pay for compiling it at start-up.
"""
from __future__ import annotations

import re


class LazyPattern:
    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags, self._compiled = source, flags, None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def match(self, text: str, *args):
        return self.compiled.match(text, *args)

    def search(self, text: str, *args):
        return self.compiled.search(text, *args)

    def sub(self, replacement, text: str, count: int = 0) -> str:
        return self.compiled.sub(replacement, text, count)

    def findall(self, text: str, *args):
        return self.compiled.findall(text, *args)
