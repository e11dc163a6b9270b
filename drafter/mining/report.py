"""What a mining run did, summed up in Chinese."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.vocabulary import KINDS, TYPES


@dataclass
class MineReport:
    corpus_dir: Path
    out_dir: Path
    cache_dir: Path | None = None
    tokenizer: str = ""
    documents: int = 0          # documents mined
    parsed: int = 0             # of which parsed in this run (the others came from the cache)
    parsed_names: set[str] = field(default_factory=set, repr=False)  # files parsed in this run
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    kinds: dict[str, int] = field(default_factory=dict)
    entries: dict[str, int] = field(default_factory=dict)         # phrase type → entries written
    skeleton_kinds: list[str] = field(default_factory=list)
    up_to_date: bool = False    # nothing changed since the last run: banks rewritten from the cache
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)

    @property
    def reused(self) -> int:
        return self.documents - self.parsed

    def to_dict(self) -> dict:
        return {
            "corpus_dir": str(self.corpus_dir), "out_dir": str(self.out_dir),
            "cache_dir": str(self.cache_dir) if self.cache_dir else None, "tokenizer": self.tokenizer,
            "documents": self.documents, "parsed": self.parsed, "reused": self.reused,
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "kinds": dict(self.kinds), "entries": dict(self.entries),
            "skeleton_kinds": list(self.skeleton_kinds), "up_to_date": self.up_to_date,
            "seconds": round(self.seconds, 3), "timings": {k: round(v, 3) for k, v in self.timings.items()},
            "written": [str(p) for p in self.written],
        }

    def __str__(self) -> str:
        lines = []
        if self.up_to_date:
            lines.append(f"范文库未变化：{self.documents} 篇范文，语库已由缓存重新写出。")
        else:
            lines.append(f"已从 {self.documents} 篇范文提炼语库（新解析 {self.parsed} 篇，"
                         f"复用缓存 {self.reused} 篇）。")
        if self.skipped:
            lines.append(f"跳过 {len(self.skipped)} 个无法读取的文件（见上方警告）。")
        if self.kinds:
            kinds = "、".join(f"{KINDS.label(k)} {n} 篇" for k, n in self.kinds.items())
            lines.append(f"文稿类型：{kinds}。")
        if self.written:
            skeletons = "、".join(KINDS.label(k) for k in self.skeleton_kinds) or "无"
            lines.append(f"结构骨架：{skeletons} → {self.written[0]}")
            entries = "、".join(f"{TYPES.label(t)} {n} 条" for t, n in self.entries.items())
            lines.append(f"常用语库：{entries} → {self.written[1] if len(self.written) > 1 else ''}")
        where = f"；缓存：{self.cache_dir}" if self.cache_dir else ""
        tokenizer = f"分词：{self.tokenizer}" if self.tokenizer else ""
        lines.append(f"用时 {self.seconds:.1f} 秒（{tokenizer}{where}）。")
        return "\n".join(lines)
