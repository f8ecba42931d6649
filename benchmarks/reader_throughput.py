"""How fast the reader is, in ms per 10 KB of text on one core (issue #14: at most 1 ms); run
by hand.

    .venv/bin/python -m benchmarks.reader_throughput                # 2,500 and 10,000 files
    .venv/bin/python -m benchmarks.reader_throughput --files 26000
    .venv/bin/python -m benchmarks.reader_throughput --files        # the reading step alone

First the reading step alone (``read_document`` with the layouts of ``data/layouts.yaml``, as
the build calls it) on texts decoded once: the real pages of ``tests/realdocs`` (short pages,
1.5 KB on average) and the five samples of ``transcripts/`` (about 10 KB each), each the fastest
of ``--repeat`` runs, in wall-clock and in CPU time (the CPU time of this process: what it costs
on one core, less disturbed by other work on a shared machine). Then, for each ``--files``
size, a corpus written into a temporary folder (copies of the samples under new names, every
fourth one in Windows-1252 with CRLF line endings), with finding, planning ids, reading and
decoding, and parsing every file timed: MB/s and files/s for each size, so that growth can be
checked to be linear. The machine's load average is printed last.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from parley.model import Layouts, SourceText
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


def measure(count: int, layouts: Layouts) -> None:
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
                document, _ = read_document(source, layouts)
                paragraphs += len(document.paragraphs)
        seconds = time.perf_counter() - started
    print(
        f"{count:>7,} files {size / 1e6:8.1f} MB {seconds:7.2f} s "
        f"{size / 1e6 / seconds:7.2f} MB/s {count / seconds:8.0f} files/s "
        f"{paragraphs:>9,} paragraphs {seconds * 1000 / (size / 10_000):6.3f} ms per 10 KB"
    )


def measure_texts(name: str, paths: list[Path], layouts: Layouts, repeat: int) -> str:
    """Read ``paths`` (decoded once) ``repeat`` times and print the fastest run per 10 KB;
    returns the CPU figures in one phrase for the summary."""
    sources: list[SourceText] = []
    for path in paths:
        source, _ = read_source(path, path.name, path.stem)
        if source is not None:
            sources.append(source)
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    wall = cpu = float("inf")
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        for source in sources:
            read_document(source, layouts)
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    per = size / 10_000
    print(
        f"{name}: {len(sources)} texts {size / 1000:.0f} KB, fastest of {repeat}: "
        f"{wall * 1000:.1f} ms wall-clock, {cpu * 1000:.1f} ms CPU; per 10 KB "
        f"{wall * 1000 / per:.2f} ms wall-clock, {cpu * 1000 / per:.2f} ms CPU (target 1 ms)"
    )
    return (
        f"{name.split(' (')[0]} {cpu * 1000 / per:.2f} ms per 10 KB "
        f"({cpu * 1000 / max(1, len(sources)):.2f} ms a text)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--files", type=int, nargs="*", default=[2500, 10000], help="corpus sizes to measure"
    )
    parser.add_argument("--repeat", type=int, default=20, help="runs over the texts read alone")
    args = parser.parse_args()
    layouts = load_vocabulary(ROOT / "data")[0].layouts
    realdocs = sorted((ROOT / "tests" / "realdocs").glob("*/*.txt"))
    figures = [
        measure_texts("real pages (tests/realdocs)", realdocs, layouts, args.repeat),
        measure_texts("samples (transcripts)", sorted(SAMPLES.glob("*.txt")), layouts, args.repeat),
    ]
    print("the reading step, CPU time on one core:", "; ".join(figures), "(target 1 ms per 10 KB)")
    for count in args.files:
        measure(count, layouts)
    print("load average (1, 5, 15 min):", ", ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
