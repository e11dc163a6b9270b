"""The result of `drafter check`: findings, exit code, JSON and a readable list."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.checking.context import SourceShare
from drafter.checking.findings import ERROR, INFO, WARNING, Finding
from drafter.vocabulary import KINDS

EXIT_CLEAN = 0
EXIT_ERRORS = 1
SEVERITY_NAMES = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


@dataclass
class CheckReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    year: int | None = None
    kind: str = "other"
    line_unit: str = "行"  # 段 for .docx
    copied: list[SourceShare] = field(default_factory=list)
    can_fix: bool = True  # `check --fix` takes the file (a fill file is corrected by hand and drafted again)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def exit_code(self) -> int:
        return EXIT_ERRORS if self.errors else EXIT_CLEAN

    def to_dict(self) -> dict[str, Any]:
        return {"findings": [finding.to_dict() for finding in self.findings]}

    def render(self) -> str:
        from drafter.checking.rules import RULE_NAMES

        year = f"{self.year} 年" if self.year else "年份未知"
        lines = [f"检查 {self.path}（{year}，{KINDS.label(self.kind)}）"]
        for finding in self.findings:
            where = f"第 {finding.line} {self.line_unit}" if finding.line is not None else "全文"
            lines.append(f"{where}  {SEVERITY_NAMES[finding.severity]}  "
                         f"[{RULE_NAMES.get(finding.rule, finding.rule)}] {finding.message}")
            if finding.text:
                lines.append(f"    原文：{finding.text}")
            if finding.fix is not None:
                shown = f"“{finding.wrong}”→“{finding.fix}”" if finding.wrong else f"“{finding.fix}”"
                lines.append(f"    建议：{shown}" + ("（--fix 可自动改正）" if finding.fixable and self.can_fix else ""))
        if self.copied:
            lines.append("照抄比例（按范文）：")
            for share in self.copied:
                lines.append(f"    {share.source}：{share.sentences} 句，{share.chars} 字，占全文 {share.share:.1%}")
        counts = [len(self.errors), len(self.warnings), len(self.findings) - len(self.errors) - len(self.warnings)]
        if not self.findings:
            lines.append("未发现问题。")
        lines.append(f"共 {counts[0]} 个错误、{counts[1]} 个警告、{counts[2]} 个提示。")
        return "\n".join(lines)
