"""The passage quoted under a listed document: the words around the subject's first mention."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.model import EntityKind, Mention
from parley.render.passages import PASSAGE, first_mention_start, quoted_passage
from tests.support.fake_corpus import entry

LONG = " ".join(f"word{i}" for i in range(60)) + " Syria is named late in this paragraph."


def test_the_passage_starts_near_the_first_mention_and_is_cut_with_an_ellipsis() -> None:
    e = entry("d", turns=[("remarks", "", None, "", ("Opening.", LONG))])
    passage = quoted_passage(e, 2, "country", "SY")
    assert passage is not None and len(passage) <= PASSAGE + 1
    assert passage.startswith("…word") and "Syria is named late in this paragraph." in passage


def test_without_a_mention_of_the_subject_the_passage_is_the_start_of_the_paragraph() -> None:
    e = entry("d", turns=[("remarks", "", None, "", ("Opening.", LONG))])
    passage = quoted_passage(e, 2, "country", "IR")
    assert passage is not None and passage.startswith("word0 word1 ") and passage.endswith("…")


def test_a_paragraph_the_document_lacks_quotes_nothing() -> None:
    assert quoted_passage(entry("d"), 99, "country", "SY") is None


SUBJECTS: list[tuple[EntityKind, str]] = [
    ("country", "SY"),
    ("country", "IR"),
    ("person", "walid-muallem"),
]
KINDS = st.sampled_from(SUBJECTS)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 4), st.integers(0, 40), KINDS), max_size=30),
    st.integers(0, 5),
    KINDS,
)
def test_the_first_mention_is_found_as_a_scan_of_the_text_in_order_would_find_it(
    spans: list[tuple[int, int, tuple[EntityKind, str]]],
    number: int,
    subject: tuple[EntityKind, str],
) -> None:
    mentions = sorted(
        (
            Mention(kind, key, paragraph, start, start + 3)
            for paragraph, start, (kind, key) in spans
        ),
        key=lambda m: (m.paragraph, m.start, m.kind, m.key),
    )  # text order, as detection leaves them
    e = entry("d")
    e = replace(e, facts=replace(e.facts, mentions=tuple(mentions)))
    kind, key = subject
    scanned = next(
        (m.start for m in mentions if (m.paragraph, m.kind, m.key) == (number, kind, key)), 0
    )
    assert first_mention_start(e, number, kind, key) == scanned
