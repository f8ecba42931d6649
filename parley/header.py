"""The head of a transcript: title, date, time, place and layout, and the lines that carry them.

:func:`read_head` reads the first lines of a document (after any front matter) and records
every line it uses as ``Dropped(reason="header")`` (or ``chrome``, ``language-line``), so
that no line is lost. Layouts recognised (``Metadata.layout``):

================  ==========================================================================
ministry          [Asset Publisher] / date line "2 July 202117:15" / title / "• en-GB1 ru-RU1"
news              headline / "09:41 GMT 02.07.2021 (Updated: 11:01 GMT 02.07.2021)"
title-date        title / "Thursday, 02 July 2015 09:54", "26 January 2016", "02.07.2021"
embassy-repost    title / "Submitted on Tue, 04/21/2015 - 22:00" / the original title line
kremlin           title / "December 20, 2012, Moscow"
state-department  title / speaker / place / "October 22, 2006" / "(11:00 a.m. EST)"
plain             a lone title line when the first line looks like one, else no title
================  ==========================================================================

The title is then read for what it says about the event: :func:`title_tail` (", Moscow,
July 2, 2021"), :func:`kind_of`, :func:`title_speakers` and :func:`counterparts_in`; the
same person-phrase reader (:func:`read_person`) cleans speaker labels (:func:`person_name`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parley.model import Diagnostic, Dropped, Place

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
_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?"
)

# 2 July 202117:15  |  Thursday, 02 July 2015 09:54  |  26 January 2016
DAY_MONTH_LINE = re.compile(
    rf"^(?:{_WEEKDAY}\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH}),?\s+(?P<year>\d{{4}})"
    r"(?:,?\s*(?P<time>\d{1,2}:\d{2}))?$"
)
# January 26, 2016  |  December 20, 2012, Moscow  |  December 20, 2012, 13:00, The Kremlin, Moscow
MONTH_DAY_LINE = re.compile(
    rf"^(?:{_WEEKDAY}\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
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
# ..., Moscow, July 2, 2021  |  ..., 2 July 2021
TITLE_DATE_TAIL = re.compile(
    rf"(?:\s*,\s*|\s+)(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\s+(?P<year2>\d{{4}}))\.?$"
)
# 17:15  |  9:54
CLOCK = re.compile(r"^(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?$")

#: Whole lines that are site chrome of the ministry's pages, never text.
CHROME_LINES = frozenset({"Asset Publisher", "Additional materials", "Advanced settings"})
#: Lower-case words allowed inside a place name ("Rostov-on-Don" is one word).
PLACE_PARTICLES = frozenset({"de", "del", "la", "le", "am", "upon", "on", "sur", "al", "el"})
#: Words that make a short line under a title a speaker line ("Secretary Condoleezza Rice").
SPEAKER_LINE_ROLES = frozenset(
    {"secretary", "spokesman", "spokesperson", "spokeswoman", "ambassador", "minister",
     "president", "deputy", "assistant", "under", "director", "counselor", "advisor"}
)  # fmt: skip
#: How many header lines may follow the title before the body starts.
_BLOCK_LIMIT = 8
#: A title is at most this long (a longer first line is text).
TITLE_MAX = 400
#: Line endings that make a first line a sentence rather than a lone title.
_SENTENCE_END = tuple(".,;:!?…")


@dataclass(frozen=True, slots=True)
class Stamp:
    """What one dated header line says."""

    form: str
    """``date``, ``numeric``, ``news``, ``submitted``, ``clock`` or ``language``."""
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


@dataclass(frozen=True, slots=True)
class Head:
    """What the head of a document says, and which lines it used."""

    layout: str
    """See the table in the module docstring."""
    title: str | None = None
    """The title line, whitespace folded; None when no line looks like a title."""
    title_line: int = 0
    """1-based line of the title; 0 without one."""
    original_title: str | None = None
    """The original title line of an embassy repost (under "Submitted on ...")."""
    date: str | None = None
    """ISO date from a date line, else from the end of the title."""
    time: str | None = None
    """``HH:MM`` from a date, stamp or clock line."""
    timezone: str | None = None
    """Time zone written in the head ("GMT", "EST"); implied zones are left to the reader."""
    place: Place | None = None
    """Place from a place or date line, else from the end of the title."""
    speaker: str | None = None
    """Speaker line of a State Department transcript, as written ("Secretary Condoleezza Rice")."""
    languages: tuple[str, ...] = ()
    """Tags of the language line."""
    dropped: tuple[Dropped, ...] = ()
    """The lines used, in order."""
    body_start: int = 0
    """Index (0-based) of the first line after the head."""
    problems: tuple[Diagnostic, ...] = ()
    """``bad-date`` warnings."""


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
    """A place written as "Moscow", "New York" or "Moscow, Russia"; None for anything else."""
    parts = [part.strip() for part in text.split(",")]
    if not 1 <= len(parts) <= 2 or len(text) > 60:
        return None
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
            return None
        for word in words:
            if word not in PLACE_PARTICLES and not (word[:1].isupper() and _wordlike(word)):
                return None
    return Place(city=parts[0], country_text=parts[1] if len(parts) == 2 else None)


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


def title_tail(title: str) -> tuple[str, Place | None, str | None]:
    """Split ", Moscow, July 2, 2021" off a title: ``(rest, place, date)``."""
    match = TITLE_DATE_TAIL.search(title)
    if match is None:
        return title, None, None
    if match["year"]:
        date = iso_date(match["year"], match["month"], match["day"])
    else:
        date = iso_date(match["year2"], match["month2"], match["day2"])
    rest = title[: match.start()].rstrip(" ,")
    head, _, last = rest.rpartition(",")
    place = place_of(last.strip()) if head else None
    return (head.rstrip(" ,") if place else rest), place, date


def looks_like_title(line: str, *, lone: bool) -> bool:
    """Whether a line can be a title; a ``lone`` title (no date line next to it) must also
    have two words or more, not end like a sentence and not start like a label ("Lavrov: ...")."""
    if not line or len(line) > TITLE_MAX or line[0] in "©*•" or line in CHROME_LINES:
        return False
    if read_stamp(line) is not None:
        return False
    return not lone or (
        len(line) <= 200
        and not line.endswith(_SENTENCE_END)
        and " " in line
        and not _label_like(line)
    )


def _label_like(line: str) -> bool:
    """Whether a line starts like a turn label: at most six words, then ": "."""
    return ": " in line and len(line.split(": ", 1)[0].split()) <= 6


def _form(item: Stamp | str) -> str:
    return item.form if isinstance(item, Stamp) else item


def _next_text(lines: Sequence[str], index: int) -> int:
    """Index of the first non-blank line at or after ``index`` (``len(lines)`` if none)."""
    while index < len(lines) and not lines[index]:
        index += 1
    return index


def _is_speaker_line(line: str) -> bool:
    words = line.replace(",", " ").split()
    return place_of(line.replace(",", " ")) is not None and any(
        w.lower() in SPEAKER_LINE_ROLES for w in words
    )


def read_head(lines: Sequence[str], start: int, path: str, *, title_known: bool = False) -> Head:
    """Read the head of ``lines`` (whitespace-folded, one per source line) from ``start``.

    ``title_known`` (front matter gave a title) stops a lone first line from being taken as
    the title: only a line proven by a date line next to it is.
    """
    dropped: list[Dropped] = []
    i = _next_text(lines, start)
    while i < len(lines) and lines[i] in CHROME_LINES:
        dropped.append(Dropped(i + 1, lines[i], "chrome"))
        i = _next_text(lines, i + 1)
    if i >= len(lines):
        return Head("plain", dropped=tuple(dropped), body_start=i)
    first = read_stamp(lines[i])
    if first is not None and first.form in ("date", "numeric"):
        stamps = [(i, first)]
        title_index = _next_text(lines, i + 1)
        title = lines[title_index] if title_index < len(lines) else ""
        if looks_like_title(title, lone=False) and not _label_like(title):
            block, end = _scan_block(lines, _next_text(lines, title_index + 1))
            return _head(lines, path, "ministry", title_index, stamps + block, end, dropped)
        block, end = _scan_block(lines, title_index)
        layout = "ministry" if any(_form(item) == "language" for _, item in block) else "plain"
        return _head(lines, path, layout, None, stamps + block, max(end, i + 1), dropped)
    if looks_like_title(lines[i], lone=False):
        block, end = _scan_block(lines, _next_text(lines, i + 1))
        if any(not isinstance(item, str) for _, item in block):
            return _head(lines, path, _layout(block), i, block, end, dropped)
        following = _next_text(lines, i + 1)
        if not title_known and following < len(lines) and looks_like_title(lines[i], lone=True):
            return _head(lines, path, "plain", i, [], following, dropped)
    return Head("plain", dropped=tuple(dropped), body_start=i)


def _scan_block(lines: Sequence[str], i: int) -> tuple[list[tuple[int, Stamp | str]], int]:
    """The header lines under a title: stamps, plus speaker and place lines (``str`` items,
    "speaker" or "place", or "original" for an embassy repost's original title), kept only
    when a stamp follows them. Returns the items and the index where the body starts."""
    items: list[tuple[int, Stamp | str]] = []
    pending: list[tuple[int, Stamp | str]] = []
    end = i
    while i < len(lines) and len(items) + len(pending) < _BLOCK_LIMIT:
        line = lines[i]
        stamp = read_stamp(line)
        if stamp is not None:
            items += [*pending, (i, stamp)]
            pending = []
        elif items and isinstance(items[-1][1], Stamp) and items[-1][1].form == "submitted":
            if not looks_like_title(line, lone=True):
                break
            items.append((i, "original"))
        elif len(pending) < 2 and place_of(line) is not None:
            pending.append((i, "speaker" if _is_speaker_line(line) else "place"))
        elif len(pending) < 2 and _is_speaker_line(line):
            pending.append((i, "speaker"))
        else:
            break
        if not pending:
            end = i + 1
        i = _next_text(lines, i + 1)
    return items, end


def _layout(block: list[tuple[int, Stamp | str]]) -> str:
    """The layout a block of header lines under a title shows."""
    forms = {_form(item) for _, item in block}
    if "news" in forms:
        return "news"
    if "submitted" in forms:
        return "embassy-repost"
    if "clock" in forms or "speaker" in forms:
        return "state-department"
    if any(isinstance(item, Stamp) and item.place for _, item in block):
        return "kremlin"
    if "language" in forms:
        return "ministry"
    return "title-date"


def _head(
    lines: Sequence[str],
    path: str,
    layout: str,
    title_index: int | None,
    block: list[tuple[int, Stamp | str]],
    end: int,
    dropped: list[Dropped],
) -> Head:
    """Assemble a :class:`Head` from the title and the header lines found around it."""
    date = time = zone = speaker = original = None
    place: Place | None = None
    languages: tuple[str, ...] = ()
    problems: list[Diagnostic] = []
    used = dict(block)
    if title_index is not None:
        used[title_index] = "title"
    for index in sorted(used):
        item = used[index]
        line = lines[index]
        reason = (
            "language-line" if isinstance(item, Stamp) and item.form == "language" else "header"
        )
        dropped.append(Dropped(index + 1, line, reason))
        if isinstance(item, str):
            speaker = line if item == "speaker" else speaker
            place = place_of(line) if item == "place" and place is None else place
            original = line if item == "original" else original
            continue
        if item.invalid:
            problems.append(
                Diagnostic(
                    path,
                    index + 1,
                    "warning",
                    "bad-date",
                    f'"{line}" looks like a date, but no such day exists',
                    "correct the date line",
                )
            )
        date = date or item.date
        time = time or item.time
        zone = zone or item.zone
        place = place or item.place
        languages = languages or item.languages
    title = lines[title_index] if title_index is not None else None
    if title is not None:
        _, title_place, title_date = title_tail(original or title)
        if date is None and not problems:
            date = title_date
        place = place or title_place
    return Head(
        layout=layout,
        title=title,
        title_line=title_index + 1 if title_index is not None else 0,
        original_title=original,
        date=date,
        time=time,
        timezone=zone,
        place=place,
        speaker=speaker,
        languages=languages,
        dropped=tuple(sorted(dropped, key=lambda d: d.line)),
        body_start=max(end, title_index + 1 if title_index is not None else 0),
        problems=tuple(problems),
    )


# The kind of event a title names, first match wins:
# "... at a joint news conference ..." | "Remarks With Russian Foreign Minister ..." |
# "Interview ..." | "Briefing by ..." | "Speech at ..." | "Statement by ..."
KIND_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:news|press) conference|\bpress availability|\bjoint press\b"
                r"|\bremarks with\b", re.I), "news-conference"),
    (re.compile(r"\binterview", re.I), "interview"),
    (re.compile(r"\bbriefing", re.I), "briefing"),
    (re.compile(r"\b(?:speech|address|lecture)\b|\bremarks (?:at|to|before|during)\b", re.I),
     "speech"),
    (re.compile(r"^(?!.*\banswers to (?:media )?questions).*\bstatements?\b", re.I), "statement"),
    (re.compile(r"\banswers to (?:media )?questions", re.I), "news-conference"),
)  # fmt: skip
# Foreign Minister Sergey Lavrov’s remarks -> "Foreign", "Minister", "Sergey", "Lavrov’s"
TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»]+|[,;:()\[\]\"“”«»]")
# "... news conference with Israeli Foreign Minister Gabriel Ashkenazi"
WITH = re.compile(r"\bwith\s+", re.I)
# "... following talks with Bahraini Foreign Minister ..." (in the text of a news article)
TALKS_WITH = re.compile(r"\b(?:talks|meeting|met|consultations|conversation)\s+with\s+", re.I)

#: A person phrase is sought in at most this many characters after "with" ...
PHRASE_MAX = 300
#: ... and at most this many words before the head of a role.
PHRASE_TOKENS = 12
#: Words of a role or office, lower case ("Deputy Prime Minister and Minister of ...").
ROLE_WORDS = frozenset(
    (
        "minister", "ministers", "ministry", "foreign", "prime", "deputy", "first", "president",
        "vice", "secretary", "general", "chancellor", "federal", "affairs", "expatriates", "state",
        "relations", "international", "cooperation", "emigrants", "defence", "defense", "chairman",
        "chairwoman", "chair", "head", "high", "representative", "special", "envoy", "acting",
        "senior", "spokesperson", "spokesman", "spokeswoman", "director", "under", "assistant",
        "commissioner", "ambassador", "king", "crown", "prince", "emir", "sultan", "premier", "mr",
        "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."
    )
)  # fmt: skip
#: Role words that head a role ("Minister", not "Foreign"): where a person phrase is sought.
ROLE_HEADS = frozenset(
    (
        "minister", "president", "spokesperson", "spokesman", "spokeswoman", "secretary",
        "chancellor", "premier"
    )
)  # fmt: skip
#: Lower-case words inside a person's name ("Abdullatif bin Rashid Alzayani").
NAME_PARTICLES = frozenset(
    (
        "bin", "bint", "ibn", "al", "el", "de", "del", "da", "di", "du", "van", "von", "der", "den",
        "la", "le", "abu"
    )
)  # fmt: skip
#: Capitalised words that end a name in a Title-Case title ("Sergey Lavrov After Their Meeting").
NAME_STOPS = frozenset(
    (
        "after", "before", "at", "in", "on", "during", "following", "their", "his", "her", "its",
        "the", "to", "for", "from", "with", "and", "of", "a", "an", "ahead", "upon", "regarding",
        "about", "over", "via", "by", "amid", "between", "meeting", "meetings", "talks", "news",
        "press", "conference", "remarks", "interview", "statement", "answers", "visit", "joint",
        "says", "said"
    )
)  # fmt: skip
#: Words that end a country's name introduced by "the" ("the Syrian Arab Republic").
COUNTRY_ENDS = frozenset(
    (
        "republic", "emirates", "states", "kingdom", "federation", "netherlands", "union",
        "islands", "nations", "philippines", "bahamas", "gambia", "maldives", "comoros",
        "seychelles"
    )
)  # fmt: skip
#: Country names of several words that "of" introduces without "the" ("of Saudi Arabia").
COUNTRY_PHRASES = tuple(
    tuple(name.split())
    for name in (
        "bosnia and herzegovina", "trinidad and tobago", "antigua and barbuda",
        "sao tome and principe", "saint kitts and nevis", "papua new guinea",
        "saudi arabia", "south africa", "new zealand", "sri lanka", "north korea",
        "south korea", "costa rica", "el salvador", "burkina faso", "sierra leone",
        "united kingdom", "united states", "czech republic", "dominican republic",
        "north macedonia", "south sudan", "san marino", "equatorial guinea", "cabo verde",
        "cape verde", "viet nam", "hong kong", "puerto rico", "marshall islands",
        "solomon islands", "united arab emirates", "central african republic",
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Person:
    """A person phrase read from tokens: "[Demonym] Role [of Country] Name"."""

    name: str
    """The name, possessive removed ("Sergey Lavrov"); "" when the phrase has none."""
    role: str
    """The role as written ("Foreign Minister"), or ""."""
    country_text: str
    """The country as written: a demonym ("Israeli") or after "of" ("the Kingdom of Bahrain")."""
    end: int
    """Index of the first token after the phrase."""


def kind_of(title: str) -> str:
    """The kind of event (:data:`parley.model.KINDS`) a title names; ``other`` if none."""
    for pattern, kind in KIND_RULES:
        if pattern.search(title):
            return kind
    return "other"


def _capital(token: str) -> bool:
    return token[:1].isupper()


def _role(token: str) -> bool:
    return token.lower() in ROLE_WORDS


def _stop(token: str) -> bool:
    return token.lower() in NAME_STOPS


def _possessive(token: str) -> str | None:
    """ "Lavrov’s" -> "Lavrov"; None when the token is not possessive."""
    return token[:-2] if len(token) > 2 and token[-2:] in ("’s", "'s") else None


def _country_end(tokens: Sequence[str], k: int) -> int:
    """Index after the country name that starts at ``tokens[k]`` (after "of")."""
    lower = [t.lower() for t in tokens]
    the = k < len(tokens) and lower[k] == "the"
    start = k + 1 if the else k
    run = start
    while run < len(tokens) and (_capital(tokens[run]) or lower[run] in ("of", "the")):
        run += 1
    for phrase in sorted(COUNTRY_PHRASES, key=len, reverse=True):
        if tuple(lower[start : start + len(phrase)]) == phrase:
            return start + len(phrase)
    if the:
        inner = [i for i in range(start, run - 1) if lower[i] == "of"]
        if inner:
            after = inner[-1] + 1 + (lower[inner[-1] + 1] == "the")
            for phrase in COUNTRY_PHRASES:
                if tuple(lower[after : after + len(phrase)]) == phrase:
                    return after + len(phrase)
            return min(after + 1, run)
        ends = [i for i in range(start, run) if lower[i] in COUNTRY_ENDS]
        if ends:
            return ends[-1] + 1
    return min(start + 1, len(tokens))


def read_person(tokens: Sequence[str], i: int) -> Person:
    """Read "[Demonym] Role [of Country] Name" from ``tokens[i:]``; any part may be empty."""
    n = len(tokens)
    j = i
    while j < n and _capital(tokens[j]) and not _role(tokens[j]) and not _stop(tokens[j]):
        j += 1
    if j == i or j >= n or not _role(tokens[j]):
        j = i
    k = j
    while k < n and (
        _role(tokens[k])
        or (
            k > j
            and tokens[k].lower() in ("of", "for", "and")
            and k + 1 < n
            and _role(tokens[k + 1])
        )
    ):
        k += 1
    country, role = tokens[i:j], " ".join(tokens[j:k])
    if k > j and j == i and k < n and tokens[k].lower() == "of":
        end = _country_end(tokens, k + 1)
        country, k = tokens[k + 1 : end], end
    name: list[str] = []
    m = k
    while m < n:
        token = tokens[m]
        bare = _possessive(token) or token
        particle = token.lower() in NAME_PARTICLES and m + 1 < n and _capital(tokens[m + 1])
        if not particle and not (_capital(bare) and not _stop(bare) and not _role(bare)):
            break
        name.append(bare)
        m += 1
        if bare is not token:
            break
    return Person(" ".join(name), role, " ".join(country), m)


def person_name(label: str) -> str:
    """A speaker's name from a label: role words removed, upper case made title case.

    "President of Russia Vladimir Putin" -> "Vladimir Putin"; "SECRETARY RICE" -> "Rice".
    """
    tokens = TOKEN.findall(label)
    person = read_person(tokens, 0) if tokens else None
    whole = person is not None and (person.end == len(tokens) or tokens[person.end] == ",")
    name = person.name if person and person.name and whole else label
    return name.title() if name.isupper() else name


def read_counterparts(tokens: Sequence[str]) -> tuple[Person, ...]:
    """The people named from the start of ``tokens``, joined by "and"; each needs a role."""
    found: list[Person] = []
    i = 0
    while i < len(tokens):
        person = read_person(tokens, i)
        if not (person.name and person.role):
            break
        found.append(person)
        i = person.end
        if i >= len(tokens) or tokens[i].lower() != "and":
            break
        i += 1
    return tuple(found)


def counterparts_in(text: str, *, pattern: re.Pattern[str] = WITH) -> tuple[Person, ...]:
    """The counterparts named after the first "with" (``pattern``) that introduces any."""
    for match in pattern.finditer(text):
        found = read_counterparts(TOKEN.findall(text[match.end() : match.end() + PHRASE_MAX]))
        if found:
            return found
    return ()


def role_names(text: str, *, min_words: int = 1) -> list[Person]:
    """Every "[Demonym] Role Name" phrase in ``text`` whose role has a head ("Minister")."""
    tokens = TOKEN.findall(text)
    found: list[Person] = []
    h = 0
    while h < len(tokens):
        if tokens[h].lower() not in ROLE_HEADS or not _capital(tokens[h]):
            h += 1
            continue
        start = h
        while (
            start > max(0, h - PHRASE_TOKENS)
            and _capital(tokens[start - 1])
            and not _stop(tokens[start - 1])
        ):
            start -= 1
        person = read_person(tokens, start)
        if person.role and len(person.name.split()) >= min_words:
            found.append(person)
        h = max(person.end, h + 1)
    return found


def title_speakers(title: str) -> tuple[str, ...]:
    """The main speaker a title names: "Foreign Minister Sergey Lavrov’s remarks ...",
    "Briefing by Foreign Ministry Spokesperson Maria Zakharova", "Lavrov interview"."""
    head = WITH.split(title, maxsplit=1)[0]
    tokens = TOKEN.findall(head)
    for index, token in enumerate(tokens):
        if _possessive(token) is None:
            continue
        start = index
        while start > 0 and (
            _capital(tokens[start - 1]) or tokens[start - 1].lower() in ("of", *NAME_PARTICLES)
        ):
            start -= 1
        person = read_person(tokens, start)
        words = len(person.name.split())
        if person.name and (person.role or (start == 0 and 2 <= words <= 4)):
            return (person.name,)
    named = role_names(head)
    return (named[0].name,) if named else ()
