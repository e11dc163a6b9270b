"""A progress bar on stderr for long mining runs (only when asked for)."""
from __future__ import annotations

import sys
import time

_WIDTH = 30


class Progress:
    """Redraws at most ten times a second; silent when disabled. A listener
    (label, done, total) is told at the same pace (the web workbench's progress bar)."""

    def __init__(self, enabled: bool, stream=None, listener=None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.listener = listener
        self.label = ""
        self.total = 0
        self.done = 0
        self._drawn = 0.0
        self._open = False

    def start(self, label: str, total: int) -> None:
        self.finish()
        self.label, self.total, self.done = label, total, 0
        self._draw(force=True)

    def advance(self, step: int = 1) -> None:
        self.done += step
        self._draw(force=self.done >= self.total)

    def set(self, done: int) -> None:
        self.done = done
        self._draw(force=self.done >= self.total)

    def finish(self) -> None:
        if self.enabled and self._open:
            self.stream.write("\n")
            self.stream.flush()
        self._open = False

    def _draw(self, force: bool = False) -> None:
        if not (self.enabled or self.listener) or self.total <= 0:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.1:
            return
        self._drawn = now
        if self.listener is not None:
            self.listener(self.label, min(self.done, self.total), self.total)
        if not self.enabled:
            return
        filled = int(_WIDTH * min(self.done, self.total) / self.total)
        bar = "█" * filled + "░" * (_WIDTH - filled)
        self.stream.write(f"\r{self.label} {bar} {self.done}/{self.total}")
        self.stream.flush()
        self._open = True
