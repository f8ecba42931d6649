"""A news article: who it quotes most, where the event was, and on which day.

An article reports what people said ("Lavrov said on Thursday", "said Cavusoglu", "according to
Mr Putin"); :func:`attributions` counts those reports per person in the lead paragraphs, the
quotation finder (:mod:`parley.read.quotes`, which the link stage uses too) the words quoted from
each, and the person reported most is the article's main speaker (:func:`main_speaker`), named in
full where the text names them in full anywhere ("Russian Foreign Minister Sergey Lavrov"). A
text without speaker labels whose lead reports speech this way is an article (:func:`is_article`).

:func:`dateline_place` reads "MOSCOW, April 13. /TASS/." or "ANKARA (UrduPoint News / Sputnik ...)";
:func:`text_place` the place of "a press conference in Ankara", "talks in Minsk", "in the Kremlin".
:func:`event_date` turns "said on Friday", "today" or a written date into the event's date, counted
from the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from parley.model import Place
from parley.read.dateline import Dateline, city_alone, read_dateline
from parley.read.dates import CAPTION, MONTH, MONTHS, WEEKDAYS, find_stamp, iso_date
from parley.read.memo import per_read
from parley.read.persons import (
    COUNTRY_ENDS,
    NAME_PARTICLES,
    NAME_STOPS,
    ROLE_WORDS,
    TOKEN,
    possessive,
    read_person,
    role_names,
)
from parley.read.quotes import quotations
from parley.vocab.gazetteer import countries, gazetteer

#: How many paragraphs of an article are read for its speaker, place and event date ...
LEAD = 12
#: ... counting only paragraphs at least this long (shorter ones are menus, captions, bylines).
LEAD_MIN_CHARS = 60
# Verbs that report speech ("said", "has told", "noted").
_VERB = (
    r"(?:has |had |also |later |then )?(?:said|says|told|tells|added|adds|noted|notes|stated|"
    r"stressed|emphasi[sz]ed|underlined|pointed out|warned|declared|announced|explained|"
    r"insisted|urged|remarked|argued|believes|called on|revealed|spoke|spoken|answered|"
    r"replied|responded|joked|reiterated|assured|asserted|confirmed|commented|recalled|"
    r"conveyed|expressed|acknowledged|underscored|highlighted|called|mentioned|concluded)"
)
# A capital letter, Latin-1 and Latin Extended-A included ("Çavuşoğlu").
_CAP = "[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ]"
_NAME = (
    rf"(?P<name>(?:(?:{_CAP}[\w'’-]+|{_CAP}\.?(?= {_CAP}[\w'’-])|M[rs]s?\.|Dr\.) ){{0,6}}"
    rf"{_CAP}[\w'’-]+)"
)  # an initial with or without its dot: "S. Jaishankar", "S Jaishankar"
# Sergey Lavrov said  |  Mr Putin told  |  the Minister added (filtered below): the verb is
# found first, then the name that ends just before it
VERB_AT = re.compile(rf" {_VERB}\b")
NAME_BEFORE = re.compile(rf"{_NAME},?(?: [a-z]+ly)?$")
# Adel bin Ahmed Al-Jubeir, the Foreign Minister, said  |  Lavrov, Russia's top diplomat, said
APPOSED_BEFORE = re.compile(rf"{_NAME}, (?:the |a |an )?[^,;.“”\"]{{2,60}},$")
# Sergei Lavrov and Hillary Clinton said  (both said it: the first is credited too)
JOINED_BEFORE = re.compile(rf"{_NAME} and $")
#: The name before a verb is sought in this many characters.
NAME_WINDOW = 90
# ," said Cavusoglu  |  said Russian Foreign Minister Sergey Lavrov
# ," mentioned Retno  |  ," concluded Retno  (the verbs reports put before the name, after a quote)
SAID_NAME = re.compile(
    r"\b(?:said|says|added|noted|stressed|according to|quoted|quoting|mentioned|stated|"
    rf"explained|continued|concluded|emphasi[sz]ed|asserted|remarked|declared) {_NAME}"
)
#: Words that are never a person's surname in an attribution, nor a place (capitals are added
#: below from the gazetteer: "Moscow said" reports no person's words, but "in Moscow" is a place).
NOT_NAMES = frozenset(
    (
        "he", "she", "it", "they", "we", "i", "you", "this", "that", "the", "ministry", "minister",
        "spokesperson", "spokesman", "spokeswoman", "president", "secretary", "office", "kremlin",
        "department", "government", "agency", "news", "statement", "report", "reports", "sources",
        "source", "officials", "official", "diplomat", "tass", "reuters", "xinhua", "sputnik",
        "interfax", "ria", "novosti", "afp", "ap", "dpa", "bbc", "russia", "china", "turkey", "us",
        "u.s.", "uk",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "today", "yesterday", "earlier", "later",
    )
)  # fmt: skip
# MOSCOW, April 13. /TASS/.  |  ANKARA (UrduPoint News / Sputnik - ...)  |  BEIJING, March 8 -
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2})(?:,\s|\s\(|\s[-–—]\s|\.\s/)"
)
# a press conference in Ankara  |  talks in Minsk  |  speaking to reporters in New York
EVENT_IN = re.compile(
    r"\b(?P<verb>conference|briefing|talks|meeting|met|hosted|received|speaking|spoke|said|"
    r"told (?:reporters|journalists)|addressing|visit|summit|held|forum|interview|remarks|"
    r"session)\b"
    r"(?:[^.;]|(?<=[A-Z])\.){0,60}?\b(?:in|inside|at) "
    r"(?:the )?"
    # in the capital Ankara  |  in the (resort) city of Langfang  |  in the Turkish capital, Ankara
    r"(?:(?:[A-Z]\w+ )?capital(?: city)?,? |(?:[a-z]+ )?city of )?"
    # at the US State Department  |  at the UN headquarters  (a country's acronym before a venue)
    r"(?:(?:U\.S\.|[A-Z]{2,3}) (?=[A-Z][a-z]))?"
    r"(?P<place>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
)
# Speaking to reporters in Tokyo after the talks, ...  |  Addressing a news conference in Riyadh,
# ...  (a sentence opening with the speaking, the place after it)
SPEAKING_IN = re.compile(
    r"(?:^|(?<=[.!?] ))(?:Speaking|Addressing|Talking)\b[^.;]{0,60}?\bin (?:the )?"
    r"(?P<place>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
)
# during a visit to Riyadh  |  on an official visit to Hanoi  |  who is in New York for  |  In
# Washington at a joint press conference  (where the reported person is, told in passing)
PRESENT_IN = re.compile(
    r"\b(?:(?:[Dd]uring|[Oo]n|[Ii]n the course of) (?:a|an|his|her|their|the) (?:[\w-]+ ){0,2}"
    r"(?:visit|trip|tour) to"
    r"|who (?:is|was) (?:currently |now |already )?in"
    r"|(?:^|(?<=[.!?] ))In(?= [A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?,? (?:at|during|after) (?:a|an|the)"
    r" [^.]{0,40}?\b(?:conference|briefing|talks|meeting|summit)))"
    r" (?:the )?(?P<place>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
)
# made a working visit to Putrajaya  |  paid an official visit to Hanoi  (the visit reported is
# where its meetings were, wherever the report was filed)
PAID_VISIT = re.compile(
    r"\b(?:made|paid|makes|pays|is making|is paying) (?:a|an|his|her|their) (?:[\w-]+ ){0,2}"
    r"visit to (?:the )?(?P<place>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
)
# here in Canberra  |  in Vienna today  |  in Brussels on Wednesday  |  in Ankara yesterday
TIMED_IN = re.compile(
    r"\b(?:(?P<here>here|there) )?in (?:the )?(?P<place>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
    r"(?(here)|(?=,? (?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|"
    r"(?:on |last |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b))"
)
# will take place  |  is to visit  |  plans to hold talks  (an event still to come is not the
# one reported: its place is not the report's)
FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are) (?:due |scheduled |expected )?to|plans? to|to be held)\b"
)
#: How many characters before a meeting word are searched for a future's auxiliary.
FUTURE_BEFORE = 40
#: Words of a meeting whose place, in the lead's first paragraphs, is the event's, wherever the
#: report was filed ("talks with his Pakistani counterpart in Islamabad" under "NEW DELHI:").
MEETING_PLACE_WORDS = frozenset(
    {"talks", "meeting", "met", "hosted", "received", "held", "visit", "summit", "conference"}
)
#: Words that are never a surname: those above, and every country's capital.
NOT_SURNAMES = NOT_NAMES | countries().capitals
#: Words a dateline's or a text's "city" never is (countries are checked apart: "in Egypt").
NOT_PLACES = NOT_NAMES

# said on Friday  |  on Thursday  |  said Monday
# said on Friday  |  held talks here Wednesday  |  Liu Jianchao Thursday deflected  (not "next
# Monday", "by Friday")
ON_WEEKDAY = re.compile(
    r"\b(?!(?:next|every|until|till|by|before|from|since|coming)\b)[A-Za-z]+ "
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,? \d)"
)
# on Thursday (August 10)  |  on Monday (10 August)  (a weekday with its date in brackets)
WEEKDAY_DATE = re.compile(
    rf" \((?:(?P<month>{MONTH}) (?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}}) (?P<month2>{MONTH}))\)"
)
# Monday’s discussions  |  Friday's talks (the day the report's event happened, written possessive)
WEEKDAY_POSSESSIVE = re.compile(
    r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\b"
)
# “Our meeting today takes place ...” (quoted words: their days are the speaker's, not the report's)
QUOTED = re.compile(r"[“\"][^”\"]{0,600}[”\"]")
# on April 29  |  on 29 April  |  an interview April 10  |  talks Nov. 3  (a day and month without
# a year: the event's, the last such day on or before the report's; "on April 10, 2023" is a full
# date, read as one)
ON_DAY_MONTH = re.compile(
    r"\b(?:on|interview|meeting|talks|conference|briefing|call|visit|remarks|statement) "
    rf"(?:(?P<month>{MONTH}) (?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}}) (?P<month2>{MONTH}))"
    r"(?![\d:])(?!,? (?:19|20)\d\d)(?!\w)"
)
TODAY = re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b", re.I)
YESTERDAY = re.compile(r"\byesterday\b", re.I)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One report of speech: who (the name as written) and in which paragraph."""

    name: str
    surname: str
    paragraph: int


@per_read
def _person(text: str) -> tuple[str, str] | None:
    """The name and surname in a capitalised phrase before or after a reporting verb."""
    tokens = TOKEN.findall(text)
    start = 0
    while start < len(tokens) and tokens[start].lower() in (
        "mr",
        "mr.",
        "ms",
        "ms.",
        "mrs",
    ):
        start += 1
    person = read_person(tokens, start)
    name = person.name if person.name else ""
    words = [w for w in name.split() if w.lower() not in ROLE_WORDS]
    while words and words[-1].lower() in NOT_SURNAMES:
        words.pop()  # "Liu Jianchao Thursday" -> "Liu Jianchao"
    if not words:
        return None
    surname = words[-1].rstrip(".")
    if surname.lower() in NOT_SURNAMES or surname.lower() in NAME_PARTICLES:
        return None
    if len(words) == 1 and countries().is_country(surname):
        return None  # "said Israel had abused ...", "Iran said": a state, not a person
    return " ".join(words), surname


# "... he said." / "She added that ..." (the person last reported speaks again)
# "... but warned" / "and added" (the same subject goes on)
PRONOUN_BEFORE = re.compile(r"(?:(?:^|[\s,;“”\"])(?:[Hh]e|[Ss]he)|,? (?:but|and)(?: also)?)$")
# "... the minister said" / "the Armenian FM said" / "the Iranian foreign minister added" (a
# person named by office after the first mention: the person last reported speaks again)
OFFICE_BEFORE = re.compile(
    r"(?:^|[\s,;“”\"])[Tt]he (?:[A-Z][a-z]+ )?(?:(?:[Ff]oreign|[Pp]rime|[Dd]eputy|[Ss]tate|"
    r"[Tt]op) )?(?:[Mm]inister|[Ss]ecretary|[Ss]pokes(?:man|woman|person)|[Pp]resident|"
    r"[Pp]remier|[Cc]hancellor|[Dd]iplomat|[Ee]nvoy|FM|PM)$"
)


def name_before(text: str, end: int) -> re.Match[str] | None:
    """:data:`NAME_BEFORE` searched in the :data:`NAME_WINDOW` characters before ``end``. A
    name ends in a capitalised word (then maybe a comma, or an adverb in -ly): when the word
    before ``end`` is plain lower-case letters ("he said", "the minister added"), nothing is
    searched (trying every position of the window was most of the time of an article)."""
    word = text[text.rfind(" ", 0, end) + 1 : end]
    if word.isascii() and word.isalpha() and word.islower() and not word.endswith("ly"):
        return None
    return NAME_BEFORE.search(text, max(0, end - NAME_WINDOW), end)


def attributions(paragraphs: Sequence[str]) -> list[Attribution]:
    """Every reported-speech attribution to a named person in ``paragraphs``; "he said" and
    "she added" are credited to the person whose speech was reported last."""
    return list(_attributions(tuple(paragraphs)))


@per_read
def _attributions(paragraphs: tuple[str, ...]) -> tuple[Attribution, ...]:
    """:func:`attributions`, once per read for the same paragraphs."""
    found: list[Attribution] = []
    for number, text in enumerate(paragraphs):
        here: list[tuple[int, Attribution]] = []
        for verb in VERB_AT.finditer(text):
            before = name_before(text, verb.start())
            named = _person(before["name"]) if before else None
            if before and named and OFFICE_BEFORE.search(text, 0, verb.start()):
                before = named = None  # "the Armenian FM said": an office, not a name
            if before and named is None and text[verb.start() - 1] == ",":
                # "X, the Foreign Minister, said": the name before the office between commas
                apposed = APPOSED_BEFORE.search(
                    text, max(0, verb.start() - NAME_WINDOW - 60), verb.start()
                )
                named = _person(apposed["name"]) if apposed else None
            if before and named:
                joined = JOINED_BEFORE.search(
                    text, max(0, before.start() - NAME_WINDOW), before.start()
                )
                if joined and (first := _person(joined["name"])):
                    here.append((joined.start(), Attribution(first[0], first[1], number)))
                here.append((verb.start(), Attribution(named[0], named[1], number)))
            elif (
                pronoun := PRONOUN_BEFORE.search(text, max(0, verb.start() - 10), verb.start())
            ) or (OFFICE_BEFORE.search(text, max(0, verb.start() - 40), verb.start())):
                last = max(here, default=None, key=lambda h: h[0])
                previous = last[1] if last else (found[-1] if found else None)
                if previous is None and pronoun and pronoun.group().strip(" ,") in ("and", "but"):
                    previous = _subject(text[: verb.start()], number)
                elif previous is None and not pronoun:
                    # "the Armenian FM said" before anyone was reported: the office holder the
                    # lead introduced ("Foreign Minister of Armenia Ararat Mirzoyan")
                    holder = lead_subject([*paragraphs[:number], text[: verb.start()]])
                    previous = Attribution(holder, holder.split()[-1], number) if holder else None
                if previous is not None:
                    here.append(
                        (
                            verb.start(),
                            Attribution(previous.name, previous.surname, number),
                        )
                    )
        for match in SAID_NAME.finditer(text):
            if named := _person(match["name"]):
                here.append((match.start(), Attribution(named[0], named[1], number)))
        found += [a for _, a in sorted(here, key=lambda h: h[0])]
    return tuple(found)


def _a_state(name: str) -> bool:
    """Whether a capitalised name is a country's ("Saudi Arabia") or a city's, not a person's."""
    return countries().is_country(name) or gazetteer().city(name) is not None


def _subject(sentence: str, number: int) -> Attribution | None:
    """The person a sentence opens with, to whom its "... and said" goes when nobody was reported
    before ("Foreign Minister Kamal Kharrazi in a meeting Saturday with British Foreign Secretary
    Jack Straw described ... and said"): the first full name in it."""
    if (filed := read_dateline(sentence)) is not None:
        sentence = sentence[filed.end :]  # "New York [USA], Sept 26 (ANI): ..."
    for words in _names_in(sentence):
        name = " ".join(words)
        if not _a_state(name):
            return Attribution(name, words[-1], number)
    return None


def lead(paragraphs: Sequence[str]) -> list[str]:
    """The first :data:`LEAD` paragraphs of text, menus and captions left out."""
    return [p for p in paragraphs if len(p) >= LEAD_MIN_CHARS][:LEAD]


# Sergey Lavrov  |  Abdullatif bin Rashid Al Zayani  |  Mevlüt Çavuşoğlu (capitalised runs)
CAPITAL_RUN = re.compile(
    rf"{_CAP}(?:[\w'’-]+|\.)?(?: (?:(?:bin|al|el|de|van|von|da|di) )?{_CAP}(?:[\w'’-]+|\.)){{1,8}}"
)  # an initial may come inside the run too: "External Affairs Minister S. Jaishankar"; an office
# and titles may come before the name: "Saudi Arabia’s Foreign Minister Prince Faisal bin Farhan"


#: An upper-case word at most this long in a run of capitalised words is an acronym.
ACRONYM_MAX = 4


def full_names(texts: Sequence[str]) -> dict[str, str]:
    """Surname -> the longest full name ending in it in ``texts`` ("Lavrov" -> "Sergey Lavrov");
    a name's first word too, for names written surname first ("Wang" -> "Wang Yi")."""
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    for text in texts:
        for words in _names_in(text):
            name = " ".join(words)
            if len(name) > len(last.get(words[-1], "")):
                last[words[-1]] = name
            first.setdefault(words[0], name)
    return first | last


@per_read
def _names_in(text: str) -> tuple[tuple[str, ...], ...]:
    """The words of each name of two to four words in ``text``, in the order written."""
    found: list[tuple[str, ...]] = []
    for match in CAPITAL_RUN.finditer(text):
        segment: list[str] = []
        for word in [*match.group().split(), ""]:
            bare = possessive(word) or word
            # an acronym ("FM", "PM", "UN") is no part of a name: "Russian FM Lavrov"
            acronym = bare.isupper() and 1 < len(bare.rstrip(".")) <= ACRONYM_MAX
            if (
                word
                and not acronym
                and bare.lower() not in ROLE_WORDS
                and bare.lower() not in NAME_STOPS
            ):
                segment.append(bare)
                if bare is word:
                    continue
            if name := _name_words(segment):
                found.append(name)
            segment = []
    return tuple(found)


#: Courtesy titles that open a name in some countries' usage and are no part of it ("Foreign
#: Minister Datuk Seri Dr Zambry Abdul Kadir", "Tun Dr Mahathir Mohamad", "Prince Faisal",
#: "Foreign Minister Makhdoom Shah Mahmood Qureshi").
NAME_TITLES = frozenset(
    ("datuk", "dato", "dato'", "datin", "seri", "tun", "tunku", "tengku", "prince", "princess",
     "sheikh", "sheikha", "emir", "king", "queen", "makhdoom")
)  # fmt: skip


#: A journalist's job before their name ("NewsHour Senior Correspondent Margaret Warner").
PRESS_JOBS = frozenset(("correspondent", "anchor", "reporter", "editor", "presenter", "columnist"))


def _state_word(word: str) -> bool:
    """Whether a capitalised word names a state, not a person: a country ("Ukraine") or a word
    that ends a state's name ("Republic", "Kingdom"), as in "Foreign Minister of the Republic
    Mukhtar Tleuberdi" or "Acting Foreign Minister of Ukraine Andriy Deshchytsia"."""
    return word.casefold() in COUNTRY_ENDS or countries().is_country(word)


def _name_words(words: list[str]) -> tuple[str, ...] | None:
    """A name of two to four words in a run of capitalised ``words``, or None: an office's
    country ("of Ukraine Andriy Deshchytsia") and courtesy titles ("Datuk Seri") before it are
    left out."""
    while len(words) > 2 and (
        _state_word(words[0]) or words[0].casefold() in NAME_TITLES | PRESS_JOBS
    ):
        words = words[1:]
    if len(words) == 2 and words[0].casefold() in NAME_TITLES:
        return None  # "Sheikh Abdullah", "Prince Saud": a title and one name, no full name
    if all(w.casefold() in NAME_TITLES for w in words):
        return None  # "Datuk Seri" before "Dr Zambry Abdul Kadir"
    while len(words) > 2 and words[-1].lower() in NOT_SURNAMES:
        words = words[:-1]  # "Liu Jianchao Thursday" -> "Liu Jianchao"
    # an acronym does not open a name ("UN Secretary"), an initial does ("S. Jaishankar")
    opens = words[0].rstrip(".") if words else ""
    # particles are no words of their own ("Yusuf bin Alawi bin Abdalla" has three)
    if (
        2 <= len([w for w in words if w.casefold() not in NAME_PARTICLES]) <= 4
        and not (opens.isupper() and len(opens) > 1)
        and words[-1].lower() not in NOT_SURNAMES
    ):
        return tuple(words)
    return None


def quoted_words(paragraphs: Sequence[str]) -> Counter[str]:
    """Surname (the last word of the name the report gives) -> how many words the report
    quotes from that person (:mod:`parley.read.quotes`, the finder the link stage uses too)."""
    words: Counter[str] = Counter()
    for quote in quotations(list(enumerate(paragraphs))):
        if quote.speaker.split():
            words[quote.speaker.split()[-1]] += len(quote.text.split())
    return words


def main_speaker(title: str, paragraphs: Sequence[str]) -> str | None:
    """The person the article reports most: the most reports of their speech (quoted or not),
    then the most words quoted from them; a person the title names wins a tie. An article that
    reports speech only in quotation marks ("“... ,” Kim Young-sun, the ministry's spokesman,
    told reporters") has the person it quotes most."""
    texts = lead(paragraphs)
    found = attributions(texts)
    quoted = quoted_words(texts)
    # the text's full name wins over the headline's shorthand ("Russian FM Lavrov")
    names = full_names([title]) | full_names(texts)
    if not found:
        best = max(quoted, key=lambda s: (s in names, quoted[s]), default=None)
        if not best or best.lower() in NOT_SURNAMES:
            return None
        return _longest(names.get(best, best), names)
    counts = Counter(a.surname for a in found)
    first = {a.surname: i for i, a in reversed(list(enumerate(found)))}
    in_title = set(re.findall(r"[\w'’-]+", title))
    # A person the text names in full, or in the attribution itself, is a person; a lone
    # capitalised word ("Turkey said") may be a country or an office.
    named = {a.surname for a in found if a.surname in names or len(a.name.split()) >= 2}
    best = max(counts, key=lambda s: (s in named, counts[s], quoted[s], s in in_title, -first[s]))
    return _longest(
        names.get(best) or _inside(best, names) or next(a.name for a in found if a.surname == best),
        names,
    )


def _inside(word: str, names: Mapping[str, str]) -> str | None:
    """The one full name of the text that holds ``word`` after a particle ("Alawi" of "Yusuf bin
    Alawi bin Abdalla", whom the report calls by that word alone), else None."""
    holding = {
        full
        for full in names.values()
        if re.search(rf"\b(?:{'|'.join(NAME_PARTICLES)}) {re.escape(word)}\b", full)
    }
    return holding.pop() if len(holding) == 1 else None


def _longest(name: str, names: Mapping[str, str]) -> str:
    """The one longer name the text gives that starts with ``name`` ("Asim Iftikhar" is "Asim
    Iftikhar Ahmad" where a caption names him in full), else ``name``."""
    longer = {full for full in names.values() if full.startswith(name + " ")}
    return longer.pop() if len(longer) == 1 else name


# Turkish foreign minister Mevlut Cavusoglu  |  the spokesman Liu Jianchao  (a role in lower case)
LOWER_ROLE_NAME = re.compile(
    r"\b(?:minister|president|secretary|spokesperson|spokesman|spokeswoman|chancellor|premier|"
    rf"envoy|ambassador|leader)(?: of (?:the )?[A-Z][\w'’-]+)? (?P<name>(?:{_CAP}[\w'’-]+ ){{1,3}}"
    rf"{_CAP}[\w'’-]+)"
)


def lead_subject(paragraphs: Sequence[str]) -> str | None:
    """The first person the lead introduces with a role and a full name ("External Affairs
    Minister S Jaishankar on Wednesday called ...", "Turkish foreign minister Mevlut Cavusoglu
    conveyed ..."): who a report without attributed speech is about."""
    for text in lead(paragraphs)[:3]:
        if (filed := read_dateline(text)) is not None:
            text = text[filed.end :]  # "YEREVAN, MAY 23, ARMENPRESS. Minister of ..."
        named = role_names(text, min_words=2)
        if named:
            words = named[0].name.split()
            while len(words) > 2 and words[0].casefold() in NAME_TITLES:
                words = words[1:]  # "Datuk Saifuddin Abdullah"
            return " ".join(words)
        if found := LOWER_ROLE_NAME.search(text):
            words = found["name"].split()
            while len(words) > 2 and words[-1].lower() in NOT_SURNAMES:
                words.pop()
            if words[-1].lower() not in NOT_SURNAMES:
                return " ".join(words)
    return None


def in_text(name: str, paragraphs: Sequence[str]) -> bool:
    """Whether a name's last word occurs in the lead (a headline's "Ends" or "Roundup" does not
    name anyone the report is about)."""
    last = name.split()[-1] if name.split() else ""
    return bool(last) and any(re.search(rf"\b{re.escape(last)}\b", t) for t in lead(paragraphs))


def is_article(paragraphs: Sequence[str]) -> bool:
    """Whether a text without speaker labels reports speech: an attribution in its first three
    paragraphs of text, or two in its lead."""
    found = attributions(lead(paragraphs))
    return len(found) >= 2 or any(a.paragraph < 3 for a in found)


# date 2022-11-08 Moscow (The Hawk): ...  (a copied page's date stamp glued before the dateline)
LEADING_STAMP = re.compile(r"^(?:date )?(?:19|20)\d\d-\d\d-\d\d ")
#: A dateline opens one of the first this many paragraphs of text.
DATELINE_PARAGRAPHS = 4
#: A dateline on a line of its own stands among the first this many paragraphs (headline,
#: standfirst, stamp lines and a repeated headline above it).
CITY_LINE_PARAGRAPHS = 10


def dateline(paragraphs: Sequence[str], outlets: frozenset[str] = frozenset()) -> Dateline | None:
    """The dateline opening one of the first paragraphs of text (:mod:`parley.read.dateline`)."""
    found = _dateline_at(paragraphs, outlets)
    return found[1] if found else None


def _dateline_at(paragraphs: Sequence[str], outlets: frozenset[str]) -> tuple[int, Dateline] | None:
    """The dateline and the index (among the lead's paragraphs) of the paragraph it opens."""
    for index, text in enumerate(lead(paragraphs)[:DATELINE_PARAGRAPHS]):
        found = read_dateline(LEADING_STAMP.sub("", text, count=1), outlets)
        if found is not None and found.city.lower() not in NOT_PLACES:
            return index, found
    return None


def from_dateline(paragraphs: Sequence[str], outlets: frozenset[str] = frozenset()) -> list[str]:
    """The lead from the paragraph its dateline opens: what stands above a dateline is the
    headline, a standfirst or a photo's caption ("... attends the ceremony in Naypyidaw on August
    10, 2014."), whose days are not the report's; the whole lead when there is no dateline."""
    found = _dateline_at(paragraphs, outlets)
    return lead(paragraphs)[found[0] :] if found else list(paragraphs)


def dateline_place(
    paragraphs: Sequence[str], outlets: frozenset[str] = frozenset()
) -> Place | None:
    """The city of a dateline opening one of the first paragraphs ("MOSCOW, April 13 ...")."""
    found = dateline(paragraphs, outlets)
    return Place(city=found.city, country_text=found.region) if found else None


def city_line_place(paragraphs: Sequence[str]) -> Place | None:
    """A city in capitals alone on a line just above a paragraph of the text, among the first
    paragraphs: a dateline on a line of its own ("ANKARA" above Anadolu's first paragraph)."""
    head = paragraphs[:CITY_LINE_PARAGRAPHS]
    for text, following in pairwise(head):
        if len(following) >= LEAD_MIN_CHARS and (city := city_alone(text)):
            return Place(city=city)
    return None


#: A line at most this long that names an outlet is a credit or byline line ("ANI | Updated: ...").
CREDIT_LINE_MAX = 90


# Source: Mohammed Saani Ibrahim- The Accra Times  |  Source: UAE News  (a source line whose
# name is a newspaper's or an agency's by its last word, listed or not)
SOURCE_OUTLET = re.compile(
    r"^Source\s*:\s*(?:[^:]*?[-–—,]\s*)?(?P<outlet>(?:[A-Z][\w'’.&-]* ){0,3}"
    r"(?:Times|News|Post|Herald|Tribune|Gazette|Chronicle|Journal|Observer|Express|Standard"
    r"|Mirror|Telegraph|Guardian|Daily|Agency|Today|Wire))\s*$"
)


def credit_line(lines: Sequence[str], outlets: frozenset[str]) -> str | None:
    """The first short line that credits a known outlet ("Source: Xinhua", "ANI | Updated:
    Sep 26, 2019", "PTIUpdated: ...", "Press Trust of India New Delhi"), or a source line that
    names a newspaper or agency by its last word ("Source: ... The Accra Times"): the outlet."""
    for whole in lines:
        # a page title's segments: "Headline | Germany | DW | 07.04.2006"
        segments = whole.split(" | ") if " | " in whole else [whole]
        for line in segments if len(segments) > 2 else [whole]:
            if line and len(line) <= CREDIT_LINE_MAX and (outlet := _credited(line, outlets)):
                return outlet
            if line[:6] == "Source" and (named := SOURCE_OUTLET.match(line)):
                return named["outlet"]
    return None


def _credited(line: str, outlets: frozenset[str]) -> str | None:
    """The outlet a short line starts with ("Source: Xinhua", "PTIUpdated: ..."), or None."""
    if line:
        bare = re.sub(r"^(?:Source|By|Agency)\s*:?\s+", "", line, flags=re.I)
        for match in re.finditer(r"[A-Za-z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}", bare[:40]):
            words = match.group().split()
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size])
                if name.casefold() in outlets:
                    return name
                glued = re.match(r"^([A-Z]{2,8})[A-Z][a-z]", name)  # "PTIUpdated"
                if glued and glued[1].casefold() in outlets:
                    return glued[1]
            break
    return None


def text_place(
    paragraphs: Sequence[str], aliases: Mapping[str, str], first: int = 0
) -> Place | None:
    """The place of the event as the lead tells it ("a press conference in Ankara"); ``aliases``
    maps a venue to its city ("Kremlin" -> "Moscow"); else where the lead says its subject is
    ("during a visit to Riyadh", "who is in New York for", "In Washington at a joint press
    conference"), or a place with a time ("here in Canberra", "in Vienna today"). With
    ``first``, only a meeting's place in the lead's first paragraphs ("held talks ... in the
    city of Langfang")."""
    for text in lead(paragraphs)[:first] if first else lead(paragraphs):
        if CAPTION.search(text):
            continue  # a photo's caption: the picture's place ("FILE - ... in Phnom Penh")
        paid = PAID_VISIT.search(text) if first and "visit to" in text else None
        if paid and not FUTURE.search(text, max(0, paid.start() - FUTURE_BEFORE), paid.start()):
            city = aliases.get(paid["place"], paid["place"])
            if paid["place"] in aliases or _known_city(city):
                return Place(city=city)  # "made a working visit to Putrajaya and Kuala Lumpur"
        for match in EVENT_IN.finditer(text):
            if first and match["verb"].lower() not in MEETING_PLACE_WORDS:
                continue
            if FUTURE.search(text, max(0, match.start() - FUTURE_BEFORE), match.end()):
                continue  # "the meeting ... will take place in Paris on 12 September"
            for written in _places_after(text, match):
                place = possessive(written.split()[0]) or written  # "Moscow’s Kremlin"
                words = place.split()
                if len(words) > 1 and words[-1].lower() in WEEKDAYS:
                    place = words[0]  # "in Beijing Tuesday"
                city = _city_named(aliases.get(place, place))
                if city.split()[0].lower() not in WEEKDAYS and (
                    place in aliases or _known_city(city)
                ):
                    return Place(city=city)
    if not first:
        for text in lead(paragraphs)[:DATELINE_PARAGRAPHS]:
            spoken = SPEAKING_IN.search(text) if "ing " in text else None
            if spoken is not None and _known_city(aliases.get(spoken["place"], spoken["place"])):
                return Place(city=aliases.get(spoken["place"], spoken["place"]))
            for match in PRESENT_IN.finditer(text):
                if FUTURE.search(text, max(0, match.start() - FUTURE_BEFORE), match.end()):
                    continue  # "will be on a visit to Paris"
                city = aliases.get(match["place"], match["place"])
                if _known_city(city):
                    return Place(city=city)
            for match in TIMED_IN.finditer(text):
                city = aliases.get(match["place"], match["place"])
                if city.split()[0].lower() not in WEEKDAYS and (
                    match["place"] in aliases or _known_city(city)
                ):
                    return Place(city=city)
    return None


def _city_like(name: str) -> bool:
    """Whether a capitalised name read in a place's position may be a city: not a word that
    never is one ("Ministry", "Today"), and not a country's name ("talks in Egypt", "in
    Romania" name the country, not where in it)."""
    return name.lower() not in NOT_PLACES and not countries().is_country(name)


# in Antalya  |  at the Kremlin  (a further place after an event's word, past a hotel's name)
PLACE_AFTER = re.compile(
    r"\b(?:in|inside|at) (?:the )?(?P<place>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)"
)
#: How far after the first place an event's word is followed by, a further "in <city>" is sought
#: ("a press conference at the International Comport (IC) Santai Hotel in Antalya").
PLACE_AFTER_CHARS = 60


def _places_after(text: str, match: re.Match[str]) -> list[str]:
    """The place :data:`EVENT_IN` read, then any further place written just after it: a venue's
    name ("at the ... Hotel") often comes before its city ("in Antalya")."""
    end = match.end("place")
    further = PLACE_AFTER.finditer(text[end : end + PLACE_AFTER_CHARS])
    return [match["place"], *(m["place"] for m in further)]


def _city_named(name: str) -> str:
    """A city written with "City" after its name ("in Taipei City") by the name the gazetteer
    knows it by ("Taipei"), unless the gazetteer knows the longer name ("Quezon City")."""
    if name.endswith(" City") and gazetteer().city(name) is None:
        shorter = name.removesuffix(" City")
        if gazetteer().city(shorter) is not None:
            return shorter
    return name


def _known_city(name: str) -> bool:
    """Whether a name read after "in" in running text is a city the gazetteer knows: a region
    ("in Alaska"), an institution ("in the Turkish Parliament") or a capitalised word that
    happens to follow "in" is not where an event was."""
    return _city_like(name) and gazetteer().city(name) is not None


# “...”  |  "..."  |  '..."  (quoted words are someone else's)
QUOTED = re.compile(r"[“\"'‘][^”\"]*[”\"]")
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us)\b")
#: A lead with this many first-person words outside quotations speaks for itself.
FIRST_PERSON_MIN = 2


def first_person(paragraphs: Sequence[str]) -> bool:
    """Whether the first paragraphs of text speak in the first person outside quotations
    ("We have agreed ..."): a transcript's words, not a report of them."""
    found = 0
    for text in lead(paragraphs)[:3]:
        found += len(FIRST_PERSON.findall(QUOTED.sub("", text)))
    return found >= FIRST_PERSON_MIN


#: A date this near a paragraph's start is the page's stamp ("date 2023-02-20 In the ..."), not
#: the event's.
STAMP_AT_START = 5


def dateline_date(found: Dateline | None, published: str | None) -> str | None:
    """The date a dateline prints ("WASHINGTON, March 11 (Xinhua)"), its year printed or taken
    from the publication date (a month after the publication's is the year before); None when
    neither gives a year."""
    if found is None or found.month is None or found.day is None:
        return None
    year = found.year
    if year is None and published:
        pub = dt.date.fromisoformat(published)
        year = pub.year - 1 if found.month > pub.month else pub.year
    return iso_date(str(year), str(found.month), str(found.day)) if year else None


def _before(reference: dt.date, month_name: str, match: re.Match[str]) -> str | None:
    """The date of a day and month written without a year, on or before ``reference``."""
    month = MONTHS[month_name.lower().rstrip(".")]
    day = int(match["day"] or match["day2"])
    year = reference.year - 1 if (month, day) > (reference.month, reference.day) else reference.year
    return iso_date(str(year), str(month), str(day))


def event_date(
    published: str | None, paragraphs: Sequence[str], filed: str | None = None
) -> str | None:
    """The event's date: "on Friday" or "Friday's talks" counted back from the day the report
    was filed (its dateline's date, else the publication date; the same day when it is a
    Friday), "today", "yesterday" (none of them inside quotation marks), the first full date
    written in the lead, else the dateline's date."""
    reference = filed or published
    day = dt.date.fromisoformat(reference) if reference else None
    undated: str | None = None  # "on April 29": taken when nothing else dates the event
    for written in lead(paragraphs)[:4]:
        # a day named inside quotation marks counts from the day the words were spoken, which
        # the report does not give ("Our meeting today", said at Thursday's talks and reported
        # on Friday): only the reporter's own words are counted back from the filing day
        text = QUOTED.sub(" ", written) if "“" in written or '"' in written else written
        if day is not None and (
            match := ON_WEEKDAY.search(text) or WEEKDAY_POSSESSIVE.search(text)
        ):
            if bracketed := WEEKDAY_DATE.match(text, match.end()):
                # "on Thursday (August 10)": the day written beside the weekday is the event's,
                # however long before the report it was
                return _before(day, bracketed["month"] or bracketed["month2"], bracketed)
            back = (day.weekday() - WEEKDAYS.index(match["day"].lower())) % 7
            return (day - dt.timedelta(days=back)).isoformat()
        if day is not None and undated is None and not CAPTION.search(written):
            undated = _day_month(text, day)
        if day is not None and YESTERDAY.search(text):
            return (day - dt.timedelta(days=1)).isoformat()
        if day is not None and TODAY.search(text):
            return day.isoformat()
        if (
            (found := find_stamp(written))
            and found.start > STAMP_AT_START
            and not CAPTION.search(written)
        ):
            return found.stamp.date  # not a stamp opening the paragraph: the page's own date
    return undated or filed


#: A day and month without a year dates the event only when it falls this many days at most
#: before the report ("could take place on March 21" in a report of 16 March is no past event).
UNDATED_DAYS = 31
# could take place  |  may meet  (with :data:`FUTURE`: a day still to come)
MAYBE = re.compile(r"\b(?:could|may|might)\b")


def _day_month(text: str, reference: dt.date) -> str | None:
    """The date of "on April 29" or "an interview April 10" in ``text``: the last such day on or
    before ``reference``, when it is at most :data:`UNDATED_DAYS` before it and not told as to
    come."""
    for dated in ON_DAY_MONTH.finditer(text):
        window = text[max(0, dated.start() - FUTURE_BEFORE) : dated.start()]
        if FUTURE.search(window) or MAYBE.search(window):
            continue
        found = _before(reference, dated["month"] or dated["month2"], dated)
        if found and (reference - dt.date.fromisoformat(found)).days <= UNDATED_DAYS:
            return found
    return None


# with his Armenian counterpart Ararat Mirzoyan  |  her U.S. counterpart Antony Blinken
COUNTERPART = re.compile(
    r"\b(?:his|her|their) (?P<country>[A-Z][\w.]+) counterparts?,? "
    r"(?:(?:Sheikh|Prince|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|H\.E\.|Sir|Dame) )?"
    r"(?P<name>[A-Z][\w'’-]+(?: (?:(?:bin|bint|al|el|de|van|von|da) )?[A-Z][\w'’-]+){1,4})"
)  # his Qatari counterpart, Sheikh Mohammed bin Abdulrahman Al Thani


#: The main speaker is named at most this many characters before "his ... counterpart".
NEAR = 150


def counterpart_phrases(paragraphs: Sequence[str], surname: str) -> list[tuple[str, str]]:
    """``(name, country as written)`` of "his Armenian counterpart Ararat Mirzoyan" in the lead,
    where the main speaker (``surname``) is named just before: "his" is theirs."""
    found: list[tuple[str, str]] = []
    for text in lead(paragraphs):
        for match in COUNTERPART.finditer(text):
            if surname in text[max(0, match.start() - NEAR) : match.start()]:
                found.append((match["name"], match["country"]))
    return found


# Clinton and Lavrov  |  Jaishankar, Lavrov  |  Lavrov-Tillerson  |  meets with Blinken
MEETING_LINK = re.compile(
    r"(?: and |, |[-–]|\bmeets? (?:with )?|\bmet (?:with )?|talks with )\|"
    r"|\|(?: and |, |[-–]|’s? )"
)


def title_counterparts(
    title: str, paragraphs: Sequence[str], speaker: str
) -> list[tuple[str, str | None]]:
    """``(full name, country as written or None)`` of the other people a headline names beside
    the main speaker ("Cavusoglu meets with Blinken", "Clinton and Lavrov hail ..."), named in
    full by the lead ("US Secretary of State Antony Blinken"): the principals of the report."""
    texts = lead(paragraphs)[:LEAD]
    names = full_names(texts)
    countries = {
        p.name.split()[-1]: p.country_text
        for text in texts[:4]
        for p in role_names(text, min_words=2)
        if p.country_text
    }
    main = speaker.split()[-1]
    found: list[tuple[str, str | None]] = []
    for match in re.finditer(r"[A-Z][\w'’]+", title):
        word = match.group()
        surname = possessive(word) or word
        around = f"{title[max(0, match.start() - 8) : match.start()]}|{title[match.end() :][:6]}"
        if not MEETING_LINK.search(around):
            continue  # linked to the speaker ("Kono, Trump"), not merely named ("Kono on Trump")
        full = names.get(surname, "")
        if surname == main or len(full.split()) < 2 or full.split()[-1] != surname:
            continue
        if _a_state(full):
            continue  # "visit Iran, Saudi Arabia and US": a country, not a person
        if full not in (name for name, _ in found):
            found.append((full, countries.get(surname)))
    return found


# met  |  talks  |  a phone call  |  a joint press conference  |  alongside  |  his counterpart
MEETING = re.compile(
    r"\b(?:met|meets?|meeting|talks|talked|call|conversation|press conference|news conference|"
    r"joint|alongside|hosted|received|counterpart|discussed|visit)\b",
    re.I,
)
# one sentence: up to ". " before a capital letter (not the dot of "U.S." or "S. Jaishankar")
SENTENCE = re.compile(r"[^.!?]+(?:(?:(?<=[A-Z])\.|[.!?](?!\s+[A-Z]))[^.!?]*)*[.!?]?")


def _same_country(first: str, second: str) -> bool:
    """Whether two countries as written are the same ("Russian", "Russia's"; "U.S.", "US")."""

    def key(text: str) -> str:
        return text.lower().replace(".", "").replace("the ", "").removesuffix("'s")[:4]

    return bool(first) and bool(second) and key(first) == key(second)


#: A subject joined to the main speaker is sought in this many first paragraphs (a headline the
#: page gives no title line for is the first).
JOINED_PARAGRAPHS = 3


def meeting_counterparts(
    paragraphs: Sequence[str], speaker: str, title: str = ""
) -> list[tuple[str, str, str]]:
    """``(name, role, country as written)`` of the people the lead reports meeting the main
    speaker: a sentence naming the speaker and a meeting ("Turkish Foreign Minister Hakan Fidan
    and U.S. Secretary of State Antony Blinken met on Friday", "Fumio Kishida ... after talks
    with U.S. Secretary of State John Kerry") names them with a role; never the speaker, nor
    someone of the speaker's own country ("Russian President Vladimir Putin" beside Lavrov).
    The speaker is found by the name the report uses alone (:func:`short_name`: "Lee" of "Lee
    In-young"); their country by their office in the ``title`` or the lead."""
    surname = short_name(speaker, paragraphs)
    # the speaker's own country, wherever the title or the lead names it with their office
    # ("Acting Foreign Minister of Ukraine Andriy Deshchytsia"): a compatriot met is none
    own = next(
        (
            p.country_text
            for text in [title, *lead(paragraphs)[:JOINED_PARAGRAPHS]]
            for p in role_names(text, min_words=2)
            if same_person(p.name, speaker) and p.country_text
        ),
        "",
    )
    found: list[tuple[str, str, str]] = []
    for text in lead(paragraphs)[:JOINED_PARAGRAPHS]:
        # "Clinton and Russian Foreign Minister Sergey Lavrov pressed ...": joined as the subject
        joined = re.search(
            rf"\b{re.escape(surname)}\b,? and (?:his |her )?(?P<phrase>(?:[\w.'’-]+ ){{0,6}}?"
            rf"{_CAP}[\w'’-]+ {_CAP}[\w'’-]+)\b(?! [A-Z])",
            text,
        )
        if joined:
            people = role_names(joined["phrase"], min_words=2)
            name = people[0].name if people else " ".join(joined["phrase"].split()[-2:])
            if not same_person(name, speaker) and not any(
                w.lower() in ROLE_WORDS for w in name.split()
            ):
                role, country = (people[0].role, people[0].country_text) if people else ("", "")
                before = joined["phrase"].split()[:-2]
                if (
                    not people
                    and len(before) >= 2
                    and all(w.lower() in ROLE_WORDS for w in before[1:])
                ):
                    # U.S. Special Representative Sung Kim: country, then an office with no head
                    role, country = " ".join(before[1:]), before[0]
                return [(name, role, country)]
    for text in lead(paragraphs)[:3]:
        for sentence in SENTENCE.findall(text):
            # "He was speaking at a meeting with ...": the sentence goes on about the speaker
            about = surname in sentence or PRONOUN_SUBJECT.match(sentence) is not None
            if not about or not MEETING.search(sentence):
                continue
            people = role_names(sentence, min_words=2)
            own = own or next((p.country_text for p in people if same_person(p.name, speaker)), "")
            for person in people:
                if same_person(person.name, speaker) or _same_country(person.country_text, own):
                    continue
                if all(name != person.name for name, _, _ in found):
                    found.append((person.name, person.role, person.country_text))
        if found:
            return found
    return found


# He made the remarks on Saturday during a meeting with ...  |  She was speaking at ...
PRONOUN_SUBJECT = re.compile(r"\s*(?:He|She)\b")


#: A counterpart's country is sought with their office in the headline and this many paragraphs.
COUNTRY_PARAGRAPHS = 4


def country_written(name: str, title: str, paragraphs: Sequence[str]) -> str:
    """The country a report writes with a person's office anywhere in its headline or first
    paragraphs, as written ("U.S." of "U.S. State Secretary Clinton", "U.S." of "John Kerry, the
    U.S. Secretary of State"), or "". A report names a principal's country once, often not where
    it says whom the speaker met ("Sergei Lavrov and Hillary Clinton said ...")."""
    surname = name.split()[-1] if name.split() else ""
    if not surname:
        return ""
    texts = [title, *lead(paragraphs)[:COUNTRY_PARAGRAPHS]]
    for text in texts:
        if surname not in text:
            continue
        for person in role_names(text):
            if person.country_text and person.name.split()[-1:] == [surname]:
                return person.country_text
        for match in re.finditer(
            rf"\b{re.escape(surname)}, (?:the |a )?(?P<country>{_CAP}[\w.]+) ", text
        ):
            after = text[match.end() :].split(" ", 1)[0].lower().strip(",.")
            if after in ROLE_WORDS:
                return match["country"]
    return ""


def short_name(name: str, paragraphs: Sequence[str]) -> str:
    """The word of a full name the report uses alone for the person: the surname ("Lavrov" of
    "Sergei Lavrov") or, for names written family name first, the first word ("Lee" of "Lee
    In-young", "Wang" of "Wang Yi"): the word found most often outside the full name."""
    return _short_name(name, tuple(paragraphs))


@per_read
def _short_name(name: str, paragraphs: tuple[str, ...]) -> str:
    """:func:`short_name`, once per read for the same name and paragraphs."""
    words = [w for w in name.split() if len(w) > 1 and w.lower() not in NAME_PARTICLES]
    if len(words) < 2:
        return words[-1] if words else name
    texts = lead(paragraphs)
    alone = {
        w: sum(len(re.findall(rf"\b{re.escape(w)}\b", t)) for t in texts)
        - sum(t.count(name) for t in texts)
        for w in words
    }
    best = max(words, key=lambda w: (alone[w], words.index(w) == len(words) - 1))
    return best if alone[best] > 0 else words[-1]


def same_person(name: str, speaker: str) -> bool:
    """Whether a name found in a report is the main speaker's: it ends in a word of the
    speaker's name ("Lavrov" for "Sergei Lavrov"; "Wang Yi" for "Wang Yi", written family name
    first)."""
    words = name.split()
    return bool(words) and words[-1] in speaker.split()


# a joint press conference  |  a joint news conference
JOINT_CONFERENCE = re.compile(r"\bjoint (?:press|news) conference\b", re.IGNORECASE)
# his US counterpart  |  her Turkish counterpart  (no name after it)
UNNAMED_COUNTERPART = re.compile(
    rf"\b(?:his|her) (?P<country>{_CAP}[\w.]+) counterpart\b(?!,? {_CAP})"
)


def joint_counterpart(
    title: str, paragraphs: Sequence[str], speaker: str
) -> tuple[str, str] | None:
    """``(name, country as written)`` of the other side of a joint press conference the report
    covers: the person, not the main speaker, whose words it reports most ("For his part,
    Blinken said ..."), when the headline or lead says the conference was joint. The country is
    the one written with their office, or the one of "his US counterpart" when the report names
    the counterpart so and nobody else; None when there is no such person."""
    texts = lead(paragraphs)
    if not any(JOINT_CONFERENCE.search(text) for text in (title, *texts)):
        return None
    others = Counter(a.surname for a in attributions(texts) if not same_person(a.surname, speaker))
    if not others:
        return None
    surname = others.most_common(1)[0][0]
    name = full_names([title, *texts]).get(surname, surname)
    country = country_written(name, title, paragraphs)
    if not country:
        unnamed = {m["country"] for t in texts for m in UNNAMED_COUNTERPART.finditer(t)}
        country = next(iter(unnamed)) if len(unnamed) == 1 else ""
    return name, country
