"""What a long-running build process (the live preview) keeps from one build to the next.

A one-off build reads every transcript; the live preview rebuilds after every save, and at ten
thousand transcripts reading, enriching and indexing all of them again would take most of a
minute for a one-line change. A :class:`Memo` keeps, in memory only, the result of reading and
enriching each file, keyed by the file's path, size and modification time, and each document's
search postings, keyed by its id and the digest of its bytes. Both depend on the reference
data, so they are dropped whenever ``data/`` changes. Everything else (links, pages, the index
merge) is worked out again each time, so a build with a memo writes exactly what a build
without one writes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from parley.model import Diagnostic, Entry
from parley.search.index import DocumentIndex

__all__ = ["Memo", "ReadKey", "read_key"]

#: (path, path as shown, document id, size in bytes, modification time in nanoseconds).
ReadKey = tuple[str, str, str, int, int]


def read_key(task: tuple[str, str, str]) -> ReadKey | None:
    """The key of a read task (path, shown path, id), or None when the file cannot be seen."""
    try:
        info = os.stat(task[0])
    except OSError:
        return None
    return (*task, info.st_size, info.st_mtime_ns)


@dataclass(slots=True)
class Memo:
    """Results kept between builds of one process; see the module's note."""

    data_digest: str = ""
    """Digest of the reference data the results below were made with."""
    read: dict[ReadKey, tuple[Entry | None, list[Diagnostic]]] = field(default_factory=dict)
    postings: dict[tuple[str, str], DocumentIndex] = field(default_factory=dict)
    """(document id, SHA-256 of its bytes) -> its search postings and text files."""

    def remember_reads(
        self, reads: Mapping[ReadKey, tuple[Entry | None, list[Diagnostic]]]
    ) -> None:
        """Keep the results of this build's reads, and only those: memory follows the corpus."""
        self.read = dict(reads)

    def remember_postings(self, postings: Mapping[tuple[str, str], DocumentIndex]) -> None:
        """Keep the search postings of this build's documents, and only those."""
        self.postings = dict(postings)

    def use_data(self, digest: str) -> None:
        """Forget everything when the reference data is not the one the results were made
        with."""
        if digest != self.data_digest:
            self.read.clear()
            self.postings.clear()
            self.data_digest = digest
