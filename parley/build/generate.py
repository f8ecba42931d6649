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
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from parley.build.depends import Dependency, Fingerprints, Recorder, recording_context
from parley.build.memo import PageRecord
from parley.build.workers import fork_map
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

__all__ = ["Generated", "Known", "generate_files"]


@dataclass(frozen=True, slots=True)
class Generated:
    """What :func:`generate_files` makes."""

    files: dict[str, str | bytes]
    """Every page (sorted by path) then every search index file, by path under ``docs/archive/``."""
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
) -> Generated:
    """Every page (sorted by path) then every search index file, keyed by path under
    ``docs/archive/``; the same as ``render_site`` followed by ``build_search_index``, with
    the pages as UTF-8 bytes: half the memory of text with typographic quotes, and passed from
    the workers without decoding.

    With ``known``, a document's search postings are worked out only when none are known for
    its fingerprint, and its transcript page is rendered only when its record no longer holds
    (its document or a value it looked up changed) or the page in the previous generated
    folder is not the one recorded (:mod:`parley.build.depends`). ``known`` is only read; what
    the next build should know comes back in :class:`Generated`."""
    ctx = page_context(catalog, vocab, site)
    recorder = Recorder()
    shared = _Shared(ctx, recording_context(ctx, recorder), recorder, topic_slugs(vocab))
    world()  # read once per process, before forking: workers and later builds inherit it
    given = known.fingerprints if known is not None else {}
    fps = {e.doc.id: given.get(e.doc.id, "") for e in catalog.entries}
    fingerprints = Fingerprints(ctx, fps)
    kept = _kept_pages(catalog, known, fps, fingerprints)
    postings_known = known.postings if known is not None else {}
    tasks = []
    for i, entry in enumerate(catalog.entries):
        fp = fps[entry.doc.id]
        postings_needed = not fp or fp not in postings_known
        if entry.doc.id not in kept or postings_needed:
            tasks.append((i, entry.doc.id not in kept, postings_needed))
    documents = fork_map(_document, shared, tasks, workers, "rendering", progress)
    parts = fork_map(_index_part, shared, INDEX_PARTS, workers)
    rendered: dict[str, bytes] = {transcript_page(d): page for d, page in kept.items()}
    by_id: dict[str, DocumentIndex] = {}
    records = {d: r for d, r in (known.pages if known else {}).items() if d in kept}
    salt = known.salt if known is not None else ""
    for (i, _, _), (path, page, looked_up, found) in zip(tasks, documents, strict=True):
        doc_id = catalog.entries[i].doc.id
        if found is not None:
            by_id[doc_id] = found
        if page is None:
            continue
        rendered[path] = page
        if fps[doc_id]:
            deps = tuple((table, key, fingerprints.of(table, key)) for table, key in looked_up)
            sha = hashlib.sha256(page).hexdigest()
            records[doc_id] = PageRecord(salt, fps[doc_id], deps, sha)
    for entry in catalog.entries:
        if entry.doc.id not in by_id:
            by_id[entry.doc.id] = postings_known[fps[entry.doc.id]]
    postings = {fps[d]: index for d, index in by_id.items() if fps[d]}
    pages = merge_pages(rendered, *parts)
    search = build_search_index(catalog.entries, vocab, by_id)
    files: dict[str, str | bytes] = merge_pages(dict(sorted(pages.items())), search)
    return Generated(files, postings, records, len(kept))


def _kept_pages(
    catalog: Catalog, known: Known | None, fps: Mapping[str, str], fingerprints: Fingerprints
) -> dict[str, bytes]:
    """The transcript pages of the previous tree that hold as they are: document id -> bytes."""
    kept: dict[str, bytes] = {}
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
            kept[doc_id] = page
    return kept
