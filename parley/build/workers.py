"""Spread independent work over processes: how many, and a map over processes forked from this one.

Per-document work after the corpus is linked (rendering a page, indexing its words) needs the
whole linked corpus. Sending it to every worker would cost more than the work, so the workers
are forked from the process that holds it and read it from their copy of memory; only each
item's index goes out and only its result comes back. Results come back in the order of the
items, so the output is the same whatever the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from parley.build.progress import Progress

__all__ = ["PARALLEL_THRESHOLD", "fork_imap", "fork_map", "worker_count"]

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

#: Parallel work pays off only above this many items (starting processes costs ~0.2 s).
PARALLEL_THRESHOLD = 64

#: The function and shared data of the running :func:`fork_map`, inherited by its workers.
_JOB: tuple[Callable[[Any, Any], Any], Any] | None = None


def worker_count(jobs: int, items: int) -> int:
    """Workers for ``items`` pieces of work: ``jobs``, or for 0 one per core when it pays."""
    if jobs > 0:
        return jobs
    return (os.cpu_count() or 1) if items >= PARALLEL_THRESHOLD else 1


def _call(item: Any) -> Any:
    assert _JOB is not None, "worker started outside fork_map"
    function, shared = _JOB
    return function(shared, item)


def fork_map(
    function: Callable[[S, T], R],
    shared: S,
    items: Sequence[T],
    workers: int,
    label: str = "",
    progress: bool = False,
) -> list[R]:
    """``[function(shared, item) for item in items]``, on ``workers`` forked processes.

    ``function`` must be a module-level function; ``shared`` is never pickled. With one
    worker, or where ``fork`` does not exist, everything runs in this process."""
    return list(fork_imap(function, shared, items, workers, label, progress))


def fork_imap(
    function: Callable[[S, T], R],
    shared: S,
    items: Sequence[T],
    workers: int,
    label: str = "",
    progress: bool = False,
) -> Iterator[R]:
    """:func:`fork_map` one result at a time, in the order of ``items``, as the workers return
    them: the caller can write each away instead of holding them all. The workers are forked
    when the first result is asked for, and stopped when the iterator is exhausted or closed."""
    global _JOB
    bar = Progress(total=len(items), label=label, enabled=progress and bool(label))
    collecting = gc.isenabled()
    # The results are many small objects and no cycles; the cyclic collector would scan every
    # one of them again and again as they arrive (a third of reading 10,000 files).
    gc.disable()
    try:
        if workers <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            for item in items:
                yield bar.step(function(shared, item))
            return
        _JOB = (function, shared)
        chunk = max(1, min(64, len(items) // (workers * 8)))
        gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for result in pool.imap(_call, items, chunksize=chunk):
                    yield bar.step(result)
        finally:
            gc.unfreeze()
            _JOB = None
    finally:
        if collecting:
            gc.enable()
        bar.close()
