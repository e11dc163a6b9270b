"""Hostile input: every command over a folder of hostile files ends with exit 0, 1 or 2,
never a traceback and never an internal error (70), within a generous time."""
from __future__ import annotations

import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import main
from hostile_files import (FILL_COMMANDS, INIT_TARGET_NAMES, TEXT_COMMANDS, chinese_numeral, fill_command_args,
                           hostile_fills, hostile_texts, init_args, init_target, mine_args, text_command_args,
                           write_hostile_folder)

HANG_GUARD = 60  # seconds per run; each takes well under one (bench/bench_hostile.py measures them)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_hostile_folder(tmp_path_factory.mktemp("hostile"))


class _Hang(Exception):
    pass


def run(args: list[str], seconds: int = HANG_GUARD):
    """The command in process, stopped by an alarm if it runs away."""
    fired = []

    def stop(_signum, _frame):
        fired.append(True)
        raise _Hang(f"ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        pytest.fail(f"hang: {args} ran longer than {seconds} s")
    return result


def _assert_clean_exit(result, args) -> None:
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output[-500:])
    assert "Traceback" not in result.output and "内部错误" not in result.output, (args, result.output[-500:])
    if not isinstance(result.exception, SystemExit) and result.exception is not None:
        raise AssertionError((args, repr(result.exception)))
    if result.exit_code == 2:
        assert result.output.strip().startswith("错误：") or "错误：" in result.output, (args, result.output[-300:])


@pytest.mark.parametrize("name", sorted(hostile_texts()))
@pytest.mark.parametrize("command", TEXT_COMMANDS)
def test_every_text_command_on_every_hostile_file(folder, tmp_path, name, command):
    args = text_command_args(command, folder / name, tmp_path)
    before = (folder / name).read_bytes()
    _assert_clean_exit(run(args), args)
    assert (folder / name).read_bytes() == before


@pytest.mark.parametrize("name", sorted(hostile_fills()))
@pytest.mark.parametrize("command", FILL_COMMANDS)
def test_every_fill_command_on_every_hostile_fill(folder, tmp_path, name, command):
    args = fill_command_args(command, folder / name, tmp_path)
    result = run(args)
    _assert_clean_exit(result, args)
    if name.startswith(("alias", "deep", "binary", "python", "a_list", "docx", "empty", "null", "huge")):
        assert result.exit_code == 2, (name, result.output[-300:])


def test_mine_over_the_whole_hostile_folder(folder, tmp_path):
    args = mine_args(folder, tmp_path)
    result = run(args, seconds=HANG_GUARD * 4)
    _assert_clean_exit(result, args)


@pytest.mark.parametrize("name", INIT_TARGET_NAMES)
def test_init_writes_into_hostile_names(tmp_path, name):
    target = init_target(tmp_path, name)
    _assert_clean_exit(run(init_args(target)), ["init"])
    assert target.exists()


@pytest.mark.parametrize("count", [99, 100, 101, 120])
@pytest.mark.parametrize("level", ["l1", "l2", "l3", "l4"])
def test_long_numbered_lists_are_read_to_the_end(folder, level, count):
    from drafter.parsing import parse_file

    doc = parse_file(folder / f"numbered_{level}_{count}.txt")
    nodes = list(doc.walk())
    assert len(nodes) == count and [n.heading for n in nodes][-1] == f"第{count}项工作"
    assert not [w for w in doc.warnings if w.code.startswith("numbering")]


@pytest.mark.parametrize("count", [99, 100, 101, 120])
def test_long_item_lists_are_read_to_the_end(folder, count):
    from drafter.parsing import parse_file
    from drafter.writers.numbering import item_prefix

    doc = parse_file(folder / f"items_{count}.txt")
    items = doc.sections[0].items
    assert len(items) == count and items[-1] == f"做好第{count}项工作。"
    assert not [w for w in doc.warnings if w.code.startswith("item")]
    assert item_prefix(count) == f"{chinese_numeral(count)}是"  # and drafter writes them back alike
