"""The five shipped samples, read, enriched, linked and rendered once per test session.

Annotations come from a hand-made note on sample 000 (the Bahrain transcript), so the golden
pages show how a note is marked and placed without depending on the annotation files.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from parley.enrich.document import enrich
from parley.link.catalog import Catalog, build_catalog
from parley.model import Entry, Note
from parley.read.document import read_document
from parley.read.sources import find_sources, plan_ids, read_source
from parley.render import SiteInfo, render_site
from parley.vocab.vocabulary import Vocabulary, load_vocabulary

REPO = Path(__file__).resolve().parents[2]
SITE = SiteInfo("https://git.example.org/owner/parley", "main", "Parley")
BAHRAIN = "2021-07-02-lavrov-bahrain"
QUOTE = "Russian Direct Investment Fund"


@cache
def sample_vocabulary() -> Vocabulary:
    vocab, problems = load_vocabulary(REPO / "data")
    assert not problems, [p.format() for p in problems]
    return vocab


def _with_note(entry: Entry) -> Entry:
    paragraph = next(p for p in entry.doc.paragraphs if QUOTE in p.text)
    start = paragraph.text.index(QUOTE)
    note = Note(
        "n1",
        entry.doc.id,
        paragraph.number,
        start,
        start + len(QUOTE),
        QUOTE,
        "<p>The fund was set up in 2011 as Russia's <em>sovereign wealth fund</em>.</p>",
        "octocat",
        "2024-03-01",
        "context",
        ("https://rdif.ru/Eng_About/",),
        f"annotations/{entry.doc.id}.yaml",
        2,
    )
    return replace(entry, notes=(note,))


@cache
def sample_entries() -> tuple[Entry, ...]:
    vocab = sample_vocabulary()
    ids, _ = plan_ids(find_sources(REPO / "transcripts"), lambda p: p.relative_to(REPO).as_posix())
    entries = []
    for path, doc_id in sorted(ids.items(), key=lambda item: item[1]):
        source, _ = read_source(path, path.relative_to(REPO).as_posix(), doc_id)
        assert source is not None
        document, _ = read_document(source)
        entry = enrich(document, vocab)
        entries.append(_with_note(entry) if doc_id == BAHRAIN else entry)
    return tuple(entries)


@cache
def sample_catalog() -> Catalog:
    return build_catalog(sample_entries(), people=sample_vocabulary().canonical_person)


@cache
def sample_pages() -> dict[str, str]:
    return render_site(sample_catalog(), sample_vocabulary(), SITE)
