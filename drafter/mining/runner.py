"""`drafter mine`: a map over documents, then a merge of counts.

1. hash every corpus file; an unchanged corpus is answered from the cache;
2. map (in parallel): parse each new file and digest it; count its character
   n-grams (new documents are added to the cached counts of the corpus);
3. merge: score terms from the counts; they become the tokenizer's user words;
4. map (in parallel): word-level mining of each document not cached with
   this word list;
5. merge, in corpus order: patterns, headings, sentences, term uses and
   skeletons; write skeletons.yaml and phrases.yaml atomically.

The map steps are pure functions of one chunk of documents and the merges
are additions, so the same code can run on a cluster engine.
"""
from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, NamedTuple

from drafter.atomic_write import refuse_read_only, write_text_atomic
from drafter.corpus import CorpusFile, code_id, content_hash, corpus_files, hash_files
from drafter.bank import (PHRASES_FILE, SKELETONS_FILE, dump_phrases, dump_skeletons)
from drafter.errors import DrafterError, os_reason
from drafter.lexicon import load_lexicon
from drafter.topics import load_topic_cues
from drafter.mining.cache import MiningCache
from drafter.mining.headings import select_heading_sets, select_headings
from drafter.mining.pos import DictionaryWords
from drafter.mining.patterns import SLOT, candidate_leads, select_patterns
from drafter.mining.progress import Progress
from drafter.mining.report import MineReport
from drafter.mining.sentences import select_sentences
from drafter.mining.skeletons import build_skeletons
from drafter.mining.terms import MAX_LENGTH, NgramCounts, score_terms
from drafter.mining.term_entries import select_terms
from drafter.mining.tokenizer import chosen_engine, lexicon_fingerprint, load_tokenizer
from drafter.mining.name_heads import load_name_heads
from drafter.mining.words import WordLists, example_text, merge_word_totals, new_word_total
from drafter.parsing import parser_data_id
from drafter.process_pool import ProcessMap, one_done
from drafter.vocabulary import KINDS, ROLES, TYPES

MINER_VERSION = "1"
MAX_TERMS = 400  # also the user words given to the tokenizer
MAX_PATTERNS = 300
MAX_HEADINGS = 300
MAX_SENTENCES = 400
MAX_HEADING_SETS = 100
MAX_EXAMPLES = 3
LEXICON_DRIFT = 0.02  # new files may change this share of the user words before all is re-cut
MAX_NGRAM_ENTRIES = 8_000_000  # beyond this the rarest n-grams are dropped (lossy counting)
# Source files whose change makes cached digests stale (reading, cleaning, outline, digest).
_PARSE_SOURCES = ("parsing.py", "model.py", "placeholders.py", "characters.py", "vocabulary.py", "years.py",
                  "lazy_pattern.py", "masked_text.py", "masked_words.py", "known_gaps.py", "rule_lists.py",
                  "lexicon.py", "reading", "cleaning", "outline",
                  "mining/digest.py", "mining/slots.py", "mining/skeletons.py", "mining/clauses.py")


def _warn_on_stderr(message: str) -> None:
    print(message, file=sys.stderr)


# -- map steps (run in worker processes) ------------------------------------------

class ParseItem(NamedTuple):
    """A corpus document for map_parse."""

    path: str     # "" for a document being taken out of the counts
    name: str     # path inside the corpus
    key: str      # cache key (content hash and parser code id)
    parse: bool   # not in the cache yet: parse and digest it
    sign: int     # +1 add its n-grams to the counts, -1 take them out, 0 neither


_worker_caches: dict[str, MiningCache] = {}


def _cache_in_worker(folder: str) -> MiningCache:
    cache = _worker_caches.get(folder)
    if cache is None:
        cache = _worker_caches[folder] = MiningCache(folder)
    return cache


def map_parse(task: tuple) -> tuple[list, dict, dict, int]:
    """Parse and digest new files; count n-grams of the documents marked +1 / -1."""
    from drafter.mining.digest import digest_documents, digest_text, document_digests
    from drafter.mining.skeletons import document_facts
    from drafter.mining.terms import count_documents
    from drafter.parsing import parse_documents

    folder, items = task
    cache = _cache_in_worker(folder)
    fresh = []
    texts: dict[int, list[str]] = {1: [], -1: []}
    for path, name, key, parse, sign in items:
        if parse:
            try:
                digest = digest_documents(parse_documents(path), name)
                facts = [document_facts(part) for part in document_digests(digest)]  # a compilation: each piece
            except DrafterError as error:
                digest, facts = {"error": str(error.message)}, None
            except Exception as error:  # a bug on one odd file must not stop a corpus run
                digest, facts = {"error": f"解析出错（{type(error).__name__}: {error}）"}, None
            fresh.append((key, digest, facts))
        elif sign:
            digest = cache.get_digest(key) or {"error": "缓存缺失"}
        else:
            continue
        one_done()
        if sign and "error" not in digest:
            texts[sign].append(digest_text(digest))
    added, removed = NgramCounts(), NgramCounts()
    count_documents(texts[1], added)
    count_documents(texts[-1], removed)
    return fresh, added.to_data(), removed.to_data(), len(items)


def map_words(task: tuple) -> dict:
    """Word-level results of a chunk of documents, combined; mined terms are user words."""
    from drafter.mining.digest import document_digests
    from drafter.mining.words import add_documents_words

    folder, engine, user_words, lists, items = task
    cache = _cache_in_worker(folder)
    tokenizer = load_tokenizer(user_words, engine)

    def digests():
        for key, name in items:
            digest = cache.get_digest(key)
            if digest and "error" not in digest:
                parts = document_digests(digest)
                for number, part in enumerate(parts, start=1):
                    part["source"] = name if len(parts) == 1 else f"{name}#{number}"
                    yield part
            one_done()

    return add_documents_words(digests(), tokenizer.cut, lists)


# -- the run ------------------------------------------------------------------------

def mine_corpus(corpus_dir: str | os.PathLike | None = None, out_dir: str | os.PathLike | None = None, *,
                jobs: int | None = None, progress: bool = False, cache_dir: str | os.PathLike | None = None,
                engine: str | None = None, warn: Callable[[str], None] | None = None,
                on_progress: Callable[[str, int, int], None] | None = None) -> MineReport:
    """Mine skeletons.yaml and phrases.yaml from every .txt/.docx under corpus_dir into out_dir.

    corpus_dir defaults to ./corpus, out_dir to the user's bank folder (drafter.user_dirs.user_bank_dir).
    Raises DrafterError when the corpus is missing or holds no readable file;
    single unreadable files are skipped with a warning (printed on stderr
    unless `warn` is given).
    """
    run = _MiningRun(corpus_dir, out_dir, jobs=jobs, progress=progress, cache_dir=cache_dir, engine=engine,
                     warn=warn or _warn_on_stderr, on_progress=on_progress)
    if not run.answered_from_cache():
        run.mine()
    run.report.seconds = time.perf_counter() - run.started
    return run.report


class _MiningRun:
    """One `drafter mine`: the corpus hashed, then either the banks of an unchanged
    corpus rewritten from the cache, or the map and merge steps and the banks written."""

    def __init__(self, corpus_dir, out_dir, *, jobs, progress, cache_dir, engine, warn, on_progress=None) -> None:
        self.started = time.perf_counter()
        self.warn = warn
        self.corpus = Path(corpus_dir) if corpus_dir is not None else Path("corpus")
        paths = corpus_files(self.corpus)
        if not paths:
            raise DrafterError("范文库中没有 .txt 或 .docx 文件", path=str(self.corpus))
        self.out = _output_folder(out_dir)
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.bar = Progress(progress, listener=on_progress)
        self.timings: dict[str, float] = {}
        self.lexicon = load_lexicon()
        self.cues = load_topic_cues()
        self.heads = load_name_heads()
        with self.timed("hash"):
            self.files, self.unreadable = hash_files(self.corpus, paths)
            self.engine = chosen_engine(engine)
            self.cache = MiningCache(cache_dir, warn=warn).open()
            parse_id = code_id(_PARSE_SOURCES) + parser_data_id()  # the cue words are part of the parser
            self.mine_id = code_id(["mining"])
            # the same bytes as x.docx and as x.txt go to different readers: different results
            self.keys = [f"{f.digest}:{f.path.suffix.lower()}:{parse_id}" for f in self.files]
            self.corpus_key = str(self.corpus.resolve())
            # the lexicon, the topic cues and the heads of names are read by the miners: an edit
            # of any of them makes the banks of an unchanged corpus stale
            self.data_id = _data_id([self.lexicon.path, self.cues.path, self.heads.path])
            self.fingerprint = content_hash("\n".join(
                [MINER_VERSION, self.mine_id, self.data_id, self.engine,
                 *(f"{f.name}\t{k}" for f, k in zip(self.files, self.keys))]
            ).encode())
        self.report = MineReport(self.corpus, self.out, tokenizer=self.engine, timings=self.timings)
        for name, reason in self.unreadable:
            warn(f"警告：{name}：{reason}，已跳过。")

    @contextmanager
    def timed(self, step: str):
        mark = time.perf_counter()
        yield
        self.timings[step] = time.perf_counter() - mark

    def answered_from_cache(self) -> bool:
        """An unchanged corpus: write the banks kept from last time."""
        if self.cache.get_fingerprint(self.corpus_key) != self.fingerprint:
            return False
        state = self.cache.get_state(self.corpus_key)
        if not state:
            return False
        report = self.report
        report.cache_dir = self.cache.folder
        for name, reason in state["skipped"]:
            self.warn(f"警告：{name}：{reason}，已跳过。")
        _write(self.out, state["skeletons"], state["phrases"], report)
        report.up_to_date = True
        report.documents = state["documents"]
        report.skipped = self.unreadable + [tuple(s) for s in state["skipped"]]
        report.kinds, report.entries = state["kinds"], state["entries"]
        report.skeleton_kinds = state["skeleton_kinds"]
        return True

    def mine(self) -> None:
        report = self.report
        with ProcessMap(self.jobs) as mapper:
            try:
                counts, failed = _digest_and_count(self.files, self.keys, self.cache, self.corpus_key, self.mine_id,
                                                   mapper, self.bar, self.timings, report)
                for name, reason in failed:
                    self.warn(f"警告：{name}：{reason}，已跳过。")
                report.skipped = self.unreadable + failed
                failed_names = {name for name, _reason in failed}
                report.parsed -= sum(1 for name in failed_names if name in report.parsed_names)
                good = [(f, k) for f, k in zip(self.files, self.keys) if f.name not in failed_names]
                if not good:
                    raise DrafterError("范文库中没有可读取的文件", path=str(self.corpus))
                report.documents = len(good)
                with self.timed("terms"):
                    terms = score_terms(counts, limit=MAX_TERMS)
                previous = self.cache.get_state(self.corpus_key) or {}
                # mined terms and the lexicon's wordings are the tokenizer's user words: each is
                # then cut as one word, and counted where it is used
                mined = _stable_user_words([t.text for t in terms], previous.get("mined_words"))
                standard = [w for entry in self.lexicon.entries for w in entry.wordings]
                user_words = list(dict.fromkeys(mined + standard))
                lists = _word_lists(user_words, mined, self.lexicon, self.heads, counts)
                words_id = f"{self.engine}:{self.mine_id}:{self.data_id}:{lexicon_fingerprint(user_words)}"
                with self.timed("words"):
                    word_total, word_keys = _word_total(good, words_id, user_words, lists, self.engine, self.cache,
                                                        self.corpus_key, mapper, self.bar)
            finally:
                self.bar.finish()
        with self.timed("merge"):
            skeletons, phrases, kinds = _assemble(good, counts, word_total, self.cache, self.engine,
                                                  self.lexicon, self.cues, self.heads)
        with self.timed("write"):
            skeletons_text, phrases_text = dump_skeletons(skeletons), dump_phrases(phrases)
            _write(self.out, skeletons_text, phrases_text, report)
            report.kinds = kinds
            found = Counter(p["type"] for p in phrases)
            report.entries = {t: found.get(t, 0) for t in TYPES}
            report.skeleton_kinds = [s["kind"] for s in skeletons]
            report.cache_dir = self.cache.folder
            counts.prune(MAX_NGRAM_ENTRIES)
            self.cache.put_state(self.corpus_key, self.fingerprint, {
                "docs": [[f.name, k] for f, k in good],
                "documents": report.documents,
                "skipped": [list(s) for s in failed],
                "skeletons": skeletons_text, "phrases": phrases_text,
                "kinds": report.kinds, "entries": report.entries, "skeleton_kinds": report.skeleton_kinds,
                "mined_words": mined, "counts_id": self.mine_id,
            }, counts.to_data(), {"id": words_id, "keys": word_keys, "total": word_total})


def _word_lists(user_words: list[str], mined: list[str], lexicon, heads, counts: NgramCounts) -> WordLists:
    """What the word-level map step looks for (see WordLists). A lexicon finder whose literal
    the corpus never writes (by its n-gram counts, while nothing was pruned) is left out; of
    the mined terms, those that may be names (ending on the head of a name) are also
    counted where they are written, inside longer terms too."""
    token_terms = frozenset(w for w in mined if lexicon.entry_for(w) is None)  # else counted as the entry
    probe = _probes(counts)
    written = _written_in(counts)
    finders: dict[str, list] = {}
    modifiers: dict[str, str] = {}
    for entry in lexicon.entries:
        for literal, pattern in entry.finders():
            if written(literal):
                plain = literal and pattern.pattern == re.escape(literal)
                finders.setdefault(probe(literal), []).append((entry.term, literal, None if plain else pattern))
        modifiers.update((wording, entry.term) for wording in entry.wordings if written(wording))
    terms_by_probe: dict[str, list] = {}
    for term in sorted(token_terms):
        modifiers[term] = term
        if heads.head_of(term):  # a name may be written inside longer terms: count it in the text
            terms_by_probe.setdefault(probe(term), []).append(term)
    lengths: dict[str, set] = {}
    for modifier in modifiers:
        lengths.setdefault(modifier[-1], set()).add(len(modifier))
    return WordLists(frozenset(user_words), token_terms, finders, frozenset(heads.heads), terms_by_probe,
                     modifiers, {last: tuple(sorted(found, reverse=True)) for last, found in lengths.items()})


_CJK_RUNS = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")


def _written_in(counts: NgramCounts) -> Callable[[str], bool]:
    """Whether the corpus may write a text: each run of Chinese characters in it, by its first
    and last characters up to the longest n-gram counted, occurs. Always true once rare
    n-grams were pruned (the counts are then lower bounds)."""
    if counts.pruned:
        return lambda text: True
    tf = counts.tf
    longest = MAX_LENGTH + 1  # the longest n-grams counted

    def written(text: str) -> bool:
        return all(tf.get(run[:longest], 0) and tf.get(run[-longest:], 0) for run in _CJK_RUNS.findall(text))
    return written


def _probes(counts: NgramCounts) -> Callable[[str], str]:
    """The rarest character of a text by the corpus's counts ("" for a text without one):
    a document that does not hold it cannot hold the text."""
    tf = counts.tf

    def probe(text: str) -> str:
        return min(text, key=lambda char: (tf.get(char, 0), char), default="")
    return probe


def _data_id(paths: list[str]) -> str:
    """A content hash of the data files the miners read."""
    parts = []
    for path in paths:
        try:
            parts.append(Path(path).read_bytes())
        except OSError:
            parts.append(b"")
    return content_hash(b"\0".join(parts))[:16]


def _output_folder(out_dir: str | os.PathLike | None) -> Path:
    """The folder the banks are written to, created if needed."""
    if out_dir is None:
        from drafter.user_dirs import user_bank_dir

        out = user_bank_dir()  # never the installed package: it is shared, read-only or lost on upgrade
    else:
        out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise DrafterError("输出路径不是目录", path=str(out))
    for name in (SKELETONS_FILE, PHRASES_FILE):  # before the work, not after it
        refuse_read_only(out / name)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建输出目录（{os_reason(exc)}）", path=str(out)) from None
    return out


def _stable_user_words(fresh: list[str], previous: list[str] | None) -> list[str]:
    """The user words for the tokenizer: the mined terms, or last run's list when a few
    new files changed it only slightly (then the word-level results of the other files
    stay valid and only the new files are cut)."""
    if previous:
        drift = len(set(fresh).symmetric_difference(previous))
        if drift <= LEXICON_DRIFT * max(len(fresh), 1):
            return list(previous)
    return fresh


def _digest_and_count(files: list[CorpusFile], keys: list[str], cache: MiningCache, corpus_key: str,
                      counts_id: str, mapper: ProcessMap, bar: Progress, timings: dict, report: MineReport):
    """Map step 1: digests of new files, n-gram counts of the corpus (incremental when possible)."""
    mark = time.perf_counter()
    known = cache.known_digests(set(keys))
    previous = cache.get_state(corpus_key)
    usable = previous is not None and previous.get("counts_id") == counts_id
    stored = cache.get_counts(corpus_key) if usable else None
    current = Counter(keys)
    counts = NgramCounts()
    remove: Counter = Counter()
    add = Counter(current)
    if stored is not None:
        before = Counter(k for _name, k in previous["docs"])
        remove = before - current
        # pruned counts cannot be taken apart, and most documents gone is a fresh start
        if not (remove and stored["pruned"]) and sum(remove.values()) * 2 <= len(keys):
            counts = NgramCounts.from_data(stored)
            add = current - before
        else:
            remove = Counter()

    items = []
    parsing = set()
    for file, key in zip(files, keys):
        parse = key not in known and key not in parsing
        parsing.add(key)
        sign = 0
        if add[key] > 0:
            add[key] -= 1
            sign = 1
        if parse or sign:
            items.append(ParseItem(str(file.path), file.name, key, parse, sign))
    for key, times in remove.items():
        items.extend([ParseItem("", "", key, False, -1)] * times)
    report.parsed = sum(1 for item in items if item.parse)
    report.parsed_names = {item.name for item in items if item.parse}

    bar.start("解析范文", len(items))
    tasks = [(str(cache.folder), chunk) for chunk in mapper.chunks(items)]
    for fresh, added, removed, _done in mapper.map(map_parse, tasks, bar.set, [len(t[-1]) for t in tasks]):
        if fresh:
            cache.put_digests(fresh)
        counts.merge(NgramCounts.from_data(added))
        if removed["docs"]:
            counts.subtract(NgramCounts.from_data(removed))
        if len(counts.tf) > MAX_NGRAM_ENTRIES:
            counts.prune(MAX_NGRAM_ENTRIES)
    bar.finish()
    timings["parse"] = time.perf_counter() - mark

    failed = []
    for file, key in zip(files, keys):
        digest_error = _error_of(cache, key)
        if digest_error:
            failed.append((file.name, digest_error))
    return counts, failed


def _error_of(cache: MiningCache, key: str) -> str | None:
    facts = cache.get_facts(key)
    if facts is not None:
        return None
    digest = cache.get_digest(key)
    return (digest or {}).get("error", "无法解析")


def _word_total(good, words_id, user_words, lists, engine_name, cache: MiningCache, corpus_key: str,
                mapper: ProcessMap, bar: Progress) -> tuple[dict, list[str]]:
    """Map step 2: word-level totals, adding only new documents to the cached total when
    the documents were only added and the user words did not change."""
    keys = [f"{f.name}\t{k}" for f, k in good]  # examples name their file: a renamed file counts as new
    cached = cache.get_words(corpus_key)
    todo = list(good)
    total = new_word_total()
    if cached and cached["id"] == words_id and not set(cached["keys"]) - set(keys):
        total = cached["total"]  # documents were only added: cut the new ones alone
        before = set(cached["keys"])
        todo = [(file, key) for (file, key), both in zip(good, keys) if both not in before]
    bar.start("分词挖掘", len(todo))
    items = [(key, file.name) for file, key in todo]
    tasks = [(str(cache.folder), engine_name, user_words, lists, chunk) for chunk in mapper.chunks(items)]
    for chunk_total in mapper.map(map_words, tasks, bar.set, [len(t[-1]) for t in tasks]):
        merge_word_totals(total, chunk_total)
    bar.finish()
    return total, keys


def _assemble(good, counts: NgramCounts, word_total: dict, cache: MiningCache, engine: str, lexicon, cues,
              heads):
    """Reduce step 2: skeletons and all phrase entries, best first within each type."""
    all_facts = []
    kinds: Counter = Counter()
    for file, key in good:
        pieces = cache.get_facts(key)  # one per document: a compilation file holds several
        for number, facts in enumerate(pieces, start=1):
            facts["source"] = file.name if len(pieces) == 1 else f"{file.name}#{number}"
            all_facts.append(facts)
            kinds[facts["kind"]] += 1

    documents = len(all_facts)  # the pieces of a compilation each count
    units = {unit for facts in all_facts for unit in facts["units"] if len(unit) >= 3}
    base = load_tokenizer([], engine)
    # every dictionary word the selections below ask about is read in one pass
    dictionary = DictionaryWords()
    lead_tokens = {lead: [t for t in base.cut(lead) if t.strip()]
                   for lead in candidate_leads(word_total["patterns"], documents=documents)}
    dictionary.expect({w for tokens in lead_tokens.values() for t in tokens for w in (t, t[0])})
    dictionary.expect({t for _role, _headings, _structure, first_parts, _source in word_total["heading_sets"]
                       for part in first_parts for t in part})
    terms = select_terms(word_total["terms"], documents=documents, lexicon=lexicon, cues=cues, units=units,
                         base_cut=base.cut, char_counts=counts, dictionary=dictionary,
                         compounds=word_total.get("compounds", {}), heads=heads)
    set_phrases = frozenset(w for t in terms if t["type"] == "set_phrase" for w in [t["text"], *t["variants"]]) \
        | frozenset(w for entry in lexicon.entries for w in entry.wordings)

    def entry(text: str, kind: str, role_mask: int, count: int, docs: int, examples: list, **more) -> dict:
        return {"text": text, "type": kind,
                "roles": [role for index, role in enumerate(ROLES) if role_mask & (1 << index)],
                "count": count, "docs": docs,
                "topics": cues.topics_of(" ".join([text, *more.get("items", [])]), lexicon),
                "variants": [], **more, "examples": examples[:MAX_EXAMPLES]}

    phrases = list(terms)

    def lead_words(lead: str) -> list[tuple[str, str, str]]:
        tokens = lead_tokens.get(lead) or [t for t in base.cut(lead) if t.strip()]
        return [(t, dictionary.tag(t), dictionary.tag(t[0])) for t in tokens]

    for pattern in select_patterns(word_total["patterns"], documents=documents, limit=MAX_PATTERNS,
                                   set_phrases=set_phrases, lead_words=lead_words):
        source, sentence = pattern.example
        lead = pattern.text.split(SLOT)[0].split("、")[0]
        fillers = [{"text": text, "count": times} for text, times in pattern.fillers]
        phrases.append(entry(pattern.text, "pattern", pattern.roles, pattern.count, pattern.docs,
                             [{"doc": source, "text": example_text(sentence, lead)}], fillers=fillers))
    for heading in select_headings(word_total["headings"], limit=MAX_HEADINGS):
        phrases.append(entry(heading.text, "heading", 1 << heading.role, heading.count, heading.docs,
                             [{"doc": heading.source, "text": heading.text}]))
    for heading_set in select_heading_sets(word_total["heading_sets"], dictionary.tag, limit=MAX_HEADING_SETS):
        role_mask = 1 << heading_set.role if heading_set.role >= 0 else 0
        phrases.append(entry("；".join(heading_set.headings), "heading_set", role_mask, heading_set.count,
                             heading_set.docs, [{"doc": heading_set.source, "text": heading_set.headings[0]}],
                             items=list(heading_set.headings), structure=heading_set.name))
    for sentence in select_sentences(word_total["sentences"], limit=MAX_SENTENCES):
        phrases.append(entry(sentence.text, "sentence", 1 << sentence.role, sentence.count, sentence.count,
                             [{"doc": sentence.source, "text": sentence.text}]))
    ordered_kinds = dict(sorted(kinds.items(), key=lambda kv: KINDS.index(kv[0]) if kv[0] in KINDS else len(KINDS)))
    return build_skeletons(all_facts), phrases, ordered_kinds


def _write(out: Path, skeletons_text: str, phrases_text: str, report: MineReport) -> None:
    targets = (out / SKELETONS_FILE, out / PHRASES_FILE)
    for target, text in zip(targets, (skeletons_text, phrases_text)):
        try:
            current = target.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            write_text_atomic(target, text)
    report.written = list(targets)
