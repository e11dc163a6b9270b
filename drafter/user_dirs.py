"""Where drafter keeps per-user files, by each system's convention."""
from __future__ import annotations

import os
import sys
from pathlib import Path

CACHE_VARIABLE = "DRAFTER_CACHE_DIR"


def cache_dir() -> Path:
    """$DRAFTER_CACHE_DIR, else the user cache folder: %LOCALAPPDATA%\\drafter\\Cache on
    Windows, ~/Library/Caches/drafter on macOS, $XDG_CACHE_HOME/drafter (~/.cache/drafter)
    elsewhere. Everything in it can be deleted at any time."""
    configured = os.environ.get(CACHE_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "drafter" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "drafter"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "drafter"
