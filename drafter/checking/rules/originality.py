"""originality: sentences copied verbatim from a corpus document.

A copy is a run of at least MIN_RUN characters, punctuation folded, that the
checked text shares with one corpus document. Characters that belong to set
phrases never count towards a run's length (they do not break it either, so
a copied sentence containing 三会一课 is still found):

- terms and patterns of the phrase bank (mined set phrases);
- the standard phrases of templates/terms.yaml (中央规范表述);
- wording shared with many corpus documents (COMMON_SHARE of them, at least
  COMMON_DOCS) in a run shorter than LONG_RUN: a formula, not a copy.

Findings are per checked sentence, each naming the corpus file it matches best
and that file's sentence; each source's total copied share of the checked
text is given with its findings and in the report. A copied sentence is a
warning; a document largely copied from one source (ERROR_SHARE of it and
ERROR_CHARS characters or more) makes its findings errors.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from drafter.characters import COMMAS, SENTENCE_ENDS
from drafter.checking.context import CheckContext, SourceShare
from drafter.checking.corpus_index import MIN_RUN, Run, document_view, open_index
from drafter.checking.findings import ERROR, INFO, WARNING, Finding
from drafter.checking.folding import fold, fold_with_offsets

RULE = "originality"

DEFAULT_CORPUS = "corpus"
COMMON_DOCS = 3
COMMON_SHARE = 0.05
LONG_RUN = 40  # a shared run this long is a copy however many documents have it
MIN_PIECE = 8  # a short sentence copied whole (within a longer run) counts from this length
WHOLE_SENTENCE = 0.8
# Copied from one source: this share of the text and this many characters make an error
# (a copied document, not a copied sentence or two).
ERROR_SHARE = 0.3
ERROR_CHARS = 300
PATTERN_GAP = 20  # longest slot of a bank pattern (以…为抓手)

_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]+")


class SentenceSpan(NamedTuple):
    """A sentence of the checked text: where it is folded, and where in its line."""

    start: int       # folded start
    end: int         # folded end
    line_index: int  # index into subject.lines
    col_start: int
    col_end: int


@dataclass
class CheckedText:
    """The checked lines folded into one string, and its sentences."""

    folded: str
    sentences: list[SentenceSpan] = field(default_factory=list)


def check_originality(ctx: CheckContext) -> list[Finding]:
    corpus = _corpus_dir(ctx)
    if corpus is None:
        return [Finding(RULE, INFO, "未指定范文库（--corpus），当前目录下也没有 corpus 文件夹，未做照抄检查")]
    from drafter.errors import DrafterError

    if not corpus.is_dir():
        raise DrafterError("范文库目录不存在", path=str(corpus))
    with open_index(corpus) as index:
        if not index.docs:
            return [Finding(RULE, INFO, f"范文库“{corpus}”中没有可读取的 .txt / .docx 文件，未做照抄检查")]
        checked = fold_subject(ctx)
        skip = {n for n, doc in enumerate(index.docs) if doc.sha == ctx.subject.content_hash}
        runs = index.find_runs(checked.folded, MIN_RUN, skip)
        masked = set_phrase_mask(ctx, checked.folded)
        _mask_commonplace(masked, runs, len(index.docs))
        runs = [run for run in runs if _counted(masked, run.start, run.end) >= MIN_RUN]
        return _findings(ctx, index, checked, runs, masked) + _skipped(index)


def _skipped(index) -> list[Finding]:
    if not index.skipped:
        return []
    names = "、".join(name for name, _reason in index.skipped[:3]) + ("等" if len(index.skipped) > 3 else "")
    return [Finding(RULE, INFO, f"范文库中有 {len(index.skipped)} 个文件无法读取，未参与比对：{names}"
                                f"（{index.skipped[0][1]}）")]


def _corpus_dir(ctx: CheckContext) -> Path | None:
    if ctx.corpus_dir is not None:
        return ctx.corpus_dir
    default = Path(DEFAULT_CORPUS)
    return default if default.is_dir() else None


def fold_subject(ctx: CheckContext) -> CheckedText:
    pieces: list[str] = []
    sentences = []
    size = 0
    for number, line in enumerate(ctx.subject.lines):
        folded, offsets = fold_with_offsets(line.text)
        pieces.append(folded)
        # sentence spans of this line, in folded positions
        start_col = 0
        ends = [m.end() for m in _SENTENCE_END.finditer(line.text)]
        if not ends or ends[-1] != len(line.text):
            ends.append(len(line.text))
        cursor = 0
        for end_col in ends:
            first = cursor
            while cursor < len(offsets) and offsets[cursor] < end_col:
                cursor += 1
            if cursor > first:
                sentences.append(SentenceSpan(size + first, size + cursor, number, start_col, end_col))
            start_col = end_col
        size += len(folded)
    return CheckedText("".join(pieces), sentences)


def set_phrase_mask(ctx: CheckContext, folded: str) -> bytearray:
    """1 for each character of `folded` inside a set phrase (bank term or pattern,
    standard phrase): those characters do not count towards a copied run."""
    from drafter.lexicon import load_lexicon

    masked = bytearray(len(folded))
    literals = list(load_lexicon().standard_phrases)
    patterns = []
    for entry in ctx.phrases():
        text = str(entry.get("text", ""))
        if entry.get("type") in ("set_phrase", "sentence"):
            # a standard wording, or a bank sentence drafting offered (suggestion_kept says so)
            literals.append(text.rstrip(SENTENCE_ENDS + COMMAS))
        elif entry.get("type") == "pattern":
            parts = [fold(part) for part in re.split(r"…+|\.{3,}", text)]
            # Patterns with a word among their fixed parts (以…为抓手, 同谋划、同部署); masking
            # 在…上… or 对…进行… would blank out ordinary prose.
            if max(len(p) for p in parts) >= 3 or (sum(len(p) for p in parts) >= 4 and max(len(p) for p in parts) >= 2):
                patterns.append(parts)
    for literal in {fold(text) for text in literals}:
        if len(literal) < 2:
            continue
        start = folded.find(literal)
        while start != -1:
            masked[start:start + len(literal)] = b"\x01" * len(literal)
            start = folded.find(literal, start + 1)
    for parts in patterns:
        regex = f".{{1,{PATTERN_GAP}}}?".join(f"({re.escape(p)})" for p in parts)
        for found in re.finditer(regex, folded):
            for group in range(1, len(parts) + 1):
                a, b = found.span(group)
                masked[a:b] = b"\x01" * (b - a)
    return masked


def _mask_commonplace(masked: bytearray, runs: list[Run], docs: int) -> None:
    """Mask wording that many corpus documents share, in runs shorter than LONG_RUN."""
    threshold = max(COMMON_DOCS, math.ceil(COMMON_SHARE * docs))
    if len({run.doc for run in runs}) < threshold:
        return
    size = len(masked)
    change = [0] * (size + 1)  # documents covering each position, as a difference array
    by_doc: dict[int, list[Run]] = {}
    for run in runs:
        by_doc.setdefault(run.doc, []).append(run)
    for doc_runs in by_doc.values():
        for start, end in _merged((run.start, run.end) for run in doc_runs):
            change[start] += 1
            change[end] -= 1
    longest = [0] * size
    for run in sorted(runs, key=lambda run: run.length):  # longer runs paint over shorter
        longest[run.start:run.end] = [run.length] * run.length
    covering = 0
    for i in range(size):
        covering += change[i]
        if covering >= threshold and longest[i] < LONG_RUN:
            masked[i] = 1


def _merged(spans) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _counted(masked: bytearray, start: int, end: int) -> int:
    return (end - start) - sum(masked[start:end])


class SentenceShare(NamedTuple):
    """What one checked sentence shares with each corpus document that has runs in it."""

    sentence: SentenceSpan
    counts: dict[int, int]      # doc -> shared characters outside set phrases
    lengths: dict[int, int]     # doc -> shared characters in all
    runs: dict[int, list[Run]]  # doc -> its runs in the sentence


class CopiedSentence(NamedTuple):
    sentence: SentenceSpan
    doc: int             # the document it is taken to come from
    chars: int           # characters shared with that document
    runs: list[Run]      # that document's runs in the sentence
    others: list[int]    # other documents sharing about as much


def _findings(ctx: CheckContext, index, checked: CheckedText, runs: list[Run], masked: bytearray
              ) -> list[Finding]:
    shared, overall = _shared_sentences(checked, runs, masked)
    copied, totals = _copied_sentences(shared, overall, masked)
    if not copied:
        return []
    size = max(1, len(checked.folded))
    views: dict[int, object] = {}
    findings = [_finding(ctx, index, one, totals, size, views) for one in copied]
    ctx.copied = sorted(
        (SourceShare(index.docs[d].name, sum(1 for one in copied if one.doc == d), chars, chars / size)
         for d, chars in totals.items()),
        key=lambda share: (-share.chars, share.source))
    return findings


def _shared_sentences(checked: CheckedText, runs: list[Run], masked: bytearray
                      ) -> tuple[list[SentenceShare], dict[int, int]]:
    """Per sentence, what it shares with each document; and per document, how much the
    whole text shares with it (a sentence found in several documents goes to the one
    most of the text came from)."""
    starts = [sentence.start for sentence in checked.sentences]
    in_sentence: dict[int, list[Run]] = {}
    for run in runs:
        first = max(0, bisect_right(starts, run.start) - 1)
        for number in range(first, bisect_left(starts, run.end)):
            in_sentence.setdefault(number, []).append(run)
    masked_before = [0] * (len(masked) + 1)  # prefix sums: masked characters before i
    for i, flag in enumerate(masked):
        masked_before[i + 1] = masked_before[i] + flag
    shared: list[SentenceShare] = []
    overall: dict[int, int] = {}
    for number, sentence in enumerate(checked.sentences):
        doc_runs: dict[int, list[Run]] = {}
        for run in in_sentence.get(number, []):
            if run.start < sentence.end and run.end > sentence.start:
                doc_runs.setdefault(run.doc, []).append(run)
        counts, lengths = {}, {}
        for doc, these in doc_runs.items():
            spans = _merged((max(run.start, sentence.start), min(run.end, sentence.end)) for run in these)
            count = sum((b - a) - (masked_before[b] - masked_before[a]) for a, b in spans)
            if count:
                counts[doc] = count
                lengths[doc] = sum(b - a for a, b in spans)
        if counts:
            shared.append(SentenceShare(sentence, counts, lengths, doc_runs))
            for doc, count in counts.items():
                overall[doc] = overall.get(doc, 0) + count
    return shared, overall


def _copied_sentences(shared: list[SentenceShare], overall: dict[int, int], masked: bytearray
                      ) -> tuple[list[CopiedSentence], dict[int, int]]:
    """The sentences that count as copied, and the copied characters per document.

    Set phrases decide whether a sentence counts as copied (`counts`), but once it
    does, all of its shared characters count towards the copied share (`lengths`)."""
    copied: list[CopiedSentence] = []
    totals: dict[int, int] = {}
    for one in shared:
        own = _counted(masked, one.sentence.start, one.sentence.end)
        best = max(one.counts, key=lambda d: (one.counts[d], overall[d], -d))
        count = one.counts[best]
        if count >= MIN_RUN or (count >= MIN_PIECE and count >= WHOLE_SENTENCE * own):
            others = [d for d in one.counts if d != best and one.counts[d] >= min(count, MIN_RUN)]
            copied.append(CopiedSentence(one.sentence, best, one.lengths[best], one.runs[best], others))
            totals[best] = totals.get(best, 0) + one.lengths[best]
    return copied, totals


def _finding(ctx: CheckContext, index, copied: CopiedSentence, totals: dict[int, int], size: int,
             views: dict[int, object]) -> Finding:
    best = copied.doc
    doc = index.docs[best]
    share = totals[best] / size
    sentence = copied.sentence
    line = ctx.subject.lines[sentence.line_index]
    if best not in views:
        view = document_view(index.corpus_dir / doc.name)
        views[best] = view if view is not None and view.folded == index.doc_text(best) else None
    where, quoted = _source_sentence(views[best], copied.runs, sentence.start, sentence.end)
    if views[best] is None:  # the file cannot be read back as indexed: show the folded text
        quoted = index.doc_text(best)[quoted[0]:quoted[1]]
    elif doc.name.lower().endswith(".docx"):
        where = where.replace("行", "段")
    also = f"（另见于 {len(copied.others)} 篇范文）" if copied.others else ""
    return Finding(
        RULE, ERROR if share >= ERROR_SHARE and totals[best] >= ERROR_CHARS else WARNING,
        f"与范文“{doc.name}”{where}雷同，{copied.chars} 字相同{also}：“{quoted}”；"
        f"本文与该范文雷同共 {totals[best]} 字，占全文 {share:.1%}",
        line.lineno, line.text[sentence.col_start:sentence.col_end].strip(), doc.name)


def _source_sentence(view, runs: list[Run], s_start: int, s_end: int):
    """(“第 N 行”, the corpus sentence(s)) for the part of the runs inside [s_start, s_end);
    without a view, ("", (start, end)) of that part in the document's folded text."""
    spans = [(run.corpus_start + max(run.start, s_start) - run.start,
              run.corpus_start + min(run.end, s_end) - run.start) for run in runs]
    c_start = min(a for a, _ in spans)
    c_end = max(b for _, b in spans)
    if view is None:
        return "", (c_start, c_end)
    first_line, first_col = view.places[c_start]
    last_line, last_col = view.places[c_end - 1]
    lines = view.lines
    begin = _sentence_start(lines[first_line].text, first_col)
    if last_line == first_line:
        text = lines[first_line].text[begin:_sentence_end(lines[first_line].text, last_col)]
    else:
        text = lines[first_line].text[begin:] + "……" + \
            lines[last_line].text[:_sentence_end(lines[last_line].text, last_col)]
    text = text.strip()
    if len(text) > 120:
        text = text[:118] + "……"
    return f"第 {lines[first_line].lineno} 行", text


def _sentence_start(text: str, column: int) -> int:
    found = [m.end() for m in _SENTENCE_END.finditer(text, 0, column)]
    return found[-1] if found else 0


def _sentence_end(text: str, column: int) -> int:
    found = _SENTENCE_END.search(text, column)
    return found.end() if found else len(text)
