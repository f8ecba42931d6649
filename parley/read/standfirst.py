"""Standfirsts: the line under a transcript's title that says who spoke, and where.

Government and UN pages put one sentence between the title and the words spoken, naming the
event, its speaker and often its place, in a few shapes that every publisher uses:

- "<event> [made|given|delivered] by <person>": "The speech made by Rishi Sunak, the Prime
  Minister, in Japan on 21 May 2023." / "... transcript of today's noon briefing by Stéphane
  Dujarric, Spokesman for the Secretary-General." (the name, its office before or after it);
- "<person>'s <event>": "Prime Minister Rishi Sunak's remarks at the G7 press conference" /
  "Following is the transcript of UN Secretary-General António Guterres' press conference, in
  New York today" / a title "Prime Minister's remarks at Downing Street" (an office alone stands
  for itself: the page never names its holder);
- "<person> delivered|made|gave the following <event>": "Prime Minister Boris Johnson delivered
  the following statement on Downing Street."
- "interview with <office> <person>": "Trend News written interview with the newly appointed OSCE
  chairman-in-office, Greek foreign minister Dora Bakoyyanis." (the one interviewed).

where <event> is a speech, statement, remarks, address, briefing, press or news conference,
interview or transcript. The place is a venue the layouts file names ("on Downing Street" is
London) or a city the gazetteer knows after "in", "at" or "on" in that sentence; a country ("in
Japan") says no city. :func:`read_standfirst` reads the title and the first paragraphs; the
reader uses it only for a document whose speaker (or place) nothing else gave: labels, the title
and the head come first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parley.read.persons import (
    ROLE_HEADS,
    ROLE_WORDS,
    TOKEN,
    office_after,
    read_person,
    skip_honorifics,
)
from parley.vocab.gazetteer import countries, gazetteer

#: The standfirst is among this many first paragraphs of text (of at least this many characters).
STANDFIRST_PARAGRAPHS = 2
STANDFIRST_MIN_CHARS = 30
_EVENT = (
    r"(?:speech|statement|remarks|address|briefing|press conference|news conference|"
    r"press encounter|interview|transcript|lecture)"
)
# opening remarks  |  a keynote speech  (a word saying which of the event's parts it was)
_OF_EVENT = r"(?i:opening|closing|keynote|final|joint|short|brief)"
# noon briefing by Stéphane Dujarric  |  The speech made by Rishi Sunak
BY = re.compile(rf"\b{_EVENT}\b[^.:;]{{0,40}}?\b(?:made |given |delivered )?by (?P<rest>.+)", re.I)
# Prime Minister Rishi Sunak's remarks  |  António Guterres’ press conference  (the marker is
# found first, then the words before it: a pattern starting at every word would be slow)
POSSESSIVE_AT = re.compile(rf"(?:['’]s|['’]) (?:{_OF_EVENT} )?{_EVENT}\b")
# Prime Minister Boris Johnson delivered the following statement  |  The Foreign Secretary gave an
# opening statement at a press conference with ... in Moscow.
DELIVERED_AT = re.compile(
    rf" (?:delivered|made|gave) (?:the following|a|an|his|her)(?: {_OF_EVENT})? {_EVENT}\b"
)
# Trend News written interview with ..., Greek foreign minister Dora Bakoyyanis.  |  ... Interviews
# Egyptian Foreign Minister Ahmed Aboul Gheit  (the one interviewed: an office, then the name)
INTERVIEW_WITH = re.compile(
    r"\b[Ii]nterview(?:s| with)\b[^.;:]{0,80}?\b(?i:minister|president|secretary|"
    r"spokes(?:person|man|woman)|chancellor|premier|envoy|ambassador|chair(?:man|person)"
    r"(?:-in-office)?)\b,? (?P<name>[A-Z][\w'’-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})"
)
#: A speaker's phrase before "'s remarks" or "delivered" has at most this many words.
WHO_WORDS = 8
# on Downing Street  |  in New York today  |  at United Nations Headquarters
AT_PLACE = re.compile(r"\b(?:in|at|on) (?:the )?(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")
_LEADING = re.compile(r"^(?:.*\b(?:of|by|from|is|are)\s+)?(?:today['’]s |the )?", re.I)


@dataclass(frozen=True, slots=True)
class Standfirst:
    """Who spoke and where, as the line under a title says."""

    speaker: str | None
    """A name ("Rishi Sunak"), or an office alone ("Prime Minister")."""
    place: str | None
    """A city (a venue already turned into its city)."""
    line: int
    """Index of the text it was read from (0 for the title, 1 for the first paragraph ...)."""


def _who(words: str) -> str | None:
    """The person a phrase names: "UN Secretary-General António Guterres" -> the name; an
    office alone ("Prime Minister") -> the office; anything else -> None."""
    text = _LEADING.sub("", words.strip().rsplit(": ", 1)[-1])
    tokens = TOKEN.findall(text)
    start = skip_honorifics(tokens, 0)
    person = read_person(tokens, start)
    if person.end != len(tokens) or not tokens:
        return None
    if person.name and len(person.name.split()) >= 2:
        return person.name
    office = " ".join(tokens[start:])
    if not person.name and any(w.lower() in ROLE_HEADS for w in tokens[start:]):
        return office if all(t.lower() in ROLE_WORDS for t in tokens[start:]) else None
    return None


def _said_at(text: str) -> int | None:
    """Where "<person>'s <event>" or "<person> delivered the following <event>" has its
    person end, or None (cheap tests first: most paragraphs have neither)."""
    delivered = " delivered " in text or " made " in text or " gave " in text
    if delivered and (found := DELIVERED_AT.search(text)) is not None:
        return found.start()
    marked = "’" in text or "'" in text
    if marked and (found := POSSESSIVE_AT.search(text)) is not None:
        return found.start()
    return None


def _is_office(words: str) -> bool:
    """Whether a speaker read is an office alone ("Prime Minister"), not a name."""
    return all(w.lower() in ROLE_WORDS for w in words.split())


def _after_by(rest: str) -> str | None:
    """The person after "by": a name with its office before ("UN Secretary-General António
    Guterres") or after it ("Stéphane Dujarric, Spokesman for the Secretary-General")."""
    tokens = TOKEN.findall(rest)
    start = skip_honorifics(tokens, 0)
    person = read_person(tokens, start)
    if len(person.name.split()) < 2:
        return None
    if person.role or office_after(tokens, person.end)[0]:
        return person.name
    # "by Rishi Sunak, the Prime Minister, ...": an office after "the"
    if person.end + 2 < len(tokens) and tokens[person.end] == ",":
        after = skip_honorifics(tokens, person.end + 1)
        if after < len(tokens) and tokens[after].lower() in ROLE_WORDS:
            return person.name
    return None


def _place(sentence: str, venues: Mapping[str, str]) -> str | None:
    for match in AT_PLACE.finditer(sentence):
        words = match["place"].split()
        for size in range(len(words), 0, -1):
            place = " ".join(words[:size])
            if place in venues:
                return venues[place]
            if not countries().is_country(place) and gazetteer().city(place):
                return place
    return None


def read_standfirst(
    title: str, paragraphs: Sequence[str], venues: Mapping[str, str] | None = None
) -> Standfirst | None:
    """Who spoke and where, from the title or the first paragraphs (module docstring)."""
    long_enough = [p for p in paragraphs if len(p) >= STANDFIRST_MIN_CHARS]
    found: list[tuple[str, str | None, int]] = []
    for line, text in enumerate([title, *long_enough[:STANDFIRST_PARAGRAPHS]]):
        if not text:
            continue
        speaker = None
        if " by " in text and (by := BY.search(text)) is not None:
            speaker = _after_by(by["rest"])
        if speaker is None and (said := _said_at(text)) is not None:
            speaker = _who(" ".join(text[:said].split()[-WHO_WORDS:]))
        if speaker is None and "nterview" in text and (given := INTERVIEW_WITH.search(text)):
            speaker = given["name"]
        if speaker is not None:
            found.append((speaker, _place(text, venues or {}), line))
    if not found:
        return None
    # a name beats an office ("Prime Minister's statement" above "Prime Minister Boris Johnson
    # delivered ..."); the place is the first that any of these lines gives
    speaker, _, line = min(found, key=lambda f: (_is_office(f[0]), f[2]))
    place = next((f[1] for f in found if f[1]), None)
    return Standfirst(speaker, place, line)
