"""Click's usage errors come out as one Chinese line with exit code 2, like every bad input."""
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from drafter.cli import main


@pytest.mark.parametrize("args,expected", [
    (["draft", "samples/annual.yaml"], "错误：缺少选项 -o / --out（运行 drafter draft --help 查看用法）"),
    (["drft"], "错误：没有命令“drft”，是否应为“draft”？（运行 drafter --help 查看用法）"),
    (["parse", "--jsn", "x.txt"], "错误：没有选项“--jsn”，是否应为“--json”？（运行 drafter parse --help 查看用法）"),
    (["parse"], "错误：缺少参数 文件（运行 drafter parse --help 查看用法）"),
    (["draft"], "错误：缺少参数 填写文件（运行 drafter draft --help 查看用法）"),
    (["check"], "错误：缺少参数 文件（运行 drafter check --help 查看用法）"),
    (["extract", "-o", "x.yaml"], "错误：缺少参数 原文（运行 drafter extract --help 查看用法）"),
    (["--bogus"], "错误：没有选项“--bogus”（运行 drafter --help 查看用法）"),
    (["extract", "a.txt", "b.txt", "-o", "x.yaml"], "错误：多余的参数：b.txt（运行 drafter extract --help 查看用法）"),
    (["draft", "a.yaml", "-o"], "错误：选项 -o 后面需要写一个值（运行 drafter --help 查看用法）"),
])
def test_usage_errors_in_chinese(args, expected):
    result = CliRunner().invoke(main, args, prog_name="drafter")
    assert result.exit_code == 2
    assert result.stderr.strip() == expected
    assert "Usage:" not in result.output and "Traceback" not in result.output


def test_bad_option_value_names_the_option():
    result = CliRunner().invoke(main, ["mine", "--jobs", "0"])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith("错误：-j / --jobs 的值无效：") and "\n" not in line


def test_installed_command_prints_one_line():
    run = subprocess.run([sys.executable, "-m", "drafter", "init", "--kind", "annual"], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == "错误：缺少选项 -o / --out（运行 drafter init --help 查看用法）\n"


def test_help_and_version_still_work():
    assert CliRunner().invoke(main, ["--help"]).exit_code == 0
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("drafter ")


# An upper-case ASCII word where a help screen names a value: click's PATH, TEXT, INTEGER RANGE, FILES …
_ENGLISH_METAVAR = re.compile(r"(?<![A-Za-z0-9_/.-])[A-Z][A-Z_]+(?![A-Za-z0-9_])")


@pytest.mark.parametrize("command", [[]] + [[name] for name in main.commands], ids=lambda c: " ".join(c) or "drafter")
def test_help_screens_are_chinese_throughout(command):
    """Not only our text: click's own words (Usage, Options, Commands, required,
    Show this message and exit.) are Chinese too, and so is every metavar."""
    result = CliRunner().invoke(main, [*command, "--help"], prog_name="drafter")
    assert result.exit_code == 0
    assert result.output.startswith("用法：drafter ")
    assert "选项：" in result.output and "显示本帮助并退出。" in result.output
    english = ("Usage", "Options", "Commands", "Show this", "required]", "default:", "[OPTIONS]")
    assert not [word for word in english if word in result.output]
    if not command:
        assert "命令：" in result.output and "显示版本号并退出。" in result.output
    lines = result.output.splitlines()
    # the usage line, and each option's names and metavar (the column before its help text)
    named = [lines[0]] + [re.split(r" {2,}", line.strip(), maxsplit=1)[0] for line in lines
                          if line.startswith("  -")]
    assert not [word for text in named for word in _ENGLISH_METAVAR.findall(text)], named
    # nor does the help text name an argument or option value the English way (读取 CORPUS_DIR …)
    params = main.commands[command[0]].params if command else main.params
    assert not [p.name for p in params if re.search(rf"(?<![A-Za-z_]){p.name.upper()}(?![A-Za-z_])", result.output)]


def test_help_columns_line_up_in_a_terminal():
    """Chinese metavars take two terminal columns a character: the help texts still start in one column."""
    from drafter.characters import terminal_width

    output = CliRunner().invoke(main, ["phrases", "--help"], prog_name="drafter").output
    rows = [line for line in output.splitlines() if line.startswith("  -")]
    starts = {terminal_width(re.match(r"(\s*-\S*(?:,? -\S+)*(?: \S+)?\s+)", row).group(1)) for row in rows}
    assert len(rows) > 5 and len(starts) == 1, rows
