"""Every generated file but the published data: the pages and the search index.

The per-document work (a transcript's page, its part of the search index) and the index pages
(countries, topics, people, organisations, the timeline...) are independent of one another once
the corpus is linked, so they are spread over worker processes
(:func:`parley.build.workers.fork_map`);
only the merge of the search index's postings runs in this process. The files are the same
whatever the number of workers. With what the previous build left (:class:`Known`), a transcript
page whose inputs did not change is taken from the previous generated tree and a document's
postings from the memo; the files are the same as without it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from parley.build.depends import Dependency, Fingerprints, Recorder, recording_context
from parley.build.memo import PageRecord, UnitRecord
from parley.build.workers import fork_imap
from parley.link.catalog import Catalog
from parley.names import VocabularyView
from parley.render import (
    INDEX_PARTS,
    SiteInfo,
    page_context,
    render_index_part,
    topic_slugs,
    transcript_markdown,
)
from parley.render.context import PageContext
from parley.render.geometry import world
from parley.render.units import Make
from parley.search.index import DocumentIndex, build_search_index, document_index
from parley.urls import merge_pages, transcript_page

__all__ = ["Generated", "Known", "Sink", "generate_files"]

#: Where each generated file goes as soon as it is made: (path under ``docs/archive/``, content).
Sink = Callable[[str, str | bytes], None]


@dataclass(frozen=True, slots=True)
class Generated:
    """What :func:`generate_files` makes."""

    files: dict[str, str | bytes]
    """Every page (sorted by path) then every search index file, by path under ``docs/archive/``;
    empty when they were given to a sink instead."""
    postings: dict[str, DocumentIndex]
    """The search postings of every document with a fingerprint, by fingerprint: for the next
    build."""
    pages: dict[str, PageRecord] = field(default_factory=dict)
    """How each transcript page with a fingerprint was made, by document id: for the next
    build."""
    reused: int = 0
    """Transcript pages taken from the previous generated tree, not rendered."""
    units: dict[str, UnitRecord] = field(default_factory=dict)
    """How each unit of index pages was made, by part and key: for the next build."""
    units_reused: int = 0
    """Units of index pages taken from the previous generated tree, not rendered."""


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every worker reads from its inherited memory."""

    ctx: PageContext
    recording: PageContext
    """``ctx`` noting, in ``recorder``, what a page looks up."""
    recorder: Recorder
    topics: tuple[str, ...]
    fingerprints: Fingerprints
    known: Known | None = None


#: One document's work: its index in the catalog, whether its page and its postings are needed.
_Task = tuple[int, bool, bool]
#: Its result: the page's path, bytes and what it looked up (or None), and its postings.
_Done = tuple[str, bytes | None, tuple[Dependency, ...], DocumentIndex | None]


def _document(shared: _Shared, task: _Task) -> _Done:
    """The page and the search part of a document, those of them needed."""
    index, page_needed, postings_needed = task
    entry = shared.ctx.catalog.entries[index]
    page: bytes | None = None
    looked_up: tuple[Dependency, ...] = ()
    if page_needed:
        shared.recorder.start()
        page = transcript_markdown(entry, shared.recording).encode("utf-8")
        looked_up = tuple(shared.recorder.seen)
    postings = document_index(entry, shared.ctx.names) if postings_needed else None
    return transcript_page(entry.doc.id), page, looked_up, postings


#: An index part's result: its pages made, the paths of those kept from the previous tree,
#: how each of its units was made, and how many units were kept.
_PartDone = tuple[dict[str, bytes], list[str], dict[str, UnitRecord], int]


def _index_part(shared: _Shared, part: str) -> _PartDone:
    """The pages of an index part. Without what the previous build left, all of them; with
    it, each unit (:mod:`parley.render.units`) is made with a context that records what it
    looks up, unless the record of its previous making still holds and its files in the
    previous tree are those recorded: then only their paths come back."""
    known = shared.known
    if known is None:
        pages = render_index_part(shared.ctx, part, shared.topics)
        return {path: text.encode("utf-8") for path, text in pages.items()}, [], {}, 0
    kept: list[str] = []
    records: dict[str, UnitRecord] = {}
    made: dict[str, bytes] = {}
    reused: list[str] = []
    within: list[list[str]] = []  # the units made inside each unit being made, innermost last
    recorder, fingerprints = shared.recorder, shared.fingerprints

    def unit(key: str, make: Make) -> dict[str, str]:
        name = f"{part}:{key}"
        family = _family(name, known)
        if family is not None and _holds(family, known, fingerprints):
            for member, record in family:
                kept.extend(path for path, _ in record.files)
                records[member] = record
                reused.append(member)
            # A unit made around this one depends on what this one read.
            recorder.seen.update((table, k) for table, k, _ in family[0][1].dependencies)
        else:
            outer = recorder.seen
            recorder.start()
            within.append([])
            pages = make(shared.recording)
            parts = tuple(within.pop())
            looked_up = recorder.seen
            recorder.seen = outer | looked_up
            files = []
            for path, text in pages.items():
                data = made[path] = text.encode("utf-8")
                files.append((path, hashlib.sha256(data).hexdigest()))
            deps = fingerprints.recorded(looked_up)
            records[name] = UnitRecord(known.salt, deps, tuple(files), parts)
        if within:
            within[-1].append(name)
        return {}

    rest = render_index_part(shared.ctx, part, shared.topics, unit)
    made.update((path, text.encode("utf-8")) for path, text in rest.items())
    return made, kept, records, len(reused)


def _family(name: str, known: Known) -> list[tuple[str, UnitRecord]] | None:
    """The record of a unit and those of the units made inside it, or None when one is
    missing."""
    record = known.units.get(name)
    if record is None:
        return None
    family = [(name, record)]
    for part in record.parts:
        inner = _family(part, known)
        if inner is None:
            return None
        family += inner
    return family


def _holds(family: list[tuple[str, UnitRecord]], known: Known, fingerprints: Fingerprints) -> bool:
    """Whether a unit's record holds: same salt, every value it (and every unit made inside
    it: its record has their lookups too) read unchanged, and the files of all of them in the
    previous tree are the bytes they made."""
    record = family[0][1]
    if record.salt != known.salt or known.previous is None:
        return False
    if not fingerprints.unchanged(record.dependencies):
        return False
    for _, member in family:
        for path, sha in member.files:
            try:
                data = (known.previous / path).read_bytes()
            except OSError:
                return False
            if hashlib.sha256(data).hexdigest() != sha:
                return False
    return True


@dataclass(frozen=True, slots=True)
class Known:
    """What the previous build left (:class:`parley.build.memo.Memo`), only read here."""

    fingerprints: Mapping[str, str]
    """Document id -> its fingerprint (none: nothing of it is kept or reused)."""
    postings: Mapping[str, DocumentIndex]
    """Fingerprint -> search postings."""
    pages: Mapping[str, PageRecord]
    """Document id -> how its page was made."""
    previous: Path | None
    """The generated folder the pages were written to."""
    salt: str
    """What every page depends on besides the corpus (code, data, site settings)."""
    units: Mapping[str, UnitRecord] = field(default_factory=dict)
    """Part and key -> how a unit of index pages was made."""


def generate_files(
    catalog: Catalog,
    vocab: VocabularyView,
    site: SiteInfo,
    workers: int,
    progress: bool = False,
    known: Known | None = None,
    sink: Sink | None = None,
    keep: Callable[[str], None] | None = None,
) -> Generated:
    """Every page (sorted by path) then every search index file, keyed by path under
    ``docs/archive/``; the same as ``render_site`` followed by ``build_search_index``, with
    the pages as UTF-8 bytes: half the memory of text with typographic quotes, and passed from
    the workers without decoding. With a ``sink``, each file is given to it as soon as it is
    made, in no set order, and none is kept (:attr:`Generated.files` is then empty): the
    build writes them away (:class:`parley.build.write.TreeWriter`) instead of holding a
    corpus' worth of pages.

    With ``known``, a document's search postings are worked out only when none are known for
    its fingerprint, and its transcript page is rendered only when its record no longer holds
    (its document or a value it looked up changed) or the page in the previous generated
    folder is not the one recorded (:mod:`parley.build.depends`); so is each unit of index
    pages (a subject's pages, a feed, a year of the timeline: :mod:`parley.render.units`).
    ``known`` is only read; what the next build should know comes back in :class:`Generated`.
    A file taken as it is from the previous folder is given to ``keep`` by its path (the
    writer links it without reading it) or, without ``keep``, read and given to the sink."""
    collected: dict[str, str | bytes] = {}

    def collect(path: str, page: str | bytes) -> None:
        if path in collected:
            raise ValueError(f"two generated pages have the path {path!r}")
        collected[path] = page

    put = sink or collect
    previous = known.previous if known is not None else None

    def unchanged(path: str) -> None:
        if keep is not None:
            keep(path)
        elif previous is not None:
            put(path, (previous / path).read_bytes())

    ctx = page_context(catalog, vocab, site)
    recorder = Recorder()
    given = known.fingerprints if known is not None else {}
    fps = {e.doc.id: given.get(e.doc.id, "") for e in catalog.entries}
    fingerprints = Fingerprints(ctx, fps)
    recording = recording_context(ctx, recorder)
    shared = _Shared(ctx, recording, recorder, topic_slugs(vocab), fingerprints, known)
    world()  # read once per process, before forking: workers and later builds inherit it
    kept = _kept_pages(catalog, known, fps, fingerprints, unchanged)
    postings_known = known.postings if known is not None else {}
    tasks = []
    for i, entry in enumerate(catalog.entries):
        fp = fps[entry.doc.id]
        postings_needed = not fp or fp not in postings_known
        if entry.doc.id not in kept or postings_needed:
            tasks.append((i, entry.doc.id not in kept, postings_needed))
    documents = fork_imap(_document, shared, tasks, workers, "rendering", progress)
    by_id: dict[str, DocumentIndex] = {}
    records = {d: r for d, r in (known.pages if known else {}).items() if d in kept}
    salt = known.salt if known is not None else ""
    for (i, _, _), (path, page, looked_up, found) in zip(tasks, documents, strict=True):
        doc_id = catalog.entries[i].doc.id
        if found is not None:
            by_id[doc_id] = found
        if page is None:
            continue
        put(path, page)
        if fps[doc_id]:
            deps = fingerprints.recorded(looked_up)
            sha = hashlib.sha256(page).hexdigest()
            records[doc_id] = PageRecord(salt, fps[doc_id], deps, sha)
    units: dict[str, UnitRecord] = {}
    units_reused = 0
    for made, same, done, count in fork_imap(_index_part, shared, INDEX_PARTS, workers):
        for path, page in made.items():
            put(path, page)
        for path in same:
            unchanged(path)
        units.update(done)
        units_reused += count
    for entry in catalog.entries:
        if entry.doc.id not in by_id:
            by_id[entry.doc.id] = postings_known[fps[entry.doc.id]]
    postings = {fps[d]: index for d, index in by_id.items() if fps[d]}
    search = build_search_index(catalog.entries, vocab, by_id)
    if sink is not None:
        for path, data in search.items():
            sink(path, data)
        return Generated({}, postings, records, len(kept), units, units_reused)
    files = merge_pages(dict(sorted(collected.items())), search)
    return Generated(files, postings, records, len(kept), units, units_reused)


def _kept_pages(
    catalog: Catalog,
    known: Known | None,
    fps: Mapping[str, str],
    fingerprints: Fingerprints,
    unchanged: Callable[[str], None],
) -> set[str]:
    """The ids of the transcript pages of the previous tree that hold as they are, each
    given to ``unchanged`` by its path as it is found."""
    kept: set[str] = set()
    if known is None or known.previous is None:
        return kept
    for entry in catalog.entries:
        doc_id = entry.doc.id
        record = known.pages.get(doc_id)
        if (
            record is None
            or not fps[doc_id]
            or record.salt != known.salt
            or record.entry != fps[doc_id]
            or not fingerprints.unchanged(record.dependencies)
        ):
            continue
        try:
            page = (known.previous / transcript_page(doc_id)).read_bytes()
        except OSError:
            continue
        if hashlib.sha256(page).hexdigest() == record.sha256:
            unchanged(transcript_page(doc_id))
            kept.add(doc_id)
    return kept
