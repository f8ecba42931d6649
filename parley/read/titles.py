"""What a title says about the event: its kind, its main speaker, and the place and date at its end.

:func:`kind_of` names the kind of event ("news-conference", "interview", ...),
:func:`title_speakers` the main speaker, and :func:`title_tail` splits ", Moscow, July 2, 2021"
off the end. The people a title names are read by :mod:`parley.read.persons`.
"""

from __future__ import annotations

import re

from parley.model import DocumentKind, Place
from parley.read.dates import MONTH, iso_date, place_of
from parley.read.persons import (
    NAME_PARTICLES,
    TOKEN,
    WITH,
    capitalised,
    possessive,
    read_person,
    role_names,
)
from parley.vocab.gazetteer import countries, gazetteer

# ..., Moscow, July 2, 2021  |  ..., 2 July 2021  |  ..., 15 January 2016, Ankara  |
# ... by Official Spokesperson (February 04, 2016)  |  ... of Russia (Moscow, January 19, 2005)  |
# ... Launches Monthly Briefing to the Media on 4th July 2018 (an ordinal day)  |  Speech ...
# On The 4th Of August, 2009
TITLE_DATE_TAIL = re.compile(
    rf"(?:\s*,\s*|\s+)(?P<open>\()?(?(open)(?:(?P<before>[A-Z][^\W\d][\w'’. -]{{1,40}}),\s*)?)"
    rf"(?:(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?(?P<month2>{MONTH}),?\s+"
    rf"(?P<year2>\d{{4}}))(?(open)\))"
    r"(?:,\s*(?P<after>[A-Z][^\W\d][\w'’. -]{1,40}))?\.?$"
)
# Press release  |  Information for the Press N°: 123  |  MEDIA RELEASE  (a line of its own that
# says what the page is: its issuer's own text, a statement, never a report of one)
ISSUED_LINE = re.compile(
    r"^(?i:press release|media release|information for the press|communiqu[ée] de presse)"
    r"(?:\s*(?:N[°o]\.?|No\.)\s*:?\s*\d*)?\s*$"
)
# The kind of event a title names, first match wins:
# "... at a joint news conference ..." | "Remarks With Russian Foreign Minister ..." |
# "press encounter", "stakeout", "Remarks and Replies to Media Questions" (before "remarks at") |
# "Interview ..." | "Briefing by ..." | "Speech at ..." | "Statement by ..."
KIND_RULES: tuple[tuple[re.Pattern[str], DocumentKind], ...] = (
    (ISSUED_LINE, "statement"),
    (re.compile(r"\b(?:news|press) conference|\b(?:press|media) availability|\bjoint press\b"
                r"|\bremarks with\b|\bpress encounter|\bstakeout\b|\bdoorstop\b"
                r"|\b(?:replies|answers|responses?) to (?:\w+ )?(?:media )?questions", re.I),
     "news-conference"),
    (re.compile(r"\binterview", re.I), "interview"),
    (re.compile(r"\bbriefing", re.I), "briefing"),
    (re.compile(r"\b(?:speech|address|lecture)\b|\bremarks (?:at|to|before|during)\b", re.I),
     "speech"),
    (re.compile(r"^(?!.*\banswers to (?:media )?questions).*\bstatements?\b", re.I), "statement"),
    (re.compile(r"\banswers to (?:media )?questions", re.I), "news-conference"),
)  # fmt: skip


#: Words every rule of :data:`KIND_RULES` needs, one of them at least: a title without any is
#: ``other`` without trying the rules (most head lines). Keep it in step with the rules.
KIND_WORDS = (
    "conference", "availability", "joint press", "remarks", "interview", "briefing", "speech",
    "address", "lecture", "statement", "answers to", "encounter", "stakeout", "doorstop",
    "questions", "release", "information for the press", "communiqu",
)  # fmt: skip
# The same, for a title that is not ASCII (where case-insensitive matching is not str.lower()).
KIND_WORDS_ANY = re.compile("|".join(KIND_WORDS), re.I)


def _may_name_kind(title: str) -> bool:
    if title.isascii():
        lowered = title.lower()
        return any(word in lowered for word in KIND_WORDS)
    return KIND_WORDS_ANY.search(title) is not None


def kind_of(title: str) -> DocumentKind:
    """The kind of event (:data:`parley.model.KINDS`) a title names; ``other`` if none. A line
    that only says the page is a press release (:data:`ISSUED_LINE`) names a statement."""
    if not _may_name_kind(title):
        return "other"
    for pattern, kind in KIND_RULES:
        if pattern.search(title):
            return kind
    return "other"


def title_tail(title: str) -> tuple[str, Place | None, str | None]:
    """Split ", Moscow, July 2, 2021" off a title: ``(rest, place, date)``."""
    if not _ends_in_year(title):
        return title, None, None
    match = _date_tail(title)
    if match is None:
        return title, None, None
    if match["year"]:
        date = iso_date(match["year"], match["month"], match["day"])
    else:
        date = iso_date(match["year2"], match["month2"], match["day2"])
    rest = title[: match.start()].rstrip(" ,")
    if match["before"]:  # "... of Russia (Moscow, January 19, 2005)"
        return rest, place_of(match["before"].strip()), date
    if match["after"]:
        return rest, place_of(match["after"].strip()), date
    head, _, last = rest.rpartition(",")
    place = place_of(last.strip()) if head else None
    return (head.rstrip(" ,") if place else rest), place, date


#: A place after a title's date (", Ankara") is at most this long (as :data:`TITLE_DATE_TAIL`).
PLACE_AFTER_MAX = 43
#: A date tail is at most 23 characters long when its spaces are single ("  , September 30,
#: 2021." is 23), 25 in brackets, and a place after it at most :data:`PLACE_AFTER_MAX`; a title's
#: last characters are searched first, from this far before its end.
TAIL_WINDOW = 25 + PLACE_AFTER_MAX
# two spaces in a row: a longer date tail could start before the window
DOUBLE_SPACE = re.compile(r"\s\s")


def _date_tail(title: str) -> re.Match[str] | None:
    """:data:`TITLE_DATE_TAIL` searched in ``title``: only in its last :data:`TAIL_WINDOW`
    characters when they hold no two spaces in a row (then no match can start earlier, and
    the first match is the same). Searching every position of a long title is the slow part."""
    start = len(title) - TAIL_WINDOW
    if start > 0 and DOUBLE_SPACE.search(title, start) is None:
        return TITLE_DATE_TAIL.search(title, start)
    return TITLE_DATE_TAIL.search(title)


def _ends_in_year(text: str) -> bool:
    """Whether ``text`` can end as :data:`TITLE_DATE_TAIL` needs: four digits, then maybe a
    closing bracket, a full stop (and for ``$`` a final line break), or four digits then a
    place (", Ankara"). A cheap test before the search, which tries every position of the
    text."""
    text = text[:-1] if text.endswith("\n") else text
    text = text[:-1] if text.endswith(".") else text
    text = text[:-1] if text.endswith(")") else text
    if len(text) >= 4 and text[-4:].isdigit():
        return True
    head, comma, place = text.rpartition(",")
    return bool(comma) and len(place) <= PLACE_AFTER_MAX and head[-4:].isdigit()


def title_speakers(title: str) -> tuple[str, ...]:
    """The main speaker a title names: "Foreign Minister Sergey Lavrov’s remarks ...",
    "Briefing by Foreign Ministry Spokesperson Maria Zakharova", "Lavrov interview"."""
    head = WITH.split(title, maxsplit=1)[0]
    tokens = TOKEN.findall(head)
    for index, token in enumerate(tokens):
        if possessive(token) is None:
            continue
        start = index
        while start > 0 and (
            capitalised(tokens[start - 1]) or tokens[start - 1].lower() in ("of", *NAME_PARTICLES)
        ):
            start -= 1
        person = read_person(tokens, start)
        words = len(person.name.split())
        if person.name and (person.role or (start == 0 and 2 <= words <= 4)):
            return (person.name,)
    named = role_names(head)
    if named:
        return (named[0].name,)
    # Ned Price, State Department Spokesperson, led a discussion ...  (name, comma, office)
    apposed = NAME_THEN_OFFICE.match(head)
    if apposed:
        return (apposed["name"],)
    # Record of the Press Briefing by Spokesman on 24 February 2012 (the office, nobody named)
    office = BY_SPOKESPERSON.search(head)
    return (office["office"],) if office else ()


# Ned Price, State Department Spokesperson, ...  |  Stéphane Dujarric, Spokesman for the ...
NAME_THEN_OFFICE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}), (?:[A-Z][\w-]+ ){0,4}"
    r"(?:Spokesperson|Spokesman|Spokeswoman|Minister|Secretary|President|Secretary-General)\b"
)


# ... Briefing by Spokesman on 24 February 2012  |  ... Press Briefing by the Spokesperson on ...
# (a briefing whose title names its spokesperson by the office alone: the office speaks)
BY_SPOKESPERSON = re.compile(
    r"\b[Bb]y (?:the )?(?P<office>Spokes(?:person|man|woman))(?= on\b| of\b|,|$)"
)


# Doorstop, London, United Kingdom  |  AFR Business Summit - Sydney, New South Wales - 12/03/2024
TITLE_SEGMENTS = re.compile(r"\s+[-–—|]\s+")
# 12/03/2024  |  12 March 2024  |  March 12, 2024 (a title segment that is only a date)
DATE_SEGMENT = re.compile(rf"^(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{4}}|\d{{1,2}} {MONTH} \d{{4}}"
                          rf"|{MONTH} \d{{1,2}}, \d{{4}})$")  # fmt: skip


# ... Interview with Doordarshan TV in New Delhi  |  Press Conference in Tokyo
IN_CITY_END = re.compile(r"\bin (?P<city>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})$")


def title_place(title: str) -> Place | None:
    """The place a title names at its end ("... in New Delhi, 17 June 2022", its date aside,
    when the gazetteer knows the city and it is no country), or without "in": its last part,
    separated by commas or dashes, a city the gazetteer knows and not the whole title, with the
    country or state written after it ("Doorstop, London, United Kingdom" (DFAT), "AFR Business
    Summit - Sydney, New South Wales - 12/03/2024", "Interview ..., Ankara"). Publishers name
    the place of a press event this way in the page title; a city alone at a title's end is one
    (a name or an office is not a city of the gazetteer, and a country alone names no city)."""
    rest = title_tail(title)[0]
    if (
        " in " in rest
        and (inside := IN_CITY_END.search(rest.rstrip(" ,.")))
        and not countries().is_country(inside["city"])
        and gazetteer().city(inside["city"]) is not None
    ):
        return Place(city=inside["city"])  # "... Interview with Doordarshan TV in New Delhi"
    if "," not in title and not TITLE_SEGMENTS.search(title):
        return None
    segments = TITLE_SEGMENTS.split(title.strip().rstrip("."))
    while segments and DATE_SEGMENT.match(segments[-1].strip()):
        segments.pop()
    if not segments:
        return None
    parts = [part.strip() for part in segments[-1].split(",")]
    if len(segments) == 1 and len(parts) == 1:
        return None  # the whole title
    known = gazetteer()
    for city_at in (len(parts) - 2, len(parts) - 1):
        if city_at < 0 or (city_at == 0 and len(segments) == 1):
            continue
        city = parts[city_at]
        region = parts[city_at + 1] if city_at + 1 < len(parts) else None
        if place_of(city) is None or known.city(city) is None:
            continue
        if region is not None and place_of(region) is None:
            continue
        return Place(city=city, country_text=region)
    return None
