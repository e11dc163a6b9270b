"""Outputs are written atomically and keep sensible permissions."""
import os
import stat

import pytest

from drafter.atomic_write import write_bytes_atomic, write_text_atomic
from drafter.errors import DrafterError


def test_new_file_follows_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "a.txt", "内容")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "内容"


def test_replacing_keeps_the_old_mode(tmp_path):
    target = tmp_path / "b.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_missing_folder_is_a_clear_error_and_leaves_no_temp(tmp_path):
    with pytest.raises(DrafterError) as raised:
        write_bytes_atomic(tmp_path / "没有" / "c.docx", b"x")
    assert "不存在" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_failure_while_writing_keeps_the_existing_file(tmp_path, monkeypatch):
    target = tmp_path / "d.docx"
    target.write_bytes(b"precious")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(DrafterError):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["d.docx"]
