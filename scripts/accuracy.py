"""Compare detection with hand labels: precision, recall and F1 per entity type and level.

Reads every ``tests/labels/<doc-id>.yaml``, reads ``transcripts/<doc-id>.txt`` with the reader,
enriches it with the vocabulary in ``data/``, and prints, per entity type (country, organisation,
document, person) and per level (paragraph: the set of (paragraph, entity) pairs; document: the set
of entities), precision, recall and F1 over all labelled documents, then topics (document level),
then every false positive and false negative. Exit status 0; with ``--min-country-f1`` it is 1 when
country F1 at either level falls below the bound (for CI).

    .venv/bin/python scripts/accuracy.py [--labels DIR] [--transcripts DIR] [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from parley.enrich.document import enrich
from parley.model import Document, Entry
from parley.read.document import read_document
from parley.read.sources import read_source
from parley.vocab.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parents[1]

#: Entity types scored, with the key each uses in a labels file.
TYPES: dict[str, str] = {
    "country": "countries",
    "organisation": "organisations",
    "document": "documents",
    "person": "people",
}


#: Enrichments timed per document; the fastest counts (the machine may be shared).
REPEAT = 5


@dataclass
class Tally:
    """Gold and predicted items of one type at one level, over all documents."""

    gold: set[tuple[str, ...]] = field(default_factory=set)
    found: set[tuple[str, ...]] = field(default_factory=set)

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall, F1 (1.0 where there is nothing to find and nothing found)."""
        hits = len(self.gold & self.found)
        precision = hits / len(self.found) if self.found else 1.0
        recall = hits / len(self.gold) if self.gold else 1.0
        total = precision + recall
        return precision, recall, (2 * precision * recall / total if total else 0.0)


def timed(document: Document, vocab: Vocabulary) -> float:
    """Seconds one enrichment of ``document`` takes."""
    started = time.perf_counter()
    enrich(document, vocab)
    return time.perf_counter() - started


def plain_quotes(text: str) -> str:
    """Quotes folded to ASCII, for comparing a label's ``starts`` with paragraph text."""
    return text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def read(path: Path, doc_id: str) -> tuple[Document | None, list[str]]:
    source, problems = read_source(path, path.relative_to(ROOT).as_posix(), doc_id)
    if source is None:
        return None, [d.format() for d in problems]
    document, more = read_document(source)
    return document, [d.format() for d in problems + more]


def align(
    labels: dict[int, dict[str, object]], document: Document
) -> tuple[dict[int, int], list[str]]:
    """Label paragraph number -> reader paragraph number, matched on the label's ``starts``."""
    paragraphs = document.paragraphs
    mapping: dict[int, int] = {}
    notes: list[str] = []
    for number, label in sorted(labels.items()):
        starts = plain_quotes(str(label.get("starts", "")))
        same = [
            p for p in paragraphs if p.number == number and plain_quotes(p.text).startswith(starts)
        ]
        moved = [p for p in paragraphs if plain_quotes(p.text).startswith(starts)]
        if same:
            mapping[number] = number
        elif len(moved) == 1:
            mapping[number] = moved[0].number
            notes.append(f"label {number} is reader paragraph {moved[0].number} ({starts!r})")
        else:
            notes.append(f"label {number} ({starts!r}) matches no reader paragraph; left out")
    return mapping, notes


def context(entry: Entry, paragraph: int, key: str) -> str:
    """A few words around the first mention of ``key`` in a paragraph, or the paragraph's start."""
    text = next((p.text for p in entry.doc.paragraphs if p.number == paragraph), "")
    for m in entry.facts.mentions:
        if m.paragraph == paragraph and m.key == key:
            return "…" + text[max(0, m.start - 30) : m.end + 30] + "…"
    return text[:70] + "…"


def evaluate(
    labels_dir: Path, transcripts: Path, vocab: Vocabulary
) -> tuple[dict[tuple[str, str], Tally], Tally, list[str], float, int]:
    """Score every labelled document; the tallies, the report lines, seconds and bytes enriched."""
    tallies = {(t, level): Tally() for t in TYPES for level in ("paragraph", "document")}
    topics = Tally()
    lines: list[str] = []
    seconds, size = 0.0, 0
    for label_file in sorted(labels_dir.glob("*.yaml")):
        data = yaml.safe_load(label_file.read_text(encoding="utf-8")) or {}
        doc_id = str(data.get("doc") or label_file.stem)
        document, problems = read(transcripts / f"{doc_id}.txt", doc_id)
        if document is None:
            lines.append(f"{doc_id}: not read: {'; '.join(problems)}")
            continue
        entry = enrich(document, vocab)
        seconds += min(timed(document, vocab) for _ in range(REPEAT))
        size += sum(len(p.text.encode("utf-8")) for p in document.paragraphs)
        paragraphs = {int(k): v or {} for k, v in (data.get("paragraphs") or {}).items()}
        mapping, notes = align(paragraphs, document)
        lines.extend(f"{doc_id}: {note}" for note in notes)
        for kind, field_name in TYPES.items():
            gold_p = {
                (doc_id, str(mapping[n]), str(key))
                for n, label in paragraphs.items()
                if n in mapping
                for key in label.get(field_name, ())
            }
            found_p = {
                (doc_id, str(m.paragraph), m.key)
                for m in entry.facts.mentions
                if m.kind == kind and m.paragraph in mapping.values()
            }
            tallies[(kind, "paragraph")].gold |= gold_p
            tallies[(kind, "paragraph")].found |= found_p
            tallies[(kind, "document")].gold |= {(d, k) for d, _, k in gold_p}
            tallies[(kind, "document")].found |= {(d, k) for d, _, k in found_p}
            for doc, number, key in sorted(found_p - gold_p, key=lambda x: (int(x[1]), x[2])):
                lines.append(
                    f"FP {kind:12} {doc}#p{number} {key}: {context(entry, int(number), key)}"
                )
            for doc, number, key in sorted(gold_p - found_p, key=lambda x: (int(x[1]), x[2])):
                lines.append(
                    f"FN {kind:12} {doc}#p{number} {key}: {context(entry, int(number), key)}"
                )
        gold_t = {(doc_id, str(t)) for t in data.get("topics") or ()}
        found_t = {(doc_id, t.slug) for t in entry.facts.topics}
        topics.gold |= gold_t
        topics.found |= found_t
        lines.extend(f"FP topic        {d} {t}" for d, t in sorted(found_t - gold_t))
        lines.extend(f"FN topic        {d} {t}" for d, t in sorted(gold_t - found_t))
    return tallies, topics, lines, seconds, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=ROOT / "tests" / "labels")
    parser.add_argument("--transcripts", type=Path, default=ROOT / "transcripts")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument(
        "--min-country-f1",
        type=float,
        default=None,
        help="exit 1 if country F1 (either level) is below this",
    )
    args = parser.parse_args(argv)
    vocab, problems = load_vocabulary(args.data)
    for problem in problems:
        print(problem.format())
    tallies, topics, lines, seconds, size = evaluate(args.labels, args.transcripts, vocab)
    print(f"{'type':14}{'level':11}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}")
    for (kind, level), t in tallies.items():
        p, r, f = t.scores()
        print(f"{kind:14}{level:11}{len(t.gold):6}{len(t.found):7}{p:8.3f}{r:8.3f}{f:8.3f}")
    p, r, f = topics.scores()
    print(
        f"{'topic':14}{'document':11}{len(topics.gold):6}{len(topics.found):7}{p:8.3f}{r:8.3f}{f:8.3f}"
    )
    if size:
        print(
            f"enrichment: {seconds * 1000:.1f} ms for {size / 1000:.1f} KB "
            f"({seconds * 1000 / (size / 10_000):.2f} ms per 10 KB)"
        )
    print()
    print("\n".join(lines) if lines else "no false positives or negatives")
    if args.min_country_f1 is not None:
        worst = min(tallies[("country", level)].scores()[2] for level in ("paragraph", "document"))
        if worst < args.min_country_f1:
            print(f"country F1 {worst:.3f} is below {args.min_country_f1}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
