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

SAMPLES = Path(__file__).resolve().parent.parent / "transcripts"


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
        f"{paragraphs:>9,} paragraphs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--files", type=int, nargs="+", default=[2500, 10000], help="corpus sizes to measure"
    )
    for count in parser.parse_args().files:
        measure(count)


if __name__ == "__main__":
    main()
