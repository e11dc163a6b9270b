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


DATA_VARIABLE = "DRAFTER_DATA_DIR"


def data_dir() -> Path:
    """$DRAFTER_DATA_DIR, else the user data folder: %APPDATA%\\drafter on Windows,
    ~/Library/Application Support/drafter on macOS, $XDG_DATA_HOME/drafter
    (~/.local/share/drafter) elsewhere. What the user makes (a mined bank) lives here,
    never inside the installed package."""
    configured = os.environ.get(DATA_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    if sys.platform.startswith("win"):
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "drafter"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "drafter"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "drafter"


def user_bank_dir() -> Path:
    """Where `drafter mine` writes the user's bank, and where an office edits it."""
    return data_dir() / "bank"
