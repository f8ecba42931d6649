"""What makes a text a news report and whom it is about (``parley.read.article``), on lines
shaped like real reports of several outlets; and the headline with a kicker (never a turn)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.model import Place, SourceText
from parley.read.article import (
    attributions,
    city_line_place,
    credit_line,
    event_date,
    first_person,
    in_text,
    lead_subject,
    meeting_counterparts,
    text_place,
    title_counterparts,
)
from parley.read.dates import hijri_after
from parley.read.document import read_document

OUTLETS = frozenset({"xinhua", "ani", "pti", "dw", "press trust of india"})
LEAD = [
    "GENEVA (Reuters) - Russian Foreign Minister Sergei Lavrov hailed his relationship with "
    "Hillary Clinton and the U.S. Secretary of State praised a new start in U.S.-Russian ties.",
    "“It was, Sergei, a good beginning,” Clinton said at her first joint news conference with "
    "Lavrov, where the two looked relaxed.",
    "She added that the talks would go on, and Clinton joked about the button she gave him.",
]


def test_credit_lines_name_a_known_outlet() -> None:
    assert credit_line(["Source: Xinhua", "Editor: huaxia"], OUTLETS) == "Xinhua"
    assert credit_line(["ANI | Updated: Sep 26, 2019 05:05 IST"], OUTLETS) == "ANI"
    assert credit_line(["PTIUpdated: Tuesday, November 08, 2022, 04:23 PM IST"], OUTLETS) == "PTI"
    assert credit_line(["Headline here | Germany | DW | 07.04.2006"], OUTLETS) == "DW"
    assert credit_line(["Consular queries", "Moscow: 00:12"], OUTLETS) is None


def test_a_source_line_naming_a_newspaper_or_agency_credits_it_listed_or_not() -> None:
    """GhanaWeb 2013: "Source: Mohammed Saani Ibrahim- The Accra Times" (a reporter, then the
    paper): a source named by a newspaper's or agency's last word is an outlet; a government
    office as the source is not."""
    line = "Source: Mohammed Saani Ibrahim- The Accra Times"
    assert credit_line(["General News of Thursday, 19 September 2013", line], OUTLETS) == (
        "The Accra Times"
    )
    assert credit_line(["Source: UAE News"], OUTLETS) == "UAE News"
    assert credit_line(["Source: US Department of State"], OUTLETS) is None
    assert credit_line(["Source: Ministry of Foreign Affairs"], OUTLETS) is None


def test_he_said_counts_for_the_person_reported_last() -> None:
    found = [a.surname for a in attributions(LEAD)]
    assert found.count("Clinton") == 3  # said, added (she), joked
    assert "Lavrov" not in found  # "hailed" is not reported speech


def test_first_person_outside_quotations_is_a_transcript() -> None:
    assert first_person(["We have agreed with our colleagues to meet again in the spring of 2021."])
    assert not first_person(LEAD)  # "It was ..." quoted, the rest in the third person


def test_a_report_without_speech_is_about_the_person_its_lead_introduces() -> None:
    text = [
        "New York [USA], Sept 26 (ANI): External Affairs Minister S Jaishankar on Wednesday "
        "called Pakistan a challenging neighbour in an interactive session."
    ]
    assert lead_subject(text) == "S Jaishankar"
    assert not in_text(
        "Russian Foreign Minister Ends", ["The minister met his hosts today in Berlin."]
    )


def test_people_the_headline_links_to_the_speaker_are_counterparts() -> None:
    found = title_counterparts("Clinton and Lavrov hail new approach", LEAD, "Hillary Clinton")
    assert found == [("Sergei Lavrov", "Russian")]
    assert title_counterparts("Clinton speaks on Lavrov", LEAD, "Hillary Clinton") == []


def test_a_headline_with_a_kicker_is_the_title_not_a_turn() -> None:
    text = (
        "Davutoglu: no country can warn Turkey or Turkish PM\n\n"
        "Davutoglu: no country can warn Turkey or Turkish PM\n\n"
        "The Turkish Minister of Foreign Affairs said that no country could warn Turkey.\n\n"
        '"Such a thing is not in question. Turkey and U.S. are strategic allies," Davutoglu said.\n'
    )
    doc, _ = read_document(SourceText("k", "k.txt", text, "utf-8", "0"))
    assert doc.meta.title == "Davutoglu: no country can warn Turkey or Turkish PM"
    assert not any(t.label for t in doc.turns)
    assert doc.meta.kind == "article"
    assert doc.paragraphs[0].text == doc.meta.title  # the repeat stays text, not a label


def test_a_kicker_s_headline_may_open_with_a_quotation_mark() -> None:
    # Report.az: the headline quotes the speaker, and is repeated with a teaser glued on
    page = Path(__file__).parents[1] / "realdocs" / "report-az"
    text = (page / "2022-09-22-bayramov-us-appreciated-approach.txt").read_text(encoding="utf-8")
    doc, _ = read_document(SourceText("k", "k.txt", text, "utf-8", "0"))
    assert doc.meta.title == (
        "Jeyhun Bayramov: ‘The United States highly appreciated Azerbaijan's approach’"
    )
    assert not any(t.label for t in doc.turns)
    assert doc.meta.kind == "article"
    assert doc.meta.speakers == ("Jeyhun Bayramov",)


def test_the_people_the_lead_reports_meeting_the_speaker_are_counterparts() -> None:
    lead_text = [
        "Turkish Foreign Minister Hakan Fidan and U.S. Secretary of State Antony Blinken met on "
        "Friday to address pressing regional issues, focusing on stability in Syria.",
    ]
    assert meeting_counterparts(lead_text, "Hakan Fidan") == [
        ("Antony Blinken", "Secretary of State", "U.S.")
    ]
    own = [
        "Russian Foreign Minister Sergey Lavrov met Russian President Vladimir Putin for talks "
        "on Wednesday before his meeting with the visitors."
    ]
    assert meeting_counterparts(own, "Sergey Lavrov") == []  # the speaker's own country


def test_a_meeting_place_in_the_first_paragraphs_wins_over_a_place_in_passing() -> None:
    paragraphs = [
        "Chinese Vice Foreign Minister Xie Feng held talks with U.S. officials in the city of "
        "Langfang near Beijing from Dec. 11 to 12, the ministry said on Monday.",
    ]
    assert text_place(paragraphs, {}, first=2) == Place(city="Langfang")
    assert text_place(
        ["Fidan said after their meeting in the capital Ankara that it went well."], {}
    ) == Place(city="Ankara")
    assert text_place(
        ["The minister spoke at a press conference in Beijing Tuesday afternoon."], {}
    ) == Place(city="Beijing")
    assert text_place(
        ["Putin gave his last press conference in Moscow’s Kremlin this week."], {}
    ) == Place(city="Moscow")
    assert text_place(
        ["It is a pleasure to be here in Canberra with my good friend the minister."], {}
    ) == Place(city="Canberra")
    assert text_place(
        ["The two ministers spoke to each other in Vienna today, their aides said."], {}
    ) == Place(city="Vienna")
    assert (
        text_place(["The ministers are due to talk about Syria at length next month."], {}) is None
    )


def test_a_region_or_an_institution_after_in_is_not_the_city_of_the_event() -> None:
    """Only a city the gazetteer knows (or a venue) is where an event was."""

    def place(sentence: str) -> Place | None:
        return text_place([sentence + " They agreed to meet again before the end of the year."], {})

    assert place("The two sides met in Alaska on Thursday for talks.") is None
    assert place("The minister spoke at a session in the Turkish Parliament on Friday.") is None
    assert place("The ministers met in Rovaniemi on Monday.") == Place(city="Rovaniemi")


def test_a_country_after_in_is_not_the_city_of_the_event() -> None:
    """ "talks in Egypt" name a country; the search goes on to a city ("... in Cairo")."""
    assert text_place(["Ministers met in Romania on Tuesday, the agency said."], {}) is None
    assert text_place(
        ["The talks in Egypt went well. Later the minister spoke at a briefing in Cairo."], {}
    ) == Place(city="Cairo")


def test_a_kicker_whose_label_recurs_is_a_speaker_label() -> None:
    text = (
        "Lavrov: Good afternoon ladies and gentlemen\n\n"
        "Question: Will the talks go on?\n\n"
        "Lavrov: They will, and we shall meet again.\n"
    )
    doc, _ = read_document(SourceText("l", "l.txt", text, "utf-8", "0"))
    assert [t.label for t in doc.turns if t.label][:2] == ["Lavrov", "Question"]


def test_a_stamp_opening_a_paragraph_is_not_the_event_date() -> None:
    paragraphs = [
        "date 2023-02-20 In the joint press conference, the Turkish foreign minister said the "
        "deal was beneficial for both sides, Anadolu Agency reported."
    ]
    assert event_date("2023-02-20", paragraphs) is None
    assert (
        event_date(
            "2009-03-12",
            [
                "Yang Jiechi and Hillary Clinton held talks here Wednesday "
                "on a wide range of issues of mutual concern."
            ],
            "2009-03-11",
        )
        == "2009-03-11"
    )


def test_a_possessive_weekday_dates_the_event() -> None:
    """RT 2023: "Monday’s discussions included ..." on a page of Monday 4 September."""
    lead_text = [
        "Russian President Vladimir Putin has hosted his Turkish counterpart Recep Tayyip "
        "Erdogan in the resort city of Sochi for long-anticipated bilateral talks.",
        "Monday’s discussions included a closed-door meeting between Russian and Turkish "
        "delegations, as well as direct negotiations between the leaders of the two countries.",
    ]
    assert event_date("2023-09-05", lead_text) == "2023-09-04"


def test_a_day_named_inside_quotation_marks_is_the_speakers_not_the_reports() -> None:
    """Hindustan Times, Friday 1 April 2022: the quote's "today" was said at Thursday's talks;
    the reporter's own "on Thursday" dates them."""
    lead_text = [
        "“Our meeting today takes place in a difficult international environment,” said "
        "Jaishankar in a meeting, news agency PTI reported.",
        "Russian foreign minister Sergey Lavrov who is on a two-day visit to India held "
        "bilateral talks with India's external affairs minister S Jaishankar on Thursday.",
    ]
    assert event_date("2022-04-01", lead_text) == "2022-03-31"
    assert event_date("2022-04-01", ['He said "we met yesterday".']) is None


def test_a_photo_caption_does_not_date_the_event() -> None:
    """AP via Metro 2017: "In this Aug. 3, 2017 file photo, ..." above a report of 22 August."""
    lead_text = [
        "In this Aug. 3, 2017 file photo, Japan's Foreign Minister Taro Kono speaks during a "
        "press conference at the prime minister's official residence in Tokyo.",
    ]
    assert event_date("2017-08-22", lead_text) is None


def test_the_person_joined_to_the_speaker_as_the_subject_is_a_counterpart() -> None:
    lead_text = [
        "GENEVA | Secretary of State Hillary Rodham Clinton and Russian Foreign Minister Sergey "
        "Lavrov pressed the reset button on the U.S.-Russian relationship Friday - literally."
    ]
    assert meeting_counterparts(lead_text, "Hillary Rodham Clinton") == [
        ("Sergey Lavrov", "Foreign Minister", "Russian")
    ]


def test_a_role_in_lower_case_introduces_the_subject_too() -> None:
    text = [
        "ANKARA — Turkish foreign minister Mevlut Cavusoglu conveyed Ankara’s unease over recent "
        "U.S. statements in his first phone call with his U.S. counterpart."
    ]
    assert lead_subject(text) == "Mevlut Cavusoglu"


def test_an_event_still_to_come_does_not_place_the_report() -> None:
    """Today.Az 2006: the co-chairs' meetings "will take place in Paris on 12 September"; the
    minister spoke to journalists where the report does not say."""
    lead_text = [
        "The co-chairs of the OSCE Minsk Group will meet with Azerbaijan and Armenian foreign "
        "ministers separately.",
        "The meeting with Armenian minister Vardan Oskanian will take place in Paris on 12 "
        "September and Azerbaijani minister with Elmar Mammadyarov in London on 13 September.",
    ]
    assert text_place(lead_text, {}) is None
    held = (
        "The top diplomats of the two nations held a meeting in Lima on Thursday to discuss "
        "bilateral ties."
    )
    assert text_place([held], {}) == Place(city="Lima")


def test_a_caption_above_the_dateline_does_not_date_the_event() -> None:
    # AsiaOne: the photo's day (a ceremony the next day) stands above the dateline; VOA: a FILE
    # photo's caption; neither is the day of the reported talks
    asiaone = (
        "Japan, China foreign ministers hold talks\n\n"
        "Japanese Foreign Minister Fumio Kishida gestures as he attends the launching ceremony of "
        "the logo of the exercises at the convention center in Naypyidaw on August 10, 2014.\n\n"
        "NAYPYITAW, Myanmar -Foreign Minister Fumio Kishida and his Chinese counterpart, Wang Yi, "
        "held talks in Myanmar's capital Saturday, the first meeting of its kind in two years.\n"
    )
    doc, _ = read_document(SourceText("a", "a.txt", asiaone, "utf-8", "0"))
    assert doc.meta.event_date is None
    assert doc.meta.place is not None and doc.meta.place.city == "Naypyitaw"
    voa = (
        "Japanese Foreign Minister Says Summit With China Possible\n\n"
        "FILE - Japan's Foreign Minister Yoshimasa Hayashi attends the ASEAN Plus Three Foreign "
        "Ministers' Meeting in Phnom Penh, Cambodia, Aug. 4, 2022.\n\n"
        "Japan’s foreign minister told the Nikkei news service Friday that he was working with "
        "China to arrange a summit meeting between the two countries' leaders next month.\n"
    )
    doc, _ = read_document(SourceText("v", "v.txt", voa, "utf-8", "0"))
    assert doc.meta.event_date is None
    # a full date in the reporter's own lead under the dateline is still the event's
    text = asiaone.replace("capital Saturday", "capital on August 9, 2014")
    doc, _ = read_document(SourceText("a", "a.txt", text, "utf-8", "0"))
    assert doc.meta.event_date == "2014-08-09"


def test_where_a_report_was_written_from_its_opening_sentence_byline_or_stamp_line() -> None:
    def place_of(head: str, lead: str) -> str | None:
        text = f"Japan and Russia hold talks on peace treaty\n\n{head}\n\n{lead}\n"
        doc, _ = read_document(SourceText("p", "p.txt", text, "utf-8", "0"))
        return doc.meta.place.city if doc.meta.place else None

    said = "Foreign Minister Taro Kono met his Russian counterpart Sergei Lavrov on Monday."
    assert place_of("By Jane Doe in Tokyo\n\nPublished: 12 March 2019", said) == "Tokyo"
    assert place_of("By Jane Doe, Tokyo\n\nMarch 12, 2019", said) == "Tokyo"
    assert place_of("Jane Doe | Tokyo | Updated: 12-03-2019 14:05 IST", said) == "Tokyo"
    # the meeting's own place, in the lead, wins over where the reporter sat
    assert place_of("By Jane Doe in Tokyo", said.replace("on Monday", "in Moscow on Monday")) == (
        "Moscow"
    )
    assert (
        place_of(
            "March 12, 2019",
            "Speaking to reporters in Tokyo after the talks, Foreign Minister Taro Kono said the "
            "two sides made progress.",
        )
        == "Tokyo"
    )
    # no city at a byline's end, or a word that is none: no place
    assert place_of("By Jane Doe, Staff Writer\n\nMarch 12, 2019", said) is None


def _kind(text: str) -> str:
    document, _ = read_document(SourceText("t.txt", "t", text, "utf-8", "0" * 64))
    return document.meta.kind


def test_an_event_told_in_the_third_person_with_its_weekday_is_a_news_report() -> None:
    """KBS World (2013), B92 (2015): no dateline, no outlet the data file lists, no speech
    reported with a verb; the lead tells what happened "on Wednesday"."""
    assert (
        _kind(
            "Foreign Ministers of S. Korea, China Hold Talks\n\n"
            "Foreign ministers of South Korea and China have held talks to discuss ways to ease "
            "tensions on the Korean Peninsula.\n\n"
            "In the talks at the Diaoyutai State Guesthouse in Beijing on Wednesday, Foreign "
            "Minister Yun Byung-se and Chinese Foreign Minister Wang Yi discussed a planned trip.\n"
        )
        == "article"
    )
    # an office's own account says "today", a transcript speaks in the first person
    assert (
        _kind(
            "Secretary-General's meeting\n\n"
            "The Secretary-General met today with the Prime Minister of Belgium in New York. They "
            "discussed the situation in the region.\n\n"
            "The Secretary-General thanked the Prime Minister for his support.\n"
        )
        != "article"
    )
    assert (
        _kind(
            "Remarks\n\n"
            "We met on Wednesday with our colleagues from China, and we agreed that our ministries "
            "will meet again in the spring.\n\n"
            "I thank my friend for his hospitality and our talks on Wednesday.\n"
        )
        != "article"
    )


def test_a_report_of_what_an_office_told_is_a_news_report() -> None:
    """The Astana Times (2024): "... in Minsk on April 12, reported the Foreign Ministry's press
    service" — a reporter's account of the ministry's, not the ministry's own readout."""
    assert (
        _kind(
            "Kazakh FM participates in CIS meeting\n\n"
            "ASTANA—Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu led the "
            "delegation at the regular meeting of the Council of Foreign Ministers in Minsk on "
            "April 12, reported the Foreign Ministry’s press service.\n\n"
            "The ministers discussed the progress in implementing the action program.\n"
        )
        == "article"
    )


def test_a_weekday_with_its_date_in_brackets_is_that_date() -> None:
    """Barta24, 1 September 2023: "on Thursday (August 10) afternoon" is three weeks before
    the report, not the Thursday before it."""
    lead_text = [
        "He made this comment to reporters after an exchange of views with eminent persons at "
        "the Foreign Service Academy at Bailey Road in the capital on Thursday (August 10) "
        "afternoon.",
    ]
    assert event_date("2023-09-01", lead_text) == "2023-08-10"
    met = "The two foreign ministers met at the ministry in the capital on Monday {} and spoke."
    assert event_date("2024-01-05", [met.format("(25 December)")]) == "2023-12-25"
    assert event_date("2023-09-01", [met.format("(the second time)")]) == "2023-08-28"


def test_a_press_release_reporting_speech_is_its_issuers_statement() -> None:
    """Argentina's foreign ministry, 2017: a page that says it is a press release ("Information
    for the Press N°:") reports its minister's words like a news report; it is a statement, whose
    main speaker and place are read as a report's are."""
    text = (
        "Friday, 14 July 2017\n"
        "Information for the Press N°: \n\n"
        "“We want to demonstrate that markets can be expanded for the benefit of all,” Foreign "
        "Minister Faurie stated this morning to the press, after being received in Brasilia by "
        "Foreign Minister Aloysio Nunes.\n\n"
        "The Foreign Minister held a working meeting with his Brazilian counterpart at the "
        "Itamaraty Palace, the minister said.\n"
    )
    doc, _ = read_document(SourceText("r", "r.txt", text, "utf-8", "0"))
    assert (doc.meta.kind, doc.meta.date, doc.meta.event_date) == ("statement", "2017-07-14", None)
    assert doc.meta.speakers[:1] == ("Faurie",)
    assert doc.meta.place is not None and doc.meta.place.city == "Brasilia"
    # the same words without the line saying what the page is are no statement
    report, _ = read_document(
        SourceText("n", "n.txt", text.replace("Information for the Press N°: \n", ""), "utf-8", "0")
    )
    assert report.meta.kind != "statement"


def test_being_received_in_a_city_places_the_meeting() -> None:
    lead_text = [
        "Foreign Minister Faurie stated this morning to the press, after being received in "
        "Brasilia by Foreign Minister Aloysio Nunes.",
    ]
    assert text_place(lead_text, {}, first=2) == Place(city="Brasilia")
    # a text received in the mail is no meeting: the place must be a city the gazetteer knows
    assert text_place(["The letter was received in Writing by the office."], {}, first=2) is None


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        # Ahram Online 2017, IFP News 2015, DW 2008: where the report's subject is, in passing
        ("Egypt's foreign minister Sameh Shoukry told Saudi Crown Prince Mohamed bin Salman "
         "during a visit to Riyadh on Tuesday.", "Riyadh"),
        ("Iranian Foreign Minister Mohammad Javad Zarif, who is in New York for the ongoing "
         "review conference, met and conferred with UN Undersecretary General Jan Eliasson.",
         "New York"),
        ("In Washington at a joint press conference where no sense of annoyance was felt, "
         "Steinmeier and Rice said they discussed a broad range of issues.", "Washington"),
        # a visit still to come is not where the report's subject is
        ("The minister said he will be on an official visit to Hanoi next month to sign the "
         "agreement with his counterpart.", None),
        # "In" opening a sentence without an event after it names no place of the report
        ("In Washington there is a debate about the aid package among the lawmakers of both "
         "parties.", None),
    ],
)  # fmt: skip
def test_where_the_lead_says_its_subject_is_places_the_report(
    sentence: str, city: str | None
) -> None:
    assert text_place([sentence], {}) == (Place(city=city) if city else None)


def test_a_city_in_capitals_on_a_line_above_the_text_places_the_report() -> None:
    # Anadolu prints its dateline on a line of its own, under the stamp and repeated headline
    paragraphs = [
        "11.01.2014 - Update : 11.01.2014",
        "Turkish MFA refutes Davutoglu's alleged statements in press",
        "ANKARA",
        "Turkish Foreign Ministry Spokesperson Levent Gumrukcu denied allegations of the minister "
        "saying so during a meeting with friendship groups.",
    ]
    place = city_line_place(paragraphs)
    assert place is not None and place.city == "Ankara"
    # a city alone at the end of the text, or above a short line, is no dateline
    assert city_line_place(["A caption of a photo.", "ANKARA", "Menu"]) is None


def test_a_place_after_a_venue_s_name_and_a_city_written_with_city() -> None:
    venue = [
        '"There are five hotlines," mentioned Retno in a press conference at the International '
        "Comport (IC) Santai Hotel in Antalya, Turkey, Saturday evening (11/14/2015)."
    ]
    place = text_place(venue, {})
    assert place is not None and place.city == "Antalya"
    taipei = [
        "Wu made the remarks during an interview April 10 in Taipei City with Jenny Leonard of "
        "Bloomberg for an article published the same day."
    ]
    place = text_place(taipei, {})
    assert place is not None and place.city == "Taipei"
    # a city the gazetteer knows with "City" keeps it
    quezon = ["Locsin spoke at a press conference in Quezon City on Thursday about the talks."]
    place = text_place(quezon, {})
    assert place is not None and place.city == "Quezon City"


def test_a_day_and_month_without_a_year_dates_the_event_when_nothing_else_does() -> None:
    interview = [
        "Minister of Foreign Affairs Jaushieh Joseph Wu said Taiwan is working tirelessly to "
        "enhance its self-defense capabilities.",
        "Wu made the remarks during an interview April 10 in Taipei City with Bloomberg.",
    ]
    assert event_date("2023-04-11", interview) == "2023-04-10"
    # a weekday elsewhere in the lead wins over a day and month in a caption-like first line
    weekday = [
        "A meeting of the Quad foreign ministers in Melbourne, Australia, on Feb. 11 is shown.",
        "Hayashi said he spoke with Blinken on the phone Saturday about the invasion.",
    ]
    assert event_date("2022-02-26", weekday) == "2022-02-26"
    # a day still to come, or long after the report, is none
    future = [
        "The Minister also emphasized that the signing of the Association Agreement could take "
        "place on March 21, and appreciated the decision."
    ]
    assert event_date("2014-03-16", future) is None


def test_a_date_over_a_hijri_date_is_the_site_s_clock_not_the_report_s() -> None:
    # GTV News: "Sat, 27 Jul 2024 / ( 21 Muharram 1446 )" (the day the page was copied, in both
    # calendars) above the headline and its own stamp "09 January, 2020 07:26"
    page = Path(__file__).parents[1] / "realdocs" / "gtv-news"
    text = (page / "2020-01-09-qureshi-visit-iran-saudi-us.txt").read_text(encoding="utf-8")
    doc, _ = read_document(SourceText("g", "g.txt", text, "utf-8", "0"))
    assert (doc.meta.date, doc.meta.time) == ("2020-01-09", "07:26")
    assert doc.meta.title == "PM asks Foreign Minister to visit Iran, Saudi Arabia and US"
    # a news page keeps no zone it never writes; a country in the headline is nobody
    assert doc.meta.timezone is None
    assert doc.meta.counterparts == ()


@pytest.mark.parametrize(
    ("line", "hijri"),
    [
        ("( 21 Muharram 1446 )", True),
        ("21 Ramadan 1445 AH", True),
        ("3 Rabi' al-Awwal 1446", True),
        ("12 Dhul Hijjah 1444", True),
        ("21 March 2024", False),
        ("Muharram begins on Sunday", False),
    ],
)
def test_a_hijri_date_alone_on_a_line(line: str, hijri: bool) -> None:
    assert (hijri_after(["Sat, 27 Jul 2024", line], 0) is not None) is hijri


def test_a_trip_places_a_report_and_a_venue_may_follow_a_country_s_acronym() -> None:
    trip = ["During his trip to New York, Shoukry met with several counterparts from Africa."]
    place = text_place(trip, {})
    assert place is not None and place.city == "New York"
    venue = ["Sheikh Abdullah held a news conference at the US State Department on Wednesday."]
    place = text_place(venue, {"State Department": "Washington"})
    assert place is not None and place.city == "Washington"


def test_a_dateline_with_its_year_dates_a_page_that_prints_no_other_date() -> None:
    page = Path(__file__).parents[1] / "realdocs" / "egypt-today"
    text = (page / "2022-02-05-shoukry-shtayyeh-palestinian-cause.txt").read_text(encoding="utf-8")
    doc, _ = read_document(SourceText("e", "e.txt", text, "utf-8", "0"))
    assert doc.meta.date == "2022-02-05"
    assert doc.meta.place is not None and doc.meta.place.city == "Cairo"
    # "He made the remarks on Saturday during a meeting with Palestinian Prime Minister ..."
    assert [c.name for c in doc.meta.counterparts] == ["Mohamed Shtayyeh"]


def test_an_agency_s_dated_dateline_beats_a_repost_stamp_days_later() -> None:
    # WAM on a reposting site: posted three days after the agency dated its report
    page = Path(__file__).parents[1] / "realdocs" / "wam"
    text = (page / "2020-11-09-abdullah-bin-zayed-gcc-china-ministerial.txt").read_text(
        encoding="utf-8"
    )
    doc, _ = read_document(SourceText("w", "w.txt", text, "utf-8", "0"))
    assert doc.meta.date == "2020-11-09"
    # one day apart is a time zone's difference: the stamp is the report's own publication
    xinhua = (
        "Chinese FM holds talks with Clinton\n\n"
        "2009-03-12 05:25:38 GMT\n\n"
        "WASHINGTON, March 11 (Xinhua) -- Chinese Foreign Minister Yang Jiechi held talks with "
        "U.S. Secretary of State Hillary Clinton on Wednesday, Yang said.\n"
    )
    doc, _ = read_document(SourceText("x", "x.txt", xinhua, "utf-8", "0"))
    assert (doc.meta.date, doc.meta.time) == ("2009-03-12", "05:25")


def test_a_visit_paid_to_a_city_is_where_its_meetings_were() -> None:
    cna = [
        "SINGAPORE: Foreign Minister Vivian Balakrishnan on Thursday (Jan 30) made a working visit "
        "to Putrajaya and Kuala Lumpur, during which he held discussions with Malaysian ministers."
    ]
    place = text_place(cna, {}, first=2)
    assert place is not None and place.city == "Putrajaya"
    # a visit still to come places nothing
    future = ["The minister will pay an official visit to Hanoi next month, the ministry said."]
    assert text_place(future, {}, first=2) is None
