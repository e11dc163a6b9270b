"""suggestion_kept: a reference wording of the phrase bank kept word for word.

Drafting offers bank sentences as 参考写法（请改写） in a 【待补充】 gap. A writer
who pastes one unchanged has a sentence that is no fact of the unit yet: said as
a reminder (info), never counted as copying from the corpus (originality masks
bank sentences).
"""
from __future__ import annotations

from drafter.characters import CLAUSE_ENDS
from drafter.checking.context import CheckContext
from drafter.checking.findings import INFO, Finding, excerpt

RULE = "suggestion_kept"
MIN_CHARS = 8  # shorter bank sentences are common wording, not a kept suggestion
_TRIM = CLAUSE_ENDS + "、 \u3000"


def check_suggestions_kept(ctx: CheckContext) -> list[Finding]:
    own = ctx.subject.path.name  # a sentence mined from this very document was no suggestion to it
    suggestions = sorted({entry["text"].strip(_TRIM) for entry in ctx.phrases() if entry.get("type") == "sentence"
                          and len(entry["text"].strip(_TRIM)) >= MIN_CHARS
                          and not any(example.get("doc", "").split("/")[-1] == own
                                      for example in entry.get("examples", []))}, key=len, reverse=True)
    if not suggestions:
        return []
    findings = []
    for line in ctx.subject.lines:
        if line.text.startswith("【待补充】"):
            continue  # the gap paragraph itself lists them
        for suggestion in suggestions:
            at = line.text.find(suggestion)
            if at != -1:
                findings.append(Finding(
                    RULE, INFO, f"原样保留了语库中的参考写法“{suggestion}”，请结合本单位实际改写",
                    line.lineno, excerpt(line.text, at, at + len(suggestion)), None))
                break
    return findings
