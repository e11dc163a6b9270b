"""masked_text: text copied from a site that censors words, always an error.

- a 党 the site wrote as D (信D、爱D, D员): the parser restores it while reading
  (cleaning rule masked_party, listed in doc.removed) and the finding names the
  restoration, with the fix 党 for the file as written; in a fill file the same
  rule is run on the drafted text;
- *** or xxx in place of a name, ** or a lone . or * where a word is missing
  (以***同志为核心, 学习**思想, 中国特色.主义思想), as drafter.masked_text finds
  them (the parser's `masked_text` notices). A *** or xxx is masked text only where
  it sits inside a known wording (drafter.known_gaps); elsewhere it stays
  a placeholder, and the placeholder rule leaves the known ones to this rule.
  Where one known reading fits, it is the fix; for a gap that stands for a name
  (***, xxx, **) only a name of templates/masked_words.yaml is (学习***新时代… → 习近平).
"""
from __future__ import annotations

from drafter.checking.context import CheckContext
from drafter.checking.findings import ERROR, Finding, excerpt
from drafter.model import Line

RULE = "masked_text"
RESTORE_RULE = "masked_party"  # the cleaning rule that restores a masked 党
PLACEHOLDER_MASKS = "*＊xｘ"  # runs of these are placeholders too, unless inside a known wording


def check_masked_text(ctx: CheckContext) -> list[Finding]:
    from drafter.masked_text import writes_dot_as_full_stop

    subject = ctx.subject
    findings = _restorations(ctx)
    dot_is_full_stop = writes_dot_as_full_stop(line.text for line in subject.lines)
    for line in subject.lines:
        findings += gap_findings(line, dot_is_full_stop)
    return findings


def gap_findings(line: Line, dot_is_full_stop: bool) -> list[Finding]:
    from drafter.known_gaps import read_gap
    from drafter.masked_text import masked_gaps

    findings = []
    for start, end in masked_gaps(line.text, dot_is_full_stop):
        gap = line.text[start:end]
        reading = read_gap(line.text, start, end)
        if reading is not None and _stands_for_a_name(gap):
            reading = reading.as_name(masked_names())
        if reading is None and len(gap) >= 3 and gap[0] in PLACEHOLDER_MASKS:
            continue  # *** / xxx in no known wording: a placeholder, said by that rule
        if reading is None:
            message = f"“{gap}”处有被网站屏蔽的文字，请补全"
        elif reading.fix is not None:
            message = f"“{gap}”处有被网站屏蔽的文字，应为“{reading.wordings[0]}”中的“{reading.fix}”"
        else:
            message = f"“{gap}”处有被网站屏蔽的文字，可能是“{'”或“'.join(reading.missing)}”，请核对补全"
        findings.append(Finding(RULE, ERROR, message, line.lineno, excerpt(line.text, start, end),
                                fix=reading.fix if reading else None, start=start, end=end, wrong=gap))
    return findings


def _stands_for_a_name(gap: str) -> bool:
    """*** / xxx / ** are where sites put a name; a lone * or . is a word of any kind."""
    return len(gap) >= 2 and gap[0] in PLACEHOLDER_MASKS


def masked_names() -> tuple[str, ...]:
    from drafter.masked_words import masked_names as names

    return names()


def masked_placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Spans of *** / xxx runs in text that this rule reports as masked text (the placeholder
    rule leaves them alone: never both)."""
    from drafter.known_gaps import read_gap
    from drafter.masked_text import masked_gaps

    return [(start, end) for start, end in masked_gaps(text, dot_is_full_stop=True)
            if text[start] in PLACEHOLDER_MASKS and end - start >= 3 and read_gap(text, start, end) is not None]


def _restorations(ctx: CheckContext) -> list[Finding]:
    """A masked 党 restored while reading, named as the parser listed it (D员→党员)."""
    subject = ctx.subject
    if subject.fmt == "fill":
        from drafter.cleaning.rules.masked_party import restore_masked_party

        _kept, cuts = restore_masked_party(subject.lines)
        restored = [(cut.text, cut.line) for cut in cuts]
    else:
        restored = [(removal.text, removal.line) for removal in subject.doc.removed if removal.rule == RESTORE_RULE]
    findings = []
    used: dict[int, int] = {}  # line -> where to look for the next restored word
    for text, lineno in restored:
        written, _, word = text.partition("→")
        line = next((l for l in subject.lines if l.lineno == lineno and (word in l.text or written in l.text)), None)
        if line is None or not word:
            continue
        # where the restored word stands in the checked line (a fill file's line still has the D)
        shown = word if subject.fmt != "fill" else written
        at = line.text.find(shown, used.get(id(line), 0))
        if at == -1:
            continue
        offset = next(i for i, char in enumerate(written) if char in "DＤ")
        used[id(line)] = at + len(shown)
        findings.append(Finding(
            RULE, ERROR, f"“{written}”是被网站屏蔽的“{word}”（读取时已按“{word}”理解），请把原文改为“{word}”",
            line.lineno, excerpt(line.text, at, at + len(shown)), fix="党", start=at + offset,
            end=at + offset + 1, wrong=written[offset]))
    return findings
