"""Tokens: how text becomes index terms. ``docs/javascripts/search/core.js`` does the same.

Text is folded (NFKD, combining marks removed, lower case, final sigma as sigma) and cut into
runs of Unicode letters and digits; words shorter than :data:`MIN_LENGTH` and stop words are
dropped, and a word of plain letters a-z is stemmed with the Snowball English stemmer
(``countries`` -> ``countri``, ``talks`` -> ``talk``, ``negotiations`` -> ``negoti``). Other
words (``2254``, ``σοσ``) are kept as they are. The stemmer is ``snowballstemmer``'s; the browser
uses an npm port of the same algorithm, and a test checks both over the index's vocabulary.
``tests/fixtures/search/tokenizer_vectors.json`` pins the rules on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import snowballstemmer

__all__ = ["MIN_LENGTH", "STOP_WORDS", "WORD", "fold", "stem", "term", "term_counts", "terms"]

#: A run of letters and digits in folded text, e.g. "zarif" and "2254" in "zarif, 2254".
#: ``[^\W_]`` is exactly Unicode's L* and N* categories (checked over every code point).
WORD = re.compile(r"[^\W_]+")
#: A character outside ASCII, e.g. the "é" in "Médecins" or the "’" in "Lavrov’s".
NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: A word the stemmer is given: plain letters a-z only.
STEMMABLE = re.compile(r"[a-z]+")

#: Words too common to index; the browser takes this list from the manifest.
# fmt: off
STOP_WORDS = frozenset((
    "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our",
    "she", "so", "than", "that", "the", "their", "them", "there", "these", "they", "this",
    "those", "to", "was", "we", "were", "which", "who", "will", "with", "would", "you", "your",
))
# fmt: on
#: Shorter words (the "s" of "Lavrov’s", the "t" of "don’t") are not indexed.
MIN_LENGTH = 2

_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character decomposed (NFKD) with its combining marks removed: "é" -> "e"."""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def fold(text: str) -> str:
    """``text`` as the index sees it: "Médecins ΣΟΣ" -> "medecins σοσ"."""
    if not text.isascii():
        text = NON_ASCII.sub(lambda m: _fold_char(m.group()), text)
    return text.lower().replace("ς", "σ")


def stem(word: str) -> str:
    """The Snowball English stem of a folded word of letters a-z; any other word as it is."""
    return str(_STEMMER.stemWord(word)) if STEMMABLE.fullmatch(word) else word


class _Terms(dict[str, str]):
    """Folded word -> indexed term ("" when not indexed), filled on first use."""

    def __missing__(self, word: str) -> str:
        found = "" if len(word) < MIN_LENGTH or word in STOP_WORDS else stem(word)
        self[word] = found
        return found


_TERMS = _Terms()


def term(word: str) -> str:
    """The indexed term of one folded word, or "" when it is not indexed."""
    return _TERMS[word]


def terms(text: str) -> list[str]:
    """The indexed terms of ``text`` in order: "Lavrov’s talks" -> ["lavrov", "talk"]."""
    return list(filter(None, map(_TERMS.__getitem__, WORD.findall(fold(text)))))


def term_counts(text: str) -> Counter[str]:
    """How often each term occurs in ``text``."""
    return Counter(filter(None, map(_TERMS.__getitem__, WORD.findall(fold(text)))))
