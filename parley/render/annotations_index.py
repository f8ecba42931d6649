"""The annotations index: contributors' notes by transcript, by kind and by author.

No page grows without bound with the corpus: the index holds counts and the latest notes; notes
by transcript are split by the transcript's year; an author's page lists that author's notes,
and when they are more than :data:`~parley.urls.SPLIT_ABOVE` it becomes, as a long subject
listing does, a table of the transcripts' years with counts and the newest
:data:`~parley.urls.NEWEST_ON_SPLIT` notes, with one page per year; a kind's page lists its
newest notes and points to the year pages for the rest. Lists are raw HTML blocks, headings
Markdown, as on the other index pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from parley.link.catalog import iso_date
from parley.model import Note
from parley.names import counted, long_date
from parley.read.sources import safe_slug
from parley.render.context import PageContext, title_of
from parley.render.markdown import (
    front_matter,
    html_link,
    html_list,
    html_table,
    html_text,
    md_link,
    md_text,
    trim,
)
from parley.urls import ANNOTATIONS, NEWEST_ON_SPLIT, SPLIT_ABOVE, href, link, transcript_page

FOLDER = ANNOTATIONS.rsplit("/", 1)[0]
#: Notes listed on the index page, newest first.
LATEST = 20
#: Notes listed on a kind's page, newest first.
KIND_LIMIT = 200
QUOTE_PREVIEW = 80
UNDATED = "undated"


def year_page(year: str) -> str:
    """``annotations/<year>.md``: notes on the transcripts of one year."""
    return f"{FOLDER}/{year}.md"


def author_page(author: str) -> str:
    """``annotations/author-<slug>.md``."""
    return f"{FOLDER}/author-{safe_slug(author)}.md"


def author_year_page(author: str, year: str) -> str:
    """``annotations/<year>-author-<slug>.md``: one author's notes on the transcripts of a year
    (when they have more than :data:`~parley.urls.SPLIT_ABOVE`). The year comes first, so no
    author's slug ("Ann 2016") can give the name of another author's year page."""
    return f"{FOLDER}/{year}-author-{safe_slug(author)}.md"


def kind_page(kind: str) -> str:
    """``annotations/kind-<kind>.md``."""
    return f"{FOLDER}/kind-{safe_slug(kind)}.md"


def kind_label(kind: str) -> str:
    """ "cross-reference" -> "Cross reference"."""
    return kind.replace("-", " ").capitalize()


def annotations_pages(ctx: PageContext) -> dict[str, str]:
    """Every page of the annotations index."""
    notes = [n for e in ctx.catalog.entries for n in e.notes]
    newest = sorted(notes, key=lambda n: (n.date, n.doc_id, n.paragraph, n.id), reverse=True)
    by_year: dict[str, list[Note]] = defaultdict(list)
    by_author: dict[str, list[Note]] = defaultdict(list)
    by_kind: dict[str, list[Note]] = defaultdict(list)
    by_author_year: dict[str, dict[str, list[Note]]] = defaultdict(lambda: defaultdict(list))
    for entry in ctx.catalog.entries:  # time order, so each year lists transcripts in order
        date = iso_date(entry)
        year = date[:4] if date else UNDATED
        for note in entry.notes:
            by_year[year].append(note)
            by_author_year[author_page(note.author)][year].append(note)
    for note in newest:
        by_author[author_page(note.author)].append(note)
        by_kind[note.kind].append(note)

    pages = {ANNOTATIONS: _index(ctx, notes, newest, by_year, by_author, by_kind)}
    for year, group in by_year.items():
        pages[year_page(year)] = _year(ctx, year, group)
    for page, group in by_author.items():
        title = f"Annotations by {group[0].author}"
        if len(group) <= SPLIT_ABOVE:
            pages[page] = _listing(ctx, page, title, group, len(group))
        else:
            pages.update(_author_split(ctx, page, title, group, by_author_year[page]))
    for kind, group in by_kind.items():
        title = f"Annotations: {kind_label(kind)}"
        pages[kind_page(kind)] = _listing(
            ctx, kind_page(kind), title, group[:KIND_LIMIT], len(group)
        )
    return pages


def _index(
    ctx: PageContext,
    notes: list[Note],
    newest: list[Note],
    by_year: dict[str, list[Note]],
    by_author: dict[str, list[Note]],
    by_kind: dict[str, list[Note]],
) -> str:
    page = ANNOTATIONS
    title = "Annotations"
    out = [front_matter({"title": title}), f"# {title}\n"]
    intro = (
        f"{counted(len(notes), 'annotation')} by contributors. To add one, follow the Annotate "
        "link in the header of a transcript."
    )
    out.append(md_text(intro) + "\n")
    if not notes:
        return "\n".join(out)
    kinds = [(kind_label(k), kind_page(k), len(g)) for k, g in sorted(by_kind.items())]
    authors = [
        (group[0].author, target, len(group))
        for target, group in sorted(
            by_author.items(), key=lambda i: (i[1][0].author.casefold(), i[0])
        )
    ]
    years = [
        (y.capitalize(), year_page(y), len(g)) for y, g in sorted(by_year.items(), reverse=True)
    ]
    for heading, items in (
        ("By kind", kinds),
        ("By author", authors),
        ("By transcript, year by year", years),
    ):
        out.append(f"## {heading}\n")
        links = (f"{html_link(label, href(page, target))} ({n})" for label, target, n in items)
        out.append(html_list(links, "subject-list") + "\n")
    out.append("## Latest\n")
    out.append(_rows(ctx, page, newest[:LATEST], with_title=True) + "\n")
    return "\n".join(out)


def _year(ctx: PageContext, year: str, notes: list[Note]) -> str:
    page = year_page(year)
    title = (
        f"Annotations on transcripts of {year}"
        if year != UNDATED
        else ("Annotations on undated transcripts")
    )
    back = md_link("All annotations", link(page, ANNOTATIONS))
    return _by_transcript(ctx, page, title, back, notes)


def _author_split(
    ctx: PageContext,
    page: str,
    title: str,
    notes: list[Note],
    years: dict[str, list[Note]],
) -> dict[str, str]:
    """An author's page of more than ``SPLIT_ABOVE`` notes (``notes``, newest first): the
    years of their transcripts, newest first and undated last, with counts, and the newest
    notes; and one page per year (``years``), listing the author's notes transcript by
    transcript in time order."""
    author = notes[0].author
    pages: dict[str, str] = {}
    rows: list[list[str]] = []
    for year in sorted(years, key=lambda y: (y != UNDATED, y), reverse=True):
        group = years[year]
        here = author_year_page(author, year)
        named = (
            f"{title} on transcripts of {year}"
            if year != UNDATED
            else f"{title} on undated transcripts"
        )
        back = " · ".join(
            [
                md_link(f"All years of {title}", link(here, page)),
                md_link("All annotations", link(here, ANNOTATIONS)),
            ]
        )
        pages[here] = _by_transcript(ctx, here, named, back, group)
        rows.append([html_link(year.capitalize(), href(page, here)), str(len(group))])
    out = [
        front_matter({"title": title}),
        f"# {md_text(title)}\n",
        md_link("All annotations", link(page, ANNOTATIONS)) + "\n",
        md_text(
            f"{counted(len(notes), 'annotation')}, on transcripts of {counted(len(rows), 'year')}."
        )
        + "\n",
        "## By year\n",
        html_table(["Year of the transcript", "Annotations"], rows, counts=1) + "\n",
        "## Newest\n",
        _rows(ctx, page, notes[:NEWEST_ON_SPLIT], with_title=True) + "\n",
    ]
    pages[page] = "\n".join(out)
    return pages


def _by_transcript(ctx: PageContext, page: str, title: str, back: str, notes: list[Note]) -> str:
    """A page of notes under the title of their transcript, in the order given."""
    out = [front_matter({"title": title}), f"# {md_text(title)}\n", back + "\n"]
    for doc_id, group in _grouped(notes):
        out.append(
            f"## {md_link(title_of(ctx.entry(doc_id)), link(page, transcript_page(doc_id)))}\n"
        )
        out.append(_rows(ctx, page, group, with_title=False) + "\n")
    return "\n".join(out)


def _listing(ctx: PageContext, page: str, title: str, notes: list[Note], total: int) -> str:
    out = [
        front_matter({"title": title}),
        f"# {md_text(title)}\n",
        md_link("All annotations", link(page, ANNOTATIONS)) + "\n",
    ]
    if total > len(notes):
        out.append(
            md_text(f"The newest {len(notes)} of {total}; the year pages list them all.") + "\n"
        )
    out.append(_rows(ctx, page, notes, with_title=True) + "\n")
    return "\n".join(out)


def _grouped(notes: Iterable[Note]) -> list[tuple[str, list[Note]]]:
    groups: dict[str, list[Note]] = {}
    for note in notes:
        groups.setdefault(note.doc_id, []).append(note)
    return list(groups.items())


def _rows(ctx: PageContext, page: str, notes: Iterable[Note], with_title: bool) -> str:
    """The raw HTML list of notes: quote linked to the note, title, kind, author, date."""
    return html_list((_row(ctx, page, n, with_title) for n in notes), "note-list")


def _row(ctx: PageContext, page: str, note: Note, with_title: bool) -> str:
    target = href(page, f"{transcript_page(note.doc_id)}#note-{note.id}")
    quote = f"¶ {note.paragraph}: “{trim(note.quote, QUOTE_PREVIEW)}”"
    parts = [html_link(quote, target)]
    if with_title and note.doc_id in ctx.catalog.by_id:
        parts.append(html_text(title_of(ctx.entry(note.doc_id))))
    parts += [html_text(kind_label(note.kind)), html_text(note.author)]
    parts.append(html_text(long_date(note.date)))
    return " · ".join(parts)
