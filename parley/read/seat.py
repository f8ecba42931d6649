"""Where a government's regular briefing is held when its text names no place: at its seat.

A foreign ministry's spokesperson briefs, and its minister holds regular press conferences, in the
ministry's own press room, in the capital: the State Department's daily briefing in Washington,
MOFA Korea's spokesperson in Seoul, South Africa's DIRCO in Pretoria, the German government's
press conference in Berlin. Their transcripts rarely say so (every reader of the ministry's site
knows where it is), and a text pasted from such a page comes without its address: what it does
say is whose it is. So :func:`seat_of` places a text in the capital of the government it is
from when all of these hold:

- its kind is ``briefing`` or ``news-conference`` and nothing else gave a place;
- neither its title nor its first line tells of a trip or a special occasion ("visit", "trip",
  "tour", "Special", "Extraordinary", "en route", "aboard", "joint", "summit"): a spokesperson
  travelling with the minister briefs wherever they are, and a text that does not say where has
  no place;
- the text names its government (:func:`government_of`), in its head or first paragraphs:

  - an institution with its country's name, any country GeoNames knows: "Ministry of Foreign
    Affairs of Japan", "Government of Pakistan", "Embassy of India", "United States Government",
    "Japan's Foreign Ministry";
  - or an institution whose name does not name its country, listed in ``data/layouts.yaml``
    (``governments``: "U.S. Department of State", "Bundesregierung", "Department of International
    Relations and Cooperation"): one government's own names are data, reviewed there.

  The first such name in the text decides (a briefing names its own government before it
  speaks of others: the head, the spokesperson's title, "the Government of X announces").

The capital is GeoNames' capital of that country (:func:`parley.vocab.gazetteer.countries`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parley.model import DocumentKind, Place
from parley.read.loose import loose
from parley.vocab.gazetteer import countries

#: Kinds of document held at the ministry unless the text says otherwise.
SEATED_KINDS: frozenset[DocumentKind] = frozenset({"briefing", "news-conference"})
# Special Briefing ... on Prime Minister's visit to USA  |  Extraordinary Press Conference
TRIP = re.compile(
    r"(?i:\bvisits?\b|\btrips?\b|\btour\b|\ben route\b|\baboard\b|\bon board\b|\bflight\b"
    r"|\bjoint\b|\bsummit\b)|\bSpecial\b|\bExtraordinary\b"
)
#: How many characters of the text (from its first line) are searched for the government.
SEARCHED = 3000
# Ministry of Foreign Affairs of Japan  |  Government of Pakistan  |  United States Government
INSTITUTION = re.compile(
    r"\b(?:Ministry|Minister|Department|Government|Embassy|Consulate(?:-General)?|Mission)"
    r" (?:of |for )(?:(?:Foreign|External) Affairs (?:of )?)?(?:the )?"
    r"(?P<after>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})"
    r"|(?P<before>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?:['’]s)?"
    r" (?:Foreign Ministry|Ministry of Foreign Affairs|(?i:government)|Embassy)\b"
)
#: Words that start no country's name ("Department of State", "Office of the Spokesperson").
_NOT_COUNTRY = frozenset({"state", "foreign", "external", "public", "international"})


def _country(words: str, *, from_end: bool) -> str | None:
    """The country a run of capitalised words names, trying the longest run first from its
    start ("South Africa Today" -> ZA) or, before an institution, from its end."""
    parts = words.split()
    known = countries()
    for size in range(len(parts), 0, -1):
        run = parts[-size:] if from_end else parts[:size]
        if run[0].casefold() in _NOT_COUNTRY:
            continue
        if code := known.code(" ".join(run)):
            return code
    return None


def government_of(
    text: str, governments: Sequence[tuple[re.Pattern[str], str]] = ()
) -> tuple[str, str] | None:
    """(ISO alpha-2 code, the words that name it) of the first government ``text`` names; see
    the module docstring. ``governments``: ``data/layouts.yaml``'s institutions."""
    found: list[tuple[int, str, str]] = []
    for match in INSTITUTION.finditer(text):
        if match["after"]:
            code = _country(match["after"], from_end=False)
        else:
            code = _country(match["before"], from_end=True)
        if code:
            found.append((match.start(), code, match[0]))
            break
    for pattern, code in governments:
        # loosened first: most texts name none of them (parley.read.loose)
        if loose(pattern).search(text) and (listed := pattern.search(text)):
            found.append((listed.start(), code, listed[0]))
    if not found:
        return None
    _, code, words = min(found)
    return code, words


def seat_of(
    kind: DocumentKind,
    title: str | None,
    text: str,
    governments: Sequence[tuple[re.Pattern[str], str]] = (),
) -> tuple[Place, str] | None:
    """The capital a briefing or press conference of a named government was held in, and the
    words that named the government; None unless the module docstring's conditions hold.
    ``text``: the document's lines from its first, joined (only the first :data:`SEARCHED`
    characters are read)."""
    if kind not in SEATED_KINDS:
        return None
    first_line = text.lstrip().split("\n", 1)[0]
    if any(TRIP.search(line) for line in (title or "", first_line)):
        return None
    named = government_of(text[:SEARCHED], governments)
    if named is None:
        return None
    code, words = named
    capital = countries().capital(code)
    return (Place(city=capital, country=code), words) if capital else None
