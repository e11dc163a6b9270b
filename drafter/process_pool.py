"""Run a function over tasks in worker processes, results in task order.

Used by `drafter mine` (parse and cut the corpus) and by `drafter check`
(index a large corpus). A machine where worker processes cannot start runs the
tasks inline instead. Workers report each finished document through a shared
counter, so a progress bar can move while a chunk is still running.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

MAX_CHUNK = 400  # items per task: bounded, so each worker's memory stays flat

_done_counter = None  # shared count of items done, set in each worker


def _start_worker(counter) -> None:
    global _done_counter
    _done_counter = counter


def one_done() -> None:
    """Called by a task function for each item it finishes (no-op inline)."""
    if _done_counter is not None:
        with _done_counter.get_lock():
            _done_counter.value += 1


class ProcessMap:
    """A pool of `jobs` processes, started on first need and kept for several maps."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._counter = None

    def __enter__(self) -> ProcessMap:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def chunks(self, items: list, max_chunk: int = MAX_CHUNK) -> list[list]:
        """A few large chunks per worker (the parent merges few results), each bounded."""
        if not items:
            return []
        parts = 1 if self.jobs <= 1 or len(items) < 8 else self.jobs * 2
        size = min(-(-len(items) // parts), max_chunk)
        return [items[start:start + size] for start in range(0, len(items), size)]

    def map(self, function: Callable[[Any], Any], tasks: list,
            progress: Callable[[int], None] | None = None, sizes: list[int] | None = None) -> Iterator[Any]:
        """function(task) for each task, in order. progress(done) is told how many items
        are finished so far; `sizes` (items per task) counts them when run inline."""
        pool = self._start() if self.jobs > 1 and len(tasks) > 1 else None
        if pool is None:
            done = 0
            for number, task in enumerate(tasks):
                result = function(task)
                done += sizes[number] if sizes else 1
                if progress:
                    progress(done)
                yield result
            return
        with self._counter.get_lock():
            self._counter.value = 0
        futures = [pool.submit(function, task) for task in tasks]
        for future in futures:
            while True:
                try:
                    result = future.result(timeout=0.2)
                    break
                except FuturesTimeout:
                    if progress:
                        progress(self._counter.value)
            if progress:
                progress(self._counter.value)
            yield result

    def _start(self) -> ProcessPoolExecutor | None:
        if self._pool is None:
            try:
                import multiprocessing

                self._counter = multiprocessing.Value("i", 0)
                self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_start_worker,
                                                 initargs=(self._counter,))
            except (OSError, ImportError, NotImplementedError, BrokenProcessPool):
                self.jobs = 1  # no worker processes here: run inline
                return None
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
