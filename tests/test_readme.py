"""README.md stays true: its two commands come first, and its fill example drafts."""
import re
from pathlib import Path

import drafter
from drafter.parsing import parse_file

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    first_block = re.search(r"```\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(first_block) == 2
    assert "drafter draft samples/annual.yaml" in first_block[0] and ".docx" in first_block[0]
    assert "pytest" in first_block[1]
    assert all(line.startswith("python3 -m venv .venv") for line in first_block)


def test_readme_fill_example_drafts_as_described(tmp_path):
    example = re.search(r"```yaml\n(.*?)```", README, re.S).group(1)
    fill = tmp_path / "example.yaml"
    fill.write_text(example, encoding="utf-8")
    drafter.draft(fill, tmp_path / "example.docx")
    doc = parse_file(tmp_path / "example.docx")
    assert [s.role for s in doc.sections] == ["achievements", "problems", "causes", "plans"]
    assert doc.sections[1].items == ["理论学习的系统性还不够强。", "党建与业务融合还有差距。"]
    assert doc.sections[3].heading == "2026年工作计划"
    assert doc.sections[2].paragraphs[0].startswith("【待补充】")
    assert doc.date == "2025年12月26日"
