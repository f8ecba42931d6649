"""A link checker for generated pages: every internal link must reach a page and an anchor."""

from __future__ import annotations

import html
import posixpath
import re

from markdown.extensions.toc import slugify

#: Markdown link targets, e.g. "](../transcripts/a.md#p3)".
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
#: Raw HTML link targets, e.g. 'href="../countries/sy.html"'.
HREF = re.compile(r'href="([^"]+)"')
#: Anchors a page defines, e.g. 'id="p3"'.
ANCHOR = re.compile(r'id="([^"]+)"')
#: A Markdown heading, whose id the toc extension makes from its text: "## Transcript".
HEADING = re.compile(r"^#{1,6} (.+)$", re.M)


def anchors_of(text: str) -> set[str]:
    """The ids a page defines: its elements' and (in Markdown) its headings'."""
    headings = {slugify(html.unescape(h), "-") for h in HEADING.findall(text)}
    return set(ANCHOR.findall(text)) | headings


def resolve(page: str, target: str) -> tuple[str, str]:
    """The page path and anchor a relative link from ``page`` points at."""
    path, _, anchor = target.partition("#")
    if not path:
        return page, anchor
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return joined.removesuffix(".html") + ".md" if joined.endswith(".html") else joined, anchor


def broken_links(pages: dict[str, str], html: bool = False) -> tuple[list[str], int]:
    """Every internal link whose page or anchor is missing, and the number of links seen.

    ``pages`` are Markdown (links in Markdown syntax and in raw HTML), or with ``html`` the
    pages converted to HTML (every link an ``href``).
    """
    anchors = {path: anchors_of(text) for path, text in pages.items()}
    broken, seen = [], 0
    for path, text in pages.items():
        for target in ([] if html else MD_LINK.findall(text)) + HREF.findall(text):
            if target.startswith(("https://", "http://", "downloads/")):
                continue
            if target.partition("?")[0].endswith("search.html"):  # hand-written, in docs/
                continue
            seen += 1
            if path == "_home.md" and not target.startswith("#"):  # included into docs/index.md
                target_path, anchor = resolve("index.md", target.removeprefix("archive/"))
            else:
                target_path, anchor = resolve(path, target)
            if published_source(target_path, pages):
                continue
            if target_path not in pages or (anchor and anchor not in anchors[target_path]):
                broken.append(f"{path}: {target}")
    return broken, seen


#: Files the build publishes beside every document's page: its source text and citations.
PUBLISHED_BESIDE = re.compile(r"^(?:sources/(?P<s>.+)\.txt|citations/(?P<c>.+)\.(?:bib|json))$")


def published_source(path: str, pages: dict[str, str]) -> bool:
    """Whether ``path`` is a document's source text (``sources/<id>.txt``) or citation file
    (``citations/<id>.bib``, ``.json``), which the build publishes for every document that
    has a page."""
    found = PUBLISHED_BESIDE.match(path)
    return found is not None and f"transcripts/{found['s'] or found['c']}.md" in pages
