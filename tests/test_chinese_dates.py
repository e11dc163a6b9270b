"""Dates written in Chinese numerals (二〇二四年十二月二十六日) are read everywhere:
check finds the year, extract moves them on, draft takes them and warns when a date
and the year disagree."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

import drafter
from drafter.years import document_year, parse_date
from drafter.model import Document

TEXT = ("市档案馆党支部工作总结\n今年以来，支部坚持以学促干。现将全年工作总结如下：\n一、主要工作\n全年开展主题党日12次。\n"
        "二、存在问题\n学习的系统性还不够强。\n三、下步计划\n持续深化理论武装。\n市档案馆党支部\n二〇二四年十二月二十六日\n")


@pytest.fixture
def untitled_year(tmp_path):
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_parse_date_reads_every_form():
    assert parse_date("二〇二四年十二月二十六日") == dt.date(2024, 12, 26)
    assert parse_date("二〇二五年一月八日") == dt.date(2025, 1, 8)
    assert parse_date("2024年12月26日") == parse_date("2024-12-26") == parse_date("2024.12.26") == dt.date(2024, 12, 26)
    assert parse_date("落款 二〇二四年十二月二十六日") == dt.date(2024, 12, 26)
    assert parse_date("落款 二〇二四年十二月二十六日", whole=True) is None
    assert parse_date("二〇二四年二月三十日") is None


def test_document_year_from_a_chinese_date():
    assert document_year(Document(date="二〇二四年十二月二十六日", kind="annual")) == (2024, "date")
    assert document_year(Document(date="二〇二五年一月八日", kind="annual")) == (2024, "date_previous")


def test_check_reads_the_year(untitled_year):
    assert drafter.check(untitled_year).year == 2024


def test_extract_without_year_finds_it(untitled_year, tmp_path):
    report = drafter.extract(untitled_year, tmp_path / "a.yaml")
    assert report.year == 2024
    assert yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["date"] == dt.date(2024, 12, 26)


def test_extract_with_year_moves_the_date(untitled_year, tmp_path):
    report = drafter.extract(untitled_year, tmp_path / "b.yaml", year=2025)
    text = (tmp_path / "b.yaml").read_text(encoding="utf-8")
    assert report.doc_year == 2024 and yaml.safe_load(text)["date"] == dt.date(2025, 12, 26)
    assert "原文标题和日期中没有年份" not in text and not any("没有年份" in w for w in report.warnings)


@pytest.mark.parametrize("kind, date, warned", [
    ("annual", "二〇二五年十二月二十六日", False),
    ("annual", "2026-01-08", False),          # an annual summary dated early the next year
    ("half_year", "2026-01-08", True),
    ("annual", "二〇二四年十二月二十六日", True),  # last year's date left standing
    ("annual", "2026-03-08", True),
])
def test_draft_takes_chinese_dates_and_warns_when_year_and_date_disagree(tmp_path, kind, date, warned):
    fill = tmp_path / "fill.yaml"
    fill.write_text(f"kind: {kind}\nunit: 市档案馆\nyear: 2025\ndate: {date}\nsections:\n  problems: [学习不够深入。]\n",
                    encoding="utf-8")
    report = drafter.draft(fill, tmp_path / "out.md")
    assert any("与年度 2025 不一致" in w for w in report.warnings) == warned
