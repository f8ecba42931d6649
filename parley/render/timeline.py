"""The timeline: years with counts, and one page per year listing its documents by month."""

from __future__ import annotations

from collections import defaultdict

from parley.catalog import UNDATED, Appearance, iso_date
from parley.render.context import PageContext
from parley.render.listing import document_row
from parley.render.markdown import front_matter, md_link, md_text
from parley.render.names import month_name
from parley.render.paths import TIMELINE, link, timeline_page


def timeline_pages(ctx: PageContext) -> dict[str, str]:
    """``timeline/index.md`` and ``timeline/<year>.md`` (``timeline/undated.md`` if needed)."""
    years = ctx.catalog.years
    rows = [
        f"| {md_link(_year_title(y), link(TIMELINE, timeline_page(y)))} | {len(ids)} |"
        for y, ids in sorted(years.items(), key=lambda y: (y[0] != UNDATED, y[0]), reverse=True)
    ]
    table = "\n".join(["| Year | Documents |", "| --- | ---: |", *rows])
    intro = md_text("Every document by year and month.")
    pages = {
        TIMELINE: f"{front_matter({'title': 'Timeline'})}\n# Timeline\n\n{intro}\n\n"
        + (table if rows else md_text("No documents yet."))
        + "\n"
    }
    order = list(years)
    for i, year in enumerate(order):
        pages[timeline_page(year)] = _year_page(
            ctx, year, order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None
        )
    return pages


def _year_title(year: str) -> str:
    return "Undated" if year == UNDATED else year


def _year_page(ctx: PageContext, year: str, before: str | None, after: str | None) -> str:
    page = timeline_page(year)
    title = "Undated documents" if year == UNDATED else f"Timeline: {year}"
    months: dict[str, list[str]] = defaultdict(list)
    for doc_id in ctx.catalog.years[year]:
        day = iso_date(ctx.entry(doc_id))
        months[day[5:7] if day else ""].append(doc_id)
    out = [front_matter({"title": title}), f"# {md_text(title)}\n"]
    around = [md_link("All years", link(page, TIMELINE))]
    if before:
        around.append(md_link(f"← {_year_title(before)}", link(page, timeline_page(before))))
    if after:
        around.append(md_link(f"{_year_title(after)} →", link(page, timeline_page(after))))
    out.append(" · ".join(around) + "\n")
    for month, ids in sorted(months.items()):
        if month:
            out.append(f"## {md_text(month_name(month))}\n")
        rows = [document_row(ctx, page, Appearance(d, "listed", 0, None)) for d in ids]
        out.append("\n".join(rows) + "\n")
    return "\n".join(out)
