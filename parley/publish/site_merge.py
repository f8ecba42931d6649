"""One site from the sites of the shards MkDocs rendered (:mod:`parley.publish.shards`).

Every file a shard wrote is moved into the site folder. A file several shards wrote (the pages
every shard renders, the theme's files, the 404 page) must be the same bytes in each, or the
merge fails. Two files are made again, as a single MkDocs run makes them:

- ``sitemap.xml``: each shard lists its own pages; the merged one lists every page once, in the
  order MkDocs finds the files (a folder's files, its index first, before its subfolders, each
  sorted by name; ``mkdocs.structure.files.get_files``), and ``sitemap.xml.gz`` is that text
  gzipped the way MkDocs does it (level 9, the file name and the time MkDocs wrote in the
  shards' copies);
- links between shards: no shard can check an anchor on a page another shard renders (MkDocs
  skips a target it did not render), so after the merge every link with an anchor from a page
  of one shard to a page of another is checked against the ids of the target page, raw HTML
  links included, and each missing one is reported as MkDocs reports it (at the level of
  ``validation.anchors``).
"""

from __future__ import annotations

import gzip
import os
import posixpath
import re
import shutil
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["MergeResult", "SiteMergeError", "merge_sites", "sitemap_key"]

SITEMAP = "sitemap.xml"
SITEMAPS = (SITEMAP, f"{SITEMAP}.gz")
#: One ``<url>`` entry of MkDocs' sitemap template, with the whitespace before it.
_ENTRY = re.compile(r"\s*<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.DOTALL)
#: A relative link to another page with an anchor, as MkDocs and our pages write them.
_LINK = re.compile(r'href="([^"#:?]*\.html)#([^"]+)"')
#: What can be linked to on a page: an id, or the name of an ``a`` element.
_ID = re.compile(r'<(\w+)\s[^>]*?\b(id|name)="([^"]*)"')


class SiteMergeError(Exception):
    """The shards disagree on a file they all wrote."""


@dataclass(slots=True)
class MergeResult:
    files: int = 0
    shared: int = 0
    """Files written by more than one shard (checked to be the same bytes)."""
    problems: list[str] = field(default_factory=list)
    """Links with an anchor missing on their target page (MkDocs' wording)."""


def _walk(folder: Path) -> list[str]:
    found = []
    for dirpath, dirs, names in os.walk(folder):
        dirs.sort()
        rel = os.path.relpath(dirpath, folder)
        for name in sorted(names):
            found.append(name if rel == "." else f"{rel}/{name}".replace(os.sep, "/"))
    return found


def merge_sites(shards: Sequence[Path], site: Path, site_url: str) -> MergeResult:
    """Move the files of every shard's site into ``site`` (emptied first); the shard folders are
    removed. Raises :class:`SiteMergeError` when two shards wrote different bytes to one file."""
    result = MergeResult()
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    owner: dict[str, int] = {}
    shared: set[str] = set()
    for index, folder in enumerate(shards):
        for rel in _walk(folder):
            source, target = folder / rel, site / rel
            if rel in owner:
                shared.add(rel)
                if rel not in SITEMAPS and not _same(source, target):
                    raise SiteMergeError(
                        f"shards {owner[rel] + 1} and {index + 1} rendered {rel} differently"
                    )
                continue
            owner[rel] = index
            if rel not in SITEMAPS:  # made from every shard's below
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
    result.files = len(owner)
    result.shared = len(shared)
    if SITEMAP in owner:
        _merge_sitemaps(shards, site, site_url)
    owned = {rel: i for rel, i in owner.items() if rel not in shared and rel.endswith(".html")}
    result.problems = _check_anchors(site, owned)
    for folder in shards:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _same(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    return a.read_bytes() == b.read_bytes()


def sitemap_key(loc: str, site_url: str) -> tuple[tuple[int, bool, str], ...]:
    """Where MkDocs lists the page at address ``loc`` in its sitemap: the order in which
    ``get_files`` walks ``docs/`` (a folder's files, ``index`` first, then its subfolders)."""
    path = urlsplit(loc).path
    base = urlsplit(site_url).path if site_url else ""
    base = base if base.endswith("/") else f"{base}/"
    rel = unquote(path[len(base) :] if path.startswith(base) else path.lstrip("/"))
    parts = rel.split("/")
    name = parts[-1]
    stem = posixpath.splitext(name)[0]
    folders = tuple((1, False, d) for d in parts[:-1])
    return (*folders, (0, stem not in ("index", "README"), name))


def _merge_sitemaps(shards: Sequence[Path], site: Path, site_url: str) -> None:
    head = tail = None
    entries: dict[str, str] = {}
    for folder in shards:
        text = (folder / SITEMAP).read_text(encoding="utf-8")
        found = list(_ENTRY.finditer(text))
        if not found:
            continue
        if head is None:
            head, tail = text[: found[0].start()], text[found[-1].end() :]
        for match in found:
            loc = _LOC.search(match.group(0))
            entries.setdefault(loc.group(1) if loc else match.group(0), match.group(0))
    if head is None or tail is None:  # no page has an address (no site_url): all alike
        for name in SITEMAPS:
            if (shards[0] / name).is_file():
                shutil.copyfile(shards[0] / name, site / name)
        return
    ordered = sorted(entries, key=lambda loc: sitemap_key(loc, site_url))
    text = head + "".join(entries[loc] for loc in ordered) + tail
    (site / SITEMAP).write_bytes(text.encode("utf-8"))
    packed = (shards[0] / f"{SITEMAP}.gz").read_bytes()
    mtime = struct.unpack("<I", packed[4:8])[0]
    gz_path = site / f"{SITEMAP}.gz"
    with (
        open(gz_path, "wb") as out,
        gzip.GzipFile(fileobj=out, filename=str(gz_path), mode="wb", mtime=mtime) as gz,
    ):
        gz.write(text.encode("utf-8"))


def _check_anchors(site: Path, owned: dict[str, int]) -> list[str]:
    """Links with an anchor from a page of one shard to a page of another whose target has no
    such id; ``owned`` gives the shard of every page only one shard rendered."""
    wanted: dict[str, dict[str, str]] = {}
    for rel, shard in owned.items():
        text = (site / rel).read_text(encoding="utf-8")
        if "#" not in text:
            continue
        here = posixpath.dirname(rel)
        for match in _LINK.finditer(text):
            target = posixpath.normpath(posixpath.join(here, unquote(match.group(1))))
            if owned.get(target, shard) == shard:
                continue  # the same shard (MkDocs checked it) or a page every shard rendered
            link = f"{match.group(1)}#{match.group(2)}"
            wanted.setdefault(target, {}).setdefault(unquote(match.group(2)), f"{rel}\0{link}")
    problems = []
    for target in sorted(wanted):
        path = site / target
        ids = set()
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found = _ID.finditer(text)
            ids = {m.group(3) for m in found if m.group(2) == "id" or m.group(1) == "a"}
        for anchor, where in sorted(wanted[target].items()):
            if anchor not in ids:
                source, link = where.split("\0")
                problems.append(
                    f"Doc file '{_source(source)}' contains a link '{link}', "
                    f"but the doc '{_source(target)}' does not contain an anchor '#{anchor}'."
                )
    return problems


def _source(html: str) -> str:
    return html[: -len(".html")] + ".md" if html.endswith(".html") else html
