#!/usr/bin/env python3
"""How well quotations in news reports are traced to their transcript paragraphs.

Reads every labelled pair in ``tests/quotes/pairs/`` (a YAML file naming the report and the
transcript, kept in ``tests/quotes/reports/`` and ``tests/quotes/transcripts/``, or
``transcripts/``), runs the reader, the quotation finder and the matcher, and prints per pair and
in total:

- found: labelled quotations the finder extracts (and extracted ones nobody labelled);
- precision: links made (a verdict other than not-found) that point at the labelled paragraph(s);
- recall: labelled quotations with a source that are linked to it;
- verdict accuracy: labelled quotations given the labelled verdict.

A link is right when its paragraphs are among the labelled ones. Usage:
``python scripts/quote_accuracy.py [--misses]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from parley.link.provenance import QuoteMatch, plain_words, trace
from parley.model import Document, SourceText
from parley.read import read_document
from parley.read.quotes import find_quotations
from parley.read.sources import decode

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "tests" / "quotes" / "pairs"


@dataclass
class Score:
    """Counts over labelled quotations."""

    labelled: int = 0
    found: int = 0
    unlabelled: int = 0
    links: int = 0
    right_links: int = 0
    sourced: int = 0
    verdicts_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "labelled",
            "found",
            "unlabelled",
            "links",
            "right_links",
            "sourced",
            "verdicts_right",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.right_links / self.links if self.links else 1.0

    @property
    def recall(self) -> float:
        return self.right_links / self.sourced if self.sourced else 1.0

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_right / self.labelled if self.labelled else 1.0


def read(path: Path) -> Document:
    """Read one text file as the build does."""
    decoded = decode(path.read_bytes())
    text, encoding = decoded if decoded else ("", "utf-8")
    src = SourceText(path=path.name, id=path.stem, text=text, encoding=encoding, sha256="")
    return read_document(src)[0]


def score_pair(folder: Path) -> Score:
    """Score one labelled pair (``folder`` is its YAML file)."""
    labels = yaml.safe_load(folder.read_text("utf-8"))
    report = read(REPO / labels["report"])
    transcript = read(REPO / labels["transcript"])
    matches = trace(find_quotations(report), report.id, transcript)
    score = Score()
    claimed: set[int] = set()
    for label in labels["quotations"]:
        score.labelled += 1
        sources = _paragraphs(transcript, label["source"], folder)
        if sources:
            score.sourced += 1
        index = next(
            (i for i, m in enumerate(matches) if i not in claimed and _same(m, label["quote"])),
            None,
        )
        if index is None:
            score.misses.append(f"{folder.stem}: not extracted: {label['quote']!r}")
            score.verdicts_right += label["verdict"] == "not-found" and not sources
            continue
        claimed.add(index)
        score.found += 1
        m = matches[index]
        if m.verdict != "not-found":
            score.links += 1
            if m.paragraphs and set(m.paragraphs) <= sources:
                score.right_links += 1
            else:
                score.misses.append(
                    f"{folder.stem}: wrong link ¶{m.paragraphs} (labelled {sorted(sources)}): "
                    f"{label['quote']!r}"
                )
        elif sources:
            score.misses.append(
                f"{folder.stem}: not linked (labelled {sorted(sources)}): {label['quote']!r}"
            )
        if m.verdict == label["verdict"]:
            score.verdicts_right += 1
        else:
            score.misses.append(
                f"{folder.stem}: verdict {m.verdict} (labelled {label['verdict']}, "
                f"score {m.score}): {label['quote']!r}"
            )
    for i, m in enumerate(matches):
        if i not in claimed:
            score.unlabelled += 1
            score.misses.append(
                f"{folder.stem}: extracted but not labelled: {m.quotation.text[:60]!r}"
            )
            if m.verdict != "not-found":
                score.links += 1
    return score


def _same(match: QuoteMatch, quote: str) -> bool:
    return plain_words(match.quotation.text).startswith(plain_words(quote))


def _paragraphs(doc: Document, starts: list[str], folder: Path) -> set[int]:
    numbers = set()
    for start in starts:  # a phrase found in exactly one paragraph
        hits = [p.number for p in doc.paragraphs if plain_words(start) in plain_words(p.text)]
        if len(hits) != 1:
            raise SystemExit(
                f"{folder.stem}: label source {start!r} matches {len(hits)} paragraphs"
            )
        numbers.add(hits[0])
    return numbers


def evaluate() -> tuple[dict[str, Score], Score]:
    """Scores per pair and in total."""
    per_pair = {pair.stem: score_pair(pair) for pair in sorted(PAIRS.glob("*.yaml"))}
    total = Score()
    for score in per_pair.values():
        total.add(score)
    return per_pair, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    per_pair, total = evaluate()
    print(f"{'pair':<48} {'quotes':>6} {'found':>5} {'prec':>5} {'recall':>6} {'verdict':>7}")
    for name, s in per_pair.items():
        print(
            f"{name:<48} {s.labelled:>6} {s.found:>5} {s.precision:>5.2f} {s.recall:>6.2f}"
            f" {s.verdict_accuracy:>7.2f}"
        )
    print(
        f"{'total (' + str(len(per_pair)) + ' pairs)':<48} {total.labelled:>6} {total.found:>5}"
        f" {total.precision:>5.2f} {total.recall:>6.2f} {total.verdict_accuracy:>7.2f}"
    )
    verdicts = Counter(
        label["verdict"]
        for pair in PAIRS.glob("*.yaml")
        for label in yaml.safe_load(pair.read_text("utf-8"))["quotations"]
    )
    print("labelled verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    print(f"extracted but not labelled: {total.unlabelled}")
    if args.misses:
        print("\n".join(total.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
