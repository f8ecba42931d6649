"""The principals a transcript's head block names, each on a name line over an office line.

Ministers' and leaders' pages print who took part above the text: a name line, with courtesy
titles ("Senator the Hon Marise Payne", "The Hon Anthony Albanese MP"), over an office line
that ends with the country ("Minister for Foreign Affairs and Minister for Women, Australia",
"Prime Minister of Australia"). At a joint appearance hosted by someone else (the host opens
and is the main speaker), the others such a block names are the guests: :func:`head_principals`
reads them, and the reader takes those the text also names as the counterparts.

A ministry's page may name its guest only by office and country: "joint press conference with
the Foreign Minister of Austria", the text then greeting "Mr. Schallenberg".
:func:`office_guest` reads that office, and the name from the first courtesy title or office
before a surname in the opening that is not the main speaker's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from parley.model import Counterpart
from parley.read.persons import ROLE_HEADS, ROLE_WORDS, TOKEN, read_person
from parley.read.titles import kind_of
from parley.vocab.gazetteer import countries

#: Courtesy words a name line may carry around the name (lower case, without dots).
COURTESY = frozenset(
    {"senator", "the", "hon", "honourable", "honorable", "rt", "right", "mp", "dr", "mr", "mrs",
     "ms", "sir", "dame", "he", "his", "her", "excellency", "qc", "kc", "mla", "mpp"}
)  # fmt: skip
# Anthony Albanese  |  Marise Payne  (two to four capitalised words, hyphens and apostrophes)
NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ'’-]+")
# Prime Minister of Australia  |  Minister for Foreign Affairs ..., New Zealand
OFFICE_COUNTRY = re.compile(r"(?:,| of(?: the)?) (?P<country>[A-Z][\w .'’-]+)$")


def head_principals(lines: Sequence[str]) -> list[Counterpart]:
    """Each (name, office, country) a block of name and office lines gives, in order; see the
    module docstring. ``lines``: the head of the text, above its first turn."""
    found: list[Counterpart] = []
    texts = [line.strip() for line in lines if line.strip()]
    for above, below in pairwise(texts):
        name = _name_line(above)
        if not name:
            continue
        office = OFFICE_COUNTRY.search(below)
        words = {w.strip(",.").casefold() for w in below.split()}
        if office is None or not words & ROLE_HEADS:
            continue
        country = office["country"].strip()
        if not countries().is_country(country):
            continue
        role = below[: office.start()].split(",")[0].strip()
        found.append(Counterpart(name, role, country))
    return found


def _name_line(line: str) -> str:
    """The name on a line that is only a name with courtesy titles ("Senator the Hon Marise
    Payne" -> "Marise Payne"), or ""."""
    words = line.split()
    kept = [w for w in words if w.strip(".,").casefold() not in COURTESY]
    if not 2 <= len(kept) <= 4 or not all(NAME_WORD.fullmatch(w) for w in kept):
        return ""
    if any(w.casefold() in ROLE_WORDS for w in kept) or kind_of(line) != "other":
        return ""  # "Prime Minister Anthony", "Press Conference": an office or a kind
    return " ".join(kept)


# ... with the Foreign Minister of Austria  |  with the Prime Minister of Georgia  (title's end)
WITH_OFFICE = re.compile(r"\bwith (?:the )?(?P<office>[A-Z][^,;()]{4,80}?)\s*$")
# Mr. Schallenberg  |  Minister Botchorishvili  |  Mrs. Minister  (a greeting before a surname)
GREETED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Madam|Dr|Minister|Secretary|President)\.? (?P<surname>[A-Z][a-zà-ÿ'’-]{2,})\b"
)


def office_guest(title: str, paragraphs: Sequence[str], main: str) -> Counterpart | None:
    """The guest a title names by office and country only ("... joint press conference with the
    Foreign Minister of Austria"), named as the opening greets them ("Dear Minister, Mr.
    Schallenberg"): a surname after a courtesy title or an office that is not ``main``'s, in
    the first three paragraphs; None when either is missing."""
    found = WITH_OFFICE.search(title)
    if found is None:
        return None
    person = read_person(TOKEN.findall(found["office"]), 0)
    if person.name or not person.role or not countries().is_country(person.country_text):
        return None
    mains = {word.casefold() for word in main.split()}
    for text in paragraphs[:3]:
        for greeted in GREETED.finditer(text):
            surname = greeted["surname"]
            if surname.casefold() not in mains and surname.casefold() not in ROLE_WORDS:
                return Counterpart(surname, person.role, person.country_text)
    return None
