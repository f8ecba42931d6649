"""A government's regular briefing is held at its seat (``parley.read.seat``): the government
named by the text itself (an institution with its country's name, or one listed in
``data/layouts.yaml``), its capital from GeoNames, and only for briefings and press conferences
that tell of no trip. Lines are from the development corpus (tests/realdocs)."""

from __future__ import annotations

import re

import pytest

from parley.model import Place
from parley.read.seat import government_of, seat_of

GOVERNMENTS = (
    (re.compile(r"\bU\.S\. Department of State\b|\bOffice of the Spokesperson\b"), "US"),
    (re.compile(r"\bDepartment of International Relations and Cooperation\b"), "ZA"),
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mr. Fumio Kishida, Minister for Foreign Affairs of Japan: First, the Government", "JP"),
        ("A .gov website belongs to an official government organization in the United States.\n"
         "An official website of the United States Government Here's how you know", "US"),
        ("Government of Pakistan\nTranscript of the Press Briefing by the Spokesperson", "PK"),
        ("Embassy of India, Beijing\nTranscript of Weekly Media Briefing", "IN"),
        ("Department of International Relations and Cooperation\nMedia Briefing by the Director"
         " General, Dr Ayanda Ntsaluba", "ZA"),
        ("U.S. Department of State\nDaily Press Briefing\nJanuary 14, 1997", "US"),
    ],
)  # fmt: skip
def test_the_text_names_its_government(text: str, code: str) -> None:
    found = government_of(text, GOVERNMENTS)
    assert found is not None and found[0] == code


@pytest.mark.parametrize(
    "text",
    [
        "Today, I have seven announcements to make.",
        "the Japanese government moves that make the ROK doubt",  # an adjective: not read
        "Office of Public Affairs\nDepartment of Foreign Affairs",  # no country named
    ],
)
def test_no_government_without_its_name(text: str) -> None:
    assert government_of(text, ()) is None


def test_the_first_government_named_decides() -> None:
    text = (
        "U.S. Department of State\nDaily Press Briefing\nMR. BURNS: The Government of Japan "
        "announced today ..."
    )
    found = government_of(text, GOVERNMENTS)
    assert found is not None and found[0] == "US"


def test_a_regular_briefing_is_placed_at_the_capital() -> None:
    text = "Department of International Relations and Cooperation\nMedia Briefing by the DG"
    seated = seat_of("briefing", "Media Briefing by the Director General", text, GOVERNMENTS)
    assert seated == (
        Place(city="Pretoria", country="ZA"),
        "Department of International Relations and Cooperation",
    )
    press = seat_of("news-conference", "Press Conference by Minister for Foreign Affairs",
                    "Minister for Foreign Affairs of Japan", ())  # fmt: skip
    assert press is not None and press[0].city == "Tokyo"


@pytest.mark.parametrize(
    ("kind", "title", "first"),
    [
        ("briefing", "Transcript of Special Briefing by Foreign Secretary on Prime Minister's "
         "visit to USA (September 23, 2024)", "India - Ministry of External Affairs"),
        ("briefing", "India - Ministry of External Affairs", "Transcript of Special Briefing by "
         "Foreign Secretary on Prime Minister's visit to USA (September 23, 2024)"),
        ("news-conference", "Extraordinary Press Conference by Foreign Minister KAMIKAWA Yoko",
         ""),
        ("news-conference", "Joint press conference with the Foreign Minister of Jordan", ""),
        ("statement", "PM call with President Trump", ""),
        ("article", "Japan protests", ""),
    ],
)  # fmt: skip
def test_no_seat_for_a_trip_or_another_kind(kind: str, title: str, first: str) -> None:
    text = f"{first}\nMinistry of External Affairs of India\nGovernment of Japan"
    assert seat_of(kind, title, text, GOVERNMENTS) is None  # type: ignore[arg-type]
