"""Lists of documents on index pages, split into one page per year when long.

A listing is a subject's page: groups of documents (meetings, then mentions), newest first, each
row with date, title, counterparts, a count and a short passage linked to its paragraph. A
listing of more than :data:`~parley.render.paths.SPLIT_ABOVE` documents becomes a main page (the
years with counts and the newest :data:`~parley.render.paths.NEWEST_ON_SPLIT` documents) and one
page per year, so no page grows without bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.catalog import UNDATED, Appearance, counterpart_countries, is_news, iso_date
from parley.model import Entry, Paragraph
from parley.render.context import PageContext, title_of
from parley.render.markdown import excerpt, front_matter, md_link, md_text, trim
from parley.render.names import counted, kind_noun, long_date
from parley.render.paths import NEWEST_ON_SPLIT, SPLIT_ABOVE, link, transcript_page, year_page

#: Characters of a passage quoted under a listed document.
PASSAGE = 200
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


def listing_pages(listing: Listing, ctx: PageContext) -> dict[str, str]:
    """The page of a listing, plus one page per year when it is long."""
    docs = {a.doc_id for g in listing.groups for a in g.rows}
    if len(docs) <= SPLIT_ABOVE:
        return {listing.page: _page(listing, listing.title, listing.groups, ctx, listing.page)}
    by_year: dict[str, list[list[Appearance]]] = {}
    for index, group in enumerate(listing.groups):
        for a in group.rows:
            rows = by_year.setdefault(_year(ctx.entry(a.doc_id)), [[] for _ in listing.groups])
            rows[index].append(a)
    years = {
        year: [
            Group(g.heading, tuple(rows))
            for g, rows in zip(listing.groups, by_year[year], strict=True)
        ]
        for year in sorted(by_year, key=lambda y: (y == UNDATED, y))
    }
    pages = {}
    for year, groups in years.items():
        page = year_page(listing.page, year)
        back = md_link(f"All years of {listing.title}", link(page, listing.page))
        pages[page] = _page(listing, f"{listing.title}, {year}", tuple(groups), ctx, page, back)
    pages[listing.page] = _split_main(listing, years, ctx)
    return pages


def document_row(
    ctx: PageContext,
    page: str,
    appearance: Appearance,
    listing: Listing | None = None,
) -> str:
    """One listed document: date, title, kind and counterparts, count; then a passage."""
    entry = ctx.entry(appearance.doc_id)
    parts = [
        md_text(long_date(entry.doc.meta.date)),
        md_link(title_of(entry), link(page, transcript_page(entry.doc.id))),
        md_text(_with(entry, ctx)),
    ]
    if appearance.role in ROLE_NAMES and listing is not None and listing.kind == "person":
        parts.append(md_text(ROLE_NAMES[appearance.role]))
    if listing is not None and appearance.count:
        parts.append(md_text(counted(appearance.count, listing.count_word)))
    row = "-   " + " · ".join(p for p in parts if p)
    passage = _passage(ctx, page, entry, appearance, listing)
    return f"{row}\n\n    {passage}" if passage else row


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
    paragraph = paragraph_numbered(entry, number)
    if paragraph is None:
        return ""
    start = next(
        (
            m.start
            for m in entry.facts.mentions
            if m.paragraph == number and m.key == listing.key and m.kind == listing.kind
        ),
        0,
    )
    text = excerpt(paragraph.text, start, PASSAGE) if start else trim(paragraph.text, PASSAGE)
    anchor = md_link(f"¶ {number}", link(page, f"{transcript_page(entry.doc.id)}#p{number}"))
    return f"“{md_text(text)}” {anchor}"


def paragraph_numbered(entry: Entry, number: int) -> Paragraph | None:
    """The paragraph with this number, or None."""
    for turn in entry.doc.turns:
        if turn.paragraphs and turn.paragraphs[-1].number >= number:
            return next((p for p in turn.paragraphs if p.number == number), None)
    return None


def _year(entry: Entry) -> str:
    day = iso_date(entry)
    return day[:4] if day else UNDATED


def _page(
    listing: Listing,
    title: str,
    groups: tuple[Group, ...],
    ctx: PageContext,
    page: str,
    back: str = "",
) -> str:
    out = [front_matter({"title": title}), f"# {md_text(title)}\n"]
    if back:
        out.append(back + "\n")
    if listing.intro:
        out.append(listing.intro + "\n")
    shown = [g for g in groups if g.rows]
    if not shown:
        out.append(md_text(listing.empty) + "\n")
    for group in shown:
        out.append(f"## {md_text(group.heading)}\n")
        out.append("\n\n".join(document_row(ctx, page, a, listing) for a in group.rows) + "\n")
    return "\n".join(out)


def _split_main(listing: Listing, years: dict[str, list[Group]], ctx: PageContext) -> str:
    page = listing.page
    out = [front_matter({"title": listing.title}), f"# {md_text(listing.title)}\n"]
    if listing.intro:
        out.append(listing.intro + "\n")
    headings = [g.heading for g in listing.groups]
    out.append("## By year\n")
    out.append("| Year | " + " | ".join(md_text(h) for h in headings) + " |")
    out.append("| --- |" + " ---: |" * len(headings))
    for year, groups in sorted(years.items(), key=lambda y: (y[0] != UNDATED, y[0]), reverse=True):
        cells = " | ".join(str(len(g.rows)) for g in groups)
        out.append(f"| {md_link(year, link(page, year_page(page, year)))} | {cells} |")
    newest: dict[str, Appearance] = {}
    for group in listing.groups:
        for a in group.rows:
            newest.setdefault(a.doc_id, a)
    latest = sorted(newest, key=ctx.rank.__getitem__)[:NEWEST_ON_SPLIT]
    out.append("\n## Newest\n")
    out.append("\n\n".join(document_row(ctx, page, newest[d], listing) for d in latest) + "\n")
    return "\n".join(out)
