"""Generate a realistic benchmark corpus of N transcripts from the five real samples.

    python -m benchmarks.corpus --count N --out DIR [--seed S] [--annotations DIR]

Every document is recombined from the paragraphs of ``transcripts/*.txt``. The counterpart,
country and capital of the sample a paragraph came from are swapped for the generated
document's, and the war the samples discuss (Syria) is swapped for another one in half the
documents, so countries, people and topics vary across the corpus. Layouts follow the samples:
ministry pages (news conferences, interviews, briefings, statements, speeches) and, about one
in twenty, a news article. Document ``i`` depends only on the seed and ``i``: the corpus of
1,000 is the first 1,000 files of the corpus of 10,000, and generation is linear in N.

Its parts, by job: ``corpus_tables.py`` (the tables of ``corpus_tables.yaml``: countries, people,
kinds, outlets), ``corpus_samples.py`` (the samples' paragraphs, pooled), ``corpus_document.py``
(one document from the pools); this module writes the corpus to disk and is the command.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.corpus_document import Generated, generate_document
from benchmarks.corpus_samples import SAMPLES, load_pools
from benchmarks.corpus_tables import load_countries, load_people


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """What :func:`write_corpus` wrote."""

    documents: int
    bytes: int
    """Total size of the transcripts."""
    kinds: tuple[tuple[str, int], ...]
    """(kind, count), sorted by kind."""
    annotation_files: int
    annotations: int


# -- the corpus on disk -----------------------------------------------------------------------


def generate_corpus(
    count: int, seed: int = 1, annotation_rate: float = 0.02, samples: Path = SAMPLES
) -> Iterator[Generated]:
    """Documents 0 .. count-1; every (1/annotation_rate)-th one, from the first, has quotes."""
    pools, countries, people = load_pools(samples), load_countries(), load_people()
    every = round(1 / annotation_rate) if annotation_rate > 0 else 0
    for index in range(count):
        quotes = 0
        if every and index % every == 0:
            quotes = random.Random(f"parley-notes:{seed}:{index}").randint(1, 2)
        yield generate_document(pools, countries, people, seed, index, quotes)


def annotation_yaml(document: Generated) -> str:
    """The annotation file for a document's quotes, in the annotation schema's format."""
    notes = [
        {
            "quote": quote,
            "note": (
                f"Benchmark note {n} on *{document.id}*: compare the "
                "[ministry's archive](https://www.mid.ru/en/)."
            ),
            "author": "benchmark",
            "date": "2024-01-01",
            "kind": "context",
        }
        for n, quote in enumerate(document.quotes, start=1)
    ]
    return yaml.safe_dump({"annotations": notes}, sort_keys=False, allow_unicode=True, width=100)


def write_corpus(
    out: Path,
    count: int,
    seed: int = 1,
    annotations: Path | None = None,
    annotation_rate: float = 0.02,
    samples: Path = SAMPLES,
) -> CorpusStats:
    """Write ``count`` transcripts into ``out`` (and annotation files); both must be empty."""
    for folder in (out, annotations):
        if folder is not None and folder.exists() and any(folder.iterdir()):
            raise FileExistsError(f"{folder} is not empty: generate into a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    if annotations is not None:
        annotations.mkdir(parents=True, exist_ok=True)
    size = files = notes = 0
    kinds: Counter[str] = Counter()
    rate = annotation_rate if annotations is not None else 0.0
    for document in generate_corpus(count, seed, rate, samples):
        data = document.text.encode("utf-8")
        (out / f"{document.id}.txt").write_bytes(data)
        size += len(data)
        kinds[document.kind] += 1
        if annotations is not None and document.quotes:
            (annotations / f"{document.id}.yaml").write_text(
                annotation_yaml(document), encoding="utf-8", newline="\n"
            )
            files, notes = files + 1, notes + len(document.quotes)
    return CorpusStats(count, size, tuple(sorted(kinds.items())), files, notes)


def parser() -> argparse.ArgumentParser:
    """The command line of corpus.py."""
    p = argparse.ArgumentParser(prog="corpus.py", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--count", type=int, required=True, metavar="N", help="number of transcripts to generate"
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder for the transcripts (created; must be empty)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="random seed; the same seed gives byte-identical files (default: 1)",
    )
    p.add_argument(
        "--annotations",
        type=Path,
        metavar="DIR",
        help="also write annotation files for about 2%% of the transcripts here",
    )
    p.add_argument(
        "--annotation-rate",
        type=float,
        default=0.02,
        metavar="R",
        help="share of transcripts that get annotations (default: 0.02)",
    )
    p.add_argument(
        "--samples",
        type=Path,
        default=SAMPLES,
        metavar="DIR",
        help="the real transcripts to recombine (default: the repository's)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point: write the corpus and print one summary line."""
    args = parser().parse_args(argv)
    if args.count < 0 or not 0 <= args.annotation_rate <= 1:
        print("corpus.py: --count must be >= 0 and --annotation-rate in [0, 1]", file=sys.stderr)
        return 2
    try:
        stats = write_corpus(
            args.out, args.count, args.seed, args.annotations, args.annotation_rate, args.samples
        )
    except FileExistsError as error:
        print(f"corpus.py: {error}", file=sys.stderr)
        return 2
    kinds = ", ".join(f"{n} {kind}" for kind, n in stats.kinds)
    print(
        f"wrote {stats.documents} transcripts ({stats.bytes} bytes: {kinds}) to {args.out}"
        + (
            f"; annotation files: {stats.annotation_files} ({stats.annotations} annotations) "
            f"in {args.annotations}"
            if args.annotations is not None
            else ""
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
