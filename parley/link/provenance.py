"""Quote provenance: each quotation of a news report traced to the transcript paragraph it is from.

In: a news report's :class:`~parley.read.quotes.Quotation` values and the transcript of the event
it reports (from the catalog's coverage links, so the work is linear in the corpus). Out: one
:class:`QuoteMatch` per quotation: the paragraph(s), a score and a verdict. Pure.

How a quotation is matched (thresholds chosen on the labelled pairs in ``tests/quotes/``, see
``scripts/quote_accuracy.py`` and the README's "Quote provenance"):

1. Only paragraphs the quoted person speaks are candidates (their answer and remarks turns; the
   untitled opening remarks belong to the main speaker). A quotation of someone the transcript
   does not give the floor to is ``not-found``, never matched to the nearest text.
2. Each candidate (one paragraph, or two in a row of the same turn) gets two scores with
   rapidfuzz: ``literal``, the best partial alignment of the quoted words in the paragraph
   (``fuzz.partial_ratio`` of case- and punctuation-folded text), and ``shared``, the part of the
   quotation's content words whose stems the paragraph holds (a reporter's translation keeps the
   nouns and verbs and changes the small words).
3. The verdict of the best candidate: ``verbatim`` when each part of the folded quotation
   (parts split at "..." too) stands in the folded paragraph as it is; ``close`` (same wording,
   small changes) when literal >= :data:`CLOSE`; ``paraphrase`` when at least
   :data:`MIN_SHARED_WORDS` content words and a share >= :data:`PARAPHRASE` are found, at least
   :data:`IN_ORDER` of them in the quotation's order (rapidfuzz's longest common subsequence of
   stems), and the runner-up in another place is clearly weaker; otherwise ``not-found``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import snowballstemmer
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from parley.model import Document, Paragraph
from parley.read.quotes import Quotation, find_quotations

Verdict = Literal["verbatim", "close", "paraphrase", "not-found"]

#: Every verdict, from the most faithful.
VERDICTS: tuple[Verdict, ...] = ("verbatim", "close", "paraphrase", "not-found")
#: characters a quotation must have to be matched letter by letter (shorter ones: word for word).
MIN_LITERAL = 8
#: literal score from which a quotation is the same wording with small changes.
CLOSE = 84.0
#: share of content words (0-1) from which a quotation is a paraphrase of the paragraph.
PARAPHRASE = 0.5
#: content words a paraphrase must share at least (a two-word fragment is never a paraphrase).
MIN_SHARED_WORDS = 3
#: how much better (share of content words) a paraphrase's paragraph must be than any other.
MARGIN = 0.1
#: share of the quotation's content words that the paragraph holds in the same order (0-1): a
#: translation keeps the order of its nouns and verbs, a chance overlap of vocabulary does not.
IN_ORDER = 0.35
#: what a second paragraph must add to the share of content words (and to the share in order)
#: to be part of a paraphrase.
WIDER = 0.2
#: surname similarity (0-100) from which two spellings name the same person ("Muallem", "Moallem").
SAME_NAME = 80.0

#: Words that carry no content in either translation ("the", "we", "would").
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "us",
        "let",
        "may",
        "must",
        "shall",
        "might",
        "one",
    ]
)
#: A word: letters and digits (apostrophes and hyphens separate words: "general's" -> "general s").
WORD = re.compile(r"[^\W_]+")
#: The English Snowball stemmer ("proposals" and "proposed" -> "propos").
STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quotation of a news report comes from in a transcript, and how faithful it is."""

    quotation: Quotation
    report: str
    """Id of the news report."""
    transcript: str
    """Id of the transcript it was looked for in."""
    verdict: Verdict
    paragraphs: tuple[int, ...]
    """Transcript paragraph(s) it comes from; empty when not found."""
    score: float
    """0-1: the literal score for verbatim and close, the share of content words otherwise."""
    passage: str
    """The transcript's words that correspond to it ("" when not found)."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """Every traced quotation of the corpus, from both ends."""

    by_report: Mapping[str, tuple[QuoteMatch, ...]] = field(default_factory=dict)
    """News report id -> a match for each of its quotations (found or not), in text order."""
    by_transcript: Mapping[str, tuple[QuoteMatch, ...]] = field(default_factory=dict)
    """Transcript id -> the matches found in it, by paragraph then report."""


#: Traces the quotations of a news report in a transcript: :func:`trace_pair`, or the same
#: from a build's memo.
TracePair = Callable[[Document, Document], tuple[QuoteMatch, ...]]


def trace_pair(report: Document, transcript: Document) -> tuple[QuoteMatch, ...]:
    """The match of each quotation of ``report`` in ``transcript``: a function of the two
    documents alone."""
    return trace(find_quotations(report), report.id, transcript)


def trace_reports(
    pairs: Iterable[tuple[Document, Document]], traced: TracePair = trace_pair
) -> Provenance:
    """Trace the quotations of each (news report, transcript of its event) pair; linear in the
    number of pairs, which come from the catalog's coverage links. ``traced`` traces one pair
    (:func:`trace_pair`; a build passes one that takes the unchanged pairs from its memo)."""
    by_report: dict[str, list[QuoteMatch]] = {}
    by_transcript: dict[str, list[QuoteMatch]] = {}
    for report, transcript in pairs:
        matches = traced(report, transcript)
        by_report.setdefault(report.id, []).extend(matches)
        found = [m for m in matches if m.verdict != "not-found"]
        by_transcript.setdefault(transcript.id, []).extend(found)
    return Provenance(
        {k: tuple(v) for k, v in sorted(by_report.items())},
        {
            k: tuple(sorted(v, key=lambda m: (m.paragraphs, m.report, m.quotation.paragraph)))
            for k, v in sorted(by_transcript.items())
            if v
        },
    )


def trace(
    quotations: Sequence[Quotation], report: str, transcript: Document
) -> tuple[QuoteMatch, ...]:
    """Match each quotation of ``report`` to the paragraphs of ``transcript``."""
    if not quotations:
        return ()
    windows = _windows(spoken_paragraphs(transcript))
    return tuple(_match(q, report, transcript.id, windows) for q in quotations)


def spoken_paragraphs(doc: Document) -> tuple[tuple[str, tuple[Paragraph, ...]], ...]:
    """(speaker, paragraphs) of each turn that is not a question, in text order."""
    main = doc.meta.speakers[0] if doc.meta.speakers else _byline(doc)
    # no one named at all: the title may still give the speaker's role ("Secretary-General's
    # stakeout remarks"), which a report's "Secretary-General Antonio Guterres" matches
    main = main or doc.meta.title or ""
    turns = []
    for turn in doc.turns:
        if turn.kind == "question":
            continue
        speaker = turn.speaker or (main if turn.kind == "remarks" and not turn.label else "")
        paras = tuple(p for p in turn.paragraphs if not p.heading)
        if speaker and paras:
            turns.append((speaker, paras))
    return tuple(turns)


def _byline(doc: Document) -> str:
    """Who gives unlabelled remarks when the reader found no main speaker: the short lines at
    the top ("António Guterres, Secretary-General"), where a transcript names them."""
    return " ".join(p.text for p in doc.paragraphs[:3] if len(p.text) < 200)


def same_person(quoted: str, speaker: str) -> bool:
    """True if the name a report uses is the transcript speaker's (by surname, any spelling)."""
    q_words, s_words = _name_words(quoted), _name_words(speaker)
    if not q_words or not s_words:
        return False
    surname = q_words[-1]
    return any(fuzz.ratio(surname, w) >= SAME_NAME for w in s_words if len(w) > 2)


def plain_words(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: what the literal score compares."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(WORD.findall(plain))


def stems(text: str) -> list[str]:
    """The stems of the content words of ``text``, in order."""
    return [_stem(w) for w in plain_words(text).split() if w not in STOPWORDS and not w.isdigit()]


@dataclass(frozen=True, slots=True)
class _Window:
    """One paragraph, or two in a row of one turn, ready to compare."""

    speaker: str
    paragraphs: tuple[Paragraph, ...]
    folded: str
    stems: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Candidate:
    paragraphs: tuple[Paragraph, ...]
    literal: float
    shared: float
    words: int


def _windows(spoken: Iterable[tuple[str, tuple[Paragraph, ...]]]) -> tuple[_Window, ...]:
    windows = []
    for speaker, paras in spoken:
        runs = [paras[i : i + 1] for i in range(len(paras))]
        runs += [paras[i : i + 2] for i in range(len(paras) - 1)]
        for run in runs:
            text = " ".join(p.text for p in run)
            windows.append(_Window(speaker, run, plain_words(text), frozenset(stems(text))))
    return tuple(windows)


def _match(q: Quotation, report: str, transcript: str, windows: Sequence[_Window]) -> QuoteMatch:
    quote = plain_words(q.text)
    quote_stems = set(stems(q.text))
    candidates: list[_Candidate] = []
    speakers: dict[str, bool] = {}
    for window in windows:
        if window.speaker not in speakers:
            speakers[window.speaker] = same_person(q.speaker, window.speaker) or _same_role(
                q, window.speaker
            )
        if not speakers[window.speaker]:
            continue
        literal = _literal(q, window.folded)
        found = quote_stems & window.stems
        share = len(found) / len(quote_stems) if quote_stems else 0.0
        candidates.append(_Candidate(window.paragraphs, literal, share, len(found)))
    none = QuoteMatch(q, report, transcript, "not-found", (), 0.0, "")
    if not candidates or not quote:
        return none
    best = max(candidates, key=lambda c: (c.literal, -len(c.paragraphs), c.shared))
    if best.literal >= CLOSE and len(quote) >= MIN_LITERAL:
        verbatim = all(f" {piece} " in f" {plain_words(_text(best))} " for piece in _pieces(q))
        verdict: Verdict = "verbatim" if verbatim else "close"
        return QuoteMatch(
            q,
            report,
            transcript,
            verdict,
            _numbers(best),
            round(best.literal / 100, 3),
            _passage(q.text, best.paragraphs),
        )
    best = max(candidates, key=lambda c: (c.shared - WIDER * (len(c.paragraphs) - 1), c.literal))
    if best.words < MIN_SHARED_WORDS or best.shared < PARAPHRASE:
        return none
    elsewhere = [c.shared for c in candidates if not set(_numbers(c)) & set(_numbers(best))]
    if elsewhere and max(elsewhere) > best.shared - MARGIN:
        return none
    in_order = LCSseq.similarity(stems(q.text), stems(_text(best))) / len(stems(q.text))
    if in_order - WIDER * (len(best.paragraphs) - 1) < IN_ORDER:
        return none  # the words are there, but scattered: shared vocabulary, not the passage
    return QuoteMatch(
        q,
        report,
        transcript,
        "paraphrase",
        _numbers(best),
        round(best.shared, 3),
        _passage(q.text, best.paragraphs),
    )


def _pieces(q: Quotation) -> list[str]:
    """The quotation's folded parts, split where the report marks an omission ("...", "…")."""
    pieces = [plain_words(piece) for part in q.parts for piece in re.split(r"\.\.\.|…", part)]
    return [piece for piece in pieces if piece]


def _literal(q: Quotation, text: str) -> float:
    """How well each part of the quotation aligns somewhere in ``text`` (0-100), weighted by
    length: a quotation in two parts, or with words left out, is compared part by part."""
    pieces = _pieces(q)
    total = sum(len(p) for p in pieces)
    if not total:
        return 0.0
    return sum(fuzz.partial_ratio(p, text) * len(p) for p in pieces) / total


def _text(c: _Candidate) -> str:
    return " ".join(p.text for p in c.paragraphs)


def _numbers(c: _Candidate) -> tuple[int, ...]:
    return tuple(p.number for p in c.paragraphs)


def _passage(quote: str, paragraphs: Sequence[Paragraph]) -> str:
    """The sentences of the paragraphs that share content words with the quotation."""
    wanted = set(stems(quote))
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.?!])\s+", p.text) if s]
    hits = [
        i for i, s in enumerate(sentences) if len(wanted & set(stems(s))) >= min(2, len(wanted))
    ]
    if not hits:
        return ""
    return " ".join(sentences[hits[0] : hits[-1] + 1])


def _same_role(q: Quotation, speaker: str) -> bool:
    """True if the transcript names its speaker only by the role the report gives the quoted
    person ("UN Secretary-General's stakeout remarks", "Secretary-General Antonio Guterres")."""
    if not q.role or q.role.lower() in ("mr", "mr.", "ms", "ms.", "mrs", "mrs.", "chief", "leader"):
        return False
    return f" {plain_words(q.role)} " in f" {plain_words(speaker)} "


def _name_words(name: str) -> list[str]:
    return [w for w in plain_words(name).split() if w not in {"mr", "ms", "mrs", "dr", "he", "she"}]


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """The stem of a folded word, kept per word: a transcript's paragraphs are stemmed once
    for each window they are part of and each report of the event, and its words repeat."""
    return str(STEMMER.stemWord(word))
