"""Write a commented tree as YAML text.

The fill file is written by hand here (PyYAML cannot write comments). Every
string is a double-quoted scalar with YAML escapes, so no text from the
document (: # “” ' " {{ }} - * & ! leading markers, control characters)
can change the file's structure; `plain_value` gives what a YAML reader must
read back, and the extractor checks that it does.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Union

INDENT = 2
COMMENT_WIDTH = 70  # characters per comment line before wrapping at a clause

Value = Union[str, int, _dt.date, None, list["Commented"], dict[str, "Commented"]]


@dataclass
class Commented:
    """A value with comment lines written above it."""

    value: Value
    comments: list[str] = field(default_factory=list)


def _printable(char: str) -> bool:
    """What the YAML reader accepts anywhere in a stream (YAML 1.1 `c-printable`)."""
    code = ord(char)
    return (code in (0x09, 0x0A, 0x0D) or 0x20 <= code <= 0x7E or code == 0x85
            or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF)


# Printable, but a reader takes them as line breaks or a byte order mark.
_ESCAPED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}


def quote(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `text`."""
    out = ['"']
    for char in text:
        if char in _ESCAPED:
            out.append(_ESCAPED[char])
        elif _printable(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02X}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(f"\\U{ord(char):08X}")
    out.append('"')
    return "".join(out)


def comment_safe(text: str) -> str:
    """A comment is one line of printable characters."""
    return "".join(c if _printable(c) and c not in "\r\n\x85\u2028\u2029\ufeff" else " " for c in text).rstrip()


def wrap_comment(text: str, width: int = COMMENT_WIDTH) -> list[str]:
    """Long comments wrap after a clause (，；。), never inside a number."""
    text = comment_safe(text)
    lines, current = [], ""
    for piece in _clauses(text):
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = "  " + piece.lstrip()
        else:
            current += piece
    if current:
        lines.append(current)
    return lines or [""]


def _clauses(text: str) -> list[str]:
    pieces, start = [], 0
    for index, char in enumerate(text):
        if char in "，；。,;":
            pieces.append(text[start:index + 1])
            start = index + 1
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # never written, but a bool must not pass as int
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return quote(str(value))


def _comment_lines(comments: list[str], indent: int) -> list[str]:
    lines = []
    for comment in comments:
        for line in wrap_comment(comment):
            lines.append(" " * indent + ("# " + line if line else "#"))
    return lines


def _is_block(value: Value) -> bool:
    return isinstance(value, (list, dict)) and bool(value)


def _empty_block(value: Value) -> str:
    return "[]" if isinstance(value, list) else "{}"


def render_mapping(mapping: dict[str, Commented], indent: int = 0, *, blank_between: bool = False,
                   first_inline: bool = False) -> list[str]:
    """Lines of a block mapping. first_inline: the first key continues a `- ` line
    (its comments were already written above that line)."""
    lines: list[str] = []
    for number, (key, node) in enumerate(mapping.items()):
        inline = first_inline and number == 0
        if blank_between and number:
            lines.append("")
        if not inline:
            lines += _comment_lines(node.comments, indent)
        pad = "" if inline else " " * indent
        if _is_block(node.value):
            lines.append(f"{pad}{key}:")
            lines += render_block(node.value, indent + INDENT)
        elif isinstance(node.value, (list, dict)):
            lines.append(f"{pad}{key}: {_empty_block(node.value)}")
        else:
            text = scalar(node.value)
            lines.append(f"{pad}{key}:{' ' + text if text else ''}")
    return lines


def render_sequence(items: list[Commented], indent: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines += _comment_lines(item.comments, indent)
        pad = " " * indent
        if isinstance(item.value, dict) and item.value:
            first = next(iter(item.value.values()))
            lines += _comment_lines(first.comments, indent)
            inner = render_mapping(item.value, indent + INDENT, first_inline=True)
            lines.append(f"{pad}- {inner[0]}")
            lines += inner[1:]
        elif isinstance(item.value, list) and item.value:
            lines.append(f"{pad}-")
            lines += render_sequence(item.value, indent + INDENT)
        elif isinstance(item.value, (list, dict)):
            lines.append(f"{pad}- {_empty_block(item.value)}")
        else:
            text = scalar(item.value)
            lines.append(f"{pad}-{' ' + text if text else ''}")
    return lines


def render_block(value: Value, indent: int) -> list[str]:
    if isinstance(value, dict):
        return render_mapping(value, indent)
    return render_sequence(value, indent)


def render_document(root: dict[str, Commented], header: list[str]) -> str:
    """The whole file: header comments, then the top-level keys with a blank line between."""
    lines = _comment_lines(header, 0) + [""]
    lines += render_mapping(root, 0, blank_between=True)
    return "\n".join(lines) + "\n"


def plain_value(node: Commented | Value) -> Any:
    """The tree without comments: what yaml.safe_load must give back."""
    value = node.value if isinstance(node, Commented) else node
    if isinstance(value, dict):
        return {key: plain_value(child) for key, child in value.items()}
    if isinstance(value, list):
        return [plain_value(child) for child in value]
    return value
