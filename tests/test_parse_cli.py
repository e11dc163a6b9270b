"""`drafter parse` on bad input, through the CLI and the API; start-up without jieba."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import drafter
from drafter.cli import main
from drafter.errors import DrafterError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOOD = CORPUS / "000_928ffb1024447432.txt"


@pytest.fixture
def bad_files(tmp_path):
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    corrupt = tmp_path / "损坏.docx"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    missing = tmp_path / "不存在.txt"
    return {"empty": empty, "binary": binary, "corrupt": corrupt, "missing": missing}


@pytest.mark.parametrize("case", ["empty", "binary", "corrupt", "missing"])
def test_bad_file_one_line_exit_2(bad_files, case):
    path = bad_files[case]
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and lines[0].startswith("错误：")
    assert "Traceback" not in result.output
    with pytest.raises(DrafterError) as raised:
        drafter.parse_file(path)
    assert str(path) in str(raised.value)


def test_good_files_still_parsed_among_bad(bad_files):
    args = ["parse", "--json", str(bad_files["empty"]), str(GOOD), str(bad_files["missing"])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [d["title"] for d in data] == ["2023年市水利局机关党委党建工作总结"]
    assert len(result.stderr.strip().splitlines()) == 2


def test_subprocess_has_no_traceback_and_exit_2(bad_files):
    run = subprocess.run([sys.executable, "-m", "drafter", "parse", str(bad_files["corrupt"])],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1


SAMPLE_FILL = Path(__file__).resolve().parent.parent / "samples" / "annual.yaml"
HEAVY_MODULES = ("jieba", "rjieba", "starlette", "uvicorn", "anyio", "drafter.web")


@pytest.mark.parametrize("args", [["--help"], ["parse", str(GOOD)], ["parse", "--json", str(GOOD)],
                                  ["draft", str(SAMPLE_FILL), "-o", "OUT"], ["serve", "--help"]])
def test_help_parse_and_draft_import_neither_jieba_nor_the_web_framework(args, tmp_path):
    """(serve --help too: the framework is loaded only when the workbench starts.)"""
    args = [str(tmp_path / "out.docx") if arg == "OUT" else arg for arg in args]
    code = ("import sys\nfrom click.testing import CliRunner\nfrom drafter.cli import main\n"
            f"result = CliRunner().invoke(main, {args!r})\nassert result.exit_code == 0, result.output\n"
            f"print([m for m in {HEAVY_MODULES!r} if m in sys.modules])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_help_is_chinese_and_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ["parse", "mine", "phrases", "skeletons", "init", "draft", "check", "extract"]:
        assert command in result.output
    assert "工作总结" in result.output
