"""The site's own search: a tokenizer shared with the browser, and an index split into small files.

Every file is a script that hands its data to the global ``parleySearch`` object defined by
``docs/javascripts/search.js``, so the index loads with ``<script>`` tags from disk (file://,
where the browser refuses to fetch local files) as well as online. Paths are relative to the
generated folder (``docs/archive/``):

``search/manifest.js``
    ``parleySearch.manifest({...})``: document ids newest first (a document's number is its
    place in this list), the first term of every shard, the stop words, the address of a
    transcript page and the paragraphs per text part. Loaded with the search page.
``search/terms/<n>.js``
    ``parleySearch.shard(n, {term: [idf, postings]})``: the terms from the n-th boundary up to
    the next, in UTF-16 order (the order of JavaScript's ``<``); loaded only for query terms.
``search/docs/<id>.js`` (and ``search/docs/<id>/<k>.js`` for part k >= 1 of long documents)
    ``parleySearch.text(id, k, {...})``: title, date, place, counterparts and the text of
    paragraphs ``k * PART + 1`` to ``(k + 1) * PART``; loaded for the results shown, to verify
    phrases and show snippets.

Postings are per paragraph: for each document, the paragraphs holding the term, each with its
weight: BM25's term-frequency part, quantised to 1..31, against a fixed reference length, so a
document's postings never depend on the rest of the corpus (only ``idf`` does). Paragraph 0 is
the document's metadata: title, year, speakers, counterparts, place, countries and topics. A
paragraph mentioning a known entity also holds the entity's name (a paragraph saying "the UN"
is found by "United Nations"). Numbers are written as base-32 digits of a 64-letter alphabet,
least significant first, the upper 32 letters meaning "more digits follow"::

    per document:  document number - previous - 1, paragraphs - 1,
                   then per paragraph:  number - previous - 1 (previous starts at -1), weight - 1

Tokens: text is folded (NFKD, combining marks removed, lower case, final sigma as sigma), cut
into runs of Unicode letters and digits, words shorter than two characters and stop words
dropped, and plurals stemmed (``countries`` -> ``country``, ``talks`` -> ``talk``).
``docs/javascripts/search.js`` does exactly the same; ``tests/fixtures/search/
tokenizer_vectors.json`` pins both.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parley.model import Entry
from parley.names import Names, VocabularyView, long_date

__all__ = [
    "ALPHABET",
    "STOP_WORDS",
    "DocumentIndex",
    "build_search_index",
    "counterparts_line",
    "decode_numbers",
    "document_index",
    "encode_numbers",
    "fold",
    "metadata_text",
    "newest_first",
    "paragraph_terms",
    "place_line",
    "stem",
    "term_counts",
    "terms",
    "text_files",
    "weight",
]

#: A run of letters and digits in folded text, e.g. "zarif" and "2254" in "zarif, 2254".
#: ``[^\W_]`` is exactly Unicode's L* and N* categories (checked over every code point).
WORD = re.compile(r"[^\W_]+")
#: A character outside ASCII, e.g. the "é" in "Médecins" or the "’" in "Lavrov’s".
NON_ASCII = re.compile(r"[^\x00-\x7f]")

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

#: The 64 letters numbers are written with; the upper 32 mean "more digits follow".
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_DIGIT = {letter: value for value, letter in enumerate(ALPHABET)}

#: BM25 parameters; the reference length stands for the average paragraph's number of terms.
K1, B = 1.2, 0.75
TEXT_LENGTH, META_LENGTH = 40, 24
#: Term weights are quantised to 1..LEVELS, so each is one letter.
LEVELS = 31
#: A shard holds terms until it would pass this many characters (a larger term has its own).
SHARD_CHARS = 24_000
#: Paragraphs per text file; a longer document has more parts.
PART = 40
#: Where a transcript page is, relative to the site root; ``{id}`` is the URL-encoded id.
TRANSCRIPT_PAGE = "archive/transcripts/{id}.html"
#: Version of the file layout, checked by the script.
FORMAT = 1


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
    """A light plural stemmer: "countries" -> "country", "talks" -> "talk", "crisis" stays."""
    if len(word) <= 3 or word[-1] != "s":
        return word
    if word.endswith("ies") and len(word) > 4 and word[-4] not in "ae":
        return word[:-3] + "y"
    if word[-2] in "usi":  # "status", "press", "crisis"
        return word
    return word[:-1]


class _Terms(dict[str, str]):
    """Folded word -> indexed term ("" when not indexed), filled on first use."""

    def __missing__(self, word: str) -> str:
        term = "" if len(word) < MIN_LENGTH or word in STOP_WORDS else stem(word)
        self[word] = term
        return term


_TERMS = _Terms()


def terms(text: str) -> list[str]:
    """The indexed terms of ``text`` in order: "Lavrov’s talks" -> ["lavrov", "talk"]."""
    return list(filter(None, map(_TERMS.__getitem__, WORD.findall(fold(text)))))


def term_counts(text: str) -> Counter[str]:
    """How often each term occurs in ``text``."""
    return Counter(filter(None, map(_TERMS.__getitem__, WORD.findall(fold(text)))))


def encode_numbers(numbers: Iterable[int]) -> str:
    """Non-negative integers as letters of :data:`ALPHABET`, 5 bits per letter."""
    out: list[str] = []
    for number in numbers:
        while number >= 32:
            out.append(ALPHABET[32 + (number & 31)])
            number >>= 5
        out.append(ALPHABET[number])
    return "".join(out)


def decode_numbers(text: str) -> list[int]:
    """The inverse of :func:`encode_numbers`."""
    numbers: list[int] = []
    value = shift = 0
    for letter in text:
        digit = _DIGIT[letter]
        value |= (digit & 31) << shift
        if digit >= 32:
            shift += 5
        else:
            numbers.append(value)
            value = shift = 0
    return numbers


def weight(tf: int, length: int, reference: int) -> int:
    """BM25's term-frequency part for ``tf`` in a paragraph of ``length`` terms, as 1..LEVELS."""
    norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / reference))
    return max(1, min(LEVELS, round(LEVELS * norm / (K1 + 1))))


@lru_cache(maxsize=4096)
def _weight_letters(length: int, reference: int) -> tuple[str, ...]:
    """The weight letter for tf = 0..63 in a paragraph of ``length`` terms (0 is unused)."""
    return ("", *(ALPHABET[weight(tf, length, reference) - 1] for tf in range(1, 64)))


_NUMBERS = [encode_numbers([n]) for n in range(1024)]


def _number(n: int) -> str:
    """One number as letters (cached for small ones)."""
    return _NUMBERS[n] if n < 1024 else encode_numbers([n])


def newest_first(entries: Sequence[Entry]) -> list[Entry]:
    """Entries by date, newest first, then by id; undated last. A document's number is its place."""
    by_id = sorted(entries, key=lambda e: e.doc.id)
    return sorted(by_id, key=lambda e: e.doc.meta.date or "", reverse=True)


def metadata_text(entry: Entry, names: Names) -> list[str]:
    """What paragraph 0 holds: title, year, speakers, counterparts, place, countries, topics."""
    meta, facts = entry.doc.meta, entry.facts
    parts = [meta.title or "", (meta.date or "")[:4], *meta.speakers]
    for c in meta.counterparts:
        parts += [c.name, c.role, c.country_text, names.country(c.country) if c.country else ""]
    if meta.place is not None:
        place = meta.place
        parts += [place.city or "", place.country_text or ""]
        parts.append(names.country(place.country) if place.country else "")
    countries = [*facts.counterpart_countries, facts.host_country or ""]
    parts += [names.country(code) for code in countries if code]
    parts += [names.topic(t.slug) for t in facts.topics]
    return [p for p in parts if p]


def counterparts_line(entry: Entry, names: Names) -> str:
    """Who the speaker met: "Walid Muallem (Syria), Mohammad Javad Zarif (Iran)"."""
    shown = []
    for c in entry.doc.meta.counterparts:
        country = names.country(c.country) if c.country else c.country_text
        shown.append(f"{c.name} ({country})" if country else c.name)
    return ", ".join(shown)


def place_line(entry: Entry, names: Names) -> str:
    """Where the event took place: "Moscow, Russia", "Manama" or ""."""
    place = entry.doc.meta.place
    if place is None:
        return ""
    country = names.country(place.country) if place.country else place.country_text or ""
    return ", ".join(p for p in (place.city, country) if p)


def paragraph_terms(entry: Entry, names: Names) -> Iterator[tuple[int, Counter[str], int]]:
    """(paragraph number, term counts, length) of paragraph 0 and every text paragraph.

    A paragraph mentioning an entity also holds the terms of the entity's name once, unless its
    text already has them; the length stays that of the text.
    """
    meta = term_counts(" ".join(metadata_text(entry, names)))
    yield 0, meta, meta.total()
    extra: dict[int, set[str]] = {}
    for m in entry.facts.mentions:
        extra.setdefault(m.paragraph, set()).update(terms(names.entity(m.kind, m.key)))
    for paragraph in entry.doc.paragraphs:
        counts = term_counts(paragraph.text)
        length = counts.total()
        for term in sorted(extra.get(paragraph.number, ())):
            counts.setdefault(term, 1)
        yield paragraph.number, counts, length


def _script(call: str, *args: object) -> str:
    """``parleySearch.<call>(<args as JSON>);`` with a final newline."""
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"parleySearch.{call}({body});\n"


def text_files(entry: Entry, names: Names) -> dict[str, str]:
    """The text parts of one document: ``search/docs/<id>.js`` and ``<id>/<k>.js``."""
    doc = entry.doc
    paragraphs = doc.paragraphs
    head = {
        "t": doc.meta.title or doc.id,
        "d": long_date(doc.meta.date),
        "w": place_line(entry, names),
        "c": counterparts_line(entry, names),
    }
    files: dict[str, str] = {}
    parts = max(1, math.ceil((paragraphs[-1].number if paragraphs else 0) / PART))
    by_part: dict[int, dict[int, str]] = {k: {} for k in range(parts)}
    for p in paragraphs:
        by_part.setdefault((p.number - 1) // PART, {})[p.number] = p.text
    for k, texts in sorted(by_part.items()):
        first = k * PART + 1
        last = max(texts, default=first - 1)
        shown = [texts.get(n, "") for n in range(first, last + 1)]
        path = f"search/docs/{doc.id}.js" if k == 0 else f"search/docs/{doc.id}/{k}.js"
        files[path] = _script("text", doc.id, k, {**head, "f": first, "p": shown})
    return files


def _utf16(term: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units)."""
    return term.encode("utf-16-be")


@dataclass(frozen=True, slots=True)
class DocumentIndex:
    """What one document adds to the index, computed on its own (so in any worker)."""

    files: dict[str, str]
    """Its text files (:func:`text_files`)."""
    postings: dict[str, tuple[str, int]]
    """Term -> (how many paragraphs hold it less one, then each (paragraph, weight) pair, all
    encoded; how many paragraphs hold it): its postings but the document number."""
    paragraphs: int
    """Paragraphs indexed, paragraph 0 included."""


def document_index(entry: Entry, names: Names) -> DocumentIndex:
    """The text files and postings of one document; see the module's note on the encoding."""
    # term -> [last paragraph holding it, then its encoded (paragraph gap, weight) pairs]
    in_doc: dict[str, list[Any]] = {}
    numbers = _NUMBERS
    paragraphs = 0
    for para, counts, length in paragraph_terms(entry, names):
        paragraphs += 1
        letters = _weight_letters(length, META_LENGTH if para == 0 else TEXT_LENGTH)
        first = _number(para)
        for term, tf in counts.items():
            letter = letters[tf] if tf < 64 else letters[63]  # saturated long before
            known = in_doc.get(term)
            if known is None:
                in_doc[term] = [para, first + letter]
            else:
                gap = para - known[0] - 1
                known.append((numbers[gap] if gap < 1024 else _number(gap)) + letter)
                known[0] = para
    postings = {
        term: (_number(len(known) - 2) + "".join(known[1:]), len(known) - 1)
        for term, known in in_doc.items()
    }
    return DocumentIndex(text_files(entry, names), postings, paragraphs)


def build_search_index(
    entries: Sequence[Entry],
    vocab: VocabularyView,
    computed: Mapping[str, DocumentIndex] | None = None,
) -> dict[str, str]:
    """Every file of the search index: {path relative to ``docs/archive/``: script text}.

    ``computed`` holds :func:`document_index` of some documents by id, worked out elsewhere
    (in worker processes); the others are worked out here. The result is the same."""
    names = Names(vocab)
    ordered = newest_first(entries)
    files: dict[str, str] = {}
    # term -> [number of the last document holding it, paragraphs holding it, postings]
    found: dict[str, list[Any]] = {}
    paragraphs = 0
    for number, entry in enumerate(ordered):
        part = (computed or {}).get(entry.doc.id) or document_index(entry, names)
        files.update(part.files)
        paragraphs += part.paragraphs
        for term, (encoded, count) in part.postings.items():
            known = found.get(term)
            if known is None:
                found[term] = [number, count, [_number(number) + encoded]]
            else:
                known[2].append(_number(number - known[0] - 1) + encoded)
                known[0] = number
                known[1] += count
    postings = {term: "".join(known[2]) for term, known in found.items()}
    df = {term: known[1] for term, known in found.items()}
    shards = _shards(postings, df, paragraphs)
    for n, shard in enumerate(shards):
        files[f"search/terms/{n}.js"] = _script("shard", n, shard)
    files["search/manifest.js"] = _script(
        "manifest",
        {
            "format": FORMAT,
            "ids": [e.doc.id for e in ordered],
            "shards": [next(iter(shard)) for shard in shards],
            "stop": sorted(STOP_WORDS),
            "page": TRANSCRIPT_PAGE,
            "part": PART,
        },
    )
    return files


def _shards(
    postings: dict[str, str], df: dict[str, int], paragraphs: int
) -> list[dict[str, list[object]]]:
    """Terms in JavaScript order with their idf, cut into shards of about SHARD_CHARS."""
    shards: list[dict[str, list[object]]] = []
    current: dict[str, list[object]] = {}
    size = 0
    for term in sorted(postings, key=_utf16):
        encoded = postings[term]
        idf = round(math.log(1 + (paragraphs - df[term] + 0.5) / (df[term] + 0.5)), 3)
        cost = len(term) + len(encoded) + 16
        if current and size + cost > SHARD_CHARS:
            shards.append(current)
            current, size = {}, 0
        current[term] = [idf, encoded]
        size += cost
    if current:
        shards.append(current)
    return shards
