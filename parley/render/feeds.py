"""Atom feeds (RFC 4287): the archive's newest documents, and each subject's.

One feed for the whole archive (``feed.xml``) and one beside each subject's page
(``countries/sy.xml`` beside ``countries/sy.md``): countries, topics, people, organisations and
documents. A feed holds the newest :data:`FEED_ENTRIES` dated documents, so no feed grows with
the corpus. Each entry has the document's title, date, speakers (as authors), counterparts (as
categories), a summary and the link to its page.

Feeds are written by :mod:`xml.etree.ElementTree`, which escapes every text and attribute; their
links are relative to the feed, so they work from disk, in the offline zip and on any host. Ids
are ``urn:uuid:`` names derived from the repository's address and the page path: stable when the
site moves, unique across forks. Nothing depends on the clock: two builds write the same bytes.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from functools import partial

from parley.link.catalog import Subject, iso_date
from parley.model import Entry
from parley.render.context import PageContext, title_of
from parley.render.markdown import plain, trim
from parley.render.transcript import description
from parley.render.units import Units, each_time
from parley.urls import ARCHIVE_FEED, TIMELINE, feed_page, href, transcript_page

ATOM = "http://www.w3.org/2005/Atom"
#: ``xml:lang`` in ElementTree's notation.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Entries in a feed: the newest documents only.
FEED_ENTRIES = 50
#: Characters of the opening paragraph in an entry's summary.
SUMMARY_CHARS = 300
#: A feed's date when it has no dated entry and the archive none either.
NO_DATE = "2000-01-01"
#: Subjects with a page, hence a feed; in the order of the site's sections.
FEED_KINDS = ("country", "topic", "person", "organisation", "document")
#: What a subject's feed says it holds.
FEED_SUBTITLES = {
    "country": "The newest documents with {name} as counterpart or mentioning it.",
    "topic": "The newest documents about {name}.",
    "person": "The newest documents in which {name} speaks, meets or is mentioned.",
    "organisation": "The newest documents mentioning {name}.",
    "document": "The newest documents mentioning {name}.",
}


def feed_files(
    ctx: PageContext, topics: Sequence[str], units: Units | None = None
) -> dict[str, str]:
    """The archive's feed and a feed for every subject with a page, keyed by path under
    ``docs/archive/``; ``topics`` are the vocabulary's topic slugs (each has a page). Each
    subject's feed is a unit of ``units`` (:mod:`parley.render.units`)."""
    unit = units or each_time(ctx)
    entries = _EntryCache(ctx)
    newest = [e.doc.id for e in ctx.catalog.newest(FEED_ENTRIES)]
    # the archive's newest date, for a feed with no dated entry: looked up once, not per feed
    fallback = (iso_date(ctx.entry(newest[0])) if newest else None) or NO_DATE
    name = ctx.site_name or "Archive"
    files = {
        ARCHIVE_FEED: _feed(
            ctx,
            entries,
            fallback,
            ARCHIVE_FEED,
            TIMELINE,
            name,
            f"The newest documents of {name}.",
            newest,
        )
    }
    subjects = set(ctx.catalog.subjects) | {("topic", slug) for slug in topics}
    caches: dict[int, _EntryCache] = {id(ctx): entries}
    for kind, key in sorted(subjects):
        if kind not in FEED_KINDS or ctx.paths.subject(kind, key) is None:
            continue
        make = partial(_subject_feed, caches=caches, fallback=fallback, kind=kind, key=key)
        files.update(unit(f"{kind}:{key}\0{fallback}", make))
    return files


def _subject_feed(
    ctx: PageContext, caches: dict[int, _EntryCache], fallback: str, kind: str, key: str
) -> dict[str, str]:
    """The feed of one subject (``fallback``: its date when it has no dated document)."""
    entries = caches.get(id(ctx))
    if entries is None:
        entries = caches[id(ctx)] = _EntryCache(ctx)
    subject = ctx.catalog.subjects.get((kind, key)) or Subject(kind, key, key, (), (), 0)
    page = ctx.paths.subject(kind, key)
    assert page is not None, "only subjects with a page have a feed"
    shown = ctx.names.entity(kind, key, fallback=subject.label)
    path = feed_page(page)
    name = ctx.site_name or "Archive"
    subtitle = FEED_SUBTITLES[kind].format(name=shown)
    feed = _feed(
        ctx, entries, fallback, path, page, f"{shown} · {name}", subtitle, newest_of(ctx, subject)
    )
    return {path: feed}


def newest_of(ctx: PageContext, subject: Subject) -> list[str]:
    """The newest :data:`FEED_ENTRIES` dated documents of a subject, newest first."""
    ids = {a.doc_id for a in subject.appearances}
    dated = [d for d in ids if iso_date(ctx.entry(d))]
    return sorted(dated, key=ctx.rank.__getitem__)[:FEED_ENTRIES]


def feed_id(ctx: PageContext, path: str) -> str:
    """A permanent id for the feed or page at ``path``: a name-based UUID (RFC 9562 v5) of the
    repository's address and the path."""
    base = ctx.repo_url or ctx.site_name or "parley"
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{base}/{path}").urn


def atom_time(day: str) -> str:
    """An ISO date as an Atom date-time at midnight UTC: "2021-07-02T00:00:00Z"."""
    return f"{day}T00:00:00Z"


def summary(entry: Entry, ctx: PageContext) -> str:
    """Who, what, with whom, where and when, then about :data:`SUMMARY_CHARS` of the opening
    paragraphs (sub-headings left out)."""
    opening: list[str] = []
    for paragraph in entry.doc.paragraphs:
        if sum(len(t) + 1 for t in opening) >= SUMMARY_CHARS:
            break
        if not paragraph.heading:
            opening.append(paragraph.text)
    text = trim(" ".join(opening), SUMMARY_CHARS) if opening else ""
    return " ".join(p for p in (description(entry, ctx.names), text) if p)


class _EntryCache:
    """Each document's ``<entry>`` built and serialised once per folder of feeds (its link is
    relative), then put into every feed that lists it (a document is in up to one feed per
    subject: serialising it for each was most of the feeds' time). A document found here is
    looked up again in the context, with its counterparts' person keys: what the entry was made
    from is then seen by a context that records its lookups (:mod:`parley.render.units`)."""

    def __init__(self, ctx: PageContext) -> None:
        self.ctx = ctx
        self.made: dict[tuple[str, str], str] = {}

    def get(self, doc_id: str, feed: str) -> str:
        key = (doc_id, feed.rpartition("/")[0])
        text = self.made.get(key)
        if text is None:
            text = self.made[key] = serialised(_entry(self.ctx, self.ctx.entry(doc_id), feed))
        else:
            for c in self.ctx.entry(doc_id).doc.meta.counterparts:
                self.ctx.catalog.person(c.name)
        return text


def serialised(element: ET.Element) -> str:
    """``element`` as ElementTree writes it inside a UTF-8 document. An entry has no namespaced
    name, so it is written the same alone as in its feed."""
    xml: bytes = ET.tostring(element, encoding="utf-8")
    return xml.decode("utf-8")


def with_children(document: str, children: Iterable[str]) -> str:
    """A serialised document (its root has children) with ``children`` (serialised elements)
    added at the end of its root: what ElementTree writes for the root with them appended."""
    end = document.rindex("</")
    return document[:end] + "".join(children) + document[end:]


def _feed(
    ctx: PageContext,
    entries: _EntryCache,
    fallback: str,
    path: str,
    page: str,
    title: str,
    subtitle: str,
    doc_ids: Iterable[str],
) -> str:
    """A feed of ``doc_ids``; ``fallback`` is its date when it has none of its own."""
    ids = list(doc_ids)
    updated = (iso_date(ctx.entry(ids[0])) if ids else None) or fallback
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "en"})
    _text(root, "id", feed_id(ctx, path))
    _text(root, "title", title)
    _text(root, "subtitle", subtitle)
    _text(root, "updated", atom_time(updated))
    ET.SubElement(
        root, "link", rel="self", type="application/atom+xml", href=path.rpartition("/")[2]
    )
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=href(path, page))
    author = ET.SubElement(root, "author")
    _text(author, "name", ctx.site_name or "Archive")
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return with_children(xml.decode("utf-8"), (entries.get(d, path) for d in ids)) + "\n"


def _entry(ctx: PageContext, entry: Entry, feed: str) -> ET.Element:
    meta = entry.doc.meta
    day = iso_date(entry) or NO_DATE
    element = ET.Element("entry")
    _text(element, "id", feed_id(ctx, transcript_page(entry.doc.id)))
    _text(element, "title", title_of(entry))
    _text(element, "published", atom_time(day))
    _text(element, "updated", atom_time(day))
    url = href(feed, transcript_page(entry.doc.id))
    ET.SubElement(element, "link", rel="alternate", type="text/html", href=url)
    for speaker in meta.speakers:
        _text(ET.SubElement(element, "author"), "name", speaker)
    for c in meta.counterparts:
        who = ", ".join(p for p in (c.name, c.role) if p)
        country = f" ({ctx.names.country(c.country)})" if c.country else ""
        ET.SubElement(
            element,
            "category",
            term=ctx.catalog.person(c.name) or "counterpart",
            label=plain(f"Counterpart: {who}{country}"),
        )
    _text(element, "summary", summary(entry, ctx), type="text")
    return element


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """A child element holding ``text`` as shown (no control characters: XML forbids them)."""
    child = ET.SubElement(parent, tag, attrs)
    child.text = plain(text)
    return child
