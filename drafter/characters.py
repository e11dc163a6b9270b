"""Character rules every part of drafter shares: which characters a .docx cannot
hold, which marks end a sentence or a clause, and how wide a character is.
"""
from __future__ import annotations

import re
import unicodedata

# Not allowed in XML 1.0, so not in a .docx (C0 controls but tab and line breaks,
# lone surrogates, U+FFFE/U+FFFF), plus DEL and the C1 controls but NEL: legal XML,
# but invisible junk from copy-paste that Word shows as boxes. A YAML reader
# refuses the same set.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_xml_invalid(text: str) -> tuple[str, list[str]]:
    """(text without XML_INVALID characters, their code points as U+XXXX, sorted)."""
    found = XML_INVALID.findall(text)
    if not found:
        return text, []
    return XML_INVALID.sub("", text), sorted({f"U+{ord(c):04X}" for c in found})


# Punctuation, full width first. Larger units are unions of these.
FULL_STOPS = "。！？!?"          # end a sentence
SEMICOLONS = "；;"
COLONS = "：:"
COMMAS = "，,"
SENTENCE_ENDS = FULL_STOPS + SEMICOLONS           # end a sentence for the miners and the checker
CLAUSE_ENDS = SENTENCE_ENDS + COLONS + COMMAS     # end a clause


def page_width(text: str) -> float:
    """Width on the page in characters of the body font: full-width and wide
    characters 1, and East Asian ambiguous ones (“” ‘’ — … · ×) 1 too, since a
    Chinese font sets them full width; everything else ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "FWA" else 0.5 for ch in text)


def terminal_width(text: str) -> int:
    """Columns taken in a terminal: wide and full-width characters 2 (ambiguous
    ones 1, as most terminals draw them), combining marks 0, others 1."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
