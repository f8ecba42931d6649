"""Every generated file but the published data: the pages and the search index.

The per-document work (a transcript's page, its part of the search index) and the index pages
(countries, topics, people, organisations, the timeline...) are independent of one another once
the corpus is linked, so they are spread over worker processes
(:func:`parley.build.workers.fork_map`);
only the merge of the search index's postings runs in this process. The files are the same
whatever the number of workers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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

__all__ = ["Generated", "generate_files"]


@dataclass(frozen=True, slots=True)
class Generated:
    """What :func:`generate_files` makes."""

    files: dict[str, str | bytes]
    """Every page (sorted by path) then every search index file, by path under ``docs/archive/``."""
    postings: dict[tuple[str, str], DocumentIndex]
    """The search postings of every document, by (id, SHA-256 of its bytes): for the next build."""


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every worker reads from its inherited memory."""

    ctx: PageContext
    topics: tuple[str, ...]
    indexed: frozenset[str]
    """Documents whose search postings are already known (not worked out again)."""


def _document(shared: _Shared, index: int) -> tuple[str, bytes, DocumentIndex | None]:
    """The page and the search part (unless known) of the ``index``-th document."""
    entry = shared.ctx.catalog.entries[index]
    page = transcript_markdown(entry, shared.ctx).encode("utf-8")
    if entry.doc.id in shared.indexed:
        return transcript_page(entry.doc.id), page, None
    return transcript_page(entry.doc.id), page, document_index(entry, shared.ctx.names)


def _index_part(shared: _Shared, part: str) -> dict[str, bytes]:
    pages = render_index_part(shared.ctx, part, shared.topics)
    return {path: text.encode("utf-8") for path, text in pages.items()}


def generate_files(
    catalog: Catalog,
    vocab: VocabularyView,
    site: SiteInfo,
    workers: int,
    progress: bool = False,
    known: Mapping[tuple[str, str], DocumentIndex] | None = None,
) -> Generated:
    """Every page (sorted by path) then every search index file, keyed by path under
    ``docs/archive/``; the same as ``render_site`` followed by ``build_search_index``, with
    the pages as UTF-8 bytes: half the memory of text with typographic quotes, and passed from
    the workers without decoding.

    ``known`` holds search postings by (document id, SHA-256 of its bytes): those found there
    are not worked out again. It is only read; the postings of this corpus come back in
    :attr:`Generated.postings`."""
    known = {} if known is None else known
    keys = [(entry.doc.id, entry.doc.sha256) for entry in catalog.entries]
    indexed = frozenset(doc_id for doc_id, sha in keys if (doc_id, sha) in known)
    shared = _Shared(page_context(catalog, vocab, site), topic_slugs(vocab), indexed)
    world()  # read once per process, before forking: workers and later builds inherit it
    count = len(catalog.entries)
    documents = fork_map(_document, shared, range(count), workers, "rendering", progress)
    parts = fork_map(_index_part, shared, INDEX_PARTS, workers)
    pages = merge_pages({page: text for page, text, _ in documents}, *parts)
    postings = {
        key: known[key] if found is None else found
        for key, (_, _, found) in zip(keys, documents, strict=True)
    }
    by_id = {doc_id: index for (doc_id, _), index in postings.items()}
    search = build_search_index(catalog.entries, vocab, by_id)
    return Generated(merge_pages(dict(sorted(pages.items())), search), postings)
