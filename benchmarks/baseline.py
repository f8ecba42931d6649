"""The scratch sites the build benchmark hands to MkDocs, and its baselines.

A scratch site is staged by the tests' helper (:func:`tests.support.sitebuild.stage_site_files`:
``mkdocs.yml`` and the hand-written pages, where our stage then writes ``docs/archive/``).
:func:`write_bare_site` makes the baseline: the same
transcripts as plain Markdown pages (title and paragraphs, no metadata, no links) at the paths
our stage uses, built by MkDocs with the project's configuration. :func:`write_search_config`
adds a second configuration for the same plain pages with MkDocs' own default plugin, the
theme's search, which a plain MkDocs + Material site has unless it turns it off: the
like-for-like baseline for a stage that also builds a search index.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from benchmarks.corpus_samples import LANGUAGE_LINE, MINISTRY_CHROME, MINISTRY_DATE, NEWS_STAMP
from tests.support.sitebuild import stage_site_files

REPO = Path(__file__).resolve().parent.parent
#: A photo credit line of a news article; matches "© AP Photo / Pool".
PHOTO_LINE = re.compile(r"^©")
#: The configuration file of the baseline with the theme's search, beside ``mkdocs.yml``.
SEARCH_CONFIG = "mkdocs-search.yml"


# -- the baseline: plain pages ----------------------------------------------------------------

#: A snippet include of a hand-written page; matches '--8<-- "archive/_home.md"'.
SNIPPET = re.compile(r'^--8<-- "(?P<path>[^"]+)"\s*$', re.MULTILINE)


def plain_page(text: str) -> str:
    """A transcript as a plain page: its title as H1, then its paragraphs; no links, no metadata."""
    lines = [line for line in (" ".join(raw.split()) for raw in text.splitlines()) if line]
    if len(lines) > 1 and NEWS_STAMP.match(lines[1]):
        title, body = lines[0], [line for line in lines[2:] if not PHOTO_LINE.match(line)]
    else:
        kept = [
            line
            for line in lines
            if line not in MINISTRY_CHROME
            and not MINISTRY_DATE.match(line)
            and not LANGUAGE_LINE.match(line)
        ]
        title, body = (kept[0], kept[1:]) if kept else ("Untitled", [])
    return f"# {title}\n\n" + "".join(f"{paragraph}\n\n" for paragraph in body)


def _nav_pages(nav: Any) -> list[tuple[str, str]]:
    """(title, page) of every page in a MkDocs nav, in order."""
    found: list[tuple[str, str]] = []
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    found.append((str(title), target))
                else:
                    found += _nav_pages(target)
        elif isinstance(item, str):
            found.append((item, item))
    return found


def write_bare_site(transcripts: Path, target: Path) -> int:
    """The baseline's docs: the hand-written pages, one plain page per transcript at the path
    our stage uses (``archive/transcripts/<id>.md``), and a title-only page for every other nav
    entry and snippet, so MkDocs sees the same navigation. Returns the number of pages."""
    stage_site_files(target)
    docs = target / "docs"
    pages = docs / "archive" / "transcripts"
    pages.mkdir(parents=True)
    count = 0
    for source in sorted(transcripts.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        (pages / f"{source.stem}.md").write_text(plain_page(text), encoding="utf-8")
        count += 1
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    for title, page in _nav_pages(config.get("nav") or []):
        path = docs / page
        if page.endswith(".md") and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"# {title}\n", encoding="utf-8")
    for written in sorted(docs.glob("*.md")):
        for included in SNIPPET.findall(written.read_text(encoding="utf-8")):
            path = docs / included
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("\n", encoding="utf-8")
    return count


def write_search_config(target: Path) -> str:
    """Write :data:`SEARCH_CONFIG` in ``target``: its ``mkdocs.yml`` with the plugins MkDocs
    and the theme use when a site names none (``search``), plus the ``tags`` it already has.
    Returns the file's name."""
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    config["plugins"] = ["search", "tags"]
    (target / SEARCH_CONFIG).write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return SEARCH_CONFIG
