"""Console output never crashes on the console's encoding, and a bug in drafter has
its own exit code and message (never a traceback)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "annual.yaml"
BULLET_TEXT = ("2025年市档案馆党支部工作总结\n"
               "今年以来，支部坚持以学促干。现将2025年工作总结如下：\n"
               "一、主要工作\n• 全年开展主题党日12次😀，落实“三会一课”制度。\n"
               "二、存在问题\n学习的系统性还不够强。\n"
               "三、2026年工作计划\n持续深化理论武装。\n")


def run_gbk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="gbk")
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, env=env, cwd=cwd)


@pytest.fixture
def bullet_file(tmp_path):
    path = tmp_path / "带符号.txt"
    path.write_text(BULLET_TEXT, encoding="utf-8")
    return path


def test_parse_json_on_a_gbk_console_escapes_what_gbk_cannot_hold(bullet_file):
    result = run_gbk("parse", "--json", str(bullet_file))
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    text = result.stdout.decode("gbk")
    data = json.loads(text)
    assert "\\u2022" in text and "\\ud83d\\ude00" in text  # • and 😀 escaped, the rest as is
    assert "全年开展主题党日" in text
    items = [p for s in data["sections"] for p in s["paragraphs"] + s["items"]]
    assert any("•" in p and "😀" in p for p in items)


def test_parse_and_check_text_on_a_gbk_console_replace_visibly(bullet_file):
    for args in (["parse", str(bullet_file)], ["check", str(bullet_file)], ["check", "--json", str(bullet_file)]):
        result = run_gbk(*args)
        assert result.returncode in (0, 1), (args, result.stderr.decode("gbk", "replace"))
        assert "内部错误" not in result.stderr.decode("gbk", "replace")
        result.stdout.decode("gbk")  # what was written is GBK


def test_draft_from_an_emoji_file_name_on_a_gbk_console(tmp_path):
    fill = tmp_path / "😀填写.yaml"
    shutil.copy(SAMPLE, fill)
    result = run_gbk("draft", str(fill), "-o", str(tmp_path / "😀总结.docx"))
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    assert (tmp_path / "😀总结.docx").stat().st_size > 0
    assert "已生成" in result.stdout.decode("gbk") and "?" in result.stdout.decode("gbk")


def test_an_internal_error_exits_70_with_one_line_asking_for_a_report(monkeypatch, tmp_path):
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli.api, "parse_documents", broken)  # what `drafter parse` calls
    monkeypatch.delenv("DRAFTER_DEBUG", raising=False)
    path = tmp_path / "a.txt"
    path.write_text("标题\n正文。\n", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["parse", str(path)])
    assert result.exit_code == 70
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "内部错误" in lines[0] and "ZeroDivisionError" in lines[0]
    assert "报告" in lines[0] and "Traceback" not in result.output


def test_bad_input_still_exits_2(tmp_path):
    result = CliRunner().invoke(cli.main, ["parse", str(tmp_path / "无此文件.txt")])
    assert result.exit_code == 2 and result.output.count("\n") == 1
