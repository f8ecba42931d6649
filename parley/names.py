"""What things are called on the pages: entity names from the vocabulary, kinds, dates, languages.

The renderer only reads the vocabulary through :class:`VocabularyView`
(``parley.vocab.vocabulary``'s
``Vocabulary`` has this shape). A key the vocabulary does not know (a counterpart who is not in
``data/people.yaml``) is shown by the name it was written with, never as an error: rendering
is pure and cannot fail on content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import pycountry

if TYPE_CHECKING:
    from parley.model import Entry

#: An ISO date as the reader writes it, e.g. "2016-10-28".
ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: How each document kind reads in a sentence ("Sergey Lavrov's news conference").
KIND_NOUNS = {
    "news-conference": "news conference",
    "interview": "interview",
    "briefing": "briefing",
    "statement": "statement",
    "speech": "speech",
    "article": "news article",
    "other": "document",
}

#: Who published the text, as shown in the header ("Ministry transcript").
PUBLISHER_NAMES = {
    "ministry": "Ministry transcript",
    "kremlin": "Presidential transcript",
    "state-department": "State Department transcript",
    "wire": "Wire-service transcript",
    "news": "News report",
    "other": "Text",
}

#: Entity kinds and the headings of their groups.
KIND_GROUPS = {
    "country": "Countries",
    "person": "People",
    "organisation": "Organisations",
    "document": "Documents and agreements",
    "topic": "Topics",
}


class Named(Protocol):
    """A vocabulary entity or topic: something with a name and a description."""

    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str: ...


class NamedTopic(Named, Protocol):
    """A topic of the vocabulary."""

    @property
    def slug(self) -> str: ...


class VocabularyView(Protocol):
    """The part of ``parley.vocab.vocabulary.Vocabulary`` the renderer and the records use."""

    def country_name(self, code: str) -> str: ...

    def entity(self, kind: str, key: str) -> Named: ...

    def topic(self, slug: str) -> Named: ...

    @property
    def topics(self) -> Iterable[NamedTopic]: ...


@dataclass(frozen=True, slots=True)
class Names:
    """Display names, with a fallback for keys the vocabulary does not hold."""

    vocab: VocabularyView

    def country(self, code: str) -> str:
        """Country name for an alpha-2 code ("SY" -> "Syria"); the code if unknown."""
        try:
            return self.vocab.country_name(code) or code
        except LookupError:
            return code

    def entity(self, kind: str, key: str, fallback: str = "") -> str:
        """Name of a vocabulary entity of any kind, or ``fallback`` (or the key) if unknown."""
        if kind == "country":
            return self.country(key)
        if kind == "topic":
            return self.topic(key)
        try:
            return self.vocab.entity(kind, key).name
        except LookupError:
            return fallback or key

    def description(self, kind: str, key: str) -> str:
        """The vocabulary's description of an entity or topic, or ""."""
        try:
            if kind == "topic":
                return self.vocab.topic(key).description or ""
            if kind != "country":
                return self.vocab.entity(kind, key).description or ""
        except LookupError:
            return ""
        return ""

    def topic(self, slug: str) -> str:
        """Topic name for a slug; the slug if unknown."""
        try:
            return self.vocab.topic(slug).name
        except LookupError:
            return slug


def long_date(iso: str | None) -> str:
    """A date as read: "2020-11-25" -> "25 November 2020"; "undated" for None."""
    if not iso:
        return "undated"
    match = ISO_DATE.match(iso)
    if not match or not 1 <= int(match["month"]) <= 12:
        return iso
    return f"{int(match['day'])} {MONTHS[int(match['month']) - 1]} {match['year']}"


def month_name(month: str) -> str:
    """A month's name: "07" -> "July"; other text as it is."""
    return MONTHS[int(month) - 1] if month.isdigit() and 1 <= int(month) <= 12 else month


def kind_noun(kind: str) -> str:
    """A kind of document in a sentence: "news-conference" -> "news conference"."""
    return KIND_NOUNS.get(kind, kind.replace("-", " "))


def publisher_name(publisher: str) -> str:
    """Who published a text: "ministry" -> "Ministry transcript"."""
    return PUBLISHER_NAMES.get(publisher, publisher)


def language_name(tag: str) -> str:
    """A BCP 47 tag as a reader knows it: "en-GB" -> "English (en-GB)"."""
    primary = tag.split("-")[0].lower()
    language = None
    if len(primary) == 2:
        language = pycountry.languages.get(alpha_2=primary)
    elif len(primary) == 3:
        language = pycountry.languages.get(alpha_3=primary)
    return f"{language.name} ({tag})" if language is not None else tag


def counted(n: int, word: str) -> str:
    """A count with its noun: "1 document", "2 documents", "0 documents"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def possessive(name: str) -> str:
    """A name's possessive: "Sergey Lavrov" -> "Sergey Lavrov's"; "Jones" -> "Jones'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


#: A display title longer than this is replaced by the short one (an official title runs to
#: 300 characters; a headline fits).
TITLE_MAX = 90
#: Month abbreviations of the short display title ("28 Oct 2016").
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(iso: str | None) -> str:
    """ "2016-10-28" -> "28 Oct 2016"; other text as it is; "" for None."""
    match = ISO_DATE.match(iso or "")
    if not match or not 1 <= int(match["month"]) <= 12:
        return iso or ""
    return f"{int(match['day'])} {SHORT_MONTHS[int(match['month']) - 1]} {match['year']}"


#: Words that belong to the surname that follows them: "Al Zayani", "van der Bellen".
PARTICLES = frozenset({"al", "el", "de", "da", "di", "du", "der", "van", "von", "le", "la"})


def surname(name: str) -> str:
    """The surname part of a name: "Mohammad Javad Zarif" -> "Zarif",
    "Abdullatif bin Rashid Al Zayani" -> "Al Zayani"."""
    words = name.split()
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:]) if words else name


def display_title(entry: Entry, names: Names) -> str:
    """The title a reader sees at the top of the page: the document's own when it is short (a
    headline), else who met whom, where and when: "Lavrov – Muallem, Zarif · Moscow · 28 Oct
    2016". The full official title stays in the page's metadata."""
    title = entry.doc.meta.title or entry.doc.id
    if len(title) <= TITLE_MAX:
        return title
    meta = entry.doc.meta
    who = surname(meta.speakers[0]) if meta.speakers else ""
    if meta.counterparts:
        others = ", ".join(surname(c.name) for c in meta.counterparts)
        who = f"{who} – {others}" if who else others
    elif who:
        who = f"{who}, {kind_noun(meta.kind)}"
    else:
        who = kind_noun(meta.kind).capitalize()
    place = ""
    if meta.place:
        place = meta.place.city or (names.country(meta.place.country) if meta.place.country else "")
    return " · ".join(p for p in (who, place, short_date(meta.date)) if p)
