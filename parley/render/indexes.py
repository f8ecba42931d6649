"""Index pages of subjects: countries, topics, people, organisations (with documents).

Each kind has an overview (``<section>/index.md``, sorted by name, with counts: a raw HTML table
or list, like the rows of a listing) and one listing page per subject (see
:mod:`parley.render.listing`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from parley.link.catalog import Subject
from parley.names import KIND_GROUPS, counted
from parley.render.bilateral import bilateral_timeline
from parley.render.charts import subject_chart
from parley.render.context import PageContext
from parley.render.geometry import world
from parley.render.listing import Group, Listing, listing_pages
from parley.render.markdown import (
    front_matter,
    html_link,
    html_list,
    html_table,
    html_text,
    md_link,
    md_text,
)
from parley.render.units import Units, each_time
from parley.render.worldmap import Figures, world_map
from parley.urls import href, index_page, link


def country_pages(ctx: PageContext, units: Units | None = None) -> dict[str, str]:
    """``countries/index.md`` (the world map, and the same figures as a table) and a page per
    country (a chart of its documents per year and the timeline of its meetings); each
    country's pages are a unit of ``units`` (:mod:`parley.render.units`)."""
    unit = units or each_time(ctx)
    overview = index_page("country")
    rows = []
    pages = {}
    figures = {}
    for subject in _by_name(ctx, ctx.catalog.of_kind("country")):
        name, page = _name(ctx, subject), _page(ctx, subject)
        figures[subject.key.upper()] = Figures(
            name, href(overview, page), len(subject.roles), subject.mentioned_in
        )
        rows.append(
            [
                html_link(name, href(overview, page)),
                str(len(subject.roles)),
                str(subject.mentioned_in),
            ]
        )
        pages.update(unit(subject.key, partial(_country, key=subject.key, units=units)))
    pages[overview] = _overview(
        "Countries",
        "Every country met as a counterpart or mentioned, with the number of meetings and "
        "of documents that mention it.",
        [
            world_map(world(), figures),
            _table(["Country", "Meetings", "Documents mentioning it"], rows),
        ],
    )
    return pages


def _country(ctx: PageContext, key: str, units: Units | None = None) -> dict[str, str]:
    """The pages of one country."""
    subject = ctx.catalog.subjects[("country", key)]
    name, page = _name(ctx, subject), _page(ctx, subject)
    totals = md_text(
        f"Meetings with {name} as counterpart: {len(subject.roles)}. "
        f"Documents mentioning {name}: {subject.mentioned_in}."
    )
    groups = (
        Group(f"Meetings with {name}", subject.roles),
        Group(f"Other documents mentioning {name}", subject.mentions),
    )
    extra = (subject_chart(ctx, subject, page), bilateral_timeline(ctx, subject, page))
    listing = Listing(
        page,
        name,
        _back(page, index_page("country"), "All countries", ""),
        groups,
        "country",
        subject.key,
        totals=totals,
        extra="\n\n".join(e for e in extra if e),
    )
    return listing_pages(listing, ctx, units)


def topic_pages(
    ctx: PageContext, slugs: Iterable[str], units: Units | None = None
) -> dict[str, str]:
    """``topics/index.md`` and a page per topic (every topic of the vocabulary has one); each
    topic's pages are a unit of ``units``."""
    unit = units or each_time(ctx)
    overview = index_page("topic")
    items, pages = [], {}
    subjects = [
        _topic(ctx, s) for s in sorted(set(slugs) | {s.key for s in ctx.catalog.of_kind("topic")})
    ]
    for subject in _by_name(ctx, subjects):
        name, page = _name(ctx, subject), _page(ctx, subject)
        count = len(subject.roles)
        about = ctx.names.description("topic", subject.key)
        counts = html_text(counted(count, "document"))
        item = f"<p>{html_link(name, href(overview, page))} · {counts}</p>"
        items.append(item + (f"<p>{html_text(about)}</p>" if about else ""))
        pages.update(unit(subject.key, partial(_topic_pages, key=subject.key, units=units)))
    pages[overview] = _overview(
        "Topics",
        "Topics the documents are about, each with the passages that earned it.",
        [html_list(items, "subject-list") if items else md_text("No topics yet.")],
    )
    return pages


def _topic(ctx: PageContext, slug: str) -> Subject:
    """A topic's subject; one without documents when none is about it."""
    return ctx.catalog.subjects.get(("topic", slug)) or Subject("topic", slug, slug, (), (), 0)


def _topic_pages(ctx: PageContext, key: str, units: Units | None = None) -> dict[str, str]:
    """The pages of one topic."""
    subject = _topic(ctx, key)
    name, page = _name(ctx, subject), _page(ctx, subject)
    about = ctx.names.description("topic", subject.key)
    intro = md_text(about) if about else ""
    groups = (Group("Documents", subject.roles),)
    listing = Listing(
        page,
        name,
        _back(page, index_page("topic"), "All topics", intro),
        groups,
        "topic",
        subject.key,
        count_word="passage",
        extra=subject_chart(ctx, subject, page),
    )
    return listing_pages(listing, ctx, units)


def people_pages(ctx: PageContext, units: Units | None = None) -> dict[str, str]:
    """``people/index.md`` and a page per person; each person's pages are a unit of ``units``."""
    unit = units or each_time(ctx)
    overview = index_page("person")
    rows, pages = [], {}
    for subject in _by_name(ctx, ctx.catalog.of_kind("person")):
        name, page = _name(ctx, subject), _page(ctx, subject)
        rows.append(
            [
                html_link(name, href(overview, page)),
                str(len(subject.roles)),
                str(subject.mentioned_in),
            ]
        )
        pages.update(unit(subject.key, partial(_person, key=subject.key, units=units)))
    pages[overview] = _overview(
        "People",
        "Speakers, counterparts and people mentioned, with the documents they appear in.",
        [_table(["Person", "Speaking or meeting", "Mentioned in"], rows)],
    )
    return pages


def _person(ctx: PageContext, key: str, units: Units | None = None) -> dict[str, str]:
    """The pages of one person."""
    subject = ctx.catalog.subjects[("person", key)]
    name, page = _name(ctx, subject), _page(ctx, subject)
    about = ctx.names.description("person", subject.key)
    groups = (
        Group("Speaking or meeting", subject.roles),
        Group("Mentioned in", subject.mentions),
    )
    listing = Listing(
        page,
        name,
        _back(page, index_page("person"), "All people", md_text(about)),
        groups,
        "person",
        subject.key,
        extra=subject_chart(ctx, subject, page),
    )
    return listing_pages(listing, ctx, units)


def organisation_pages(ctx: PageContext, units: Units | None = None) -> dict[str, str]:
    """``organisations/index.md`` (organisations, then documents) and a page for each; each
    one's pages are a unit of ``units``."""
    unit = units or each_time(ctx)
    overview = index_page("organisation")
    sections, pages = [], {}
    for kind in ("organisation", "document"):
        rows: list[list[str]] = []
        for subject in _by_name(ctx, ctx.catalog.of_kind(kind)):
            name, page = _name(ctx, subject), _page(ctx, subject)
            rows.append([html_link(name, href(overview, page)), str(subject.mentioned_in)])
            make = partial(_organisation, kind=kind, key=subject.key, units=units)
            pages.update(unit(f"{kind}:{subject.key}", make))
        heading = md_text(KIND_GROUPS[kind])
        sections.append(f"## {heading}\n\n" + _table(["Name", "Documents mentioning it"], rows))
    pages[overview] = _overview(
        "Organisations and documents",
        "Organisations, and treaties, agreements and resolutions, with the documents that "
        "mention them.",
        sections,
    )
    return pages


def _organisation(
    ctx: PageContext, kind: str, key: str, units: Units | None = None
) -> dict[str, str]:
    """The pages of one organisation or document."""
    subject = ctx.catalog.subjects[(kind, key)]
    name, page = _name(ctx, subject), _page(ctx, subject)
    about = ctx.names.description(kind, subject.key)
    groups = (Group("Mentioned in", subject.appearances),)
    overview = index_page("organisation")
    back = _back(page, overview, "All organisations and documents", md_text(about))
    chart = subject_chart(ctx, subject, page)
    listing = Listing(page, name, back, groups, kind, subject.key, extra=chart)
    return listing_pages(listing, ctx, units)


def _name(ctx: PageContext, subject: Subject) -> str:
    return ctx.names.entity(subject.kind, subject.key, fallback=subject.label)


def _page(ctx: PageContext, subject: Subject) -> str:
    page = ctx.paths.subject(subject.kind, subject.key)
    if page is None:  # SitePaths.of covers every subject of the catalog and every topic
        raise KeyError(f"no page for {subject.kind} {subject.key!r}")
    return page


def _by_name(ctx: PageContext, subjects: Iterable[Subject]) -> list[Subject]:
    return sorted(subjects, key=lambda s: (_name(ctx, s).casefold(), s.key))


def _back(page: str, overview: str, label: str, intro: str) -> str:
    back = md_link(label, link(page, overview))
    return f"{intro}\n\n{back}" if intro else back


def _table(head: list[str], rows: list[list[str]]) -> str:
    """The overview table: names, then counts; "None yet." without rows."""
    return html_table(head, rows, counts=len(head) - 1) if rows else md_text("None yet.")


def _overview(title: str, intro: str, sections: list[str]) -> str:
    body = "\n\n".join(sections)
    return f"{front_matter({'title': title})}\n# {md_text(title)}\n\n{md_text(intro)}\n\n{body}\n"
