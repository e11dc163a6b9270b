"""The one YAML writer: a tree of values with comments as YAML text.

Fill files (`drafter init`, `drafter extract`, the web workbench) are written
here, by hand, because they carry Chinese comments beside and above their keys
(PyYAML cannot write comments). A string is written plain when a YAML reader
is certain to read it back as the same string (most Chinese text), and as a
double-quoted scalar with escapes otherwise, so no text from a document
(: # “” ' " {{ }} - * & ! leading markers, control characters) can change the
file's structure; `plain_value` gives what a reader must read back.

Bank files (`drafter mine`) are plain data under a comment header: `dump_data`.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Union

import yaml

from drafter.characters import terminal_width
from drafter.yaml_reader import LocatedDict, LocatedList

INDENT = 2
COMMENT_WIDTH = 70  # characters per comment line before wrapping at a clause

Value = Union[str, int, _dt.date, None, list["Commented"], dict[str, "Commented"]]


BLANK = None  # in Commented.comments: an empty line instead of a comment line
INLINE_COLUMN = 24  # where a comment beside a key starts (CJK characters take two columns)


@dataclass
class Commented:
    """A value with comment lines written above it (None: an empty line), a comment
    beside its key, and whether it is written commented out (an optional key
    shown as an example: `# title: …`)."""

    value: Value
    comments: list[str | None] = field(default_factory=list)
    inline: str = ""
    disabled: bool = False


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


_PLAIN_FORBIDDEN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@`")
_RESOLVER = yaml.resolver.Resolver()


def plain_safe(text: str) -> bool:
    """A YAML reader is certain to read `text` written plain (unquoted) back as the
    same string: nothing that starts a structure, a comment or another type."""
    if not text or text != text.strip() or text[0] in _PLAIN_FORBIDDEN_FIRST or text.startswith("..."):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if any(char in _ESCAPED or not _printable(char) for char in text):
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # never written, but a bool must not pass as int
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value)
    return text if plain_safe(text) else quote(text)


def _comment_lines(comments: list[str | None], indent: int) -> list[str]:
    lines = []
    for comment in comments:
        if comment is BLANK:
            lines.append("")
            continue
        for line in wrap_comment(comment):
            lines.append(" " * indent + ("# " + line if line else "#"))
    return lines


def _with_inline(code: str, node: Commented) -> str:
    """`code` with the node's comment beside it, aligned at INLINE_COLUMN; the whole
    line commented out for a disabled node."""
    if node.disabled:
        code = code[:len(code) - len(code.lstrip())] + "# " + code.lstrip()
    if not node.inline:
        return code
    return f"{code}{' ' * max(2, INLINE_COLUMN - terminal_width(code))}# {comment_safe(node.inline)}"


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
        key = scalar(key)
        if _is_block(node.value):
            lines.append(_with_inline(f"{pad}{key}:", node))
            lines += render_block(node.value, indent + INDENT)
        elif isinstance(node.value, (list, dict)):
            lines.append(_with_inline(f"{pad}{key}: {_empty_block(node.value)}", node))
        else:
            text = scalar(node.value)
            lines.append(_with_inline(f"{pad}{key}:{' ' + text if text else ''}", node))
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


def render_document(root: dict[str, Commented], header: list[str | None], *, blank_between: bool = True) -> str:
    """The whole file: header comments, then the top-level keys (with a blank line between)."""
    lines = _comment_lines(header, 0) + [""]
    lines += render_mapping(root, 0, blank_between=blank_between)
    return "\n".join(lines) + "\n"


def plain_value(node: Commented | Value) -> Any:
    """The tree without comments (and without disabled keys): what a reader must give back."""
    value = node.value if isinstance(node, Commented) else node
    if isinstance(value, dict):
        return {key: plain_value(child) for key, child in value.items()
                if not (isinstance(child, Commented) and child.disabled)}
    if isinstance(value, list):
        return [plain_value(child) for child in value]
    return value


def value_lines(text: str, root: dict[str, Commented]) -> dict[int, int]:
    """Where each value of `root` is written in `text` (its rendering): id(Commented)
    -> 1-based line of its key (in a mapping) or of its `- ` (in a list)."""
    from drafter.yaml_reader import YamlSource, compose

    found: dict[int, int] = {}

    def walk(value: Value, node) -> None:
        if isinstance(value, dict) and isinstance(node, yaml.MappingNode):
            enabled = [child for child in value.values() if not child.disabled]
            for child, (key_node, value_node) in zip(enabled, node.value):
                found[id(child)] = key_node.start_mark.line + 1
                walk(child.value, value_node)
        elif isinstance(value, list) and isinstance(node, yaml.SequenceNode):
            for child, item_node in zip(value, node.value):
                found[id(child)] = item_node.start_mark.line + 1
                walk(child.value, item_node)

    walk(root, compose(YamlSource("", text, "填写文件")))
    return found


def reads_back(text: str, root: dict[str, Commented]) -> bool:
    """Whether YAML text reads back, through the one reader, as exactly the values of `root`."""
    from drafter.yaml_reader import YamlSource, compose, to_data

    source = YamlSource("", text, "填写文件")
    return to_data(compose(source), source) == plain_value(root)


# -- bank files: plain data under a comment header ----------------------------------------

class _DataDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


def _represent_str(dumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_flow_dict(dumper, value: dict):
    # small leaf mappings ({text, count}) read best on one line
    flow = all(not isinstance(v, (dict, list)) for v in value.values()) and len(value) <= 4
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=flow)


def _represent_list(dumper, value: list):
    flow = bool(value) and all(isinstance(v, str) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_DataDumper.add_representer(str, _represent_str)
_DataDumper.add_representer(list, _represent_list)
_DataDumper.add_representer(dict, _represent_flow_dict)
_DataDumper.add_representer(LocatedList, _represent_list)
_DataDumper.add_representer(LocatedDict, _represent_flow_dict)


def dump_data(header: str, body: dict) -> str:
    """A data file (a bank): header comment lines, then `body` in a stable, diffable layout."""
    return header + yaml.dump(body, Dumper=_DataDumper, allow_unicode=True, sort_keys=False, width=1000,
                              default_flow_style=False)
