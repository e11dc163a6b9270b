"""What `drafter extract` tells the user afterwards: a short Chinese summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.console import shell_quote
from drafter.vocabulary import KINDS


@dataclass
class ExtractReport:
    path: Path                     # the fill file written
    source: str                    # the document read
    kind: str
    form: str                      # "mapping" or "list"
    unit: str
    unit_found: bool
    doc_year: int | None
    year: int
    renewing: bool                 # --year given: years moved, figures became X
    sections: int = 0
    subsections: int = 0
    years_moved: int = 0
    figures: list[str] = field(default_factory=list)
    removed: int = 0               # noise taken out of the document by the cleaner
    stale: int = 0                 # wordings stale in the fill's year (`# 请核对` comments)
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        kind = KINDS.label(self.kind)
        if self.renewing and self.doc_year is not None:
            years = f"{self.doc_year}年 → {self.year}年"
        else:
            years = f"{self.year}年"
        first = f"已生成填写文件 {self.path}（{kind}，{years}）：一级标题 {self.sections} 个，二级标题 {self.subsections} 个"
        parts = [first]
        if self.renewing:
            parts.append(f"年份前移 {self.years_moved} 处")
            if self.figures:
                parts.append(f"数字改为占位符 X 共 {len(self.figures)} 处（原数字见文件中的“# 原文”注释）")
            else:
                parts.append("原文中没有需要改为 X 的数字")
        else:
            parts.append("未指定 --year，文字和数字保持原样")
        if self.stale:
            parts.append(f"过时提法 {self.stale} 处（见文件中的“# 请核对”注释）")
        if not self.unit_found:
            parts.append("单位暂为“XX单位”")
        if self.removed:
            parts.append(f"原文清理杂质 {self.removed} 处")
        summary = "；".join(parts) + "。"
        return summary + f"\n填好后运行：drafter draft {shell_quote(str(self.path))} -o 总结.docx"
