"""What the build benchmark records, and how: timed child processes with their peak memory,
snapshots of the generated folder, and sizes of a built site."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
#: Seconds between two samples of the process tree's memory.
SAMPLE_EVERY = 0.1

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
    load: tuple[float, float] = (0.0, 0.0)
    """The machine's one-minute load average when the step started and when it ended."""
    cpu_seconds: float = 0.0
    """CPU time (user + system) of the process and every descendant it waited for: what the
    step costs whatever the load; its wall time is at least this divided by the cores."""
    peak_pss: int = 0
    """Peak proportional memory of the whole process tree, sampled, in bytes: each page shared
    by forked workers counted once, split between them (``Pss`` of ``/proc/PID/smaps_rollup``),
    where :attr:`peak_tree` counts it once per process. What the tree really takes."""


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
    jobs_differences: tuple[str, ...] = ()
    """When the outputs differ: the generated files that differ (at most 10)."""
    largest_markdown: tuple[str, int] = ("", 0)
    site: SiteSize | None = None
    bare_site: SiteSize | None = None
    zip_bytes: int = 0
    """Size of the offline copy of the site."""
    identical: dict[str, bool] = field(default_factory=dict)
    """Incremental steps: whether the site equals a clean build of the same input."""
    site_digests: dict[str, str] = field(default_factory=dict)
    """Lean runs: the site's digest after each incremental step, compared at the end."""
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


def tree_pss(pid: int) -> int:
    """Proportional memory of a process and all its descendants, in bytes: a page shared by
    several of them counts as its share in each, so the sum is what they take together."""
    total = 0
    for member in _descendants(pid):
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_timed(step: str, command: Sequence[str], cwd: Path, log: Path) -> Run:
    """Run ``command`` in ``cwd``, output to ``log``; wall and CPU time and peak memory."""
    env = {**os.environ, "CI": "1", "NO_MKDOCS_2_WARNING": "1"}
    log.parent.mkdir(parents=True, exist_ok=True)
    peak, peak_pss = [0], [0]
    load_before = os.getloadavg()[0]
    done = threading.Event()
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        child = subprocess.Popen(list(command), cwd=cwd, stdout=out, stderr=out, env=env)

        def sample() -> None:
            while not done.wait(SAMPLE_EVERY):
                peak[0] = max(peak[0], tree_rss(child.pid))
                peak_pss[0] = max(peak_pss[0], tree_pss(child.pid))

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
        (load_before, os.getloadavg()[0]),
        usage.ru_utime + usage.ru_stime,
        peak_pss[0],
    )


def tail(path: str, lines: int = 15) -> str:
    """The last lines of a log."""
    return "\n".join(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


# -- the generated folder and the built site ------------------------------------------------


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


def file_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``, by relative path."""
    return {
        relative: hashlib.sha256((folder / relative).read_bytes()).hexdigest()
        for relative in sorted(snapshot(folder))
    }


def differing(first: dict[str, str], second: dict[str, str]) -> list[str]:
    """The paths whose digests differ, or that only one side has, sorted."""
    return sorted(p for p in set(first) | set(second) if first.get(p) != second.get(p))


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
