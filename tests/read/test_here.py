"""A transcript's opening says where its speakers are (``parley.read.here``): "welcome you to
Queenstown", "here in Copenhagen", "to be back in Cairo", "here at Wisma Putra" (a venue of
``data/layouts.yaml``). Only the opening's paragraphs of running text count, and only a city the
gazetteer knows or a listed venue. Lines are from the development corpus (tests/realdocs)."""

from __future__ import annotations

import pytest

from parley.model import Place
from parley.read.here import spoken_place

VENUES = {"Wisma Putra": "Putrajaya", "Kremlin": "Moscow"}


@pytest.mark.parametrize(
    ("paragraphs", "city"),
    [
        (
            [
                "Let me open by just reiterating what an absolute pleasure it is to welcome you to "
                "Queenstown, Anthony."
            ],
            "Queenstown",
        ),
        (["Welcome to Oslo and to the second informal meeting of NATO foreign ministers."], "Oslo"),
        (
            [
                "Dear Minister, Mr. Schallenberg,",
                "I welcome your visit to Yerevan, the Republic of Armenia.",
            ],
            "Yerevan",
        ),
        (
            [
                "Welcome, all of you. Our meetings here in Copenhagen have made it clear, "
                "once again, that India and the Nordic countries share a strong bond."
            ],
            "Copenhagen",
        ),
        (
            [
                "Well, it's a great pleasure for me to be back in Cairo and have a chance "
                "to meet with the new foreign minister."
            ],
            "Cairo",
        ),
    ],
)
def test_the_opening_words_say_where_the_speakers_are(paragraphs: list[str], city: str) -> None:
    assert spoken_place(paragraphs, VENUES) == Place(city=city)


def test_the_room_a_venue_names_wins_over_the_country_welcomed_to() -> None:
    text = (
        "It is really a pleasure to welcome my friend and colleague, U.S. Secretary of State Mr. "
        "Antony Blinken – welcome to Malaysia and to Kuala Lumpur – and all the members of the "
        "U.S. delegation here at Wisma Putra and to Putrajaya."
    )
    assert spoken_place([text], VENUES) == Place(city="Putrajaya")


def test_a_country_welcomed_to_names_no_city_but_the_city_after_it_does() -> None:
    text = "Welcome to Malaysia and to Kuala Lumpur, and thank you for coming."
    assert spoken_place([text], {}) == Place(city="Kuala Lumpur")


def test_a_country_alone_names_no_place() -> None:
    text = "Thank you for coming here to New Zealand so quickly after the opening of the border."
    assert spoken_place([text], VENUES) is None


def test_another_event_the_opening_tells_of_is_not_where_the_speakers_are() -> None:
    text = (
        "There were also a large number of international conferences. Above all, APEC, which "
        "was held in Yokohama on November 13-14, was able to be concluded."
    )
    assert spoken_place([text], VENUES) is None


def test_menus_titles_and_captions_are_not_the_opening() -> None:
    chrome = ["Search Form", "Public Statements", "Picture of the minister at a press conference"]
    later = "Welcome to Oslo and to the meeting."
    assert spoken_place([*chrome, "One.", "Two.", "Three.", "Four.", later], VENUES) == Place(
        city="Oslo"
    )
    assert spoken_place(["One.", "Two.", "Three.", "Four.", "Five.", later], VENUES) is None


def test_a_capitalised_word_that_is_no_city_is_passed_over() -> None:
    text = "We are glad to welcome you to Expo and to the Ministry here in the Chamber."
    assert spoken_place([text], VENUES) is None
