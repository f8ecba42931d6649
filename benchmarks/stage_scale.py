#!/usr/bin/env python3
"""Our stage alone at several sizes: python -m benchmarks.stage_scale --sizes 1000 3000.

Issue #19 asks our stage (``build_site.py --markdown-only``: read, enrich, link, render, search
index, published data) to cost at most 4 ms per transcript on one core, the same per transcript
from 1,000 to 26,000 transcripts, with at most 8 GB of memory summed over all its processes.
For each size N, in ``<workdir>/<N>/`` (made by ``bench_build.py``'s helpers: the corpus of
``benchmarks/corpus.py``, a scratch site), each run cold (no generated folder, no cache):

1. the stage on an empty corpus, one core: the fixed cost (imports, reference data);
2. the stage on N transcripts, one core (``--jobs 1``): CPU seconds (user + system) per
   transcript with the start-up, and *marginal* without it ((2 - 1) / N);
3. the stage on N transcripts on every core: wall-clock seconds, CPU seconds of all its
   processes, the peak memory of the largest process and of all processes together (sampled:
   proportional memory, each page the forked workers share with the main process counted
   once; and resident memory summed, which counts such a page once per process).

CPU time, not wall-clock time, is the figure to compare: on a shared machine wall-clock time
grows with the load (printed with every run); CPU time much less. Then the *linearity*: the
marginal cost per transcript at the largest N over that at the smallest (1.0 is linear).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.bench_build import REPO, Layout, prepare, stage_command, step_generate
from benchmarks.measures import Result, Run, run_timed, tail

__all__ = ["StageScale", "main", "measure"]

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class StageScale:
    """The runs of one size, and what they say per transcript."""

    n: int
    fixed: Run
    one_core: Run
    all_cores: Run

    @property
    def per_transcript_ms(self) -> float:
        """One-core CPU per transcript, start-up included."""
        return 1000 * self.one_core.cpu_seconds / self.n

    @property
    def marginal_ms(self) -> float:
        """One-core CPU per transcript, without the start-up."""
        return 1000 * (self.one_core.cpu_seconds - self.fixed.cpu_seconds) / self.n


def _cold(layout: Layout, step: str, jobs: int, empty: bool = False) -> Run:
    shutil.rmtree(layout.repo / "docs" / "archive", ignore_errors=True)
    shutil.rmtree(layout.repo / ".cache", ignore_errors=True)
    command = stage_command(layout, jobs, empty=empty)
    run = run_timed(step, command, layout.repo, layout.logs / f"{step}.log")
    if run.status != 0:
        raise SystemExit(f"stage_scale.py: {step} failed:\n{tail(run.log)}")
    return run


def measure(n: int, workdir: Path, jobs: int, seed: int) -> StageScale:
    """The three runs of size ``n`` (a fresh corpus in ``workdir/n``)."""
    layout = prepare(workdir / str(n))
    if not step_generate(layout, n, seed, Result(n, jobs)):
        raise SystemExit(f"stage_scale.py: generating {n} transcripts failed")
    layout.empty.mkdir()
    fixed = _cold(layout, "stage-fixed", 1, empty=True)
    one_core = _cold(layout, "stage-one-core", 1)
    all_cores = _cold(layout, "stage", jobs)
    return StageScale(n, fixed, one_core, all_cores)


def _load(run: Run) -> str:
    return f"load {run.load[0]:.1f}->{run.load[1]:.1f}"


def report(m: StageScale) -> str:
    """The lines printed for one size."""
    a = m.all_cores
    return "\n".join(
        [
            f"N={m.n:,}",
            f"  empty corpus, one core     CPU {m.fixed.cpu_seconds:8.1f} s  ({_load(m.fixed)})",
            f"  one core                   CPU {m.one_core.cpu_seconds:8.1f} s  "
            f"wall {m.one_core.seconds:8.1f} s  ({_load(m.one_core)})",
            f"    per transcript           {m.per_transcript_ms:8.2f} ms CPU with start-up, "
            f"{m.marginal_ms:.2f} ms marginal (target <= 4)",
            f"  all cores                  CPU {a.cpu_seconds:8.1f} s  wall {a.seconds:8.1f} s  "
            f"({_load(a)})",
            f"    peak memory              {a.peak_pss / MB:8.0f} MB all processes, shared "
            f"pages once (PSS; target <= 8192 at 26,000); {a.peak_tree / MB:.0f} MB summed "
            f"resident (shared pages once per process); {a.peak_process / MB:.0f} MB largest "
            "process",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point: measure every size, print each, then the linearity; write results.json."""
    p = argparse.ArgumentParser(prog="stage_scale.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000], metavar="N",
                   help="corpus sizes (default: 1000 3000)")  # fmt: skip
    p.add_argument("--workdir", type=Path, default=REPO / "benchmarks" / "out-stage",
                   metavar="DIR", help="where corpora and results go (default: benchmarks/"
                   "out-stage; a size's folder is deleted on the next run)")  # fmt: skip
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="workers of the all-cores run; 0 = one per core (default)")  # fmt: skip
    p.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    args = p.parse_args(argv)
    if any(n < 1 for n in args.sizes):
        print("stage_scale.py: every size must be at least 1", file=sys.stderr)
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    done = []
    for n in sorted(set(args.sizes)):
        done.append(measure(n, args.workdir.resolve(), args.jobs, args.seed))
        print(report(done[-1]), flush=True)
    if len(done) > 1:
        small, large = done[0], done[-1]
        print(
            f"Linearity: marginal CPU per transcript at N={large.n:,} / at N={small.n:,} = "
            f"{large.marginal_ms / small.marginal_ms:.2f} (1.00 is linear)"
        )
    out = args.workdir / "stage-scale.json"
    rows = [{**asdict(m), "per_transcript_ms": m.per_transcript_ms,
             "marginal_ms": m.marginal_ms} for m in done]  # fmt: skip
    out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
