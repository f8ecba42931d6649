"""Tracing quotations to transcript paragraphs: the verdicts, and the accuracy on real pairs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import snowballstemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.link.provenance import STOPWORDS, plain_words, same_person, stems, trace
from parley.model import Document, Metadata, Paragraph, Turn, TurnKind
from parley.read.quotes import Quotation
from tests.support.sample_corpus import sample_catalog

REPO = Path(__file__).resolve().parents[2]
REPORT = "2021-07-02-news-lavrov-gulf-security-concept"
TRANSCRIPT = "2021-07-02-lavrov-bahrain"


def transcript(*turns: tuple[str | None, TurnKind, list[str]]) -> Document:
    made, number = [], 0
    for i, (speaker, kind, texts) in enumerate(turns):
        paras = []
        for text in texts:
            number += 1
            paras.append(Paragraph(number, text, number))
        made.append(Turn(i + 1, kind, speaker, speaker or "", "", tuple(paras), i))
    meta = Metadata(title="Press conference", date="2019-09-16", speakers=("Vladimir Putin",))
    return Document("t", "t.txt", "utf-8", "", meta, tuple(made))


def quote(text: str, speaker: str = "Putin", role: str = "") -> Quotation:
    return Quotation(1, (text,), speaker, role, 0, len(text) + 2)


KREMLIN = transcript(
    (
        "Vladimir Putin",
        "remarks",
        [
            "I would like to thank you for the initiative to meet in Ankara today.",
            "The situation beyond the Euphrates River stirs up complex feelings: it remains very "
            "tense. We understand how important this is for the territorial integrity of Syria.",
        ],
    ),
    (None, "question", ["Mr President, will the committee start working soon?"]),
    ("Recep Tayyip Erdogan", "remarks", ["The committee will start its work in Geneva soon."]),
)


def test_the_same_words_are_verbatim() -> None:
    (match,) = trace([quote("to meet in Ankara today")], "r", KREMLIN)
    assert (match.verdict, match.paragraphs) == ("verbatim", (1,))


def test_a_few_changed_words_are_close() -> None:
    (match,) = trace([quote("thank you for your initiative to meet in Ankara")], "r", KREMLIN)
    assert (match.verdict, match.paragraphs) == ("close", (1,))


def test_another_translation_is_a_paraphrase() -> None:
    text = (
        "We have complicated feelings about the situation in the Euphrates area. The situation "
        "there continues to remain very tense."
    )
    (match,) = trace([quote(text)], "r", KREMLIN)
    assert (match.verdict, match.paragraphs) == ("paraphrase", (2,))


def test_a_quotation_of_someone_who_does_not_speak_there_is_not_found() -> None:
    text = "The situation beyond the Euphrates River stirs up complex feelings"
    (match,) = trace([quote(text, speaker="Rouhani")], "r", KREMLIN)
    assert (match.verdict, match.paragraphs, match.passage) == ("not-found", (), "")


def test_a_reporters_question_is_never_the_source() -> None:
    (match,) = trace([quote("will the committee start working soon")], "r", KREMLIN)
    assert match.verdict == "not-found"


def test_only_the_quoted_persons_paragraphs_are_candidates() -> None:
    (match,) = trace([quote("The committee will start its work in Geneva soon")], "r", KREMLIN)
    assert match.verdict == "not-found"
    (match,) = trace(
        [quote("The committee will start its work in Geneva soon", "Erdogan")], "r", KREMLIN
    )
    assert (match.verdict, match.paragraphs) == ("verbatim", (4,))


def test_names_match_in_any_spelling_by_surname() -> None:
    assert same_person("Moallem", "Walid Muallem")
    assert same_person("Sergei Lavrov", "Sergey Lavrov")
    assert not same_person("Lavrov", "Vladimir Putin")


def test_plain_words_ignores_case_accents_and_punctuation() -> None:
    assert (
        plain_words("António Guterres’ “one-of-a-kind” moment!")
        == "antonio guterres one of a kind moment"
    )


def test_the_sample_reports_quotations_link_to_the_right_paragraphs() -> None:
    catalog = sample_catalog()
    paragraphs = {p.number: p.text for p in catalog.entry(TRANSCRIPT).doc.paragraphs}
    links = {
        m.quotation.text[:30]: (
            m.verdict,
            paragraphs[m.paragraphs[0]][:40] if m.paragraphs else None,
        )
        for m in catalog.quotes.by_report[REPORT]
    }
    assert links == {
        "Our friends are expressing int": (
            "paraphrase",
            "On our part, we welcomed normalisation i",
        ),
        "mutual understanding": ("not-found", None),
        "We also believe that those cou": (
            "paraphrase",
            "We believe the countries that have decla",
        ),
        "irresponsible approach of a nu": (
            "paraphrase",
            "Speaking of ISIS threats in the region, ",
        ),
        "Those in Afghanistan - in its ": (
            "paraphrase",
            "Speaking of ISIS threats in the region, ",
        ),
        "We have not only an interest i": (
            "paraphrase",
            "To fully settle this protracted conflict",
        ),
    }
    assert {m.report for m in catalog.quotes.by_transcript[TRANSCRIPT]} == {REPORT}


@pytest.fixture(scope="module")
def accuracy():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "quote_accuracy", REPO / "scripts" / "quote_accuracy.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["quote_accuracy"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_accuracy_on_the_labelled_pairs_meets_the_targets(accuracy) -> None:  # type: ignore[no-untyped-def]
    per_pair, total = accuracy.evaluate()
    assert len(per_pair) >= 15
    assert total.precision >= 0.95, total.misses
    assert total.recall >= 0.85, total.misses


@settings(max_examples=300, deadline=None)
@given(st.lists(st.from_regex(r"\A[a-z0-9]{1,14}\Z"), min_size=1, max_size=8))
def test_a_word_is_stemmed_once_with_the_stemmers_answer(words: list[str]) -> None:
    """Stems are kept per word (a transcript is compared with each report of its event): asked
    again, a word gets what a fresh Snowball English stemmer says, in any order."""
    fresh = snowballstemmer.stemmer("english")
    for word in [*words, *reversed(words)]:
        assert stems(word) == (
            [] if word.isdigit() or word in STOPWORDS else [fresh.stemWord(word)]
        )
