"""Hostile input: every command over a folder of hostile files ends with exit 0, 1 or 2,
never a traceback and never an internal error (70), within a generous time."""
from __future__ import annotations

import signal
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import drafter
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
    # check reads 一百、 and （一百） in the same style as 一、 and （一）
    report = drafter.check(folder / f"numbered_{level}_{count}.txt")
    assert not [f for f in report.findings if f.rule == "numbering"], report.render()


@pytest.mark.parametrize("count", [99, 100, 101, 120])
def test_long_item_lists_are_read_to_the_end(folder, count):
    from drafter.parsing import parse_file
    from drafter.writers.numbering import item_prefix

    doc = parse_file(folder / f"items_{count}.txt")
    items = doc.sections[0].items
    assert len(items) == count and items[-1] == f"做好第{count}项工作。"
    assert not [w for w in doc.warnings if w.code.startswith("item")]
    assert item_prefix(count) == f"{chinese_numeral(count)}是"  # and drafter writes them back alike


# Peak memory (kB) of a fresh process parsing a file: VmHWM starts anew with exec, unlike
# ru_maxrss, which Linux carries over from the (large) test process that forked it.
PEAK_OF_PARSE = """
import re, sys
from drafter.errors import DrafterError
from drafter.parsing import parse_file
try:
    parse_file(sys.argv[1])
except DrafterError:
    pass
print(re.search(r"VmHWM:\\s*(\\d+)", open("/proc/self/status").read()).group(1))
"""


def test_docx_attacks_are_opened_and_refused_or_read_safely(folder):
    """The .docx attacks are complete packages (Word would open them), so the reader
    really meets the bomb, the external entity and the deep nesting."""
    import subprocess
    import sys

    bomb = run(["parse", str(folder / "zip_bomb.docx")])
    assert bomb.exit_code == 2 and "解压后超过 32 MB" in bomb.output
    # refused from the zip's directory: the 300 MB part is never inflated (peak memory of a fresh process)
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc (Linux)")
    peak = subprocess.run([sys.executable, "-c", PEAK_OF_PARSE, str(folder / "zip_bomb.docx")],
                          capture_output=True, text=True, check=True, timeout=HANG_GUARD).stdout
    assert int(peak) < 150 * 1024, f"{int(peak) // 1024} MB"
    renamed = run(["parse", str(folder / "renamed_bomb.docx")])  # the main part under another name
    assert renamed.exit_code == 2 and "解压后超过 32 MB" in renamed.output
    xxe = run(["parse", "--json", str(folder / "xxe.docx")])
    assert xxe.exit_code == 0 and "2025年工作总结" in xxe.output and "root:" not in xxe.output
    deep = run(["parse", str(folder / "deep_xml.docx")])
    assert deep.exit_code == 2 and "无法读取 .docx" in deep.output


def test_a_large_real_docx_is_still_read(tmp_path):
    """The size bounds leave room for real documents: 3,000 paragraphs and a 5 MB picture."""
    import docx

    document = docx.Document()
    document.add_paragraph("2025年工作总结")
    document.add_paragraph("一、主要工作")
    for number in range(3000):
        document.add_paragraph(f"第{number + 1}项工作按计划完成，群众满意度较高。")
    path = tmp_path / "large.docx"
    document.save(path)
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("word/media/image1.png", bytes(5 * 1024 * 1024))
    result = run(["parse", str(path)])
    assert result.exit_code == 0, result.output[-300:]
    assert "主要工作" in result.output
