"""The home-page fragment and the annotations index.

``_home.md`` is included into the hand-written ``docs/index.md`` by ``pymdownx.snippets``, so its
Markdown links are relative to ``docs/`` ("archive/transcripts/<id>.md"), not to the fragment.
"""

from __future__ import annotations

from collections import defaultdict

from parley.catalog import iso_date
from parley.model import Note
from parley.render.context import PageContext, title_of
from parley.render.markdown import front_matter, html_link, md_link, md_text, trim
from parley.render.names import counted, long_date
from parley.render.paths import ANNOTATIONS, TIMELINE, index_page, link, transcript_page

#: Where the generated folder sits in ``docs/``: the home fragment's links start here.
ARCHIVE = "archive"
LATEST = 10
#: The offline copy the pipeline writes; a raw HTML link, so MkDocs does not look for it.
OFFLINE_ZIP = "downloads/parley-site.zip"
QUOTE_PREVIEW = 80


def home_fragment(ctx: PageContext) -> str:
    """What the archive holds, the latest documents, ways in, and the offline copy."""
    catalog = ctx.catalog

    def docs_link(label: str, page: str) -> str:
        return md_link(label, f"{ARCHIVE}/{page}")

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
    out = [md_text(summary) + "\n", "## Latest documents\n"]
    latest = [
        f"- {docs_link(title_of(e), transcript_page(e.doc.id))}"
        f" · {md_text(long_date(e.doc.meta.date))}"
        for e in catalog.newest(LATEST)
    ]
    out.append(("\n".join(latest) if latest else md_text("No documents yet.")) + "\n")
    out.append("## Ways in\n")
    ways = [
        (index_page("country"), "Countries", "meetings with each country, and every mention"),
        (index_page("topic"), "Topics", "what was discussed, with the passages"),
        (index_page("person"), "People", "speakers, counterparts and people mentioned"),
        (index_page("organisation"), "Organisations", "organisations, treaties and resolutions"),
        (TIMELINE, "Timeline", "every document by year and month"),
        (ANNOTATIONS, "Annotations", "contributors' notes on the texts"),
    ]
    out.append("\n".join(f"- {docs_link(label, p)}: {md_text(what)}" for p, label, what in ways))
    zip_link = html_link("Download the whole site", OFFLINE_ZIP)
    out.append(
        "\n## Read offline\n\n"
        f'<p class="offline">{zip_link} as one zip file: unpack it and open '
        "<code>index.html</code> in a browser; search works without a network.</p>\n"
    )
    return "\n".join(out)


def annotations_page(ctx: PageContext) -> str:
    """``annotations/index.md``: every note, by transcript, by kind and by author."""
    page = ANNOTATIONS
    notes = [n for e in ctx.catalog.entries for n in e.notes]
    title = "Annotations"
    out = [front_matter({"title": title}), f"# {title}\n"]
    intro = (
        f"{counted(len(notes), 'annotation')} by contributors. To add one, follow the Annotate "
        "link in the header of a transcript."
    )
    out.append(md_text(intro) + "\n")
    if not notes:
        return "\n".join(out)
    out.append("## By transcript\n")
    for entry in ctx.catalog.entries:
        if entry.notes:
            target = link(page, transcript_page(entry.doc.id))
            out.append(f"### {md_link(title_of(entry), target)}\n")
            out.append("\n".join(_note_row(ctx, page, n, with_title=False) for n in entry.notes))
            out.append("")
    for heading, key in (("By kind", "kind"), ("By author", "author")):
        groups: dict[str, list[Note]] = defaultdict(list)
        for note in notes:
            groups[note.kind if key == "kind" else note.author].append(note)
        out.append(f"## {heading}\n")
        for name in sorted(groups, key=lambda g: (g.casefold(), g)):
            label = name.replace("-", " ").capitalize() if key == "kind" else name
            out.append(f"### {md_text(label)}\n")
            out.append("\n".join(_note_row(ctx, page, n, with_title=True) for n in groups[name]))
            out.append("")
    return "\n".join(out)


def _note_row(ctx: PageContext, page: str, note: Note, with_title: bool) -> str:
    target = link(page, f"{transcript_page(note.doc_id)}#note-{note.id}")
    quote = f"¶ {note.paragraph}: “{trim(note.quote, QUOTE_PREVIEW)}”"
    parts = [md_link(quote, target)]
    if with_title and note.doc_id in ctx.catalog.by_id:
        parts.append(md_text(title_of(ctx.entry(note.doc_id))))
    parts += [md_text(note.kind), md_text(note.author), md_text(long_date(note.date))]
    return "- " + " · ".join(parts)
