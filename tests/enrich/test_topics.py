"""Topics are assigned where the text is really about them, with the passages that earned them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.enrich.topics import assign_topics
from parley.model import Mention, Paragraph
from parley.vocab.matcher import TermHit, detect
from parley.vocab.vocabulary import Topic, load_vocabulary

VOCAB, _ = load_vocabulary(Path(__file__).resolve().parents[2] / "data")

SANCTIONS = Topic("sanctions", "Sanctions", "Sanctions", terms=(("sanction*", 2.0),))
AFGHANISTAN = Topic(
    "afghanistan", "Afghanistan", "Afghanistan",
    terms=(("peace talks", 1.0),), entities=(("AF", 2.0), ("taliban", 2.0)),
)  # fmt: skip


def term(topic: str, text: str, weight: float, paragraph: int) -> TermHit:
    return TermHit(topic, text, weight, paragraph)


def topics_of(*texts: str) -> dict[str, tuple[int, ...]]:
    """Topic slug -> earning paragraphs, for paragraphs with these texts, using the real rules."""
    paragraphs = tuple(Paragraph(n, text, n) for n, text in enumerate(texts, 1))
    found = detect(paragraphs, VOCAB.matcher, ())
    return {m.slug: m.paragraphs for m in assign_topics(VOCAB.topics, found.mentions, found.terms)}


def test_one_passing_word_does_not_assign_a_topic() -> None:
    hits = [term("sanctions", "sanction", 2.0, 3)]
    assert assign_topics([SANCTIONS], [], hits) == ()


def test_a_word_repeated_in_one_paragraph_counts_once() -> None:
    hits = [term("sanctions", "sanction", 2.0, 3)] * 5
    assert assign_topics([SANCTIONS], [], hits) == ()


def test_two_paragraphs_about_a_subject_assign_it_strongest_first() -> None:
    mentions = [Mention("country", "AF", 4, 0, 11), Mention("organisation", "taliban", 7, 0, 7)]
    hits = [term("afghanistan", "peace talks", 1.0, 7)]
    [match] = assign_topics([AFGHANISTAN], mentions, hits)
    assert (match.slug, match.score, match.paragraphs) == ("afghanistan", 5.0, (7, 4))


def test_a_paragraph_below_the_paragraph_threshold_earns_nothing() -> None:
    topic = Topic("t", "T", "T", terms=(("a", 1.0), ("b", 3.0)), paragraph=2.0, document=3.0)
    hits = [term("t", "a", 1.0, 1), term("t", "b", 3.0, 2)]
    [match] = assign_topics([topic], [], hits)
    assert match.paragraphs == (2,)
    assert match.score == 3.0


def test_topics_come_strongest_first_then_by_slug() -> None:
    a = Topic("a", "A", "A", terms=(("x", 4.0),))
    b = Topic("b", "B", "B", terms=(("y", 5.0),))
    c = Topic("c", "C", "C", terms=(("x", 4.0),))
    hits = [term("a", "x", 4.0, 1), term("b", "y", 5.0, 1), term("c", "x", 4.0, 2)]
    assert [m.slug for m in assign_topics([a, b, c], [], hits)] == ["b", "a", "c"]


def test_one_paragraph_really_about_space_is_enough() -> None:
    text = "Our memorandum of understanding in the peaceful exploration and use of outer space."
    assert topics_of(text) == {"space": (1,)}


def test_a_list_of_areas_of_cooperation_is_not_a_topic() -> None:
    text = "We discussed plans to increase scientific and education ties, and tourist exchanges."
    assert topics_of(text) == {}


def test_humanitarian_ties_in_russian_usage_are_culture_not_aid() -> None:
    text = (
        "We traditionally maintain close humanitarian ties. Iraqi students study at universities."
    )
    assert topics_of(text) == {"science-education-culture": (1,)}


def test_the_jcpoa_and_the_iranian_nuclear_programme_make_the_iran_topic() -> None:
    text = (
        "We discussed efforts to restore the Joint Comprehensive Plan of Action and to resolve "
        "the situation related to the Iranian nuclear programme."
    )
    assert topics_of(text) == {"iran-nuclear": (1,)}


def test_iran_mentioned_twice_without_nuclear_matters_is_not_the_iran_topic() -> None:
    assert topics_of("Iran is our partner.", "Tehran hosted the talks.") == {}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 30), st.sampled_from([1.0, 2.0, 3.0])), max_size=40))
def test_every_assigned_topic_meets_its_threshold_from_its_listed_paragraphs(
    evidence: list[tuple[int, float]],
) -> None:
    topic = Topic("t", "T", "T", terms=(("x", 1.0),), paragraph=2.0, document=4.0)
    hits = [term("t", f"w{w}", w, n) for n, w in evidence]
    for match in assign_topics([topic], [], hits):
        assert match.score >= topic.document
        assert len(set(match.paragraphs)) == len(match.paragraphs)
        assert set(match.paragraphs) <= {n for n, _ in evidence}
