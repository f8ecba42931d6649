"""The whole corpus, linked: time order, related documents, reports of events, and the indexes.

:func:`build_catalog` takes every :class:`~parley.model.Entry` and returns a :class:`Catalog`:

1. order   entries by (date, id), undated last; previous and next in time;
2. index   every country, person, organisation, document and topic -> the documents it appears
           in (as a participant first: counterpart country, speaker, counterpart), newest first;
3. link    news article <-> transcript of the event, related documents, other meetings with
           each counterpart country (see :mod:`parley.link.related`);
4. quotes  each news report's quotations traced to the paragraphs of the transcript it reports
           (see :mod:`parley.link.provenance`).

Pure and deterministic: the same entries in any order give the same catalog.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from parley.link.provenance import Provenance, TracePair, trace_pair, trace_reports
from parley.link.related import (
    OTHER_MEETINGS_LIMIT,
    RELATED_LIMIT,
    counterpart_countries,
    coverage,
    is_news,
    other_meetings,
    related_documents,
)
from parley.model import ENTITY_KINDS, Entry, Tally
from parley.read.labels import is_role_label

__all__ = [
    "OTHER_MEETINGS_LIMIT",
    "RELATED_LIMIT",
    "UNDATED",
    "Appearance",
    "Catalog",
    "DocLinks",
    "Subject",
    "build_catalog",
    "counterpart_countries",
    "is_news",
    "iso_date",
    "person_key",
]


#: Key of :attr:`Catalog.years` for documents without a date (always last).
UNDATED = "undated"
#: An ISO date as the reader writes it, e.g. "2021-07-02".
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: What is not a letter or digit in a name slug, e.g. the spaces in "Walid Muallem".
SLUG_JUNK = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Appearance:
    """One document in which a subject appears."""

    doc_id: str
    role: str
    """``counterpart`` (a counterpart, or a counterpart's country), ``speaker``, ``mention``
    (only mentioned) or ``topic``."""
    count: int
    """Mentions in the text (for a topic: paragraphs that earned it); 0 if never mentioned."""
    paragraph: int | None
    """The first paragraph of running text mentioning it (a sub-heading only if nothing else
    does; for a topic: the strongest evidence), if any."""


@dataclass(frozen=True, slots=True)
class Subject:
    """A country, person, organisation, document or topic and where it appears."""

    kind: str
    key: str
    """Alpha-2 code for a country, slug otherwise."""
    label: str
    """The name it was first written with (a counterpart's name), or the key."""
    roles: tuple[Appearance, ...]
    """Documents it takes part in (meetings with a country, a person speaking), newest first."""
    mentions: tuple[Appearance, ...]
    """Documents that only mention it, newest first."""
    mentioned_in: int
    """Number of documents that mention it at all, participation included."""

    @property
    def appearances(self) -> tuple[Appearance, ...]:
        """Roles, then mentions."""
        return self.roles + self.mentions


@dataclass(frozen=True, slots=True)
class DocLinks:
    """What one document links to."""

    previous: str | None
    next: str | None
    related: tuple[str, ...]
    """At most :data:`RELATED_LIMIT`, best first."""
    reports: tuple[str, ...]
    """For a news article: the transcript of the event it reports."""
    reported_in: tuple[str, ...]
    """For a transcript: news articles reporting on it, in time order."""
    other_meetings: tuple[tuple[str, tuple[str, ...]], ...]
    """Per counterpart country (title order): the nearest other meetings (news articles are
    reports, not meetings), in time order."""


@dataclass(frozen=True, slots=True)
class Catalog:
    """The linked corpus."""

    entries: tuple[Entry, ...]
    """In time order: by (date, id), undated last."""
    by_id: Mapping[str, Entry]
    links: Mapping[str, DocLinks]
    subjects: Mapping[tuple[str, str], Subject]
    """Keyed by (kind, key)."""
    years: Mapping[str, tuple[str, ...]]
    """Year -> document ids in time order; years ascending, :data:`UNDATED` last."""
    people: Mapping[str, str]
    """Speaker's or counterpart's name -> person key (the vocabulary's slug when known)."""
    quotes: Provenance = field(default_factory=Provenance)
    """Quotations of news reports traced to the transcripts of the events they report."""

    def entry(self, doc_id: str) -> Entry:
        """The entry with this id."""
        return self.by_id[doc_id]

    def person(self, name: str) -> str:
        """The person key of a speaker's or counterpart's name."""
        return self.people.get(name) or person_key(name)

    def of_kind(self, kind: str) -> tuple[Subject, ...]:
        """Subjects of one kind, by key."""
        return tuple(s for k, s in sorted(self.subjects.items()) if k[0] == kind)

    def newest(self, limit: int) -> tuple[Entry, ...]:
        """The ``limit`` newest dated documents, newest first."""
        dated = [e for e in self.entries if iso_date(e) is not None]
        return tuple(reversed(dated[-limit:])) if limit > 0 else ()


def iso_date(entry: Entry) -> str | None:
    """The document's date if it is a valid ISO date, else None."""
    value = entry.doc.meta.date
    return value if value and _valid_day(value) else None


@lru_cache(maxsize=1 << 16)
def _valid_day(value: str) -> bool:
    """True for a valid ISO date ("2016-10-28"). Kept per text: index pages, feeds and charts
    ask for each document's date again and again, and a corpus has a few thousand dates."""
    return bool(ISO_DATE.match(value)) and _ordinal(value) is not None


def person_key(name: str) -> str:
    """Slug of a person's name ("Mohammad Javad Zarif" -> "mohammad-javad-zarif")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return SLUG_JUNK.sub("-", folded).strip("-")


def quotable(numbers: tuple[int, ...], headings: frozenset[int]) -> int | None:
    """The paragraph to quote among ``numbers``: the first that is running text, not a
    sub-heading (a sub-heading only when nothing else mentions the subject)."""
    return next((n for n in numbers if n not in headings), numbers[0] if numbers else None)


def build_catalog(
    entries: Sequence[Entry],
    people: Callable[[str], str | None] | None = None,
    traced: TracePair = trace_pair,
) -> Catalog:
    """Link the corpus; O(n log n) in the number of documents.

    ``people`` gives the vocabulary's slug of a speaker's or counterpart's name
    (``Vocabulary.canonical_person``), so a counterpart's page is the page of the person the
    text mentions; a name it does not know (or without it, every name) is keyed by its slug.
    ``traced`` traces the quotations of a news report in a transcript
    (:func:`~parley.link.provenance.trace_pair`, or the same taken from a build's memo).
    """
    ordered = tuple(sorted(entries, key=chronological))
    names = sorted({n for e in ordered for n, _ in _participants(e)})
    keys = {n: k for n in names if (k := (people(n) if people else None) or person_key(n))}
    days = [_ordinal(iso_date(e) or "") for e in ordered]
    reports, reported_in = coverage(ordered, days, keys)
    related = related_documents(ordered, days, reports, reported_in, keys)
    meetings = other_meetings(ordered)
    links = {}
    for i, e in enumerate(ordered):
        links[e.doc.id] = DocLinks(
            previous=ordered[i - 1].doc.id if i > 0 else None,
            next=ordered[i + 1].doc.id if i + 1 < len(ordered) else None,
            related=tuple(ordered[j].doc.id for j in related[i]),
            reports=tuple(ordered[j].doc.id for j in reports.get(i, ())),
            reported_in=tuple(ordered[j].doc.id for j in sorted(reported_in.get(i, ()))),
            other_meetings=tuple(
                (code, tuple(ordered[j].doc.id for j in near)) for code, near in meetings[i]
            ),
        )
    years: dict[str, list[str]] = defaultdict(list)
    for e in ordered:
        day = iso_date(e)
        years[day[:4] if day else UNDATED].append(e.doc.id)
    return Catalog(
        entries=ordered,
        by_id={e.doc.id: e for e in ordered},
        links=links,
        subjects=_subjects(ordered, keys),
        years={y: tuple(years[y]) for y in sorted(years, key=lambda y: (y == UNDATED, y))},
        people=keys,
        quotes=trace_reports(
            ((ordered[i].doc, ordered[j].doc) for i, js in sorted(reports.items()) for j in js),
            traced,
        ),
    )


def _participants(entry: Entry) -> list[tuple[str, str]]:
    """(name, role) of the speakers, then the counterparts; never an office or an answerer
    standing in for a person the document does not name ("SG", "Spokesman", "A"): those get no
    person page."""
    meta = entry.doc.meta
    named = [(n, "speaker") for n in meta.speakers] + [
        (c.name, "counterpart") for c in meta.counterparts
    ]
    return [(n, role) for n, role in named if not is_role_label(n)]


def chronological(entry: Entry) -> tuple[int, str, str]:
    """The key of the catalog's time order (:attr:`Catalog.entries`): by date and id, undated
    last. The newest-first ranks (``PageContext.rank``) are this order reversed for dated
    documents."""
    day = iso_date(entry)
    return (0, day, entry.doc.id) if day else (1, "", entry.doc.id)


def _ordinal(iso: str) -> int | None:
    try:
        return date.fromisoformat(iso).toordinal() if ISO_DATE.match(iso) else None
    except ValueError:
        return None


def _subjects(
    ordered: tuple[Entry, ...], keys: Mapping[str, str]
) -> dict[tuple[str, str], Subject]:
    roles: dict[tuple[str, str], list[Appearance]] = defaultdict(list)
    mentions: dict[tuple[str, str], list[Appearance]] = defaultdict(list)
    mentioned: dict[tuple[str, str], int] = defaultdict(int)
    labels: dict[tuple[str, str], str] = {}
    for e in ordered:
        doc_id = e.doc.id
        tallies: dict[tuple[str, str], Tally] = {
            (t.kind, t.key): t for t in e.facts.tallies if t.kind in ENTITY_KINDS
        }
        headings = frozenset(p.number for p in e.doc.paragraphs if p.heading)
        taking_part: dict[tuple[str, str], str] = {}
        # A news article reports on a meeting and takes part in none: it is indexed by mentions.
        for name, role in [] if is_news(e) else _participants(e):
            if key := keys.get(name):
                taking_part.setdefault(("person", key), role)
                labels.setdefault(("person", key), name)
        for code in () if is_news(e) else counterpart_countries(e):
            taking_part.setdefault(("country", code), "counterpart")
        for subject, role in sorted(taking_part.items()):
            tally = tallies.get(subject)
            count = tally.count if tally else 0
            first = quotable(tally.paragraphs, headings) if tally else None
            roles[subject].append(Appearance(doc_id, role, count, first))
        for subject, tally in sorted(tallies.items()):
            mentioned[subject] += 1
            if subject not in taking_part:
                first = quotable(tally.paragraphs, headings)
                mentions[subject].append(Appearance(doc_id, "mention", tally.count, first))
        for match in {m.slug: m for m in reversed(e.facts.topics)}.values():
            first = match.paragraphs[0] if match.paragraphs else None
            roles[("topic", match.slug)].append(
                Appearance(doc_id, "topic", len(match.paragraphs), first)
            )
    rank = {e.doc.id: (0, -i) if iso_date(e) else (1, i) for i, e in enumerate(ordered)}

    def newest_first(items: list[Appearance]) -> tuple[Appearance, ...]:
        return tuple(sorted(items, key=lambda a: rank[a.doc_id]))

    return {
        subject: Subject(
            kind=subject[0],
            key=subject[1],
            label=labels.get(subject, subject[1]),
            roles=newest_first(roles.get(subject, [])),
            mentions=newest_first(mentions.get(subject, [])),
            mentioned_in=mentioned.get(subject, 0),
        )
        for subject in sorted(set(roles) | set(mentions))
    }
