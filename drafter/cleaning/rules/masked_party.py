"""A masked 党 restored: sites that filter the word write D (信D、爱D, D员, D支部,
D的二十大). Only a D standing between Chinese text, never next to a letter or a figure
(3D, DVD), and only where the restored word is one listed in templates/masked_words.yaml
(党员, 爱党, 党的二十大 …): D级 and D类 stay. Each restoration is reported as
"D员→党员"."""
from __future__ import annotations

import re
from dataclasses import replace

from drafter.cleaning.line_edit import Cut, RuleResult
from drafter.model import Line

# A D (or full-width Ｄ) with no letter or figure on either side.
_MASKED = re.compile(r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[DＤ](?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])")


def _is_cjk(text: str, at: int) -> bool:
    return 0 <= at < len(text) and "\u4e00" <= text[at] <= "\u9fff"


def _restorable(text: str, at: int, after: tuple[str, ...], before: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of the word the D at `at` is part of, if it is a listed one."""
    for word in after:
        if text.startswith(word, at + 1):
            return at, at + 1 + len(word)
    for word in before:
        if text.endswith(word, 0, at):
            return at - len(word), at + 1
    return None


def restore_masked_party(lines: list[Line]) -> RuleResult:
    kept: list[Line] = []
    cuts: list[Cut] = []
    words = None
    for line in lines:
        text = line.text
        if "D" not in text and "Ｄ" not in text:  # the common case, cheaply
            kept.append(line)
            continue
        found = [m.start() for m in _MASKED.finditer(text)]
        found = [at for at in found if _is_cjk(text, at - 1) or _is_cjk(text, at + 1)]
        if not found:
            kept.append(line)
            continue
        if words is None:
            from drafter.masked_words import party_words

            words = party_words()
        restored = list(text)
        for at in found:
            span = _restorable(text, at, words.after, words.before)
            if span is None:
                continue
            restored[at] = "党"
            word = text[span[0]:span[1]]
            cuts.append(Cut(f"{word}→{word.replace(text[at], '党')}", line.lineno))
        kept.append(replace(line, text="".join(restored)) if restored != list(text) else line)
    return kept, cuts
