"""The corpus folder: which files are mined, and their content hashes."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError

SUFFIXES = (".txt", ".docx")


@dataclass(frozen=True)
class CorpusFile:
    path: Path      # where to read it
    name: str       # path inside the corpus folder, with /, as shown in examples
    digest: str     # hash of the bytes: the cache key


def corpus_files(folder: Path) -> list[Path]:
    """Every .txt and .docx under the folder, in a stable order; hidden files,
    hidden folders and Word lock files (~$…) are left out."""
    if not folder.exists():
        raise DrafterError("范文库目录不存在", path=str(folder))
    if not folder.is_dir():
        raise DrafterError("范文库路径不是目录", path=str(folder))
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                continue
            found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def hash_files(folder: Path, paths: list[Path]) -> tuple[list[CorpusFile], list[tuple[str, str]]]:
    """Hash every file; unreadable ones come back as (name, reason) instead."""
    files, failed = [], []
    for path in paths:
        name = path.relative_to(folder).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            failed.append((name, f"无法读取（{exc.strerror or exc}）"))
            continue
        files.append(CorpusFile(path, name, content_hash(data)))
    return files, failed
