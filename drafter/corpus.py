"""The corpus folder, seen the same way by `drafter mine` and `drafter check`:
which files belong to it, their content hashes, and a hash of drafter's own
code for caches whose content depends on it.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.errors import DrafterError, os_reason

SUFFIXES = (".txt", ".docx")
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CorpusFile:
    path: Path      # where to read it
    name: str       # path inside the corpus folder, with /, as shown in examples and findings
    digest: str     # content hash of the bytes


def corpus_files(folder: str | os.PathLike) -> list[Path]:
    """Every .txt and .docx under the folder and its subfolders, in a stable order
    (by path inside the folder); hidden files, hidden folders and Word lock files
    (~$…) are left out."""
    folder = Path(folder)
    if not folder.exists():
        raise DrafterError("范文库目录不存在", path=str(folder))
    if not folder.is_dir():
        raise DrafterError("范文库路径不是目录", path=str(folder))
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "~$")))
        for name in files:
            if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                continue
            found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def content_hash(data: bytes) -> str:
    """The one content hash of drafter's caches (fast, and long enough never to collide)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_hash(path: Path) -> str:
    """content_hash of a file, read in blocks; "" when it cannot be read."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def hash_files(folder: str | os.PathLike, paths: list[Path]) -> tuple[list[CorpusFile], list[tuple[str, str]]]:
    """Hash every file; unreadable ones come back as (name, reason) instead."""
    folder = Path(folder)
    files, failed = [], []
    for path in paths:
        name = path.relative_to(folder).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            failed.append((name, f"无法读取（{os_reason(exc)}）"))
            continue
        files.append(CorpusFile(path, name, content_hash(data)))
    return files, failed


def code_id(parts: Iterable[str]) -> str:
    """A hash of drafter's source files under `parts` (modules or folders, relative
    to the package): a cache built by other code is stale."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        path = _PACKAGE / part
        if not path.exists():  # a module moved and this list not told: the cache would never go stale
            raise ValueError(f"code_id: drafter/{part} does not exist")
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            try:
                digest.update(file.relative_to(_PACKAGE).as_posix().encode() + file.read_bytes())
            except OSError:
                pass
    return digest.hexdigest()
