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

Each dated line is read by :func:`parley.read.dates.read_stamp`. The title is then read for what
it says about the event (:mod:`parley.read.titles`:
:func:`~parley.read.titles.title_tail` ", Moscow, July 2, 2021",
:func:`~parley.read.titles.kind_of`, :func:`~parley.read.titles.title_speakers`) and the
people it names (:mod:`parley.read.persons`: :func:`~parley.read.persons.counterparts_in`); the same
person-phrase reader cleans speaker labels (:func:`~parley.read.persons.person_name`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parley.diagnostics import BAD_DATE
from parley.model import Diagnostic, Dropped, Place
from parley.read.dates import (
    FOUR_DIGITS,
    Stamp,
    find_stamp,
    hijri_after,
    named_place,
    place_of,
    read_stamp,
)
from parley.read.titles import title_tail
from parley.vocab.gazetteer import gazetteer

#: Whole lines that are site chrome of the ministry's pages, never text.
CHROME_LINES = frozenset({"Asset Publisher", "Additional materials", "Advanced settings"})
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
    found_on: tuple[tuple[str, int], ...] = ()
    """(field, 1-based line) of the header line each of date, time, timezone, place came from."""


def looks_like_title(line: str, *, lone: bool, later: Sequence[str] = ()) -> bool:
    """Whether a line can be a title; a ``lone`` title (no date line next to it) must also
    have two words or more, not end like a sentence and not start like a label ("Lavrov: ...")
    unless it is a headline with a kicker whose label opens none of the ``later`` lines."""
    if not line or len(line) > TITLE_MAX or line[0] in "©*•" or line in CHROME_LINES:
        return False
    if read_stamp(line) is not None or _timed_stamp(line):
        return False
    return not lone or (
        len(line) <= 200
        and not line.endswith(_SENTENCE_END)
        and " " in line
        and not _label_like(line, later)
    )


#: A line holding a date with its time is a stamp line at most this long.
STAMP_LINE_MAX = 100


def _timed_stamp(line: str) -> bool:
    """Whether a short line holds a date written with its time: a publication stamp ("Page last
    updated at 12:17 GMT, Saturday, 7 March 2009", "Published: Mon DD, YYYY HH:MM PM"), never a
    title, whatever words come before the date."""
    if len(line) > STAMP_LINE_MAX or not FOUR_DIGITS.search(line):
        return False
    found = find_stamp(line)
    return found is not None and found.stamp.time is not None


def _label_like(line: str, later: Sequence[str] = ()) -> bool:
    """Whether a line starts like a turn label: at most six words, then ": ", unless it reads as
    a headline with a kicker ("ROUNDUP: Clinton and Lavrov reset ties", "Davutoglu: no country
    can warn Turkey"): three words or more after the colon, not ending like a sentence nor
    asking, a kicker without a comma ("Name, Host:" is a label) that opens no other of the
    ``later`` lines (a speaker's label recurs; a repeated headline is the same line)."""
    if ": " not in line:
        return False
    label, rest = line.split(": ", 1)
    if len(label.split()) > 6:
        return False
    if "," in label or "?" in rest or not _headline(label, rest):
        return True
    opens = f"{label}:"
    return any(other.startswith(opens) and not other.startswith(line) for other in later)


#: Label words that always open a turn, never a headline's kicker.
_TURN_WORDS = frozenset({"question", "q", "answer", "a", "questions"})
#: A headline after a kicker is at least this many words.
_HEADLINE_WORDS = 3
#: Quotation marks that may open a headline's words after its kicker ("Jeyhun Bayramov: ‘The
#: United States highly appreciated Azerbaijan's approach’").
_QUOTES = "‘“'\"«"


def _headline(label: str, rest: str) -> bool:
    """Whether ``rest`` after ``label:`` is a headline, not a turn's words."""
    first = label.split()[0].lower().rstrip(".") if label.split() else ""
    return (
        first not in _TURN_WORDS
        and sum(1 for word in rest.split() if word.lstrip(_QUOTES)[:1].isalpha()) >= _HEADLINE_WORDS
        and rest.lstrip(_QUOTES)[:1].isalpha()
        and not rest.rstrip("\"'”’»").endswith(_SENTENCE_END)
    )


#: Words that make a short first line a heading rather than a place ("Press Conferences").
NOT_PLACE = frozenset(
    {"press", "media", "news", "center", "centre", "conferences", "conference", "briefing",
     "briefings", "transcripts", "transcript", "speeches", "statements", "remarks", "home",
     "interviews", "releases", "events", "settings"}
)  # fmt: skip


#: The fields a date line gives that a title's date of another day makes wrong.
TIMED = ("date", "time", "timezone")


def _place_only(line: str) -> bool:
    """Whether a first line is only a place ("New York", "Moscow, Russia"): a short run of
    capitalised words that no heading word or office is part of, naming a city with its
    country ("Moscow, Russia") or one the gazetteer knows ("New York"); a page's section name
    ("Japan-Germany Relations") is none."""
    words = {w.strip(".,").casefold() for w in line.split()}
    return (
        len(line.split()) <= 3
        and place_of(line) is not None
        and not words & NOT_PLACE
        and not words & SPEAKER_LINE_ROLES
        and ("," in line or gazetteer().city(line.strip()) is not None)
    )


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
    if first is not None and (hijri := hijri_after(lines, i)) is not None:
        # "Sat, 27 Jul 2024" over "( 21 Muharram 1446 )": the site's clock, in both calendars
        dropped += [Dropped(i + 1, lines[i], "clock"), Dropped(hijri + 1, lines[hijri], "clock")]
        i = _next_text(lines, hijri + 1)
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
        if (
            not title_known
            and following < len(lines)
            and looks_like_title(lines[i], lone=True, later=lines[i + 1 :])
        ):
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
    found_on: list[tuple[str, int]] = []
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
            place = named_place(line) if item == "place" and place is None else place
            original = line if item == "original" else original
            continue
        if item.invalid:
            problems.append(
                BAD_DATE.at(
                    path,
                    index + 1,
                    f'"{line}" looks like a date, but no such day exists',
                    "correct the date line",
                )
            )
        for name, value, had in (
            ("date", item.date, date), ("time", item.time, time), ("timezone", item.zone, zone),
            ("place", item.place, place),
        ):  # fmt: skip
            if value and not had:
                found_on.append((name, index + 1))
        date = date or item.date
        time = time or item.time
        zone = zone or item.zone
        place = place or item.place
        languages = languages or item.languages
    if title_index is not None and date and _place_only(lines[title_index]):
        # "New York" / "19 November 2007" / the title: the first line was the place
        place = place or place_of(lines[title_index])
        found_on.append(("place", title_index + 1))
        after = _next_text(lines, end)
        if after < len(lines) and looks_like_title(lines[after], lone=True):
            dropped.append(Dropped(after + 1, lines[after], "header"))
            title_index, end = after, after + 1
        else:
            title_index = None
    title = lines[title_index] if title_index is not None else None
    if title is not None:
        _, title_place, title_date = title_tail(original or title)
        if title_date and date != title_date and not problems:
            # a title ending in its date names the event; a date line of another day is a
            # posting stamp ("... (February 04, 2016)" / "February 05, 2016")
            if date is not None:
                time = zone = None
                found_on = [(name, line) for name, line in found_on if name not in TIMED]
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
        found_on=tuple(found_on),
    )
