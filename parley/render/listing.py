"""Lists of documents on index pages, split into one page per year and per month when long.

A listing is a subject's page: groups of documents (meetings, then mentions), newest first, each
row with date, title, counterparts, a count and a short passage linked to its paragraph. Titles
and headings are Markdown (the table of contents and permalinks are made from them); rows and
tables are raw HTML blocks, which Python-Markdown passes through without parsing them. A
listing of more than :data:`~parley.urls.SPLIT_ABOVE` documents becomes a main page (the
years with counts and the newest :data:`~parley.urls.NEWEST_ON_SPLIT` documents) and one
page per year; a year of more than ``MONTHS_ABOVE`` documents becomes in the same way a page of
its months and one page per month, so no page grows with the corpus. Undated documents have no
month: they stay on the undated year's page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import partial

from parley.link.catalog import UNDATED, Appearance, counterpart_countries, is_news, iso_date
from parley.model import Entry
from parley.names import counted, kind_noun, long_date, month_name
from parley.render.context import PageContext, title_of
from parley.render.markdown import (
    front_matter,
    html_attr,
    html_link,
    html_list,
    html_table,
    html_text,
    md_link,
    md_text,
)
from parley.render.passages import quoted_passage
from parley.render.units import Units, each_time
from parley.urls import (
    MONTHS_ABOVE,
    NEWEST_ON_SPLIT,
    SPLIT_ABOVE,
    feed_page,
    href,
    link,
    month_page,
    transcript_page,
    year_page,
)

ROLE_NAMES = {"speaker": "speaking", "counterpart": "as counterpart"}


@dataclass(frozen=True, slots=True)
class Group:
    """A titled part of a listing."""

    heading: str
    rows: tuple[Appearance, ...]
    """Newest first."""


@dataclass(frozen=True, slots=True)
class Listing:
    """The documents of one subject page."""

    page: str
    title: str
    intro: str
    """Markdown (already escaped) shown under the title."""
    groups: tuple[Group, ...]
    kind: str
    key: str
    count_word: str = "mention"
    """What :attr:`Appearance.count` counts ("mention", "passage")."""
    empty: str = "No documents yet."
    extra: str = ""
    """Blocks shown on the subject's main page under its feed link (a chart, a timeline)."""
    totals: str = ""
    """Markdown (already escaped) shown above the intro on the main page only: figures of the
    whole subject, which change with any of its documents. A year's or a month's page leaves
    them out, so that it changes only when its own rows do (and the incremental build does not
    write it again, nor MkDocs render it again, for a document of another year)."""


#: A part of a split page: its label ("2016", "July"), its page and its share of every group.
Part = tuple[str, str, tuple[Group, ...]]


def listing_pages(listing: Listing, ctx: PageContext, units: Units | None = None) -> dict[str, str]:
    """The page of a listing, plus one page per year when it is long (and per month of a long
    year). Each year's pages are a unit of ``units`` (:mod:`parley.render.units`), keyed by
    the digest of what they show besides the documents' own rows: a year's pages change only
    with their own rows."""
    if _size(listing.groups) <= SPLIT_ABOVE:
        return {listing.page: _page(listing, listing.title, listing.groups, ctx, listing.page)}
    years = split_groups(listing.groups, lambda a: _year(ctx.entry(a.doc_id)))
    pages: dict[str, str] = {}
    unit = units or each_time(ctx)
    # A year's pages never show the main page's figures and blocks, nor the other years' rows:
    # they are not their input (their own rows are given apart).
    shown = replace(listing, extra="", totals="", groups=())
    head = _values(shown)
    for year, groups in years.items():
        rows = [(g.heading, [_values(a) for a in g.rows]) for g in groups]
        given = hashlib.sha256(repr((head, year, rows)).encode()).hexdigest()
        make = partial(_year_unit, listing=shown, year=year, groups=groups)
        pages.update(unit(f"{listing.kind}:{listing.key}:{year}:{given}", make))
    newest_first = sorted(years.items(), key=lambda y: (y[0] != UNDATED, y[0]), reverse=True)
    parts = [(year, year_page(listing.page, year), groups) for year, groups in newest_first]
    pages[listing.page] = _split_page(listing, listing.title, "", "Year", parts, ctx, listing.page)
    return pages


def split_groups(
    groups: Sequence[Group], part_of: Callable[[Appearance], str]
) -> dict[str, tuple[Group, ...]]:
    """The rows of ``groups`` divided by ``part_of`` (a year, a month): each part has every
    group, in the same order, with its rows in their order; parts ascending, undated last."""
    rows: dict[str, list[list[Appearance]]] = {}
    for index, group in enumerate(groups):
        for a in group.rows:
            rows.setdefault(part_of(a), [[] for _ in groups])[index].append(a)
    return {
        part: tuple(Group(g.heading, tuple(r)) for g, r in zip(groups, rows[part], strict=True))
        for part in sorted(rows, key=lambda p: (p == UNDATED, p))
    }


def split_index(
    ctx: PageContext,
    page: str,
    column: str,
    parts: Sequence[Part],
    listing: Listing | None = None,
) -> list[str]:
    """The body of a split page: a table linking each part's page with a count per group, then
    the newest :data:`~parley.urls.NEWEST_ON_SPLIT` documents of all parts."""
    headings = [g.heading for g in parts[0][2]] if parts else []
    rows: list[list[str]] = []
    first: dict[str, Appearance] = {}
    for label, target, groups in parts:
        rows.append([html_link(label, href(page, target)), *(str(len(g.rows)) for g in groups)])
        for group in groups:
            for a in group.rows:
                first.setdefault(a.doc_id, a)
    latest = sorted(first, key=ctx.rank.__getitem__)[:NEWEST_ON_SPLIT]
    return [
        f"## By {column.lower()}\n",
        html_table([column, *headings], rows, counts=len(headings)) + "\n",
        "## Newest\n",
        document_list(document_row(ctx, page, first[d], listing) for d in latest) + "\n",
    ]


def feed_fields(title: str, url: str) -> dict[str, str]:
    """Front matter naming a page's Atom feed (``url`` relative to the page): the theme's
    override (``overrides/main.html``) writes it into the page's head as
    ``<link rel="alternate" type="application/atom+xml">``, where feed readers look."""
    return {"feed": url, "feed_title": title}


def follow_line(name: str, url: str) -> str:
    """The visible link to a page's feed: "Follow Syria (Atom feed)"."""
    link_html = f'<a class="feed" href="{html_attr(url)}" type="application/atom+xml">'
    return f'<p class="follow">{link_html}Follow {html_text(name)}</a> (Atom feed)</p>'


def _head(listing: Listing, title: str, page: str) -> list[str]:
    """Front matter with the subject's feed, and the title."""
    feed = href(page, feed_page(listing.page))
    fields = {"title": title, **feed_fields(f"{listing.title} (Atom feed)", feed)}
    return [front_matter(fields), f"# {md_text(title)}\n"]


def _follow(listing: Listing, page: str) -> str:
    return follow_line(listing.title, href(page, feed_page(listing.page))) + "\n"


def month_of(entry: Entry) -> str:
    """The month of a dated document, "07"; "" when it has no valid date."""
    day = iso_date(entry)
    return day[5:7] if day else ""


def document_row(
    ctx: PageContext,
    page: str,
    appearance: Appearance,
    listing: Listing | None = None,
) -> str:
    """One listed document as the HTML of a list item: date, title, kind and counterparts,
    role and count; in a subject's listing as a paragraph followed by the passage."""
    entry = ctx.entry(appearance.doc_id)
    head = _row_head(ctx, page, entry)[0]
    if listing is None:
        return head
    parts = [head]
    if appearance.role in ROLE_NAMES and listing.kind == "person":
        parts.append(html_text(ROLE_NAMES[appearance.role]))
    if appearance.count:
        parts.append(html_text(counted(appearance.count, listing.count_word)))
    row = f"<p>{' · '.join(parts)}</p>"
    passage = _passage(ctx, page, entry, appearance, listing)
    return f'{row}<p class="passage">{passage}</p>' if passage else row


def _row_head(ctx: PageContext, page: str, entry: Entry) -> tuple[str, str]:
    """Date, title linked from ``page`` and what the document is, and the document's URL from
    ``page``: the same for every page of a folder, so made once per folder."""
    key = (entry.doc.id, page.rpartition("/")[0])
    known = ctx.rows.get(key)
    if known is None:
        url = href(page, transcript_page(entry.doc.id))
        parts = [
            html_text(long_date(entry.doc.meta.date)),
            html_link(title_of(entry), url),
            html_text(_with(entry, ctx)),
        ]
        known = ctx.rows[key] = (" · ".join(p for p in parts if p), url)
    return known


def document_list(rows: Iterable[str]) -> str:
    """The raw HTML list of :func:`document_row` items."""
    return html_list(rows, "doc-list")


def _with(entry: Entry, ctx: PageContext) -> str:
    """What the document is, and with whom: "News conference with Fuad Hussein (Iraq)"."""
    meta = entry.doc.meta
    partners = [
        f"{c.name} ({ctx.names.country(c.country)})" if c.country else c.name
        for c in meta.counterparts
    ] or [ctx.names.country(c) for c in counterpart_countries(entry)]
    if is_news(entry):
        return f"News article on talks with {', '.join(partners)}" if partners else "News article"
    what = kind_noun(meta.kind).capitalize()
    return f"{what} with {', '.join(partners)}" if partners else what


def _passage(
    ctx: PageContext, page: str, entry: Entry, appearance: Appearance, listing: Listing | None
) -> str:
    number = appearance.paragraph
    if number is None or listing is None:
        return ""
    text = quoted_passage(entry, number, listing.kind, listing.key)
    if text is None:
        return ""
    anchor = html_link(f"¶ {number}", f"{_row_head(ctx, page, entry)[1]}#p{number}")
    return f"“{html_text(text)}” {anchor}"


def _year(entry: Entry) -> str:
    day = iso_date(entry)
    return day[:4] if day else UNDATED


def _size(groups: Sequence[Group]) -> int:
    return len({a.doc_id for g in groups for a in g.rows})


def _values(record: Listing | Appearance) -> tuple[object, ...]:
    """A listing's or a row's field values, in order: what a year's pages are made from (the
    digest of their text is their unit's key; pickling the records costs ten times more)."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(f.name for f in fields(record))
    return tuple(getattr(record, name) for name in names)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _year_unit(
    ctx: PageContext, listing: Listing, year: str, groups: tuple[Group, ...]
) -> dict[str, str]:
    return _year_pages(listing, year, groups, ctx)


def _year_pages(
    listing: Listing, year: str, groups: tuple[Group, ...], ctx: PageContext
) -> dict[str, str]:
    """A year's page; when it is long, a page of its months and one page per month."""
    page = year_page(listing.page, year)
    title = f"{listing.title}, {year}"
    back = md_link(f"All years of {listing.title}", link(page, listing.page))
    if year == UNDATED or _size(groups) <= MONTHS_ABOVE:
        return {page: _page(listing, title, groups, ctx, page, back)}
    months = split_groups(groups, lambda a: month_of(ctx.entry(a.doc_id)))
    pages: dict[str, str] = {}
    for month, part in months.items():
        here = month_page(listing.page, year, month)
        up = " · ".join(
            [
                md_link(f"All years of {listing.title}", link(here, listing.page)),
                md_link(f"All of {year}", link(here, page)),
            ]
        )
        named = f"{listing.title}, {month_name(month)} {year}"
        pages[here] = _page(listing, named, part, ctx, here, up)
    parts = [(month_name(m), month_page(listing.page, year, m), g) for m, g in months.items()]
    pages[page] = _split_page(listing, title, back, "Month", parts, ctx, page)
    return pages


def _page(
    listing: Listing,
    title: str,
    groups: tuple[Group, ...],
    ctx: PageContext,
    page: str,
    back: str = "",
) -> str:
    out = _head(listing, title, page)
    if back:
        out.append(back + "\n")
    if listing.totals and page == listing.page:
        out.append(listing.totals + "\n")
    if listing.intro:
        out.append(listing.intro + "\n")
    out.append(_follow(listing, page))
    if listing.extra and page == listing.page:
        out.append(listing.extra + "\n")
    shown = [g for g in groups if g.rows]
    if not shown:
        out.append(md_text(listing.empty) + "\n")
    for group in shown:
        out.append(f"## {md_text(group.heading)}\n")
        out.append(document_list(document_row(ctx, page, a, listing) for a in group.rows) + "\n")
    return "\n".join(out)


def _split_page(
    listing: Listing,
    title: str,
    back: str,
    column: str,
    parts: Sequence[Part],
    ctx: PageContext,
    page: str,
) -> str:
    out = _head(listing, title, page)
    if back:
        out.append(back + "\n")
    if listing.totals and page == listing.page:
        out.append(listing.totals + "\n")
    if listing.intro:
        out.append(listing.intro + "\n")
    out.append(_follow(listing, page))
    if listing.extra and page == listing.page:
        out.append(listing.extra + "\n")
    out.extend(split_index(ctx, page, column, parts, listing))
    return "\n".join(out)
