"""The head of a page copied whole from a website: the stamps, title and byline among its chrome.

A page copied from a browser starts with menus, banners and share buttons; its title, byline,
publication stamp and time line come somewhere among them, in any order. :func:`scan_page` looks
at the first :data:`REGION` lines (up to the first questioner's label) and finds:

- the first publication stamp written anywhere on a short line (a stamp labelled "Updated" gives
  way to one labelled "Published" or "Created" on its line or under it; never a photo's caption,
  "In this Aug. 3, 2017 file photo"; and a date line under the title wins over an earlier
  line's later date above it, a site's clock or a posting stamp) ("Last Updated: Thursday, 1
  February 2007, 13:37 GMT", "Published January 03, 2023 | 05:38 PM", "10/11/2022 07:54 PM EDT",
  "2018-03-08 10:29", "11:20 GMT 14.01.2025"; :func:`parley.read.dates.find_stamp`);
- a line that is only a time ("2:39 p.m. EDT", "20:30"): the time the event began;
- a line that is only a document number ending in its date ("98-19-01-2005", old mid.ru pages:
  :func:`parley.read.dates.document_number`), when no stamp came before it;
- a title that ends with its place and date (", Minsk, June 19, 2020", "... on July 17, 2020"):
  the event's date, which wins over a posting stamp of another day;
- the first line naming a kind of event ("Daily Press Briefing");
- byline names ("John Kirby", "Ned Price, Department Spokesperson"), which resolve surname labels;
- a line that is only a place with its country or state ("Washington, D.C."), when the city is
  one the gazetteer knows or a country follows the comma (a menu line "Treaties, Conventions"
  has the same shape), or only a large city's name right above the date line ("New York City").

Every line used only as a stamp or a time line is reported so that the body leaves it out of the
paragraphs (as a dropped ``header`` line: nothing is lost).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from parley.model import DocumentKind, Place
from parley.read.dates import (
    CAPTION,
    WEEKDAY_NAMES,
    Found,
    Stamp,
    bare_clock,
    document_number,
    find_stamp,
    hijri_after,
    place_of,
    read_stamp,
)
from parley.read.persons import ROLE_WORDS
from parley.read.titles import TITLE_DATE_TAIL, kind_of, title_tail
from parley.vocab.gazetteer import countries, gazetteer

#: How many lines from the start of the text are searched.
REGION = 45
#: On a longer line only the first characters are searched for a stamp.
STAMP_SEARCH = 90
#: A line at most this long that holds a stamp is a stamp line (dropped from the text).
STAMP_LINE_MAX = 100
#: A place line ("Washington, D.C.") is at most this long.
PLACE_LINE_MAX = 40
#: A line that is only a city's name, above the date line, names a city of at least this many.
CITY_LINE_PEOPLE = 100_000
#: A byline that names its reporter's city is at most this long.
BYLINE_MAX = 80
# By Jane Doe in Tokyo  |  By Jane Doe and John Roe, Moscow  (the city at a byline's end)
BYLINE_CITY = re.compile(r"(?: in|,) (?P<city>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})$")
#: A line of at least this many words ending with its date and place is a title, not a stamp.
TITLE_WORDS = 6
#: A title that ends with a date is at least and at most this long.
TITLE_MIN, TITLE_MAX = 25, 400
# title: "Remarks at a press conference  (a field of broken front matter, not a title)
FIELD = re.compile(r"^[a-z][a-z_]*:\s")
#: What separates a place from the date on a date line ("May 18, 2007, Samara", "Paris - 9 Feb").
PLACE_SEPARATORS = (",", "-", "–", "—", "|")
#: Words that are never part of a place on a date line (lower case).
NOT_PLACE_WORDS = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "news",
        "press", "briefing", "department", "office", "conference", "statement", "release",
        "transcript", "remarks", "interview", "speech", "agency", "times", "post", "daily",
        "updated", "published", "posted", "by",
    )
)  # fmt: skip
# QUESTION: ...  |  Q: ...  |  MR PRICE: ...  (the body has begun)
BODY_LABEL = re.compile(r"^(?:QUESTION|Question|Q|[A-Z][A-Z.]+(?: [A-Z][A-Z.'-]+){0,3})\s*[:–-]\s")
#: Words of a line's opening label that name the page's kind of text, not a speaker ("PRESS
#: RELEASE : Foreign Secretary ...", "UPDATE - ...", "BREAKING NEWS:"): such a label does not
#: begin the body.
KIND_LABEL_WORDS = frozenset(
    (
        "press", "news", "media", "release", "statement", "speech", "transcript", "readout",
        "update", "updated", "breaking", "communique", "advisory", "joint", "exclusive",
        "analysis", "opinion", "video", "photos",
    )
)  # fmt: skip
# Today: Saturday, 04 May, 2024  |  Now is 14:02, 3 May 2024  (a site's clock: the day the page
# was opened, above the article's own stamp)
SITE_CLOCK = re.compile(r"^(?i:today|now)\s*(?::|is\b)")

#: A site clock line is at most this long.
SITE_CLOCK_MAX = 60
# Updated: 25-03-2021  |  Last modified on  |  Published 24 March 2021  |  First published:  |
# Created:  (the label just before a stamp: a page's update is not its publication)
UPDATED = re.compile(r"\b(?i:(?:last )?(?:updated|modified|edited))(?: on| at)?\s*[:–-]?\s*$")
PUBLISHED = re.compile(
    r"\b(?i:(?:first )?(?:published|created|posted|released|issued))(?: on| at)?\s*[:–-]?\s*$"
)
#: The label of a stamp is within this many characters before it.
LABEL_BEFORE = 25
# 2021 (every stamp found inside a line has a year)
YEAR = re.compile(r"(?:19|20)\d\d")
# John Kirby  |  Ned Price, Department Spokesperson  |  Marie Harf
BYLINE = re.compile(
    r"^(?P<name>[A-Z][a-z'’]+(?: [A-Z]\.)?(?: [A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?){1,2})"
    r"(?:, (?P<role>[A-Z][\w -]{2,60}))?$"
)


@dataclass(frozen=True, slots=True)
class PageHead:
    """What the head region of a page says; indices are 0-based into the document's lines."""

    date: str | None = None
    time: str | None = None
    timezone: str | None = None
    stamp_line: int | None = None
    """Index of the line the stamp was found on."""
    clock: Stamp | None = None
    """A line that is only a time."""
    clock_line: int | None = None
    title: str | None = None
    """A line ending with the event's date (and maybe place)."""
    title_line: int | None = None
    title_date: str | None = None
    title_place: Place | None = None
    kind: DocumentKind = "other"
    kind_line: int | None = None
    bylines: tuple[str, ...] = ()
    """Full names on byline lines."""
    byline_roles: tuple[tuple[str, str], ...] = ()
    """(role, full name) of bylines that give a role ("Ban Ki-Moon, Former Secretary-General")."""
    place: Place | None = None
    """A line that is only a place with its country or state ("Washington, D.C.")."""
    place_line: int | None = None
    header_lines: tuple[int, ...] = ()
    """Lines that are only a stamp or a time: left out of the text."""
    heading: str | None = None
    """The line just above the stamp line when it reads as a title ("News Conference following
    EU-Russia Summit" above "June 1, 2010, Rostov-on-Don"): the page's own title."""
    heading_line: int | None = None


def scan_page(lines: Sequence[str], start: int) -> PageHead:
    """Scan ``lines`` (whitespace folded) from ``start``; see the module docstring."""
    stamp: tuple[int, Stamp] | None = None
    clock: tuple[int, Stamp] | None = None
    title: tuple[int, str, Place | None, str] | None = None
    kind: tuple[int, DocumentKind] | None = None
    bylines: list[str] = []
    roles: list[tuple[str, str]] = []
    header: list[int] = []
    place: Place | None = None
    place_line: int | None = None
    heading: tuple[int, str] | None = None
    previous: int | None = None
    updated = False  # the stamp taken is labelled as an update
    for index in range(start, min(len(lines), start + REGION)):
        line = lines[index]
        if not line:
            continue
        if (opened := BODY_LABEL.match(line)) and not _kind_label(opened.group()):
            break
        above, previous = previous, index
        if clock is None and (found_clock := bare_clock(line)) is not None:
            clock = (index, found_clock)
            header.append(index)
            continue
        if stamp is None and (numbered := document_number(line)) is not None:
            stamp = (index, numbered)  # 98-19-01-2005
            header.append(index)
            continue
        if stamp is None and (closing := _closing_place_date(line)) is not None:
            # "Remarks of ... with Sweden's Minister ... Margot Wallström. Helsinki, 16 March
            # 2017.": a standfirst closed by its place and date; the line stays in the text
            stamp = (index, closing[0])
            if place is None:
                place, place_line = closing[1], index
        searched = line if len(line) <= STAMP_LINE_MAX else line[:STAMP_SEARCH]
        if len(line) > STAMP_LINE_MAX and " | " in line:
            searched = line.rsplit(" | ", 1)[1][:STAMP_SEARCH]  # "Headline | DW | 07.04.2006"
        found = find_stamp(searched) if YEAR.search(searched) else None
        if found is not None and CAPTION.search(line):
            found = None  # "In this Aug. 3, 2017 file photo, ...": the picture's day
        if found is not None and len(line) <= SITE_CLOCK_MAX and SITE_CLOCK.match(line):
            header.append(index)  # "Today: Saturday, 04 May, 2024": the site's clock
            continue
        if (
            found is not None
            and len(line) <= SITE_CLOCK_MAX
            and (hijri := hijri_after(lines, index))
        ):
            # "Sat, 27 Jul 2024" over "( 21 Muharram 1446 )": today in both calendars, the
            # site's clock (a report's own stamp is never written twice)
            header.extend((index, hijri))
            continue
        if found is not None and found.stamp.time is None:
            found = _with_later_time(searched, found)
        if found is not None and _labelled(searched, found, UPDATED):
            # "Updated: 25-03-2021 09:10 IST | Created: 24-03-2021 15:54 IST": the publication's
            found = _published_later(searched, found) or found
            updated = updated if stamp is not None else True
        elif (
            found is not None
            and stamp is not None
            and updated
            and len(line) <= STAMP_LINE_MAX
            and not line.endswith(".")
            and _labelled(searched, found, PUBLISHED)
        ):
            stamp, updated = (index, found.stamp), False  # "Updated: ..." above "Published: ..."
            header.append(index)
            continue
        if found is not None and stamp is None:
            stamp = (index, found.stamp)
            if above is not None and _heading_like(lines[above]):
                heading = (above, lines[above])
            if (
                place is None
                and len(line) <= STAMP_LINE_MAX
                and (found_place := _stamp_place(line, found.start, found.end))
            ):
                place, place_line = found_place, index
            elif place is None and above is not None and (city := _city_line(lines[above])):
                place, place_line = city, above  # "New York City" over "January 26, 2019"

        elif (
            found is not None
            and stamp is not None
            and stamp[1].time is None
            and found.stamp.date == stamp[1].date
            and found.stamp.time
        ):
            stamp = (stamp[0], found.stamp)  # the same day's stamp with its time
        elif (
            found is not None
            and stamp is not None
            and kind is not None
            and stamp[0] < kind[0] < index
            and found.stamp.date
            and stamp[1].date
            and found.stamp.date < stamp[1].date
            and read_stamp(line) is not None
        ):
            # "Wednesday, 11 December 2019" among a site's menus, then the title "Daily Press
            # Briefing", then "January 14, 1997": a date above the title that is later than the
            # date line under it is the site's clock or a posting; the document's is under it
            stamp = (index, found.stamp)
        titled = (
            found is not None
            and len(line.split()) >= TITLE_WORDS
            and (tail := TITLE_DATE_TAIL.search(line)) is not None
            # "Interview of ..., 15 January 2016, Ankara"  |  "... to the Media on 4th July
            # 2018"  |  "The 17th Regular Press Conference (15th October, 2020)": a place after
            # the date, "on" before it, or the date in brackets is an event's title, no stamp
            and (
                tail["after"] is not None
                or tail["open"] is not None
                or line[: tail.start()].casefold().endswith((" on", " on the"))
            )
        )
        if (
            found is not None
            and len(line) <= STAMP_LINE_MAX
            and not line.endswith(".")
            and not titled
        ):
            header.append(index)
            continue
        if title is None and TITLE_MIN <= len(line) <= TITLE_MAX and not line.endswith("."):
            rest, named_place, date = title_tail(line)
            if date is not None:
                title = (index, rest, named_place, date)
        if kind is None and len(line) <= 200 and (named := kind_of(line)) != "other":
            kind = (index, named)
        if byline := BYLINE.match(line.rsplit(" | ", 1)[-1]):
            bylines.append(byline["name"])
            if byline["role"]:
                roles.append((byline["role"], byline["name"]))
        elif place is None and "," in line and len(line) <= PLACE_LINE_MAX:
            found_place = _place_line(line)
            words = {w.strip(".,").casefold() for w in line.split()}
            if found_place is not None and not words & ROLE_WORDS and _known_place(found_place):
                place, place_line = found_place, index
    return PageHead(
        date=stamp[1].date if stamp else None,
        time=stamp[1].time if stamp else None,
        timezone=stamp[1].zone if stamp else None,
        stamp_line=stamp[0] if stamp else None,
        clock=clock[1] if clock else None,
        clock_line=clock[0] if clock else None,
        title=lines[title[0]] if title else None,
        title_line=title[0] if title else None,
        title_date=title[3] if title else None,
        title_place=title[2] if title else None,
        kind=kind[1] if kind else "other",
        kind_line=kind[0] if kind else None,
        bylines=tuple(dict.fromkeys(bylines)),
        byline_roles=tuple(dict.fromkeys(roles)),
        place=place,
        place_line=place_line,
        header_lines=tuple(header),
        heading=heading[1] if heading else None,
        heading_line=heading[0] if heading else None,
    )


def _kind_label(label: str) -> bool:
    """Whether a line's opening label only names the kind of text ("PRESS RELEASE :",
    "UPDATE -"), not a speaker."""
    words = re.findall(r"[A-Za-z]+", label)
    return bool(words) and all(word.casefold() in KIND_LABEL_WORDS for word in words)


def _city_line(line: str) -> Place | None:
    """A line that is only a city's name, above a date line ("Remarks / Michael R. Pompeo /
    Secretary of State / United Nations / New York City / January 26, 2019"): a place when the
    gazetteer knows it as a city of at least :data:`CITY_LINE_PEOPLE` people (a smaller town may
    share its name with a word, "March")."""
    if len(line) > PLACE_LINE_MAX or "," in line or not line[:1].isupper():
        return None
    found = place_of(line)
    if found is None or not found.city or {w.casefold() for w in line.split()} & ROLE_WORDS:
        return None
    city = gazetteer().city(found.city)
    if city is None or city.population < CITY_LINE_PEOPLE:
        return None
    # "New York City" is the city every other page calls "New York"
    base = found.city.removesuffix(" City")
    return Place(city=base) if base != found.city and gazetteer().city(base) == city else found


def reporter_place(lines: Sequence[str]) -> Place | None:
    """Where a news report's byline or stamp line says it was written: "By Jane Doe in Tokyo",
    "By Jane Doe, Tokyo", "Reuters | Ankara | Updated: 24-03-2021 15:54 IST" (a large city the
    gazetteer knows, standing alone between bars on a line with a date, or ending a byline
    there: "Staff Correspondent Barta24.com, Dhaka | 2023-09-01 14:42:48"). The reader takes it
    for an article whose text and dateline give no place."""
    for line in lines[:REGION]:
        if line.startswith("By ") and (city := _byline_city(line)):
            return city
        stamped = " | " in line and len(line) <= STAMP_LINE_MAX and YEAR.search(line) is not None
        if stamped and find_stamp(line) is not None and (city := _barred_city(line)):
            return city
    return None


def _barred_city(line: str) -> Place | None:
    """A city standing alone between bars on a stamp line ("Jane Doe | Tokyo | Updated: ..."),
    or after a comma at the end of a byline between bars ("Staff Correspondent Barta24.com,
    Dhaka | 2023-09-01 14:42:48")."""
    for part in line.split(" | "):
        if city := _city_line(part.strip()) or _city_line(part.rsplit(",", 1)[-1].strip()):
            return city
    return None


def _byline_city(line: str) -> Place | None:
    """The city a byline gives its reporter ("By Jane Doe in Tokyo", "By Jane Doe, Tokyo")."""
    if not line.startswith("By ") or len(line) > BYLINE_MAX:
        return None
    found = BYLINE_CITY.search(line)
    return _city_line(found["city"]) if found else None


def _closing_place_date(line: str) -> tuple[Stamp, Place] | None:
    """The date and place of a line whose last sentence is only a place and a date
    ("... Margot Wallström. Helsinki, 16 March 2017."), when the gazetteer knows the city or
    the country; None otherwise."""
    if not line.endswith(".") or ". " not in line:
        return None
    last = line[:-1].rsplit(". ", 1)[1]
    found = find_stamp(last) if YEAR.search(last) else None
    if found is None or found.end != len(last) or not found.stamp.date or found.start == 0:
        return None
    written = place_of(last[: found.start].rstrip(" ,"))
    if written is None or not _known_place(written):
        return None
    return found.stamp, written


# Location: Cairo, Egypt  |  Venue: Oslo, Norway  (a place line's label)
PLACE_LABEL = re.compile(r"^(?:Location|Venue|Place)\s*:\s*")


def _place_line(line: str) -> Place | None:
    """A line that is only a place: "Washington, D.C.", "Samara, Russia"; after a label
    ("Location: Cairo, Egypt"); or a venue before its city and country ("Beehive, Wellington, New
    Zealand": the city and country are the last two parts, a city and a country GeoNames knows)."""
    line = PLACE_LABEL.sub("", line)
    parts = [part.strip() for part in line.split(",")]
    if len(parts) == 3:
        if not countries().is_country(parts[2]) or gazetteer().city(parts[1]) is None:
            return None  # "Treaties, Conventions, Russia": a menu, no venue's city
        return place_of(f"{parts[1]}, {parts[2]}")
    return place_of(line)


def _known_place(place: Place) -> bool:
    """Whether a line that reads as "City, Country" names a real place: a city the gazetteer
    knows ("Washington, D.C.") or a country after the comma ("Samara, Russia"). A page's menu
    line ("Treaties, Conventions", "Interesting Nodes, Special Topics") has the same shape."""
    if place.city and gazetteer().city(place.city) is not None:
        return True
    return bool(place.country_text) and countries().is_country(place.country_text or "")


def _labelled(line: str, found: Found, label: re.Pattern[str]) -> bool:
    """Whether the words just before a stamp are ``label`` ("Updated:", "Published on")."""
    return label.search(line, max(0, found.start - LABEL_BEFORE), found.start) is not None


def _published_later(line: str, found: Found) -> Found | None:
    """A stamp after ``found`` on its line labelled as the publication ("... | Created: ...")."""
    rest = line[found.end :]
    later = find_stamp(rest) if YEAR.search(rest) else None
    if later is None:
        return None
    moved = replace(later, start=later.start + found.end, end=later.end + found.end)
    return moved if _labelled(line, moved, PUBLISHED) else None


def _with_later_time(line: str, found: Found) -> Found:
    """The stamp found first on a line, with the time of a later stamp of the same day on that
    line ("30/08/2024 | Press release | Distributed by Public on 30/08/2024 17:45"): a
    distributor prints the day, then repeats it with the time it sent the text."""
    later = find_stamp(line[found.end :]) if YEAR.search(line, found.end) else None
    if later is None or later.stamp.date != found.stamp.date or later.stamp.time is None:
        return found
    return replace(found, stamp=later.stamp)


def _heading_like(line: str) -> bool:
    """Whether the line above a date line reads as the page's title: several words, no
    sentence end, no label or front matter field, no breadcrumb ("Transcripts /", "Home > News")."""
    return (
        TITLE_MIN <= len(line) <= TITLE_MAX
        and not line.endswith((".", "/", ":", "|"))
        and len(line.split()) >= 3
        and not FIELD.match(line)
        and " > " not in line
        and " » " not in line
        and not BODY_LABEL.match(line)
        and find_stamp(line) is None
    )


def _stamp_place(line: str, start: int, end: int) -> Place | None:
    """The place written on a date line, before or after the date: "May 18, 2007, Samara",
    "New York, 25 June 2020"; None when the rest of the line is not a place, or names no city
    the gazetteer knows nor a country (an outlet "08 September 2006 [14:08] - TODAY.AZ", a
    weekday "Fri, 01/15/2010 - 14:48"). A date line in brackets is read inside them: "(Paris,
    November 8, 2007)" under a ministry's heading."""
    if line[:1] == "(" and line[-1:] == ")" and start > 0 and end < len(line):
        return _stamp_place(line[1:-1], start - 1, end - 1)
    stamp = read_stamp(line)
    if stamp is not None and stamp.place is not None:
        return stamp.place
    before, after = line[:start], line[end:]
    if before.strip() and not after.strip() and before.rstrip().endswith(PLACE_SEPARATORS):
        found = _plausible_place(before.strip(" ,–—-|"))
        return found if found and _known_place(found) else None
    if after.strip() and not before.strip() and after.lstrip().startswith(PLACE_SEPARATORS):
        found = _plausible_place(after.strip(" ,–—-|"))
        return found if found and _known_place(found) else None
    weekday_only = before.strip(" ,").casefold() in WEEKDAY_NAMES
    if (
        after[:1] == " "
        and (weekday_only or not before.strip())
        and line[:end].rstrip().endswith(("m.", "M."))
    ):
        # "Wednesday, January 17, 2024, 9:40 a.m. Ankara, Türkiye" (MOFA Japan): a venue after
        # the time, which is a place when the gazetteer knows its city
        found = _plausible_place(after.strip())
        return found if found and found.city and gazetteer().city(found.city) else None
    return None


def _plausible_place(text: str) -> Place | None:
    """``text`` as a place, unless a word of it names a weekday, an office or a publication
    ("Thursday", "Department Press Briefing", "Fort Russ News")."""
    words = {w.strip(".,").casefold() for w in text.split()}
    if words & NOT_PLACE_WORDS or words & ROLE_WORDS:
        return None
    return place_of(text)
