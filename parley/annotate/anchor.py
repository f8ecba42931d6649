"""Anchor a contributor's quote to an exact span of one paragraph.

Matching is exact after folding: runs of whitespace count as one space, and typographic
quotes, apostrophes and dashes count as their plain forms, so a quote typed on an ordinary
keyboard still finds "Syria’s sovereignty" or "hundreds of thousands – up to". Nothing else is
forgiven: no case folding, no fuzzy matching. The span found is mapped back to exact offsets in
the paragraph's own text.

A quote found once anchors. Found more than once, the optional prefix (text just before) and
suffix (text just after) choose among the occurrences; a quote still ambiguous, or not found,
is a :class:`Miss` whose hint helps the contributor fix it (for a missing quote, the closest
passage that does exist and its paragraph number).
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from parley.diagnostics import QUOTE_AMBIGUOUS, QUOTE_CONTEXT, QUOTE_NOT_FOUND, Code
from parley.model import Paragraph

#: Typographic characters and the plain character each one matches (one for one).
TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
    }
)

#: A run of whitespace, folded to one space: the gap in "Resolution \u00a0 2254".
WHITESPACE_RUN = re.compile(r"\s+")

#: A word of folded text, the unit of the "closest passage" search: "Resolution", "Syria's".
WORD = re.compile(r"\w+(?:'\w+)*")

#: Characters of context shown around a quote in hints.
CONTEXT = 40

#: Windows whose words best overlap the quote's get a full difflib comparison.
CANDIDATES = 24

#: A passage less similar than this (difflib ratio) is not offered as the closest.
MIN_SIMILARITY = 0.5


@dataclass(frozen=True, slots=True)
class Folded:
    """A text with whitespace and typography folded, and the way back to the original offsets."""

    text: str
    """The folded text."""
    breaks: tuple[int, ...] = ()
    """Folded offsets after which the original text is longer (ascending)."""
    shifts: tuple[int, ...] = ()
    """For each break, how many characters the original has gained by then."""

    def original(self, index: int) -> int:
        """Offset in the original text of the folded character at ``index``."""
        at = bisect.bisect_right(self.breaks, index) - 1
        return index + (self.shifts[at] if at >= 0 else 0)


def normalise_quote(text: str) -> Folded:
    """Fold ``text`` for matching, keeping the map back to original offsets; linear time."""
    plain = text.translate(TYPOGRAPHY)
    pieces: list[str] = []
    breaks: list[int] = []
    shifts: list[int] = []
    done = 0  # original offset up to which ``pieces`` reaches
    shift = 0  # characters the original has gained over the folded text so far
    for match in WHITESPACE_RUN.finditer(plain):
        start, end = match.span()
        pieces.append(plain[done:start])
        pieces.append(" ")
        done = end
        if end - start > 1:
            breaks.append(start - shift + 1)  # the folded offset just after this space
            shift += end - start - 1
            shifts.append(shift)
    pieces.append(plain[done:])
    return Folded("".join(pieces), tuple(breaks), tuple(shifts))


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph ready for matching."""

    number: int
    """The paragraph number."""
    text: str
    """The paragraph text, exactly as in the document."""
    folded: Folded
    """The folded text."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote was found: exact offsets into :attr:`Paragraph.text`."""

    paragraph: int
    """The paragraph number."""
    start: int
    """Offset of the first character of the quoted span."""
    end: int
    """Offset after its last character."""


@dataclass(frozen=True, slots=True)
class Miss:
    """Why a quote could not be anchored; becomes a diagnostic."""

    code: Code
    """:data:`~parley.diagnostics.QUOTE_NOT_FOUND`, ``QUOTE_AMBIGUOUS`` or ``QUOTE_CONTEXT``."""
    message: str
    """What is wrong, naming the quote and the transcript."""
    hint: str
    """What to do: the closest passage, or how to tell the occurrences apart."""


def passages(paragraphs: Sequence[Paragraph]) -> tuple[Passage, ...]:
    """Prepare a document's paragraphs once for any number of quotes."""
    return tuple(Passage(p.number, p.text, normalise_quote(p.text)) for p in paragraphs)


def show(text: str, limit: int = 80) -> str:
    """``text`` in double quotes, shortened with an ellipsis past ``limit`` characters."""
    text = WHITESPACE_RUN.sub(" ", text).strip()
    return f'"{text if len(text) <= limit else text[: limit - 1].rstrip() + "…"}"'


def anchor(
    index: Sequence[Passage], doc_id: str, quote: str, prefix: str = "", suffix: str = ""
) -> Anchor | Miss:
    """Find ``quote`` in the paragraphs of ``index``; see the module docstring for the rules."""
    wanted = normalise_quote(quote).text.strip()
    before = normalise_quote(prefix).text.strip()
    after = normalise_quote(suffix).text.strip()
    if not wanted:
        return Miss(QUOTE_NOT_FOUND, "the quote is empty", "copy the words from the transcript")
    found: list[tuple[Passage, int, int]] = []
    for passage in index:
        text = passage.folded.text
        at = text.find(wanted)
        while at >= 0:
            found.append((passage, at, at + len(wanted)))
            at = text.find(wanted, at + 1)
    if not found:
        return Miss(
            QUOTE_NOT_FOUND,
            f"quote {show(quote)} is not in transcript {doc_id}",
            _closest_hint(index, wanted),
        )
    # Folded text has single spaces, so one character of slack covers the gap.
    chosen = [
        (p, i, j)
        for p, i, j in found
        if p.folded.text[max(0, i - len(before) - 1) : i].rstrip().endswith(before)
        and p.folded.text[j : j + len(after) + 1].lstrip().startswith(after)
    ]
    if len(chosen) == 1:
        passage, i, j = chosen[0]
        return Anchor(
            passage.number, passage.folded.original(i), passage.folded.original(j - 1) + 1
        )
    if not chosen:
        passage, i, j = found[0]
        given = " and ".join(name for name, v in (("prefix", before), ("suffix", after)) if v)
        text = passage.folded.text
        around = []
        if before:
            cut = "…" if i > CONTEXT else ""
            around.append(f"follows {show(cut + text[max(0, i - CONTEXT) : i].strip(), 60)}")
        if after:
            cut = "…" if j + CONTEXT < len(text) else ""
            around.append(f"is followed by {show(text[j : j + CONTEXT].strip() + cut, 60)}")
        return Miss(
            QUOTE_CONTEXT,
            f"quote {show(quote)} is in transcript {doc_id}, but not with the {given} given",
            f"in paragraph {passage.number} it {' and '.join(around)}",
        )
    numbers = sorted({p.number for p, _, _ in chosen})
    where = f"paragraph{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"
    return Miss(
        QUOTE_AMBIGUOUS,
        f"quote {show(quote)} occurs {len(chosen)} times in transcript {doc_id} ({where})",
        "lengthen the prefix or suffix until only the passage you mean matches"
        if before or after
        else "add a prefix or suffix: the words just before or after the passage you mean",
    )


def _closest_hint(index: Sequence[Passage], wanted: str) -> str:
    """The hint for a missing quote: the most similar run of words in any paragraph."""
    found = closest(index, wanted)
    if found is None:
        return "no passage of the transcript resembles it; is the file named after the right one?"
    number, text = found
    return f"closest passage, paragraph {number}: {show(text, 300)}"


def grams(word: str) -> list[str]:
    """The character trigrams of a word, padded: "Syria" -> " sy", "syr", "yri", "ria", "ia "."""
    padded = f" {word.casefold()} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def closest(index: Sequence[Passage], wanted: str) -> tuple[int, str] | None:
    """Paragraph number and original text of the run of words most like ``wanted``.

    Windows of as many words as the quote are ranked by the character trigrams they share
    with it, in one sliding pass (linear in the document), so a misspelt word still counts;
    the best few are then compared with difflib and the most similar wins, the earliest on a
    tie. None when nothing is at least :data:`MIN_SIMILARITY` alike.
    """
    quote_words = WORD.findall(wanted)
    need = Counter(g for w in quote_words for g in grams(w))
    width = len(quote_words)
    if not width:
        return None
    # (shared trigrams, -order, passage position, folded start, folded end): a min-heap
    ranked: list[tuple[int, int, int, int, int]] = []
    order = 0
    for position, passage in enumerate(index):
        spans = [m.span() for m in WORD.finditer(passage.folded.text)]
        words = [grams(passage.folded.text[a:b]) for a, b in spans]
        have: Counter[str] = Counter()
        shared = 0
        for k, added in enumerate(words):
            for gram in added:
                if have[gram] < need[gram]:
                    shared += 1
                have[gram] += 1
            first = k - width + 1
            if first > 0:
                for gram in words[first - 1]:
                    have[gram] -= 1
                    if have[gram] < need[gram]:
                        shared -= 1
            if shared and (first >= 0 or k == len(words) - 1):
                order += 1
                item = (shared, -order, position, spans[max(first, 0)][0], spans[k][1])
                if len(ranked) < CANDIDATES:
                    heapq.heappush(ranked, item)
                else:
                    heapq.heappushpop(ranked, item)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(wanted)
    best: tuple[float, int, int, int, int] | None = None
    for _, neg_order, position, a, b in ranked:
        matcher.set_seq1(index[position].folded.text[a:b])
        candidate = (matcher.ratio(), neg_order, position, a, b)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None or best[0] < MIN_SIMILARITY:
        return None
    _, _, position, a, b = best
    passage = index[position]
    start, end = passage.folded.original(a), passage.folded.original(b - 1) + 1
    return passage.number, passage.text[start:end]
