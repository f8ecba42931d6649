"""Where each generated page lives in ``docs/archive/``, its address in the site, and how one
page links to another.

The generated folder's name (:data:`GENERATED`) and every page's place are decided here and
nowhere else. Page paths are relative to ``docs/archive/``. Markdown links point at ``.md``
files (MkDocs checks and rewrites them); links inside raw HTML point at the ``.html`` pages
MkDocs makes of them (``use_directory_urls: false``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TypeVar
from urllib.parse import urlencode

from parley.link.catalog import Catalog, person_key

T = TypeVar("T")

#: The folder in ``docs/`` that the build generates and owns (the build writes nothing outside
#: it); in the site, its pages' addresses start with it (``archive/transcripts/<id>.html``).
GENERATED = "archive"

#: A listing with more documents than this is split into one page per year.
SPLIT_ABOVE = 100
#: A year with more documents than this is split into one page per month. Higher than
#: SPLIT_ABOVE: each month page is a page MkDocs renders, so only really busy years are split.
MONTHS_ABOVE = 250
#: Documents shown on the main page of a split listing, and on the page of a split year.
NEWEST_ON_SPLIT = 20

#: Folder of each kind of index page; documents and organisations share one.
SECTIONS = {
    "country": "countries",
    "person": "people",
    "organisation": "organisations",
    "document": "organisations",
    "topic": "topics",
}
#: Page names that belong to the site, not to a subject.
RESERVED = frozenset({"index"})
#: A page name that is safe as it is, e.g. "syrian-settlement" or "sy".
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")

HOME = "_home.md"
ANNOTATIONS = "annotations/index.md"
TIMELINE = "timeline/index.md"
QUOTES = "quotes/index.md"
#: The Atom feed of the whole archive (its newest documents).
ARCHIVE_FEED = "feed.xml"
#: The hand-written search page, in ``docs/`` beside the generated folder.
SEARCH = "search.html"


def transcript_page(doc_id: str) -> str:
    """``transcripts/<id>.md``."""
    return f"transcripts/{doc_id}.md"


def merge_pages(*groups: Mapping[str, T]) -> dict[str, T]:
    """The pages of every group in one mapping, in order; two pages with the same path are a
    mistake of the code, never silently one overwriting the other."""
    merged: dict[str, T] = {}
    for group in groups:
        for path, page in group.items():
            if path in merged:
                raise ValueError(f"two generated pages have the path {path!r}")
            merged[path] = page
    return merged


def page_address(page: str) -> str:
    """A generated page's address relative to the site root:
    ``transcripts/a.md`` -> ``archive/transcripts/a.html``."""
    return f"{GENERATED}/{page.removesuffix('.md')}.html"


def transcript_url(doc_id: str) -> str:
    """A transcript page's address relative to the site root: ``archive/transcripts/<id>.html``."""
    return page_address(transcript_page(doc_id))


#: :func:`transcript_url` as a template for the search script: ``{id}`` is the URL-encoded id.
TRANSCRIPT_URL_TEMPLATE = transcript_url("{id}")


def citation_file(doc_id: str, extension: str) -> str:
    """A document's citation for reference managers: ``citations/<id>.bib`` or ``.json``."""
    return f"citations/{doc_id}.{extension}"


def published_address(site_url: str, page: str) -> str | None:
    """The absolute address of a generated page once published at ``site_url``
    ("https://o.github.io/parley/", "transcripts/x.md" ->
    "https://o.github.io/parley/archive/transcripts/x.html"); None without a site address."""
    if not site_url.startswith(("https://", "http://")):
        return None
    return f"{site_url.rstrip('/')}/{page_address(page)}"


def web_address(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None (front matter is checked, but a page
    never links or cites anything else)."""
    return url if url and url.startswith(("https://", "http://")) else None


def source_file(doc_id: str) -> str:
    """The published source text of a document, ``sources/<id>.txt`` (beside the pages, so it
    opens offline and inside the zip; always ``.txt``, so MkDocs copies it and renders nothing)."""
    return f"sources/{doc_id}.txt"


def index_page(kind: str) -> str:
    """The overview page of a kind: ``countries/index.md``."""
    return f"{SECTIONS[kind]}/index.md"


def year_page(page: str, year: str) -> str:
    """A year's part of a split listing: ``countries/sy.md`` -> ``countries/sy-2016.md``."""
    return f"{page.removesuffix('.md')}-{year}.md"


def month_page(page: str, year: str, month: str) -> str:
    """A month's part of a split year: ``countries/sy.md``, 2016, 07 -> ``countries/sy-2016-07.md``.

    The timeline's month pages are :func:`timeline_page` with a month.
    """
    return f"{year_page(page, year).removesuffix('.md')}-{month}.md"


def timeline_page(year: str, month: str = "") -> str:
    """``timeline/<year>.md``, or with ``month`` a split year's ``timeline/<year>-<month>.md``."""
    return f"timeline/{year}-{month}.md" if month else f"timeline/{year}.md"


def feed_page(page: str) -> str:
    """The Atom feed of a subject's page, beside it: ``countries/sy.md`` -> ``countries/sy.xml``."""
    return f"{page.removesuffix('.md')}.xml"


def search_href(source: str, **filters: str) -> str:
    """The search page filtered, from page ``source`` of the generated folder:
    ``search_href("countries/sy.md", country="SY", **{"from": "2016", "to": "2016"})`` ->
    ``../../search.html?country=SY&from=2016&to=2016``. Parameter names are the search page's
    (``q``, ``from``, ``to``, ``country``, ``topic``, ``kind``); empty values are left out."""
    query = urlencode([(name, value) for name, value in filters.items() if value])
    up = "../" * (source.count("/") + 1)
    return f"{up}{SEARCH}?{query}" if query else f"{up}{SEARCH}"


def link(source: str, target: str) -> str:
    """Relative Markdown link target from page ``source`` to ``target`` (may carry ``#anchor``)."""
    path, hash_, anchor = target.partition("#")
    if path == source:
        return f"#{anchor}" if anchor else path.rsplit("/", 1)[-1]
    here_dir, there_dir = source.rpartition("/")[0], path.rpartition("/")[0]
    if here_dir == there_dir:  # the common cases first: same folder, or sibling folders
        return path.rpartition("/")[2] + hash_ + anchor
    if here_dir and there_dir and "/" not in here_dir and "/" not in there_dir:
        return f"../{path}{hash_}{anchor}"
    here, there = source.split("/")[:-1], path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:])
    return relative + hash_ + anchor


def href(source: str, target: str) -> str:
    """Relative URL for raw HTML: as :func:`link`, with ``.md`` pages as ``.html``."""
    path, hash_, anchor = link(source, target).partition("#")
    if path.endswith(".md"):
        path = path[: -len(".md")] + ".html"
    return path + hash_ + anchor


@dataclass(frozen=True, slots=True)
class SitePaths:
    """The page of every subject in a catalog; names never collide."""

    subjects: Mapping[tuple[str, str], str]

    @classmethod
    def of(cls, catalog: Catalog, topics: tuple[str, ...] = ()) -> SitePaths:
        """Pages for every subject of ``catalog`` and every topic slug in ``topics``."""
        keys = set(catalog.subjects) | {("topic", slug) for slug in topics}
        taken: set[str] = set()
        pages: dict[tuple[str, str], str] = {}
        # Organisations before documents, so a document never takes an organisation's name.
        order = {"country": 0, "person": 1, "organisation": 2, "document": 3, "topic": 4}
        for kind, key in sorted(keys, key=lambda s: (order.get(s[0], 9), s[1])):
            if kind not in SECTIONS:
                continue
            base = key.lower() if SAFE_NAME.match(key.lower()) else person_key(key) or "page"
            if kind == "document" and f"{SECTIONS[kind]}/{base}.md" in taken:
                base = f"{base}-document"
            name, n = base, 1
            while f"{SECTIONS[kind]}/{name}.md" in taken or name in RESERVED:
                n += 1
                name = f"{base}-{n}"
            pages[(kind, key)] = f"{SECTIONS[kind]}/{name}.md"
            taken.add(pages[(kind, key)])
        return cls(pages)

    def subject(self, kind: str, key: str) -> str | None:
        """The page of a subject, or None if the site has none."""
        return self.subjects.get((kind, key))


def in_repository(path: str) -> bool:
    """Whether a source's path (as the build shows it) lies inside the repository: relative,
    and not climbing out of it. Builds may read transcripts from anywhere (``--transcripts``)."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts


def shown_source(path: str) -> str:
    """The source's path inside the repository, or only its file name when it lies outside:
    a published page never shows a path of the machine that built it."""
    return path if in_repository(path) else PurePosixPath(path).name


#: A git remote that names a web host: "https://github.com/o/r.git", "git@github.com:o/r.git",
#: "ssh://git@gitlab.com/o/r". A local path ("/srv/r.git", "../r") names none.
SCP_REMOTE = re.compile(
    r"^(?:[\w.-]+@)?(?P<host>[\w.-]+\.[a-z]{2,}):(?P<path>(?!/)[\w./-]+)$", re.I
)
WEB_REMOTE = re.compile(
    r"^(?:https?|ssh|git)://(?:[^@/]+@)?(?P<host>[\w.-]+\.[a-z]{2,})(?::\d+)?/(?P<path>[\w./-]+)$",
    re.I,
)


def repository_address(remote: str) -> str | None:
    """The web address of a repository from a git remote, or None when the remote names no web
    host (a local path). Credentials and a trailing ``.git`` are dropped:
    "git@github.com:o/r.git" -> "https://github.com/o/r"."""
    text = remote.strip()
    found = WEB_REMOTE.match(text) or SCP_REMOTE.match(text)
    if not found:
        return None
    path = found["path"].strip("/").removesuffix(".git")
    return f"https://{found['host'].lower()}/{path}" if path else None
