"""The site's own search index: postings, shards and text files, as scripts the browser loads.

Every file is a script that hands its data to the global ``parleySearch`` object of
``docs/javascripts/search/core.js``, so the index loads with ``<script>`` tags from disk (file://,
where the browser refuses to fetch local files) as well as online. Paths are relative to the
generated folder (``docs/archive/``):

``search/manifest.js``
    ``parleySearch.manifest({...})``: the number of documents, the first term of every shard,
    the first document of every month, the synonym table (:mod:`parley.search.synonyms`), the
    scripts the archive's words are written in, and the constants both sides share (stop words,
    alphabet, weight levels, roles, paragraphs per text part, ids per file, the page address).
``search/terms/<n>.js``
    ``parleySearch.shard(n, {term: [idf, postings]})``: the terms from the n-th boundary up to
    the next, in UTF-16 order (the order of JavaScript's ``<``); loaded only for query terms.
``search/ids/<k>.js``
    ``parleySearch.ids(k, [...])``: the ids of documents ``k * IDS_PER_FILE`` onwards (a
    document's number is its place newest first); loaded for the results shown.
``search/facets/<filter>.js``
    ``parleySearch.facet(filter, [...])``: the documents of each value of one filter
    (:mod:`.facets`).
``search/words.js``
    ``parleySearch.words([...])``: the most common terms, for "did you mean"; loaded only when
    a query word is in no document.
``search/docs/<id>.js`` (and ``search/docs/<id>/<k>.js`` for part k >= 1 of long documents)
    ``parleySearch.text(id, k, {...})``: title (and short title), date, kind, place,
    counterparts, and the text and speaker of paragraphs ``k * PART + 1`` to ``(k + 1) *
    PART``; loaded for results shown.

A one-word name ("syria", "moallem") leads to its entity (:mod:`.synonyms`): the paragraphs
that hold the word but not the entity's term also hold the outside term ``_outside:<word>``,
so a search for the name loads the entity's list and that short one, not the word's own list.

Postings are per paragraph: for each document, the paragraphs holding the term, each with its
weight (BM25's term-frequency part against a fixed reference length, so a document's postings
never depend on the rest of the corpus; only ``idf`` does) and its speaker's role
(:data:`~parley.search.codec.ROLES`). Paragraph 0 is the document's metadata, its fields
weighted as in BM25F (:data:`FIELD_WEIGHTS`): the title counts three times, speakers and
counterparts twice, place, countries and topics once. Encoded (:mod:`.codec`)::

    per document:  document number - previous - 1, paragraphs - 1,
                   then per paragraph:  number - previous - 1 (previous starts at -1),
                                        (weight - 1) * 4 + role
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parley.model import Entry
from parley.names import Names, VocabularyView, display_title, kind_noun, long_date
from parley.search.codec import (
    ALPHABET,
    DIGITS,
    LEVELS,
    ROLES,
    decode_numbers,
    number,
    posting_letters,
    script,
)
from parley.search.facets import FACETS, facet_files, month_starts
from parley.search.synonyms import OUTSIDE, entity_term, outside_term, synonym_table, word_entities
from parley.search.tokens import MIN_LENGTH, STOP_WORDS, term_counts
from parley.urls import TRANSCRIPT_URL_TEMPLATE
from parley.vocab.vocabulary import Vocabulary

__all__ = [
    "FIELD_WEIGHTS",
    "DocumentIndex",
    "build_search_index",
    "counterparts_line",
    "document_index",
    "metadata_fields",
    "newest_first",
    "paragraph_terms",
    "place_line",
    "postings_items",
    "text_files",
]

#: Reference lengths (terms) for BM25: an average paragraph, and paragraph 0's weighted fields.
TEXT_LENGTH, META_LENGTH = 40, 60
#: How many times each field of paragraph 0 counts (BM25F's field weights).
FIELD_WEIGHTS = {"title": 3, "speakers": 2, "counterparts": 2, "place": 1, "countries": 1,
                 "topics": 1}  # fmt: skip
#: A shard holds terms until it would pass this many characters (a larger term has its own).
SHARD_CHARS = 24_000
#: Paragraphs per text file; a longer document has more parts.
PART = 10
#: Document ids per ``search/ids/<k>.js`` file.
IDS_PER_FILE = 100
#: Terms offered by "did you mean", the most common first.
SUGGESTIONS = 20_000
#: Version of the file layout, checked by the script.
FORMAT = 3
#: Scripts a query may be written in, by the first word of Unicode's character names.
SCRIPTS = {"LATIN": "Latin", "CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic",
           "HEBREW": "Hebrew", "CJK": "Han", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana",
           "HANGUL": "Hangul", "DEVANAGARI": "Devanagari", "THAI": "Thai",
           "ARMENIAN": "Armenian", "GEORGIAN": "Georgian"}  # fmt: skip


def newest_first(entries: Sequence[Entry]) -> list[Entry]:
    """Entries by date, newest first, then by id; undated last. A document's number is its place."""
    by_id = sorted(entries, key=lambda e: e.doc.id)
    return sorted(by_id, key=lambda e: e.doc.meta.date or "", reverse=True)


def metadata_fields(entry: Entry, names: Names) -> dict[str, list[str]]:
    """What paragraph 0 holds, by field: title, speakers, counterparts, place, countries, topics."""
    meta, facts = entry.doc.meta, entry.facts
    counterparts: list[str] = []
    for c in meta.counterparts:
        country = names.country(c.country) if c.country else ""
        counterparts += [c.name, c.role, c.country_text, country]
    place: list[str] = []
    if meta.place is not None:
        p = meta.place
        place += [p.city or "", p.country_text or "", names.country(p.country) if p.country else ""]
    countries = [*facts.counterpart_countries, facts.host_country or ""]
    fields = {
        "title": [meta.title or ""],
        "speakers": list(meta.speakers),
        "counterparts": counterparts,
        "place": place,
        "countries": [names.country(code) for code in countries if code],
        "topics": [names.topic(t.slug) for t in facts.topics],
    }
    return {field: [t for t in texts if t] for field, texts in fields.items()}


def _metadata_counts(entry: Entry, names: Names) -> Counter[str]:
    """Paragraph 0's weighted term counts, with the entities of its speakers and countries."""
    counts: Counter[str] = Counter()
    for field, texts in metadata_fields(entry, names).items():
        found = term_counts(" ".join(texts))
        factor = FIELD_WEIGHTS[field]
        for t, n in found.items():
            counts[t] += n * factor
    vocab = names.vocab
    if isinstance(vocab, Vocabulary):
        meta = entry.doc.meta
        for name in [*meta.speakers, *(c.name for c in meta.counterparts)]:
            slug = vocab.canonical_person(name)
            if slug:
                counts[entity_term("person", slug)] += 1
    facts = entry.facts
    for code in {*facts.counterpart_countries, *filter(None, [facts.host_country])}:
        counts[entity_term("country", code)] += 1
    return counts


def paragraph_terms(entry: Entry, names: Names) -> Iterator[tuple[int, Counter[str], int, int]]:
    """(paragraph number, term counts, length, role) of paragraph 0 and every text paragraph.

    A paragraph mentioning an entity also holds the entity's term once per mention; the length
    stays that of the text. A paragraph holding a one-word name ("syria") but not the term of
    the entity it names also holds :func:`~parley.search.synonyms.outside_term` as often as the
    word."""
    vocab = names.vocab
    named = word_entities(vocab) if isinstance(vocab, Vocabulary) else {}
    meta = _metadata_counts(entry, names)
    _outside(meta, named)
    yield 0, meta, meta.total(), 0
    extra: dict[int, Counter[str]] = {}
    for m in entry.facts.mentions:
        extra.setdefault(m.paragraph, Counter())[entity_term(m.kind, m.key)] += 1
    doc = entry.doc
    news = doc.meta.publisher == "news"
    main = doc.meta.speakers[0] if doc.meta.speakers else None
    for turn in doc.turns:
        role = _role(turn.kind, turn.speaker, main, news)
        for paragraph in turn.paragraphs:
            counts = term_counts(paragraph.text)
            length = counts.total()
            more = extra.get(paragraph.number)
            if more:
                counts.update(more)
            _outside(counts, named)
            yield paragraph.number, counts, length, role


def _outside(counts: Counter[str], named: Mapping[str, str]) -> None:
    """Add the outside term of each one-word name in ``counts`` whose entity is not there."""
    outside = [t for t in counts if t in named and named[t] not in counts]
    for t in outside:
        counts[outside_term(t)] = counts[t]


def _role(kind: str, speaker: str | None, main: str | None, news: bool) -> int:
    """Who says a turn, as a place in :data:`ROLES`."""
    if kind == "question":
        return ROLES.index("question")
    if news or speaker is None:
        return ROLES.index("text")
    return ROLES.index("main") if speaker == main else ROLES.index("other")


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


def text_files(entry: Entry, names: Names) -> dict[str, str]:
    """The text parts of one document: ``search/docs/<id>.js`` and ``<id>/<k>.js``.

    Each holds ``p``, the texts of its paragraphs, and ``s``, who says each: ``(speaker + 1) *
    4 + role`` with ``speaker`` a place in ``n``, the document's speakers (-1: none named); ``t``
    is the full title and, when that is too long to read in a list, ``h`` the short title the
    page shows (:func:`~parley.names.display_title`: who met whom, where and when)."""
    doc = entry.doc
    main = doc.meta.speakers[0] if doc.meta.speakers else None
    news = doc.meta.publisher == "news"
    speakers: list[str] = []
    said: dict[int, int] = {}
    texts: dict[int, str] = {}
    for turn in doc.turns:
        role = _role(turn.kind, turn.speaker, main, news)
        who = -1
        if turn.speaker and not news:
            if turn.speaker not in speakers:
                speakers.append(turn.speaker)
            who = speakers.index(turn.speaker)
        for p in turn.paragraphs:
            said[p.number] = (who + 1) * len(ROLES) + role
            texts[p.number] = p.text
    title = doc.meta.title or doc.id
    short = display_title(entry, names)
    head = {
        "t": title,
        **({"h": short} if short != title else {}),
        "d": long_date(doc.meta.date),
        "k": "News report" if news else kind_noun(doc.meta.kind),
        "w": place_line(entry, names),
        "c": counterparts_line(entry, names),
        "n": speakers,
    }
    files: dict[str, str] = {}
    parts = max(1, math.ceil((max(texts, default=0)) / PART))
    for k in range(parts):
        first = k * PART + 1
        numbers = [n for n in range(first, first + PART) if n in texts]
        last = max(numbers, default=first - 1)
        shown = [texts.get(n, "") for n in range(first, last + 1)]
        roles = [said.get(n, 0) for n in range(first, last + 1)]
        path = f"search/docs/{doc.id}.js" if k == 0 else f"search/docs/{doc.id}/{k}.js"
        files[path] = script("text", doc.id, k, {**head, "f": first, "p": shown, "s": roles})
    return files


def _utf16(term: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units)."""
    return term.encode("utf-16-be")


@dataclass(frozen=True, slots=True)
class DocumentIndex:
    """What one document adds to the index, computed on its own (so in any worker)."""

    files: dict[str, str]
    """Its text files (:func:`text_files`)."""
    postings: str
    """Its postings but the document number, as one text: each term it holds, then U+0000,
    then how many paragraphs hold the term less one and each (paragraph, weight and role) pair,
    all encoded, then U+0000 before the next term (:func:`postings_items` reads it back). One
    text, not a dict of hundreds of small strings and tuples: a corpus' postings are held until
    the index is merged and kept in the build's memo, and this takes about a tenth of the memory."""
    paragraphs: int
    """Paragraphs indexed, paragraph 0 included."""


#: Between a term and its encoded postings, and between those and the next term: no term holds
#: it (word terms are letters and digits; entity terms are "_", a kind, ":" and a checked key)
#: and no encoded postings do (:data:`ALPHABET`).
SEPARATOR = "\0"


def postings_items(postings: str) -> Iterator[tuple[str, str, int]]:
    """(term, encoded postings, how many paragraphs hold it) of :attr:`DocumentIndex.postings`.
    The count is the encoding's first number plus one."""
    if not postings:
        return
    flat = postings.split(SEPARATOR)
    pairs = iter(flat)
    for t, encoded in zip(pairs, pairs, strict=True):
        first = DIGITS[encoded[0]]
        count = first + 1 if first < 32 else decode_numbers(encoded)[0] + 1
        yield t, encoded, count


def document_index(entry: Entry, names: Names) -> DocumentIndex:
    """The text files and postings of one document; see the module's note on the encoding."""
    # term -> [last paragraph holding it, then its encoded (paragraph gap, weight) pairs]
    in_doc: dict[str, list[Any]] = {}
    paragraphs = 0
    for para, counts, length, role in paragraph_terms(entry, names):
        paragraphs += 1
        letters = posting_letters(length, META_LENGTH if para == 0 else TEXT_LENGTH, role)
        first = number(para)
        for t, tf in counts.items():
            letter = letters[tf] if tf < 64 else letters[63]  # saturated long before
            known = in_doc.get(t)
            if known is None:
                in_doc[t] = [para, first + letter]
            else:
                known.append(number(para - known[0] - 1) + letter)
                known[0] = para
    flat = SEPARATOR.join(
        f"{t}{SEPARATOR}{number(len(known) - 2)}{''.join(known[1:])}" for t, known in in_doc.items()
    )
    if in_doc and flat.count(SEPARATOR) != 2 * len(in_doc) - 1:  # see SEPARATOR
        raise ValueError(f"an index term of {entry.doc.id} holds U+0000")
    return DocumentIndex(text_files(entry, names), flat, paragraphs)


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
    for n, entry in enumerate(ordered):
        part = (computed or {}).get(entry.doc.id) or document_index(entry, names)
        files.update(part.files)
        paragraphs += part.paragraphs
        for t, encoded, count in postings_items(part.postings):
            known = found.get(t)
            if known is None:
                found[t] = [n, count, [number(n) + encoded]]
            else:
                known[2].append(number(n - known[0] - 1) + encoded)
                known[0] = n
                known[1] += count
    postings = {t: "".join(known[2]) for t, known in found.items()}
    df = {t: known[1] for t, known in found.items()}
    shards = _shards(postings, df, paragraphs)
    for k, shard in enumerate(shards):
        files[f"search/terms/{k}.js"] = script("shard", k, shard)
    ids = [e.doc.id for e in ordered]
    for k in range(0, len(ids), IDS_PER_FILE):
        files[f"search/ids/{k // IDS_PER_FILE}.js"] = script(
            "ids", k // IDS_PER_FILE, ids[k : k + IDS_PER_FILE]
        )
    for facet, rows in facet_files(ordered, names).items():
        files[f"search/facets/{facet}.js"] = script("facet", facet, rows)
    files["search/words.js"] = script("words", _suggestions(df))
    empty: dict[str, Any] = {"entities": [], "names": {}, "codes": {}}
    files["search/manifest.js"] = script(
        "manifest",
        {
            "format": FORMAT,
            "count": len(ordered),
            "shards": [next(iter(shard)) for shard in shards],
            "months": month_starts(ordered),
            "facets": list(FACETS),
            "synonyms": synonym_table(vocab) if isinstance(vocab, Vocabulary) else empty,
            "scripts": _scripts(df),
            "allScripts": sorted(set(SCRIPTS.values())),
            "stop": sorted(STOP_WORDS),
            "minLength": MIN_LENGTH,
            "alphabet": ALPHABET,
            "levels": LEVELS,
            "roles": list(ROLES),
            "page": TRANSCRIPT_URL_TEMPLATE,
            "part": PART,
            "idsPerFile": IDS_PER_FILE,
            "outside": OUTSIDE,
        },
    )
    return files


def _suggestions(df: Mapping[str, int]) -> list[str]:
    """The most common word terms of three letters or more, for "did you mean"."""
    words = [t for t in df if len(t) >= 3 and not t.startswith("_") and not t.isdigit()]
    words.sort(key=lambda t: (-df[t], t))
    return words[:SUGGESTIONS]


def _scripts(df: Mapping[str, int]) -> list[str]:
    """The scripts the indexed words are written in ("Latin", "Cyrillic" ...)."""
    chars = set("".join(t for t in df if not t.startswith("_")))
    found = {SCRIPTS.get(unicodedata.name(c, "").split(" ")[0]) for c in chars}
    return sorted(s for s in found if s)


def _shards(
    postings: dict[str, str], df: dict[str, int], paragraphs: int
) -> list[dict[str, list[object]]]:
    """Terms in JavaScript order with their idf (an outside term: its word's), cut into shards
    of about SHARD_CHARS."""
    shards: list[dict[str, list[object]]] = []
    current: dict[str, list[object]] = {}
    size = 0
    for t in sorted(postings, key=_utf16):
        encoded = postings[t]
        # an outside term scores as the word it is part of
        n = df.get(t[len(OUTSIDE) :], df[t]) if t.startswith(OUTSIDE) else df[t]
        idf = round(math.log(1 + (paragraphs - n + 0.5) / (n + 0.5)), 3)
        cost = len(t) + len(encoded) + 16
        if current and size + cost > SHARD_CHARS:
            shards.append(current)
            current, size = {}, 0
        current[t] = [idf, encoded]
        size += cost
    if current:
        shards.append(current)
    return shards
