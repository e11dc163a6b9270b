"""Smaller defects of hostile or careless input: every message in Chinese, a bank of
the wrong shape refused, empty list items said, jieba's cache kept quiet and private."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import drafter
from drafter.cli import main
from drafter.errors import os_reason
from bank_files import write_bank

ROOT = Path(__file__).resolve().parent.parent
SKELETON = "version: 1\nskeletons:\n- kind: annual\n  sections:\n  - {role: achievements}\n"


@pytest.mark.parametrize("args, expected", [
    (["phrases", "--top", "0"], "“0”应是不小于 1 的整数"),
    (["mine", "--jobs", "0"], "“0”应是 1 到 64 之间的整数"),
    (["mine", "--jobs", "两个"], "“两个”不是整数"),
    (["mine", "--tokenizer", "hanlp"], "“hanlp”不是可选的值"),
])
def test_click_value_errors_are_chinese(args, expected):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and expected in result.output
    assert result.output.count("\n") == 1 and not any(word in result.output for word in ("is not", "range", "valid"))


def test_os_errors_are_chinese():
    assert os_reason(PermissionError(13, "Permission denied")) == "没有权限"
    assert os_reason(OSError(28, "No space left on device")) == "磁盘空间不足"


def test_an_unreadable_file_is_said_in_chinese(tmp_path, monkeypatch):
    path = tmp_path / "s.txt"
    path.write_text("标题\n正文。\n", encoding="utf-8")

    def refuse(self):  # as for a user without read permission (the tests may run as root)
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2 and "没有权限" in result.output and "Permission" not in result.output


@pytest.mark.parametrize("phrases", ["version: 1\nentries:\n- {text: 三会一课}\n", "version: 1\n"])
def test_a_phrase_bank_of_the_wrong_shape_is_bad_input(tmp_path, phrases):
    bank = write_bank(tmp_path / "bank", SKELETON, phrases)
    result = CliRunner().invoke(main, ["phrases", "--bank", str(bank)])
    assert result.exit_code == 2 and "phrases.yaml" in result.output and "没有符合条件的条目" not in result.output


def test_year_errors_name_the_real_range(tmp_path):
    for year in ("1948", "2101", "9999"):
        result = CliRunner().invoke(main, ["check", str(ROOT / "samples" / "annual.yaml"), "--year", year])
        assert result.exit_code == 2 and "1949—2100" in result.output


def test_empty_point_items_are_said(tmp_path):
    fill = tmp_path / "fill.yaml"
    fill.write_text("kind: annual\nunit: 市档案馆\nyear: 2025\nsections:\n  problems:\n    points:\n"
                    "      - 学习不够深入。\n      -\n      - 融合不够。\n", encoding="utf-8")
    report = drafter.draft(fill, tmp_path / "out.md")
    assert any("第 8 行" in w and "空的" in w for w in report.warnings)
    assert "融合不够" in (tmp_path / "out.md").read_text(encoding="utf-8")


def test_hints_quote_paths_with_spaces(tmp_path):
    result = CliRunner().invoke(main, ["init", "--kind", "annual", "-o", str(tmp_path / "我的 总结.yaml")])
    assert result.exit_code == 0 and f"drafter draft '{tmp_path / '我的 总结.yaml'}'" in result.output
    extract = CliRunner().invoke(main, ["extract", str(ROOT / "corpus" / "000_928ffb1024447432.txt"),
                                        "-o", str(tmp_path / "去年 总结.yaml")])
    assert f"drafter draft '{tmp_path / '去年 总结.yaml'}'" in extract.output


def test_jieba_keeps_its_cache_in_drafters_folder_and_never_prints_a_traceback(tmp_path):
    cache = tmp_path / "cache"
    (cache / "jieba" / "jieba.cache").mkdir(parents=True)  # a cache it can neither read nor replace
    code = ("from drafter.mining.tokenizer import load_tokenizer; "
            "print(load_tokenizer(['三会一课'], 'jieba').cut('落实三会一课制度'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=dict(os.environ, DRAFTER_CACHE_DIR=str(cache)))
    assert result.returncode == 0 and "三会一课" in result.stdout
    assert "Traceback" not in result.stderr and "Dump cache file failed" not in result.stderr
