"""A turn as raw HTML: paragraphs with permalinks, first-mention links and annotation marks.

Markup inside a paragraph never overlaps (HTML elements must nest, and a link may not contain a
link), so spans are chosen in this order:

1. annotation marks, by (start, longest first, note id); a note whose span overlaps a mark
   already placed is not marked in the text (its note still follows the paragraph, quoting the
   span, and its back-link goes to the paragraph);
2. mention links: in each turn, the first mention of each country, person, organisation or
   document that overlaps no mark and no other link links to its index page; a mention inside
   or across a mark is skipped and the entity's next mention in the turn is tried.

Offsets outside the paragraph are ignored: rendering never fails on content.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parley.model import Entry, Mention, Note, Paragraph, Turn
from parley.names import Names, long_date
from parley.render.markdown import html_attr, html_link, html_piece, html_text, trusted_html
from parley.urls import SitePaths, href

#: A source URL a note may link to, e.g. "https://www.un.org/press/en/2016/sc12345.doc.htm".
WEB_URL = re.compile(r"^https?://[^\s<>\"']+$")


@dataclass(frozen=True, slots=True)
class Span:
    """Markup around ``text[start:end]`` of one paragraph."""

    start: int
    end: int
    opening: str
    closing: str


def turn_label(turn: Turn, unnamed: str = "Remarks") -> tuple[str, str]:
    """What a turn's label shows: the speaker part and the qualifier ("" if none).

    A turn without label or speaker is called by its kind ("Question", "Answer"), or
    ``unnamed`` for remarks.
    """
    label = turn.label.strip()
    if turn.qualifier and label.endswith(f"({turn.qualifier})"):
        label = label[: -len(f"({turn.qualifier})")].strip()
    fallback = {"question": "Question", "answer": "Answer"}
    return label or turn.speaker or fallback.get(turn.kind, unnamed), turn.qualifier


def turn_html(
    turn: Turn,
    entry: Entry,
    page: str,
    paths: SitePaths,
    names: Names,
    unnamed: str = "Remarks",
    mentions: Sequence[Mention] | None = None,
    extras: Mapping[int, str] | None = None,
    anchors: Mapping[int, str] | None = None,
    retired: Mapping[int, Sequence[int]] | None = None,
) -> str:
    """The raw HTML block of one turn: label, paragraphs and their notes; no blank line inside.

    ``mentions`` are the entry's mentions in this turn, in text order, when the caller has
    them already (a page of many turns groups them in one pass); else they are looked up.
    ``extras`` are HTML lines (one line each) to show after a paragraph's notes, by paragraph
    number: quote checks and "quoted in" lines.
    ``anchors`` are the paragraphs' text anchors, ``retired`` the retired numbers whose links
    open each paragraph (see :mod:`parley.link.ledger`).
    """
    speaker, qualifier = turn_label(turn, unnamed)
    kind = turn.kind if turn.kind in ("question", "answer", "remarks") else "remarks"
    anchor = f"t{turn.number}"
    label = html_link(speaker, f"#{anchor}", css="turn-anchor", title=f"Link to turn {turn.number}")
    if qualifier:
        label += f' <span class="qualifier">({html_text(qualifier)})</span>'
    lines = [
        f'<div class="turn turn-{kind}" id="{anchor}">',
        f'<p class="turn-label">{label}</p>',
    ]
    numbers = {p.number for p in turn.paragraphs}
    notes: dict[int, list[Note]] = defaultdict(list)
    for note in sorted(entry.notes, key=lambda n: (n.paragraph, n.start, n.id)):
        if note.paragraph in numbers:
            notes[note.paragraph].append(note)
    marks = {p.number: _marks(p, notes[p.number]) for p in turn.paragraphs}
    if mentions is None:
        mentions = [m for m in entry.facts.mentions if m.paragraph in numbers]
    links = _links(turn, mentions, marks, page, paths, names)
    for paragraph in turn.paragraphs:
        spans = marks[paragraph.number] + links[paragraph.number]
        n = paragraph.number
        also = tuple((retired or {}).get(n, ()))
        lines.append(paragraph_html(paragraph, spans, (anchors or {}).get(n, ""), also))
        marked = {s.opening for s in marks[paragraph.number]}
        for note in notes[paragraph.number]:
            mark = _mark_opening(note) in marked
            lines.append(note_html(note, f"mark-{note.id}" if mark else f"p{note.paragraph}"))
        if extras and paragraph.number in extras:
            lines.append(extras[paragraph.number])
    lines.append("</div>")
    return "\n".join(lines)


def paragraph_html(
    paragraph: Paragraph,
    spans: list[Span] | tuple[Span, ...] = (),
    anchor: str = "",
    retired: tuple[int, ...] = (),
) -> str:
    """``<p id="pN" class="para">`` (or a sub-heading) with escaped text, spans and a permalink;
    first inside it, empty targets for its text ``anchor`` and the ``retired`` numbers whose
    links now open it."""
    text, pieces, at = paragraph.text, [], 0
    for span in sorted(spans, key=lambda s: s.start):
        pieces += [html_piece(text[at : span.start]), span.opening]
        pieces += [html_piece(text[span.start : span.end]), span.closing]
        at = span.end
    pieces.append(html_piece(text[at:]))
    targets = [anchor] if anchor else []
    targets += [f"p{old}" for old in retired]
    body = "".join(f'<span id="{html_attr(t)}" class="para-anchor"></span>' for t in targets)
    body += "".join(pieces).strip()
    n = paragraph.number
    permalink = html_link(f"¶ {n}", f"#p{n}", css="permalink", title=f"Permalink to paragraph {n}")
    if paragraph.heading:
        return f'<h3 id="p{n}" class="para para-heading">{body} {permalink}</h3>'
    return f'<p id="p{n}" class="para">{body} {permalink}</p>'


def note_html(note: Note, back: str | None) -> str:
    """The ``<aside>`` of one annotation, on one line; ``note.html`` is inserted as it is.

    ``back`` is the anchor its back-link returns to: its mark, else its paragraph (None: none).
    """
    kind = note.kind.replace("-", " ").capitalize()
    sources = [
        html_link(url, url) if WEB_URL.match(url) else html_text(url) for url in note.sources
    ]
    parts = [
        f'<aside class="note note-{html_attr(note.kind)}" id="note-{html_attr(note.id)}">',
        f'<p class="note-meta"><span class="note-kind">{html_text(kind)}</span>'
        f' · <span class="note-author">{html_text(note.author)}</span>'
        f' · <time datetime="{html_attr(note.date)}">{html_text(long_date(note.date))}</time></p>',
        f'<p class="note-quote">“{html_text(note.quote)}”</p>',
        f'<div class="note-body">{trusted_html(note.html)}</div>',
    ]
    if sources:
        parts.append(f'<p class="note-sources">Sources: {", ".join(sources)}</p>')
    if back:
        label = "Back to the text" if back.startswith("mark-") else "Back to the paragraph"
        parts.append(f"<p>{html_link(label, f'#{back}', css='note-back')}</p>")
    parts.append("</aside>")
    return "".join(parts)


def _mark_opening(note: Note) -> str:
    return (
        f'<mark id="mark-{html_attr(note.id)}" class="annotated">'
        f'<a href="#note-{html_attr(note.id)}" title="Annotation: {html_attr(note.kind)}">'
    )


def _marks(paragraph: Paragraph, notes: list[Note]) -> list[Span]:
    placed: list[Span] = []
    size = len(paragraph.text)
    for note in sorted(notes, key=lambda n: (n.start, -n.end, n.id)):
        if not 0 <= note.start < note.end <= size or _overlaps(note.start, note.end, placed):
            continue
        placed.append(Span(note.start, note.end, _mark_opening(note), "</a></mark>"))
    return placed


def _links(
    turn: Turn,
    mentions: Sequence[Mention],
    marks: dict[int, list[Span]],
    page: str,
    paths: SitePaths,
    names: Names,
) -> dict[int, list[Span]]:
    sizes = {p.number: len(p.text) for p in turn.paragraphs}
    links: dict[int, list[Span]] = {p.number: [] for p in turn.paragraphs}
    linked: set[tuple[str, str]] = set()
    for m in sorted(mentions, key=lambda m: (m.paragraph, m.start, m.end, m.kind, m.key)):
        if (m.kind, m.key) in linked:
            continue
        target = paths.subject(m.kind, m.key)
        if target is None:
            continue
        if not 0 <= m.start < m.end <= sizes[m.paragraph]:
            continue
        if _overlaps(m.start, m.end, marks[m.paragraph] + links[m.paragraph]):
            continue
        name = names.entity(m.kind, m.key)
        opening = (
            f'<a class="mention mention-{html_attr(m.kind)}" href="{html_attr(href(page, target))}"'
            f' title="{html_attr(name)}">'
        )
        links[m.paragraph].append(Span(m.start, m.end, opening, "</a>"))
        linked.add((m.kind, m.key))
    return links


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(start < s.end and s.start < end for s in spans)
