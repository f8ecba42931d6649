"""A regular expression loosened to be searched first, cheaply.

Python's regular expressions find a pattern's first letters quickly (a literal prefix is
scanned for, not tried at every position), unless an assertion comes first: a pattern whose
alternatives each open with a word boundary (``\\bWhite House\\b|\\bState Department\\b``) is
tried at every position of the text. The same pattern without those opening boundaries matches
wherever the pattern does (and a little more), so searching it first and the pattern itself only
where it found something gives the same answer several times faster on texts where neither
matches, which are most. Used for the patterns of ``data/layouts.yaml``: a layout's ``match``
(:func:`parley.read.document.read_document`) and the ``governments`` (:mod:`parley.read.seat`).
"""

from __future__ import annotations

import re
from functools import lru_cache

# (?x: ... )  |  (?ix)  (a verbose part: its comments may hold brackets and bars)
VERBOSE_FLAG = re.compile(r"\(\?[a-zA-Z-]*x")
#: At most this many patterns' loosened forms are kept (the data files hold a few dozen).
LOOSENED_MAX = 256


@lru_cache(maxsize=LOOSENED_MAX)
def loose(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without the word boundary (``\\b``) that opens it or any of its alternatives:
    it matches wherever ``pattern`` does (and more). Python's regular expressions look for a
    pattern's first letters quickly, unless an assertion comes first: searched before the
    pattern itself, it skips most head lines ten times faster. ``pattern`` itself when nothing
    is removed or the result is not a pattern."""
    if pattern.flags & re.VERBOSE or VERBOSE_FLAG.search(pattern.pattern):
        return pattern  # a comment may hold anything
    alternatives = _top_level_alternatives(pattern.pattern)
    if alternatives is None or not any(a.startswith("\\b") for a in alternatives):
        return pattern
    try:
        return re.compile("|".join(a.removeprefix("\\b") for a in alternatives), pattern.flags)
    except re.error:
        return pattern


def _top_level_alternatives(source: str) -> list[str] | None:
    """``source`` cut at each ``|`` outside brackets, classes and escapes; None when unbalanced."""
    parts, start, depth, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":
                i += 1  # "[]...]" and "[^]...]": the first "]" is a character
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_class:
        return None
    return [*parts, source[start:]]
