"""The one YAML reader: fill files, bank files, the lexicon and rule lists.

Every YAML file drafter reads comes through here, so every one gets the same
treatment:
- decoded from UTF-8 (with or without BOM), UTF-16/32 with a BOM, or GB18030 as
  Windows Notepad saves it; Word, PDF and zip files refused outright;
- characters a document cannot hold stripped, with a warning per line;
- parsed by libyaml when present (the shipped bank is read on every draft), and
  a file it rejects parsed again by the pure-Python parser, whose messages are
  turned into one Chinese line with the line and column;
- refused when it is out of proportion: more than MAX_BYTES, nesting deeper than
  MAX_DEPTH, or aliases (*name) that expand past MAX_EXPANDED_NODES nodes or
  MAX_EXPANDED_CHARS characters of text (a "billion laughs" file);
- only the standard tags: !!binary, !!python/… and other tags are refused.

`compose_file` gives the node tree (the fill reader walks it to name lines and
keys as written); `load_file` gives plain data whose mappings and lists know
their lines (`Located`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.characters import XML_INVALID
from drafter.errors import DrafterError, os_reason

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_EXPANDED_NODES = 1_000_000
MAX_EXPANDED_CHARS = 5_000_000

_STANDARD = "tag:yaml.org,2002:"
STR_TAG, NULL_TAG = _STANDARD + "str", _STANDARD + "null"
_ALLOWED_TAGS = {_STANDARD + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}

# libyaml when present: several times faster.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# PyYAML's messages, in the words a user of Word understands.
_PROBLEMS = (
    ("mapping values are not allowed", "此处不能出现“键: 值”（多半是缩进不对，或值中含有“: ”需要加引号）"),
    ("found character '\\t'", "不能用 Tab 键缩进，请改用空格"),
    ("could not find expected ':'", "缺少半角冒号“:”"),
    ("found unexpected end of stream", "引号没有配对（文件在引号内结束）"),
    ("found unknown escape character", "双引号内有无法识别的反斜杠转义，请改用单引号或去掉反斜杠"),
    ("expected <block end>", "缩进不一致，请检查本行与上一级的对齐"),
    ("did not find expected key", "缩进不一致，请检查本行与上一级的对齐"),
    ("did not find expected '-' indicator", "列表项缩进不一致"),
    ("expected ',' or ']'", "方括号 [ ] 没有配对"),
    ("expected ',' or '}'", "花括号 { } 没有配对"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("found duplicate anchor", "锚点（&名称）重复"),
    ("expected alphabetic or numeric character", "“&”或“*”后应是锚点名称，如需原样使用请给值加引号"),
    ("found character that cannot start any token", "此处的字符不能作为值的开头，请给值加引号"),
    ("cannot start any token", "此处的字符不能作为值的开头（如 @ 或 `），请给值加引号"),
    ("exceeded maximum nesting depth", f"嵌套层数过多（最多 {MAX_DEPTH} 层）"),
)

# Word, WPS, PDF and zip files: refused outright, whatever their name.
_BINARY_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"{\\rtf")
_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                 (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass
class YamlSource:
    """A decoded YAML file and what was cleaned from it before parsing."""

    path: str
    text: str
    what: str  # 填写文件, 语库文件 …: how messages name the file
    warnings: list[tuple[int | None, str]] = field(default_factory=list)

    def fail(self, message: str, line: int | None = None, column: int | None = None,
             key: str | None = None) -> DrafterError:
        return DrafterError(message, path=self.path, line=line, column=column, key=key)


class LocatedDict(dict):
    """A mapping that remembers its line and the line of each key."""

    line: int | None = None
    key_lines: dict


class LocatedList(list):
    line: int | None = None
    item_lines: list


def line_of(container: Any, key: Any = None) -> int | None:
    """The line of a key (or item) of located data, else of the container itself."""
    if isinstance(container, LocatedDict):
        if key is not None and key in container.key_lines:
            return container.key_lines[key]
        return container.line
    if isinstance(container, LocatedList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return None


# -- reading the text ----------------------------------------------------------------

def scalar_text(value: Any) -> str | None:
    """A value a data file writes as text, stripped: a number counts as written (2018); None
    for anything else, or for blank text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def read_source(path: str | os.PathLike, what: str) -> YamlSource:
    """Decode the file and strip characters YAML cannot read, with a warning per line."""
    file = Path(path)
    shown = str(path)
    if not file.exists():
        raise DrafterError(f"找不到{what}", path=shown)
    if file.is_dir():
        raise DrafterError(f"这是一个目录，不是{what}", path=shown)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise DrafterError(f"{what}过大（{size // (1024 * 1024)} MB，最多 {MAX_BYTES // (1024 * 1024)} MB）",
                               path=shown)
        raw = file.read_bytes()
    except PermissionError:
        raise DrafterError(f"没有权限读取{what}", path=shown) from None
    except OSError as exc:
        raise DrafterError(f"无法读取{what}（{os_reason(exc)}）", path=shown) from None
    return source_from_bytes(raw, shown, what)


def source_from_bytes(raw: bytes, path: str, what: str) -> YamlSource:
    """As read_source, for bytes already in memory (an upload in the web workbench);
    `path` is how messages name them."""
    if len(raw) > MAX_BYTES:
        raise DrafterError(f"{what}过大（{len(raw) // (1024 * 1024)} MB，最多 {MAX_BYTES // (1024 * 1024)} MB）",
                           path=path)
    if _looks_binary(raw):
        raise DrafterError(f"这不是文本文件（可能是 Word 或其他二进制文件），{what}应是 .yaml 文本", path=path)
    source = YamlSource(path, _decode(raw, path), what)
    if XML_INVALID.search(source.text):
        lines = source.text.split("\n")
        for number, line in enumerate(lines, start=1):
            found = XML_INVALID.findall(line)
            if found:
                codes = "、".join(sorted({f"U+{ord(c):04X}" for c in found}))
                source.warnings.append((number, f"删除了 {len(found)} 个无法写入文稿的控制字符（{codes}）"))
                lines[number - 1] = XML_INVALID.sub("", line)
        source.text = "\n".join(lines)
    return source


def _looks_binary(raw: bytes) -> bool:
    """A known binary format, or many NUL bytes. A stray NUL in a text file
    (pasted from elsewhere) is a control character: stripped with a warning."""
    if raw.startswith(_BINARY_SIGNATURES):
        return True
    if raw.startswith(tuple(bom for bom, _codec in _UNICODE_BOMS)):
        return False
    head = raw[:4096]
    return head.count(0) > max(8, len(head) // 16)


def _decode(raw: bytes, shown: str) -> str:
    for bom, codec in _UNICODE_BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                raise DrafterError(f"文件以 {codec.upper()} 标记开头，但内容无法按该编码读取，请另存为 UTF-8 编码",
                                   path=shown) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise DrafterError("无法识别文件编码，请另存为 UTF-8 编码", path=shown) from None


def has_content(text: str) -> bool:
    """Anything but blank lines, comments and document markers."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


# -- parsing -----------------------------------------------------------------------------

def compose(source: YamlSource) -> yaml.Node | None:
    """The one document of the file as a node tree (None when it holds only comments),
    checked against the limits above. Syntax errors name line and column."""
    try:
        documents = list(yaml.compose_all(source.text, Loader=_FAST_LOADER))
    except (yaml.YAMLError, RecursionError):
        documents = _compose_explained(source)
    documents = [doc for doc in documents if doc is not None]
    if len(documents) > 1:
        raise source.fail(f"一个{source.what}只能有一份内容，请删除“---”分隔的第二部分",
                          line=documents[1].start_mark.line + 1)
    if not documents:
        return None
    check_limits(documents[0], source)
    return documents[0]


def _compose_explained(source: YamlSource) -> list:
    """Parse again with the pure-Python parser, whose errors say where and why."""
    try:
        return list(yaml.compose_all(source.text, Loader=yaml.SafeLoader))
    except RecursionError:
        raise source.fail(f"{source.what}的嵌套层数过多（最多 {MAX_DEPTH} 层）") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise source.fail(f"{source.what}不是有效的 YAML：{_explain(exc.problem or exc.context or '')}",
                          line=mark.line + 1 if mark else None,
                          column=mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:  # reader errors carry a position but no mark
        raise source.fail(f"{source.what}不是有效的 YAML：{_explain(str(exc))}") from None


def _explain(problem: str) -> str:
    for english, chinese in _PROBLEMS:
        if english in problem:
            return chinese
    return problem or "无法解析"


def check_limits(root: yaml.Node, source: YamlSource) -> None:
    """Depth, tags, and the size the tree has once every alias is expanded.

    Aliases share nodes, so the expanded size of a node is computed once per node
    (memoised), in time linear in the file, however large the expansion."""
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, characters) expanded
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        key = id(node)
        if children_done:
            nodes, chars = 1, 0
            for child in _children(node):
                child_nodes, child_chars = sizes[id(child)]
                nodes += child_nodes
                chars += child_chars
            sizes[key] = (nodes, chars)
            if nodes > MAX_EXPANDED_NODES or chars > MAX_EXPANDED_CHARS:
                raise source.fail(f"{source.what}中的锚点引用（*名称）展开后过大"
                                  f"（约 {nodes} 项、{chars} 字），不予处理", line=node.start_mark.line + 1)
            continue
        if key in sizes:
            continue
        if depth > MAX_DEPTH:
            raise source.fail(f"{source.what}的嵌套层数过多（最多 {MAX_DEPTH} 层）", line=node.start_mark.line + 1)
        if node.tag not in _ALLOWED_TAGS and not (node.tag == _STANDARD + "merge"):
            raise source.fail(f"不支持 YAML 标签“{_short_tag(node.tag)}”，{source.what}中只能写文字、数字、列表和映射",
                              line=node.start_mark.line + 1, column=node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = (1, len(node.value))
            continue
        stack.append((node, depth, True))
        for child in _children(node):
            if id(child) not in sizes:
                stack.append((child, depth + 1, False))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STANDARD):] if tag.startswith(_STANDARD) else tag


# -- plain data ------------------------------------------------------------------------------

_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALAR_VALUES = {
    STR_TAG: lambda node: node.value,
    NULL_TAG: lambda node: None,
    _STANDARD + "int": _CONSTRUCTOR.construct_yaml_int,
    _STANDARD + "float": _CONSTRUCTOR.construct_yaml_float,
    _STANDARD + "bool": _CONSTRUCTOR.construct_yaml_bool,
    _STANDARD + "timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}


def _scalar(node: yaml.ScalarNode) -> Any:
    return _SCALAR_VALUES.get(node.tag, _SCALAR_VALUES[STR_TAG])(node)


def to_data(node: yaml.Node | None, source: YamlSource) -> Any:
    """Plain Python data of a checked tree; mappings and lists are Located."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(to_data(child, source) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items
    mapping = LocatedDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if key_node.tag == _STANDARD + "merge":
            raise source.fail("不支持“<<”合并键，请把内容直接写出", line=line)
        if not isinstance(key_node, yaml.ScalarNode):
            raise source.fail(f"{source.what}中的键不能是列表或映射", line=line)
        key = _scalar(key_node)
        if key in mapping:
            raise source.fail(f"键“{key}”重复：第 {mapping.key_lines[key]} 行已写过", line=line, key=str(key))
        mapping[key] = to_data(value_node, source)
        mapping.key_lines[key] = line
    return mapping


def load_file(path: str | os.PathLike, what: str) -> tuple[Any, YamlSource]:
    """Plain data of a YAML file (None when it holds only comments), and its source."""
    source = read_source(path, what)
    return to_data(compose(source), source), source


# -- comments ------------------------------------------------------------------------------

def comment_blocks(text: str) -> dict[int, list[str]]:
    """For each line (1-based) that holds YAML content, the comments written on the
    lines directly above it (no blank line between), without their `# `. A comment
    yaml_writer wrapped (continued on `#   …` lines) comes back as one."""
    blocks: dict[int, list[str]] = {}
    pending: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            body = stripped[1:]
            body = body[1:] if body.startswith(" ") else body
            if body.startswith("  ") and pending:
                pending[-1] += body.strip()
            else:
                pending.append(body.rstrip())
        elif not stripped:
            pending = []
        else:
            if pending:
                blocks[number] = pending
            pending = []
    return blocks
