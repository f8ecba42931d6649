"""What a build keeps from one build to the next, so that it re-does only what a change touches.

At ten thousand transcripts reading, enriching, indexing and rendering everything takes most of
a minute; a day's new transcripts touch a few dozen pages. A :class:`Memo` keeps:

- the result of reading and enriching each file, keyed by its path as shown, id and the digest
  of its bytes (a linked, special or oversized file is never kept);
- each document's search postings, keyed by the document's fingerprint (what it was read from,
  its paragraph numbering and its notes: :func:`parley.build.depends.entry_fingerprint`);
- for each transcript page, what it read from the linked corpus and the digest of its bytes
  (:class:`PageRecord`): the page is taken from the previous generated tree, unrendered, while
  all of that is unchanged (:mod:`parley.build.depends`);
- the same for each unit of index pages (a subject's pages, its feed, a year of the timeline:
  :mod:`parley.render.units`), with the digest of each of its files (:class:`UnitRecord`);
- the quotations of each news report traced in a transcript of its event
  (:func:`parley.link.provenance.trace_pair`), keyed by the fingerprints of the two documents.

Everything depends on the code, the reference data and the limits: their digest
(:meth:`Memo.use_data`) drops it all when it changes. The links, the overviews of the index
pages, the search index's merge and the files written are worked out again each time from these
parts, so a build with a memo writes exactly what a build without one writes. The memo only
keeps what it is given (``remember_*``); the stages read it and return what the next build
should keep.

The live preview keeps one in memory; a build keeps it in the cache folder
(:mod:`parley.build.store`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.build.stamp import file_fingerprint
from parley.limits import DEFAULT
from parley.link.provenance import QuoteMatch
from parley.model import Diagnostic, Entry
from parley.search.index import DocumentIndex

__all__ = ["Memo", "PageRecord", "ReadKey", "UnitRecord", "read_digest", "read_key", "trace_key"]

#: (path as shown, document id, SHA-256 of the file's bytes).
ReadKey = tuple[str, str, str]


def read_key(task: tuple[str, str, str], max_bytes: int = DEFAULT.file_bytes) -> ReadKey | None:
    """The key of a read task (path, shown path, id), or None when the file is not a regular
    file within the size limit (it is read, and refused, again each time). The file is known
    by its path as shown (relative to the repository), not by where the checkout is: what is
    read from it holds only that path."""
    found = file_fingerprint(Path(task[0]), max_bytes)
    if len(found) != hashlib.sha256().digest_size:
        return None
    return (task[1], task[2], found.hex())


def trace_key(report: str, transcript: str) -> str:
    """The key of a report traced in a transcript, from the two documents' fingerprints."""
    return hashlib.sha256(f"{report}\0{transcript}".encode()).hexdigest()


def read_digest(data_digest: str, key: ReadKey) -> str:
    """What a document was read from, as one string: its key and the code and data digest."""
    return hashlib.sha256(f"{data_digest}\0{key!r}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class PageRecord:
    """A transcript page as the last build made it."""

    salt: str
    """What every page depends on besides the corpus: code, data, site settings."""
    entry: str
    """The fingerprint of its document."""
    dependencies: tuple[tuple[str, Any, bytes], ...]
    """(table, key, fingerprint) of each value of the linked corpus it read."""
    sha256: str
    """Digest of the page's bytes, checked against the previous generated tree."""


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """A unit of index pages (:mod:`parley.render.units`) as the last build made it."""

    salt: str
    """What every page depends on besides the corpus: code, data, site settings."""
    dependencies: tuple[tuple[str, Any, bytes], ...]
    """(table, key, fingerprint) of each value of the linked corpus it read."""
    files: tuple[tuple[str, str], ...]
    """(path, digest of the bytes) of each file it made, checked against the previous tree."""
    parts: tuple[str, ...] = ()
    """The units made inside it (a subject's years), by part and key: kept with it. Its
    dependencies include theirs."""


@dataclass(slots=True)
class Memo:
    """Results kept between builds; see the module's note."""

    data_digest: str = ""
    """Digest of the code, reference data and limits the results below were made with."""
    read: dict[ReadKey, tuple[Entry | None, list[Diagnostic]]] = field(default_factory=dict)
    postings: dict[str, DocumentIndex] = field(default_factory=dict)
    """Document fingerprint -> its search postings and text files."""
    pages: dict[str, PageRecord] = field(default_factory=dict)
    """Document id -> how its page was made."""
    units: dict[str, UnitRecord] = field(default_factory=dict)
    """Index part and unit key -> how the unit's pages were made."""
    traces: dict[str, tuple[QuoteMatch, ...]] = field(default_factory=dict)
    """The fingerprints of a news report and a transcript (:func:`trace_key`) -> the report's
    quotations traced in the transcript."""
    stored: dict[str, Any] = field(default_factory=dict)
    """What the cache folder holds of it, by table (:mod:`parley.build.store`)."""

    def remember_reads(
        self, reads: Mapping[ReadKey, tuple[Entry | None, list[Diagnostic]]]
    ) -> None:
        """Keep the results of this build's reads, and only those: memory follows the corpus."""
        self.read = dict(reads)

    def remember_postings(self, postings: Mapping[str, DocumentIndex]) -> None:
        """Keep the search postings of this build's documents, and only those."""
        self.postings = dict(postings)

    def remember_pages(self, pages: Mapping[str, PageRecord]) -> None:
        """Keep how this build's transcript pages were made, and only those."""
        self.pages = dict(pages)

    def remember_units(self, units: Mapping[str, UnitRecord]) -> None:
        """Keep how this build's units of index pages were made, and only those."""
        self.units = dict(units)

    def remember_traces(self, traces: Mapping[str, tuple[QuoteMatch, ...]]) -> None:
        """Keep the quotations traced by this build, and only those."""
        self.traces = dict(traces)

    def use_data(self, digest: str) -> None:
        """Forget everything when the code, data and limits are not those the results were
        made with."""
        if digest != self.data_digest:
            self.read.clear()
            self.postings.clear()
            self.pages.clear()
            self.units.clear()
            self.traces.clear()
            self.data_digest = digest
