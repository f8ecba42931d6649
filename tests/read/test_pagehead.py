"""The head of a copied web page: the title above its date line, and the place on that line."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.model import Document, Place, SourceText
from parley.read.dates import DOCUMENT_NUMBER_LINE, document_number
from parley.read.document import read_document
from parley.read.pagehead import reporter_place, scan_page

CHROME = ["View settings", "", "Font size:", "Site colours:", "", "Transcripts /", ""]


def _read(lines: list[str]) -> Document:
    text = "\n".join(lines)
    src = SourceText("t.txt", "t", text, "utf-8", "0" * 64)
    return read_document(src)[0]


@pytest.mark.parametrize(
    ("line", "city"),
    [
        ("May 18, 2007, Samara", "Samara"),
        ("June 1, 2010, Rostov-on-Don", "Rostov-on-Don"),
        ("New York, 25 June 2020", "New York"),
        ("Paris - February 9, 2018", "Paris"),
        # MOFA Japan: the venue after the time
        ("Wednesday, January 17, 2024, 9:40 a.m. Ankara, Türkiye", "Ankara"),
        # the French ministry's daily briefing: the date line in brackets
        ("(Paris, November 8, 2007)", "Paris"),
    ],
)
def test_the_place_written_on_a_date_line_is_the_place(line: str, city: str) -> None:
    page = scan_page(["A title of the page with several words", line, "", "Text."], 0)
    assert page.place is not None and page.place.city == city


@pytest.mark.parametrize(
    "line",
    [
        "April 12, 2017 – Fort Russ News",
        "Department Press Briefing – July 16, 2019",
        "Thursday, 29 September, 2016 - 18:00",
        "Republik Türkiye Außenministerium 15.06.2021",
        # a venue after the time that is no city
        "Tuesday, March 22, 2016, 8:35 a.m. Front Entrance Hall, Prime Minister’s Office",
    ],
)
def test_a_publication_weekday_or_office_on_a_date_line_is_no_place(line: str) -> None:
    assert scan_page(["A title of the page with several words", line], 0).place is None


@pytest.mark.parametrize(
    ("line", "city"), [("Treaties, Conventions", None), ("Washington, D.C.", "Washington"),
                       ("Interesting Nodes, Special Topics", None), ("Samara, Russia", "Samara")],
)  # fmt: skip
def test_a_place_line_names_a_known_city_or_a_country(line: str, city: str | None) -> None:
    """hri.org's menu ("Treaties, Conventions") above a 1997 State Department briefing has the
    shape of "City, Country"; only a city the gazetteer knows or a country after the comma
    makes such a line a place."""
    page = scan_page(["A title of the page with several words", line, "Some text here."], 0)
    assert (page.place.city if page.place else None) == city


def test_a_later_date_above_the_title_is_a_site_clock_the_date_under_it_is_the_documents() -> None:
    """hri.org republishing a 1997 State Department briefing: its clock ("Wednesday, 11 December
    2019") among the menus, then the briefing's title and date line."""
    lines = [
        "Compact version", "Wednesday, 11 December 2019", "  Latest News (All)", "World Press",
        "", "U.S. Department of State Daily Press Briefing #8, 97-01-14", "",
        "U.S. Department of State", "Daily Press Briefing", "", "January 14, 1997", "",
        "Briefer: Nicholas Burns",
    ]  # fmt: skip
    assert scan_page(lines, 0).date == "1997-01-14"
    # an earlier date above the title, or a later one under it, changes nothing
    assert scan_page(["Daily Press Briefing", "January 14, 1997", "March 2, 1998"], 0).date == (
        "1997-01-14"
    )


def test_a_photo_caption_is_no_stamp() -> None:
    lines = [
        "Japan minister sees unity with Trump, pressure on N. Korea", "",
        "In this Aug. 3, 2017 file photo, Japan's Foreign Minister Taro Kono speaks", "",
        "TOKYO — Japan's new foreign minister says he sees no major shifts.",
    ]  # fmt: skip
    assert scan_page(lines, 0).date is None


def test_a_large_citys_name_alone_above_the_date_line_is_the_place() -> None:
    # state.gov: the byline block "name / office / venue / city / date"
    block = [
        "Remarks", "", "Michael R. Pompeo", "", "Secretary of State", "", "United Nations",
        "New York City", "January 26, 2019", "", "SECRETARY POMPEO: Good morning.",
    ]  # fmt: skip
    page = scan_page(block, 0)
    assert page.date == "2019-01-26"
    assert page.place is not None and page.place.city == "New York"  # as other pages call it
    for above in ("March", "Remarks", "Secretary of State", "Press Releases"):
        page = scan_page(["A title of the page with several words", above, "January 26, 2019"], 0)
        assert page.place is None, above  # a town that is a word, or no city at all


@pytest.mark.parametrize(
    "stamps",
    [
        ["Reuters | Ankara | Updated: 25-03-2021 09:10 IST | Created: 24-03-2021 15:54 IST"],
        ["Updated: March 25, 2021 09:10 GMT", "", "Published: March 24, 2021 15:54 GMT"],
        ["Last Modified: 25.03.2021 09:10", "First published: 24.03.2021 15:54"],
        ["Published: 24.03.2021 15:54", "Updated: 25.03.2021 09:10"],
    ],
)
def test_a_page_is_dated_by_its_publication_not_its_last_update(stamps: list[str]) -> None:
    lines = ["Ministers meet in Ankara", *stamps, "", "The minister said on Wednesday ..."]
    page = scan_page(lines, 0)
    assert (page.date, page.time) == ("2021-03-24", "15:54")
    # an update is the page's date when no publication is given, nor by a sentence of the text
    only = scan_page(["Ministers meet in Ankara", "Last Updated: 25.03.2021 09:10", "Text."], 0)
    assert only.date == "2021-03-25"
    told = ["Ministers meet", "Last Updated: 25.03.2021 09:10", "The report, published 3 May 2005."]
    assert scan_page(told, 0).date == "2021-03-25"


def test_a_site_clock_is_no_stamp_the_date_under_it_is() -> None:
    # kentron.am: the day the page was opened, then the article's own stamp under its views
    lines = [
        "Yerevan: +14 °C", "Today: Saturday, 04 May, 2024", "",
        "US Secretary of State and Turkish Foreign Minister meet", "", "1051",
        "Thursday, 04 April, 2024, 21:24", "The two ministers met in Brussels.",
    ]  # fmt: skip
    page = scan_page(lines, 0)
    assert (page.date, page.time) == ("2024-04-04", "21:24")
    assert 1 in page.header_lines  # the clock is a date line: dropped, never a paragraph


def test_a_label_naming_the_kind_of_text_does_not_end_the_head() -> None:
    # ukpol.co.uk: "PRESS RELEASE :" reads like a speaker's label, but names the kind of text
    lines = [
        "Tag: Foreign Office", "",
        "PRESS RELEASE : Foreign Secretary and the foreign ministers of Ukraine and Poland "
        "joint statement [September 2022]", "",
        "The press release issued by the Foreign Office on 22 September 2022.", "",
        "MR SMITH: Thank you.",
    ]  # fmt: skip
    assert scan_page(lines, 0).date == "2022-09-22"
    # a speaker's label still ends the head: a date under it is the body's
    assert scan_page(["MR SMITH: Thank you.", "", *lines[:-1]], 0).date is None


def test_the_line_above_the_date_line_is_the_title_of_a_page_behind_chrome() -> None:
    doc = _read(
        [
            *CHROME,
            "Joint Press Conference with German Chancellor Angela Merkel",
            "",
            "May 18, 2007, Samara",
            "",
            "President Vladimir Putin:",
            "",
            "Good afternoon.",
        ]
    )
    assert doc.meta.title == "Joint Press Conference with German Chancellor Angela Merkel"
    assert doc.meta.kind == "news-conference"
    assert doc.meta.place == Place("Samara")
    assert [c.name for c in doc.meta.counterparts] == ["Angela Merkel"]
    texts = [p.text for t in doc.turns for p in t.paragraphs]
    assert texts[-1] == "Good afternoon."
    assert not any("Merkel" in text for text in texts)  # the title is not a paragraph ...
    assert {d.line: d.reason for d in doc.dropped}[8] == "header"  # ... nor lost


@pytest.mark.parametrize(
    "above",
    [
        'title: "Remarks at a press conference',  # a broken front matter field
        "Home > Foreign Ministry Spokesperson's Remarks",  # a breadcrumb
        "The talks went well, the minister said.",  # a sentence
    ],
)
def test_a_field_breadcrumb_or_sentence_above_the_date_line_is_not_a_title(above: str) -> None:
    assert scan_page(["Menu", above, "2 July 2021"], 0).heading is None


def test_an_organisation_after_of_the_is_not_part_of_the_name() -> None:
    doc = _read(
        [
            *CHROME,
            "Joint Press Conference with President of the European Commission Jose Manuel Barroso",
            "May 18, 2007, Samara",
            "",
            "Text.",
        ]
    )
    assert [(c.name, c.country_text) for c in doc.meta.counterparts] == [
        ("Jose Manuel Barroso", "the European Commission")
    ]


def test_a_document_number_ending_in_its_date_dates_a_page_under_a_bare_time() -> None:
    doc = _read(
        [
            "18:58",
            "",
            "Foreign Minister Sergey Lavrov's remarks at a news conference following talks "
            "with the Foreign Minister of Egypt",
            "",
            "1234-05-06-2025",
            "",
            "Sergey Lavrov: Ladies and gentlemen, we have held talks.",
            "",
            "Question: Did you discuss Libya?",
            "",
            "Sergey Lavrov: Yes, we did.",
        ]
    )
    assert (doc.meta.date, doc.meta.time) == ("2025-06-05", "18:58")
    assert "1234-05-06-2025" not in [p.text for t in doc.turns for p in t.paragraphs]
    assert ("1234-05-06-2025", "header") in [(d.text, d.reason) for d in doc.dropped]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 99999))
def test_document_number_reads_the_day_month_and_year_after_the_number(
    day: dt.date, number: int
) -> None:
    line = f"{number}-{day.day:02d}-{day.month:02d}-{day.year}"
    stamp = document_number(line)
    assert stamp is not None and stamp.date == day.isoformat()


@given(st.text(max_size=20))
def test_document_number_is_only_a_number_and_a_real_date(line: str) -> None:
    stamp = document_number(line)
    if stamp is not None:
        assert DOCUMENT_NUMBER_LINE.match(line) and stamp.date is not None
        assert dt.date.fromisoformat(stamp.date).year >= 1900


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [
        (
            "30/08/2024 | Press release | Distributed by Public on 30/08/2024 17:45",
            "2024-08-30",
            "17:45",
        ),
        (
            "30/08/2024 | Press release | Distributed by Public on 31/08/2024 09:15",
            "2024-08-30",
            None,
        ),
        ("30/08/2024 | Press release", "2024-08-30", None),
    ],
)
def test_a_stamp_takes_the_time_of_the_same_day_repeated_later_on_its_line(
    line: str, date: str, time: str | None
) -> None:
    page = scan_page(["Transcript of Weekly Media Briefing", "", line, "", "Text."], 0)
    assert (page.date, page.time) == (date, time)


@pytest.mark.parametrize(
    ("line", "city"),
    [
        ("By Jane Doe in Tokyo", "Tokyo"),
        ("Reuters | Ankara | Updated: 24-03-2021 15:54 IST", "Ankara"),
        # Barta24: the city ends the byline, before the bar and the stamp
        ("Staff Correspondent Barta24.com, Dhaka | 2023-09-01 14:42:48", "Dhaka"),
        # a section and a stamp: no city
        ("Politics, World | 2023-09-01 14:42:48", None),
        # a byline's city without a stamp on the line is not read
        ("Staff Correspondent, Dhaka | National", None),
    ],
)
def test_a_byline_or_stamp_line_names_where_a_report_was_written(
    line: str, city: str | None
) -> None:
    found = reporter_place(["Headline of a news report", line])
    assert (found.city if found else None) == city


def test_a_title_ending_on_its_date_stays_the_title_not_a_stamp() -> None:
    """A news site's copy of a ministry speech: the line naming the speech and its day is the
    title (its kind is read from it), not a stamp line dropped from the text."""
    lines = [
        "Home > Comment > Speeches > 200908",
        "",
        "Speech Deliver By Minister for Foreign Affairs On The 4th Of August, 2009",
        "It is a pleasure to be here with you this morning.",
    ]
    page = scan_page(lines, 0)
    assert page.title_date == "2009-08-04" and 2 not in page.header_lines
    assert page.kind == "speech"


def test_a_title_with_its_date_in_brackets_beats_a_site_clock_above_it() -> None:
    """MOFA Viet Nam: the site's clock ("Sunday, May 19, 2024 Search") above the title "The
    17th Regular Press Conference (15th October, 2020)": the title, with its date, is the
    page's, not a stamp line."""
    lines = [
        "Home page Newsletter Feedback Weblinks Vietnamese",
        "Sunday, May 19, 2024 Search",
        "Advanced Search",
        "",
        "The 17th Regular Press Conference (15th October, 2020)",
        "",
        "Q&A",
    ]
    page = scan_page(lines, 0)
    assert (page.title_line, page.title_date, page.kind) == (4, "2020-10-15", "news-conference")
    assert 4 not in page.header_lines


@pytest.mark.parametrize(
    ("line", "city"),
    [
        ("Location: Cairo, Egypt", "Cairo"),
        ("Beehive, Wellington, New Zealand", "Wellington"),
        ("Treaties, Conventions, Russia", None),
        ("Location: Somewhere, Nowhere", None),
    ],
)
def test_a_place_line_may_have_a_label_or_a_venue_before_its_city(
    line: str, city: str | None
) -> None:
    """Vote Smart prints "Location: Cairo, Egypt" above a State Department transcript; a DFAT
    transcript's head ends with its venue, city and country ("Beehive, Wellington, New
    Zealand"). A three-part line is a place only when its middle part is a city GeoNames knows
    and its last a country."""
    page = scan_page(["A title of the page with several words", line, "Some text here."], 0)
    assert (page.place.city if page.place else None) == city


def test_a_standfirst_closed_by_its_place_and_date_gives_both() -> None:
    """Finland's foreign ministry closes the line under a speech's title with where and when it
    was given ("... Margot Wallström. Helsinki, 16 March 2017."); the line stays in the text."""
    standfirst = (
        "Remarks of Foreign Minister Timo Soini at the press conference with Sweden’s Minister "
        "for Foreign Affairs Margot Wallström. Helsinki, 16 March 2017."
    )
    page = scan_page(["Remarks of Minister Soini at press conference", standfirst, "- We"], 0)
    assert (page.date, page.place.city if page.place else None) == ("2017-03-16", "Helsinki")
    assert 1 not in page.header_lines


@pytest.mark.parametrize(
    "line",
    [
        "The talks were held in March. Helsinki, Finland and Sweden agreed on 16 March 2017.",
        "The minister spoke to reporters. Nowhere Town, 16 March 2017.",
        "He left on 16 March 2017.",
    ],
)
def test_a_sentence_that_is_not_only_a_place_and_a_date_closes_no_standfirst(line: str) -> None:
    page = scan_page(["A title of the page with several words", line], 0)
    assert page.place is None


def test_a_month_calendar_beside_the_text_is_chrome_never_the_title() -> None:
    """mfa.am prints a month calendar above each page ("< September 2017 >", a weekday row,
    rows of days); it is dropped as chrome, kept with its reason, and is never the title."""
    from parley.model import SourceText
    from parley.read.document import read_document

    text = (
        "< September 2017 >\nMon Tue Wed Thu Fri Sat Sun\n1 2 3\n4 5 6 7 8 9 10\n\n"
        "Answer of Deputy Foreign Minister Shavarsh Kocharyan to the question by a news agency\n\n"
        "Question: Mr. Kocharyan, how would you comment on the statement?\n\n"
        "Answer: Everyone knows what the Foreign Minister of Azerbaijan doesn’t.\n"
    )
    document, _ = read_document(SourceText("t.txt", "t", text, "utf-8", "0"))
    assert document.meta.title and document.meta.title.startswith("Answer of Deputy")
    assert [(d.line, d.reason) for d in document.dropped if d.reason == "chrome"] == [
        (1, "chrome"), (2, "chrome"), (3, "chrome"), (4, "chrome"),
    ]  # fmt: skip
    # a row of numbers alone, with no weekday row above it, is text
    plain, _ = read_document(
        SourceText("t.txt", "t", "A title of the page\n\n4 5 6\n", "utf-8", "0")
    )
    assert not [d for d in plain.dropped if d.reason == "chrome"]
