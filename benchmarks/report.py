"""The build benchmark's figures: targets, ratios, the printed tables and the machine."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.measures import Result, Rewrite

TARGETS = {
    "one_core_ms": 4.0,  # our stage, one core, per transcript (issue #19)
    "full_over_bare": 2.5,  # (our stage + MkDocs + zip) / bare MkDocs (issue #19)
    "incremental_over_cold": 0.1,  # the full command after 10 new transcripts / from nothing
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

    def cpu(step: str) -> float | None:
        run = runs.get(step)
        return run.cpu_seconds if run is not None and run.status == 0 else None

    stage, one, single, zipped, bare, searched = (
        seconds(s)
        for s in ("stage", "stage-one-core", "mkdocs", "zip", "bare-mkdocs", "bare-search")
    )
    mkdocs = seconds("mkdocs-shards") or single
    cpu_steps: tuple[float | None, ...] = (
        cpu("stage"),
        cpu("mkdocs-shards") or cpu("mkdocs"),
        cpu("zip"),
    )
    if None in cpu_steps[1:] and cpu("finish") is not None:
        cpu_steps = (cpu("stage"), cpu("finish"))  # the lean run: MkDocs, data and zip together
    stage_cpu = cpu("stage")
    full_cpu = sum(s for s in cpu_steps if s is not None) if None not in cpu_steps else None
    finish = seconds("finish")
    if mkdocs is None and finish is not None and zipped is not None:
        mkdocs = finish - zipped  # the lean run: MkDocs ran inside the full command
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
        "mkdocs_one_process_seconds": single,
        "mkdocs_shards_speedup": _ratio(single, seconds("mkdocs-shards")),
        "mkdocs_cpu_seconds": cpu("mkdocs-shards") or cpu("mkdocs"),
        "mkdocs_one_process_cpu_seconds": cpu("mkdocs"),
        "bare_seconds": bare,
        "bare_cpu_seconds": cpu("bare-mkdocs"),
        "stage_cpu_ms_per_transcript": (stage_cpu - (cpu("stage-fixed") or 0)) * 1000 / n
        if stage_cpu is not None
        else None,
        "full_cpu_seconds": full_cpu,
        "full_over_bare_cpu": _ratio(full_cpu, cpu("bare-mkdocs")),
        "full_seconds": full,
        "full_over_bare": _ratio(full, bare),
        "bare_search_seconds": searched,
        "full_over_bare_search": _ratio(full, searched),
        "full_ms_per_transcript": full * 1000 / n if full is not None else None,
        "bare_ms_per_transcript": bare * 1000 / n if bare is not None else None,
        "site_bytes_per_transcript": result.site.bytes / n if result.site else None,
        "bare_site_bytes_per_transcript": result.bare_site.bytes / n if result.bare_site else None,
    }


def runs_seconds(result: Result, step: str) -> float | None:
    """Seconds of a step that succeeded, else None."""
    run = result.runs.get(step)
    return run.seconds if run is not None and run.status == 0 else None


def _cpu(result: Result, step: str) -> float | None:
    run = result.runs.get(step)
    return run.cpu_seconds if run is not None and run.status == 0 else None


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
    row = "  {:<38} {:>11} {:>11} {:>16}   {:>22}  {}"
    lines.append(
        row.format("step", "wall", "CPU", "per transcript", "peak process/tree/PSS", "notes")
    )
    cold = runs_seconds(result, "full-cold") or f["full_seconds"]

    def incremental(step: str) -> str:
        same = result.identical.get(step)
        share = _ratio(runs_seconds(result, step), cold)
        verdict = (
            "not compared with a clean build"
            if same is None
            else "site identical to a clean build"
            if same
            else "SITE DIFFERS from a clean build"
        )
        # The cold reference: the full command from nothing, or (the lean run, which has none)
        # the clean build of the same input the step's site was checked against.
        cpu_share = _ratio(
            _cpu(result, step), _cpu(result, "full-cold") or _cpu(result, f"{step}-clean")
        )
        return (
            f"{_s(share, 'of the full command', 3)}, CPU {_s(cpu_share, '', 3)} "
            f"(target <= {TARGETS['incremental_over_cold']}); {verdict}"
        )

    notes = {
        "full-add": incremental("full-add"),
        "full-edit": incremental("full-edit"),
        "stage": f"--jobs {result.jobs}"
        + (" (one per core)" if result.jobs == 0 else "")
        + f"; CPU of all its processes, start-up left out: "
        f"{_s(f['stage_cpu_ms_per_transcript'], 'ms')} per transcript",
        "stage-fixed": "start-up: the same command on an empty corpus",
        "stage-one-core": f"marginal {_s(f['one_core_marginal_ms_per_transcript'], 'ms')}; "
        f"target <= {TARGETS['one_core_ms']} ms per transcript"
        + (
            "; output identical to all cores"
            if result.same_output_any_jobs
            else f"; OUTPUT DIFFERS from all cores: {', '.join(result.jobs_differences)}"
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
        "mkdocs-shards": f"{_s(f['mkdocs_shards_speedup'], '', 2)} times as fast as one process; "
        + (
            "site identical to one process's"
            if result.identical.get("mkdocs-shards")
            else "SITE DIFFERS from one process's"
            if "mkdocs-shards" in result.identical
            else ""
        ),
        "bare-mkdocs": f"full / bare = {_s(f['full_over_bare'], '', 2)} wall, "
        f"{_s(f['full_over_bare_cpu'], '', 2)} CPU (target <= {TARGETS['full_over_bare']})",
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
        "mkdocs": "MkDocs on our pages, one process",
        "mkdocs-shards": "MkDocs on our pages, in shards",
        "zip": "offline zip of the built site",
        "full-cold": "full command from nothing",
        "finish": "  the rest of it: MkDocs, data, zip",
        "full-add": "full command after 10 new transcripts",
        "full-add-clean": "  clean build of the same (check)",
        "full-edit": "full command after one edited transcript",
        "full-edit-clean": "  clean build of the same (check)",
        "bare-mkdocs": "bare MkDocs on plain pages (baseline)",
        "bare-search": "the same with the theme's search plugin",
    }
    for step, label in labels.items():
        run = result.runs.get(step)
        if run is None:
            continue
        whole = ("no-change", "one-change", "stage-fixed", "full-add", "full-edit")
        per = "" if step in whole else f"{run.seconds * 1000 / n:,.2f} ms"
        memory = f"{_mb(run.peak_process)} / {_mb(run.peak_tree)} / {_mb(run.peak_pss)}"
        status = "" if run.status == 0 else f"FAILED (exit {run.status}) "
        load = f"load {run.load[0]:.1f}-{run.load[1]:.1f}; "
        lines.append(
            row.format(
                label,
                f"{run.seconds:,.2f} s",
                f"{run.cpu_seconds:,.2f} s",
                per,
                memory,
                status + load + notes.get(step, ""),
            )
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


def linearity_report(results: Sequence[Result], ratios: dict[str, float | None]) -> str:
    """The lines printed under the tables: each ratio of :func:`linearity`."""
    small, large = results[0].n, results[-1].n
    lines = [
        f"Linearity, per-transcript figure at N={large:,} / at N={small:,} "
        f"(target <= {TARGETS['linearity']}):"
    ]
    lines += [f"  {key:<34} {_s(value, '', 3)}" for key, value in ratios.items()]
    return "\n".join(lines)


def machine(python: str) -> dict[str, Any]:
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
            python,
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
