"""An index of a corpus for finding text copied from it, built once and kept on disk.

Every corpus document is read and cleaned as `drafter parse` does, then folded
(letters and digits only). The index samples fixed-length shingles: the
GRAM-character string starting at every STEP-th position of each folded
document. With STEP <= MIN_RUN - GRAM + 1, any run of MIN_RUN characters common
to a checked text and a corpus document contains a sampled shingle, so looking
up every shingle of the checked text finds every such run; each hit is then
verified and extended both ways on the stored folded text.

On disk (one file, memory-mapped when read):

    MAGIC | header length (8 bytes LE) | header JSON | padding to 8
    | keys: sorted uint64 (crc32(shingle as UTF-16-LE) << 32 | position)
    | text: the folded documents as UTF-16-LE, separated by U+0000

The file name carries a hash of the corpus folder's path; the header carries a
key over the content hash of every file, so a changed corpus is re-indexed and
an unchanged one never is. Old indexes of the same folder are removed.
"""
from __future__ import annotations

import json
import mmap
import os
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path

from drafter.checking.folding import FOLD_VERSION, fold, fold_with_offsets
from drafter.corpus import code_id, content_hash, corpus_files, file_hash
from drafter.user_dirs import cache_dir
from drafter.errors import DrafterError
from drafter.model import Line

INDEX_VERSION = 2
GRAM = 10
STEP = 10
MIN_RUN = 20  # the shortest copied run the index guarantees to find
assert STEP <= MIN_RUN - GRAM + 1

MAGIC = b"DRAFTER-CORPUS-INDEX\n"
DOC_SEPARATOR = "\x00"  # never in folded text: runs stop at document ends
_POSITION_MASK = 0xFFFFFFFF
_EXTEND_CHUNK = 64
PARALLEL_FROM = 200  # corpus files; below this a process pool costs more than it saves
MAX_JOBS = 8
# Source whose change alters what the index holds: rebuild when it changes.
_INDEXED_SOURCES = ("reading", "cleaning", "lazy_pattern.py", "masked_text.py", "masked_words.py", "known_gaps.py",
                    "checking/folding.py", "checking/corpus_index.py")


@dataclass
class CorpusDoc:
    name: str  # path relative to the corpus folder, with /
    sha: str  # content hash of the file's bytes (drafter.corpus.content_hash)
    start: int  # where its folded text starts in the index text
    length: int  # folded characters


@dataclass
class Run:
    """A maximal common run: checked[start:end] == corpus text at corpus_start."""

    start: int
    end: int
    doc: int
    corpus_start: int  # position inside the document's folded text

    @property
    def length(self) -> int:
        return self.end - self.start


# -- reading the corpus ------------------------------------------------------------------

def corpus_lines(path: Path) -> list[Line]:
    """A corpus document's lines, read and cleaned exactly as the index saw them."""
    from drafter.parsing import clean_file

    return clean_file(path)


# -- the index ---------------------------------------------------------------------------

class CorpusIndex:
    """A built index, read from disk (memory-mapped) or from bytes."""

    def __init__(self, data, header: dict, keys_offset: int, text_offset: int, path: Path | None,
                 corpus_dir: Path, closer=None) -> None:
        self.header = header
        self.path = path
        self.corpus_dir = corpus_dir
        self.docs = [CorpusDoc(**doc) for doc in header["docs"]]
        self.skipped: list[tuple[str, str]] = [tuple(item) for item in header["skipped"]]
        self._starts = [doc.start for doc in self.docs]
        self._view = memoryview(data)
        self._bytes = self._view[keys_offset:keys_offset + 8 * header["keys"]]
        self._keys = self._bytes.cast("Q")
        self._text = self._view[text_offset:text_offset + 2 * header["chars"]]
        self._closer = closer

    def close(self) -> None:
        for view in (self._keys, self._bytes, self._text, self._view):
            view.release()  # before the map closes: it refuses while views exist
        if self._closer:
            self._closer()
            self._closer = None

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @property
    def postings(self) -> int:
        return len(self._keys)

    def text(self, start: int, end: int) -> str:
        """Folded index text [start, end), clamped to the index."""
        start, end = max(0, start), min(self.header["chars"], end)
        if end <= start:
            return ""
        return bytes(self._text[2 * start:2 * end]).decode("utf-16-le")

    def doc_of(self, position: int) -> int:
        return bisect_right(self._starts, position) - 1

    def doc_text(self, doc: int) -> str:
        entry = self.docs[doc]
        return self.text(entry.start, entry.start + entry.length)

    def find_runs(self, folded: str, min_run: int = MIN_RUN, skip_docs: set[int] | frozenset = frozenset()
                  ) -> list[Run]:
        """Every maximal run of at least `min_run` characters that `folded` shares with
        a corpus document (documents in `skip_docs` left out)."""
        if min_run < MIN_RUN:
            raise ValueError(f"the index finds runs of {MIN_RUN} characters or more")
        count = len(folded) - GRAM + 1
        if count <= 0 or not self.docs:
            return []
        encoded = folded.encode("utf-16-le")
        keys = self._keys
        total = len(keys)
        diagonals: dict[int, list[int]] = {}
        for i in range(count):
            crc = zlib.crc32(encoded[2 * i:2 * (i + GRAM)])
            low = bisect_left(keys, crc << 32)
            if low == total or keys[low] >> 32 != crc:
                continue
            high = bisect_left(keys, (crc + 1) << 32, low)
            for k in range(low, high):
                diagonals.setdefault((keys[k] & _POSITION_MASK) - i, []).append(i)
        runs = []
        for diagonal, hits in diagonals.items():
            covered = -1
            for i in hits:
                if i < covered:
                    continue
                position = i + diagonal
                if self.text(position, position + GRAM) != folded[i:i + GRAM]:
                    continue  # a crc32 collision
                start = i - self._common_before(folded, i, position)
                end = i + GRAM + self._common_after(folded, i + GRAM, position + GRAM)
                covered = end
                if end - start >= min_run:
                    doc = self.doc_of(start + diagonal)
                    if doc not in skip_docs:
                        runs.append(Run(start, end, doc, start + diagonal - self.docs[doc].start))
        runs.sort(key=lambda run: (run.start, run.doc, run.corpus_start))
        return runs

    def _common_before(self, folded: str, i: int, position: int) -> int:
        """How many characters before folded[i] and index text[position] agree."""
        same = 0
        while i - same > 0 and position - same > 0:
            width = min(_EXTEND_CHUNK, i - same, position - same)
            common = _common_suffix(folded[i - same - width:i - same],
                                    self.text(position - same - width, position - same))
            same += common
            if common < width:
                break
        return same

    def _common_after(self, folded: str, i: int, position: int) -> int:
        same = 0
        limit = self.header["chars"]
        while i + same < len(folded) and position + same < limit:
            width = min(_EXTEND_CHUNK, len(folded) - i - same, limit - position - same)
            common = _common_prefix(folded[i + same:i + same + width],
                                    self.text(position + same, position + same + width))
            same += common
            if common < width:
                break
        return same


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start of a and b (equal-length slices compared in C)."""
    if a == b:
        return len(a)
    low, high = 0, min(len(a), len(b))
    while low < high:  # a[:low] == b[:low] holds; find the first difference
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str) -> int:
    if a == b:
        return len(a)
    return _common_prefix(a[::-1], b[::-1])


# -- opening (and building when needed) ------------------------------------------------------

def open_index(corpus_dir: str | os.PathLike, *, cache: Path | None = None) -> CorpusIndex:
    """The index of `corpus_dir`, built and saved first if the corpus changed."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise DrafterError("范文库目录不存在", path=str(corpus_dir))
    files = corpus_files(corpus_dir)
    hashes = [(p.relative_to(corpus_dir).as_posix(), file_hash(p)) for p in files]
    key = corpus_key(hashes)
    folder = cache if cache is not None else cache_dir()
    tag = content_hash(str(corpus_dir.resolve()).encode("utf-8"))[:12]
    target = folder / "corpus-index" / f"{tag}-{key[:24]}.idx"
    if target.is_file():
        index = _open_file(target, corpus_dir)
        if index is not None and index.header.get("key") == key:
            return index
        if index is not None:
            index.close()
    data = build_index_bytes(corpus_dir, files, hashes, key)
    if _save(target, data, tag):
        index = _open_file(target, corpus_dir)
        if index is not None:
            return index
    return _open_bytes(data, None, corpus_dir)  # cache not writable: use it from memory


def corpus_key(hashes: list[tuple[str, str]]) -> str:
    material = json.dumps([INDEX_VERSION, FOLD_VERSION, GRAM, STEP, code_id(_INDEXED_SOURCES), sys.byteorder, hashes],
                          ensure_ascii=False)
    return content_hash(material.encode("utf-8"))


def folded_document(path: Path) -> tuple[str | None, str]:
    """(folded text, "") of a corpus file, or (None, why it cannot be read)."""
    try:
        return fold("".join(line.text for line in corpus_lines(path))), ""
    except DrafterError as error:
        return None, error.message


def _folded_chunk(paths: list[Path]) -> list[tuple[str | None, str]]:
    return [folded_document(path) for path in paths]


def _folded_documents(files: list[Path]) -> list[tuple[str | None, str]]:
    """Folded texts in file order; read in parallel for a large corpus (cleaning dominates)."""
    from drafter.process_pool import ProcessMap

    jobs = min(os.cpu_count() or 1, MAX_JOBS) if len(files) >= PARALLEL_FROM else 1
    with ProcessMap(jobs) as pool:
        return [folded for chunk in pool.map(_folded_chunk, pool.chunks(files, 32)) for folded in chunk]


def build_index_bytes(corpus_dir: Path, files: list[Path], hashes: list[tuple[str, str]], key: str) -> bytes:
    documents, skipped = [], []
    for (name, sha), (folded, problem) in zip(hashes, _folded_documents(files)):
        if folded is None:
            skipped.append((name, problem))
        else:
            documents.append((name, sha, folded))
    return index_bytes(documents, key, skipped)


def index_bytes(documents: list[tuple[str, str, str]], key: str = "",
                skipped: list[tuple[str, str]] | None = None) -> bytes:
    """The index file for (name, content hash, folded text) documents."""
    docs: list[dict] = []
    texts: list[str] = []
    buckets = [array("Q") for _ in range(256)]
    position = 0
    for name, sha, folded in documents:
        docs.append({"name": name, "sha": sha, "start": position, "length": len(folded)})
        encoded = folded.encode("utf-16-le")
        for offset in range(0, len(folded) - GRAM + 1, STEP):
            crc = zlib.crc32(encoded[2 * offset:2 * (offset + GRAM)])
            buckets[crc >> 24].append((crc << 32) | (position + offset))
        texts.append(folded)
        position += len(folded) + len(DOC_SEPARATOR)
        if position > _POSITION_MASK:
            raise DrafterError("范文库过大（折算超过 40 亿字），无法建立照抄检查索引")
    text = DOC_SEPARATOR.join(texts)
    keys = array("Q")
    for bucket in buckets:
        keys.extend(sorted(bucket))  # buckets hold ascending top bytes: the whole is sorted
    header = {"version": INDEX_VERSION, "key": key, "gram": GRAM, "step": STEP, "keys": len(keys),
              "chars": len(text), "docs": docs, "skipped": list(skipped or [])}
    header_bytes = json.dumps(header, ensure_ascii=False).encode("utf-8")
    head = MAGIC + len(header_bytes).to_bytes(8, "little") + header_bytes
    head += b"\0" * (-len(head) % 8)
    return head + keys.tobytes() + text.encode("utf-16-le")


def index_from_bytes(data: bytes, corpus_dir: Path = Path(".")) -> CorpusIndex:
    """An index held in memory (tests; a cache folder that cannot be written)."""
    return _open_bytes(data, None, corpus_dir)


def _parse_head(data) -> tuple[dict, int, int] | None:
    if bytes(data[:len(MAGIC)]) != MAGIC:
        return None
    size = int.from_bytes(bytes(data[len(MAGIC):len(MAGIC) + 8]), "little")
    start = len(MAGIC) + 8
    try:
        header = json.loads(bytes(data[start:start + size]).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if header.get("version") != INDEX_VERSION:
        return None
    keys_offset = start + size + (-(start + size) % 8)
    text_offset = keys_offset + 8 * header["keys"]
    if len(data) < text_offset + 2 * header["chars"]:
        return None  # truncated
    return header, keys_offset, text_offset


def _open_bytes(data: bytes, path: Path | None, corpus_dir: Path) -> CorpusIndex:
    parsed = _parse_head(data)
    assert parsed is not None
    header, keys_offset, text_offset = parsed
    return CorpusIndex(data, header, keys_offset, text_offset, path, corpus_dir)


def _open_file(path: Path, corpus_dir: Path) -> CorpusIndex | None:
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        handle.close()
        return None
    parsed = _parse_head(mapped)
    if parsed is None:
        mapped.close()
        handle.close()
        return None
    header, keys_offset, text_offset = parsed

    def closer() -> None:
        mapped.close()
        handle.close()

    return CorpusIndex(mapped, header, keys_offset, text_offset, path, corpus_dir, closer)


def _save(target: Path, data: bytes, tag: str) -> bool:
    from drafter.atomic_write import write_bytes_atomic

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, data)
    except (OSError, DrafterError):
        return False
    for old in target.parent.glob(f"{tag}-*.idx"):
        if old != target:
            try:
                old.unlink()
            except OSError:
                pass  # in use elsewhere (Windows): removed next time
    return True


# -- showing where a run came from ------------------------------------------------------------

@dataclass
class DocumentView:
    """A corpus document's cleaned lines and, for each folded character, its line and column."""

    lines: list[Line]
    folded: str
    places: list[tuple[int, int]]  # folded index -> (index into lines, column)


def document_view(path: Path) -> DocumentView | None:
    try:
        lines = corpus_lines(path)
    except DrafterError:
        return None
    pieces, places = [], []
    for number, line in enumerate(lines):
        folded, offsets = fold_with_offsets(line.text)
        pieces.append(folded)
        places.extend((number, column) for column in offsets)
    return DocumentView(lines, "".join(pieces), places)
