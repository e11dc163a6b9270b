"""The corpus page's work: the files with their outlines, uploads stored under safe
names, and re-mining in a process of its own with its progress."""
from __future__ import annotations

import queue
import re
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from drafter import api
from drafter.corpus import SUFFIXES, corpus_files
from drafter.errors import DrafterError
from drafter.model import Document

MAX_NAME = 100  # characters of a stored file's name before its extension
# Names Windows keeps for devices, whatever the extension.
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def safe_file_name(written: str) -> str:
    """The base name an upload is stored under: no folder from the request, no
    character a Windows or Linux file name cannot hold, not hidden, not a device
    name, .txt or .docx. Raises DrafterError when nothing usable is left."""
    base = re.split(r"[\\/]", written or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = _UNSAFE.sub("", "".join(c for c in base if c.isprintable()))
    base = base.strip().lstrip(".~$").strip().rstrip(". ")
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in SUFFIXES:
        raise DrafterError("只能上传 .txt 或 .docx 文件", path=written or None)
    stem = stem.strip().rstrip(". ")[:MAX_NAME].rstrip(". ")
    if not stem or stem.split(".")[0].upper() in _DEVICE_NAMES:
        stem = f"范文_{stem}" if stem else "范文"
    return f"{stem}.{suffix.lower()}"


def private_folder(parent: Path | None = None) -> Path:
    """A folder only this user can read (mkdtemp makes it 0700)."""
    return Path(tempfile.mkdtemp(prefix="upload-", dir=parent))


def parse_upload(data: bytes, name: str, work_dir: Path | None) -> Document:
    """Read an upload as the corpus reader would, from a private temp folder, then delete it.
    Messages name the file as uploaded."""
    import shutil

    folder = private_folder(work_dir)
    try:
        path = folder / safe_file_name(name)
        path.write_bytes(data)
        try:
            return api.parse_file(path)
        except DrafterError as error:
            raise DrafterError(error.message, path=Path(name).name or None, line=error.line, key=error.key) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class FileExists(DrafterError):
    """The corpus already has a file of that name (the page asks before replacing it)."""


def store_upload(corpus_dir: Path, name: str, data: bytes, *, overwrite: bool, work_dir: Path | None) -> Path:
    """Check an upload reads as a corpus file, then store it under its safe name."""
    from drafter.atomic_write import write_bytes_atomic

    stored = safe_file_name(name)
    target = corpus_dir / stored
    if target.resolve().parent != corpus_dir.resolve():  # never anywhere but the corpus folder
        raise DrafterError("文件名无效", path=name)
    if target.exists() and not overwrite:
        raise FileExists(f"范文库中已有同名文件“{stored}”", path=stored)
    parse_upload(data, name, work_dir)
    write_bytes_atomic(target, data)
    return target


# -- listing ------------------------------------------------------------------------------

@dataclass
class CorpusEntry:
    name: str
    size: int
    document: Document | None = None
    error: str = ""


_parsed: dict[tuple[str, int, int], tuple[Document | None, str]] = {}


def list_corpus(corpus_dir: Path) -> list[CorpusEntry]:
    """Every corpus file with its parsed outline (kept while the file is unchanged)."""
    entries = []
    for path in corpus_files(corpus_dir):
        try:
            stat = path.stat()
        except OSError:
            continue
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in _parsed:
            try:
                _parsed[key] = (api.parse_file(path), "")
            except DrafterError as error:
                _parsed[key] = (None, error.message)
        document, error = _parsed[key]
        entries.append(CorpusEntry(path.relative_to(corpus_dir).as_posix(), stat.st_size, document, error))
    return entries


# -- re-mining ------------------------------------------------------------------------------

def _mine_in_child(corpus_dir: str, messages) -> None:
    """Runs in a process of its own (started fresh, so the miner's worker processes fork
    from a process without the server's threads)."""
    from drafter.errors import DrafterError as Bad

    try:
        report = api.mine(corpus_dir, None, warn=lambda text: messages.put(("warn", text)),
                          on_progress=lambda label, done, total: messages.put(("progress", label, done, total)))
        messages.put(("done", str(report)))
    except Bad as error:
        messages.put(("failed", str(error)))
    except BaseException as error:  # a bug in drafter: one line, as the command line says it
        messages.put(("failed", f"drafter 内部错误（{type(error).__name__}）：这是 drafter 的问题，不是您的文件有误；"
                                "请报告给维护人员。"))


@dataclass
class MiningJob:
    """One re-mining at a time; the page polls its state."""

    state: str = "idle"            # idle, running, done, failed
    step: str = ""
    done: int = 0
    total: int = 0
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    started: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def to_dict(self) -> dict:
        return {"state": self.state, "step": self.step, "done": self.done, "total": self.total,
                "message": self.message, "warnings": list(self.warnings),
                "seconds": round(time.monotonic() - self.started, 1) if self.started else 0}

    def start(self, corpus_dir: Path) -> bool:
        """False when a run is already going."""
        import multiprocessing

        with self._lock:
            if self.state == "running":
                return False
            self.state, self.step, self.done, self.total = "running", "准备", 0, 0
            self.message, self.warnings, self.started = "", [], time.monotonic()
        context = multiprocessing.get_context("spawn")
        messages = context.Queue()
        process = context.Process(target=_mine_in_child, args=(str(corpus_dir), messages), daemon=True)
        process.start()
        threading.Thread(target=self._follow, args=(process, messages), daemon=True).start()
        return True

    def _follow(self, process, messages) -> None:
        while True:
            try:
                message = messages.get(timeout=0.5)
            except queue.Empty:
                if not process.is_alive():
                    with self._lock:
                        if self.state == "running":
                            self.state, self.message = "failed", "提炼进程意外退出，请重试。"
                    return
                continue
            with self._lock:
                if message[0] == "progress":
                    self.step, self.done, self.total = message[1], message[2], message[3]
                elif message[0] == "warn":
                    self.warnings.append(message[1])
                else:
                    self.state, self.message = message[0], message[1]
            if message[0] in ("done", "failed"):
                process.join(timeout=5)
                return


def user_bank_note(bank_dir: Path | None) -> str:
    from drafter.bank import choose_bank
    from drafter.user_dirs import user_bank_dir

    if bank_dir is not None:
        return (f"本次启动用 --bank 指定了语库 {bank_dir}；重新提炼写入用户语库 {user_bank_dir()}，"
                "不启用 --bank 时才会使用它。")
    return choose_bank(None).describe()
