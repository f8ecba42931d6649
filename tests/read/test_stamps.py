"""Dates with their times and zones, wherever a page's head writes them
(``parley.read.dates.find_stamp``): real lines of the development corpus, one per way of writing,
and properties over generated dates, times and zones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.read.dates import (
    _YEAR_PATTERNS,
    FOUND_STAMPS,
    WEEKDAYS,
    ZONES,
    find_stamp,
    first_stamp,
    named_place,
    opening_time,
)

# fmt: off
REAL = [
    # publisher's line                                              date          time    zone
    ("Page last updated at 12:17 GMT, Saturday, 7 March 2009",      "2009-03-07", "12:17", "GMT"),
    ("PTI | New Delhi | Updated: 08-09-2020 17:18 IST",             "2020-09-08", "17:18", "IST"),
    ("14:46 JST, February 22, 2025",                                "2025-02-22", "14:46", "JST"),
    ("08 September 2006 [14:08] - TODAY.AZ",                        "2006-09-08", "14:08", None),
    ("November 29, 2007 Thursday 3:43 PM MSK",                      "2007-11-29", "15:43", "MSK"),
    ("Fri, 01/15/2010 - 14:48",                                     "2010-01-15", "14:48", None),
    ("at the new International Relations and Cooperation Building on 2009-10-13 at 12h00",
                                                                    "2009-10-13", "12:00", None),
    ("Dec. 12, 2013 14:30 KST",                                     "2013-12-12", "14:30", "KST"),
    ("February 20, 2018  14:30  KST",                               "2018-02-20", "14:30", "KST"),
    ("Regierungspressekonferenz vom 7. November 2016",              "2016-11-07", None,    None),
    ("WEDNESDAY, DECEMBER 12, 1996, 1:16 P.M.",                     "1996-12-12", "13:16", None),
    ("2009-03-12 05:25:38 GMT2009-03-12 13:25:38 (Beijing Time)",   "2009-03-12", "05:25", "GMT"),
    ("05.03.2026, 19:58 3996",                                      "2026-03-05", "19:58", None),
    ("Written: 2013-04-24 16:06:03Updated: 2013-04-24 17:54:27",    "2013-04-24", "16:06", None),
    ("18 May 2022, 18:49",                                          "2022-05-18", "18:49", None),
    ("Media on 4th July 2018",                                      "2018-07-04", None,    None),
    ("  • 19 Nov. 2019 -",                                          "2019-11-19", None,    None),
    ("2022年8月19日外交部发言人汪文斌",                              "2022-08-19", None,    None),
    ("Thursday, 04 April, 2024, 21:24",                             "2024-04-04", "21:24", None),
    ("(Xinhua News Agency August 24, 2005)",                        "2005-08-24", None,    None),
    ("Aired December 18, 2002 - 12:48 ET",                          "2002-12-18", "12:48", "ET"),
    # MFA Thailand: a time with a dot before "hrs." or "hours"
    ("Summary of Weekly Press Briefing 19 April 2024 at 11.00 hrs.", "2024-04-19", "11:00", None),
    ("Friday, 15 December 2023 at 11.00 hours",                     "2023-12-15", "11:00", None),
    # Trend: an offset from UTC in brackets, written back one way
    ("Politics Materials 7 March 2012 15:16 (UTC +04:00)",          "2012-03-07", "15:16", "UTC+4"),
    ("Speech Deliver By Minister On The 4th Of August, 2009",       "2009-08-04", None,    None),
    # Spanish, Portuguese and French month names (Prensa Latina, Itamaraty, the Quai d'Orsay)
    ("25 abril 2012",                                               "2012-04-25", None,    None),
    ("Brasília, 4 de março de 2020",                                "2020-03-04", None,    None),
    ("(Paris, le 8 novembre 2007)",                                 "2007-11-08", None,    None),
    # Danish, German and Swedish month names (Denmark's Prime Minister's office, the German
    # government, a Swedish ministry)
    ("Pressemøde onsdag den 4. maj 2022",                           "2022-05-04", None,    None),
    ("Pressekonferenz vom 7. März 2016",                            "2016-03-07", None,    None),
    ("Stockholm den 16 januari 2017",                               "2017-01-16", None,    None),
    # Indonesia's zones (Tempo, Metro TV): Western, Central and Eastern Indonesian Time
    ("3 May 2021 21:34 WIB",                                        "2021-05-03", "21:34", "WIB"),
    ("LB Ciputri Hutabarat • Minggu, 15 Nov 2015 15:09 WIB",        "2015-11-15", "15:09", "WIB"),
    ("12 March 2019 08:15 WITA",                                    "2019-03-12", "08:15", "WITA"),
]
# fmt: on


@pytest.mark.parametrize(("line", "date", "time", "zone"), REAL)
def test_real_stamp_lines(line: str, date: str, time: str | None, zone: str | None) -> None:
    found = find_stamp(" ".join(line.split()))
    assert found is not None
    assert (found.stamp.date, found.stamp.time, found.stamp.zone) == (date, time, zone)


@pytest.mark.parametrize(
    "line",
    [
        "The meeting on March 3, 2015 - 20 people came",  # a number after a dash is no time
        "Dec. 12, 2013 14:30 ESTATE",  # a word that begins like a zone is none
        "On March 12, 2019, 12.50 people came",  # a number with a dot is a time only before a zone
        "On March 12, 2019 (Uttar Pradesh) 14 people came",  # a bracket holds a zone only
    ],
)
def test_what_follows_a_date_is_read_only_as_a_time_or_zone(line: str) -> None:
    found = find_stamp(line)
    assert found is not None and found.stamp.zone is None
    assert found.stamp.time is None or line.endswith("ESTATE")


MONTH_NAMES = [dt.date(2001, m, 1).strftime("%B") for m in range(1, 13)]
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))
TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def _written(day: dt.date, form: int) -> str:
    month = MONTH_NAMES[day.month - 1]
    return [
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.isoformat()}",
        f"{WEEKDAYS[day.weekday()].capitalize()}, {day.day} {month} {day.year}",
        f"{day.day}th {month} {day.year}"
        if day.day in (4, 5, 6, 7, 8, 9)
        else f"{day.day} {month} {day.year}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.day:02d}-{month[:3]}-{day.year}",
        f"{WEEKDAYS[day.weekday()].capitalize()} {day.day}th of {month} {day.year}",
        f"{month[:3]}-{day.day:02d}-{day.year}",
        f"{day.year} {month} {day.day}",
    ][form]


@given(DATES, TIMES, st.integers(0, 12), st.sampled_from([", ", " ", " - ", " [", " at ", " / "]),
       st.sampled_from([None, *ZONES]))  # fmt: skip
def test_a_written_date_and_time_read_back(
    day: dt.date, time: dt.time, form: int, between: str, zone: str | None
) -> None:
    clock = f"{time.hour:02d}:{time.minute:02d}"
    line = f"Published: {_written(day, form)}{between}{clock}{']' if between == ' [' else ''}"
    line += f" {zone}" if zone else ""
    found = find_stamp(line)
    assert found is not None
    assert (found.stamp.date, found.stamp.time, found.stamp.zone) == (day.isoformat(), clock, zone)


@given(
    DATES,
    st.integers(1, 12),
    st.integers(0, 59),
    st.sampled_from(["a.m.", "p.m.", "AM", "PM", "P.M."]),
)
def test_a_twelve_hour_time_after_a_date_is_read_in_24_hours(
    day: dt.date, hour: int, minute: int, half: str
) -> None:
    line = f"{_written(day, 1)}, {hour}:{minute:02d} {half}"
    found = find_stamp(line)
    expected = hour % 12 + (12 if half[0] in "pP" else 0)
    assert found is not None and found.stamp.time == f"{expected:02d}:{minute:02d}"


@given(DATES, TIMES, st.sampled_from(ZONES))
def test_a_time_written_with_a_dot_is_read_before_a_zone(
    day: dt.date, time: dt.time, zone: str
) -> None:
    # The Guardian, BBC: "Tuesday 12 March 2019 14.05 GMT"
    found = find_stamp(f"{_written(day, 4)} {time.hour:02d}.{time.minute:02d} {zone}")
    assert found is not None
    assert (found.stamp.date, found.stamp.time, found.stamp.zone) == (
        day.isoformat(), f"{time.hour:02d}:{time.minute:02d}", zone,
    )  # fmt: skip


@given(DATES, TIMES)
def test_an_iso_date_and_time_with_a_t_between_read_back(day: dt.date, time: dt.time) -> None:
    found = find_stamp(f'<time datetime="{day.isoformat()}T{time.hour:02d}:{time.minute:02d}:00Z">')
    assert found is not None
    assert (found.stamp.date, found.stamp.time) == (
        day.isoformat(), f"{time.hour:02d}:{time.minute:02d}",
    )  # fmt: skip


def test_an_account_opening_with_its_day_and_hour_gives_the_time() -> None:
    # MOFA Japan's meeting overviews
    assert (
        opening_time(
            "On Sunday, April 10, commencing at 10:20 p.m. for approximately 40 minutes, Mr. "
            "Fumio Kishida, Minister for Foreign Affairs, held a meeting with ..."
        )
        == "22:20"
    )
    assert opening_time("On March 3, from 9:05 a.m., the Minister received ...") == "09:05"
    # the hour must follow the day it opens with, written with a.m. or p.m.
    assert opening_time("The conversation began at 9:30 p.m. Tuesday.") is None
    assert opening_time("On the question of 10:20, the minister said ...") is None


@given(st.sampled_from(WEEKDAYS), st.integers(1, 12), st.integers(0, 59), st.sampled_from("ap"))
def test_the_opening_hour_is_read_in_24_hours(day: str, hour: int, minute: int, half: str) -> None:
    text = f"On {day.capitalize()}, commencing at {hour}:{minute:02d} {half}.m. for an hour, ..."
    expected = hour % 12 + (12 if half == "p" else 0)
    assert opening_time(text) == f"{expected:02d}:{minute:02d}"


@pytest.mark.parametrize(
    ("line", "city"),
    [
        ("Moscow, Russia", "Moscow"),
        ("Washington, D.C.", "Washington"),
        ("By Jane Doe, Tokyo", "Tokyo"),  # a byline's city
        ("The Kremlin, Moscow", "Moscow"),  # a venue's city
        ("Samara, Russia", "Samara"),
        ("Treaties, Conventions", None),  # a site's menu: no city, no country
        ("By Jane Doe, Staff Writer", None),
    ],
)
def test_a_place_line_names_a_city_the_gazetteer_knows(line: str, city: str | None) -> None:
    found = named_place(line)
    assert (found.city if found else None) == city


def test_every_stamp_pattern_needs_a_year() -> None:
    # find_stamp skips a text without four digits in a row: no pattern could match it
    assert frozenset(FOUND_STAMPS) == _YEAR_PATTERNS


PIECES = [*"0123456789 :./-,hTZ年月日", "March ", "Mar", "may ", "GMT", "p.m.", "19", "20"]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_the_quick_tests_never_change_what_is_found(text: str) -> None:
    # find_stamp leaves out patterns that cannot match (no month name, no time, no 年): the same
    # stamp as trying every pattern
    assert find_stamp(text) == first_stamp(text)
