"""What `drafter draft` tells the user afterwards: a short Chinese summary."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from drafter.drafting.formats import format_label
from drafter.vocabulary import KINDS
from drafter.model import Document


@dataclass
class DraftReport:
    path: Path
    fmt: str
    document: Document
    sections: int = 0          # level-1 sections
    characters: int = 0        # written text, without the 【待补充】 hints
    gaps: list[str] = field(default_factory=list)          # headings of sections left empty
    placeholders: list[str] = field(default_factory=list)  # X, XX, ×××, 某某 … left in the text
    warnings: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        kind = KINDS.label(self.document.kind)
        parts = [f"已生成 {self.path}（{kind}，{format_label(self.fmt)}）：一级标题 {self.sections} 个，"
                 f"正文 {self.characters} 字"]
        if self.gaps:
            parts.append(f"待补充 {len(self.gaps)} 处（{_listing(self.gaps)}）")
        else:
            parts.append("待补充 0 处")
        if self.placeholders:
            counts = Counter(self.placeholders)
            shown = _listing([f"{text}×{n}" if n > 1 else text for text, n in counts.most_common()])
            parts.append(f"占位符 {len(self.placeholders)} 处（{shown}），请补全")
        else:
            parts.append("占位符 0 处")
        return "；".join(parts) + "。"


def _listing(values: list[str], limit: int = 5) -> str:
    shown = "、".join(values[:limit])
    return shown + (f" 等 {len(values)} 项" if len(values) > limit else "")
