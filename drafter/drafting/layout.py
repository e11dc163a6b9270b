"""Render the planned document through the Jinja2 layout templates and read
the result back into a `drafter.model.Document`.

The templates (templates/document.j2 and one per kind, e.g. annual.j2) run in
a `SandboxedEnvironment`. They print one line per block, `tag<TAB>text`.
Every printed value passes `finalize`, which folds line breaks and tabs, so a
value is always one field of one line: a user's string can neither break the
line format nor become template code (`{{ 7*7 }}` in a fill file is printed as
those seven characters). Folding is idempotent, so a macro's output printed
again is unchanged.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from drafter.errors import DrafterError
from drafter.model import Document, Section, Table, nest_section

BASE_TEMPLATE = "document.j2"
LINE_TAGS = ("title", "opening", "section", "para", "item", "table", "closing", "signature", "date")

_LINE_BREAK = re.compile(r"[ \t]*[\r\n\u2028\u2029\x85]+[ \t]*")


def one_field(value) -> str:
    """Every `{{ … }}` output: one field of one line, whatever the value holds:
    line breaks are dropped and tabs become spaces. (User paragraphs are split
    into separate values before rendering, so no paragraph break is lost.)"""
    if value is None:
        return ""
    return _LINE_BREAK.sub("", str(value)).replace("\t", " ")


@lru_cache(maxsize=8)
def layout_environment(folders: tuple[str, ...]) -> SandboxedEnvironment:
    """Templates are looked up in the bank folder first, then in the shipped ones,
    so a bank may carry its own edited document.j2."""
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(list(folders), encoding="utf-8"),
        bytecode_cache=_bytecode_cache(),
        autoescape=False,
        finalize=one_field,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A cache that can fail (full disk, folder removed) without failing the draft."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's temp folder (keyed by the source's
    checksum, so an edited template is recompiled): compiling them on every run
    would cost more than the rest of the drafting."""
    try:
        return _QuietBytecodeCache()
    except (OSError, RuntimeError):
        return None


def template_folders(bank_dir: str | Path | None) -> tuple[str, ...]:
    from drafter.bank import bank_path
    from drafter.resources import templates_dir

    shipped = str(templates_dir())
    bank = bank_path(bank_dir)
    if str(bank.resolve()) == str(Path(shipped).resolve()):
        return (shipped,)
    return (str(bank), shipped)


def render_layout(kind: str, context: dict, bank_dir: str | Path | None = None) -> str:
    env = layout_environment(template_folders(bank_dir))
    try:
        template = env.select_template([f"{kind}.j2", BASE_TEMPLATE])
        return template.render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise DrafterError(f"文稿模板有语法错误：{exc.message}", path=exc.filename or exc.name,
                           line=exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise DrafterError(f"找不到文稿模板 {exc.name}（应在语库目录或程序自带的 templates/ 中）") from None
    except jinja2.exceptions.SecurityError as exc:
        raise DrafterError(f"文稿模板使用了不允许的操作（{exc}）") from None
    except jinja2.UndefinedError as exc:
        raise DrafterError(f"文稿模板引用了不存在的变量（{exc.message}）") from None


def read_layout(rendered: str, doc: Document, tables: dict[int, Table] | None = None) -> Document:
    """Fill `doc` from the template's `tag<TAB>text` lines, nesting sections by level.
    A `table<TAB>id` line places the planned table of that id (its cells never pass
    through the template) in the section above it."""
    opening: list[str] = []
    closing: list[str] = []
    stack: list[Section] = []
    for number, raw in enumerate(rendered.split("\n"), start=1):
        if not raw.strip():
            continue
        tag, _, rest = raw.partition("\t")
        tag = tag.strip()
        if tag not in LINE_TAGS:
            raise DrafterError(f"文稿模板输出了无法识别的行“{raw[:30]}”（第 {number} 行），"
                               f"每行应以 {' / '.join(LINE_TAGS)} 之一加制表符开头")
        if tag == "section":
            level_text, role, heading = (rest.split("\t") + ["", ""])[:3]
            if not level_text.isdigit() or not 1 <= int(level_text) <= 4:
                raise DrafterError(f"文稿模板输出的标题层级“{level_text}”无效（应为 1 到 4）")
            section = Section(level=int(level_text), heading=heading.strip(),
                              role=role.strip() or None)
            nest_section(section, stack, doc.sections)
            continue
        text = rest.strip()
        if not text:
            continue
        if tag == "table":
            table = (tables or {}).get(int(text)) if text.isdigit() else None
            if table is None or not stack:
                raise DrafterError(f"文稿模板输出的表格行“{raw[:30]}”（第 {number} 行）无效："
                                   "应写在某一部分之下，形如 table<制表符>{{ table.id }}")
            stack[-1].tables.append(table)
            continue
        if tag in ("para", "item") and stack:
            (stack[-1].paragraphs if tag == "para" else stack[-1].items).append(text)
        elif tag in ("para", "item", "opening"):  # body text before the first heading
            opening.append(text)
        elif tag == "closing":
            closing.append(text)
        else:  # title, signature, date: one line each
            setattr(doc, tag, text)
    doc.opening = "\n".join(opening)
    doc.closing = "\n".join(closing)
    return doc
