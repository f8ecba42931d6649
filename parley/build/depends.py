"""What a transcript page read from the linked corpus, so that it is rendered again only when
that changed.

A transcript's page shows more than its own document: the titles and dates of its related
documents, its neighbours in time, the reports that quote it, the pages of its people and
countries. Adding a transcript changes the pages of a few others (its neighbours, the documents
it is now related to), not all ten thousand. Which ones cannot be listed by hand without going
wrong the day a page starts showing something new, so it is recorded instead: the page is
rendered with a context whose every lookup table (:func:`recording_context`) notes what was
looked up, and the page is kept with a fingerprint of each value it read
(:class:`Fingerprints`). The next build renders it again unless every one of those values is the
same. Reading a whole table (iterating it) counts as depending on all of it; reading its
``keys()`` on its keys only. A document's rank (newest first) is fingerprinted by its place in
the catalog's time order (date and id), not by its position, which shifts with every document
added before it: ranks are only compared with one another.

Fingerprints are SHA-256 digests of pickled values, a document's own being that of its
inputs (:func:`entry_fingerprint`). Two equal values may pickle differently (a set's order);
that only costs a page rendered again, never a stale one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator, KeysView, Mapping
from dataclasses import replace
from typing import Any, SupportsIndex, TypeVar, overload

from parley.link.catalog import Catalog, chronological
from parley.model import Entry
from parley.render.context import PageContext
from parley.urls import SitePaths

__all__ = [
    "ALL",
    "Dependency",
    "Fingerprints",
    "Recorder",
    "entry_fingerprint",
    "recording_context",
]

K = TypeVar("K")
V = TypeVar("V")

#: The key recorded when a whole table was read.
ALL = ("*all*",)
#: The key recorded when only a table's keys were read (``keys()``).
KEYS = ("*keys*",)
#: (table, key): one value a page read.
Dependency = tuple[str, Any]
#: The fingerprint of a key a table does not hold.
ABSENT = b"absent"
#: The start of the fingerprint of a document whose inputs are not known.
UNKNOWN = b"unknown "


class Recorder:
    """The lookups made since the last :meth:`start`."""

    def __init__(self) -> None:
        self.seen: set[Dependency] = set()

    def start(self) -> None:
        self.seen = set()

    def note(self, table: str, key: Any) -> None:
        self.seen.add((table, key))


class RecordingMapping(Mapping[K, V]):
    """A read-only view of a mapping that notes every key looked up."""

    __slots__ = ("_data", "_recorder", "_table")

    def __init__(self, table: str, data: Mapping[K, V], recorder: Recorder) -> None:
        self._table, self._data, self._recorder = table, data, recorder

    def __getitem__(self, key: K) -> V:
        self._recorder.note(self._table, key)
        return self._data[key]

    def get(self, key: K, default: Any = None) -> Any:
        self._recorder.note(self._table, key)
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        self._recorder.note(self._table, key)
        return key in self._data

    def __iter__(self) -> Iterator[K]:
        self._recorder.note(self._table, ALL)
        return iter(self._data)

    def __len__(self) -> int:
        self._recorder.note(self._table, ALL)
        return len(self._data)

    def keys(self) -> KeysView[K]:
        self._recorder.note(self._table, KEYS)
        return self._data.keys()


class RecordingEntries(tuple[Entry, ...]):
    """The catalog's entries; any use of them counts as depending on all of them."""

    _recorder: Recorder

    def __new__(cls, entries: tuple[Entry, ...], recorder: Recorder) -> RecordingEntries:
        made = super().__new__(cls, entries)
        made._recorder = recorder
        return made

    def _all(self) -> None:
        self._recorder.note("entries", ALL)

    def __iter__(self) -> Iterator[Entry]:
        self._all()
        return super().__iter__()

    def __reversed__(self) -> Iterator[Entry]:
        self._all()
        return reversed(tuple(super().__iter__()))

    def __len__(self) -> int:
        self._all()
        return super().__len__()

    def __contains__(self, item: object) -> bool:
        self._all()
        return super().__contains__(item)

    @overload
    def __getitem__(self, index: SupportsIndex) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Entry | tuple[Entry, ...]:
        self._all()
        return super().__getitem__(index)

    def index(self, value: Any, start: SupportsIndex = 0, stop: SupportsIndex = 2**63 - 1) -> int:
        self._all()
        return super().index(value, start, stop)

    def count(self, value: Any) -> int:
        self._all()
        return super().count(value)


def recording_context(ctx: PageContext, recorder: Recorder) -> PageContext:
    """``ctx`` with every table of the linked corpus noting its lookups in ``recorder``."""
    catalog = ctx.catalog

    def rec(table: str, data: Mapping[Any, Any]) -> RecordingMapping[Any, Any]:
        return RecordingMapping(table, data, recorder)

    quotes = replace(
        catalog.quotes,
        by_report=rec("quoted-by-report", catalog.quotes.by_report),
        by_transcript=rec("quoted-in-transcript", catalog.quotes.by_transcript),
    )
    recorded = replace(
        catalog,
        entries=RecordingEntries(catalog.entries, recorder),
        by_id=rec("entry", catalog.by_id),
        links=rec("links", catalog.links),
        subjects=rec("subjects", catalog.subjects),
        years=rec("years", catalog.years),
        people=rec("people", catalog.people),
        quotes=quotes,
    )
    return replace(
        ctx,
        catalog=recorded,
        paths=SitePaths(rec("paths", ctx.paths.subjects)),
        rank=rec("rank", ctx.rank),  # type: ignore[arg-type]
        year_of=rec("year-of", ctx.year_of),  # type: ignore[arg-type]
    )


def entry_fingerprint(read: str, *parts: object) -> str:
    """A document's fingerprint: the digest of what it was read from (file, id and the code and
    data that read it) and of what was added to it after reading (``parts``: its paragraph
    numbering, its notes)."""
    digest = hashlib.sha256(read.encode())
    for part in parts:
        digest.update(hashlib.sha256(pickle.dumps(part, protocol=5)).digest())
    return digest.hexdigest()


class Fingerprints:
    """The fingerprint of each value of the linked corpus a page may read, worked out once."""

    def __init__(self, ctx: PageContext, entries: Mapping[str, str]) -> None:
        catalog: Catalog = ctx.catalog
        self._entries = entries
        self._tables: dict[str, Mapping[Any, Any]] = {
            "links": catalog.links,
            "subjects": catalog.subjects,
            "years": catalog.years,
            "people": catalog.people,
            "quoted-by-report": catalog.quotes.by_report,
            "quoted-in-transcript": catalog.quotes.by_transcript,
            "paths": ctx.paths.subjects,
            "rank": ctx.rank,
            "year-of": ctx.year_of,
        }
        self._order = tuple(e.doc.id for e in catalog.entries)
        self._by_id = catalog.by_id
        self._known: dict[Dependency, bytes] = {}
        self._recorded: dict[Dependency, tuple[str, Any, bytes]] = {}

    def of(self, table: str, key: Any) -> bytes:
        """The fingerprint of one value read (``key`` :data:`ALL`: the whole table)."""
        dependency = (table, key)
        found = self._known.get(dependency)
        if found is None:
            found = self._known[dependency] = self._work_out(table, key)
        return found

    def recorded(self, looked_up: Iterable[Dependency]) -> tuple[tuple[str, Any, bytes], ...]:
        """(table, key, fingerprint) of each value looked up, as a page's or unit's record
        keeps them. Each is made once and shared by every record that read the same value:
        a corpus' records hold some fifty lookups per document, nearly all of the same few
        thousand values (a document's entry, its rank, a subject's path)."""
        recorded = self._recorded
        made = []
        for dependency in looked_up:
            found = recorded.get(dependency)
            if found is None:
                table, key = dependency
                found = recorded[dependency] = (table, key, self.of(table, key))
            made.append(found)
        return tuple(made)

    def _work_out(self, table: str, key: Any) -> bytes:
        if table in ("entry", "entries"):
            if key == ALL:
                ids = "\0".join(f"{i}={self._entries[i]}" for i in self._order)
                return hashlib.sha256(ids.encode()).digest()
            known = self._entries.get(key)
            if known == "":  # a document without a fingerprint: never the same as before
                return UNKNOWN + os.urandom(16)
            return known.encode() if known is not None else ABSENT
        data = self._tables.get(table)
        if data is None:
            return ABSENT + b" table " + table.encode()
        if key == ALL:
            value: Any = list(data.items())
        elif key == KEYS:
            value = list(data)
        elif key not in data:
            return ABSENT
        elif table == "rank":
            # Ranks are positions, which every new document before it shifts; they are only
            # ever compared, and their order is the catalog's time order of the documents.
            value = chronological(self._by_id[key])
        else:
            value = data[key]
        return hashlib.sha256(pickle.dumps(value, protocol=5)).digest()

    def unchanged(self, dependencies: tuple[tuple[str, Any, bytes], ...]) -> bool:
        """Whether every value read, with the fingerprint it had, still has it."""
        return all(self.of(table, key) == fp for table, key, fp in dependencies)
