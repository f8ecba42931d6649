"""The timeline: years with counts, and one page per year listing its documents by month.

A year of more than :data:`~parley.urls.MONTHS_ABOVE` documents is split as a long listing
is (:func:`~parley.render.listing.split_index`): its page lists the months with counts and the
newest documents, and each month has a page ``timeline/<year>-<month>.md``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial

from parley.link.catalog import UNDATED, Appearance
from parley.names import month_name
from parley.render.charts import archive_chart
from parley.render.context import PageContext
from parley.render.listing import (
    Group,
    document_list,
    document_row,
    feed_fields,
    follow_line,
    month_of,
    split_groups,
    split_index,
)
from parley.render.markdown import front_matter, html_link, html_table, md_link, md_text
from parley.render.units import Units, each_time
from parley.urls import ARCHIVE_FEED, MONTHS_ABOVE, TIMELINE, href, link, timeline_page


def timeline_pages(ctx: PageContext, units: Units | None = None) -> dict[str, str]:
    """``timeline/index.md`` and ``timeline/<year>.md`` (``timeline/undated.md`` if needed),
    with ``timeline/<year>-<month>.md`` for each month of a long year; each year's pages are a
    unit of ``units`` (:mod:`parley.render.units`)."""
    unit = units or each_time(ctx)
    years = ctx.catalog.years
    rows = [
        [html_link(_year_title(y), href(TIMELINE, timeline_page(y))), str(len(ids))]
        for y, ids in sorted(years.items(), key=lambda y: (y[0] != UNDATED, y[0]), reverse=True)
    ]
    table = html_table(["Year", "Documents"], rows, counts=1)
    intro = md_text("Every document by year and month.")
    feed = href(TIMELINE, ARCHIVE_FEED)
    head = front_matter({"title": "Timeline", **feed_fields("Newest documents (Atom feed)", feed)})
    follow = follow_line("the newest documents", feed)
    chart = archive_chart(ctx, TIMELINE)
    pages = {
        TIMELINE: f"{head}\n# Timeline\n\n{intro}\n\n{follow}\n\n"
        + (f"{chart}\n\n" if chart else "")
        + (table if rows else md_text("No documents yet."))
        + "\n"
    }
    order = list(years)
    for i, year in enumerate(order):
        before = order[i - 1] if i else None
        after = order[i + 1] if i + 1 < len(order) else None
        make = partial(_year_pages, year=year, before=before, after=after)
        pages.update(unit(f"{year}\0{before}\0{after}", make))
    return pages


def _year_title(year: str) -> str:
    return "Undated" if year == UNDATED else year


def _year_pages(
    ctx: PageContext, year: str, before: str | None, after: str | None
) -> dict[str, str]:
    page = timeline_page(year)
    title = "Undated documents" if year == UNDATED else f"Timeline: {year}"
    out = [front_matter({"title": title}), f"# {md_text(title)}\n"]
    around = [md_link("All years", link(page, TIMELINE))]
    if before:
        around.append(md_link(f"← {_year_title(before)}", link(page, timeline_page(before))))
    if after:
        around.append(md_link(f"{_year_title(after)} →", link(page, timeline_page(after))))
    out.append(" · ".join(around) + "\n")
    ids = ctx.catalog.years[year]
    if year != UNDATED and len(ids) > MONTHS_ABOVE:
        return _split_year(ctx, year, ids, out)
    months: dict[str, list[str]] = defaultdict(list)
    for doc_id in ids:
        months[month_of(ctx.entry(doc_id))].append(doc_id)
    for month, in_month in sorted(months.items()):
        if month:
            out.append(f"## {md_text(month_name(month))}\n")
        rows = (document_row(ctx, page, Appearance(d, "listed", 0, None)) for d in in_month)
        out.append(document_list(rows) + "\n")
    return {page: "\n".join(out)}


def _split_year(
    ctx: PageContext, year: str, ids: tuple[str, ...], head: list[str]
) -> dict[str, str]:
    """A long year's page (``head``, then its months and newest documents) and its month pages."""
    listed = Group("Documents", tuple(Appearance(d, "listed", 0, None) for d in ids))
    months = split_groups((listed,), lambda a: month_of(ctx.entry(a.doc_id)))
    page = timeline_page(year)
    parts = [(month_name(m), timeline_page(year, m), groups) for m, groups in months.items()]
    pages = {page: "\n".join([*head, *split_index(ctx, page, "Month", parts)])}
    order = list(months)
    for i, month in enumerate(order):
        here = timeline_page(year, month)
        title = f"Timeline: {month_name(month)} {year}"
        around = [
            md_link("All years", link(here, TIMELINE)),
            md_link(f"All of {year}", link(here, page)),
        ]
        if i:
            label = f"← {month_name(order[i - 1])} {year}"
            around.append(md_link(label, link(here, timeline_page(year, order[i - 1]))))
        if i + 1 < len(order):
            label = f"{month_name(order[i + 1])} {year} →"
            around.append(md_link(label, link(here, timeline_page(year, order[i + 1]))))
        rows = document_list(document_row(ctx, here, a) for a in months[month][0].rows)
        head = [front_matter({"title": title}), f"# {md_text(title)}\n"]
        pages[here] = "\n".join([*head, " · ".join(around) + "\n", rows + "\n"])
    return pages
