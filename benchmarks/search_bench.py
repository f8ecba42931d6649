#!/usr/bin/env python3
"""Measure the site's search in Chromium: python -m benchmarks.search_bench --sizes 1000 10000

For each size N, in ``<workdir>/<N>/``: generate N transcripts (benchmarks/corpus.py), build the
site (build_site.py, no annotations), then open ``search.html`` in Debian's Chromium from disk
(file://) and over HTTP (http.server on 127.0.0.1, no compression), each time in a fresh browser
context (empty cache: every figure is a first visit), and measure for each query ("Syria", a rare
term picked from the index, a quoted phrase):

- before query: what opening the search page loads (page, theme, our script, the manifest);
- first results: seconds from opening the page, typing the query at once, to the first results
  shown (the status line naming the query appears with the first result; a quoted phrase's first
  results are those verified first);
- query: what the query itself loads (index shards, ids and text of the results shown), typed
  once the page is ready; and the same files gzip-compressed, as a static host would serve them;
- filter: choosing the most frequent kind of document once the results are shown: what it loads
  (the kind filter's documents, loaded when the reader moves into that filter, and the new
  results' texts), how long from moving into it until the results are shown again, and whether
  the count the filter showed for that kind is the number of results it gives (exact facet
  counts; not checked for a quoted phrase, whose results are verified in the text as they are
  shown: its counts are of the documents holding its words in one paragraph).

Sizes are the files' bytes on disk (http.server sends them as they are). Prints one table per N
and writes every figure to ``<workdir>/search-results.json``; ``--reuse`` keeps a corpus and site
already built. Targets (issue 16) at 1,000, 10,000 and 26,000 transcripts, from disk and over
HTTP: first results within 1 s of typing, at most 1 MB loaded before the first query, at most
500 KB per query and per filter change, facet counts exact.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, sync_playwright

from parley.search.codec import decode_numbers
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.sitebuild import stage_site_files

REPO = Path(__file__).resolve().parent.parent

VENV_PYTHON = REPO / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
#: Records when the results line for the whole query first shows, in the page's own clock
#: (milliseconds since the page was opened); %s is the query as a JSON string.
WATCH_STATUS = """
(() => {
  const wanted = "“" + %s + "”";
  new MutationObserver((changes, observer) => {
    const status = document.getElementById("parley-search-status");
    if (status && status.textContent.includes(wanted)) {
      window.__parleyResultsAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true, characterData: true});
})();
"""
RESULTS_SHOWN = "() => window.__parleyResultsAt !== undefined"
#: The count a filter's option shows: "News conference (1,234)".
COUNT = re.compile(r"\(([\d,]+)\)$")
#: The number of results in the status line: "1,234 results for …", "… 12 transcripts contain".
RESULTS = re.compile(r"([\d,]+) (?:results?|transcripts?|documents?)")
#: Material's own search index, if the theme's search plugin is still on.
THEME_INDEX = "search/search_index."


@dataclass(frozen=True, slots=True)
class Measure:
    """One query in one mode."""

    n: int
    mode: str
    query: str
    results: str
    """The status line the page showed."""
    before_bytes: int
    before_files: int
    theme_index_bytes: int
    """Part of ``before_bytes`` that is Material's own search index (0 once it is off)."""
    first_results_s: float
    after_typing_s: float
    """Of ``first_results_s``, the time from the last key typed to the results."""
    query_bytes: int
    query_gzip_bytes: int
    query_files: int
    filter_s: float
    """Seconds from choosing a kind of document to its results shown."""
    filter_bytes: int
    filter_files: int
    exact: bool | None
    """Whether the kind's count was the number of results (None: not checked)."""


# -- building -------------------------------------------------------------------------------------


#: Added to the configuration's exclusions in a lean build: every generated page but the search
#: files (which are not Markdown) is left unrendered; the measurement opens none of them.
LEAN_EXCLUDE = "/archive/_*.md\n/screenshots/\n/archive/**/*.md\n"


def build(n: int, root: Path, reuse: bool, lean: bool = False) -> Path:
    """Generate N transcripts and build the site in ``root``; return the site folder.

    ``lean`` (large sizes): our stage writes every page and the whole search index as in a full
    build, but MkDocs renders only the hand-written pages (home, search, about) and copies the
    static files, the search index among them; the generated transcript and index pages, which
    the measurement never opens, are not rendered (a result's link then leads nowhere)."""
    site = root / "site"
    if reuse and (site / "archive" / "search" / "manifest.js").is_file():
        return site
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    corpus = root / "transcripts"
    run([PYTHON, "-m", "benchmarks.corpus", "--count", str(n), "--out", str(corpus.resolve())])
    stage_site_files(root)
    (root / "annotations").mkdir()
    run(
        [
            PYTHON,
            str(REPO / "build_site.py"),
            "--quiet",
            "--transcripts",
            str(corpus),
            "--annotations",
            str(root / "annotations"),
            "--data",
            str(REPO / "data"),
            "--docs",
            str(root / "docs"),
            "--site",
            str(site),
            "--config",
            str(root / "mkdocs.yml"),
            *(["--markdown-only"] if lean else []),
        ],
        cwd=root,
    )
    if lean:
        config = f"INHERIT: mkdocs.yml\nexclude_docs: {json.dumps(LEAN_EXCLUDE)}\n"
        print("$ mkdocs build (lean: generated pages excluded)", file=sys.stderr)
        subprocess.run(
            [PYTHON, "-m", "mkdocs", "build", "--clean", "-q", "-f", "-", "-d", str(site)],
            cwd=root,
            input=config,
            text=True,
            check=True,
        )
    if not (site / "archive" / "search" / "manifest.js").is_file():
        raise SystemExit(f"{site} has no search index: is build_search_index in the pipeline?")
    return site


def run(command: list[str], cwd: Path = REPO) -> None:
    """Run a command, printing what it is; stop on failure."""
    print("$", " ".join(command), file=sys.stderr)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, check=False)
    print(f"  {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if done.returncode not in (0, 1):  # 1: the build reported errors but wrote the site
        raise SystemExit(f"failed with status {done.returncode}")


def rare_term(site: Path) -> str:
    """An alphabetic term of the index found in about one document in 200 (at least one)."""
    folder = site / "archive" / "search" / "terms"
    manifest = _payload((site / "archive" / "search" / "manifest.js").read_text("utf-8"))
    target = max(1, manifest["count"] // 200)
    best: tuple[int, str] = (1 << 30, "")
    for path in sorted(folder.glob("*.js")):
        shard = _payload(path.read_text("utf-8"))
        for term, (_idf, postings) in shard.items():
            if len(term) < 6 or not term.isalpha() or not term.isascii():
                continue
            best = min(best, (abs(_documents(postings) - target), term))
    return best[1]


def _payload(script: str) -> dict[str, Any]:
    """The JSON object a ``parleySearch.x(..., {...});`` script passes last."""
    payload: dict[str, Any] = json.loads(script[script.index("{") : script.rindex("}") + 1])
    return payload


def _documents(postings: str) -> int:
    """How many documents an encoded postings list names."""
    numbers = decode_numbers(postings)
    count = i = 0
    while i < len(numbers):
        count += 1
        i += 2 + 2 * (numbers[i + 1] + 1)
    return count


# -- measuring ------------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site over HTTP on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def local_file(site: Path, root: str, url: str) -> Path | None:
    """The file of the site a request is for, or None if it is not the site's."""
    if not url.startswith(root):
        return None
    path = site / unquote(urlsplit(url[len(root) :]).path)
    return path if path.is_file() else None


def sizes(site: Path, root: str, urls: list[str]) -> tuple[int, int, int]:
    """(bytes, gzip bytes, files) of the site's files among ``urls``, each counted once."""
    files = {f for f in (local_file(site, root, u) for u in urls) if f is not None}
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return raw, packed, len(files)


def measure(browser: Browser, site: Path, root: str, mode: str, n: int, query: str) -> Measure:
    """Open the search page three times (fresh contexts) to take the three figures."""
    page_url = root + "search.html"

    # 1. What opening the page loads before any query.
    context = browser.new_context()
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(page_url, wait_until="load")
    page.evaluate("() => window.parleySearch.pageReady")
    page.wait_for_load_state("networkidle")
    before = list(seen)
    before_bytes, _, before_files = sizes(site, root, before)
    theme = sum(
        f.stat().st_size
        for f in (local_file(site, root, u) for u in before if THEME_INDEX in u)
        if f is not None
    )

    # 2. What the query loads, typed once the page is ready.
    seen.clear()
    page.evaluate(WATCH_STATUS % json.dumps(query.strip()))
    page.locator("#parley-search-input").fill(query)
    page.wait_for_function(RESULTS_SHOWN, timeout=120_000)
    page.wait_for_load_state("networkidle")
    page.evaluate("() => window.parleySearch.pageReady")
    query_bytes, query_gzip, query_files = sizes(site, root, list(seen))
    status = page.inner_text("#parley-search-status")

    # 2b. A filter change: the most frequent kind of document, and whether its count is exact.
    # A filter's documents load when the reader turns to it (here: tabs into the select).
    seen.clear()
    started = time.perf_counter()
    page.locator("#parley-filter-kind").focus()
    page.evaluate("() => window.parleySearch.filtersReady")
    option = page.locator("#parley-filter-kind option").nth(1)
    value = option.get_attribute("value") or ""
    promised = COUNT.search(option.inner_text())
    page.locator("#parley-filter-kind").select_option(value)
    page.evaluate("() => window.parleySearch.pageReady")
    filter_s = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    filter_bytes, _, filter_files = sizes(site, root, list(seen))
    given = RESULTS.search(page.inner_text("#parley-search-status"))
    exact = None
    if '"' not in query and promised and given:
        exact = int(promised[1].replace(",", "")) == int(given[1].replace(",", ""))
    context.close()

    # 3. From opening the page, typing at once, to the first results.
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH_STATUS % json.dumps(query.strip()))
    page.goto(page_url, wait_until="domcontentloaded")
    page.locator("#parley-search-input").press_sequentially(query)
    typed = page.evaluate("() => performance.now()") / 1000
    page.wait_for_function(RESULTS_SHOWN, timeout=120_000)
    first = page.evaluate("() => window.__parleyResultsAt") / 1000
    context.close()
    return Measure(
        n,
        mode,
        query,
        status,
        before_bytes,
        before_files,
        theme,
        round(first, 3),
        round(first - typed, 3),
        query_bytes,
        query_gzip,
        query_files,
        round(filter_s, 3),
        filter_bytes,
        filter_files,
        exact,
    )


def table(rows: list[Measure]) -> str:
    """The figures of one size as a Markdown table."""
    lines = [
        "| N | mode | query | results | before query | first results (after typing)"
        " | query | query gzip | filter change | counts exact |",
        "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for m in rows:
        found = m.results.split(" for ")[0]
        theme = f" (theme index {m.theme_index_bytes / 1e6:.1f} MB)" if m.theme_index_bytes else ""
        lines.append(
            f"| {m.n:,} | {m.mode} | {m.query} | {found} | {m.before_bytes / 1e3:,.0f} KB"
            f" in {m.before_files} files{theme} | {m.first_results_s:.2f} s"
            f" ({m.after_typing_s:.2f} s)"
            f" | {m.query_bytes / 1e3:,.0f} KB in {m.query_files} files"
            f" | {m.query_gzip_bytes / 1e3:,.0f} KB"
            f" | {m.filter_s:.2f} s, {m.filter_bytes / 1e3:,.0f} KB in {m.filter_files} files"
            f" | {'n/a' if m.exact is None else 'yes' if m.exact else 'NO'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], metavar="N")
    p.add_argument(
        "--workdir", type=Path, default=REPO / "benchmarks" / "out" / "search", metavar="DIR"
    )
    p.add_argument("--reuse", action="store_true", help="keep a corpus and site already built")
    p.add_argument(
        "--lean-from",
        type=int,
        default=20000,
        metavar="N",
        help="from this size on, MkDocs renders only the hand-written pages (default: 20000)",
    )
    p.add_argument(
        "--queries",
        nargs="+",
        default=["Syria", "@rare", '"Astana format"'],
        metavar="Q",
        help='queries to measure; "@rare" stands for a rare term picked from the index',
    )
    args = p.parse_args(argv)
    results: list[Measure] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            site = build(n, args.workdir / str(n), args.reuse, lean=n >= args.lean_from)
            queries = [rare_term(site) if q == "@rare" else q for q in args.queries]
            rows: list[Measure] = []
            with serve(site) as http_root:
                for mode, root in (("disk", site.resolve().as_uri() + "/"), ("http", http_root)):
                    for query in queries:
                        rows.append(measure(browser, site, root, mode, n, query))
            print(table(rows), flush=True)
            print()
            results += rows
        browser.close()
    args.workdir.mkdir(parents=True, exist_ok=True)
    (args.workdir / "search-results.json").write_text(
        json.dumps([asdict(r) for r in results], indent=1) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
