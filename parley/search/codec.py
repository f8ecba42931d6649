"""Codec: numbers as letters, BM25 weights, and the script form every index file takes.

Numbers are written as base-32 digits of a 64-letter alphabet, least significant first, the
upper 32 letters meaning "more digits follow". A posting is one number holding the paragraph's
weight and the role of its speaker: ``(weight - 1) * ROLES + role``; weights run 1..LEVELS, so
most postings are one letter. ``docs/javascripts/search/core.js`` decodes the same; the
alphabet, ``LEVELS`` and the roles reach it in the index manifest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "ALPHABET",
    "DIGITS",
    "K1",
    "LEVELS",
    "ROLES",
    "B",
    "decode_numbers",
    "encode_numbers",
    "number",
    "posting_letters",
    "script",
    "weight",
]

#: The 64 letters numbers are written with; the upper 32 mean "more digits follow".
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
#: Each letter of :data:`ALPHABET` -> its value (32 and more: "more digits follow").
DIGITS = {letter: value for value, letter in enumerate(ALPHABET)}
#: BM25 parameters.
K1, B = 1.2, 0.75
#: Term weights are quantised to 1..LEVELS: with the four roles a posting is one letter (< 32).
LEVELS = 8
#: Who says a paragraph, kept in each posting (the speaker filter): paragraph 0 and a news
#: report's own text, the document's main speaker, a question, anyone else.
ROLES = ("text", "main", "question", "other")


def encode_numbers(numbers: Iterable[int]) -> str:
    """Non-negative integers as letters of :data:`ALPHABET`, 5 bits per letter."""
    out: list[str] = []
    for n in numbers:
        while n >= 32:
            out.append(ALPHABET[32 + (n & 31)])
            n >>= 5
        out.append(ALPHABET[n])
    return "".join(out)


def decode_numbers(text: str) -> list[int]:
    """The inverse of :func:`encode_numbers`."""
    numbers: list[int] = []
    value = shift = 0
    for letter in text:
        digit = DIGITS[letter]
        value |= (digit & 31) << shift
        if digit >= 32:
            shift += 5
        else:
            numbers.append(value)
            value = shift = 0
    return numbers


_NUMBERS = [encode_numbers([n]) for n in range(1024)]


def number(n: int) -> str:
    """One number as letters (cached for small ones)."""
    return _NUMBERS[n] if n < 1024 else encode_numbers([n])


def weight(tf: float, length: float, reference: float) -> int:
    """BM25's term-frequency part for ``tf`` in a paragraph of ``length`` terms, as 1..LEVELS."""
    norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / reference))
    return max(1, min(LEVELS, round(LEVELS * norm / (K1 + 1))))


@lru_cache(maxsize=4096)
def posting_letters(length: int, reference: int, role: int) -> tuple[str, ...]:
    """The encoded weight-and-role for tf = 0..63 in a paragraph of ``length`` (0 unused)."""
    codes = ((weight(tf, length, reference) - 1) * len(ROLES) + role for tf in range(1, 64))
    return ("", *map(number, codes))


def script(call: str, *args: object) -> str:
    """``parleySearch.<call>(<args as JSON>);`` with a final newline: an index file."""
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"parleySearch.{call}({body});\n"
