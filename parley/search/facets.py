"""Facets: what the search page's filters count, per document, and the months documents fall in.

Documents are numbered newest first, so a month or a year is a range of numbers: the manifest
carries each month's first number (:func:`month_starts`). Every other filter has its own file,
``search/facets/<filter>.js`` (:func:`facet_files`), with the documents holding each value: as
gaps like postings, or, for a value most documents hold, as a bitset (``~`` then six documents a
letter, whichever is shorter). The search page loads them with the manifest, each on its own:

``kind``        the kind of document ("news-conference", "interview" ...)
``source``      ``transcript`` or ``news`` (a news report about the event)
``speaker``     the main speaker
``counterpart`` countries of the counterparts (and the host country)
``mentioned``   countries mentioned in the text
``topic``       topics
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.model import Entry
from parley.names import Names, kind_noun
from parley.search.codec import ALPHABET, number

__all__ = ["BITSET", "FACETS", "bitset", "document_values", "facet_files", "month_starts"]

#: First letter of a bitset; the other letters hold six documents each, lowest bit first.
BITSET = "~"
#: The filters counted from ``search/facets/<filter>.js``, in the order the page shows them.
FACETS = ("source", "kind", "speaker", "counterpart", "mentioned", "topic")


def month_starts(ordered: Sequence[Entry]) -> list[list[object]]:
    """``[["2021-07", first document number], ...]`` newest first; undated documents as ""."""
    starts: list[list[object]] = []
    for n, entry in enumerate(ordered):
        month = (entry.doc.meta.date or "")[:7]
        if not starts or starts[-1][0] != month:
            starts.append([month, n])
    return starts


def document_values(entry: Entry) -> dict[str, list[str]]:
    """The value(s) of each facet for one document."""
    meta, facts = entry.doc.meta, entry.facts
    counterparts = [*facts.counterpart_countries]
    if facts.host_country and facts.host_country not in counterparts:
        counterparts.append(facts.host_country)
    mentioned = sorted({m.key for m in facts.mentions if m.kind == "country"})
    return {
        "source": ["news" if meta.publisher == "news" else "transcript"],
        "kind": [meta.kind],
        "speaker": list(meta.speakers[:1]),
        "counterpart": counterparts,
        "mentioned": mentioned,
        "topic": [t.slug for t in facts.topics],
    }


def _label(facet: str, value: str, names: Names) -> str:
    if facet == "source":
        return "News reports" if value == "news" else "Transcripts"
    if facet == "kind":
        noun = kind_noun(value)
        return noun[:1].upper() + noun[1:]
    if facet in ("counterpart", "mentioned"):
        return names.country(value)
    if facet == "topic":
        return names.topic(value)
    return value


def facet_files(ordered: Sequence[Entry], names: Names) -> dict[str, list[list[str]]]:
    """{facet: [[value, label, documents], ...]}, values most frequent first; the documents as
    gaps or as a bitset, whichever is shorter."""
    holders: dict[str, dict[str, list[int]]] = {facet: {} for facet in FACETS}
    for n, entry in enumerate(ordered):
        for facet, values in document_values(entry).items():
            for value in values:
                holders[facet].setdefault(value, []).append(n)
    out: dict[str, list[list[str]]] = {}
    for facet in FACETS:
        rows = sorted(holders[facet].items(), key=lambda kv: (-len(kv[1]), kv[0]))
        out[facet] = [
            [value, _label(facet, value, names), _shortest(docs, len(ordered))]
            for value, docs in rows
        ]
    return out


def _shortest(docs: list[int], count: int) -> str:
    gaps = _gaps(docs)
    if len(gaps) <= count // 6 + 2:
        return gaps
    return bitset(docs, count)


def bitset(docs: list[int], count: int) -> str:
    """Documents as a bitset: :data:`BITSET`, then a letter of :data:`ALPHABET` per six
    documents, document ``6k + i`` as bit ``i`` of letter ``k``."""
    bits = bytearray((count + 5) // 6)
    for n in docs:
        bits[n // 6] |= 1 << (n % 6)
    return BITSET + "".join(ALPHABET[b] for b in bits)


def _gaps(docs: list[int]) -> str:
    """Ascending document numbers as letters: the first, then each gap less one."""
    previous = -1
    letters = []
    for n in docs:
        letters.append(number(n - previous - 1))
        previous = n
    return "".join(letters)
