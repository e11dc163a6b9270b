"""A small phrase bank written for a test: skeletons.yaml and, if given, phrases.yaml."""
from __future__ import annotations

from pathlib import Path


def write_bank(folder: Path, skeletons: str, phrases: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "skeletons.yaml").write_text(skeletons, encoding="utf-8")
    if phrases is not None:
        (folder / "phrases.yaml").write_text(phrases, encoding="utf-8")
    return folder
