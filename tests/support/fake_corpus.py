"""Small hand-made corpora for catalog and render tests: a fake vocabulary and entry builders.

``FakeVocabulary`` has the shape of ``parley.vocab.vocabulary.Vocabulary`` that rendering uses
(country
names, entities, topics; unknown keys raise ``KeyError``). ``entry`` builds a complete
:class:`~parley.model.Entry` from a few words, finding mentions of the given surface forms in
the text so offsets are always right.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from parley.model import (
    Counterpart,
    Document,
    DocumentKind,
    EntityKind,
    Entry,
    Facts,
    Mention,
    Metadata,
    Note,
    Paragraph,
    Place,
    Publisher,
    Tally,
    TopicMatch,
    Turn,
    TurnKind,
)

COUNTRIES = {
    "AF": "Afghanistan",
    "BH": "Bahrain",
    "IL": "Israel",
    "IQ": "Iraq",
    "IR": "Iran",
    "RU": "Russia",
    "SY": "Syria",
    "US": "United States",
}


@dataclass(frozen=True)
class FakeEntity:
    kind: str
    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class FakeTopic:
    slug: str
    name: str
    description: str = ""


class FakeVocabulary:
    """Countries, a few people and organisations, and three topics."""

    def __init__(self) -> None:
        self._entities = {
            (e.kind, e.key): e
            for e in (
                FakeEntity("person", "sergey-lavrov", "Sergey Lavrov", "Russia's foreign minister"),
                FakeEntity("person", "walid-muallem", "Walid Muallem"),
                FakeEntity("person", "vladimir-putin", "Vladimir Putin"),
                FakeEntity("organisation", "un", "United Nations"),
                FakeEntity("organisation", "nato", "NATO"),
                FakeEntity("document", "unscr-2254", "UN Security Council Resolution 2254"),
            )
        }
        self._topics = {
            t.slug: t
            for t in (
                FakeTopic("syrian-settlement", "Syrian settlement", "Ending the war in Syria."),
                FakeTopic("terrorism", "Terrorism", "Fighting terrorist groups."),
                FakeTopic("gulf-security", "Gulf security", "Security in the Persian Gulf."),
            )
        }

    def country_name(self, code: str) -> str:
        return COUNTRIES[code]

    def entity(self, kind: str, key: str) -> FakeEntity:
        if kind == "country":
            return FakeEntity("country", key, COUNTRIES[key])
        return self._entities[(kind, key)]

    def topic(self, slug: str) -> FakeTopic:
        return self._topics[slug]

    @property
    def topics(self) -> tuple[FakeTopic, ...]:
        return tuple(self._topics.values())


#: (kind, label, speaker, qualifier, paragraphs) of one turn.
TurnSpec = tuple[TurnKind, str, str | None, str, Sequence[str]]

DEFAULT_TURNS: tuple[TurnSpec, ...] = (
    ("remarks", "", "Sergey Lavrov", "", ("Ladies and gentlemen, we discussed Syria.",)),
    ("question", "Question", None, "", ("What about Syria and Iran?",)),
    ("answer", "Sergey Lavrov", "Sergey Lavrov", "", ("Syria needs peace. Syria will decide.",)),
)


def turns_of(specs: Iterable[TurnSpec]) -> tuple[Turn, ...]:
    """Turns with paragraphs numbered across the document and lines counted from 10."""
    turns, number = [], 0
    for t, (kind, label, speaker, qualifier, texts) in enumerate(specs, start=1):
        paragraphs = []
        for text in texts:
            number += 1
            heading = text.startswith("## ")
            paragraphs.append(
                Paragraph(number, text.removeprefix("## "), line=10 + 2 * number, heading=heading)
            )
        turns.append(
            Turn(t, kind, speaker, label, qualifier, tuple(paragraphs), paragraphs[0].line)
        )
    return tuple(turns)


def find_mentions(
    turns: Sequence[Turn], forms: Mapping[tuple[EntityKind, str], Sequence[str]]
) -> tuple[Mention, ...]:
    """Every whole-word occurrence of each surface form, in text order, longest form first."""
    found = []
    for turn in turns:
        for p in turn.paragraphs:
            taken: list[tuple[int, int]] = []
            for (kind, key), words in sorted(forms.items()):
                for word in sorted(words, key=len, reverse=True):
                    for m in re.finditer(rf"\b{re.escape(word)}\b", p.text):
                        if all(m.end() <= s or e <= m.start() for s, e in taken):
                            taken.append((m.start(), m.end()))
                            found.append(Mention(kind, key, p.number, m.start(), m.end()))
    return tuple(sorted(found, key=lambda m: (m.paragraph, m.start)))


def tallies_of(mentions: Iterable[Mention]) -> tuple[Tally, ...]:
    """Per-entity counts as enrichment makes them: by kind, count descending, key."""
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for m in mentions:
        where[(m.kind, m.key)].append(m.paragraph)
    tallies = [Tally(k, key, len(ps), tuple(sorted(set(ps)))) for (k, key), ps in where.items()]
    return tuple(sorted(tallies, key=lambda t: (t.kind, -t.count, t.key)))


def entry(
    doc_id: str,
    date: str | None = "2016-10-28",
    *,
    title: str | None = None,
    kind: DocumentKind = "news-conference",
    publisher: Publisher = "ministry",
    speakers: Sequence[str] = ("Sergey Lavrov",),
    counterparts: Sequence[tuple[str, str, str | None]] = (),
    place: tuple[str | None, str | None] | None = ("Moscow", "RU"),
    time: str | None = None,
    timezone: str | None = None,
    languages: Sequence[str] = (),
    turns: Sequence[TurnSpec] = DEFAULT_TURNS,
    forms: Mapping[tuple[EntityKind, str], Sequence[str]] | None = None,
    topics: Sequence[tuple[str, Sequence[int]]] = (),
    notes: Sequence[Note] = (),
    footnotes: Sequence[str] = (),
) -> Entry:
    """An enriched entry; ``counterparts`` are (name, role, country code)."""
    built = turns_of(turns)
    known: dict[tuple[EntityKind, str], Sequence[str]] = {
        ("country", "SY"): ("Syria", "Syrian"),
        ("country", "IR"): ("Iran",),
    }
    mentions = find_mentions(built, known | dict(forms or {}))
    cps = tuple(Counterpart(n, r, COUNTRIES.get(c or "", ""), c) for n, r, c in counterparts)
    meta = Metadata(
        title=title if title is not None else f"Document {doc_id}",
        date=date,
        time=time,
        timezone=timezone,
        kind=kind,
        speakers=tuple(speakers),
        counterparts=cps,
        place=Place(place[0], None, place[1]) if place else None,
        languages=tuple(languages),
        publisher=publisher,
    )
    doc = Document(
        doc_id, f"transcripts/{doc_id}.txt", "utf-8", "0" * 64, meta, built, (), tuple(footnotes)
    )
    facts = Facts(
        mentions=mentions,
        tallies=tallies_of(mentions),
        counterpart_countries=tuple(dict.fromkeys(c for _, _, c in counterparts if c)),
        host_country=place[1] if place else None,
        topics=tuple(TopicMatch(slug, float(len(ps)), tuple(ps)) for slug, ps in topics),
    )
    return Entry(doc, facts, tuple(notes))


def note(
    doc_id: str,
    paragraph: int,
    start: int,
    end: int,
    quote: str,
    note_id: str = "n1",
    kind: str = "context",
    html: str = "<p>A note.</p>",
    author: str = "octocat",
    sources: Sequence[str] = ("https://example.org/source",),
) -> Note:
    """An anchored annotation."""
    return Note(
        note_id,
        doc_id,
        paragraph,
        start,
        end,
        quote,
        html,
        author,
        "2024-03-01",
        kind,
        tuple(sources),
        f"annotations/{doc_id}.yaml",
        3,
    )
