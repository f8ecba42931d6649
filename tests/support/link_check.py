"""A link checker for generated pages: every internal link must reach a page and an anchor."""

from __future__ import annotations

import posixpath
import re

#: Markdown link targets, e.g. "](../transcripts/a.md#p3)".
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
#: Raw HTML link targets, e.g. 'href="../countries/sy.html"'.
HREF = re.compile(r'href="([^"]+)"')
#: Anchors a page defines, e.g. 'id="p3"'.
ANCHOR = re.compile(r'id="([^"]+)"')


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
    anchors = {path: set(ANCHOR.findall(text)) for path, text in pages.items()}
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
            if target_path not in pages or (anchor and anchor not in anchors[target_path]):
                broken.append(f"{path}: {target}")
    return broken, seen
