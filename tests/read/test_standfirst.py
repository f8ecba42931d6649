"""Standfirsts (``parley.read.standfirst``): the line under a title that says who spoke and where,
on lines shaped like real gov.uk, UN and ministry pages."""

from __future__ import annotations

from parley.read.standfirst import read_standfirst

VENUES = {"Downing Street": "London", "United Nations Headquarters": "New York"}


def who(title: str, *paragraphs: str) -> tuple[str | None, str | None] | None:
    found = read_standfirst(title, list(paragraphs), VENUES)
    return None if found is None else (found.speaker, found.place)


def test_an_event_by_a_person_named_with_an_office_before_or_after() -> None:
    assert who(
        "Rishi Sunak – 2023 Remarks at the G7 Press Conference",
        "The speech made by Rishi Sunak, the Prime Minister, in Japan on 21 May 2023.",
    ) == ("Rishi Sunak", None)  # a country names no city
    assert who(
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General",
        "The following is a near-verbatim transcript of today’s noon briefing by Stéphane "
        "Dujarric, Spokesman for the Secretary-General.",
    ) == ("Stéphane Dujarric", None)


def test_a_persons_event_and_a_person_who_delivered_it_with_a_venue_for_the_place() -> None:
    assert who(
        "Prime Minister's statement: 2 September 2019",
        "Prime Minister Boris Johnson delivered the following statement on Downing Street.",
    ) == ("Boris Johnson", "London")  # the name beats the title's office alone
    assert who(
        "Press Conference by Secretary-General António Guterres at United Nations Headquarters",
        "Following is the transcript of UN Secretary-General António Guterres’ press "
        "conference, in New York today:",
    ) == ("António Guterres", "New York")


def test_a_word_naming_the_part_of_the_event_may_come_before_it() -> None:
    # gov.uk 2022: "opening remarks" in the title, "gave an opening statement ... in Moscow"
    assert who(
        "UK-Russia press conference, 10 February 2022: Foreign Secretary's opening remarks",
        "The Foreign Secretary gave an opening statement at a press conference with Russian "
        "Foreign Minister Sergey Lavrov in Moscow.",
    ) == ("Foreign Secretary", "Moscow")
    assert who("Notes", "The minister gave an unusual statement in Moscow.") is None


def test_an_office_alone_stands_for_itself_when_no_name_is_given() -> None:
    assert who(
        "Speech: Prime Minister's remarks at Downing Street: 6 July 2024",
        "Thank you all for coming. Yesterday the work of change began.",
    ) == ("Prime Minister", "London")


def test_no_standfirst_without_an_event_and_a_person() -> None:
    assert who("Lavrov's remarks", "We discussed many things with our partners today.") is None
    assert (
        who(
            "Statement by the Ministry of Foreign Affairs",
            "The ministry said the country's remarks were wrong and its statement by the press "
            "false.",
        )
        is None
    )


def test_an_interview_with_an_office_and_a_name_is_the_interviewees() -> None:
    found = read_standfirst(
        "NEW OSCE CHAIRMAN-IN-OFFICE SEES NO NECESSITY IN REFORMING ORGANIZATION",
        [
            "Trend News written interview with the newly appointed OSCE chairman-in-office, Greek"
            " foreign minister Dora Bakoyyanis."
        ],
    )
    assert found is not None and found.speaker == "Dora Bakoyyanis"
