"""Shared fixtures: where the seed corpus lives and which files it holds.

Every test runs with its own user folders (cache and data, so the user's bank),
never the real ones of whoever runs the suite: a mined bank there would change
what drafting and checking give.
"""
import os
import tempfile
from pathlib import Path

import pytest

_USER_FOLDERS = Path(tempfile.mkdtemp(prefix="drafter-tests-"))
os.environ["DRAFTER_DATA_DIR"] = str(_USER_FOLDERS / "data")
os.environ["DRAFTER_CACHE_DIR"] = str(_USER_FOLDERS / "cache")

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_NAMES = sorted(p.name for p in CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return [CORPUS / name for name in SEED_NAMES]
