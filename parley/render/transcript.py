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

from typing import Any

from parley.link.catalog import counterpart_countries, is_news
from parley.model import Entry, Mention, Tally
from parley.names import (
    Names,
    counted,
    kind_noun,
    language_name,
    long_date,
    possessive,
    publisher_name,
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
    url_path,
)
from parley.render.paragraphs import note_html, turn_html
from parley.render.quotes import report_extras, transcript_extras
from parley.urls import href, in_repository, link, shown_source, transcript_page

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
    sections = [
        _front(entry, ctx),
        f"# {md_text(title_of(entry))}\n",
        _header(entry, ctx, page),
        _questions(entry),
        "## Transcript\n",
        _text(entry, ctx, page),
        _unplaced_notes(entry),
        _footnotes(entry),
        _footer(entry, ctx, page),
    ]
    return "\n".join(s for s in sections if s)


def _text(entry: Entry, ctx: PageContext, page: str) -> str:
    """Every turn, in one raw HTML block."""
    unnamed = "Article" if is_news(entry) else "Opening remarks"
    turn_of = {p.number: t.number for t in entry.doc.turns for p in t.paragraphs}
    mentions: dict[int, list[Mention]] = {t.number: [] for t in entry.doc.turns}
    for m in entry.facts.mentions:  # one pass, in text order, instead of one per turn
        if (number := turn_of.get(m.paragraph)) is not None:
            mentions[number].append(m)
    extras = (report_extras if is_news(entry) else transcript_extras)(entry, ctx, page)
    turns = [
        turn_html(t, entry, page, ctx.paths, ctx.names, unnamed, mentions[t.number], extras)
        for t in entry.doc.turns
    ]
    return "\n".join(['<div class="transcript">', *turns, "</div>\n"])


def _front(entry: Entry, ctx: PageContext) -> str:
    meta, names = entry.doc.meta, ctx.names
    countries = [names.country(t.key) for t in _tallies(entry, "country")]
    topics = [names.topic(m.slug) for m in entry.facts.topics]
    place: dict[str, Any] | None = None
    if meta.place:
        country = meta.place.country
        place = {"city": meta.place.city, "country": names.country(country) if country else None}
    fields: dict[str, Any] = {
        "title": title_of(entry),
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
        "tags": _tags(entry, ctx, countries, topics),
    }
    return front_matter(fields)


#: At most this many country chips and topic chips above a transcript's title.
TAG_COUNTRIES = 5
TAG_TOPICS = 5


def _tags(entry: Entry, ctx: PageContext, countries: list[str], topics: list[str]) -> list[str]:
    """The chips a reader sees: counterpart countries, the countries the text is most about
    (mentioned more than once), then the strongest topics; a passing mention is no chip."""
    counterparts = [ctx.names.country(code) for code in entry.facts.counterpart_countries]
    repeated = [ctx.names.country(t.key) for t in _tallies(entry, "country") if t.count > 1]
    chosen = list(dict.fromkeys(counterparts + repeated))
    return chosen[: max(TAG_COUNTRIES, len(counterparts))] + topics[:TAG_TOPICS]


def _tallies(entry: Entry, kind: str) -> list[Tally]:
    return sorted(entry.facts.of_kind(kind), key=lambda t: (-t.count, t.key))


def _subject_link(ctx: PageContext, page: str, kind: str, key: str, label: str) -> str:
    target = ctx.paths.subject(kind, key)
    return html_link(label, href(page, target)) if target else html_text(label)


def _header(entry: Entry, ctx: PageContext, page: str) -> str:
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
    rows.append(("Kind", html_text(kind_noun(meta.kind).capitalize())))
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
    if meta.languages:
        rows.append(("Languages", html_text(", ".join(language_name(t) for t in meta.languages))))
    rows.append(("Source", _source(entry, ctx)))
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


def _person(ctx: PageContext, page: str, name: str) -> str:
    return _subject_link(ctx, page, "person", ctx.catalog.person(name), name)


def _source(entry: Entry, ctx: PageContext) -> str:
    doc = entry.doc
    parts = [html_text(publisher_name(doc.meta.publisher))]
    if in_repository(doc.path):
        url = f"{ctx.repo_url}/blob/{ctx.branch}/{url_path(doc.path)}"
        parts.append(html_link(doc.path, url))
    else:
        parts.append(html_text(shown_source(doc.path)))
    if doc.meta.source_url and doc.meta.source_url.startswith(("https://", "http://")):
        parts.append(html_link("original", doc.meta.source_url))
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
