"""How fast the reader is on a large corpus generated from the samples; run by hand.

    .venv/bin/python -m benchmarks.reader_throughput                # 2,500 and 10,000 files
    .venv/bin/python -m benchmarks.reader_throughput --files 26000

Writes the corpus into a temporary folder (copies of ``transcripts/*.txt`` under new names,
every fourth one in Windows-1252 with CRLF line endings), then times finding, planning ids,
reading and decoding, and parsing every file. Prints MB/s and files/s for each size, so that
growth can be checked to be linear.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from parley.read.document import read_document
from parley.read.sources import find_sources, plan_ids, read_source
from parley.vocab.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "transcripts"


def generate(folder: Path, count: int) -> int:
    """Write ``count`` transcripts into ``folder``; returns the number of bytes written."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    written = 0
    for index in range(count):
        text = texts[index % len(texts)]
        if index % 4 == 3:
            raw = text.replace("\n", "\r\n").encode("cp1252", errors="replace")
        else:
            raw = text.encode("utf-8")
        (folder / f"{2000 + index % 25}-{index:06d}-transcript.txt").write_bytes(raw)
        written += len(raw)
    return written


def measure(count: int) -> None:
    """Generate ``count`` files, read them all, and print the throughput."""
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as name:
        folder = Path(name)
        size = generate(folder, count)
        started = time.perf_counter()
        paths = find_sources(folder)
        ids, _ = plan_ids(paths, lambda path: path.name)
        paragraphs = 0
        for path in paths:
            source, _ = read_source(path, path.name, ids[path])
            if source is not None:
                document, _ = read_document(source)
                paragraphs += len(document.paragraphs)
        seconds = time.perf_counter() - started
    print(
        f"{count:>7,} files {size / 1e6:8.1f} MB {seconds:7.2f} s "
        f"{size / 1e6 / seconds:7.2f} MB/s {count / seconds:8.0f} files/s "
        f"{paragraphs:>9,} paragraphs {seconds * 1000 / (size / 10_000):6.3f} ms per 10 KB"
    )


def measure_realdocs(repeat: int) -> None:
    """Read every real page of ``tests/realdocs`` (decoded once) ``repeat`` times, fastest run
    counted (the machine may be shared), with the data files' layouts: ms per 10 KB."""
    vocab, _ = load_vocabulary(ROOT / "data")
    sources = []
    for path in sorted((ROOT / "tests" / "realdocs").glob("*/*.txt")):
        source, _ = read_source(path, path.name, path.stem)
        if source is not None:
            sources.append(source)
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for source in sources:
            read_document(source, vocab.layouts)
        best = min(best, time.perf_counter() - started)
    print(
        f"realdocs: {len(sources)} pages {size / 1000:.0f} KB, fastest of {repeat}: "
        f"{best * 1000:.1f} ms, {best * 1000 / (size / 10_000):.3f} ms per 10 KB (target 1 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--files", type=int, nargs="+", default=[2500, 10000], help="corpus sizes to measure"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs over tests/realdocs")
    args = parser.parse_args()
    measure_realdocs(args.repeat)
    for count in args.files:
        measure(count)


if __name__ == "__main__":
    main()
