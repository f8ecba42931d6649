"""Paragraph numbers against the ledger of published numbers: anchors from the text, numbers
kept across insertions, splits, corrections and deletions, and the ledger file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.link.ledger import (
    Ledger,
    ledger_text,
    number_paragraphs,
    paragraph_anchor,
    paragraph_anchors,
    parse_ledger,
    unrecorded,
)

TEXTS = ("Ladies and gentlemen,", "We discussed Syria.", "Thank you.", "Questions, please.")


def published(texts: tuple[str, ...] = TEXTS) -> Ledger:
    """The ledger of a document first published with ``texts``."""
    numbering = number_paragraphs("d", paragraph_anchors(texts), None)
    assert numbering.ledger is not None
    return numbering.ledger


def test_an_anchor_is_the_first_words_and_a_digest_of_the_text() -> None:
    anchor = paragraph_anchor("Ladies   and gentlemen, dear  Señor Muallem,")
    assert anchor.startswith("ladies-and-gentlemen-dear-") and len(anchor) == 32
    assert anchor == paragraph_anchor("Ladies and gentlemen, dear Señor Muallem,")
    assert paragraph_anchor("Ladies and gentlemen, dear Señor Muallem!") != anchor
    assert paragraph_anchors(["Thank you.", "No.", "Thank you."])[2].endswith("-2")


def test_without_a_ledger_numbers_are_positions() -> None:
    numbering = number_paragraphs("d", paragraph_anchors(TEXTS), None)
    assert numbering.numbers == (1, 2, 3, 4) and numbering.retired == ()


def test_an_inserted_paragraph_gets_a_new_number_and_moves_no_other() -> None:
    texts = (TEXTS[0], "A new paragraph.", *TEXTS[1:])
    numbering = number_paragraphs("d", paragraph_anchors(texts), published())
    assert numbering.numbers == (1, 5, 2, 3, 4)
    assert unrecorded(numbering, published()) == "new ¶ 5"


def test_a_split_paragraph_keeps_its_number_for_the_first_part() -> None:
    texts = (TEXTS[0], "We discussed", "Syria.", *TEXTS[2:])
    numbering = number_paragraphs("d", paragraph_anchors(texts), published())
    assert numbering.numbers == (1, 2, 5, 3, 4)
    assert unrecorded(numbering, published()) == "new ¶ 5; changed ¶ 2"


def test_a_corrected_paragraph_keeps_its_number() -> None:
    texts = (TEXTS[0], "We discussed Syria and Iraq.", *TEXTS[2:])
    assert number_paragraphs("d", paragraph_anchors(texts), published()).numbers == (1, 2, 3, 4)


def test_a_deleted_paragraph_retires_its_number_to_the_next_one_and_never_reuses_it() -> None:
    texts = (TEXTS[0], *TEXTS[2:])
    first = number_paragraphs("d", paragraph_anchors(texts), published())
    assert first.numbers == (1, 3, 4) and first.retired == ((2, 3),)
    assert unrecorded(first, published()) == "retired ¶ 2"
    # Recorded, the retired number stays retired, and a later paragraph gets a new number.
    assert first.ledger is not None
    again = number_paragraphs("d", paragraph_anchors((*texts, "Later.")), first.ledger)
    assert again.numbers == (1, 3, 4, 5) and again.retired == ((2, 3),)


def test_a_recorded_ledger_says_everything_and_reads_back() -> None:
    texts = (TEXTS[0], "A new paragraph.", *TEXTS[2:])
    numbering = number_paragraphs("d", paragraph_anchors(texts), published())
    assert numbering.ledger is not None
    text = ledger_text(numbering.ledger)
    assert text.startswith("# Published paragraph numbers of transcript d:")
    read, problems = parse_ledger("d", text, "anchors/d.yaml")
    assert problems == [] and read == numbering.ledger
    assert unrecorded(number_paragraphs("d", paragraph_anchors(texts), read), read) == ""


def test_a_malformed_ledger_is_an_error_and_is_not_used() -> None:
    for text in ("document: d\nparagraphs: [[1, a], [1, b]]\n", "document: e\n", "[", "x: 1"):
        ledger, problems = parse_ledger("d", text, "anchors/d.yaml")
        assert ledger is None and [p.code for p in problems] == ["anchors-file"]
        assert problems[0].severity == "error"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from("abcdefghij"), min_size=1, max_size=12, unique=True),
    st.lists(st.sampled_from("abcdefghijklmnop"), min_size=0, max_size=14, unique=True),
)
def test_a_published_number_never_opens_other_words(first: list[str], then: list[str]) -> None:
    """Whatever the edit, a paragraph that survives keeps its number, no number is given to two
    paragraphs, and no number published for a paragraph is given to another paragraph."""
    ledger = published(tuple(first))
    numbering = number_paragraphs("d", paragraph_anchors(then), ledger)
    assert len(set(numbering.numbers)) == len(numbering.numbers)
    before = {paragraph_anchor(t): n for n, t in zip(range(1, len(first) + 1), first, strict=True)}
    for text, number in zip(then, numbering.numbers, strict=True):
        anchor = paragraph_anchor(text)
        if anchor in before:
            assert number == before[anchor]
        else:
            assert number not in before.values() or before_text_gone(number, first, then)
    assert not {n for n, _ in numbering.retired} & set(numbering.numbers)


def before_text_gone(number: int, first: list[str], then: list[str]) -> bool:
    """A published number reused for new words only where its own words are gone (a
    correction or a split keeps the number of the paragraph it replaces)."""
    return first[number - 1] not in then
