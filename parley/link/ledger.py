"""Paragraph numbers that stay put: a text anchor for every paragraph, and the ledger of the
numbers already published, so that a ``#p12`` link keeps opening the words it opened before.

The reader numbers paragraphs 1, 2, 3 ... in text order. When a transcript is corrected, or the
reader learns to cut a text differently, those positions move. So each document's published
numbers are kept in a committed ledger, ``anchors/<id>.yaml``: the (number, text anchor) of
every paragraph in text order, and the numbers retired since. A text anchor is derived from
the paragraph's own words (:func:`paragraph_anchor`), so inserting or splitting other
paragraphs never changes it.

A build lines the current paragraphs up with the ledger (:func:`number_paragraphs`), as a diff
of the two sequences of anchors:

- a paragraph whose anchor is in the ledger keeps its number;
- a paragraph that took the place of a published one (its text corrected, or split: the first
  part) keeps that number;
- a new paragraph gets the next number never used, wherever it stands (so numbers may run
  12, 58, 13: a published number is never given to other words);
- a published number whose paragraph is gone is retired: its links open the paragraph that now
  stands where it stood (the page gives that paragraph the old ``pN`` anchor too).

Only ``build_site.py --record-anchors`` writes ledgers (:func:`write_ledgers`); a build reads
them and warns when the numbering it used is not recorded yet. Without a ledger folder, numbers
are positions.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

import yaml

from parley.diagnostics import ANCHORS_FILE, ANCHORS_UNRECORDED
from parley.model import Diagnostic, Entry, Facts

#: Words of a paragraph that start its anchor: "ladies-and-gentlemen-3f2a1c".
ANCHOR_WORDS = 4
#: A word of an anchor: ASCII letters and digits after accents are removed.
ANCHOR_WORD = re.compile(r"[a-z0-9]+")
#: The ledger file's header: what it is, and that the build never writes it.
HEADER = (
    "# Published paragraph numbers of transcript {id}:\n"
    "# [¶ number, anchor of its text] in text order, and retired numbers:\n"
    "# [¶ number, anchor of the paragraph their links now open].\n"
    "# Written by `build_site.py --record-anchors` only; review it as a diff, do not edit it.\n"
)


def paragraph_anchor(text: str) -> str:
    """An anchor made of the paragraph's first words and a digest of all of them:
    "Ladies and gentlemen," -> "ladies-and-gentlemen-<6 hex digits>"."""
    folded = " ".join(text.split())
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    # the first words only: finding every word of a long paragraph cost two thirds of the time
    words = [m.group() for m in islice(ANCHOR_WORD.finditer(ascii_text.lower()), ANCHOR_WORDS)]
    digest = hashlib.sha1(folded.encode("utf-8")).hexdigest()[:6]
    return "-".join([*words, digest])


def paragraph_anchors(texts: Iterable[str]) -> tuple[str, ...]:
    """The anchors of a document's paragraphs in order; a repeated text ("Thank you.") gets
    "-2", "-3" ... after its first occurrence."""
    seen: dict[str, int] = {}
    anchors = []
    for text in texts:
        anchor = paragraph_anchor(text)
        seen[anchor] = seen.get(anchor, 0) + 1
        anchors.append(anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}")
    return tuple(anchors)


@dataclass(frozen=True, slots=True)
class Ledger:
    """The published numbers of one document, as last recorded."""

    doc_id: str
    paragraphs: tuple[tuple[int, str], ...]
    """(number, anchor) of every paragraph, in text order."""
    retired: tuple[tuple[int, str], ...] = ()
    """(number, anchor of the paragraph its links open) of every number whose words are gone."""

    def numbers(self) -> set[int]:
        """Every number ever published for the document."""
        return {n for n, _ in self.paragraphs} | {n for n, _ in self.retired}


@dataclass(frozen=True, slots=True)
class Numbering:
    """The numbers a build gives a document's paragraphs."""

    numbers: tuple[int, ...]
    """The number of each paragraph, in text order."""
    retired: tuple[tuple[int, int], ...] = ()
    """(retired number, the number of the paragraph its links now open), by retired number."""
    ledger: Ledger | None = None
    """What the ledger should say after this build (see :func:`record`)."""


def number_paragraphs(doc_id: str, anchors: Sequence[str], ledger: Ledger | None) -> Numbering:
    """Number the paragraphs with ``anchors`` (text order) against the document's ledger."""
    if ledger is None:
        positions = tuple(range(1, len(anchors) + 1))
        pairs = tuple(zip(positions, anchors, strict=True))
        return Numbering(positions, (), Ledger(doc_id, pairs))
    old = [a for _, a in ledger.paragraphs]
    old_numbers = [n for n, _ in ledger.paragraphs]
    fresh = max(ledger.numbers(), default=0)
    # Words already published keep their number, wherever they moved.
    known = dict(zip(old, old_numbers, strict=True))
    numbers: list[int] = [known.get(a, 0) for a in anchors]
    used = set(numbers)
    gone: list[tuple[int, int]] = []  # (retired number, index of the paragraph it opens)
    matcher = difflib.SequenceMatcher(None, old, list(anchors), autojunk=False)
    for _op, i1, i2, j1, j2 in matcher.get_opcodes():
        # In each changed stretch, new words take the numbers of the published words that are
        # gone from it, in order (a correction, the first part of a split); the rest are new.
        free = [old_numbers[i] for i in range(i1, i2) if old_numbers[i] not in used]
        for j in range(j1, j2):
            if numbers[j]:
                continue
            if free:
                numbers[j] = free.pop(0)
            else:
                fresh += 1
                numbers[j] = fresh
        gone.extend((n, min(j2, len(anchors) - 1)) for n in free)
    index = {a: j for j, a in enumerate(anchors)}
    retired = {n: numbers[j] for n, j in gone if j >= 0}
    for n, anchor in ledger.retired:
        if anchor in index:
            retired.setdefault(n, numbers[index[anchor]])
    current = set(numbers)
    kept = tuple(sorted((n, m) for n, m in retired.items() if n not in current))
    recorded = Ledger(
        doc_id,
        tuple(zip(numbers, anchors, strict=True)),
        tuple(sorted((n, anchors[numbers.index(m)]) for n, m in kept)),
    )
    return Numbering(tuple(numbers), kept, recorded)


def unrecorded(numbering: Numbering, ledger: Ledger | None) -> str:
    """What the ledger does not say yet about this numbering ("" when it says it all):
    "new ¶ 58, 59; changed ¶ 12; retired ¶ 13"."""
    target = numbering.ledger
    if target is None or target == ledger:
        return ""
    known = dict(ledger.paragraphs) if ledger else {}
    new = [n for n, _ in target.paragraphs if n not in known]
    changed = [n for n, a in target.paragraphs if n in known and known[n] != a]
    retired = sorted(
        {n for n, _ in target.retired} - {n for n, _ in (ledger.retired if ledger else ())}
    )
    parts = [
        f"{label} ¶ {', '.join(str(n) for n in numbers)}"
        for label, numbers in (("new", new), ("changed", changed), ("retired", retired))
        if numbers
    ]
    return "; ".join(parts) or "paragraphs in another order"


def renumber_entry(entry: Entry, numbers: Sequence[int]) -> Entry:
    """``entry`` with its paragraphs numbered ``numbers`` (text order) instead of 1, 2, 3 ...;
    mentions, tallies and topics follow their paragraphs."""
    position = {p.number: n for p, n in zip(entry.doc.paragraphs, numbers, strict=True)}
    if all(old == new for old, new in position.items()):
        return entry
    turns = tuple(
        replace(t, paragraphs=tuple(replace(p, number=position[p.number]) for p in t.paragraphs))
        for t in entry.doc.turns
    )
    facts = entry.facts
    renumbered = Facts(
        mentions=tuple(
            replace(m, paragraph=position.get(m.paragraph, m.paragraph)) for m in facts.mentions
        ),
        tallies=tuple(
            replace(t, paragraphs=tuple(sorted(position.get(p, p) for p in t.paragraphs)))
            for t in facts.tallies
        ),
        counterpart_countries=facts.counterpart_countries,
        host_country=facts.host_country,
        topics=tuple(
            replace(m, paragraphs=tuple(position.get(p, p) for p in m.paragraphs))
            for m in facts.topics
        ),
    )
    return replace(entry, doc=replace(entry.doc, turns=turns), facts=renumbered)


__all__ = [
    "Ledger",
    "Numbering",
    "ledger_text",
    "number_corpus",
    "number_paragraphs",
    "paragraph_anchor",
    "paragraph_anchors",
    "read_ledgers",
    "renumber_entry",
    "unrecorded",
    "write_ledgers",
]


# -- the corpus, and the files ------------------------------------------------------------


def number_corpus(
    entries: Sequence[Entry], ledgers: Mapping[str, Ledger] | None, folder: str
) -> tuple[list[Entry], dict[str, Numbering], list[Diagnostic]]:
    """Number every entry against its ledger (``ledgers`` None: no ledger folder, positions);
    a warning for each document whose numbering the ledger does not record yet."""
    numbered, numberings, problems = [], {}, []
    for entry in entries:
        anchors = paragraph_anchors(p.text for p in entry.doc.paragraphs)
        ledger = ledgers.get(entry.doc.id) if ledgers is not None else None
        numbering = number_paragraphs(entry.doc.id, anchors, ledger)
        numberings[entry.doc.id] = numbering
        renumbered = renumber_entry(entry, numbering.numbers)
        if numbering.retired:
            doc = replace(renumbered.doc, retired=numbering.retired)
            renumbered = replace(renumbered, doc=doc)
        numbered.append(renumbered)
        if ledgers is not None and (missing := unrecorded(numbering, ledger)):
            problems.append(
                ANCHORS_UNRECORDED.at(
                    f"{folder}/{entry.doc.id}.yaml",
                    0,
                    f"paragraph numbers not recorded yet ({missing})",
                    "run build_site.py --record-anchors and commit the ledger it writes",
                )
            )
    return numbered, numberings, problems


def ledger_text(ledger: Ledger) -> str:
    """A ledger file: a header comment, then the YAML of the ledger."""
    data = {
        "document": ledger.doc_id,
        "paragraphs": [[n, a] for n, a in ledger.paragraphs],
        "retired": [[n, a] for n, a in ledger.retired],
    }
    body = yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=100)
    return HEADER.format(id=ledger.doc_id) + body


def parse_ledger(doc_id: str, text: str, path: str) -> tuple[Ledger | None, list[Diagnostic]]:
    """A ledger from its file's text; a malformed file is an error and is not used."""

    def problem(message: str) -> tuple[None, list[Diagnostic]]:
        hint = "restore it from git, or delete it and run build_site.py --record-anchors"
        return None, [ANCHORS_FILE.at(path, 0, message, hint)]

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return problem(f"the ledger is not valid YAML: {exc}".splitlines()[0])
    if not isinstance(data, dict) or data.get("document") != doc_id:
        return problem(f"the ledger does not name the document {doc_id!r}")
    pairs: dict[str, list[tuple[int, str]]] = {}
    for key in ("paragraphs", "retired"):
        items = data.get(key) or []
        if not isinstance(items, list) or not all(
            isinstance(i, list)
            and len(i) == 2
            and isinstance(i[0], int)
            and i[0] > 0
            and isinstance(i[1], str)
            for i in items
        ):
            return problem(f"'{key}' must be a list of [number, anchor] pairs")
        pairs[key] = [(int(i[0]), str(i[1])) for i in items]
    numbers = [n for n, _ in pairs["paragraphs"] + pairs["retired"]]
    if len(numbers) != len(set(numbers)):
        return problem("a paragraph number appears twice")
    return Ledger(doc_id, tuple(pairs["paragraphs"]), tuple(pairs["retired"])), []


def read_ledgers(
    folder: Path, ids: Iterable[str], shown: str
) -> tuple[dict[str, Ledger], list[Diagnostic]]:
    """The ledgers of the documents ``ids`` found in ``folder`` (shown as ``shown``)."""
    ledgers: dict[str, Ledger] = {}
    problems: list[Diagnostic] = []
    for doc_id in sorted(ids):
        path = folder / f"{doc_id}.yaml"
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(ANCHORS_FILE.at(f"{shown}/{doc_id}.yaml", 0, str(exc)))
            continue
        ledger, more = parse_ledger(doc_id, text, f"{shown}/{doc_id}.yaml")
        problems.extend(more)
        if ledger is not None:
            ledgers[doc_id] = ledger
    return ledgers, problems


def write_ledgers(folder: Path, numberings: Mapping[str, Numbering]) -> list[str]:
    """Write the ledger of every document whose numbering is not recorded yet; the names of
    the files written. The only function that writes a ledger (``--record-anchors``)."""
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, numbering in sorted(numberings.items()):
        if numbering.ledger is None:
            continue
        path = folder / f"{doc_id}.yaml"
        text = ledger_text(numbering.ledger)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.write_text(text, encoding="utf-8")
        written.append(path.name)
    return written
