"""Outputs are written atomically, keep sensible permissions and never replace a read-only file."""
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.atomic_write import write_bytes_atomic, write_text_atomic
from drafter.cli import main
from drafter.errors import DrafterError

ROOT = Path(__file__).resolve().parent.parent


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


READ_ONLY = 0o444


def _locked(path: Path, content: bytes = b"old") -> Path:
    path.write_bytes(content)
    path.chmod(READ_ONLY)
    return path


def test_a_read_only_file_is_never_replaced(tmp_path):
    target = _locked(tmp_path / "locked.docx")
    with pytest.raises(DrafterError, match="文件只读"):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old" and stat.S_IMODE(target.stat().st_mode) == READ_ONLY
    assert [p.name for p in tmp_path.iterdir()] == ["locked.docx"]  # no temp file left


def _commands(tmp_path: Path) -> dict[str, tuple[list[str], Path]]:
    samples = ROOT / "samples"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "000_928ffb1024447432.txt", corpus)
    (tmp_path / "bank").mkdir()
    return {
        "draft": (["draft", str(samples / "annual.yaml"), "-o", str(tmp_path / "locked.docx")], tmp_path / "locked.docx"),
        "init": (["init", "--kind", "annual", "-o", str(tmp_path / "locked.yaml"), "--force"], tmp_path / "locked.yaml"),
        "extract": (["extract", str(corpus / "000_928ffb1024447432.txt"), "-o", str(tmp_path / "last.yaml"), "--force"],
                    tmp_path / "last.yaml"),
        "mine": (["mine", str(corpus), "-o", str(tmp_path / "bank"), "--cache-dir", str(tmp_path / "cache"), "-j", "1"],
                 tmp_path / "bank" / "phrases.yaml"),
    }


@pytest.mark.parametrize("command", ["draft", "init", "extract", "mine"])
def test_every_command_that_writes_refuses_a_read_only_file(tmp_path, command):
    args, target = _commands(tmp_path)[command]
    _locked(target)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "文件只读" in result.output, result.output
    assert target.read_bytes() == b"old"
