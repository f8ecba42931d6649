"""Links between documents: related documents, reports of events, other meetings.

- :func:`coverage`: a news article -> the transcript of the event it reports (date within a day,
  and a counterpart person or country in common), and back;
- :func:`related_documents`: up to :data:`RELATED_LIMIT` per document, scored by shared features
  (counterparts, counterpart countries, topics, the most mentioned entities) found through
  inverted indexes; each feature contributes only its :data:`RELATED_WINDOW` nearest postings in
  time on either side, so the work is linear in the corpus (never all pairs);
- :func:`other_meetings`: the nearest meetings in time with each counterpart country.

Documents are addressed by their position in the catalog's time order.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from parley.model import ENTITY_KINDS, Entry

K = TypeVar("K")

#: Entity kinds indexed from ``Facts.tallies``; topics are indexed from ``Facts.topics``.
#: Related documents shown per document; other meetings shown per counterpart country.
RELATED_LIMIT = 5
OTHER_MEETINGS_LIMIT = 10
#: Postings taken from each shared feature on each side of a document, nearest in time first.
RELATED_WINDOW = 12
#: Mentioned entities of each kind that count as features of a document (most mentioned first).
FEATURE_MENTIONS = 5
#: Weight of one shared feature in the related score, by feature kind.
FEATURE_WEIGHTS = {
    "counterpart": 5,
    "counterpart-country": 4,
    "topic": 2,
    "person": 2,
    "country": 1,
    "organisation": 1,
    "document": 1,
}
#: Strongest evidence that a news article reports a transcript's event, and the minimum needed.
COVER_PERSON, COVER_COUNTRY, COVER_MENTIONED, COVER_MINIMUM = 4, 3, 2, 2


def counterpart_countries(entry: Entry) -> tuple[str, ...]:
    """Alpha-2 codes of the counterparts' countries, in title order, no repeats."""
    codes = entry.facts.counterpart_countries or tuple(
        c.country for c in entry.doc.meta.counterparts if c.country
    )
    return tuple(dict.fromkeys(codes))


def is_news(entry: Entry) -> bool:
    """True for a news article reporting on an event."""
    return entry.doc.meta.publisher == "news"


def coverage(
    ordered: tuple[Entry, ...], days: list[int | None], keys: Mapping[str, str]
) -> tuple[dict[int, tuple[int, ...]], dict[int, list[int]]]:
    """News article -> the transcript it reports, and transcript -> articles reporting it.

    ``days`` are the documents' date ordinals (None if undated); ``keys`` person keys by name.
    Only transcripts dated within a day of the article are candidates.
    """
    by_day: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(ordered):
        day = days[i]
        if day is not None and not is_news(e):
            by_day[day].append(i)
    reports: dict[int, tuple[int, ...]] = {}
    reported_in: dict[int, list[int]] = defaultdict(list)
    for i, news in enumerate(ordered):
        day = days[i]
        if day is None or not is_news(news):
            continue
        scored = []
        side = _news_side(news, keys)
        for j in by_day[day - 1] + by_day[day] + by_day[day + 1]:
            score, mentions = _cover_score(side, ordered[j], keys, same_day=days[j] == day)
            if score:
                scored.append((-score, -mentions, abs((days[j] or 0) - day), j))
        if scored:
            best = min(scored)[-1]
            reports[i] = (best,)
            reported_in[best].append(i)
    return reports, reported_in


@dataclass(frozen=True, slots=True)
class _NewsSide:
    """What :func:`_cover_score` reads of a news article: made once per article, not once
    per transcript of its days."""

    news: Entry
    people: frozenset[str]
    """Person keys of its counterparts and of the people it mentions."""
    text: str
    """Its paragraphs, joined by spaces."""
    countries: frozenset[str]
    """Its counterpart countries."""


def _news_side(news: Entry, keys: Mapping[str, str]) -> _NewsSide:
    people = {keys[c.name] for c in news.doc.meta.counterparts if c.name in keys}
    people |= {t.key for t in news.facts.of_kind("person")}
    text = " ".join(p.text for p in news.doc.paragraphs)
    return _NewsSide(news, frozenset(people), text, frozenset(counterpart_countries(news)))


def _cover_score(
    side: _NewsSide, transcript: Entry, keys: Mapping[str, str], same_day: bool
) -> tuple[int, int]:
    """How strongly the news article of ``side`` looks like a report of ``transcript``'s event
    (0 if not at all), and how often the news mentions the transcript's counterpart countries
    (to break ties)."""
    news = side.news
    evidence = 0
    their_people = [c.name for c in transcript.doc.meta.counterparts]
    our_people, text = side.people, side.text
    if any(keys.get(n) in our_people or _surname_in(n, text) for n in their_people):
        evidence += COVER_PERSON
    their_countries = set(counterpart_countries(transcript))
    if their_countries & side.countries:
        evidence += COVER_COUNTRY
    mentions = sum(t.count for t in news.facts.of_kind("country") if t.key in their_countries)
    if mentions:
        evidence += COVER_MENTIONED
    if evidence < COVER_MINIMUM:
        return 0, 0
    speakers = (news.doc.meta.speakers[:1], transcript.doc.meta.speakers[:1])
    return evidence + same_day + (bool(speakers[0]) and speakers[0] == speakers[1]), mentions


def _surname_in(name: str, text: str) -> bool:
    words = name.split()
    surname = words[-1] if words else ""
    if len(surname) < 4 or not surname.isalpha():
        return False
    return re.search(rf"\b{re.escape(surname)}\b", text) is not None


def _features(entry: Entry, keys: Mapping[str, str]) -> list[tuple[tuple[str, str], int]]:
    found: dict[tuple[str, str], int] = {}
    for c in entry.doc.meta.counterparts:
        if key := keys.get(c.name):
            found[("counterpart", key)] = FEATURE_WEIGHTS["counterpart"]
    for code in counterpart_countries(entry):
        found[("counterpart-country", code)] = FEATURE_WEIGHTS["counterpart-country"]
    for match in entry.facts.topics:
        found[("topic", match.slug)] = FEATURE_WEIGHTS["topic"]
    for kind in ENTITY_KINDS:
        tallies = sorted(entry.facts.of_kind(kind), key=lambda t: (-t.count, t.key))
        for tally in tallies[:FEATURE_MENTIONS]:
            found.setdefault((kind, tally.key), FEATURE_WEIGHTS[kind])
    return sorted(found.items())


def related_documents(
    ordered: tuple[Entry, ...],
    days: list[int | None],
    reports: Mapping[int, tuple[int, ...]],
    reported_in: Mapping[int, list[int]],
    keys: Mapping[str, str],
) -> list[tuple[int, ...]]:
    features = [_features(e, keys) for e in ordered]
    postings, slots = _postings([[f for f, _ in found] for found in features])
    related: list[tuple[int, ...]] = []
    for i, found in enumerate(features):
        scores: dict[int, int] = defaultdict(int)
        for feature, weight in found:
            posting = postings[feature]
            for x in _window(len(posting), slots[i][feature], RELATED_WINDOW):
                scores[posting[x]] += weight
        for j in (i, *reports.get(i, ()), *reported_in.get(i, ())):
            scores.pop(j, None)
        # Only candidates scoring at least the fifth best can make the list: rank just those.
        floor = min(heapq.nlargest(RELATED_LIMIT, scores.values()), default=0)
        ranked = [
            (-score, _gap(days[i], days[j]), abs(j - i), ordered[j].doc.id, j)
            for j, score in scores.items()
            if score >= floor
        ]
        related.append(tuple(r[-1] for r in heapq.nsmallest(RELATED_LIMIT, ranked)))
    return related


def _gap(a: int | None, b: int | None) -> int:
    return abs(a - b) if a is not None and b is not None else 10**7


def _postings(keys: list[list[K]]) -> tuple[dict[K, list[int]], list[dict[K, int]]]:
    """Inverted index: key -> documents in time order; and each document's slot in each list."""
    postings: dict[K, list[int]] = defaultdict(list)
    slots: list[dict[K, int]] = []
    for i, found in enumerate(keys):
        slot = {}
        for key in found:
            slot[key] = len(postings[key])
            postings[key].append(i)
        slots.append(slot)
    return postings, slots


def _window(size: int, k: int, radius: int) -> range:
    """Slots within ``radius`` of slot ``k`` in a posting list of ``size`` (``k`` included)."""
    return range(max(0, k - radius), min(size, k + radius + 1))


def _nearest(size: int, k: int, limit: int) -> list[int]:
    """The ``limit`` slots nearest to ``k`` (``k`` left out; the earlier wins a tie), sorted."""
    near = sorted((abs(x - k), x) for x in _window(size, k, limit) if x != k)
    return sorted(x for _, x in near[:limit])


def other_meetings(ordered: tuple[Entry, ...]) -> list[list[tuple[str, tuple[int, ...]]]]:
    countries = [[] if is_news(e) else list(counterpart_countries(e)) for e in ordered]
    meetings, slots = _postings(countries)
    result = []
    for i, codes in enumerate(countries):
        per_country = []
        for code in codes:
            posting = meetings[code]
            if chosen := _nearest(len(posting), slots[i][code], OTHER_MEETINGS_LIMIT):
                per_country.append((code, tuple(posting[x] for x in chosen)))
        result.append(per_country)
    return result
