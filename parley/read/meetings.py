"""Readouts: an office's account of a meeting or a call, and who met whom where.

Ministries, heads of government and the UN publish short accounts of meetings and calls ("PM call
with President Trump", "Readout of the Secretary-General's meeting with ...", MOFA Japan's
meeting overviews, "Wang Yi Holds Phone Talks with ..."). They have no speaker labels and report
no speech; they are written the same way everywhere: the first sentences say who met whom,

    <subject> <meeting verb> [when] [in <place>] [with|to] <person>[, <person>][ and <person>]
    [in <place>]

- the subject is a name with its office before or after it ("Prime Minister Theresa May", "Mr.
  Fumio Kishida, Minister for Foreign Affairs,") or an office alone ("The Secretary-General",
  "The Prime Minister"), which stands for the holder the page names elsewhere ("Secretary-General
  Ban Ki-moon" above the title) or, when it names none, for the office itself;
- the meeting verb: met, spoke to/with, hosted, received, held/had talks, a meeting, a
  conversation or a call (a call or phone talks is held in no one city: no place);
- each person met has an office and maybe a country, before the name ("President of Turkey Recep
  Tayyip Erdogan", "German Foreign Minister Annalena Baerbock") or after it ("H.E. Mr. Charles
  Michel, Prime Minister of Belgium", "Fumio Kishida of Japan", "Frank-Walter Steinmeier, Federal
  Minister for Foreign Affairs, Germany"); honorifics (H.E., Mr., Dr.) are not offices;
- the place is a city or a venue after "in" in that sentence ("in Hiroshima", "met today in The
  Hague", "in Downing Street" is London), or else in a later meeting sentence of the first
  paragraphs ("... met in New York on 21 September 2022"): a venue the layouts file names, or a
  city the gazetteer knows, never a country ("in Egypt") nor a word that never is a place.

:func:`read_meeting` reads that sentence from a document's first paragraphs; the reader uses what
it finds only for what nothing else decided (the head, the title, the labels win).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from parley.read.persons import (
    TOKEN,
    Person,
    read_met,
    read_person,
    role_names,
    skip_honorifics,
)
from parley.vocab.gazetteer import countries, gazetteer

#: A readout says who met whom in its first sentences: this many paragraphs are read ...
MEETING_PARAGRAPHS = 4
#: ... counting only paragraphs at least this long (a byline, a place or date line is shorter).
PARAGRAPH_MIN_CHARS = 40
# met  |  spoke  |  hosted  |  held phone talks  |  had a telephone conversation  |  held a meeting
MEETING_VERB = re.compile(
    r"\b(?:(?P<met>met|meets|hosted|hosts|received|receives)"
    r"|(?P<spoke>spoke|speaks)(?= (?:\w+ ){0,3}?(?:to|with)\b)"
    r"|(?:held|holds|had|has)\b(?P<what>(?: [\w-]+){0,3}?"
    r" (?:talks|meeting|meetings|conversation|call|discussions?|consultations))\b)"
)
#: A paragraph without any of these has no meeting verb (tested before the pattern: cheap).
MEETING_HINTS = (
    " met ", " meets ", "spoke ", "speaks ", "hosted ", "hosts ", "received ", "receives ",
    "talks", "meeting", "conversation", " call", "discussion", "consultations",
)  # fmt: skip
#: What lies between the verb and the people met ("today", "at request", "on Sunday", "in The
#: Hague"): at most this many characters, then "with" or "to" (or nothing after "met").
BRIDGE = re.compile(r"^(?P<bridge>[^.;:]{0,80}?)\b(?:with|to)\s+")
CALL_WORDS = re.compile(r"\b(?:phone|telephone|call|video|virtual|spoke|speaks)\b", re.I)
# in Hiroshima  |  in The Hague  |  in Downing Street  |  in the resort city of Sochi
IN_PLACE = re.compile(
    r"\bin (?:the )?(?:(?:[a-z]+ )?(?:city|capital|town) of )?"
    r"(?P<place>(?:The )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)
# The Secretary-General  |  The Prime Minister  |  The PM  (a subject that is an office alone)
OFFICE_SUBJECT = re.compile(
    r"^(?:The |the )?(?P<office>(?:[A-Z][\w-]*\.? ){0,3}?"
    r"(?:Secretary-General|Secretary General|Prime Minister|PM|President|Chancellor|"
    r"Foreign Minister|Minister|Secretary|Premier|Spokesperson))$"
)


# "S. Jaishankar on Tuesday" | "Wang Yi today": when, between the subject and the verb
TRAILING_WHEN = re.compile(
    r"(?:,? (?:on|last|early|late|this) \w+|,? (?:today|yesterday|tonight|earlier|later)|"
    r" (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))+$"
)
# "Vladimir Putin has hosted"  |  "Wang Yi had met"
AUXILIARY = re.compile(r" (?:has|have|had|has also|also)$")
# today  |  on Tuesday  |  yesterday  (when, between "met" and the people met)
LEADING_WHEN = re.compile(
    r"^(?:(?:today|yesterday|tonight|earlier|later|on|this|last|morning|afternoon|evening|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )+"
)


@dataclass(frozen=True, slots=True)
class Meeting:
    """Who met whom, as a readout's first sentences say."""

    subject: str
    """The name of who met ("Theresa May"), or their office alone ("Secretary-General")."""
    subject_is_office: bool
    met: tuple[Person, ...]
    """The people met, each with an office and maybe a country as written."""
    place: str | None
    """The city (a venue already turned into its city), or None (a call, or none named)."""
    call: bool
    paragraph: int = 0
    """Index of the paragraph (of those given) that says it."""
    subject_country: str = ""
    """The country the sentence writes with the subject's office ("Iranian" of "Iranian Foreign
    Minister Mohammad Javad Zarif"), or ""."""

    @property
    def in_press_words(self) -> bool:
        """Whether the sentence is a reporter's: it names someone met as the subject's
        "counterpart" ("met his Armenian counterpart Ararat Mirzoyan"), or gives the subject's
        own country ("Iranian Foreign Minister Mohammad Javad Zarif ... met"). An office's own
        readout names the people met by their offices ("Prime Minister of Belgium") and its own
        principal by office alone ("Foreign Minister Wang Yi", "The Prime Minister"): nobody
        tells their own readers which country their minister serves."""
        return bool(self.subject_country) or any("counterpart" in p.role.lower() for p in self.met)


def _subject(before: str) -> tuple[str, bool] | None:
    """Who met, from the words of the sentence before the verb: (name or office, is office)."""
    text = TRAILING_WHEN.sub("", AUXILIARY.sub("", before.strip().rstrip(",").strip()))
    # "On Sunday, April 10, commencing at 10:20 p.m. ..., Mr. Fumio Kishida, Minister for ...,"
    tokens = TOKEN.findall(text)
    if not tokens:
        return None
    # drop a trailing appositive office: "..., Mr. Fumio Kishida, Minister for Foreign Affairs"
    if "," in tokens:
        last = len(tokens) - 1 - tokens[::-1].index(",")
        tail = tokens[last + 1 :]
        if tail and not read_person(tail, skip_honorifics(tail, 0)).name:
            tokens = tokens[:last]  # "..., Minister for Foreign Affairs": an office after a name
        elif tail:
            tokens = tail
        if "," in tokens:
            tokens = tokens[len(tokens) - tokens[::-1].index(",") :]
    office = OFFICE_SUBJECT.match(" ".join(tokens))
    if office:
        return office["office"], True
    start = skip_honorifics(tokens, 0)
    person = read_person(tokens, start)
    if person.name and person.end == len(tokens) and len(person.name.split()) >= 2:
        return person.name, False
    return None


def _place(sentence: str, venues: Mapping[str, str], call: bool) -> str | None:
    """The city of the meeting: a venue or a city after "in" in its sentence; none for a call."""
    if call:
        return None
    for match in IN_PLACE.finditer(sentence):
        place = match["place"]
        for size in range(len(place.split()), 0, -1):
            words = " ".join(place.split()[:size])
            if words in venues:
                return venues[words]
            if not countries().is_country(words) and gazetteer().city(words):
                return words
    return None


# one sentence: up to ". " before a capital (not the dot of "H.E." or "Mr.")
SENTENCE = re.compile(r"(?:[^.]|\.(?! [A-Z][a-z])|(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|St))\.)+\.?")


def read_meeting(
    paragraphs: Sequence[str], venues: Mapping[str, str] | None = None
) -> Meeting | None:
    """The meeting a readout's first paragraphs report, or None (see the module docstring)."""
    long_enough = [(i, p) for i, p in enumerate(paragraphs) if len(p) >= PARAGRAPH_MIN_CHARS]
    for index, text in long_enough[:MEETING_PARAGRAPHS]:
        if not any(word in text for word in MEETING_HINTS):
            continue  # cheap pre-test: no meeting verb can be in this paragraph
        for sentence in SENTENCE.findall(text):
            for verb in MEETING_VERB.finditer(sentence):
                found = _meeting(sentence, verb, venues or {})
                if found is not None:
                    if found.place is None and not found.call:
                        later = [p for _, p in long_enough[: MEETING_PARAGRAPHS + 1]]
                        found = replace(found, place=_later_place(later, venues or {}))
                    return replace(found, paragraph=index)
    return None


def _later_place(paragraphs: Sequence[str], venues: Mapping[str, str]) -> str | None:
    """The place a later sentence of the readout gives its meeting, when the first named none:
    "Foreign Secretary James Cleverly held a trilateral meeting with ... . Foreign Ministers of
    Poland, Ukraine and the United Kingdom met in New York on 21 September 2022 ..."."""
    for text in paragraphs:
        if not any(word in text for word in MEETING_HINTS):
            continue
        for sentence in SENTENCE.findall(text):
            verb = MEETING_VERB.search(sentence)
            if verb is not None and not CALL_WORDS.search(sentence):
                place = _place(sentence[verb.start() :], venues, call=False)
                if place:
                    return place
    return None


def _meeting(sentence: str, verb: re.Match[str], venues: Mapping[str, str]) -> Meeting | None:
    subject = _subject(sentence[: verb.start()])
    if subject is None:
        return None
    rest = sentence[verb.end() :]
    bridge = BRIDGE.match(rest)
    if bridge is not None:
        start = bridge.end()
    elif verb["met"]:
        # "met the United Nations Secretary General, António Guterres, in ..." | "met today H.E."
        start = len(rest) - len(LEADING_WHEN.sub("", rest.lstrip()))
    else:
        return None
    tokens = TOKEN.findall(rest[start:].rstrip(". "))
    met = read_met(tokens)
    if not met:
        # "met today with H.E. Mr. Asif Ali Zardari on the margins ...": a full name alone
        alone = read_person(tokens, skip_honorifics(tokens, 0))
        if len(alone.name.split()) < 2 or alone.role:
            return None
        met = (alone,)
    call = bool(verb["spoke"] or CALL_WORDS.search(verb["what"] or ""))
    call = call or bool(bridge and CALL_WORDS.search(bridge["bridge"]))
    own = next(
        (
            p.country_text
            for p in role_names(sentence[: verb.start()], min_words=2)
            if p.name == subject[0]
        ),
        "",
    )
    return Meeting(
        subject=subject[0],
        subject_is_office=subject[1],
        met=met,
        place=_place(sentence[verb.start() :], venues, call),
        call=call,
        subject_country=own,
    )
