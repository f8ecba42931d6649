"""The document model: what every stage reads and returns.

Flow: ``sources`` reads bytes into a :class:`SourceText`; ``reader`` turns it into a
:class:`Document` (metadata and turns, nothing resolved against the vocabulary);
``enrich`` resolves counterpart and place countries and adds :class:`Facts`
(mentions, counts, topics); ``catalog`` links the corpus; ``render`` turns it into pages.

Every value here is frozen: a stage that changes a document returns a new one
(``dataclasses.replace``). Collections are tuples, so models hash and compare by value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, TypeGuard, get_args

Severity = Literal["error", "warning", "info"]

#: The kind of a document, which the reader assigns (``Metadata.kind``).
DocumentKind = Literal[
    "news-conference",
    "interview",
    "briefing",
    "statement",
    "speech",
    "article",
    "other",
]
#: Every :data:`DocumentKind`, in this order.
KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)

#: Who published the text (``Metadata.publisher``).
Publisher = Literal[
    "ministry",  # a foreign ministry's transcript page
    "kremlin",  # a presidential administration's transcript
    "state-department",  # U.S. State Department transcript
    "wire",  # a wire service's transcript
    "news",  # a news article reporting on an event
    "other",  # anything else, e.g. a file with front matter only
]
#: Every :data:`Publisher`, in this order.
PUBLISHERS: tuple[Publisher, ...] = get_args(Publisher)

#: The kind of a turn (``Turn.kind``).
TurnKind = Literal["remarks", "question", "answer"]
#: Every :data:`TurnKind`, in this order.
TURN_KINDS: tuple[TurnKind, ...] = get_args(TurnKind)

#: The kind of a named entity that mentions find and pages list (``Mention.kind``).
EntityKind = Literal["country", "organisation", "person", "document"]
#: Every :data:`EntityKind`, in this order.
ENTITY_KINDS: tuple[EntityKind, ...] = get_args(EntityKind)


def is_document_kind(kind: str) -> TypeGuard[DocumentKind]:
    """Whether ``kind`` is one of :data:`KINDS` (a data file's value, checked when read)."""
    return kind in KINDS


def is_entity_kind(kind: str) -> TypeGuard[EntityKind]:
    """Whether ``kind`` is one of :data:`ENTITY_KINDS` (a vocabulary pattern's kind may also be
    ``person-short``, ``excluded`` or ``term``)."""
    return kind in ENTITY_KINDS


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in an input file; diagnostics are values, never exceptions."""

    path: str
    """Path as shown to the user, e.g. ``transcripts/2021-07-02-lavrov-bahrain.txt``."""
    line: int
    """1-based line in ``path``; 0 when the problem concerns the whole file."""
    severity: Severity
    """``error`` skips the file or fails the build; ``warning`` is fatal only with --strict."""
    code: str
    """Stable machine-readable name, e.g. ``no-date``, ``empty-file``, ``id-collision``."""
    message: str
    """One sentence saying what is wrong."""
    hint: str = ""
    """What to do about it, or a "did you mean" suggestion; may be empty."""

    def format(self) -> str:
        """The one line printed for a diagnostic: ``path:line: severity: message (hint)``."""
        text = f"{self.path}:{self.line}: {self.severity}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True, slots=True)
class SourceText:
    """A source file read from disk and decoded, before any parsing."""

    path: str
    """Display path (see :attr:`Diagnostic.path`)."""
    id: str
    """Document id: the file stem, or a safe slug derived from it."""
    text: str
    """Decoded text: BOM removed, line endings normalised to ``\\n``."""
    encoding: str
    """Encoding used to decode: ``utf-8``, ``utf-8-sig``, ``cp1251`` or ``cp1252``."""
    sha256: str
    """Hex digest of the raw bytes; used for incremental builds and duplicate detection."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of running text, kept exactly as in the source but for whitespace."""

    number: int
    """1-based, in source order across the whole document; the permalink ``#p{number}``."""
    text: str
    """The text with runs of whitespace folded to one space; a turn label is not included."""
    line: int
    """1-based source line on which the paragraph starts."""
    heading: bool = False
    """True for a short sub-heading (a news article's "Syria Consensus", a briefing topic)."""


@dataclass(frozen=True, slots=True)
class Turn:
    """A stretch of the text said by one party: opening remarks, a question or an answer."""

    number: int
    """1-based, in order; the anchor ``#t{number}``."""
    kind: TurnKind
    """One of :data:`TURN_KINDS`."""
    speaker: str | None
    """Normalised speaker name ("Sergey Lavrov"); None for an unnamed questioner or remarks."""
    label: str
    """The label as written ("Sergey Lavrov (adds after Mohammad Javad Zarif)"), or ""."""
    qualifier: str
    """The bracketed qualifier of the label ("translated from Arabic"), or ""."""
    paragraphs: tuple[Paragraph, ...]
    """The paragraphs of the turn, in order; never empty."""
    line: int
    """1-based source line on which the turn starts."""
    outlet: str = ""
    """A questioner's outlet as the label names it ("AFP", "China Daily"), or ""."""
    resolution: str = ""
    """How the label was resolved to the speaker ("surname of John Kirby", "questioner")."""


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Someone the main speaker met, as named in the title."""

    name: str
    """Person's name as written, with spelling normalised ("Mohammad Javad Zarif")."""
    role: str
    """Role as written ("Foreign Minister", "Deputy Prime Minister and Minister of ...")."""
    country_text: str
    """How the title names the country ("the Syrian Arab Republic", "Israeli", "Iraq")."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code; filled by enrichment from ``country_text``."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where the event took place."""

    city: str | None
    """City as written ("Moscow"), or None."""
    country_text: str | None = None
    """Country as written, if the source names one."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code; filled by enrichment from the city or ``country_text``."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the head of a document (or its front matter) says about it."""

    title: str | None
    """The document's title, or None when the source has none."""
    date: str | None
    """ISO date ``YYYY-MM-DD``, or None when no date could be read."""
    time: str | None = None
    """``HH:MM`` 24-hour clock, or None."""
    timezone: str | None = None
    """Time zone the source states or implies: ``MSK`` (ministry pages), ``GMT``, ``EST`` ..."""
    kind: DocumentKind = "other"
    """One of :data:`KINDS`."""
    speakers: tuple[str, ...] = ()
    """Main speakers, names normalised ("Sergey Lavrov"), main speaker first."""
    counterparts: tuple[Counterpart, ...] = ()
    """Counterparts named in the title, in title order."""
    place: Place | None = None
    """Where the event took place, or None."""
    languages: tuple[str, ...] = ()
    """BCP 47 tags of the language versions offered ("en-GB", "ru-RU")."""
    publisher: Publisher = "other"
    """One of :data:`PUBLISHERS`."""
    source_url: str | None = None
    """Address of the original, when known (front matter)."""
    layout: str = "plain"
    """Which layout the reader recognised ("ministry", "news", "front-matter", ...)."""
    event_date: str | None = None
    """An article's: ISO date of the event it reports ("said on Friday"), when the text tells it."""


@dataclass(frozen=True, slots=True)
class Dropped:
    """A source line left out of the text as site chrome, recorded so nothing is lost silently."""

    line: int
    """1-based source line."""
    text: str
    """The line as it was (stripped)."""
    reason: str
    """Why it was dropped: ``chrome``, ``photo-credit``, ``language-line``, ``header`` ..."""


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the reader set one metadata field: the line it came from and the rule that decided."""

    field: str
    """A :class:`Metadata` field ("date", "speakers", ...)."""
    line: int
    """1-based source line of the evidence; 0 when the rule has no single line."""
    rule: str
    """The rule, in words ("page head: a line that is only a time")."""


@dataclass(frozen=True, slots=True)
class Document:
    """One transcript as read from its source: metadata, turns, and what was dropped."""

    id: str
    """Stable id: the file stem (or its safe slug); pages and annotations hang on it."""
    path: str
    """Display path of the source file."""
    encoding: str
    """Encoding the source was decoded with."""
    sha256: str
    """Digest of the raw source bytes."""
    meta: Metadata
    """Metadata from the head of the document."""
    turns: tuple[Turn, ...]
    """Opening remarks, then questions and answers, in order."""
    dropped: tuple[Dropped, ...] = ()
    """Lines recognised as chrome or header and left out of the turns."""
    footnotes: tuple[str, ...] = ()
    """Footnote lines ("*A terrorist group outlawed in Russia ...") kept apart from the text."""
    reasons: tuple[Reason, ...] = ()
    """Why each metadata field has its value, in the order the reader decided (``--explain``)."""
    retired: tuple[tuple[int, int], ...] = ()
    """(retired ¶ number, number of the paragraph its links now open): published numbers whose
    words are gone (``parley.link.ledger``); empty when numbers are positions."""

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All paragraphs of all turns, in order."""
        return tuple(p for t in self.turns for p in t.paragraphs)

    @property
    def questions(self) -> int:
        """Number of question turns."""
        return sum(1 for t in self.turns if t.kind == "question")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a known entity in a paragraph."""

    kind: EntityKind
    """One of :data:`ENTITY_KINDS`."""
    key: str
    """Alpha-2 code for a country, the entity's slug otherwise."""
    paragraph: int
    """Paragraph number (:attr:`Paragraph.number`)."""
    start: int
    """Offset of the first character in the paragraph text."""
    end: int
    """Offset after the last character."""


@dataclass(frozen=True, slots=True)
class Tally:
    """How often one entity is mentioned in a document, and where."""

    kind: str
    """As in :attr:`Mention.kind`."""
    key: str
    """As in :attr:`Mention.key`."""
    count: int
    """Number of mentions."""
    paragraphs: tuple[int, ...]
    """Paragraph numbers with at least one mention, ascending."""


@dataclass(frozen=True, slots=True)
class TopicMatch:
    """A topic assigned to a document, with the passages that earned it."""

    slug: str
    """The topic's slug from ``data/topics.yaml``."""
    score: float
    """Strength of the evidence (rule hits weighted); higher is stronger."""
    paragraphs: tuple[int, ...]
    """Paragraphs whose text earned the topic, strongest first."""


@dataclass(frozen=True, slots=True)
class Facts:
    """What enrichment found in a document."""

    mentions: tuple[Mention, ...] = ()
    """Every mention, in text order."""
    tallies: tuple[Tally, ...] = ()
    """Per-entity counts, sorted by kind, then count descending, then key."""
    counterpart_countries: tuple[str, ...] = ()
    """Alpha-2 codes of the counterparts' countries, in title order, no repeats."""
    host_country: str | None = None
    """Alpha-2 code of the country where the event took place."""
    topics: tuple[TopicMatch, ...] = ()
    """Topics assigned, strongest first."""

    def of_kind(self, kind: str) -> tuple[Tally, ...]:
        """The tallies of one entity kind."""
        return tuple(t for t in self.tallies if t.kind == kind)


@dataclass(frozen=True, slots=True)
class Note:
    """A contributor's annotation, anchored to an exact span of one paragraph."""

    id: str
    """Unique within its document, from the quote and the note's author and date, not its place
    in the file ("astana-format-3f2a1c"); anchors ``#note-{id}`` and ``#mark-{id}``."""
    doc_id: str
    """The annotated document."""
    paragraph: int
    """Paragraph number the quote was found in."""
    start: int
    """Offset of the quoted span in the paragraph's text."""
    end: int
    """Offset after the quoted span."""
    quote: str
    """The quote as the contributor wrote it."""
    html: str
    """The note's Markdown rendered to HTML and sanitised (plain formatting, http(s) links)."""
    author: str
    """GitHub handle or name."""
    date: str
    """ISO date the note was written."""
    kind: str
    """``context``, ``correction``, ``translation`` or ``cross-reference``."""
    sources: tuple[str, ...]
    """http(s) URLs backing the note."""
    file: str
    """Display path of the annotation file."""
    line: int
    """Line of the annotation in that file."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A document with its facts: the unit the catalog links and the renderer writes."""

    doc: Document
    """The document, with counterpart and place countries resolved."""
    facts: Facts = field(default_factory=Facts)
    """What enrichment found."""
    notes: tuple[Note, ...] = ()
    """Contributors' annotations anchored in this document, in text order."""


@dataclass(frozen=True, slots=True)
class Layout:
    """A publisher's layout the generic rules cannot decide (``data/layouts.yaml``)."""

    name: str
    """Short stable name ("india-mea-weekly-briefing")."""
    match: re.Pattern[str]
    """Found in the title or a head line of a document of this layout."""
    place: Place | None = None
    """Where documents of this layout happen unless the text says otherwise."""
    kind: DocumentKind | None = None
    """Their kind unless the title names one."""


@dataclass(frozen=True, slots=True)
class Layouts:
    """Everything the reader takes from ``data/layouts.yaml``; empty without the file."""

    layouts: tuple[Layout, ...] = ()
    venues: tuple[tuple[str, str], ...] = ()
    """(venue, city): "in the Kremlin" happened in Moscow."""
    outlets: frozenset[str] = frozenset()
    """Outlets whose name labels a questioner ("AFP:"), case-folded."""
    agencies: frozenset[str] = frozenset()
    """More news agencies, case-folded: with ``outlets``, a dateline or credit line naming one
    marks a news report ("Berlin (dpa) -"); they never make a label a question."""

    roles: tuple[tuple[str, str], ...] = ()
    """(abbreviation, office) written out in speaker labels: ("SG", "Secretary-General")."""
    questions: frozenset[str] = frozenset()
    """Label words that open a question turn beyond English ones ("Frage"), case-folded."""
    answers: frozenset[str] = frozenset()
    """Label words that open the main speaker's answer ("R" for réponse), case-folded."""
    chrome: frozenset[str] = frozenset()
    """Whole lines of site chrome ("View settings"), whitespace folded: never text."""
    stage_directions: tuple[re.Pattern[str], ...] = ()
    """Lines that describe the event rather than record words ("(The briefing was concluded
    at 3:31 p.m.)"): left out of the paragraphs, kept as dropped lines."""
    governments: tuple[tuple[re.Pattern[str], str], ...] = ()
    """(pattern, ISO alpha-2 code): institutions whose names do not name their country ("U.S.
    Department of State", "Bundesregierung"), read as the government a text is from."""

    @property
    def news_outlets(self) -> frozenset[str]:
        """Every outlet and agency a news report may name in its dateline or credit line."""
        return self.outlets | self.agencies
