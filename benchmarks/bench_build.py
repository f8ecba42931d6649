#!/usr/bin/env python3
"""Measure the build on generated corpora: python benchmarks/bench_build.py --sizes 1000 10000.

For each size N, in ``<workdir>/<N>/``: generate N transcripts (benchmarks/corpus.py), then time
in fresh child processes, each with its peak memory:

1. our stage (read, enrich, link, write Markdown) from scratch, on all cores and on one core;
2. a rerun with nothing changed, and how many generated files it rewrote;
3. a rerun after one transcript gained a paragraph, and how many files it rewrote;
4. MkDocs building the site from our pages, then the offline zip the build makes of it (the
   full build is our stage, MkDocs and the zip);
5. MkDocs building the same transcripts as plain pages (title and paragraphs, no links), the
   baseline our stage is measured against, with the project's configuration (no search
   plugin) and again with MkDocs' default search plugin (benchmarks/baseline.py);
6. sizes: built site per transcript, the largest page, the search index.

Prints a table per N, then how per-transcript time and size change from the smallest N to the
largest, and writes everything to ``<workdir>/results.json``. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

try:
    from benchmarks.baseline import scratch_repository, write_bare_site, write_search_config
except ModuleNotFoundError:  # run as a script: benchmarks/ itself is on sys.path
    from baseline import (  # type: ignore[no-redef]
        scratch_repository,
        write_bare_site,
        write_search_config,
    )

REPO = Path(__file__).resolve().parent.parent
VENV_PYTHON = REPO / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
#: Seconds between two samples of the process tree's memory.
SAMPLE_EVERY = 0.1
#: The paragraph step 3 adds to one transcript.
ADDED_PARAGRAPH = "The benchmark added this paragraph to change one transcript and nothing else."

#: The command line's summary; matches
#: "generated 20 documents: 0 errors, 1 warnings; pages: 75 written, 0 unchanged, 0 removed".
SUMMARY = re.compile(
    r"^(?:generated|built) (?P<documents>\d+) documents: (?P<errors>\d+) errors, "
    r"(?P<warnings>\d+) warnings; pages: (?P<written>\d+) written, (?P<unchanged>\d+) unchanged, "
    r"(?P<removed>\d+) removed$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Run:
    """One child process, timed."""

    step: str
    command: tuple[str, ...]
    seconds: float
    status: int
    peak_process: int
    """Peak resident memory of the largest single process of the step, in bytes."""
    peak_tree: int
    """Peak resident memory of the whole process tree (workers summed), sampled, in bytes."""
    log: str
    """Path of the file holding the step's output."""


@dataclass(frozen=True, slots=True)
class Rewrite:
    """What a rerun of our stage changed in the generated folder."""

    summary: dict[str, int]
    """The command line's own counts (empty if it printed no summary line)."""
    rewritten: int
    """Files with a new inode or modification time, counted by the benchmark itself (hidden
    files such as the writer's marker left out)."""
    examples: tuple[str, ...]
    """Up to ten of them."""


@dataclass(frozen=True, slots=True)
class SiteSize:
    """How big a built site is."""

    bytes: int
    html_pages: int
    largest_page: str
    largest_page_bytes: int
    search_index_bytes: int


@dataclass(slots=True)
class Result:
    """Everything measured for one corpus size."""

    n: int
    jobs: int = 0
    """Workers of the main runs of our stage (0: one per core)."""
    corpus_bytes: int = 0
    runs: dict[str, Run] = field(default_factory=dict)
    no_change: Rewrite | None = None
    one_change: Rewrite | None = None
    one_change_file: str = ""
    same_output_any_jobs: bool | None = None
    largest_markdown: tuple[str, int] = ("", 0)
    site: SiteSize | None = None
    bare_site: SiteSize | None = None
    zip_bytes: int = 0
    """Size of the offline copy of the site."""
    failed: str = ""
    """The first step that failed, with its log's last lines; empty when all went well."""


# -- running and measuring child processes ------------------------------------------------------


def _descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                children = Path(f"/proc/{current}/task/{task}/children").read_text()
            except OSError:
                continue
            queue.extend(int(c) for c in children.split())
    return found


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (0 once it is gone)."""
    total = 0
    for member in _descendants(pid):
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_timed(step: str, command: Sequence[str], cwd: Path, log: Path) -> Run:
    """Run ``command`` in ``cwd``, output to ``log``; wall time and peak memory."""
    env = {**os.environ, "CI": "1", "NO_MKDOCS_2_WARNING": "1"}
    log.parent.mkdir(parents=True, exist_ok=True)
    peak = [0]
    done = threading.Event()
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        child = subprocess.Popen(list(command), cwd=cwd, stdout=out, stderr=out, env=env)

        def sample() -> None:
            while not done.wait(SAMPLE_EVERY):
                peak[0] = max(peak[0], tree_rss(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    process_peak = usage.ru_maxrss * 1024  # Linux reports kilobytes
    return Run(
        step,
        tuple(command),
        seconds,
        child.returncode,
        process_peak,
        max(peak[0], process_peak),
        str(log),
    )


def tail(path: str, lines: int = 15) -> str:
    """The last lines of a log."""
    return "\n".join(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


# -- the folders a run works in -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    """The folders of one corpus size under the work folder."""

    root: Path

    @property
    def transcripts(self) -> Path:
        return self.root / "transcripts"

    @property
    def annotations(self) -> Path:
        return self.root / "annotations"

    @property
    def repo(self) -> Path:
        """Scratch copy of mkdocs.yml and the hand-written docs; our stage writes docs/archive."""
        return self.root / "repo"

    @property
    def bare(self) -> Path:
        """The baseline: the same transcripts as plain pages."""
        return self.root / "bare"

    @property
    def empty(self) -> Path:
        """An empty corpus."""
        return self.root / "empty"

    @property
    def logs(self) -> Path:
        return self.root / "logs"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, modification time) of every file under ``folder``, by relative path."""
    found = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (info.st_ino, info.st_mtime_ns)
    return found


def tree_digest(folder: Path) -> str:
    """SHA-256 over the sorted relative paths and bytes of every file under ``folder``."""
    digest = hashlib.sha256()
    for relative in sorted(snapshot(folder)):
        digest.update(relative.encode() + b"\0" + (folder / relative).read_bytes() + b"\0")
    return digest.hexdigest()


def rewrites(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]], log: str
) -> Rewrite:
    """Compare two snapshots and read the command's own summary from its log."""
    changed = sorted(
        p for p, stamp in after.items() if before.get(p) != stamp and not p.startswith(".")
    )
    found = list(SUMMARY.finditer(Path(log).read_text(encoding="utf-8", errors="replace")))
    match = found[-1] if found else None
    summary = {k: int(v) for k, v in match.groupdict().items()} if match else {}
    return Rewrite(summary, len(changed), tuple(changed[:10]))


def add_paragraph(path: Path) -> None:
    """Add one paragraph at the end of a transcript's text, before the page chrome."""
    text = path.read_text(encoding="utf-8")
    for chrome in ("\n\nAdditional materials", "\n\nAdvanced settings"):
        if chrome in text:
            head, _, rest = text.rpartition(chrome)
            path.write_text(f"{head}\n\n{ADDED_PARAGRAPH}{chrome}{rest}", encoding="utf-8")
            return
    lines = text.split("\n")  # a news article: one paragraph a line, a footnote last
    at = len(lines) - 1 if lines[-1].startswith("*") else len(lines)
    path.write_text("\n".join([*lines[:at], ADDED_PARAGRAPH, *lines[at:]]), encoding="utf-8")


def site_size(site: Path) -> SiteSize:
    """Total bytes, HTML pages, the largest HTML page and the search index of a built site."""
    total, pages, largest = 0, 0, ("", 0)
    for relative in sorted(snapshot(site)):
        size = (site / relative).stat().st_size
        total += size
        if relative.endswith(".html"):
            pages += 1
            largest = max(largest, (relative, size), key=lambda item: item[1])
    # The archive's own search index: every shard and text file under archive/search/ (the
    # search page loads only the manifest and the shards of the query's terms).
    index = site / "archive" / "search"
    index_bytes = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    return SiteSize(total, pages, largest[0], largest[1], index_bytes)


def largest_file(folder: Path) -> tuple[str, int]:
    """The largest Markdown page under ``folder``: (relative path, bytes)."""
    sizes = [
        (p, (folder / p).stat().st_size) for p in sorted(snapshot(folder)) if p.endswith(".md")
    ]
    return max(sizes, key=lambda item: item[1], default=("", 0))


# -- the steps ------------------------------------------------------------------------------------


def stage_command(layout: Layout, jobs: int, empty: bool = False) -> list[str]:
    """Our stage only. No --quiet, so the summary line is printed; stderr is a file, so no bar.
    With ``empty``, on an empty corpus: what the stage costs before the first transcript."""
    transcripts, annotations = (
        (layout.empty, layout.empty) if empty else (layout.transcripts, layout.annotations)
    )
    return [
        PYTHON, str(REPO / "build_site.py"),
        "--transcripts", str(transcripts), "--annotations", str(annotations),
        "--data", str(REPO / "data"), "--docs", "docs", "--site", "site",
        "--config", "mkdocs.yml", "--markdown-only", "--jobs", str(jobs),
    ]  # fmt: skip


def mkdocs_command(config: str = "mkdocs.yml", site: str = "site") -> list[str]:
    """MkDocs alone, on the docs folder of the current directory."""
    return [PYTHON, "-m", "mkdocs", "build", "--clean", "-f", config, "-d", site]


def step_generate(layout: Layout, n: int, seed: int, result: Result) -> bool:
    """Write N transcripts and about 2% annotation files."""
    command = [
        PYTHON, str(REPO / "benchmarks" / "corpus.py"), "--count", str(n), "--seed", str(seed),
        "--out", str(layout.transcripts), "--annotations", str(layout.annotations),
    ]  # fmt: skip
    run = _record(result, run_timed("generate", command, layout.root, layout.logs / "generate.log"))
    result.corpus_bytes = sum(p.stat().st_size for p in layout.transcripts.glob("*.txt"))
    return run.status == 0


def step_stage(layout: Layout, jobs: int, result: Result) -> bool:
    """Our stage from scratch on ``jobs`` workers, then on one core; outputs must match.
    First, on an empty corpus, to tell the fixed start-up cost from the cost per transcript."""
    generated = layout.repo / "docs" / "archive"
    layout.empty.mkdir()
    fixed = run_timed(
        "stage-fixed",
        stage_command(layout, 1, empty=True),
        layout.repo,
        layout.logs / "stage-fixed.log",
    )
    result.runs[fixed.step] = fixed  # a failure here only loses the marginal figure
    digests = []
    for step, workers in (("stage", jobs), ("stage-one-core", 1)):
        shutil.rmtree(generated, ignore_errors=True)
        run = run_timed(
            step, stage_command(layout, workers), layout.repo, layout.logs / f"{step}.log"
        )
        if _record(result, run).status != 0:
            return False
        digests.append(tree_digest(generated))
    result.same_output_any_jobs = digests[0] == digests[1]
    result.largest_markdown = largest_file(generated)
    return True


def step_rerun(layout: Layout, jobs: int, result: Result, change: bool) -> bool:
    """Rerun our stage with nothing changed, or after one transcript gained a paragraph."""
    generated = layout.repo / "docs" / "archive"
    step = "one-change" if change else "no-change"
    if change:
        names = sorted(layout.transcripts.glob("*.txt"))
        touched = names[len(names) // 2]
        add_paragraph(touched)
        result.one_change_file = touched.name
    before = snapshot(generated)
    run = _record(
        result,
        run_timed(step, stage_command(layout, jobs), layout.repo, layout.logs / f"{step}.log"),
    )
    counted = rewrites(before, snapshot(generated), run.log)
    if change:
        result.one_change = counted
    else:
        result.no_change = counted
    return run.status == 0


def step_mkdocs(layout: Layout, result: Result) -> bool:
    """MkDocs builds the site from our generated pages."""
    run = _record(
        result, run_timed("mkdocs", mkdocs_command(), layout.repo, layout.logs / "mkdocs.log")
    )
    if run.status == 0:
        result.site = site_size(layout.repo / "site")
    return run.status == 0


#: The offline copy a build makes after MkDocs (``build_site.py`` calls the same function).
ZIP_SCRIPT = (
    "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
    "from parley.zipsite import write_site_zip; write_site_zip(Path('site'), Path(sys.argv[2]))"
)


def step_zip(layout: Layout, result: Result) -> bool:
    """Zip the built site as the build does for offline reading (kept out of ``site/``, so the
    site's size is that of the pages)."""
    target = layout.root / "parley-site.zip"
    command = [PYTHON, "-c", ZIP_SCRIPT, str(REPO), str(target)]
    run = _record(result, run_timed("zip", command, layout.repo, layout.logs / "zip.log"))
    if run.status == 0:
        result.zip_bytes = target.stat().st_size
    return run.status == 0


def step_bare(layout: Layout, result: Result) -> bool:
    """MkDocs builds the same transcripts as plain pages: the baseline, without and with the
    theme's search plugin."""
    write_bare_site(layout.transcripts, layout.bare)
    run = _record(
        result,
        run_timed("bare-mkdocs", mkdocs_command(), layout.bare, layout.logs / "bare-mkdocs.log"),
    )
    if run.status == 0:
        result.bare_site = site_size(layout.bare / "site")
    config = write_search_config(layout.bare)
    searched = _record(
        result,
        run_timed(
            "bare-search",
            mkdocs_command(config, "site-search"),
            layout.bare,
            layout.logs / "bare-search.log",
        ),
    )
    return run.status == 0 and searched.status == 0


def _record(result: Result, run: Run) -> Run:
    result.runs[run.step] = run
    if run.status != 0 and not result.failed:
        result.failed = f"{run.step} exited with {run.status}; last lines of {run.log}:\n"
        result.failed += tail(run.log)
    return run


MARKER = ".bench-build"


def prepare(root: Path) -> Layout:
    """An empty folder for one size; refuses to delete a folder this script did not make."""
    if root.exists():
        if not (root / MARKER).exists():
            raise SystemExit(f"bench_build.py: {root} exists and was not made by this script")
        shutil.rmtree(root)
    layout = Layout(root)
    root.mkdir(parents=True)
    (root / MARKER).write_text("made by benchmarks/bench_build.py; deleted on the next run\n")
    scratch_repository(layout.repo)
    return layout


def measure(n: int, workdir: Path, jobs: int, seed: int) -> Result:
    """All steps for one corpus size; stops our chain at the first failure, still runs bare."""
    layout = prepare(workdir / str(n))
    result = Result(n, jobs)
    if not step_generate(layout, n, seed, result):
        return result
    _ = (
        step_stage(layout, jobs, result)
        and step_rerun(layout, jobs, result, change=False)
        and step_rerun(layout, jobs, result, change=True)
        and step_mkdocs(layout, result)
        and step_zip(layout, result)
    )
    step_bare(layout, result)
    return result


# -- reporting ------------------------------------------------------------------------------------

TARGETS = {
    "one_core_ms": 2.0,  # our stage, one core, per transcript
    "full_over_bare": 1.3,  # (our stage + MkDocs) / bare MkDocs
    "no_change_seconds_at_10000": 5.0,
    "no_change_over_stage": 0.1,  # a no-change rerun / a full run of our stage
    "linearity": 1.2,  # per-transcript figure at the largest N / at the smallest N
}


def figures(result: Result) -> dict[str, float | None]:
    """The headline figures of one size; None where a step did not run."""
    n, runs = result.n, result.runs

    def seconds(step: str) -> float | None:
        run = runs.get(step)
        return run.seconds if run is not None and run.status == 0 else None

    stage, one, mkdocs, zipped, bare, searched = (
        seconds(s)
        for s in ("stage", "stage-one-core", "mkdocs", "zip", "bare-mkdocs", "bare-search")
    )
    steps = (stage, mkdocs, zipped)
    full = sum(s for s in steps if s is not None) if None not in steps else None
    fixed = seconds("stage-fixed")
    return {
        "stage_fixed_seconds": fixed,
        "one_core_marginal_ms_per_transcript": (one - fixed) * 1000 / n
        if one is not None and fixed is not None
        else None,
        "stage_ms_per_transcript": stage * 1000 / n if stage is not None else None,
        "one_core_ms_per_transcript": one * 1000 / n if one is not None else None,
        "no_change_seconds": seconds("no-change"),
        "no_change_over_stage": _ratio(seconds("no-change"), stage),
        "one_change_seconds": seconds("one-change"),
        "mkdocs_seconds": mkdocs,
        "bare_seconds": bare,
        "full_seconds": full,
        "full_over_bare": _ratio(full, bare),
        "bare_search_seconds": searched,
        "full_over_bare_search": _ratio(full, searched),
        "full_ms_per_transcript": full * 1000 / n if full is not None else None,
        "bare_ms_per_transcript": bare * 1000 / n if bare is not None else None,
        "site_bytes_per_transcript": result.site.bytes / n if result.site else None,
        "bare_site_bytes_per_transcript": result.bare_site.bytes / n if result.bare_site else None,
    }


def _ratio(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top is not None and bottom else None


def _mb(size: float) -> str:
    return f"{size / 1e6:,.1f} MB"


def _s(value: float | None, unit: str = "s", digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f} {unit}"


def report(result: Result) -> str:
    """The table of one size."""
    f = figures(result)
    n = result.n
    lines = [f"N = {n:,} transcripts ({_mb(result.corpus_bytes)} of text)"]
    row = "  {:<38} {:>11} {:>16}   {:>22}  {}"
    lines.append(row.format("step", "time", "per transcript", "peak RSS process/tree", "notes"))
    notes = {
        "stage": f"--jobs {result.jobs}" + (" (one per core)" if result.jobs == 0 else ""),
        "stage-fixed": "start-up: the same command on an empty corpus",
        "stage-one-core": f"marginal {_s(f['one_core_marginal_ms_per_transcript'], 'ms')}; "
        f"target <= {TARGETS['one_core_ms']} ms per transcript"
        + (
            "; output identical to all cores"
            if result.same_output_any_jobs
            else "; OUTPUT DIFFERS from all cores"
            if result.same_output_any_jobs is False
            else ""
        ),
        "no-change": _rewrite_note(result.no_change)
        + f"; {_s(f['no_change_over_stage'], 'of a full run')} "
        f"(target < {TARGETS['no_change_over_stage']}); "
        f"target < {TARGETS['no_change_seconds_at_10000']:.0f} s at 10,000",
        "one-change": _rewrite_note(result.one_change) + f" ({result.one_change_file})",
        "zip": f"full build (stage + MkDocs + zip) {_s(f['full_seconds'])}; "
        f"zip {_mb(result.zip_bytes)}",
        "bare-mkdocs": f"full / bare = {_s(f['full_over_bare'], '', 2)} "
        f"(target <= {TARGETS['full_over_bare']})",
        "bare-search": f"full / bare with search = {_s(f['full_over_bare_search'], '', 2)} "
        f"(target <= {TARGETS['full_over_bare']})",
    }
    labels = {
        "generate": "generate the corpus",
        "stage-fixed": "our stage, empty corpus",
        "stage": "our stage, all cores",
        "stage-one-core": "our stage, one core (--jobs 1)",
        "no-change": "rerun, nothing changed",
        "one-change": "rerun, one transcript changed",
        "mkdocs": "MkDocs on our pages",
        "zip": "offline zip of the built site",
        "bare-mkdocs": "bare MkDocs on plain pages (baseline)",
        "bare-search": "the same with the theme's search plugin",
    }
    for step, label in labels.items():
        run = result.runs.get(step)
        if run is None:
            continue
        whole = ("no-change", "one-change", "stage-fixed")
        per = "" if step in whole else f"{run.seconds * 1000 / n:,.2f} ms"
        memory = f"{_mb(run.peak_process)} / {_mb(run.peak_tree)}"
        status = "" if run.status == 0 else f"FAILED (exit {run.status}) "
        lines.append(
            row.format(label, f"{run.seconds:,.2f} s", per, memory, status + notes.get(step, ""))
        )
    for name, site in (("our site", result.site), ("bare site", result.bare_site)):
        if site is not None:
            lines.append(
                f"  {name}: {_mb(site.bytes)} = {site.bytes / n / 1000:,.1f} KB per transcript; "
                f"{site.html_pages:,} pages; largest {site.largest_page} "
                f"({site.largest_page_bytes / 1000:,.1f} KB); "
                f"search index (all shards) {_mb(site.search_index_bytes)}"
            )
    if result.largest_markdown[0]:
        page, size = result.largest_markdown
        lines.append(f"  largest generated Markdown: archive/{page} ({size / 1000:,.1f} KB)")
    if result.failed:
        lines.append("  " + result.failed.replace("\n", "\n    "))
    return "\n".join(lines)


def _rewrite_note(rewrite: Rewrite | None) -> str:
    if rewrite is None:
        return ""
    own = rewrite.summary.get("written")
    said = f" (the command says {own})" if own is not None and own != rewrite.rewritten else ""
    return f"files rewritten: {rewrite.rewritten:,}{said}"


def linearity(results: Sequence[Result]) -> dict[str, float | None]:
    """Per-transcript figures at the largest N divided by those at the smallest N."""
    done = sorted((r for r in results if r.n > 0), key=lambda r: r.n)
    if len(done) < 2:
        return {}
    small, large = figures(done[0]), figures(done[-1])
    keys = (
        "stage_ms_per_transcript",
        "one_core_ms_per_transcript",
        "one_core_marginal_ms_per_transcript",
        "full_ms_per_transcript",
        "bare_ms_per_transcript",
        "site_bytes_per_transcript",
    )
    return {
        key: (large[key] / small[key]) if large[key] and small[key] else None  # type: ignore[operator]
        for key in keys
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            int(line.split()[1]) * 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    versions = subprocess.run(
        [
            PYTHON,
            "-c",
            "import importlib.metadata as m, sys; print(sys.version.split()[0], "
            "m.version('mkdocs'), m.version('mkdocs-material'))",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_bytes": memory,
        "platform": platform.platform(),
        "python_mkdocs_material": versions,
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point: measure every size, print the tables, write results.json."""
    p = argparse.ArgumentParser(prog="bench_build.py", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1000, 10000],
        metavar="N",
        help="corpus sizes to measure (default: 1000 10000)",
    )
    p.add_argument(
        "--workdir",
        type=Path,
        default=REPO / "benchmarks" / "out",
        metavar="DIR",
        help="where corpora, sites and results.json go (default: benchmarks/out)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="workers for our stage's main runs; 0 = one per core (default)",
    )
    p.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    args = p.parse_args(argv)
    if any(n < 1 for n in args.sizes):
        print("bench_build.py: every size must be at least 1", file=sys.stderr)
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sorted(set(args.sizes)):
        result = measure(n, args.workdir.resolve(), args.jobs, args.seed)
        results.append(result)
        print(report(result), end="\n\n", flush=True)
    ratios = linearity(results)
    if ratios:
        small, large = results[0].n, results[-1].n
        print(
            f"Linearity, per-transcript figure at N={large:,} / at N={small:,} "
            f"(target <= {TARGETS['linearity']}):"
        )
        for key, value in ratios.items():
            print(f"  {key:<34} {_s(value, '', 3)}")
    out = args.workdir / "results.json"
    out.write_text(
        json.dumps(
            {
                "machine": machine(),
                "targets": TARGETS,
                "seed": args.seed,
                "jobs": args.jobs,
                "results": [{**asdict(r), "figures": figures(r)} for r in results],
                "linearity": ratios,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"results written to {out}")
    return 1 if any(r.failed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
