"""Render the linked corpus into Markdown pages: pure, ``Catalog -> {page path: Markdown}``.

Paths are relative to the generated folder ``docs/archive/``:

- ``transcripts/<id>.md``                 one page per document (:mod:`.transcript`)
- ``countries/``, ``topics/``, ``people/``, ``organisations/``: ``index.md`` and one page per
  subject, split by year when long, and a busy year by month (:mod:`.indexes`, :mod:`.listing`)
- ``timeline/index.md``, ``timeline/<year>.md``, ``timeline/<year>-<month>.md`` (:mod:`.timeline`)
- ``annotations/``: the index, years, authors and kinds (:mod:`.annotations_index`)
- ``quotes/``: news reports' quotations checked against the transcripts (:mod:`.quotes`)
- ``_home.md``, the fragment the home page includes (:mod:`.home`)
- ``feed.xml`` and an Atom feed beside each subject's page, ``countries/sy.xml`` (:mod:`.feeds`)

Inside pages: paragraphs with permalinks and notes (:mod:`.paragraphs`), the passage quoted
under a listed document (:mod:`.passages`), the world map (:mod:`.worldmap`, outlines from
:mod:`.geometry`), bar charts (:mod:`.charts`), a country's meetings (:mod:`.bilateral`) and how a
transcript is cited (:mod:`.citation`, also the ``citations/<id>.bib`` and ``.json`` files).

All text goes through :mod:`.markdown`, the only place that turns text into markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.link.catalog import Catalog
from parley.names import Names, VocabularyView
from parley.render.annotations_index import annotations_pages
from parley.render.context import PageContext
from parley.render.feeds import feed_files
from parley.render.home import home_fragment
from parley.render.indexes import country_pages, organisation_pages, people_pages, topic_pages
from parley.render.quotes import coverage_pages
from parley.render.timeline import timeline_pages
from parley.render.transcript import transcript_markdown
from parley.render.units import Units
from parley.urls import HOME, SitePaths, merge_pages, transcript_page

__all__ = [
    "INDEX_PARTS",
    "SiteInfo",
    "page_context",
    "render_index_part",
    "render_site",
    "topic_slugs",
    "transcript_markdown",
]


@dataclass(frozen=True)
class SiteInfo:
    """Where the site's "source" and "annotate" links point, and what the site is called."""

    repo_url: str
    """Repository address, e.g. ``https://github.com/owner/parley``; "" when unknown: then
    pages have no "Edit" and "Annotate" links (never a made-up address)."""
    branch: str
    """Branch the links point at, e.g. ``main``."""
    site_name: str
    site_url: str = ""
    """The site's published address (MkDocs' ``site_url``), e.g. ``https://owner.github.io/parley/``;
    "" when unknown: citations then give the address the reader opened the page at."""


def page_context(catalog: Catalog, vocab: VocabularyView, site: SiteInfo) -> PageContext:
    """Page paths, names and ranking for one rendering of ``catalog``."""
    slugs = tuple(sorted(t.slug for t in vocab.topics))
    paths = SitePaths.of(catalog, slugs)
    return PageContext.of(
        catalog, paths, Names(vocab), site.repo_url, site.branch, site.site_name, site.site_url
    )


#: The index pages in parts that can be rendered independently (in parallel), in this order.
INDEX_PARTS = (
    "countries",
    "topics",
    "people",
    "organisations",
    "timeline",
    "annotations",
    "quotes",
    "home",
    "feeds",
)


def render_index_part(
    ctx: PageContext, part: str, topics: tuple[str, ...], units: Units | None = None
) -> dict[str, str]:
    """The pages of one of :data:`INDEX_PARTS`; ``topics`` are the vocabulary's topic slugs.
    With ``units``, the pages of each subject (or year) of a part are made through it
    (:mod:`parley.render.units`); the pages are the same."""
    if part == "countries":
        return country_pages(ctx, units)
    if part == "topics":
        return topic_pages(ctx, topics, units)
    if part == "people":
        return people_pages(ctx, units)
    if part == "organisations":
        return organisation_pages(ctx, units)
    if part == "timeline":
        return timeline_pages(ctx, units)
    if part == "annotations":
        return annotations_pages(ctx)
    if part == "quotes":
        return coverage_pages(ctx)
    if part == "home":
        return {HOME: home_fragment(ctx)}
    if part == "feeds":
        return feed_files(ctx, topics, units)
    raise ValueError(f"unknown index part {part!r}")


def topic_slugs(vocab: VocabularyView) -> tuple[str, ...]:
    """The topics of the vocabulary, in its order (the order of the topics' overview)."""
    return tuple(t.slug for t in vocab.topics)


def render_site(catalog: Catalog, vocab: VocabularyView, site: SiteInfo) -> dict[str, str]:
    """Every generated page, keyed by its path under ``docs/archive/``, in sorted order."""
    ctx = page_context(catalog, vocab, site)
    transcripts = {transcript_page(e.doc.id): transcript_markdown(e, ctx) for e in catalog.entries}
    parts = (render_index_part(ctx, part, topic_slugs(vocab)) for part in INDEX_PARTS)
    return dict(sorted(merge_pages(transcripts, *parts).items()))
