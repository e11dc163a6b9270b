"""Click's usage errors come out as one Chinese line with exit code 2, like every bad input."""
import subprocess
import sys

import pytest
from click.testing import CliRunner

from drafter.cli import main


@pytest.mark.parametrize("args,expected", [
    (["draft", "samples/annual.yaml"], "错误：缺少选项 -o / --out（运行 drafter draft --help 查看用法）"),
    (["drft"], "错误：没有命令“drft”，是否应为“draft”？（运行 drafter --help 查看用法）"),
    (["parse", "--jsn", "x.txt"], "错误：没有选项“--jsn”，是否应为“--json”？（运行 drafter parse --help 查看用法）"),
    (["parse"], "错误：缺少参数 FILES（运行 drafter parse --help 查看用法）"),
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


@pytest.mark.parametrize("command", [[], ["init"], ["check"], ["mine"], ["serve"]])
def test_help_screens_are_chinese_throughout(command):
    """Not only our text: click's own words (Usage, Options, Commands, required,
    Show this message and exit.) are Chinese too."""
    result = CliRunner().invoke(main, [*command, "--help"], prog_name="drafter")
    assert result.exit_code == 0
    assert result.output.startswith("用法：drafter ")
    assert "选项：" in result.output and "显示本帮助并退出。" in result.output
    english = ("Usage", "Options", "Commands", "Show this", "required]", "default:", "[OPTIONS]")
    assert not [word for word in english if word in result.output]
    if not command:
        assert "命令：" in result.output and "显示版本号并退出。" in result.output
