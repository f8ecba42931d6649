"""All generated files at once, with the per-document work in worker processes: exactly the
pages of the renderer and the index of the search indexer, whatever the number of workers."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from parley.build.generate import Known, generate_files
from parley.link.catalog import Catalog
from parley.search.index import build_search_index
from parley.urls import merge_pages, transcript_page
from tests.support.sample_corpus import SITE, sample_catalog, sample_pages, sample_vocabulary


@pytest.mark.parametrize("workers", [1, 2])
def test_generated_files_are_the_rendered_pages_as_utf8_then_the_search_index(workers: int) -> None:
    catalog, vocab = sample_catalog(), sample_vocabulary()
    expected: dict[str, str | bytes] = {k: v.encode() for k, v in sample_pages().items()}
    expected.update(build_search_index(catalog.entries, vocab))
    found = generate_files(catalog, vocab, SITE, workers).files
    assert list(found) == list(expected)  # pages sorted by path, then the index's files
    assert found == expected


def _known(catalog: Catalog, **given: Any) -> Known:
    fingerprints = {e.doc.id: f"fp-{e.doc.id}" for e in catalog.entries}
    values: dict[str, Any] = {"fingerprints": fingerprints, "postings": {}, "pages": {},
                              "previous": None, "salt": "code and data"}  # fmt: skip
    return Known(**{**values, **given})


def test_known_postings_are_only_read_and_the_current_ones_come_back() -> None:
    catalog, vocab = sample_catalog(), sample_vocabulary()
    first = generate_files(catalog, vocab, SITE, 1, known=_known(catalog))
    fingerprints = {f"fp-{e.doc.id}" for e in catalog.entries}
    assert set(first.postings) == fingerprints
    assert set(first.pages) == {e.doc.id for e in catalog.entries} and first.reused == 0
    known = {**first.postings, "fp-gone": next(iter(first.postings.values()))}
    frozen = dict(known)
    again = generate_files(catalog, vocab, SITE, 1, known=_known(catalog, postings=known))
    assert known == frozen  # the caller's postings are not changed
    assert set(again.postings) == fingerprints  # those of a document gone are not handed back
    assert again.files == first.files


def test_a_page_is_taken_from_the_previous_tree_while_nothing_it_shows_changed(
    tmp_path: Path,
) -> None:
    catalog, vocab = sample_catalog(), sample_vocabulary()
    first = generate_files(catalog, vocab, SITE, 1, known=_known(catalog))
    for path, data in first.files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data if isinstance(data, bytes) else data.encode())
    same = _known(catalog, postings=first.postings, pages=first.pages, previous=tmp_path)
    again = generate_files(catalog, vocab, SITE, 1, known=same)
    assert again.reused == len(catalog.entries) and again.files == first.files
    # A page whose bytes in the tree are not those recorded is rendered again.
    page = tmp_path / transcript_page(catalog.entries[0].doc.id)
    page.write_text("edited by hand", encoding="utf-8")
    mended = generate_files(catalog, vocab, SITE, 1, known=same)
    assert mended.reused == len(catalog.entries) - 1 and mended.files == first.files
    # Another salt (code, data, site settings): every page is rendered again.
    salted = replace(same, salt="other code")
    assert generate_files(catalog, vocab, SITE, 1, known=salted).reused == 0


def test_two_pages_with_one_path_are_refused() -> None:
    with pytest.raises(ValueError, match=re.escape("two generated pages have the path 'a.md'")):
        merge_pages({"a.md": "one"}, {"b.md": "two"}, {"a.md": "three"})


def test_index_pages_are_taken_from_the_previous_tree_unit_by_unit_while_what_they_read_holds(
    tmp_path: Path,
) -> None:
    catalog, vocab = sample_catalog(), sample_vocabulary()
    first = generate_files(catalog, vocab, SITE, 1, known=_known(catalog))
    assert first.units_reused == 0
    kinds = {name.partition(":")[0] for name in first.units}
    assert kinds == {"countries", "topics", "people", "organisations", "timeline", "feeds"}
    for path, data in first.files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data if isinstance(data, bytes) else data.encode())
    same = _known(catalog, postings=first.postings, pages=first.pages, previous=tmp_path,
                  units=first.units)  # fmt: skip
    again = generate_files(catalog, vocab, SITE, 1, known=same)
    assert again.units_reused == len(first.units) and again.files == first.files
    assert again.units == first.units
    # A unit's file edited in the tree: that unit alone is made again.
    country = next(name for name in first.units if name.startswith("countries:"))
    (tmp_path / first.units[country].files[0][0]).write_text("edited", encoding="utf-8")
    mended = generate_files(catalog, vocab, SITE, 1, known=same)
    assert mended.units_reused == len(first.units) - 1 and mended.files == first.files
    # A value a unit read has another fingerprint (a document's inputs changed): every unit
    # that read that document is made again, the others are kept.
    doc_id = catalog.entries[-1].doc.id
    changed = {**same.fingerprints, doc_id: "fp-changed"}
    readers = {
        n for n, r in first.units.items() if ("entry", doc_id) in {d[:2] for d in r.dependencies}
    }
    assert readers
    moved = generate_files(catalog, vocab, SITE, 1, known=replace(same, fingerprints=changed))
    assert moved.units_reused == len(first.units) - len(readers | {country})  # the edited too
    assert moved.files == first.files
    # Another salt (code, data, site settings): every unit is made again.
    salted = generate_files(catalog, vocab, SITE, 1, known=replace(same, salt="other code"))
    assert salted.units_reused == 0 and salted.files == first.files
