"""Every generated file but the published data: the pages and the search index.

The per-document work (a transcript's page, its part of the search index) and the index pages
(countries, topics, people, organisations, the timeline...) are independent of one another once
the corpus is linked, so they are spread over worker processes (:func:`parley.workers.fork_map`);
only the merge of the search index's postings runs in this process. The files are the same
whatever the number of workers.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.catalog import Catalog
from parley.render import (
    INDEX_PARTS,
    SiteInfo,
    page_context,
    render_index_part,
    topic_slugs,
    transcript_markdown,
)
from parley.render.context import PageContext
from parley.render.names import VocabularyView
from parley.render.paths import transcript_page
from parley.search_index import DocumentIndex, build_search_index, document_index
from parley.workers import fork_map

__all__ = ["generate_files"]


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every worker reads from its inherited memory."""

    ctx: PageContext
    topics: tuple[str, ...]


def _document(shared: _Shared, index: int) -> tuple[str, str, DocumentIndex]:
    """The page and the search part of the ``index``-th document of the catalog."""
    entry = shared.ctx.catalog.entries[index]
    page = transcript_markdown(entry, shared.ctx)
    return transcript_page(entry.doc.id), page, document_index(entry, shared.ctx.names)


def _index_part(shared: _Shared, part: str) -> dict[str, str]:
    return render_index_part(shared.ctx, part, shared.topics)


def generate_files(
    catalog: Catalog, vocab: VocabularyView, site: SiteInfo, workers: int, progress: bool = False
) -> dict[str, str]:
    """Every page (sorted by path) then every search index file, keyed by path under
    ``docs/archive/``; the same as ``render_site`` followed by ``build_search_index``."""
    shared = _Shared(page_context(catalog, vocab, site), topic_slugs(vocab))
    count = len(catalog.entries)
    documents = fork_map(_document, shared, range(count), workers, "rendering", progress)
    parts = fork_map(_index_part, shared, INDEX_PARTS, workers)
    pages = {page: text for page, text, _ in documents}
    for part in parts:
        pages.update(part)
    files = dict(sorted(pages.items()))
    computed = {
        e.doc.id: found for e, (_, _, found) in zip(catalog.entries, documents, strict=True)
    }
    files.update(build_search_index(catalog.entries, vocab, computed))
    return files
