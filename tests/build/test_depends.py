"""What a page looked up, and the fingerprints that say whether it changed since."""

from __future__ import annotations

from dataclasses import replace

from parley.build.depends import KEYS, Fingerprints, Recorder, RecordingMapping
from parley.link.catalog import build_catalog, chronological, iso_date
from parley.model import Entry
from parley.render import page_context
from parley.render.context import PageContext
from tests.support.sample_corpus import SITE, sample_entries, sample_vocabulary


def _contexts() -> tuple[PageContext, PageContext, Entry]:
    """The sample corpus linked whole, and without its oldest dated document."""
    entries, vocab = sample_entries(), sample_vocabulary()
    oldest = min((e for e in entries if iso_date(e)), key=chronological)
    whole = build_catalog(entries, people=vocab.canonical_person)
    less = build_catalog([e for e in entries if e is not oldest], people=vocab.canonical_person)
    return page_context(whole, vocab, SITE), page_context(less, vocab, SITE), oldest


def test_ranks_order_documents_newest_first_by_date_and_id_undated_last() -> None:
    ctx, _, _ = _contexts()
    entries = ctx.catalog.entries
    dated = sorted((e for e in entries if iso_date(e)), key=chronological, reverse=True)
    undated = sorted((e for e in entries if not iso_date(e)), key=chronological)
    expected = [e.doc.id for e in dated + undated]
    assert sorted(ctx.rank, key=ctx.rank.__getitem__) == expected


def test_a_rank_keeps_its_fingerprint_when_an_older_document_shifts_its_position() -> None:
    whole, less, oldest = _contexts()
    fps = {e.doc.id: f"fp-{e.doc.id}" for e in whole.catalog.entries}
    moved = [d for d in less.rank if less.rank[d] != whole.rank[d]]
    assert moved  # every document after the one left out is one place further
    for doc_id in moved:
        mine, theirs = Fingerprints(whole, fps), Fingerprints(less, fps)
        assert mine.of("rank", doc_id) == theirs.of("rank", doc_id)
    assert Fingerprints(less, fps).of("rank", oldest.doc.id) != Fingerprints(whole, fps).of(
        "rank", oldest.doc.id
    )


def test_reading_a_tables_keys_depends_on_its_keys_only() -> None:
    whole, _, _ = _contexts()
    recorder = Recorder()
    years = RecordingMapping("years", whole.catalog.years, recorder)
    assert list(years.keys()) == list(whole.catalog.years)
    assert recorder.seen == {("years", KEYS)}
    fps = {e.doc.id: f"fp-{e.doc.id}" for e in whole.catalog.entries}
    one = Fingerprints(whole, fps).of("years", KEYS)
    year = next(iter(whole.catalog.years))
    fewer = dict(whole.catalog.years)
    fewer[year] = fewer[year][1:]  # one document less in a year: the same keys
    vocab = sample_vocabulary()
    other = page_context(replace(whole.catalog, years=fewer), vocab, SITE)
    assert Fingerprints(other, fps).of("years", KEYS) == one
    del fewer[year]
    gone = page_context(replace(whole.catalog, years=fewer), vocab, SITE)
    assert Fingerprints(gone, fps).of("years", KEYS) != one


def test_a_document_without_a_fingerprint_never_counts_as_unchanged() -> None:
    whole, _, _ = _contexts()
    doc_id = whole.catalog.entries[0].doc.id
    fps = {e.doc.id: "" for e in whole.catalog.entries}
    seen = Fingerprints(whole, fps).of("entry", doc_id)
    assert not Fingerprints(whole, fps).unchanged((("entry", doc_id, seen),))
