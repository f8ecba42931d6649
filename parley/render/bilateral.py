"""A country's bilateral timeline: its meetings in time order, with whom and where.

What a reader of bilateral relations looks for first on a country's page: every meeting with
the country's representatives, oldest first, grouped by year, each with its date, the
counterparts from that country (or the document's title when none is named) and the place.
A long history shows its newest :data:`TIMELINE_LIMIT` meetings, so the page stays bounded;
the year pages list the rest.
"""

from __future__ import annotations

from itertools import groupby

from parley.link.catalog import UNDATED, Subject
from parley.model import Entry
from parley.names import long_date
from parley.render.context import PageContext, title_of
from parley.render.markdown import html_attr, html_link, html_text, md_text
from parley.urls import href, transcript_page

#: Meetings shown on a country's page at most (the newest).
TIMELINE_LIMIT = 50


def bilateral_timeline(ctx: PageContext, subject: Subject, page: str) -> str:
    """The heading and list of a country's meetings, oldest first; "" without meetings."""
    meetings = [a.doc_id for a in subject.roles if ctx.year_of.get(a.doc_id, UNDATED) != UNDATED]
    if not meetings:
        return ""
    name = ctx.names.country(subject.key)
    shown = sorted(meetings[:TIMELINE_LIMIT], key=ctx.rank.__getitem__, reverse=True)
    out = [f"## {md_text(f'Timeline of meetings with {name}')}\n"]
    if len(meetings) > len(shown):
        earlier = len(meetings) - len(shown)
        out.append(
            md_text(f"The newest {len(shown)}; {earlier} earlier are on the year pages.") + "\n"
        )
    years = []
    for year, ids in groupby(shown, key=lambda d: ctx.year_of[d]):
        items = "".join(_item(ctx, ctx.entry(d), subject.key, page) for d in ids)
        years.append(f'<li><span class="year">{html_text(year)}</span><ol>{items}</ol></li>')
    out.append('<ol class="bilateral">\n' + "\n".join(years) + "\n</ol>")
    return "\n".join(out)


def _item(ctx: PageContext, entry: Entry, code: str, page: str) -> str:
    meta = entry.doc.meta
    people = [c for c in meta.counterparts if c.country == code]
    who = "; ".join(", ".join(p for p in (c.name, c.role) if p) for c in people)
    place = ""
    if meta.place:
        country = ctx.names.country(meta.place.country) if meta.place.country else ""
        place = ", ".join(p for p in (meta.place.city, country) if p)
    date = f'<time datetime="{html_attr(meta.date or "")}">{html_text(long_date(meta.date))}</time>'
    label = html_link(who or title_of(entry), href(page, transcript_page(entry.doc.id)))
    where = f' · <span class="place">{html_text(place)}</span>' if place else ""
    return f"<li>{date} · {label}{where}</li>"
