"""The catalog as data: one record per document for ``catalog.json`` and a row for ``catalog.csv``.

A record (a plain dict, in time order, keys in this order):

- ``id``, ``title``, ``date`` (ISO), ``time`` (HH:MM), ``timezone``, ``event_date`` (an article's:
  the day of the event it reports, ISO, or null), ``kind``, ``publisher``;
- ``speakers`` (names), ``counterparts`` ({name, role, country}), ``place`` ({city, country}),
  ``languages`` (BCP 47 tags); country codes are ISO 3166-1 alpha-2 everywhere;
- ``questions`` (question turns), ``paragraphs``;
- ``url`` (page path relative to the site root), ``source`` (display path of the source file);
- ``countries`` ({code, name, mentions}), ``topics`` ({slug, name}), ``people`` and
  ``organisations`` ({slug, name, mentions}; organisations include treaties and other documents),
  each most mentioned first (topics strongest first).

In the CSV, lists are joined with "; " and a cell that a spreadsheet would take for a formula
(starting with ``=``, ``+``, ``-`` or ``@``) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from parley.link.catalog import Catalog
from parley.model import Entry
from parley.names import Names, VocabularyView
from parley.urls import shown_source, transcript_url

#: Folder of the generated pages in the site.
CSV_FIELDS = (
    "id",
    "title",
    "date",
    "time",
    "timezone",
    "event_date",
    "kind",
    "publisher",
    "speakers",
    "counterparts",
    "place_city",
    "place_country",
    "languages",
    "questions",
    "paragraphs",
    "url",
    "source",
    "countries",
    "topics",
    "people",
    "organisations",
)
#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def catalog_records(catalog: Catalog, vocab: VocabularyView) -> list[dict[str, Any]]:
    """One record per document, in time order."""
    names = Names(vocab)
    return [_record(entry, names) for entry in catalog.entries]


def _record(entry: Entry, names: Names) -> dict[str, Any]:
    doc, meta, facts = entry.doc, entry.doc.meta, entry.facts

    def tallies(*kinds: str) -> list[Any]:
        found = [t for t in facts.tallies if t.kind in kinds]
        return sorted(found, key=lambda t: (-t.count, t.key))

    place = meta.place
    return {
        "id": doc.id,
        "title": meta.title,
        "date": meta.date,
        "time": meta.time,
        "timezone": meta.timezone,
        "event_date": meta.event_date,
        "kind": meta.kind,
        "publisher": meta.publisher,
        "speakers": list(meta.speakers),
        "counterparts": [
            {"name": c.name, "role": c.role, "country": c.country} for c in meta.counterparts
        ],
        "place": {"city": place.city, "country": place.country} if place else None,
        "languages": list(meta.languages),
        "questions": doc.questions,
        "paragraphs": len(doc.paragraphs),
        "url": transcript_url(doc.id),
        "source": shown_source(doc.path),
        "countries": [
            {"code": t.key, "name": names.country(t.key), "mentions": t.count}
            for t in tallies("country")
        ],
        "topics": [{"slug": m.slug, "name": names.topic(m.slug)} for m in facts.topics],
        "people": [
            {"slug": t.key, "name": names.entity("person", t.key), "mentions": t.count}
            for t in tallies("person")
        ],
        "organisations": [
            {"slug": t.key, "name": names.entity(t.kind, t.key), "mentions": t.count}
            for t in tallies("organisation", "document")
        ],
    }


def catalog_csv(records: list[dict[str, Any]]) -> str:
    """The records as CSV text (a header row, then one row per document)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for record in records:
        writer.writerow([_cell(v) for v in _row(record)])
    return out.getvalue()


def _row(record: dict[str, Any]) -> list[Any]:
    place = record.get("place") or {}
    counterparts = [
        ", ".join(str(v) for v in (c["name"], c["role"], c["country"]) if v)
        for c in record["counterparts"]
    ]
    return [
        record["id"],
        record["title"],
        record["date"],
        record["time"],
        record["timezone"],
        record["event_date"],
        record["kind"],
        record["publisher"],
        "; ".join(record["speakers"]),
        "; ".join(counterparts),
        place.get("city"),
        place.get("country"),
        "; ".join(record["languages"]),
        record["questions"],
        record["paragraphs"],
        record["url"],
        record["source"],
        "; ".join(f"{c['name']} ({c['code']}): {c['mentions']}" for c in record["countries"]),
        "; ".join(t["name"] for t in record["topics"]),
        "; ".join(f"{p['name']}: {p['mentions']}" for p in record["people"]),
        "; ".join(f"{o['name']}: {o['mentions']}" for o in record["organisations"]),
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text
