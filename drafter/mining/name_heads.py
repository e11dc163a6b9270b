"""templates/name_heads.yaml: the head words of names (思想, 精神, 责任制, 学习教育 …).

A 提法 outside the lexicon is the name of a doctrine, system, policy or
campaign: a noun phrase whose last word is the head of such a name. The file
lists heads only, never 提法; the miner finds the phrases in the corpus.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter.errors import DrafterError
from drafter.yaml_reader import line_of, load_file

NAME_HEADS_FILE = "name_heads.yaml"
MIN_HEAD_LENGTH = 2


@dataclass(frozen=True)
class NameHeads:
    path: str
    heads: tuple[str, ...]  # longest first

    def head_of(self, text: str) -> str | None:
        """The longest head `text` ends with (and is longer than)."""
        for head in self.heads:
            if len(text) > len(head) and text.endswith(head):
                return head
        return None


def name_heads_path() -> Path:
    from drafter.resources import templates_dir

    return templates_dir() / NAME_HEADS_FILE


def load_name_heads(path: str | os.PathLike | None = None) -> NameHeads:
    path = Path(path) if path is not None else name_heads_path()
    try:
        info = path.stat()
    except OSError:
        raise DrafterError("提法中心语文件不存在", path=str(path)) from None
    return _load(str(path), (info.st_mtime_ns, info.st_size))


@lru_cache(maxsize=4)
def _load(path: str, _stat_key: tuple[int, int]) -> NameHeads:
    data, _source = load_file(path, "提法中心语文件")

    def fail(message: str, where: str, container=None, key=None) -> DrafterError:
        return DrafterError(f"{where}：{message}", path=path, line=line_of(container, key), key=where)

    if not isinstance(data, dict) or not isinstance(data.get("heads"), list):
        raise fail("应有 heads: 列表（每项写 head、note、source）", "heads", data, "heads" if isinstance(data, dict) else None)
    heads = []
    for index, item in enumerate(data["heads"]):
        if not isinstance(item, dict):
            raise fail("应为映射（head、note、source）", f"heads[{index}]", data["heads"], index)
        for key in ("head", "note", "source"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                found = key in item
                raise fail(f"缺少 {key}（应为文字）", f"heads[{index}].{key}", item if found else data["heads"],
                           key if found else index)
        head = item["head"].strip()
        if len(head) < MIN_HEAD_LENGTH:
            raise fail(f"中心语“{head}”太短：至少 {MIN_HEAD_LENGTH} 个字", f"heads[{index}].head", item, "head")
        heads.append(head)
    return NameHeads(path, tuple(sorted(set(heads), key=lambda h: (-len(h), h))))
