"""Dates, times and time zones as written on the dated lines of a document's head.

:func:`read_stamp` reads one such line into a :class:`Stamp`: a date line ("2 July 202117:15",
"December 20, 2012, Moscow"), a numeric date ("02.07.2021", "04/21/2015"), a news stamp
("09:41 GMT 02.07.2021"), an embassy's "Submitted on Tue, 04/21/2015 - 22:00", a clock line
("(11:00 a.m. EST)") or the language line of a ministry page ("• en-GB1 ru-RU1").
:func:`iso_date` and :func:`clock` turn the written parts into ISO dates and 24-hour times;
:func:`place_of` reads the place a date line (or a title) names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from parley.model import Place
from parley.vocab.gazetteer import countries, gazetteer

#: Month names (English, and Russian in the genitive) to their numbers.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
} | {
    name: number
    for number, name in enumerate(
        (
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря",
        ),
        start=1,
    )
}  # fmt: skip
#: Month names in Spanish, Portuguese and French, full names only (their abbreviations are
#: English words: "mar", "set"): a Latin American or African agency's date line ("25 abril
#: 2012", "4 de março de 2020", "8 novembre 2007").
FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("enero", "janeiro", "janvier"), ("febrero", "fevereiro", "février", "fevrier"),
            ("marzo", "março", "marco", "mars"), ("abril", "avril"), ("mayo", "maio", "mai"),
            ("junio", "junho", "juin"), ("julio", "julho", "juillet"),
            ("agosto", "août", "aout"), ("septiembre", "setiembre", "setembro", "septembre"),
            ("octubre", "outubro", "octobre"), ("noviembre", "novembro", "novembre"),
            ("diciembre", "dezembro", "décembre", "decembre"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
#: Month names in German, Danish, Norwegian and Swedish that no list above has ("4. maj 2022",
#: "7. März 2016", "16 januari 2017"): a northern European ministry's or office's date line.
NORTHERN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "januari"), ("februar", "februari"), ("märz", "maerz", "marts"), (),
            ("maj",), ("juni",), ("juli",), ("augusti",), (), ("oktober",), (),
            ("dezember", "desember"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
MONTHS |= FOREIGN_MONTHS | NORTHERN_MONTHS
# July  |  Sept.  |  июля  |  abril  (a month in the date patterns below)
MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: The days of the week, Monday first (``datetime.date.weekday()`` order): the one list of them
#: the reader and the linker use ("said on Friday", "Page last updated at 12:17 GMT, Saturday").
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = frozenset(WEEKDAYS)
#: Their abbreviations on date lines ("Fri, 01/15/2010", "Thu, March 12, 2009").
WEEKDAY_ABBREVIATIONS = ("mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun")
_WEEKDAY = "(?i:" + "|".join((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS)) + r")\.?,?"

# 2 July 202117:15  |  Thursday, 02 July 2015 09:54  |  26 January 2016
DAY_MONTH_LINE = re.compile(
    rf"^(?:{_WEEKDAY}\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{MONTH}),?\s+(?P<year>\d{{4}})"
    r"(?:,?\s*(?P<time>\d{1,2}:\d{2}))?$"
)
# January 26, 2016  |  December 20, 2012, Moscow  |  December 20, 2012, 13:00, The Kremlin, Moscow
MONTH_DAY_LINE = re.compile(
    rf"^(?:{_WEEKDAY}\s+)?(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    r"(?:,?\s+(?P<time>\d{1,2}:\d{2}))?"
    r"(?:,\s*(?P<place>[^\d\s,][^,]{0,40}(?:,\s*[^\d\s,][^,]{0,40})?))?$"
)
# 02.07.2021  |  04/21/2015  |  02.07.2021 17:15
NUMERIC_DATE_LINE = re.compile(
    r"^(?P<first>\d{1,2})(?P<sep>[./])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})"
    r"(?:,?\s+(?P<time>\d{1,2}:\d{2}))?$"
)
# 09:41 GMT 02.07.2021 (Updated: 11:01 GMT 02.07.2021)
NEWS_STAMP_LINE = re.compile(
    r"^(?P<time>\d{1,2}:\d{2})\s+(?P<zone>[A-Z]{2,4})\s+(?P<first>\d{1,2})\.(?P<second>\d{1,2})"
    r"\.(?P<year>\d{4})(?:\s*\((?i:updated):[^()]{0,60}\))?$"
)
# Submitted on Tue, 04/21/2015 - 22:00
SUBMITTED_LINE = re.compile(
    rf"^(?i:submitted on)\s+(?:{_WEEKDAY}\s+)?(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})"
    r"/(?P<year>\d{4})(?:\s*[-–]\s*(?P<time>\d{1,2}:\d{2}))?$"
)
# (11:00 a.m. EST)
CLOCK_LINE = re.compile(
    r"^\((?P<time>\d{1,2}(?::\d{2})?)\s*(?P<half>(?i:[ap]))\.?\s?(?i:m)\.?"
    r"(?:\s+(?P<zone>[A-Z]{2,4}))?\)$"
)
# • de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1
LANGUAGE_LINE = re.compile(r"^(?:[•·*-]\s*)?[a-z]{2,3}-[A-Z]{2}\d*(?:\s+[a-z]{2,3}-[A-Z]{2}\d*)*$")
# en-GB1 (in a language line) -> en-GB
LANGUAGE_TAG = re.compile(r"(?P<tag>[a-z]{2,3}-[A-Z]{2})\d*")
# 17:15  |  9:54  |  12h00  |  14.05
CLOCK = re.compile(r"^(?P<hour>\d{1,2})(?:[:h.](?P<minute>\d{2}))?$")

#: Lower-case words allowed inside a place name ("Rostov-on-Don" is one word).
PLACE_PARTICLES = frozenset({"de", "del", "la", "le", "am", "upon", "on", "sur", "al", "el"})


@dataclass(frozen=True, slots=True)
class Stamp:
    """What one dated header line says."""

    form: str
    """``date``, ``numeric``, ``news``, ``submitted``, ``clock``, ``language``, ``found`` (inside
    a line) or ``number`` (a document number)."""
    date: str | None = None
    """ISO date, or None (a clock or language line, or an impossible date)."""
    time: str | None = None
    """``HH:MM``, or None."""
    zone: str | None = None
    """Time zone written on the line ("GMT", "EST"), or None."""
    place: Place | None = None
    """Place written after the date ("December 20, 2012, Moscow"), or None."""
    languages: tuple[str, ...] = ()
    """BCP 47 tags of a language line."""
    invalid: bool = False
    """True when the line has the shape of a date but no such day exists."""


def iso_date(year: str, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` for numeric or named parts, or None when no such day exists."""
    number = MONTHS.get(month.lower().rstrip("."), 0) if not month.isdigit() else int(month)
    try:
        return dt.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def clock(text: str | None, half: str | None = None) -> str | None:
    """``HH:MM`` (24-hour) from "17:15", "9:54" or "11" with ``half`` "a"/"p"; None if invalid."""
    match = CLOCK.match(text or "")
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _numeric(match: re.Match[str], *, month_first: bool) -> str | None:
    """The date of a numeric match; ``month_first`` (US order) unless the first part is > 12."""
    first, second = match["first"], match["second"]
    if month_first and int(first) <= 12:
        return iso_date(match["year"], first, second)
    return iso_date(match["year"], second, first)


def place_of(text: str) -> Place | None:
    """A place written as "Moscow", "New York" or "Moscow, Russia"; None for anything else (a
    weekday is never a place: "Page last updated at 12:17 GMT, Saturday, 7 March 2009")."""
    parts = [part.strip() for part in text.split(",")]
    if not 1 <= len(parts) <= 2 or len(text) > 60:
        return None
    if parts[0].casefold() in WEEKDAY_NAMES:
        return None
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
            return None
        for word in words:
            if word not in PLACE_PARTICLES and not (word[:1].isupper() and _wordlike(word)):
                return None
    return Place(city=parts[0], country_text=parts[1] if len(parts) == 2 else None)


def named_place(line: str) -> Place | None:
    """The place a line under a title names, checked against the gazetteer: "Moscow, Russia"
    and "Washington, D.C." as written; "By Jane Doe, Tokyo" or "The Kremlin, Moscow" (a
    byline's or a venue's city after the comma) as that city; None when neither part is a city
    the gazetteer knows nor the second a country."""
    found = place_of(line)
    if found is None or not found.city:
        return None
    if gazetteer().city(found.city) is not None:
        return found
    if found.country_text and countries().is_country(found.country_text):
        return found
    if found.country_text and gazetteer().city(found.country_text) is not None:
        return Place(city=found.country_text)
    return None


def _wordlike(word: str) -> bool:
    return all(c.isalpha() or c in "-'’." for c in word)


def read_stamp(line: str) -> Stamp | None:
    """Read a dated header line (date, news stamp, "Submitted on", clock or language line)."""
    if len(line) > 120 or not line:
        return None
    if match := DAY_MONTH_LINE.match(line) or MONTH_DAY_LINE.match(line):
        date = iso_date(match["year"], match["month"], match["day"])
        place = None
        if "place" in match.re.groupindex and match["place"]:
            place = place_of(match["place"].rsplit(",", 1)[-1])
            if place is None:
                return None
        return Stamp("date", date, clock(match["time"]), None, place, invalid=date is None)
    if match := NUMERIC_DATE_LINE.match(line):
        date = _numeric(match, month_first=match["sep"] == "/")
        return Stamp("numeric", date, clock(match["time"]), invalid=date is None)
    if match := NEWS_STAMP_LINE.match(line):
        date = _numeric(match, month_first=False)
        return Stamp("news", date, clock(match["time"]), match["zone"], invalid=date is None)
    if match := SUBMITTED_LINE.match(line):
        date = _numeric(match, month_first=True)
        return Stamp("submitted", date, clock(match["time"]), invalid=date is None)
    if match := CLOCK_LINE.match(line):
        return Stamp("clock", None, clock(match["time"], match["half"]), match["zone"])
    if LANGUAGE_LINE.match(line):
        tags = tuple(m["tag"] for m in LANGUAGE_TAG.finditer(line))
        return Stamp("language", languages=tags)
    return None


# In this Aug. 3, 2017 file photo, ...  |  REUTERS/Olivia Harris  |  ... | Photo Credit: AFP  |
# FILE - Japan's Foreign
# Minister ... attends ..., Aug. 4, 2022.: a photo's caption, whose date is the picture's, not the
# page's nor the reported event's
CAPTION = re.compile(r"\bphoto\b|\bPhoto Credit\b|\bREUTERS/|^FILE\b")


# -- dates anywhere in a short line of a page's head (publication stamps, datelines) ---------

#: Time zones written after a time on news and ministry pages ("12:17 GMT", "14:30 KST",
#: "3:43 PM MSK", "12:39 UTC+3"): the abbreviations in use on the pages read, one list.
ZONES = (
    "GMT", "UTC", "MSK", "BST", "CEST", "CET", "EEST", "EET", "WEST", "WET", "EST", "EDT", "CST",
    "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "IST", "PKT", "JST", "KST", "HKT",
    "SGT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "SAST", "TRT", "GST", "ICT", "PHT",
    "WIB", "WITA", "WIT", "ET", "PT", "CT",
)  # fmt: skip
# 7th  |  7  |  7. (German "7. November 2016")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.(?= ))?"
# UTC+3  |  UTC +04:00 (Trend: "15:16 (UTC +04:00)"; written back as "UTC+4" by :func:`zone_of`)
_ZONE_NAMES = "UTC(?: ?[+-]\\d{1,2}(?::00)?)?|" + "|".join(z for z in ZONES if z != "UTC")
_ZONE = rf"(?P<zone>{_ZONE_NAMES})(?![A-Za-z])"
# 17:04  |  5:25:38  |  1:16 P.M.  |  at 12h00 (South African usage)  |  14.05 GMT  |  at 11.00
# hrs. (a time with a dot only before a zone, a.m./p.m. or "hrs"/"hours", as Thai, Indian and
# military usage writes it: "2019 12.50 people" is no time)
_TIME = (
    r"(?:at\s+)?(?P<time>\d{1,2}[:h]\d{2}"
    rf"|\d{{1,2}}\.\d{{2}}(?=\s*(?:[AaPp]\.?\s?[Mm]\b|(?:{_ZONE_NAMES})(?![A-Za-z])"
    r"|(?i:hrs?|hours)\b)))"
    r"(?::\d{2})?(?:\s*(?P<half>[AaPp])\.?\s?[Mm]\.?)?"
)
# the time written after a date: ", 17:04 GMT"  |  " - 14:48"  |  " [14:08]"  |  " Thursday 3:43
# PM MSK"  |  " at 12h00"  |  " / 2:05 PM"
_THEN_TIME = rf"(?:,?\s*(?:[-–|\[/]\s*)?(?:{_WEEKDAY}\s+)?{_TIME}\]?)?(?:\s+\(?{_ZONE}\)?)?"
#: How :data:`FOUND_STAMPS` write a year: four digits either way.
_FOUR_DIGIT_YEARS = (r"(?P<year>(?:19|20)\d\d)", r"(?P<year>\d{4})")
# 2021 (four digits in a row: a text without them holds no stamp with a year)
FOUR_DIGITS = re.compile(r"\d\d\d\d")
#: Stamps found inside a line, tried in order; each names day, month, year, maybe time and zone.
#: Every way of writing a date is read the same way wherever it stands on the line (a stamp,
#: "Published:", "Page last updated", a dateline, a title), with the time and zone written next
#: to it in any of the forms above.
FOUND_STAMPS: tuple[re.Pattern[str], ...] = (
    # Page last updated at 12:17 GMT, Saturday, 7 March 2009
    re.compile(
        rf"\b{_TIME}(?:\s+{_ZONE})?,?\s+(?:{_WEEKDAY}\s+)?{_DAY}\s+(?P<month>{MONTH}),?\s+"
        r"(?P<year>(?:19|20)\d\d)\b"
    ),
    # Tuesday, 25 June, 2002, 17:04 GMT  |  03rd January, 2023  |  8 Aug, 2008 12:04  |
    # 08 September 2006 [14:08]  |  7. November 2016  |  12-Mar-2019 14:05  |  12th of March 2019
    # |  The 4th Of August, 2009  |  4 de março de 2020
    re.compile(
        rf"\b{_DAY}(?:\s+(?i:of|de)\s+|\s+|-)(?P<month>{MONTH}),?(?:\s+(?:de\s+)?|-)"
        r"(?P<year>(?:19|20)\d\d)\b" + _THEN_TIME
    ),
    # 10:04, March 07, 2025  |  14:46 JST, February 22, 2025
    re.compile(
        rf"\b{_TIME}(?:\s+{_ZONE})?,?\s+(?P<month>{MONTH})\s+{_DAY},?\s+"
        r"(?P<year>(?:19|20)\d\d)\b"
    ),
    # January 03, 2023 | 05:38 PM  |  March 07, 2025  |  November 29, 2007 Thursday 3:43 PM MSK  |
    # Mar-12-2019
    re.compile(
        rf"\b(?P<month>{MONTH})(?:\s+|-){_DAY}(?:,?\s+|-)(?P<year>(?:19|20)\d\d)\b{_THEN_TIME}"
    ),
    # 2018-03-08 10:29  |  date 2025-03-07  |  on 2009-10-13 at 12h00  |  2019-03-12T14:05:00Z
    re.compile(
        r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:T(?=\d\d:)|\b)" + _THEN_TIME
    ),
    # 2019/03/12 14:05 JST  |  2019.03.12  (year first, as East Asian and some European pages
    # write it; the hyphenated ISO form is the pattern above)
    re.compile(
        r"\b(?P<year>(?:19|20)\d\d)(?P<ysep>[./])(?P<month>\d{1,2})(?P=ysep)(?P<day>\d{1,2})\b"
        + _THEN_TIME
    ),
    # 2022年8月19日  (a Chinese or Japanese date: year, month and day marked by their characters)
    re.compile(
        r"(?P<year>(?:19|20)\d\d)\s?年\s?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"
        + _THEN_TIME
    ),
    # 11:20 GMT 14.01.2025
    re.compile(
        rf"\b{_TIME}\s+{_ZONE}\s+(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}})\b"
    ),
    # 10/11/2022 07:54 PM EDT (month first)  |  14.01.2025 11:20  |  Fri, 01/15/2010 - 14:48  |
    # 08-09-2020 17:18 IST (day first, as with dots)
    re.compile(
        r"\b(?P<first>\d{1,2})(?P<sep>[./-])(?P<second>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)\b"
        + _THEN_TIME
    ),
    # 2019 March 12  |  2019, March 12 14:05  (the year first, the month named: least sure, last)
    re.compile(rf"\b(?P<year>(?:19|20)\d\d),?\s+(?P<month>{MONTH})\s+{_DAY}\b{_THEN_TIME}"),
)
#: The patterns whose month is a name. :func:`find_stamp` reads the month of every match, so the
#: group always takes part: such a pattern cannot match without a month name.
_MONTH_PATTERNS = frozenset(p for p in FOUND_STAMPS if f"(?P<month>{MONTH})" in p.pattern)
#: The patterns whose year is four digits (the same holds for the year group).
_YEAR_PATTERNS = frozenset(
    p for p in FOUND_STAMPS if any(year in p.pattern for year in _FOUR_DIGIT_YEARS)
)
# 2:39 p.m. EDT  |  (11:00 a.m. EST)  |  20:30
BARE_CLOCK_LINE = re.compile(
    r"^\(?(?P<time>\d{1,2}:\d{2})(?:\s*(?P<half>[AaPp])\.?\s?[Mm]\.?)?"
    rf"(?:\s+{_ZONE})?\)?$"
)


@dataclass(frozen=True, slots=True)
class Found:
    """A stamp found inside a line: what it says, and where on the line it is."""

    stamp: Stamp
    start: int
    end: int


#: The patterns that begin with a time ("12:17 GMT, Saturday, 7 March 2009") ...
_TIME_FIRST_PATTERNS = frozenset(p for p in FOUND_STAMPS if p.pattern.startswith(r"\b(?:at\s+)?"))
# ... which cannot match a text without a digit, ":" or "h" or ".", and two digits
TIME_HINT = re.compile(r"\d[:h.]\d\d")
#: The patterns with the year first and a dot or slash after it ("2019/03/12", "2019.03.12") ...
_YEAR_FIRST_PATTERNS = frozenset(p for p in FOUND_STAMPS if "(?P<ysep>" in p.pattern)
YEAR_FIRST_HINT = re.compile(r"(?:19|20)\d\d[./]\d")
#: ... and the Chinese or Japanese date, which cannot match without its 年.
_KANJI_PATTERNS = frozenset(p for p in FOUND_STAMPS if "年" in p.pattern)
#: The first three letters of every English month name, and the other languages' names whole:
#: a stamp pattern naming a month cannot match an ASCII text without one of them.
MONTH_STEMS = tuple(
    sorted(
        {name[:3] for name in MONTHS if name.isascii() and name not in FOREIGN_MONTHS}
        | {name for name in FOREIGN_MONTHS if name.isascii()}  # "ene" is in "general"
    )
)


def find_stamp(text: str) -> Found | None:
    """The first date (with its time and zone, when written next to it) inside ``text``."""
    # Trying every pattern at every position is slow (77 µs on a paragraph of 200 characters):
    # a text without four digits in a row skips the patterns that need a year, and an ASCII
    # text without a month's first letters those that need a month name. Same result.
    # Likewise a pattern that starts with a time needs a digit, a colon (or "h", or a dot) and
    # two digits; a year written first with a dot or slash, those after the year; a Chinese or
    # Japanese date, its 年.
    if FOUR_DIGITS.search(text) is None:
        return None  # every pattern needs a year
    lowered = text.lower() if text.isascii() else ""
    no_month = bool(lowered) and not any(stem in lowered for stem in MONTH_STEMS)
    no_time = TIME_HINT.search(text) is None
    no_year_first = YEAR_FIRST_HINT.search(text) is None
    no_kanji = "年" not in text
    return first_stamp(text, _patterns_left(no_month, no_time, no_year_first, no_kanji))


@cache
def _patterns_left(
    no_month: bool, no_time: bool, no_year_first: bool, no_kanji: bool
) -> tuple[re.Pattern[str], ...]:
    """The patterns of :data:`FOUND_STAMPS` (in order) that the hints of :func:`find_stamp`
    leave to try. Kept for each of the 16 combinations: hashing a compiled pattern to test its
    membership hashes its whole code (about 4 µs), which cost more than the hints saved."""
    return tuple(
        pattern
        for pattern in FOUND_STAMPS
        if not (no_month and pattern in _MONTH_PATTERNS)
        and not (no_time and pattern in _TIME_FIRST_PATTERNS)
        and not (no_year_first and pattern in _YEAR_FIRST_PATTERNS)
        and not (no_kanji and pattern in _KANJI_PATTERNS)
    )


def first_stamp(text: str, patterns: Sequence[re.Pattern[str]] = FOUND_STAMPS) -> Found | None:
    """The first of ``patterns`` (:data:`FOUND_STAMPS` in order) that finds a real date."""
    for pattern in patterns:
        match = pattern.search(text)
        if match is None:
            continue
        names = match.re.groupindex
        if "first" in names:
            date = _numeric(match, month_first=match["sep"] == "/")
        else:
            date = iso_date(match["year"], match["month"], match["day"])
        if date is None:
            continue
        time = clock(match["time"], match["half"]) if match["time"] else None
        return Found(Stamp("found", date, time, zone_of(match["zone"])), match.start(), match.end())
    return None


# 98-19-01-2005  |  2240-20-12-2006  (a document's number, then its day, month and year)
DOCUMENT_NUMBER_LINE = re.compile(
    r"^(?P<number>\d{1,5})-(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>(?:19|20)\d\d)$"
)


def document_number(line: str) -> Stamp | None:
    """The date of a line that is only a document number ending in its day, month and year
    ("98-19-01-2005"): ministries number their documents by the day they issue them, and old
    mid.ru pages print that number under the title instead of a date line."""
    if not line[:1].isdigit() or line.count("-") != 3 or len(line) > 16:
        return None
    match = DOCUMENT_NUMBER_LINE.match(line)
    if match is None:
        return None
    date = iso_date(match["year"], match["month"], match["day"])
    return Stamp("number", date) if date else None


# UTC +04:00  |  UTC+4  (an offset from UTC, written with or without a space and minutes)
_UTC_OFFSET = re.compile(r"^UTC ?(?P<sign>[+-])(?P<hours>\d{1,2})(?::00)?$")


def zone_of(written: str | None) -> str | None:
    """A zone as the document model keeps it: as written, except an offset from UTC, which is
    written one way ("UTC +04:00" and "UTC+04" are "UTC+4")."""
    if written is None or not written.startswith("UTC"):
        return written
    offset = _UTC_OFFSET.match(written)
    return f"UTC{offset['sign']}{int(offset['hours'])}" if offset else written


def bare_clock(line: str) -> Stamp | None:
    """A line that is only a time: "2:39 p.m. EDT", "(11:00 a.m. EST)", "20:30"."""
    match = BARE_CLOCK_LINE.match(line)
    if match is None:
        return None
    time = clock(match["time"], match["half"])
    return Stamp("clock", None, time, zone_of(match["zone"])) if time else None


# On Sunday, April 10, commencing at 10:20 p.m. for approximately 40 minutes, Mr. Fumio Kishida
# ... held a meeting with ...  (an account of a meeting that opens with its day and hour)
OPENING_TIME = re.compile(
    r"^On [^.]{3,40}?,? (?:commencing|beginning|starting|from)(?: at)? (?P<time>\d{1,2}:\d{2})"
    r" ?(?P<half>[AaPp])\.?\s?[Mm]\b"
)


def opening_time(paragraph: str) -> str | None:
    """The hour a meeting began, when an account's first paragraph opens with its day and hour
    ("On Sunday, April 10, commencing at 10:20 p.m. for approximately 40 minutes, ..."), in 24
    hours; None otherwise."""
    if not paragraph.startswith("On "):
        return None
    match = OPENING_TIME.match(paragraph)
    return clock(match["time"], match["half"]) if match else None


# ( 21 Muharram 1446 )  |  21 Ramadan 1445 AH  |  3 Rabi' al-Awwal 1446  (a date of the Hijri
# calendar alone on a line, as Pakistani and Gulf sites print beside the day's Gregorian date)
HIJRI = re.compile(
    r"^\(?\s*\d{1,2}\s+(?:Muharram|Safar|Rabi[‘'’`]?[\w\s'’-]{0,12}|Jumad[ao][\w\s'’-]{0,14}|Rajab"
    r"|Sha[‘'’`]?ban|Ramadan|Ramazan|Ramzan|Shawwal|Dhu[\w\s'’-]{0,12}|Zil?[\w\s'’-]{0,12})"
    r"\s*,?\s+1[34]\d\d(?:\s*A\.?H\.?)?\s*\)?$",
    re.IGNORECASE,
)


def hijri_after(lines: Sequence[str], index: int) -> int | None:
    """The index of the next non-empty line after ``index`` when it is a Hijri date alone, else
    None."""
    for later in range(index + 1, min(len(lines), index + 3)):
        if lines[later]:
            return later if HIJRI.match(lines[later]) else None
    return None
