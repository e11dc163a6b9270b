"""`drafter check --fix -o OUT`: a corrected copy of a .txt or .docx.

Only findings that are errors with one replacement (Finding.fixable) are applied;
everything else stays as written, and the input file is never touched. Each
change is found again in the file as written (the checked lines are cleaned: a
cut of web noise may have shifted them) by the checked line, else by the wrong
text with its context, and applied only where that place is certain. A .txt
keeps its encoding, byte-order mark and line ends, a .docx every part but the
edited paragraphs (drafter.checking.docx_edit). A fill file is refused: its
draft is made from it, so the fill file is what to correct.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.checking.findings import Finding, excerpt
from drafter.checking.report import CheckReport
from drafter.errors import DrafterError

CONTEXT_WIDTHS = (12, 8, 4, 0)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
CHANGE_KEYS = ("line", "rule", "old", "new", "text")  # of each change in `check --fix --json`


@dataclass
class Change:
    line: int
    rule: str
    old: str
    new: str
    text: str  # the line around the change, as it reads after it

    def to_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in CHANGE_KEYS}


@dataclass
class FixReport:
    path: str
    out_path: str
    report: CheckReport  # the check of the input
    changes: list[Change] = field(default_factory=list)
    not_placed: list[Finding] = field(default_factory=list)  # fixable, but not found again with certainty
    fixed: list[Finding] = field(default_factory=list, repr=False)  # the findings the changes put right

    @property
    def exit_code(self) -> int:
        return 0  # the copy is written, whatever remains to be done by hand

    @property
    def remaining(self) -> list[Finding]:
        fixed = {id(f) for f in self.fixed}
        return [f for f in self.report.findings if id(f) not in fixed]

    def to_dict(self) -> dict[str, Any]:
        return {"output": self.out_path, "changes": [change.to_dict() for change in self.changes],
                "findings": [finding.to_dict() for finding in self.remaining]}

    def render(self) -> str:
        unit = self.report.line_unit
        lines = [f"改正 {self.path}，写出 {self.out_path}："]
        for change in self.changes:
            lines.append(f"第 {change.line} {unit}  “{change.old}”→“{change.new}”  （{change.text}）")
        if not self.changes:
            lines.append("没有可以自动改正的错误，副本与原文相同。")
        for finding in self.not_placed:
            lines.append(f"第 {finding.line} {unit}  未改：无法在原文中唯一确定“{finding.wrong}”的位置，请手工改正")
        remaining = self.remaining
        errors = sum(1 for f in remaining if f.severity == "error")
        lines.append(f"共改正 {len(self.changes)} 处；其余 {len(remaining)} 个问题（其中 {errors} 个错误）"
                     f"需人工处理，可运行 drafter check 查看。")
        return "\n".join(lines)


def fix_file(subject, report: CheckReport, out_path: str | os.PathLike) -> FixReport:
    """Write the corrected copy of the checked file (its CheckSubject and report) to out_path."""
    from drafter.atomic_write import write_bytes_atomic
    from drafter.reading import read_file

    path = subject.path
    data = read_file(path).data
    fixes = [finding for finding in report.findings if finding.fixable]
    candidates = {id(finding): checked_texts(subject.lines, finding, fixes) for finding in fixes}
    result = FixReport(path=str(path), out_path=str(out_path), report=report)
    if subject.fmt == "docx":
        from drafter.checking.docx_edit import apply_to_docx

        new_data, placed = apply_to_docx(data, fixes, candidates)
    else:
        new_data, placed = _apply_to_text(data, fixes, candidates)
    for finding, text in placed:
        result.fixed.append(finding)
        result.changes.append(Change(finding.line, finding.rule, finding.wrong, finding.fix, text))
    placed_ids = {id(finding) for finding, _text in placed}
    result.not_placed = [finding for finding in fixes if id(finding) not in placed_ids]
    write_bytes_atomic(out_path, new_data)
    return result


def refuse_fill_file(path: Path) -> None:
    from drafter.checking.subject import FILL_SUFFIXES

    if path.suffix.lower() in FILL_SUFFIXES:
        raise DrafterError("填写文件不能用 --fix 改正：文稿是由填写文件起草的，请改填写文件后重新起草", path=str(path))


def check_output(path: Path, out_path: Path, force: bool = False) -> None:
    """The copy goes to another file of the same kind, and replaces an existing one only
    when `force` (as `extract` does)."""
    if out_path.suffix.lower() != path.suffix.lower():
        raise DrafterError(f"改正后的副本应与原文同为 {path.suffix or '无扩展名的'}文件", path=str(out_path))
    if out_path.is_dir():
        raise DrafterError("无法写入输出文件：该路径是一个目录", path=str(out_path))
    try:
        same = out_path.exists() and os.path.samefile(path, out_path)
    except OSError:
        same = False
    if same or out_path.resolve() == path.resolve():
        raise DrafterError("改正后的副本不能写到原文件上（原文件保持不变）：请用 -o 指定另一个文件名", path=str(out_path))
    if out_path.exists() and not force:
        raise DrafterError("文件已存在；为免覆盖其中的内容，请换一个文件名（或加 --force 覆盖）", path=str(out_path))


# -- where a change goes -------------------------------------------------------------------

def checked_texts(lines, finding: Finding, fixes: list[Finding]) -> list[str]:
    """The checked lines a finding may be about, as written: its number (a paragraph split at
    line breaks has several lines of one number) with its wrong text where it says. Where the
    reader already put text right (a masked 党 restored, the fix already in the checked line),
    the line as written had the wrong text there: every such place is put back."""
    found = []
    for line in lines:
        if line.lineno != finding.line or finding.start is None:
            continue
        if line.text[finding.start:finding.end] not in (finding.wrong, finding.fix):
            continue
        text = line.text
        for other in fixes:  # same length: the positions of the others hold
            if (other.line == line.lineno and other.start is not None and other.fix is not None
                    and other.wrong != other.fix and len(other.wrong) == len(other.fix)
                    and text[other.start:other.end] == other.fix):
                text = text[:other.start] + other.wrong + text[other.end:]
        if text[finding.start:finding.end] == finding.wrong:
            found.append(text)
    return found


def locate(raw: str, line_text: str, finding: Finding) -> int | None:
    """Where finding.wrong stands in `raw` (the line as written), or None when not certain."""
    start, end, wrong = finding.start, finding.end, finding.wrong
    if start is None or end is None or line_text[start:end] != wrong:
        return None
    if raw.count(line_text) == 1:
        return raw.index(line_text) + start
    for width in CONTEXT_WIDTHS:
        left = line_text[max(0, start - width):start]
        window = left + wrong + line_text[end:end + width]
        if raw.count(window) == 1:
            return raw.index(window) + len(left)
    return None


def apply_in_line(raw: str, placed: list[tuple[int, Finding]]) -> tuple[str, list[tuple[Finding, str]]]:
    """Apply the changes placed in one line (start in raw, finding), right to left, skipping
    any that overlaps one already made. Returns the new line and, per change, the new line around it."""
    done: list[tuple[Finding, int, int]] = []
    taken: list[tuple[int, int]] = []
    for at, finding in sorted(placed, key=lambda item: item[0]):
        span = (at, at + len(finding.wrong))
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        taken.append(span)
        done.append((finding, *span))
    new = raw
    for finding, a, b in sorted(done, key=lambda item: item[1], reverse=True):
        new = new[:a] + finding.fix + new[b:]
    shown = []
    shift = 0
    for finding, a, b in sorted(done, key=lambda item: item[1]):
        start = a + shift
        shift += len(finding.fix) - (b - a)
        shown.append((finding, excerpt(new, start, start + len(finding.fix), width=12)))
    return new, shown


# -- .txt ------------------------------------------------------------------------------------

_BOMS = {"utf-8-sig": (b"\xef\xbb\xbf", "utf-8"), "utf-16-le": (b"\xff\xfe", "utf-16-le"),
         "utf-16-be": (b"\xfe\xff", "utf-16-be"), "utf-32-le": (b"\xff\xfe\x00\x00", "utf-32-le"),
         "utf-32-be": (b"\x00\x00\xfe\xff", "utf-32-be")}


def _apply_to_text(data: bytes, fixes: list[Finding],
                   candidates: dict[int, list[str]]) -> tuple[bytes, list[tuple[Finding, str]]]:
    from drafter.reading import decode_text

    text, codec = decode_text(data)
    prefix, body_codec = b"", codec
    if codec in _BOMS and data.startswith(_BOMS[codec][0]):
        prefix, body_codec = _BOMS[codec]
    encoded = prefix + text.encode(body_codec, errors="strict")
    if not data.startswith(encoded):
        raise DrafterError("这个文件的编码无法原样写回（文件中有损坏的字节），不能自动改正；请先另存为 UTF-8 编码")
    tail = data[len(encoded):]  # an end-of-file mark or a cut-off character, kept as it was
    pieces = _LINE_BREAK.split(text)
    breaks = _LINE_BREAK.findall(text)
    placed_by_line: dict[int, list[tuple[int, Finding]]] = {}
    for finding in fixes:
        number = finding.line
        if number is None or not 1 <= number <= len(pieces):
            continue
        for line_text in candidates.get(id(finding), []):
            at = locate(pieces[number - 1], line_text, finding)
            if at is not None:
                placed_by_line.setdefault(number, []).append((at, finding))
                break
    placed: list[tuple[Finding, str]] = []
    for number, items in placed_by_line.items():
        new, shown = apply_in_line(pieces[number - 1], items)
        try:
            new.encode(body_codec)
        except UnicodeEncodeError:
            continue  # a replacement this encoding cannot hold: left for the writer
        pieces[number - 1] = new
        placed += shown
    out = "".join(piece + (breaks[i] if i < len(breaks) else "") for i, piece in enumerate(pieces))
    placed.sort(key=lambda item: (item[0].line or 0, item[0].start or 0))
    return prefix + out.encode(body_codec) + tail, placed
