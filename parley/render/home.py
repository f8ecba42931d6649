"""The home-page fragment.

``_home.md`` is included into the hand-written ``docs/index.md`` by ``pymdownx.snippets``, so its
links are relative to ``docs/`` ("archive/transcripts/<id>.html"), not to the fragment. Its lists
are raw HTML blocks, like the rows of the index pages.
"""

from __future__ import annotations

from parley.link.catalog import iso_date
from parley.names import counted, long_date
from parley.render.charts import archive_chart
from parley.render.context import PageContext, title_of
from parley.render.listing import follow_line
from parley.render.markdown import html_link, html_list, html_text, md_text
from parley.urls import (
    ANNOTATIONS,
    ARCHIVE_FEED,
    GENERATED,
    QUOTES,
    TIMELINE,
    href,
    index_page,
    transcript_page,
)

LATEST = 10
#: The offline copy the pipeline writes; a raw HTML link, so MkDocs does not look for it.
OFFLINE_ZIP = "downloads/parley-site.zip"
QUOTE_PREVIEW = 80


def home_fragment(ctx: PageContext) -> str:
    """What the archive holds, the latest documents, ways in, and the offline copy."""
    catalog = ctx.catalog

    def docs_link(label: str, page: str) -> str:
        return html_link(label, href("index.md", f"{GENERATED}/{page}"))

    dated = [d for e in catalog.entries if (d := iso_date(e))]
    people = len(catalog.of_kind("person"))
    topics = sum(1 for s in catalog.of_kind("topic") if s.roles)
    countries = len(catalog.of_kind("country"))
    summary = (
        f"The archive holds {counted(len(catalog.entries), 'document')}"
        + (f" from {long_date(dated[0])} to {long_date(dated[-1])}" if dated else "")
        + f", with {countries} {'country' if countries == 1 else 'countries'}, "
        f"{counted(topics, 'topic')} and {people} {'person' if people == 1 else 'people'}."
    )
    out = [md_text(summary) + "\n"]
    chart = archive_chart(ctx, "index.md", f"{GENERATED}/")
    if chart:
        out.append(chart + "\n")
    out.append("## Latest documents\n")
    latest = [
        f"{docs_link(title_of(e), transcript_page(e.doc.id))}"
        f" · {html_text(long_date(e.doc.meta.date))}"
        for e in catalog.newest(LATEST)
    ]
    out.append((html_list(latest, "doc-list") if latest else md_text("No documents yet.")) + "\n")
    out.append(follow_line("the newest documents", f"{GENERATED}/{ARCHIVE_FEED}") + "\n")
    out.append("## Ways in\n")
    ways = [
        (index_page("country"), "Countries", "meetings with each country, and every mention"),
        (index_page("topic"), "Topics", "what was discussed, with the passages"),
        (index_page("person"), "People", "speakers, counterparts and people mentioned"),
        (index_page("organisation"), "Organisations", "organisations, treaties and resolutions"),
        (TIMELINE, "Timeline", "every document by year and month"),
        (ANNOTATIONS, "Annotations", "contributors' notes on the texts"),
        (QUOTES, "Quotations checked", "news reports' quotations traced to the transcripts"),
    ]
    items = (f"{docs_link(label, p)}: {html_text(what)}" for p, label, what in ways)
    out.append(html_list(items, "subject-list"))
    out.append(f"\n## Read offline\n\n{offline_paragraph()}\n")
    return "\n".join(out)


def offline_paragraph() -> str:
    """The home page's paragraph with the link to the offline copy (one line of raw HTML)."""
    zip_link = html_link("Download the whole site", OFFLINE_ZIP)
    return (
        f'<p class="offline">{zip_link} as one zip file: unpack it and open '
        "<code>index.html</code> in a browser; search works without a network.</p>"
    )


def offline_copy_paragraph(site_url: str) -> str:
    """The same paragraph as it reads inside the offline copy, where there is no zip to download:
    it says this is the offline copy, and links the published zip when the site's address is
    known (``site_url``, ending in ``/``; empty: no link)."""
    text = (
        "This is the offline copy of the whole site, unpacked from its zip file: "
        "search works without a network."
    )
    if site_url:
        published = html_link("the published site", site_url)
        newest = html_link("download the newest copy", f"{site_url}{OFFLINE_ZIP}")
        text += f" To read the latest documents, visit {published} or {newest}."
    return f'<p class="offline">{text}</p>'
