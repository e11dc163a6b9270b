"""Write output files atomically: a temp file in the same folder, then rename.

A failure half-way never leaves a half-written file or damages an existing one.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, os_reason


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DrafterError(f"无法写入输出文件：目录“{folder}”不存在", path=str(target))
    refuse_read_only(target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DrafterError(f"无法写入输出文件（{os_reason(exc)}）", path=str(target)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if target.is_dir():
            raise DrafterError("无法写入输出文件：该路径是一个目录", path=str(target))
        os.chmod(temp_name, _mode_for(target))
        os.replace(temp_name, target)
    except OSError as exc:
        _discard(temp_name)
        raise DrafterError(f"无法写入输出文件（{os_reason(exc)}）", path=str(target)) from None
    except BaseException:
        _discard(temp_name)
        raise


def refuse_read_only(target: Path) -> None:
    """A file marked read-only is not replaced, as Word refuses to save over it. The
    mode bits are checked, not the permission: as root (or an administrator) the
    rename would succeed anyway."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # no such file yet
    if stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise DrafterError("文件只读，不能覆盖；请换一个文件名，或先取消该文件的只读属性", path=str(target))


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file follows the umask (mkstemp gives 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _discard(temp_name: str) -> None:
    try:
        os.unlink(temp_name)
    except OSError:
        pass
