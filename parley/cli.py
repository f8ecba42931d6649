"""Command line: arguments, diagnostics output and exit codes; ``--serve`` hands over to
:mod:`parley.preview`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from parley.annotate.notes import github_annotation
from parley.enrich.document import place_country
from parley.model import Counterpart, Diagnostic, Document, Place
from parley.pipeline import BuildOptions, BuildResult, Mode, run
from parley.preview import serve
from parley.read.document import read_document
from parley.read.sources import read_source
from parley.vocab.vocabulary import load_vocabulary

DESCRIPTION = """\
Build the transcript archive: read every transcript, detect who and what it is about,
anchor contributors' annotations, write cross-linked Markdown into docs/archive/ and render
the site with MkDocs into site/ (plus site/data/catalog.json, catalog.csv, annotations.jsonld
and the offline copy site/downloads/parley-site.zip).

Problems are printed as "path:line: severity: message (hint)". A warning does not stop the
build (unless --strict); an error lets the rest of the corpus build and makes the exit status 1.
"""

EPILOG = """\
exit status: 0 success; 1 errors (or warnings with --strict, or MkDocs failed); 2 bad usage.
examples:
  build_site.py                         build site/ from transcripts/
  build_site.py --transcripts ~/other   build from another folder
  build_site.py --check --format github validate transcripts and annotations (CI)
  build_site.py --serve                 preview with live reload on http://127.0.0.1:8000/
  build_site.py --explain FILE          why the reader read FILE as it did
"""


def parser() -> argparse.ArgumentParser:
    """The argument parser; every option is documented in --help."""
    p = argparse.ArgumentParser(
        prog="build_site.py",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--transcripts",
        type=Path,
        default=Path("transcripts"),
        metavar="DIR",
        help="folder of transcript files (*.txt, *.md); default: transcripts",
    )
    p.add_argument(
        "--annotations",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of annotation files (<transcript id>.yaml); default: annotations, "
        "but none with --transcripts DIR (the samples' notes fit only the samples)",
    )
    p.add_argument(
        "--anchors",
        type=Path,
        default=None,
        metavar="DIR",
        help="ledgers of published paragraph numbers (<transcript id>.yaml); default: anchors, "
        "but none with --transcripts DIR (then numbers are positions)",
    )
    p.add_argument(
        "--data",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help="reference data (countries, people, organisations, topics); default: data",
    )
    p.add_argument(
        "--docs",
        type=Path,
        default=Path("docs"),
        metavar="DIR",
        help="MkDocs docs folder; pages are generated into DIR/archive only",
    )
    p.add_argument(
        "--site",
        type=Path,
        default=Path("site"),
        metavar="DIR",
        help="output folder of the built site; default: site",
    )
    p.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        metavar="FILE",
        help="MkDocs configuration; default: mkdocs.yml",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="validate transcripts and annotations only; write nothing",
    )
    mode.add_argument(
        "--markdown-only",
        action="store_true",
        help="write the generated Markdown but do not run MkDocs",
    )
    mode.add_argument(
        "--explain",
        type=Path,
        metavar="FILE",
        help="read one transcript and print each metadata field with the line it came from "
        "and the rule that decided it, and each turn's label with how it was resolved",
    )
    mode.add_argument(
        "--record-anchors",
        action="store_true",
        help="write the ledgers of the paragraph numbers the build uses (after adding or "
        "re-cutting transcripts; commit them); write nothing else",
    )
    mode.add_argument(
        "--serve",
        action="store_true",
        help="preview with live reload: regenerate on changes, serve with MkDocs",
    )
    p.add_argument(
        "--strict", action="store_true", help="treat every warning as fatal (also MkDocs warnings)"
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for reading, enrichment, rendering and indexing; "
        "default: one per core",
    )
    p.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="diagnostics as text lines, or as GitHub workflow commands "
        "(::error file=...,line=...::...) shown inline on pull requests",
    )
    p.add_argument(
        "--site-url",
        type=site_url,
        metavar="URL",
        help="address the site is published at, e.g. https://example.org/archive/ (a folder "
        "address); wins over site_url in the MkDocs configuration. The 404 page and "
        "annotations.jsonld need it; the Pages workflow passes it",
    )
    p.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/parley"),
        metavar="DIR",
        help="folder kept between builds so that the next one renders only what changed; "
        "safe to delete; default: .cache/parley",
    )
    p.add_argument(
        "--clean",
        action="store_true",
        help="render every page with MkDocs, even when only some changed",
    )
    p.add_argument(
        "--port", type=int, default=8000, metavar="N", help="port for --serve; default: 8000"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    return p


def site_url(value: str) -> str:
    """An ``http(s)`` address with a host, ending in ``/`` (added when missing)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an http(s) address such as https://example.org/archive/"
        )
    return value if value.endswith("/") else value + "/"


def options_from(args: argparse.Namespace, root: Path) -> BuildOptions:
    """Turn parsed arguments into build options."""
    mode: Mode = (
        "check"
        if args.check or args.record_anchors
        else "markdown"
        if (args.markdown_only or args.serve)
        else "build"
    )
    return BuildOptions(
        root=root,
        transcripts=args.transcripts,
        annotations=annotations_folder(args),
        anchors=anchors_folder(args),
        record_anchors=args.record_anchors,
        data=args.data,
        docs=args.docs,
        site=args.site,
        config=args.config,
        mode=mode,
        strict=args.strict,
        jobs=max(0, args.jobs),
        progress=not args.quiet,
        site_url=args.site_url or "",
        cache=args.cache,
        clean=args.clean,
    )


#: The folders of the default corpus: the annotations belong to these transcripts.
DEFAULT_TRANSCRIPTS = Path("transcripts")
DEFAULT_ANNOTATIONS = Path("annotations")
NO_ANNOTATIONS = (
    "build_site.py: building {transcripts} with no annotations "
    "(--transcripts without --annotations; add --annotations DIR for notes on these texts)"
)


def annotations_folder(args: argparse.Namespace) -> Path | None:
    """``--annotations``; without it, ``annotations/`` for the default corpus and none for
    a folder of one's own (the repository's notes are written for its samples)."""
    if args.annotations is not None:
        return Path(args.annotations)
    return DEFAULT_ANNOTATIONS if args.transcripts == DEFAULT_TRANSCRIPTS else None


DEFAULT_ANCHORS = Path("anchors")


def anchors_folder(args: argparse.Namespace) -> Path | None:
    """``--anchors``; without it, ``anchors/`` for the default corpus and none for another."""
    if args.anchors is not None:
        return Path(args.anchors)
    return DEFAULT_ANCHORS if args.transcripts == DEFAULT_TRANSCRIPTS else None


def exit_status(result: BuildResult, strict: bool) -> int:
    """0 when the build is good; 1 on errors, MkDocs failure, or warnings under --strict."""
    if result.errors or (strict and result.warnings):
        return 1
    if result.mkdocs_status not in (None, 0):
        return 1
    return 0


def summary(result: BuildResult, mode: str) -> str:
    """The last line of a run."""
    verb = {"check": "checked", "markdown": "generated", "build": "built"}[mode]
    pages = (
        f"; pages: {result.pages_written} written, {result.pages_unchanged} unchanged, "
        f"{result.pages_removed} removed"
        + (" (no input changed since the last build)" if result.skipped else "")
        if mode != "check"
        else ""
    )
    return (
        f"{verb} {result.documents} documents: {result.errors} errors, "
        f"{result.warnings} warnings{pages}"
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of build_site.py."""
    args = parser().parse_args(argv)
    root = Path.cwd()
    options = options_from(args, root)
    missing = [str(p) for p in (options.transcripts, options.data) if not p.is_dir()]
    if not options.config.is_file():
        missing.append(str(options.config))
    if missing:
        print(f"build_site.py: not found: {', '.join(missing)}", file=sys.stderr)
        return 2

    if options.record_anchors and options.anchors is None:
        print(
            "build_site.py: --record-anchors needs --anchors DIR with --transcripts DIR",
            file=sys.stderr,
        )
        return 2
    if options.annotations is None:
        print(NO_ANNOTATIONS.format(transcripts=options.transcripts), file=sys.stderr)

    def report(d: Diagnostic) -> None:
        print(github_annotation(d) if args.format == "github" else d.format(), file=sys.stderr)

    if args.explain is not None:
        return explain(args.explain, options.data)
    if args.serve:
        return serve(
            options, args.port, report, lambda r: print(summary(r, "markdown"), file=sys.stderr)
        )
    result = run(options, report)
    if options.record_anchors:
        for name in result.anchors_written:
            print(f"recorded {options.anchors}/{name}", file=sys.stderr)
        print(
            f"recorded the paragraph numbers of {result.documents} documents: "
            f"{len(result.anchors_written)} ledgers written",
            file=sys.stderr,
        )
        return exit_status(result, options.strict)
    if not args.quiet:
        print(summary(result, options.mode), file=sys.stderr)
    return exit_status(result, options.strict)


def explain(path: Path, data: Path) -> int:
    """Print why the reader read ``path`` as it did (``--explain``); 2 if it cannot be read."""
    vocab, problems = load_vocabulary(data)
    source, more = read_source(path, path.as_posix(), path.stem)
    for problem in [*problems, *more]:
        print(problem.format(), file=sys.stderr)
    if source is None:
        return 2
    document, found = read_document(source, vocab.layouts)
    print(explanation(document))
    if document.meta.place:
        country, rule = place_country(document.meta.place, vocab)
        print(f"  place country: {country or 'unknown'}" + (f"  [{rule}]" if rule else ""))
    for problem in found:
        print(problem.format())
    return 0


def explanation(document: Document) -> str:
    """The lines ``--explain`` prints: fields with line and rule, then turns with resolution."""
    meta = document.meta
    lines = [f"{document.path}: read as layout {meta.layout!r}"]
    for reason in document.reasons:
        value = getattr(meta, reason.field)
        where = f"line {reason.line}" if reason.line else "no single line"
        lines.append(f"  {reason.field}: {_shown(value)}  [{where}; {reason.rule}]")
    unset = [f for f in ("date", "time", "place", "event_date") if getattr(meta, f) is None]
    if unset:
        lines.append(f"  not found: {', '.join(unset)}")
    lines.append(f"turns: {len(document.turns)}, questions: {document.questions}")
    for turn in document.turns:
        if turn.label:
            outlet = f", outlet {turn.outlet}" if turn.outlet else ""
            lines.append(
                f"  line {turn.line}: {turn.label!r} -> {turn.speaker or 'nobody named'} "
                f"({turn.kind}{outlet}; {turn.resolution})"
            )
    return "\n".join(lines)


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(_shown(v) for v in value) or "-"
    if isinstance(value, Place):
        return ", ".join(v for v in (value.city, value.country_text) if v)
    if isinstance(value, Counterpart):
        return ", ".join(v for v in (value.name, value.role, value.country_text) if v)
    return str(value)
