"""Forms of one person's name: "Sergei V. Lavrov" is "Sergei Lavrov", "S. Jaishankar" is
"Subrahmanyam Jaishankar", "MOTEGI Toshimitsu" is "Toshimitsu Motegi".

Pages write a name in many forms that are plainly one person's, and no list of aliases can hold
them all: a middle initial or not, a given name cut to its initial, a suffix ("Teodoro L. Locsin,
Jr."), and the family name first in capitals as Japan's Foreign Ministry prints it ("IWAYA
Takeshi"). :func:`name_parts` reduces a name to its given name and family name, folded (case,
accents, dots and commas ignored); :func:`same_name` says whether two names are forms of one
name: the same family name, and the same given name or one given as the other's initial. A
family name alone ("Seibert") is a form of every name ending in it. Two different people who
share a family name and an initial are not told apart (the rule cannot know them); two given
names that differ ("Sergei" and "Sergey") are left to the aliases of ``data/people.yaml``.
"""

from __future__ import annotations

import re
import unicodedata

#: Words after a name that are no part of it: "Teodoro L. Locsin, Jr.", "Martin Luther King III".
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Words before a name that are no part of it.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "hon", "rt", "sir", "shri", "smt"})
#: "H.E." (His or Her Excellency) before a name, written with dots, so not a word of its own.
_EXCELLENCY = re.compile(r"^\s*H\.\s?E\.\s*")
#: A family name printed first in capitals has at least this many letters ("ABE", "IWAYA");
#: shorter runs of capitals are initials ("LN Sisulu").
FAMILY_FIRST_MIN = 3
# a word: letters (any script), apostrophes and hyphens inside
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _fold(word: str) -> str:
    """A word without accents, in lower case: "Çavuşoğlu" -> "cavusoglu"."""
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


def name_parts(name: str) -> tuple[str, ...]:
    """The words of a name in given-name-first order, folded, without honorifics before it and
    suffixes after it: "MOTEGI Toshimitsu" -> ("toshimitsu", "motegi"), "Teodoro L. Locsin, Jr."
    -> ("teodoro", "l", "locsin"). A first word in capitals of :data:`FAMILY_FIRST_MIN` letters
    or more before words that are not all capitals is a family name printed first."""
    words = _WORD.findall(_EXCELLENCY.sub("", name))
    while words and _fold(words[0]) in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and _fold(words[-1]) in SUFFIXES:
        words = words[:-1]
    if (
        len(words) >= 2
        and words[0].isupper()
        and len(words[0]) >= FAMILY_FIRST_MIN
        and not any(w.isupper() for w in words[1:])
    ):
        words = [*words[1:], words[0]]
    return tuple(_fold(w) for w in words)


def same_name(first: str, second: str) -> bool:
    """Whether two names are forms of one name: the same family name (last word) and either
    one of them is the family name alone, or their given names (first words) agree, one maybe
    an initial of the other. Middle names and initials are not compared."""
    a, b = name_parts(first), name_parts(second)
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    given_a, given_b = a[0], b[0]
    if given_a == given_b:
        return True
    short, long = sorted((given_a, given_b), key=len)
    return len(short) == 1 and long.startswith(short)


def short_form(name: str) -> str:
    """A name with middle names and initials left out, given name first, folded: the key under
    which :func:`same_name` forms meet when their given names are whole ("Sergei V. Lavrov" ->
    "sergei lavrov"); "" for an empty name."""
    parts = name_parts(name)
    return " ".join((parts[0], parts[-1])) if len(parts) >= 2 else "".join(parts)
