#!/usr/bin/env python3
"""Measure the build on generated corpora: python -m benchmarks.bench_build --sizes 1000 10000.

For each size N, in ``<workdir>/<N>/``: generate N transcripts (benchmarks/corpus.py), then time
in fresh child processes, each with its peak memory:

1. our stage (read, enrich, link, write Markdown) from scratch, on all cores and on one core;
2. a rerun with nothing changed, and how many generated files it rewrote;
3. a rerun after one transcript gained a paragraph, and how many files it rewrote;
4. MkDocs building the site from our pages, in one process and in one process per core over
   shards of the pages (as the build runs it; both sites must be the same bytes), then the
   offline zip the build makes of it (the full build is our stage, MkDocs in shards and the
   zip);
5. MkDocs building the same transcripts as plain pages (title and paragraphs, no links), the
   baseline our stage is measured against, with the project's configuration (no search
   plugin) and again with MkDocs' default search plugin (benchmarks/baseline.py);
6. sizes: built site per transcript, the largest page, the search index;
7. the full command (our stage, MkDocs, published data, zip) from nothing, then after 10 new
   transcripts and after one edited transcript, each compared byte for byte with a clean build
   of the same input in another folder (incremental publishing).

Prints a table per N, then how per-transcript time and size change from the smallest N to the
largest, and writes everything to ``<workdir>/results.json``. See benchmarks/README.md. Every
step's CPU time (user + system, the step's processes together) is printed beside its wall time:
on a shared machine wall times grow with the load, CPU times much less.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.baseline import write_bare_site, write_search_config
from benchmarks.measures import (
    SUMMARY,
    Result,
    Run,
    differing,
    file_digests,
    largest_file,
    rewrites,
    run_timed,
    site_size,
    snapshot,
    tail,
    tree_digest,
)
from benchmarks.report import (
    TARGETS,
    figures,
    linearity,
    linearity_report,
    machine,
    report,
)
from parley.publish.mkdocs_runner import shard_count
from tests.support.sitebuild import SITE_URL, stage_site_files

__all__ = ["ADDED_PARAGRAPH", "SUMMARY", "add_paragraph", "main", "measure"]

REPO = Path(__file__).resolve().parent.parent
VENV_PYTHON = REPO / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
#: The paragraph step 3 adds to one transcript.
ADDED_PARAGRAPH = "The benchmark added this paragraph to change one transcript and nothing else."


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
        PYTHON, "-m", "benchmarks.corpus", "--count", str(n), "--seed", str(seed),
        "--out", str(layout.transcripts.resolve()),
        "--annotations", str(layout.annotations.resolve()),
    ]  # fmt: skip
    # from the repository, where ``-m benchmarks.corpus`` is found
    run = _record(result, run_timed("generate", command, REPO, layout.logs / "generate.log"))
    result.corpus_bytes = sum(p.stat().st_size for p in layout.transcripts.glob("*.txt"))
    return run.status == 0


def step_stage(layout: Layout, jobs: int, result: Result, one_core: bool = True) -> bool:
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
    runs = (("stage", jobs), ("stage-one-core", 1)) if one_core else (("stage", jobs),)
    for step, workers in runs:
        shutil.rmtree(generated, ignore_errors=True)
        run = run_timed(
            step, stage_command(layout, workers), layout.repo, layout.logs / f"{step}.log"
        )
        if _record(result, run).status != 0:
            return False
        digests.append(file_digests(generated))
    if one_core:
        # The stamp holds the digest of the code: a change to the code between the two runs
        # (a working tree edited during the benchmark) shows as .build-stamp.json alone.
        result.jobs_differences = tuple(differing(digests[0], digests[1])[:10])
        result.same_output_any_jobs = not result.jobs_differences
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


#: MkDocs as the build runs it (``parley.publish.mkdocs_runner``): in one process, or in one
#: process per shard of the pages merged into one site; arguments: site folder, shards.
RUNNER_SCRIPT = (
    "import sys; from pathlib import Path; "
    "from parley.publish.mkdocs_runner import run_mkdocs; "
    "sys.exit(run_mkdocs(Path('mkdocs.yml'), Path(sys.argv[1]), Path('.'), False, None, "
    f"site_url={SITE_URL!r}, shards=int(sys.argv[2]), generated='archive', "
    "cache=Path('.cache/bench')))"
)


def step_mkdocs(layout: Layout, jobs: int, result: Result) -> bool:
    """MkDocs builds the site from our generated pages, in one process, then in shards (one
    per core) merged into one site, which must be the same bytes."""
    single = _record(
        result,
        run_timed(
            "mkdocs",
            [PYTHON, "-c", RUNNER_SCRIPT, "site-single", "1"],
            layout.repo,
            layout.logs / "mkdocs.log",
        ),
    )
    shards = str(shard_count(jobs, 1_000_000))
    run = _record(
        result,
        run_timed(
            "mkdocs-shards",
            [PYTHON, "-c", RUNNER_SCRIPT, "site", shards],
            layout.repo,
            layout.logs / "mkdocs-shards.log",
        ),
    )
    if run.status == 0:
        result.site = site_size(layout.repo / "site")
    if run.status == 0 and single.status == 0:
        single_site = layout.repo / "site-single"
        result.identical["mkdocs-shards"] = tree_digest(layout.repo / "site") == tree_digest(
            single_site
        )
        shutil.rmtree(single_site)
    return run.status == 0


#: The offline copy a build makes after MkDocs (``build_site.py`` calls the same function).
ZIP_SCRIPT = (
    "import sys; from pathlib import Path; "
    "from parley.publish.archive_zip import write_site_zip; "
    "write_site_zip(Path('site'), Path(sys.argv[1]))"
)


def step_zip(layout: Layout, result: Result) -> bool:
    """Zip the built site as the build does for offline reading (kept out of ``site/``, so the
    site's size is that of the pages)."""
    target = layout.root / "parley-site.zip"
    command = [PYTHON, "-c", ZIP_SCRIPT, str(target)]
    run = _record(result, run_timed("zip", command, layout.repo, layout.logs / "zip.log"))
    if run.status == 0:
        result.zip_bytes = target.stat().st_size
    return run.status == 0


def full_command(
    layout: Layout, jobs: int, *extra: str, transcripts: Path | None = None
) -> list[str]:
    """The whole build as a user runs it: our stage, MkDocs, published data and the zip."""
    command = stage_command(layout, jobs)
    command.remove("--markdown-only")
    if transcripts is not None:
        command[command.index("--transcripts") + 1] = str(transcripts)
    return [*command, *extra]


#: New transcripts the incremental step adds to a built archive.
ADDED = 10


def step_incremental(layout: Layout, jobs: int, seed: int, result: Result) -> bool:
    """The full command from nothing, then after ADDED new transcripts and after one edited
    transcript; after each change the site is compared with a clean build in ``clean/``."""
    from benchmarks.corpus import generate_corpus

    # From nothing: without the earlier steps' pages, site and cache, the stage runs too.
    for folder in ("docs/archive", "site", ".cache"):
        shutil.rmtree(layout.repo / folder, ignore_errors=True)
    run = _record(
        result,
        run_timed("full-cold", full_command(layout, jobs), layout.repo, layout.logs / "full.log"),
    )
    if run.status != 0:
        return False
    have = len(list(layout.transcripts.glob("*.txt")))
    for document in list(generate_corpus(have + ADDED, seed, 0.0))[have:]:
        (layout.transcripts / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
    names = sorted(layout.transcripts.glob("*.txt"))
    changes = (("full-add", None), ("full-edit", names[len(names) // 3]))
    for step, edited in changes:
        if edited is not None:
            add_paragraph(edited)
        command = full_command(layout, jobs)
        run = _record(result, run_timed(step, command, layout.repo, layout.logs / f"{step}.log"))
        if run.status != 0:
            return False
        clean = layout.root / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        stage_site_files(clean)
        check = run_timed(
            f"{step}-clean", full_command(layout, jobs), clean, layout.logs / f"{step}-clean.log"
        )
        if _record(result, check).status != 0:
            return False
        result.identical[step] = tree_digest(layout.repo / "site") == tree_digest(clean / "site")
    return True


def step_lean(layout: Layout, jobs: int, seed: int, result: Result) -> bool:
    """The large sizes, in the order that gives the figures first: after our stage (already
    run), the rest of the full command (MkDocs, data, zip: the stage is skipped, its inputs
    unchanged), the zip alone, then 10 new transcripts and one edited one, each the full command
    on the built archive; the inputs of each are kept and built from nothing at the end
    (:func:`step_lean_checks`), after the baseline."""
    from benchmarks.corpus import generate_corpus

    run = _record(
        result,
        run_timed("finish", full_command(layout, jobs), layout.repo, layout.logs / "finish.log"),
    )
    if run.status != 0:
        return False
    result.site = site_size(layout.repo / "site")
    target = layout.root / "parley-site.zip"
    made = layout.repo / "site" / "downloads" / "parley-site.zip"
    aside = layout.root / "made-by-the-build.zip"
    made.rename(aside)  # the zip alone zips the pages, as in the full run's order
    zipped = _record(
        result,
        run_timed(
            "zip", [PYTHON, "-c", ZIP_SCRIPT, str(target)], layout.repo, layout.logs / "zip.log"
        ),
    )
    aside.rename(made)
    if zipped.status == 0:
        result.zip_bytes = target.stat().st_size
        target.unlink()
    have = len(list(layout.transcripts.glob("*.txt")))
    for document in list(generate_corpus(have + ADDED, seed, 0.0))[have:]:
        (layout.transcripts / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
    names = sorted(layout.transcripts.glob("*.txt"))
    for step, edited in (("full-add", None), ("full-edit", names[len(names) // 3])):
        if edited is not None:
            add_paragraph(edited)
        command = full_command(layout, jobs)
        run = _record(result, run_timed(step, command, layout.repo, layout.logs / f"{step}.log"))
        if run.status != 0:
            return False
        kept = layout.root / f"inputs-{step}"
        shutil.copytree(layout.transcripts, kept)
        result.site_digests[step] = tree_digest(layout.repo / "site")
    return True


def step_lean_checks(layout: Layout, jobs: int, result: Result) -> None:
    """Build the kept inputs of each incremental step from nothing; compare the sites."""
    for step, digest in result.site_digests.items():
        clean = layout.root / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        stage_site_files(clean)
        command = full_command(layout, jobs, transcripts=layout.root / f"inputs-{step}")
        check = run_timed(f"{step}-clean", command, clean, layout.logs / f"{step}-clean.log")
        if _record(result, check).status != 0:
            return
        result.identical[step] = tree_digest(clean / "site") == digest
        print(f"  [{result.n}] {step}: identical to a clean build: {result.identical[step]}",
              flush=True)  # fmt: skip


def step_bare(layout: Layout, result: Result, search: bool = True) -> bool:
    """MkDocs builds the same transcripts as plain pages: the baseline, without and with the
    theme's search plugin."""
    write_bare_site(layout.transcripts, layout.bare)
    run = _record(
        result,
        run_timed("bare-mkdocs", mkdocs_command(), layout.bare, layout.logs / "bare-mkdocs.log"),
    )
    if run.status == 0:
        result.bare_site = site_size(layout.bare / "site")
    if not search:
        return run.status == 0
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
    print(
        f"  [{result.n}] {run.step}: {run.seconds:,.1f} s, exit {run.status}, peak tree "
        f"{run.peak_tree / 1e6:,.0f} MB resident summed, {run.peak_pss / 1e6:,.0f} MB PSS, "
        f"load {run.load[0]:.1f}-{run.load[1]:.1f}",
        flush=True,
    )
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
    stage_site_files(layout.repo)
    return layout


def measure(n: int, workdir: Path, jobs: int, seed: int, lean: bool = False) -> Result:
    """All steps for one corpus size; stops our chain at the first failure, still runs bare.
    ``lean`` (large sizes): without the one-core run, the reruns of our stage alone and the
    baseline with the theme's search, and MkDocs timed inside the full command
    (:func:`step_lean`)."""
    layout = prepare(workdir / str(n))
    result = Result(n, jobs)
    if not step_generate(layout, n, seed, result):
        return result
    if lean:
        ok = step_stage(layout, jobs, result, one_core=False) and step_lean(
            layout, jobs, seed, result
        )
        step_bare(layout, result, search=False)
        if ok:
            step_lean_checks(layout, jobs, result)
        return result
    _ = (
        step_stage(layout, jobs, result)
        and step_rerun(layout, jobs, result, change=False)
        and step_rerun(layout, jobs, result, change=True)
        and step_mkdocs(layout, jobs, result)
        and step_zip(layout, result)
        and step_incremental(layout, jobs, seed, result)
    )
    step_bare(layout, result)
    return result


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
    p.add_argument(
        "--lean-from",
        type=int,
        default=20000,
        metavar="N",
        help="sizes from N on run the lean set of steps (see measure; default: 20000)",
    )
    args = p.parse_args(argv)
    if any(n < 1 for n in args.sizes):
        print("bench_build.py: every size must be at least 1", file=sys.stderr)
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sorted(set(args.sizes)):
        lean = n >= args.lean_from
        result = measure(n, args.workdir.resolve(), args.jobs, args.seed, lean)
        results.append(result)
        print(report(result), end="\n\n", flush=True)
    ratios = linearity(results)
    if ratios:
        print(linearity_report(results, ratios))
    out = args.workdir / "results.json"
    out.write_text(
        json.dumps(
            {
                "machine": machine(PYTHON),
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
