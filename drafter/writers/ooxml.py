"""Raw WordprocessingML helpers: namespaced elements, fonts, text that is valid XML."""
from __future__ import annotations


from lxml import etree

from drafter.characters import XML_INVALID

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"w": W_NS, "r": R_NS}
_PREFIXES = {"w": W_NS, "r": R_NS}



def qn(name: str) -> str:
    """"w:rFonts" → "{namespace}rFonts"."""
    prefix, _, local = name.partition(":")
    return f"{{{_PREFIXES[prefix]}}}{local}"


def el(name: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    element = etree.Element(qn(name), nsmap=NSMAP)
    for key, value in (attrs or {}).items():
        element.set(qn(key), value)
    element.extend(children)
    return element


def sub(parent: etree._Element, name: str, attrs: dict[str, str] | None = None) -> etree._Element:
    element = etree.SubElement(parent, qn(name))
    for key, value in (attrs or {}).items():
        element.set(qn(key), value)
    return element


def fonts(font: str) -> etree._Element:
    """All four slots in one font, so digits, Latin letters and CJK match."""
    return el("w:rFonts", {"w:ascii": font, "w:eastAsia": font, "w:hAnsi": font, "w:cs": font})


def text_element(text: str) -> etree._Element:
    t = el("w:t", None)
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def to_xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def invalid_xml_chars(text: str) -> list[str]:
    return XML_INVALID.findall(text)


def strip_invalid_xml_chars(text: str) -> str:
    return XML_INVALID.sub("", text)
