"""Shared fixtures: where the seed corpus lives and which files it holds."""
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_NAMES = sorted(p.name for p in CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return [CORPUS / name for name in SEED_NAMES]
