"""Run the stages in order: read and link everything, then write anything.

1. vocabulary  ``data/*.yaml``                        -> Vocabulary
2. sources     ``transcripts/*``                      -> ids (collisions and unsafe names reported)
3. read+enrich one file at a time, in worker processes -> Entry per document
4. annotations ``annotations/*.yaml``                 -> notes anchored in the entries
5. catalog     all entries                            -> Catalog (links, indexes)
6. render      Catalog                                -> {page path: Markdown}   } in worker
7. search      entries                                -> sharded search index    } processes
8. write       pages into ``docs/archive/`` in one swap (unchanged files untouched)
9. mkdocs      ``docs/`` -> ``site/``; then the catalog, annotation export and zip into ``site/``

Only steps 2-3 (reading), 4 (reading), 8 and 9 touch the disk. ``--check`` stops after step 4.
Before step 1, the digest of every input (``parley.build.stamp``) is compared with the stamp of the
previous build: when nothing changed, steps 1-8 are skipped and their diagnostics replayed. When
something changed, the memo the last build left in the cache folder (``parley.build.memo``) spares
reading the files and rendering the transcript pages that the change does not reach.
"""

from __future__ import annotations

import ctypes
import gc
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from parley.annotate.notes import load_annotations
from parley.build.depends import entry_fingerprint
from parley.build.generate import Known, generate_files
from parley.build.memo import Memo, ReadKey, read_digest, read_key, trace_key
from parley.build.stamp import STAMP, Stamp, inputs_digest, read_stamp
from parley.build.store import load_memo, save_memo
from parley.build.workers import fork_map, worker_count
from parley.build.write import TreeWriter
from parley.diagnostics import display_path
from parley.enrich.document import enrich
from parley.limits import DEFAULT, Limits, read_limits, too_many_paragraphs
from parley.link.catalog import build_catalog
from parley.link.ledger import Numbering, number_corpus, read_ledgers, write_ledgers
from parley.link.provenance import QuoteMatch, TracePair, trace_pair
from parley.model import Diagnostic, Document, Entry, Note
from parley.publish.archive_zip import write_site_zip
from parley.publish.data import PUBLISHED, published_data, published_sources
from parley.publish.mkdocs_runner import run_mkdocs, shard_count
from parley.publish.offline_home import offline_home
from parley.publish.site_update import plan_site
from parley.read.document import read_document
from parley.read.duplicates import duplicate_sources
from parley.read.sources import plan_ids, read_source, scan_sources
from parley.render import SiteInfo, page_context
from parley.render.citation import citation_files
from parley.render.home import offline_copy_paragraph, offline_paragraph
from parley.search.stemmer import stemmer_script
from parley.urls import GENERATED, repository_address
from parley.vocab.vocabulary import Vocabulary, load_vocabulary

Mode = Literal["build", "markdown", "check"]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything a build needs to know; filled by the command line."""

    root: Path
    """Repository root: relative defaults and display paths are taken from here."""
    transcripts: Path
    annotations: Path | None
    """Folder of annotation files; None: build with no annotations (another corpus)."""
    data: Path
    docs: Path
    site: Path
    config: Path
    """The MkDocs configuration file."""
    mode: Mode = "build"
    strict: bool = False
    jobs: int = 0
    """Worker processes for reading, enrichment, rendering and indexing; 0: one per core."""
    progress: bool = False
    """Show a progress bar (on a terminal)."""
    site_url: str = ""
    """The address the site is published at (``--site-url``); wins over the configuration's
    ``site_url``. Empty: the configuration's."""
    cache: Path = Path(".cache/parley")
    """Folder kept between builds (what the site was rendered with); may be deleted anytime."""
    clean: bool = False
    """Render every page with MkDocs even when only some changed."""
    anchors: Path | None = None
    """Folder of the ledgers of published paragraph numbers; None: numbers are positions."""
    record_anchors: bool = False
    """Write the ledgers of the numbering this build uses (``--record-anchors``), nothing else."""


@dataclass(slots=True)
class BuildResult:
    """What a build did, for the command line to report."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    documents: int = 0
    pages_written: int = 0
    pages_unchanged: int = 0
    pages_removed: int = 0
    pages_reused: int = 0
    """Transcript pages taken as they were from the previous build, not rendered (the memo's)."""
    units_reused: int = 0
    """Units of index pages (a subject's pages, a feed...) taken as they were from the previous
    build, not rendered (the memo's)."""
    mkdocs_status: int | None = None
    mkdocs_dirty: bool = False
    """True when MkDocs rendered only the changed pages (the previous site was kept)."""
    skipped: bool = False
    anchors_written: list[str] = field(default_factory=list)
    """Ledger files written by ``--record-anchors``."""
    """True when the inputs had not changed since the last build and nothing was regenerated."""

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")


def read_config(config: Path) -> dict[str, Any]:
    """The MkDocs configuration, as far as the build needs it (plain YAML, no custom tags);
    empty when the file does not exist (``--check`` needs none)."""
    if not config.exists():
        return {}
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def site_info(data: Mapping[str, Any], remote: str = "") -> SiteInfo:
    """Repository address, branch, site name and address from the MkDocs configuration.

    The repository is ``extra.repository``, else the web address of the git ``remote`` (see
    :func:`git_remote`), else none: pages then leave out "Edit" and "Annotate"."""
    extra = data.get("extra") or {}
    configured = str(extra.get("repository") or "").strip()
    repo = repository_address(configured) if configured else repository_address(remote)
    return SiteInfo(
        repo_url=repo or "",
        branch=str(extra.get("source_branch") or "main"),
        site_name=str(data.get("site_name") or "Archive"),
        site_url=str(data.get("site_url") or ""),
    )


def git_remote(root: Path) -> str:
    """The address of the ``origin`` remote of the repository at ``root``, or "" (no git, no
    repository, no remote). Only a web address is ever used from it (:func:`site_info`)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


# -- reading, one file per task, on workers forked with the vocabulary ----------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """What every reading worker needs besides its file: inherited when forked, never sent."""

    vocab: Vocabulary
    folder: Path
    """The transcripts folder: a file whose real path is outside it is refused."""
    limits: Limits = DEFAULT


#: What reading one file gives: its entry (None when it is left out) and its diagnostics.
Read = tuple[Entry | None, list[Diagnostic]]


def _read_one(reading: Reading, task: tuple[str, str, str]) -> Read:
    path, shown, doc_id = task
    source, diagnostics = read_source(Path(path), shown, doc_id, reading.folder, reading.limits)
    if source is None:
        return None, diagnostics
    document, more = read_document(source, reading.vocab.layouts)
    over = too_many_paragraphs(document, reading.limits)
    if over is not None:
        return None, [*diagnostics, over]
    return enrich(document, reading.vocab), diagnostics + more


def read_corpus(
    tasks: list[tuple[str, str, str]],
    reading: Reading,
    jobs: int,
    progress: bool,
    known: Mapping[ReadKey, Read] | None = None,
) -> tuple[list[Entry], list[Diagnostic], dict[ReadKey, Read]]:
    """Read and enrich every source; the result is in task order whatever the workers. With
    ``known`` (the reads of a previous build), files unchanged since then are not read again;
    ``known`` is only read, and this build's reads come back by key for the next build."""
    limit = reading.limits.file_bytes
    keys = [read_key(task, limit) if known is not None else None for task in tasks]
    known = known or {}
    todo = [task for task, key in zip(tasks, keys, strict=True) if key is None or key not in known]
    workers = worker_count(jobs, len(todo))
    fresh = iter(fork_map(_read_one, reading, todo, workers, "reading", progress))
    collected = [known[key] if key is not None and key in known else next(fresh) for key in keys]
    reads = {key: read for key, read in zip(keys, collected, strict=True) if key is not None}
    entries = [entry for entry, _ in collected if entry is not None]
    diagnostics = [d for _, ds in collected for d in ds]
    return entries, diagnostics, reads


# -- the build ------------------------------------------------------------------------------


def run(
    options: BuildOptions, report: Callable[[Diagnostic], None], memo: Memo | None = None
) -> BuildResult:
    """Run a build (or a check); every diagnostic is passed to ``report`` as soon as known.

    A long-running caller (the live preview) passes the same ``memo`` to every build, so files
    that did not change are not read or indexed again; the files written are the same."""
    result = BuildResult()
    rendering, newest = stage(options, report, result, memo)
    # What the stage held (the read corpus, the catalog, the memo loaded from the cache) is
    # gone with it: MkDocs' processes, which take as much memory again, do not run beside it.
    if rendering and options.mode == "build":
        give_back_memory()
    return finish(options, result, newest) if rendering else result


def give_back_memory() -> None:
    """Hand the memory this process freed back to the system: Python keeps much of what its
    objects freed for the next ones, and the C library much of what Python gives up. Where the
    C library is not GNU's (no ``malloc_trim``), the memory stays with the process."""
    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


#: Whether MkDocs renders the site after the stage, and the newest document's date.
Staged = tuple[bool, str | None]


def stage(
    options: BuildOptions,
    report: Callable[[Diagnostic], None],
    result: BuildResult,
    memo: Memo | None = None,
) -> Staged:
    """Our stage: read, enrich, link and write the generated folder (or only check, or record
    the anchors), filling ``result``; see :func:`run`."""

    def note(diagnostics: Iterable[Diagnostic]) -> None:
        for d in diagnostics:
            result.diagnostics.append(d)
            report(d)

    def shown(path: Path) -> str:
        return display_path(path, options.root)

    config = read_config(options.config)
    limits, limit_problems = read_limits(config, shown(options.config))
    remote = git_remote(options.root) if options.mode != "check" else ""
    folders = (options.transcripts, options.annotations, options.data, options.anchors)
    digest = inputs_digest(
        tuple(f for f in folders if f is not None),
        (options.config,),
        salt=f"site_url={options.site_url}\0remote={remote}",
        max_bytes=limits.file_bytes,
        root=options.root,
    )
    previous = read_stamp(options.docs / GENERATED)
    skip = options.mode != "check" and not options.record_anchors
    if skip and previous is not None and previous.digest == digest:
        # Nothing that can change a generated file has changed: write nothing, say it again.
        note(previous.diagnostics)
        result.documents = previous.documents
        result.pages_unchanged = previous.pages
        result.skipped = True
        return True, previous.newest

    note(limit_problems)
    vocab, problems = load_vocabulary(options.data, limits.file_bytes)
    note(problems)
    # A one-off build keeps its memo in the cache folder; the live preview passes its own.
    kept = memo is None and options.mode != "check" and not options.record_anchors
    data_digest = inputs_digest(
        (options.data,), (), f"data {limits}", limits.file_bytes, options.root
    )
    cache = options.cache if options.cache.is_absolute() else options.root / options.cache
    if kept:
        memo = load_memo(cache, data_digest)
    if memo is not None:
        memo.use_data(data_digest)
    paths, problems = scan_sources(options.transcripts, shown)
    note(problems)
    ids, problems = plan_ids(paths, shown)
    note(problems)
    tasks = sorted(((str(p), shown(p), ids[p]) for p in ids), key=lambda t: t[2])
    reading = Reading(vocab, options.transcripts, limits)
    known_reads = memo.read if memo is not None else None
    entries, problems, reads = read_corpus(
        tasks, reading, options.jobs, options.progress, known_reads
    )
    if memo is not None:
        memo.remember_reads(reads)
    note(problems)
    note(duplicate_sources(entries))
    entries, numberings = number_entries(options, entries, note, shown, result)
    if options.record_anchors:
        result.documents = len(entries)
        return False, None
    documents = {e.doc.id: e.doc for e in entries}
    notes: dict[str, tuple[Note, ...]] = {}
    if options.annotations is not None:
        notes, problems = load_annotations(options.annotations, documents, shown, limits)
        note(problems)
    entries = [replace(e, notes=notes.get(e.doc.id, ())) for e in entries]
    result.documents = len(entries)
    if options.mode == "check":
        return False, None

    fingerprints: dict[str, str] = {}
    traced: dict[str, tuple[QuoteMatch, ...]] = {}
    tracer: TracePair = trace_pair
    if memo is not None:
        origins = {e.doc.id: read_digest(data_digest, k) for k, (e, _) in reads.items() if e}
        fingerprints = {
            e.doc.id: entry_fingerprint(origins[e.doc.id], numberings.get(e.doc.id), e.notes)
            for e in entries
            if e.doc.id in origins
        }
        tracer = memo_tracer(memo.traces, fingerprints, traced)
    catalog = build_catalog(entries, people=vocab.canonical_person, traced=tracer)
    if memo is not None:
        memo.remember_traces(traced)
    workers = worker_count(options.jobs, len(entries))
    site = site_info(config, remote)
    if options.site_url:
        site = replace(site, site_url=options.site_url)
    known = None
    if memo is not None:
        salt = f"{data_digest}\0{site!r}"
        tree = options.docs / GENERATED
        known = Known(fingerprints, memo.postings, memo.pages, tree, salt, memo.units)
    with TreeWriter(options.docs / GENERATED) as out:
        # Every file goes into the staging folder as soon as it is made (no corpus' worth of
        # pages held), and the folder is swapped in once, after the last.
        generated = generate_files(
            catalog, vocab, site, workers, options.progress, known, out.put, out.keep
        )
        result.pages_reused = generated.reused
        result.units_reused = generated.units_reused
        if memo is not None:
            memo.remember_postings(generated.postings)
            memo.remember_pages(generated.pages)
            memo.remember_units(generated.units)
        stemmer, problem = stemmer_script()
        note([problem] if problem else [])
        if stemmer is not None:
            out.put("search/stemmer.js", stemmer)
        base_url = options.site_url or str(config.get("site_url") or "")
        for group in (
            published_sources(tasks, documents),
            citation_files(page_context(catalog, vocab, site)),
            published_data(catalog, vocab, notes, documents, base_url),
        ):
            for path, content in group.items():
                out.put(path, content)
        newest = newest_date(entries)
        stamp = Stamp(digest, len(entries), out.count + 1, newest, tuple(result.diagnostics))
        out.put(STAMP, stamp.to_json())
        written = out.finish()
    result.pages_written = len(written.written)
    result.pages_unchanged = written.unchanged
    result.pages_removed = len(written.removed)
    if kept and memo is not None:
        save_memo(cache, memo)
    return True, newest


def memo_tracer(
    known: Mapping[str, tuple[QuoteMatch, ...]],
    fingerprints: Mapping[str, str],
    traced: dict[str, tuple[QuoteMatch, ...]],
) -> TracePair:
    """:func:`~parley.link.provenance.trace_pair`, taking a pair of documents whose
    fingerprints are both unchanged from ``known`` (the previous build's); each pair traced
    goes into ``traced`` for the next build. A document without a fingerprint is traced."""

    def trace_known(report: Document, transcript: Document) -> tuple[QuoteMatch, ...]:
        first, second = fingerprints.get(report.id), fingerprints.get(transcript.id)
        if not first or not second:
            return trace_pair(report, transcript)
        key = trace_key(first, second)
        found = known.get(key)
        if found is None:
            found = trace_pair(report, transcript)
        traced[key] = found
        return found

    return trace_known


def number_entries(
    options: BuildOptions,
    entries: list[Entry],
    note: Callable[[Iterable[Diagnostic]], None],
    shown: Callable[[Path], str],
    result: BuildResult,
) -> tuple[list[Entry], dict[str, Numbering]]:
    """Number every document's paragraphs against its ledger (``parley.link.ledger``); with
    ``--record-anchors``, write the ledgers instead of warning that they are out of date.
    Also returns each document's numbering, by id."""
    ledgers = None
    folder = options.anchors
    if folder is not None:
        ledgers, problems = read_ledgers(folder, [e.doc.id for e in entries], shown(folder))
        note(problems)
    where = shown(folder) if folder is not None else "anchors"
    numbered, numberings, problems = number_corpus(entries, ledgers, where)
    if options.record_anchors and folder is not None:
        result.anchors_written = write_ledgers(folder, numberings)
    else:
        note(problems)
    return numbered, numberings


def finish(options: BuildOptions, result: BuildResult, newest: str | None) -> BuildResult:
    """Render the site with MkDocs (build mode), then add the data files and the offline zip."""
    if options.mode != "build":
        return result
    plan = plan_site(
        config=options.config,
        docs=options.docs,
        generated=GENERATED,
        site=options.site,
        cache=options.cache,
        root=options.root,
        directory_urls=bool(read_config(options.config).get("use_directory_urls", True)),
        clean=options.clean,
        salt=f"site_url={options.site_url}",
    )
    result.mkdocs_dirty = plan.dirty
    pages = 0 if plan.dirty else sum(1 for _ in (options.docs / GENERATED).rglob("*.md"))
    result.mkdocs_status = run_mkdocs(
        options.config,
        options.site,
        options.root,
        options.strict,
        newest,
        site_url=options.site_url,
        dirty=plan.dirty,
        shards=shard_count(options.jobs, pages),
        generated=GENERATED,
        cache=options.cache,
    )
    if result.mkdocs_status != 0:
        return result
    plan.done()
    data_dir = options.site / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    for source in sorted((options.docs / GENERATED / PUBLISHED).glob("*")):
        shutil.copyfile(source, data_dir / source.name)
    site_url = options.site_url or str(read_config(options.config).get("site_url") or "")
    write_site_zip(
        options.site,
        options.site / "downloads" / "parley-site.zip",
        options.cache / "zip.json",
        replaced=offline_home(options.site, site_url, offline_paragraph(), offline_copy_paragraph),
    )
    return result


def newest_date(entries: list[Entry]) -> str | None:
    """The newest document date: the site's build date, so two builds are byte-identical."""
    dates = [e.doc.meta.date for e in entries if e.doc.meta.date]
    return max(dates) if dates else None
