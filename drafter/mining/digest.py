"""The per-document map step: a parsed `Document` becomes a compact digest.

A digest holds all that the miners need from one document and nothing else,
as plain lists, strings and ints (so it can be cached and sent between
processes): the kind and year, the shape of its level-1 sections, its opening
and closing, and its running text as blocks tagged with the role of the
level-1 section they belong to.
"""
from __future__ import annotations

import re
from typing import Any

from drafter.masked_text import has_masked_gap
from drafter.model import Document, Section
from drafter.outline.rules.roles import top_sections
from drafter.vocabulary import ROLES
from drafter.years import document_year, year_in_text

DIGEST_VERSION = 2

# Block kinds, one letter each (digests are cached by the thousand).
TITLE, LEVEL1_HEADING, HEADING, PARAGRAPH, ITEM, OPENING, CLOSING = "t", "H", "h", "p", "i", "o", "c"
BLOCK_KINDS = (TITLE, LEVEL1_HEADING, HEADING, PARAGRAPH, ITEM, OPENING, CLOSING)
HEADINGS = (LEVEL1_HEADING, HEADING)
BODY = (PARAGRAPH, ITEM)

# Noise the cleaner should already have taken out; a block showing any of
# these signs is dropped anyway, so that noise can never reach a bank.
_NOISE_SIGNS = re.compile(
    r"https?://|www\.|##|@[A-Za-z0-9]|[A-Za-z0-9._%+-]+@"
    r"|素材库|代笔|网盘|编辑密码|会员群|谨防假冒|(?:加|添加|联系)(?:微信|QQ|qq|客服)|微信号|客服微信|扫码关注"
    r"|[A-Za-z]{2,}[0-9]{4,}|[0-9][0-9 ]{6,}[0-9]"
)


def is_noisy(text: str) -> bool:
    """Noise signs, or a word a site masked (以***同志, 特色.主义): neither may reach a bank."""
    return bool(_NOISE_SIGNS.search(text)) or has_masked_gap(text)


def role_index(role: str | None) -> int:
    """Roles are stored as small ints; -1 for text outside the sections."""
    return ROLES.index(role) if role in ROLES else -1


def _section_shape(section: Section) -> list[Any]:
    """[role, heading, level-2 headings, items directly in it, level-3 headings, items anywhere
    in it] of a level-1 section."""
    level2 = sum(1 for c in section.children if c.level == 2)
    level3 = sum(1 for node in section.walk() if node.level == 3)
    all_items = sum(len(node.items) for node in section.walk())
    return [role_index(section.role), section.heading, level2, len(section.items), level3, all_items]


_TITLE_TOPIC = re.compile(r"党建|党风|工作|述职|年度|上半年|下半年|半年|全年|总结|汇报|报告|书记|情况|计划")
_YEAR_PREFIX = re.compile(r"^(?:[0-9０-９]{4}年?度?)")


def title_unit(title: str) -> str:
    """The unit named in a title: 2023年市水利局机关党委党建工作总结 → 市水利局机关党委."""
    text = _YEAR_PREFIX.sub("", title.strip())
    found = _TITLE_TOPIC.search(text)
    head = text[:found.start()] if found else ""
    head = re.sub(r"[0-9０-９]{4}年?度?$", "", head)  # XX中心2023年度 → XX中心
    return head if 2 <= len(head) <= 20 else ""


def document_units(doc: Document) -> list[str]:
    """Names of the writing unit, longest first: signature, unit in the title, and the
    title unit without its 市/区/县/省 (openings often drop it)."""
    units = [doc.signature.strip(), title_unit(doc.title)]
    for unit in list(units):
        if len(unit) > 3 and unit[0] in "市区县省":
            units.append(unit[1:])
    return sorted({u for u in units if len(u) >= 2}, key=lambda u: (-len(u), u))


def _blocks(doc: Document) -> list[list[Any]]:
    blocks: list[list[Any]] = []

    def add(role: int, kind: str, text: str) -> None:
        text = " ".join(text.split())
        if text and not is_noisy(text):
            blocks.append([role, kind, text])

    if doc.title:
        add(-1, TITLE, doc.title)
    for text in doc.opening.split("\n"):
        add(-1, OPENING, text)
    for section in doc.sections:
        role = role_index(section.role)
        for node in section.walk():
            if node.heading:
                add(role, LEVEL1_HEADING if node is section else HEADING, node.heading)
            for paragraph in node.paragraphs:
                add(role, PARAGRAPH, paragraph)
            for item in node.items:
                add(role, ITEM, item)
    for text in doc.closing.split("\n"):
        add(-1, CLOSING, text)
    return blocks


def digest_document(doc: Document, source: str) -> dict[str, Any]:
    """The compact, cacheable summary of one parsed document."""
    return {
        "v": DIGEST_VERSION,
        "source": source,
        "kind": doc.kind,
        "year": document_year(doc)[0] or year_in_text(doc.opening),
        "units": document_units(doc),
        "sections": [_section_shape(s) for s in top_sections(doc)],
        "opening": "" if is_noisy(doc.opening) else doc.opening,
        "closing": "" if is_noisy(doc.closing) else doc.closing,
        "blocks": _blocks(doc),
        "siblings": _sibling_headings(doc),
        "confident": confident(doc),
    }


# Parser notices that say the outline may be wrong.
_DOUBTFUL = ("numbering_skip", "numbering_repeat", "masked_text", "compilation")


def confident(doc: Document) -> bool:
    """The outline parsed cleanly: a title, a known kind, two or more level-1 sections
    with roles, and no notice that numbering or text is broken."""
    roles = [s.role for s in doc.sections if s.level == 1 and s.role]
    return bool(doc.title) and doc.kind != "other" and len(roles) >= 2 \
        and not any(n.code in _DOUBTFUL for n in doc.warnings)


def _sibling_headings(doc: Document) -> list[list[Any]]:
    """[role, [headings]] for each group of three or more sibling headings: the level-1
    headings, and the children of each node. A writer borrows them as a set."""
    groups = []

    def visit(role: int, nodes: list[Section]) -> None:
        headings = [" ".join(node.heading.split()) for node in nodes if node.heading]
        if len(headings) >= 3 and not any(is_noisy(h) for h in headings):
            roles = {role_index(node.role) for node in nodes}
            groups.append([role if role >= 0 else (roles.pop() if len(roles) == 1 else -1), headings])
        for node in nodes:
            visit(role if role >= 0 else role_index(node.role), node.children)

    visit(-1, doc.sections)
    return groups


def digest_documents(docs: list[Document], source: str) -> dict[str, Any]:
    """The digest of one file: of an ordinary file its document's, of a compilation one per piece
    (under "parts", sources FILE#1, FILE#2 …), so that each piece counts once with its own kind."""
    if len(docs) == 1:
        return digest_document(docs[0], source)
    return {"v": DIGEST_VERSION, "source": source,
            "parts": [digest_document(doc, f"{source}#{number}") for number, doc in enumerate(docs, start=1)]}


def document_digests(digest: dict[str, Any]) -> list[dict[str, Any]]:
    """The per-document digests in a file's digest."""
    return digest.get("parts") or [digest]


def digest_text(digest: dict[str, Any]) -> str:
    """All running text of a digest, one block per line."""
    return "\n".join(block[2] for part in document_digests(digest) for block in part["blocks"])
