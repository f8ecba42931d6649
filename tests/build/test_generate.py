"""All generated files at once, with the per-document work in worker processes: exactly the
pages of the renderer and the index of the search indexer, whatever the number of workers."""

from __future__ import annotations

import re

import pytest

from parley.build.generate import generate_files
from parley.search.index import build_search_index
from parley.urls import merge_pages
from tests.support.sample_corpus import SITE, sample_catalog, sample_pages, sample_vocabulary


@pytest.mark.parametrize("workers", [1, 2])
def test_generated_files_are_the_rendered_pages_as_utf8_then_the_search_index(workers: int) -> None:
    catalog, vocab = sample_catalog(), sample_vocabulary()
    expected: dict[str, str | bytes] = {k: v.encode() for k, v in sample_pages().items()}
    expected.update(build_search_index(catalog.entries, vocab))
    found = generate_files(catalog, vocab, SITE, workers).files
    assert list(found) == list(expected)  # pages sorted by path, then the index's files
    assert found == expected


def test_known_postings_are_only_read_and_the_current_ones_come_back() -> None:
    catalog, vocab = sample_catalog(), sample_vocabulary()
    first = generate_files(catalog, vocab, SITE, 1)
    keys = {(e.doc.id, e.doc.sha256) for e in catalog.entries}
    assert set(first.postings) == keys
    gone = ("a-document-no-longer-there", "0" * 64)
    known = {**first.postings, gone: next(iter(first.postings.values()))}
    frozen = dict(known)
    again = generate_files(catalog, vocab, SITE, 1, known=known)
    assert known == frozen  # the caller's postings are not changed
    assert set(again.postings) == keys  # those of a document gone are not handed back
    assert again.files == first.files


def test_two_pages_with_one_path_are_refused() -> None:
    with pytest.raises(ValueError, match=re.escape("two generated pages have the path 'a.md'")):
        merge_pages({"a.md": "one"}, {"b.md": "two"}, {"a.md": "three"})
