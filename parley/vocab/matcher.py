"""Find mentions in paragraphs: one pass of one multi-pattern automaton per paragraph; pure.

Every name, alias, demonym, place, exclusion and topic term of the vocabulary is a
:class:`Pattern`. :func:`compile_matcher` puts them all in one Aho-Corasick automaton, built once
per vocabulary; :func:`scan` runs it once over a paragraph, so the cost is linear in the text
whatever the size of the vocabulary. A hit counts when:

1. it stands as whole words (the characters either side are not letters or digits; a hyphen is
   a separator, so "Russian-Iraqi" holds two hits; a prefix pattern "refugee*" only needs the
   left side);
2. it has the capitals of the pattern: a pattern with a capital letter matches exactly as written
   ("Turkey", not "turkey"); an all-lower-case pattern matches lower, Capitalised, Title Case and
   UPPER CASE text;
3. it is not a country name that is also a given name followed by a capitalised word ("Georgia
   Brown"), unless a preposition comes before it ("of Georgia David Zalkaliani");
4. it is leftmost-longest: overlapping hits are resolved by taking the leftmost, and the longest
   among those starting there, so "Astana format" beats "Astana" and "Papua New Guinea" beats
   "Guinea". Entity hits and topic-term hits are resolved separately: a term never hides a name,
   and a term inside the name of an organisation, document or person does not count (the
   entity's own weight in the topic does).

:func:`detect` applies this to a document's paragraphs and resolves short forms of people's names
("Mr Hussein") against the people whose full names the document gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick

from parley.model import ENTITY_KINDS, Mention, Paragraph, is_entity_kind

#: All pattern kinds: entity kinds, a person's ambiguous short form, an exclusion, a topic term.
PATTERN_KINDS: tuple[str, ...] = (*ENTITY_KINDS, "person-short", "excluded", "term")

#: Kinds whose names hide topic terms inside them ("collective security" in "Collective Security
#: Treaty Organisation"); country names do not ("Syrian" in "Syrian settlement").
_TERM_HIDING = frozenset({"organisation", "document", "person"})
#: Typographic apostrophes folded to ASCII before matching, one character for one.
_FOLDS = (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\u00a0", " "))
#: A capitalised word right after a hit: "Georgia Brown" -> " Brown".
_NAME_FOLLOWS = re.compile(r" +[A-Z][a-z]")
#: The word right before a hit: "President of Georgia" -> "of".
_WORD_BEFORE = re.compile(r"([A-Za-z]+) +$")
#: Words after which a country name that is also a given name is still the country.
_PREPOSITIONS = frozenset(
    {"of", "in", "to", "from", "with", "and", "or", "for", "about", "on", "at", "by", "between",
     "into", "across", "against", "via"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Pattern:
    """One string the matcher looks for, and what finding it means."""

    text: str
    """The string as written in the data file (typographic apostrophes folded)."""
    kind: str
    """One of :data:`PATTERN_KINDS`."""
    key: str
    """Alpha-2 code, entity slug, person slug (short forms), topic slug (terms); "" if excluded."""
    weight: float = 0.0
    """A topic term's weight."""
    prefix: bool = False
    """Match any word beginning with the text ("refugee*")."""
    given_name: bool = False
    """A country name that is also a given name ("Georgia"): rule 3 applies."""


class Hit(NamedTuple):
    """A pattern found in a text: ``text[start:end]`` (a named tuple: scanning makes many)."""

    pattern: Pattern
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TermHit:
    """A topic term found in a paragraph."""

    topic: str
    term: str
    weight: float
    paragraph: int


@dataclass(frozen=True, slots=True)
class Found:
    """What :func:`detect` found in a document's paragraphs."""

    mentions: tuple[Mention, ...]
    """Entity mentions in text order, short forms resolved."""
    terms: tuple[TermHit, ...]
    """Topic terms in text order."""


@dataclass(frozen=True, slots=True, eq=False)
class Matcher:
    """The compiled automaton and the patterns it finds."""

    automaton: Any
    patterns: tuple[Pattern, ...]


def surface_forms(pattern: Pattern) -> tuple[str, ...]:
    """The strings searched for a pattern: itself, or its case variants if all lower case."""
    text = pattern.text
    if text != text.lower():
        return (text,)
    variants = (text, text[:1].upper() + text[1:], text.title(), text.upper())
    return tuple(dict.fromkeys(variants))


def compile_matcher(patterns: Sequence[Pattern]) -> Matcher:
    """Build the automaton once for a vocabulary.

    The value stored for each surface form is (length, name patterns, term patterns, plain),
    where ``plain`` says no pattern of the form needs rule 3 or prefix matching (the fast path).
    """
    table: dict[str, dict[tuple[str, str], Pattern]] = {}
    for pattern in patterns:
        for form in surface_forms(pattern):  # one pattern per meaning of a form
            table.setdefault(form, {}).setdefault((pattern.kind, pattern.key), pattern)
    automaton = ahocorasick.Automaton()
    for form in sorted(table):
        found = list(table[form].values())
        names = tuple(p for p in found if p.kind != "term")
        terms = tuple(p for p in found if p.kind == "term")
        plain = not any(p.prefix or p.given_name for p in found)
        automaton.add_word(form, (len(form), names, terms, plain))
    if table:
        automaton.make_automaton()
    return Matcher(automaton=automaton, patterns=tuple(patterns))


def _is_person(text: str, start: int, end: int) -> bool:
    """Rule 3: a given-name country followed by a capitalised word and no preposition before."""
    if not _NAME_FOLLOWS.match(text, end):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return not (before and before.group(1).lower() in _PREPOSITIONS)


def straighten(text: str) -> str:
    """Typographic apostrophes and no-break spaces as ASCII; the length does not change."""
    for odd, plain in _FOLDS:
        if odd in text:
            text = text.replace(odd, plain)
    return text


def _leftmost_longest(candidates: list[Hit]) -> list[Hit]:
    """Keep non-overlapping spans, leftmost first, longest among equals; all patterns of a span."""
    if len(candidates) < 2:
        return candidates
    candidates.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    taken_end = -1
    span = (-1, -1)
    for hit in candidates:
        if (hit.start, hit.end) == span:
            kept.append(hit)
        elif hit.start >= taken_end:
            kept.append(hit)
            span = (hit.start, hit.end)
            taken_end = hit.end
    return kept


def _outside(terms: list[Hit], names: list[Hit]) -> list[Hit]:
    """The terms that overlap no organisation, document or person name (both lists sorted)."""
    spans = [(h.start, h.end) for h in names if h.pattern.kind in _TERM_HIDING]
    if not spans:
        return terms
    kept: list[Hit] = []
    i = 0
    for term in terms:
        while i < len(spans) and spans[i][1] <= term.start:
            i += 1
        if i == len(spans) or spans[i][0] >= term.end:
            kept.append(term)
    return kept


def scan(text: str, matcher: Matcher) -> tuple[list[Hit], list[Hit]]:
    """Entity hits and topic-term hits in one text, each leftmost-longest, in text order."""
    folded = straighten(text)
    size = len(folded)
    names: list[Hit] = []
    terms: list[Hit] = []
    if not matcher.patterns:
        return names, terms
    for last, (length, name_patterns, term_patterns, plain) in matcher.automaton.iter(folded):
        end = last + 1
        start = end - length
        if start > 0 and folded[start - 1].isalnum():
            continue
        joined = end < size and folded[end].isalnum()
        if plain:
            if not joined:
                for pattern in name_patterns:
                    names.append(Hit(pattern, start, end))
                for pattern in term_patterns:
                    terms.append(Hit(pattern, start, end))
            continue
        for pattern in (*name_patterns, *term_patterns):
            if joined and not pattern.prefix:
                continue
            if pattern.given_name and _is_person(folded, start, end):
                continue
            (terms if pattern.kind == "term" else names).append(Hit(pattern, start, end))
    kept = _leftmost_longest(names)
    return kept, _outside(_leftmost_longest(terms), kept)


def detect(paragraphs: Iterable[Paragraph], matcher: Matcher, present: Iterable[str]) -> Found:
    """Mentions and topic terms of a document; ``present``: slugs of people named in its head.

    A person's short form ("Pedersen") becomes a mention only when exactly one of the people it
    may stand for is named in full in the document's head or text; otherwise it is dropped.
    """
    people = set(present)
    found: list[tuple[int, Hit]] = []
    terms: list[TermHit] = []
    for paragraph in paragraphs:
        number = paragraph.number
        names, term_hits = scan(paragraph.text, matcher)
        for hit in names:
            found.append((number, hit))
            if hit.pattern.kind == "person":
                people.add(hit.pattern.key)
        for hit in term_hits:
            terms.append(TermHit(hit.pattern.key, hit.pattern.text, hit.pattern.weight, number))
    mentions: list[Mention] = []
    shorts: dict[tuple[int, int, int], set[str]] = {}
    for number, (pattern, start, end) in found:
        kind = pattern.kind
        if is_entity_kind(kind):
            mentions.append(Mention(kind, pattern.key, number, start, end))
        elif kind == "person-short" and pattern.key in people:
            shorts.setdefault((number, start, end), set()).add(pattern.key)
    resolved = [
        Mention("person", min(slugs), *place) for place, slugs in shorts.items() if len(slugs) == 1
    ]
    if resolved:
        mentions.extend(resolved)
        mentions.sort(key=lambda m: (m.paragraph, m.start, m.kind, m.key))
    return Found(mentions=tuple(mentions), terms=tuple(terms))
