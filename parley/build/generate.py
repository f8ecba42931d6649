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
from parley.build.memo import PageRecord
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


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every worker reads from its inherited memory."""

    ctx: PageContext
    recording: PageContext
    """``ctx`` noting, in ``recorder``, what a transcript page looks up."""
    recorder: Recorder
    topics: tuple[str, ...]


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


def _index_part(shared: _Shared, part: str) -> dict[str, bytes]:
    pages = render_index_part(shared.ctx, part, shared.topics)
    return {path: text.encode("utf-8") for path, text in pages.items()}


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


def generate_files(
    catalog: Catalog,
    vocab: VocabularyView,
    site: SiteInfo,
    workers: int,
    progress: bool = False,
    known: Known | None = None,
    sink: Sink | None = None,
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
    folder is not the one recorded (:mod:`parley.build.depends`). ``known`` is only read; what
    the next build should know comes back in :class:`Generated`."""
    collected: dict[str, str | bytes] = {}

    def keep(path: str, page: str | bytes) -> None:
        if path in collected:
            raise ValueError(f"two generated pages have the path {path!r}")
        collected[path] = page

    put = sink or keep
    ctx = page_context(catalog, vocab, site)
    recorder = Recorder()
    shared = _Shared(ctx, recording_context(ctx, recorder), recorder, topic_slugs(vocab))
    world()  # read once per process, before forking: workers and later builds inherit it
    given = known.fingerprints if known is not None else {}
    fps = {e.doc.id: given.get(e.doc.id, "") for e in catalog.entries}
    fingerprints = Fingerprints(ctx, fps)
    kept = _kept_pages(catalog, known, fps, fingerprints, put)
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
            deps = tuple((table, key, fingerprints.of(table, key)) for table, key in looked_up)
            sha = hashlib.sha256(page).hexdigest()
            records[doc_id] = PageRecord(salt, fps[doc_id], deps, sha)
    for part in fork_imap(_index_part, shared, INDEX_PARTS, workers):
        for path, page in part.items():
            put(path, page)
    for entry in catalog.entries:
        if entry.doc.id not in by_id:
            by_id[entry.doc.id] = postings_known[fps[entry.doc.id]]
    postings = {fps[d]: index for d, index in by_id.items() if fps[d]}
    search = build_search_index(catalog.entries, vocab, by_id)
    if sink is not None:
        for path, data in search.items():
            sink(path, data)
        return Generated({}, postings, records, len(kept))
    files = merge_pages(dict(sorted(collected.items())), search)
    return Generated(files, postings, records, len(kept))


def _kept_pages(
    catalog: Catalog,
    known: Known | None,
    fps: Mapping[str, str],
    fingerprints: Fingerprints,
    put: Sink,
) -> set[str]:
    """The ids of the transcript pages of the previous tree that hold as they are, each
    given to ``put`` as it is found."""
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
            put(transcript_page(doc_id), page)
            kept.add(doc_id)
    return kept
