"""The data published beside the pages: ``catalog.json``, ``catalog.csv`` and
``annotations.jsonld``, and each document's source text.

In: the catalog, the vocabulary and the anchored notes. Out: {path under the generated folder:
text}, kept in a hidden folder of the generated tree (:data:`PUBLISHED`, which MkDocs skips)
until the pipeline copies it into ``site/data/`` after MkDocs ran; the source texts
(:func:`published_sources`) go beside the pages (``sources/<id>.txt``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from parley.annotate.notes import export_jsonld
from parley.link.catalog import Catalog
from parley.model import Document, Note
from parley.publish.records import catalog_csv, catalog_records
from parley.read.sources import read_source
from parley.urls import source_file
from parley.vocab.vocabulary import Vocabulary

__all__ = ["PUBLISHED", "json_lines", "published_data", "published_sources"]

#: Data files published in ``site/data/``; hidden in the generated tree, so MkDocs skips them.
PUBLISHED = ".published"


def published_data(
    catalog: Catalog,
    vocab: Vocabulary,
    notes: Mapping[str, tuple[Note, ...]],
    documents: Mapping[str, Document],
    base_url: str,
) -> dict[str, str]:
    """The data files published beside the pages, kept in the generated tree until MkDocs ran."""
    records = catalog_records(catalog, vocab)
    return {
        f"{PUBLISHED}/catalog.json": json_lines(records),
        f"{PUBLISHED}/catalog.csv": catalog_csv(records),
        f"{PUBLISHED}/annotations.jsonld": json.dumps(
            export_jsonld(notes, documents, base_url), ensure_ascii=False, indent=1
        )
        + "\n",
    }


def published_sources(
    tasks: list[tuple[str, str, str]], documents: Mapping[str, Document]
) -> dict[str, bytes]:
    """Each document's source text, published beside its page (``sources/<id>.txt``): the
    text as read (decoded, line endings normalised) in UTF-8 with a byte-order mark, so a
    browser shows it right from disk and over HTTP whatever the file's own encoding was.
    ``tasks`` are the reading tasks (path, path shown, id)."""
    published = {}
    for path, shown, doc_id in tasks:
        if doc_id not in documents:
            continue
        source, _ = read_source(Path(path), shown, doc_id)
        if source is not None:
            published[source_file(doc_id)] = ("\ufeff" + source.text).encode("utf-8")
    return published


def json_lines(records: list[dict[str, Any]]) -> str:
    """A JSON array with one record per line: readable, diffable, and written by the C encoder
    (``indent`` would switch to the pure-Python one, ten times slower)."""
    if not records:
        return "[]\n"
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    return "[\n" + ",\n".join(lines) + "\n]\n"
