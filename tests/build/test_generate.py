"""All generated files at once, with the per-document work in worker processes: exactly the
pages of the renderer and the index of the search indexer, whatever the number of workers."""

from __future__ import annotations

import pytest

from parley.build.generate import generate_files
from parley.search.index import build_search_index
from tests.support.sample_corpus import SITE, sample_catalog, sample_pages, sample_vocabulary


@pytest.mark.parametrize("workers", [1, 2])
def test_generated_files_are_the_rendered_pages_as_utf8_then_the_search_index(workers: int) -> None:
    catalog, vocab = sample_catalog(), sample_vocabulary()
    expected: dict[str, str | bytes] = {k: v.encode() for k, v in sample_pages().items()}
    expected.update(build_search_index(catalog.entries, vocab))
    found = generate_files(catalog, vocab, SITE, workers)
    assert list(found) == list(expected)  # pages sorted by path, then the index's files
    assert found == expected
