"""Where a transcript's speakers are, as their opening words say it.

A host opens a press conference, a briefing or remarks by saying where everyone is: "it is with
great pleasure that I welcome you to Queenstown", "Welcome to Oslo", "I welcome your visit to
Yerevan", "Our meetings here in Copenhagen", "here at Wisma Putra", "a great pleasure for me to
be back in Cairo". Pages of other governments rarely print the place in a head line, so these
words are often the only place the text gives. :func:`spoken_place` reads them in the first
paragraphs of running text (the opening: paragraphs that end a sentence, so a site's menus, a
repeated title or a photo caption count for none), where they are said of the room the speakers
are in; later paragraphs speak of other places ("APEC, which was held in Yokohama").

A place read this way is a city the gazetteer knows, or a venue ``data/layouts.yaml`` names with
its city ("here at Wisma Putra": Putrajaya); a country ("welcome you to Malaysia") names no city
and is passed over for the next place the words name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from parley.model import Place
from parley.vocab.gazetteer import countries, gazetteer

#: How many paragraphs of running text, from the first, are the opening.
OPENING_PARAGRAPHS = 5
#: How a paragraph of running text ends (a page's menus, titles and captions end otherwise).
SENTENCE_END = (".", "!", "?", '"', "”", ")")
#: A place's words: capitalised, one to three of them ("Oslo", "Kuala Lumpur", "Wisma Putra").
_PLACE = r"(?:the )?(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
# Our meetings here in Copenhagen  |  here at Wisma Putra  |  discussions here in Oslo
HERE = re.compile(rf"\bhere (?:in|at) {_PLACE}")
# welcome you to Queenstown  |  Welcome to Oslo  |  I welcome your visit to Yerevan  |  and to
# Kuala Lumpur (after "welcome to Malaysia")
WELCOME = re.compile(rf"\b(?:[Ww]elcomes?(?: [\w'’]+){{0,3}}? to|(?<=[A-Za-z] )and to) {_PLACE}")
# a great pleasure for me to be back in Cairo  |  glad to be here in Tokyo  |  good to be in Rome
BE_IN = re.compile(rf"\bto be (?:back )?in {_PLACE}")
#: In the order they are tried in each paragraph: the room ("here at"), then the welcome.
SPOKEN = (HERE, WELCOME, BE_IN)


def spoken_place(paragraphs: Sequence[str], venues: Mapping[str, str]) -> Place | None:
    """The city the opening paragraphs say the speakers are in (see the module docstring), or
    None. ``venues``: a venue's name -> its city (``data/layouts.yaml``)."""
    opening = [text for text in paragraphs if text.rstrip().endswith(SENTENCE_END)]
    for text in opening[:OPENING_PARAGRAPHS]:
        for pattern in SPOKEN:
            for match in pattern.finditer(text):
                if city := _city(match["place"], venues):
                    return Place(city=city)
    return None


def _city(words: str, venues: Mapping[str, str]) -> str | None:
    """The city a place's words name: a venue's city, else the longest run of the words from
    their start that is a city the gazetteer knows and no country's name."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        name = " ".join(parts[:size])
        if name in venues:
            return venues[name]
        if not countries().is_country(name) and gazetteer().city(name) is not None:
            return name
    return None
