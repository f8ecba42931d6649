"""Resolve a document against the vocabulary and add its facts; pure.

:func:`enrich` returns the document with counterpart and place countries resolved and people's
names in their display form, and :class:`~parley.model.Facts`: every mention in the paragraphs,
the tallies, the counterpart and host countries (from the head, kept apart from mentions), and the
topics. The title is not scanned for mentions; it only says which people the document names in
full, so that a short form in the text ("Mr Muallem") can count.
"""

from __future__ import annotations

from dataclasses import replace

from parley.enrich.topics import assign_topics
from parley.model import Counterpart, Document, Entry, Facts, Mention, Metadata, Place, Tally
from parley.vocab.gazetteer import gazetteer
from parley.vocab.matcher import detect, scan
from parley.vocab.vocabulary import Vocabulary


def display_name(name: str, vocab: Vocabulary) -> str:
    """A person's display name from ``people.yaml`` ("Mohammad Javad Zarif"), or ``name``."""
    slug = vocab.canonical_person(name)
    return vocab.entity("person", slug).name if slug else name


def _counterpart(counterpart: Counterpart, vocab: Vocabulary) -> Counterpart:
    country = vocab.resolve_country(counterpart.country_text) if counterpart.country_text else None
    slug = vocab.canonical_person(counterpart.name)
    if country is None and slug:
        country = vocab.entity("person", slug).country
    return replace(counterpart, name=display_name(counterpart.name, vocab), country=country)


def place_country(place: Place, vocab: Vocabulary) -> tuple[str | None, str]:
    """A place's country and the rule that found it: the country written beside the city
    ("Munich, Germany"), else the country the vocabulary knows the city for ("Washington"),
    else the gazetteer's city of that name (:mod:`parley.vocab.gazetteer`: Samara, Rostov-on-Don,
    Rovaniemi); ``(None, "")`` when none knows it."""
    if place.country_text and (country := vocab.resolve_country(place.country_text)):
        return country, "the country written beside the city"
    if place.city and (country := vocab.resolve_country(place.city)):
        return country, "data/countries.yaml: a place listed for the country"
    if place.country:
        return place.country, "given"
    if place.city and (city := gazetteer().city(place.city)):
        return city.country, f"gazetteer: {city.name}, a city of {city.population:,} people"
    return None, ""


def _place(place: Place, vocab: Vocabulary) -> Place:
    return replace(place, country=place_country(place, vocab)[0])


def resolve_document(doc: Document, vocab: Vocabulary) -> Document:
    """The document with countries resolved and speakers' and counterparts' names canonical."""
    meta = doc.meta
    meta = replace(
        meta,
        speakers=tuple(display_name(s, vocab) for s in meta.speakers),
        counterparts=tuple(_counterpart(c, vocab) for c in meta.counterparts),
        place=_place(meta.place, vocab) if meta.place else None,
    )
    turns = tuple(
        replace(t, speaker=display_name(t.speaker, vocab)) if t.speaker else t for t in doc.turns
    )
    return replace(doc, meta=meta, turns=turns)


def named_people(meta: Metadata, speakers: tuple[str | None, ...], vocab: Vocabulary) -> set[str]:
    """Slugs of the people the head of a document names in full: title, speakers, counterparts."""
    names = [*meta.speakers, *(c.name for c in meta.counterparts), *speakers]
    slugs = {vocab.canonical_person(name) for name in names if name}
    if meta.title:
        hits, _ = scan(meta.title, vocab.matcher)
        slugs.update(h.pattern.key for h in hits if h.pattern.kind == "person")
    slugs.discard(None)
    return {s for s in slugs if s}


def tally(mentions: tuple[Mention, ...]) -> tuple[Tally, ...]:
    """Per-entity counts and paragraphs; by kind, then count descending, then key."""
    counts: dict[tuple[str, str], int] = {}
    where: dict[tuple[str, str], dict[int, None]] = {}
    for m in mentions:
        entity = (m.kind, m.key)
        counts[entity] = counts.get(entity, 0) + 1
        where.setdefault(entity, {})[m.paragraph] = None
    ordered = sorted(counts, key=lambda e: (e[0], -counts[e], e[1]))
    return tuple(
        Tally(k, key, counts[(k, key)], tuple(sorted(where[(k, key)]))) for k, key in ordered
    )


def enrich(doc: Document, vocab: Vocabulary) -> Entry:
    """The document resolved against the vocabulary, with its facts."""
    resolved = resolve_document(doc, vocab)
    present = named_people(resolved.meta, tuple(t.speaker for t in resolved.turns), vocab)
    found = detect(resolved.paragraphs, vocab.matcher, present)
    counterparts = [c.country for c in resolved.meta.counterparts if c.country]
    place = resolved.meta.place
    facts = Facts(
        mentions=found.mentions,
        tallies=tally(found.mentions),
        counterpart_countries=tuple(dict.fromkeys(counterparts)),
        host_country=place.country if place else None,
        topics=assign_topics(vocab.topics, found.mentions, found.terms),
    )
    return Entry(doc=resolved, facts=facts)
