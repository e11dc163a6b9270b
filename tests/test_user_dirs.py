"""Per-user folders follow each system's convention and the override variable."""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter import user_dirs
from drafter.user_dirs import CACHE_VARIABLE, cache_dir


@pytest.fixture
def clean_environment(monkeypatch, tmp_path):
    for name in (CACHE_VARIABLE, "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    return tmp_path


def test_override_variable_wins_and_expands_the_home_folder(clean_environment, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, "~/mine")
    assert cache_dir() == clean_environment / "home" / "mine"


@pytest.mark.parametrize("platform, expected", [
    ("linux", Path("home/.cache/drafter")),
    ("darwin", Path("home/Library/Caches/drafter")),
    ("win32", Path("home/AppData/Local/drafter/Cache")),
])
def test_each_system_convention(clean_environment, monkeypatch, platform, expected):
    monkeypatch.setattr(user_dirs.sys, "platform", platform)
    assert cache_dir() == clean_environment / expected


def test_xdg_and_localappdata_are_followed(clean_environment, monkeypatch):
    monkeypatch.setattr(user_dirs.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(clean_environment / "xdg"))
    assert cache_dir() == clean_environment / "xdg" / "drafter"
    monkeypatch.setattr(user_dirs.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(clean_environment / "local"))
    assert cache_dir() == clean_environment / "local" / "drafter" / "Cache"
