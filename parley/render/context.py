"""What every page function needs besides its own subject."""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.link.catalog import Catalog, iso_date
from parley.model import Entry
from parley.names import Names
from parley.urls import SitePaths


@dataclass(frozen=True, slots=True)
class PageContext:
    """The catalog, page paths, display names and the repository links point at."""

    catalog: Catalog
    paths: SitePaths
    names: Names
    repo_url: str
    branch: str
    rank: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Document id -> sort key, newest first (undated last, by id)."""
    site_name: str = ""
    """The site's name (``site_name`` of ``mkdocs.yml``), e.g. for the titles of feeds."""
    year_of: dict[str, str] = field(default_factory=dict)
    """Document id -> its year ("2016"), or :data:`~parley.link.catalog.UNDATED`; made once,
    for the charts of every subject."""
    site_url: str = ""
    """The site's published address ("" when unknown), for citations' absolute links."""
    rows: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    """(document id, folder of a listing page) -> the start of the document's listed row, and
    the document's URL from that folder.

    Filled as pages are rendered: a document is listed on about forty index pages, all made
    from the same row. A cache only; the output is the same without it."""

    @classmethod
    def of(
        cls,
        catalog: Catalog,
        paths: SitePaths,
        names: Names,
        repo_url: str,
        branch: str,
        site_name: str = "",
        site_url: str = "",
    ) -> PageContext:
        """A context with the newest-first ranking computed once."""
        rank = {e.doc.id: (0, -i) if iso_date(e) else (1, i) for i, e in enumerate(catalog.entries)}
        year_of = {doc_id: year for year, ids in catalog.years.items() for doc_id in ids}
        return cls(
            catalog,
            paths,
            names,
            repo_url.rstrip("/"),
            branch,
            rank,
            site_name,
            year_of,
            site_url,
        )

    def entry(self, doc_id: str) -> Entry:
        """The entry with this id."""
        return self.catalog.entry(doc_id)


def title_of(entry: Entry) -> str:
    """The document's title, or its id when it has none."""
    return entry.doc.meta.title or entry.doc.id
