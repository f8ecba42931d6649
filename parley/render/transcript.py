"""One transcript page: front matter, header, questions, turns, and the links to other pages.

Headings are Markdown (the table of contents and permalinks come from them); everything else is
raw HTML, which Python-Markdown passes through without parsing: the header, the list of
questions, the turns (all in one ``<div class="transcript">`` with no blank line inside, so the
whole text is one block) and the lists of other documents.

The page never grows with the corpus: at most :data:`~parley.link.catalog.RELATED_LIMIT` related
documents, previous and next, and at most :data:`~parley.link.catalog.OTHER_MEETINGS_LIMIT` other
meetings per counterpart country (with a link to the country page for all of them).
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from markdown.extensions.toc import slugify

from parley.link.catalog import counterpart_countries, is_news
from parley.link.ledger import paragraph_anchors
from parley.model import Entry, Mention, Tally
from parley.names import (
    Names,
    counted,
    display_title,
    kind_noun,
    language_name,
    long_date,
    possessive,
    publisher_name,
)
from parley.render.citation import (
    citation_meta,
    cite_attributes,
    csl_item,
    formatted_reference,
    json_ld,
)
from parley.render.context import PageContext, title_of
from parley.render.markdown import (
    front_matter,
    html_attr,
    html_link,
    html_list,
    html_text,
    md_link,
    md_text,
    trim,
    trusted_html,
    url_path,
)
from parley.render.paragraphs import note_html, turn_html
from parley.render.quotes import report_extras, transcript_extras
from parley.urls import (
    citation_file,
    href,
    in_repository,
    link,
    shown_source,
    source_file,
    transcript_page,
    web_address,
)

#: Characters of a question shown in the list of questions at the top of the page.
QUESTION_PREVIEW = 100


def description(entry: Entry, names: Names) -> str:
    """One sentence: who, what, with whom, where and when."""
    meta = entry.doc.meta
    speaker = meta.speakers[0] if meta.speakers else ""
    if is_news(entry) and speaker and meta.counterparts:
        what = f"News article on {possessive(speaker)} talks"
    elif is_news(entry):
        what = f"News article about {speaker}" if speaker else "News article"
    elif speaker:
        what = f"{possessive(speaker)} {kind_noun(meta.kind)}"
    else:
        what = kind_noun(meta.kind).capitalize()
    if meta.counterparts:
        people = [
            f"{c.name} ({names.country(c.country)})" if c.country else c.name
            for c in meta.counterparts
        ]
        what += " with " + (" and ".join(people) if len(people) < 3 else ", ".join(people))
    place = (meta.place.city or "") if meta.place else ""
    if meta.place and not place and meta.place.country:
        place = names.country(meta.place.country)
    parts = [what, place, long_date(iso) if (iso := meta.date) else ""]
    return ", ".join(p for p in parts if p) + "."


def transcript_markdown(entry: Entry, ctx: PageContext) -> str:
    """The whole page of one document."""
    page = transcript_page(entry.doc.id)
    item = csl_item(entry, ctx)
    questions = _questions(entry)
    footer = _footer(entry, ctx, page)
    sections = [
        _front(entry, ctx, item),
        f"# {md_text(display_title(entry, ctx.names))}\n",
        _sections_nav(bool(questions), footer),
        _header(entry, ctx, page, item),
        questions,
        "## Transcript\n",
        _text(entry, ctx, page, item),
        _unplaced_notes(entry),
        _footnotes(entry),
        footer,
        json_ld(entry, item, ctx) + "\n",
    ]
    return "\n".join(s for s in sections if s)


#: The first heading of the footer: "## Related transcripts".
FOOTER_HEADING = re.compile(r"^## (?P<title>.+)$", re.M)


def _sections_nav(questions: bool, footer: str) -> str:
    """Links to the page's sections, for a phone, where the theme hides its table of contents
    (the skip link to the text is in the theme's template, ``overrides/main.html``)."""
    targets = [("Questions", "questions")] if questions else []
    targets.append(("Transcript", "transcript"))
    if heading := FOOTER_HEADING.search(footer):
        title = html.unescape(heading["title"])
        targets.append((title, slugify(title, "-")))
    links = " · ".join(html_link(label, f"#{anchor}") for label, anchor in targets)
    return f'<nav class="page-sections" aria-label="Sections of this page">{links}</nav>\n'


def _text(entry: Entry, ctx: PageContext, page: str, item: dict[str, Any]) -> str:
    """Every turn, in one raw HTML block."""
    unnamed = "Article" if is_news(entry) else "Opening remarks"
    turn_of = {p.number: t.number for t in entry.doc.turns for p in t.paragraphs}
    mentions: dict[int, list[Mention]] = {t.number: [] for t in entry.doc.turns}
    for m in entry.facts.mentions:  # one pass, in text order, instead of one per turn
        if (number := turn_of.get(m.paragraph)) is not None:
            mentions[number].append(m)
    extras = (report_extras if is_news(entry) else transcript_extras)(entry, ctx, page)
    paragraphs = entry.doc.paragraphs
    texts = paragraph_anchors(p.text for p in paragraphs)
    anchors = dict(zip((p.number for p in paragraphs), texts, strict=True))
    retired: dict[int, list[int]] = {}
    for old, now in entry.doc.retired:
        retired.setdefault(now, []).append(old)
    turns = [
        turn_html(
            t,
            entry,
            page,
            ctx.paths,
            ctx.names,
            unnamed,
            mentions[t.number],
            extras,
            anchors,
            retired,
        )
        for t in entry.doc.turns
    ]
    opening = f'<div class="transcript"{cite_attributes(entry, item, ctx)}>'
    return "\n".join([opening, *turns, "</div>\n"])


def _front(entry: Entry, ctx: PageContext, item: dict[str, Any]) -> str:
    meta, names = entry.doc.meta, ctx.names
    countries = [names.country(t.key) for t in _tallies(entry, "country")]
    topics = [names.topic(m.slug) for m in entry.facts.topics]
    place: dict[str, Any] | None = None
    if meta.place:
        country = meta.place.country
        place = {"city": meta.place.city, "country": names.country(country) if country else None}
    fields: dict[str, Any] = {
        "title": display_title(entry, names),
        "official_title": title_of(entry),
        "date": meta.date,
        "kind": meta.kind,
        "speakers": list(meta.speakers),
        "counterparts": [
            {
                "name": c.name,
                "role": c.role,
                "country": names.country(c.country) if c.country else None,
            }
            for c in meta.counterparts
        ],
        "place": place,
        "countries": countries,
        "topics": topics,
        "description": description(entry, names),
        "source": shown_source(entry.doc.path),
        "source_url": web_address(meta.source_url),
        "citation_meta": citation_meta(item),
    }
    return front_matter(fields)


def _tallies(entry: Entry, kind: str) -> list[Tally]:
    return sorted(entry.facts.of_kind(kind), key=lambda t: (-t.count, t.key))


def _subject_link(ctx: PageContext, page: str, kind: str, key: str, label: str) -> str:
    target = ctx.paths.subject(kind, key)
    return html_link(label, href(page, target)) if target else html_text(label)


def _header(entry: Entry, ctx: PageContext, page: str, item: dict[str, Any]) -> str:
    """Who spoke with whom, where and when first (the first screen of a phone shows them),
    then the full official title, the source and how to cite it, topics and countries."""
    meta, names = entry.doc.meta, ctx.names
    rows: list[tuple[str, str]] = []
    when = long_date(meta.date)
    if meta.time:
        when += f", {meta.time}" + (f" {meta.timezone}" if meta.timezone else "")
    stamp = (meta.date or "") + (f"T{meta.time}" if meta.date and meta.time else "")
    rows.append(("Date", f'<time datetime="{html_attr(stamp)}">{html_text(when)}</time>'))
    if meta.place and (meta.place.city or meta.place.country):
        where = [html_text(meta.place.city)] if meta.place.city else []
        if code := meta.place.country:
            where.append(_subject_link(ctx, page, "country", code, names.country(code)))
        rows.append(("Place", ", ".join(where)))
    if meta.speakers:
        speakers = [_person(ctx, page, name) for name in meta.speakers]
        rows.append(("Speaker" if len(speakers) == 1 else "Speakers", ", ".join(speakers)))
    if meta.counterparts:
        items = []
        for c in meta.counterparts:
            text = (html_text(c.role) + " " if c.role else "") + _person(ctx, page, c.name)
            if c.country:
                text += ", " + _subject_link(
                    ctx, page, "country", c.country, names.country(c.country)
                )
            items.append(f"<li>{text}</li>")
        rows.append(("With", f'<ul class="counterparts">{"".join(items)}</ul>'))
    rows.append(("Kind", html_text(kind_noun(meta.kind).capitalize())))
    if display_title(entry, names) != title_of(entry):
        title = html_text(title_of(entry))
        rows.append(("Title", f'<span class="official-title">{title}</span>'))
    if meta.languages:
        rows.append(("Languages", html_text(", ".join(language_name(t) for t in meta.languages))))
    rows.append(("Source", _source(entry, ctx, page)))
    rows.append(("Cite", _cite(entry, page, item)))
    if entry.facts.topics:
        topics = [
            _subject_link(ctx, page, "topic", m.slug, names.topic(m.slug))
            for m in entry.facts.topics
        ]
        rows.append(("Topics", ", ".join(topics)))
    if countries := _tallies(entry, "country"):
        shown = [
            _subject_link(ctx, page, "country", t.key, names.country(t.key)) + f" ({t.count})"
            for t in countries
        ]
        rows.append(("Countries", ", ".join(shown)))
    body = "".join(f"<dt>{html_text(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="doc-meta">{body}</dl>\n'


def _cite(entry: Entry, page: str, item: dict[str, Any]) -> str:
    """The document's reference (Harvard style, folded away on screen), its files for reference
    managers, and the citation line a printed page carries instead (hidden on screen)."""
    doc_id = entry.doc.id
    files = " · ".join(
        html_link(label, href(page, citation_file(doc_id, ext)), css=f"cite-{ext}")
        for label, ext in (("BibTeX", "bib"), ("CSL-JSON", "json"))
    )
    reference = trusted_html(formatted_reference(item))
    # The reference gives one address: the archive's page when the site's address is known
    # (then the original follows), else the original (then the page's own address follows,
    # written by the script where the page is read, or the document id when read from disk).
    if item.get("URL") and item.get("URL") != item.get("source"):
        after = f" Original: {html_text(item['source'])}" if item.get("source") else ""
    else:
        after = ' Archive: <span class="cite-here"></span>.'
    printed = f'<span class="print-citation">Cite as: {reference}{after}</span>'
    folded = (
        '<details class="cite-document"><summary>Reference</summary>'
        f'<span class="cite-reference">{reference}</span></details>'
    )
    screen = f'<span class="cite-screen">{folded} · {files} · the ¶ of a paragraph cites it</span>'
    return f"{screen} {printed}"


def _person(ctx: PageContext, page: str, name: str) -> str:
    return _subject_link(ctx, page, "person", ctx.catalog.person(name), name)


def _source(entry: Entry, ctx: PageContext, page: str) -> str:
    """Who published it, the original, the source text published with the site, and (when the
    repository's address is known) the links to edit the text and to annotate it."""
    doc = entry.doc
    parts = [html_text(publisher_name(doc.meta.publisher))]
    if original := web_address(doc.meta.source_url):
        host = urlsplit(original).hostname or "the publisher"
        parts.append(html_link(f"Original at {host}", original, css="source-original"))
    parts.append(
        html_link("Source text", href(page, source_file(doc.id)), css="source-text")
        + f' <span class="source-path">({html_text(shown_source(doc.path))})</span>'
    )
    if ctx.repo_url and in_repository(doc.path):
        edit = f"{ctx.repo_url}/edit/{ctx.branch}/{url_path(doc.path)}"
        parts.append(html_link("Edit", edit, css="edit"))
    if ctx.repo_url:
        annotate = f"{ctx.repo_url}/edit/{ctx.branch}/annotations/{url_path(doc.id)}.yaml"
        parts.append(html_link("Annotate", annotate, css="annotate"))
    if entry.notes:
        parts.append(html_text(counted(len(entry.notes), "annotation")))
    return " · ".join(parts)


def _questions(entry: Entry) -> str:
    items = []
    for turn in entry.doc.turns:
        if turn.kind != "question":
            continue
        text = next((p.text for p in turn.paragraphs if not p.heading), turn.paragraphs[0].text)
        items.append(html_link(trim(text, QUESTION_PREVIEW), f"#t{turn.number}"))
    return f"## Questions\n\n{html_list(items, 'questions', ordered=True)}\n" if items else ""


def _unplaced_notes(entry: Entry) -> str:
    """Notes whose paragraph is not in the text (never from a validated annotation file)."""
    numbers = {p.number for p in entry.doc.paragraphs}
    unplaced = [n for n in entry.notes if n.paragraph not in numbers]
    if not unplaced:
        return ""
    asides = "".join(note_html(n, None) for n in sorted(unplaced, key=lambda n: n.id))
    return f'## Other annotations\n\n<div class="notes-unplaced">{asides}</div>\n'


def _footnotes(entry: Entry) -> str:
    if not entry.doc.footnotes:
        return ""
    notes = "".join(f'<p class="footnote">{html_text(n)}</p>' for n in entry.doc.footnotes)
    return f'## Footnotes\n\n<div class="footnotes">{notes}</div>\n'


def _doc_item(ctx: PageContext, page: str, doc_id: str, prefix: str = "") -> str:
    other = ctx.catalog.entry(doc_id)
    countries = [ctx.names.country(c) for c in counterpart_countries(other)]
    parts = [html_link(title_of(other), href(page, transcript_page(doc_id)))]
    parts.append(html_text(long_date(other.doc.meta.date)))
    if countries:
        parts.append(html_text(", ".join(countries)))
    return (f"{html_text(prefix)} " if prefix else "") + " · ".join(parts)


def _doc_list(ctx: PageContext, page: str, items: list[tuple[str, str]]) -> str:
    """A raw HTML list of other documents, each (prefix, id)."""
    return html_list((_doc_item(ctx, page, d, prefix) for prefix, d in items), "doc-links")


def _footer(entry: Entry, ctx: PageContext, page: str) -> str:
    links = ctx.catalog.links[entry.doc.id]
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        ("Related transcripts", [("", d) for d in links.related]),
        ("Reported in", [("", d) for d in links.reported_in]),
        ("Report of", [("", d) for d in links.reports]),
        (
            "Previous and next",
            [(p, d) for p, d in (("Previous:", links.previous), ("Next:", links.next)) if d],
        ),
    ]
    out = [
        f"## {heading}\n\n{_doc_list(ctx, page, items)}\n" for heading, items in sections if items
    ]
    for code, others in links.other_meetings:
        country = ctx.names.country(code)
        out.append(f"## Other meetings with {md_text(country)}\n")
        out.append(_doc_list(ctx, page, [("", d) for d in others]) + "\n")
        target = ctx.paths.subject("country", code)
        if target:
            out.append(md_link(f"All meetings with {country}", link(page, target)) + "\n")
    return "\n".join(out)
