"""The .docx container: parts, relationships, content types, a reproducible zip.

The same parts always give the same bytes: entries in a fixed order, one
fixed timestamp, fixed permissions.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from drafter.writers.ooxml import to_xml

PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

REL_OFFICE_DOCUMENT = _OFFICE_REL + "officeDocument"
REL_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_EXTENDED_PROPERTIES = _OFFICE_REL + "extended-properties"
REL_STYLES = _OFFICE_REL + "styles"
REL_SETTINGS = _OFFICE_REL + "settings"
REL_FONT_TABLE = _OFFICE_REL + "fontTable"
REL_FOOTER = _OFFICE_REL + "footer"

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT = _WML + "document.main+xml"
CT_STYLES = _WML + "styles+xml"
CT_SETTINGS = _WML + "settings+xml"
CT_FONT_TABLE = _WML + "fontTable+xml"
CT_FOOTER = _WML + "footer+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_EXTENDED = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"


@dataclass
class Part:
    name: str  # zip member name, e.g. "word/document.xml"
    content_type: str
    xml: etree._Element


@dataclass
class Package:
    parts: list[Part] = field(default_factory=list)
    package_rels: list[tuple[str, str, str]] = field(default_factory=list)   # (id, type, target)
    document_rels: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, name: str, content_type: str, xml: etree._Element) -> None:
        self.parts.append(Part(name, content_type, xml))

    def to_bytes(self, timestamp: datetime) -> bytes:
        members: list[tuple[str, bytes]] = [("[Content_Types].xml", to_xml(self._content_types()))]
        members.append(("_rels/.rels", to_xml(_relationships(self.package_rels))))
        members.append(("word/_rels/document.xml.rels", to_xml(_relationships(self.document_rels))))
        members.extend((part.name, to_xml(part.xml)) for part in self.parts)
        buffer = io.BytesIO()
        stamp = (max(timestamp.year, 1980), timestamp.month, timestamp.day, 0, 0, 0)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                archive.writestr(info, data)
        return buffer.getvalue()

    def _content_types(self) -> etree._Element:
        root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
        for extension, content_type in (("rels", CT_RELATIONSHIPS), ("xml", "application/xml")):
            etree.SubElement(root, f"{{{CT_NS}}}Default", Extension=extension, ContentType=content_type)
        for part in self.parts:
            etree.SubElement(root, f"{{{CT_NS}}}Override", PartName="/" + part.name,
                             ContentType=part.content_type)
        return root


def _relationships(rels: list[tuple[str, str, str]]) -> etree._Element:
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for rel_id, rel_type, target in rels:
        etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
    return root
