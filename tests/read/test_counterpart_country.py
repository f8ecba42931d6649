"""A counterpart's country where a transcript writes it with their office: the title names the
guest without it ("with Minister Wallström"), a standfirst or the opening with it ("with Sweden's
Minister for Foreign Affairs Margot Wallström"). A name ends at a sentence's full stop. Lines are
from the development corpus (tests/realdocs), shortened."""

from __future__ import annotations

from pathlib import Path

from parley.model import Metadata, SourceText
from parley.read.document import read_document
from parley.read.persons import role_names
from parley.vocab.vocabulary import load_vocabulary

LAYOUTS = load_vocabulary(Path(__file__).parents[2] / "data")[0].layouts


def read(text: str) -> Metadata:
    document, _ = read_document(SourceText("t.txt", "t", text, "utf-8", "0"), LAYOUTS)
    return document.meta


def test_a_name_ends_at_the_full_stop_that_ends_its_sentence() -> None:
    text = (
        "Remarks of Foreign Minister Timo Soini at the press conference with Sweden’s Minister "
        "for Foreign Affairs Margot Wallström. Helsinki, 16 March 2017."
    )
    assert [(p.name, p.country_text) for p in role_names(text)] == [
        ("Timo Soini", ""),
        ("Margot Wallström", "Sweden’s"),
    ]


def test_an_initial_or_a_suffix_with_a_full_stop_does_not_end_a_name() -> None:
    text = "with Secretary of State Antony J. Blinken and Foreign Minister Teodoro Locsin Jr. today"
    assert [p.name for p in role_names(text)] == ["Antony J. Blinken", "Teodoro Locsin Jr."]


def test_the_guests_country_is_the_one_written_with_their_office_under_the_title() -> None:
    meta = read(
        "Remarks of Minister Soini at press conference with Minister Wallström\n"
        "Remarks of Foreign Minister Timo Soini at the press conference with Sweden’s Minister "
        "for Foreign Affairs Margot Wallström. Helsinki, 16 March 2017.\n"
        "- We have discussed a wide range of issues today, including the future of the EU.\n"
    )
    assert [(c.name, c.country_text) for c in meta.counterparts] == [("Wallström", "Sweden’s")]


def test_a_guest_whose_country_is_nowhere_written_keeps_none() -> None:
    meta = read(
        "Remarks of Minister Soini at press conference with Minister Wallström\n"
        "- We have discussed a wide range of issues today, including the future of the EU.\n"
    )
    assert [(c.name, c.country_text) for c in meta.counterparts] == [("Wallström", "")]


def test_an_institution_before_an_office_in_a_label_is_no_country() -> None:
    """The Kantei's moderator is labelled by an office with its institution before it; the
    words before the office name no country or people, so the moderator is nobody's
    counterpart (as "President of Turkey Recep Tayyip Erdogan:" would be)."""
    meta = read(
        "Press Conference by Prime Minister Naoto Kan\n\nDecember 6, 2010\n\n"
        "CABINET PUBLIC RELATIONS SECRETARY: We will now begin the press conference with Prime "
        "Minister Naoto Kan. Prime Minister, your opening statement please.\n\n"
        "PRIME MINISTER KAN: Yesterday marked one month since the Great East Japan Earthquake.\n"
    )
    assert meta.speakers == ("Naoto Kan",)
    assert meta.counterparts == ()
