"""Quotations in a news report: the words in quotation marks and who the report says spoke them.

In: a news report's numbered paragraphs (:func:`quotations`; :func:`find_quotations` takes a read
:class:`~parley.model.Document`). Out: its :class:`Quotation` values, in text order. Pure; never
raises on content. The reader counts them for an article's main speaker
(:func:`parley.read.article.main_speaker`); the link stage traces them to the transcript they
quote (:mod:`parley.link.provenance`): one finder for both.

A quotation is text in quotation marks that the sentence around it attributes to a speaker:

- ``"...," Lavrov said.`` / ``"...," said Lavrov.`` / ``Lavrov said: "..."``
- ``"...," he warned.`` (a pronoun or a role such as "the foreign minister" stands for the person
  named last in an attribution, or the report's main speaker)
- ``Lavrov said Moscow and Manama had a "mutual understanding"`` (the attribution anywhere in the
  sentence outside the marks)
- ``"First part," Lavrov said, "second part."``: one quotation in two parts
- a paragraph that is only a quotation, right after an attributed one, continues the speaker.

Quoted words with no attribution (a title, a scare quote, "Daesh") are not quotations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parley.model import Document
from parley.read.dates import WEEKDAYS

#: Text in quotation marks: “...”, «...», "...", a mix of the two kinds ("...” as pages have it),
#: and last the curly marks a page got wrong: “...“ or ”...”.
QUOTED = re.compile(r"[“\"«]([^“”\"«»]+)[”\"»]|[“”]([^“”]+)[“”]")

#: Verbs of saying that attribute a quotation, e.g. "said", "warned", "told reporters".
SAYING = (
    r"(?i:said|says|say|added|adds|stressed|stresses|warned|warns|noted|notes|told|tells|"
    r"stated|states|emphasi[sz]ed|underlined|underscored|declared|announced|insisted|"
    r"explained|remarked|recalled|observed|pointed out|argued|asserted|affirmed|"
    r"reiterated|indicated|continued|concluded|urged|called|wrote|asked|replied|"
    r"answered|commented|lamented|described|acknowledged|admitted|maintained|claimed|"
    r"highlighted|cautioned|complained|suggested|vowed|promised|praised|accused|"
    r"referred|appealed|decried|denounced|expressed|blamed|hit out|went on|according to)"
)

#: A name: one to four capitalised words ("Lavrov", "Sergei Lavrov", "Wang Wenbin").
NAME = r"(?:[A-Z][\w'’.\-]+(?:\s+(?:al-|bin\s|de\s|van\s)?[A-Z][\w'’.\-]+){0,3})"

#: A pronoun or role that stands for the person named before, e.g. "he", "the minister".
STAND_IN = (
    r"(?i:he|she|they|the (?:\w+ ){0,3}(?:minister|president|secretary|spokes(?:wo)?man|"
    r"spokesperson|diplomat|chief|leader|official|envoy|ambassador|premier|chancellor))"
)

#: "Lavrov said", "Sergei Lavrov, Russia's foreign minister, said" (name then verb).
NAME_SAID = re.compile(
    rf"(?P<who>{NAME}|{STAND_IN})(?:,[^,\"“”]{{1,80}},)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|then\s+|later\s+)?{SAYING}\b"
)
#: "said Lavrov", "according to Lavrov" (verb then name).
#: Verbs that may come before the speaker: "said Lavrov", "according to Lavrov"; not "told
#: Clinton", whose name is the listener.
INVERTED = (
    r"(?i:said|says|added|adds|stressed|warned|noted|wrote|replied|answered|continued|"
    r"explained|insisted|concluded|remarked|declared|announced|according to)"
)
SAID_NAME = re.compile(rf"\b{INVERTED}\s+(?P<who>{NAME}|{STAND_IN})\b")
#: Any verb of the speaker just before a colon that opens the quotation: "Clinton joked to
#: Lavrov: “...”", "Lavrov told reporters: “...”".
INTRODUCES = re.compile(
    rf"(?P<who>{NAME}|{STAND_IN})\s+(?:\w+\s+){{0,1}}[a-z]+(?:ed|s)\b[^:.;“”\"]{{0,40}}:\s*$"
)
#: A name after a title: "Secretary-General Antonio Guterres", "Foreign Minister Sergei Lavrov".
TITLED = re.compile(
    r"(?P<title>Secretary[- ]General|President|Minister|Secretary|Spokes(?:wo)?man|Spokesperson|"
    r"Ambassador|Chancellor|Premier|Envoy|chief|leader|Mr\.?|Ms\.?|Mrs\.?)\s+"
    rf"(?P<who>{NAME})"
)
#: Words a quotation needs to be attributed to the one speaker its paragraph names, with no verb
#: of saying and not as the sentence's subject: shorter quoted words ("a red “reset button”")
#: are mostly labels.
FALLBACK_WORDS = 3
#: Words that look like names at the start of a sentence but are not speakers.
NOT_NAMES = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "In",
        "On",
        "At",
        "As",
        "But",
        "And",
        "Also",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "According",
        "When",
        "While",
        "After",
        "Before",
        "Earlier",
        "Later",
        "Meanwhile",
        "However",
        "Speaking",
        "Asked",
        "Russia",
        "Moscow",
    ]
)
#: Words around a name that are not part of it: "UN Secretary-General António Guterres Friday".
NOT_NAME_WORDS = frozenset(
    [
        *WEEKDAYS,
        "today",
        "yesterday",
        "tonight",
        "un",
        "us",
        "uk",
        "eu",
        "president",
        "prime",
        "minister",
        "foreign",
        "secretary",
        "secretary-general",
        "general",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "chancellor",
        "premier",
        "mr",
        "ms",
        "mrs",
        "dr",
        "russian",
        "american",
        "chinese",
        "indian",
        "turkish",
        "british",
        "iranian",
        "syrian",
        "state",
        "deputy",
        "top",
        "official",
        "officials",
        "leader",
        "king",
        "crown",
        "prince",
        "his",
        "her",
        "excellency",
        "h.e.",
        "sir",
    ]
)


@dataclass(frozen=True, slots=True)
class Quotation:
    """Words a news report puts in quotation marks and attributes to a speaker."""

    paragraph: int
    """Number of the report's paragraph holding (the first part of) the quotation."""
    parts: tuple[str, ...]
    """The quoted words, one item per pair of marks, in order, without the marks."""
    speaker: str
    """Who said it, as the report names them ("Lavrov", "Sergei Lavrov")."""
    role: str
    """The title the report gives the speaker ("Secretary-General", "Minister"), or ""."""
    start: int
    """Offset of the first part's opening mark in the paragraph's text."""
    end: int
    """Offset just after the last part's closing mark (in the same paragraph)."""

    @property
    def text(self) -> str:
        """The quoted words, parts joined by a space."""
        return " ".join(part.strip(" ,.;:") for part in self.parts)


def find_quotations(doc: Document) -> tuple[Quotation, ...]:
    """Every attributed quotation of a read news report, in text order."""
    return quotations(
        [(para.number, para.text) for para in doc.paragraphs],
        doc.meta.speakers,
        [c.name for c in doc.meta.counterparts],
    )


def quotations(
    paragraphs: Sequence[tuple[int, str]],
    speakers: Sequence[str] = (),
    counterparts: Sequence[str] = (),
) -> tuple[Quotation, ...]:
    """Every attributed quotation of a news report's ``(number, text)`` paragraphs, in text
    order; ``speakers`` (the first is the report's main speaker, whom a pronoun may stand for
    before anyone is named) and ``counterparts`` are people the report is known to be about."""
    found: list[Quotation] = []
    last_named = speakers[0] if speakers else ""
    roles: dict[str, str] = {}
    for number, text in paragraphs:
        for m in TITLED.finditer(text):
            name = _resolve(m.group("who"), "")
            if name and m.group("title")[0].isupper():
                roles.setdefault(_surname(name), m.group("title"))
                if not last_named and number <= 2:
                    last_named = name
    known = {_surname(n) for n in (*speakers, *counterparts)}
    previous_quoted = False
    for number, text in paragraphs:
        marks = [
            (m.start(), m.end(), next(g for g in m.groups() if g is not None))
            for m in QUOTED.finditer(text)
        ]
        if not marks:
            previous_quoted = False
            continue
        outside = _outside(text, marks)
        titled = [_resolve(m.group("who"), "") for m in TITLED.finditer(outside)]
        if titled and titled[0]:
            last_named = titled[0]
            known.add(_surname(titled[0]))
        quoted_here = False
        i = 0
        while i < len(marks):
            start, _, words = marks[i]
            who = _attribution(text, marks, i) or _subject(text, marks[i][0], known)
            if who is None and len(words.split()) >= FALLBACK_WORDS:
                who = _named_in(outside, known)
            parts = [words]
            j = i
            # "First part," Lavrov said, "second part."
            while j + 1 < len(marks) and who and _joins(text[marks[j][1] : marks[j + 1][0]]):
                j += 1
                parts.append(marks[j][2])
            if who is None and previous_quoted and last_named and _continues(outside, words):
                who = last_named  # a paragraph that goes on quoting the last speaker
            if who is not None:
                speaker = _resolve(who, last_named)
                if speaker:
                    last_named = speaker
                    known.add(_surname(speaker))
                    role = roles.get(_surname(speaker), "")
                    found.append(Quotation(number, tuple(parts), speaker, role, start, marks[j][1]))
                    quoted_here = True
            i = j + 1
        previous_quoted = quoted_here
    return tuple(found)


def _continues(outside: str, words: str) -> bool:
    """True if a quotation with no attribution goes on quoting the speaker of the paragraph
    before: the paragraph is only quotations, or the quotation is a clause of four words or more
    and no one else is said to speak in the paragraph."""
    if not outside.strip(" .,;:—–-"):
        return True
    return (
        len(words.split()) >= 4 and not NAME_SAID.search(outside) and not SAID_NAME.search(outside)
    )


def _outside(text: str, marks: list[tuple[int, int, str]]) -> str:
    """The paragraph's text with the quoted parts taken out."""
    pieces, at = [], 0
    for start, end, _ in marks:
        pieces.append(text[at:start])
        at = end
    pieces.append(text[at:])
    return " ".join(pieces)


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before the marks at ``start`` and after those ending at ``end``."""
    before = text[:start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    after = text[end:]
    stop = re.search(r"[.?!](?:\s|$)", after)
    return before[cut + 1 :], after[: stop.end()] if stop else after


def _attribution(text: str, marks: list[tuple[int, int, str]], i: int) -> str | None:
    """Who the sentence around the ``i``-th quoted part says spoke it, as written."""
    start, end, _ = marks[i]
    before, after = _sentence_around(text, start, end)
    if i + 1 < len(marks):  # the text after the marks stops at the next quoted part
        after = after[: marks[i + 1][0] - end]
    head = after.lstrip(" ,.;:—–-")
    for pattern in (NAME_SAID, SAID_NAME):
        m = pattern.match(head)
        if m and _is_speaker(m.group("who")):
            return m.group("who")
    # before the marks: "Clinton joked to Lavrov: ...", else the last attribution of the
    # sentence ("Lavrov said Moscow and Manama had a ...")
    introduced = INTRODUCES.search(before)
    if introduced and _is_speaker(introduced.group("who")):
        return introduced.group("who")
    best = None
    for pattern in (NAME_SAID, SAID_NAME):
        for m in pattern.finditer(before):
            if _is_speaker(m.group("who")) and (best is None or m.start() > best[0]):
                best = (m.start(), m.group("who"))
    return best[1] if best else None


#: The subject at the start of a sentence: "Guterres — who is on a visit — ..." or "He ...".
SUBJECT = re.compile(rf"\s*(?P<who>{NAME}|He|She)\b")


def _subject(text: str, start: int, known: set[str]) -> str | None:
    """The subject of the sentence holding the quoted part at ``start``, when it is someone the
    report already quotes or names as a speaker ("Guterres appreciated “enormous efforts”")."""
    before, _ = _sentence_around(text, start, start)
    m = SUBJECT.match(before)
    if not m:
        return None
    who = m.group("who")
    if who in ("He", "She"):
        return who
    return who if _surname(_resolve(who, "")) in known - {""} else None


def _named_in(outside: str, known: set[str]) -> str | None:
    """The one speaker the paragraph names outside its quotations, if the report quotes them
    already or they stand in for the last speaker ("the Secretary General referred to ...")."""
    names = [_resolve(m.group(0), "") for m in re.finditer(NAME, outside)]
    named = {_surname(n) for n in names} & known - {""}
    stand_in = re.search(rf"\b{STAND_IN}\b", outside)
    if len(named) == 1:
        return next(n for n in names if _surname(n) in named)
    if not named and stand_in and stand_in.group(0).lower() not in ("he", "she", "they"):
        return stand_in.group(0)
    return None


def _surname(name: str) -> str:
    """The last word of a name, lower case."""
    words = name.split()
    return words[-1].lower() if words else ""


def _is_speaker(who: str) -> bool:
    """False for capitalised words that start a sentence but name nobody ("The", "In")."""
    first = who.split()[0]
    if re.fullmatch(STAND_IN, who, re.IGNORECASE):
        return True
    return first not in NOT_NAMES and first[:1].isupper()


def _joins(between: str) -> bool:
    """True if the text between two quoted parts is only an attribution: ', Lavrov said, '."""
    between = between.strip()
    return (
        bool(between)
        and len(between) < 60
        and bool(
            NAME_SAID.fullmatch(between.strip(" ,.;:—–-"))
            or SAID_NAME.fullmatch(between.strip(" ,.;:—–-"))
        )
    )


def _resolve(who: str, last_named: str) -> str:
    """A name as written without titles and days, or the last named speaker for a pronoun or
    role ("UN Secretary-General António Guterres Friday" -> "António Guterres")."""
    if re.fullmatch(STAND_IN, who, re.IGNORECASE):
        return last_named
    words = who.replace("’s", "").replace("'s", "").split()
    while words and words[-1].lower().strip(",.") in NOT_NAME_WORDS:
        words.pop()
    kept: list[str] = []
    for word in reversed(words):
        if word.lower().strip(",.") in NOT_NAME_WORDS:
            break
        kept.insert(0, word)
    return " ".join(kept) or last_named
