"""Which pages each MkDocs process renders when the site is rendered in shards.

MkDocs renders one page after another on one core. To use every core, the build runs one MkDocs
process per shard of the generated pages (:mod:`parley.publish.mkdocs_runner`), each with a plain
configuration that inherits ``mkdocs.yml`` (``INHERIT``) and leaves the other shards' pages out
with ``exclude_docs``; the shards' sites are then merged into one
(:mod:`parley.publish.site_merge`).
No plugin and no hook: MkDocs still knows every excluded file, so a link to a page of another
shard is written exactly as in a single run (MkDocs 1.6 rewrites it and logs that the target is
excluded, at INFO; the build drops those notices, :mod:`parley.publish.mkdocs_cli`).

What every shard renders, so that each page comes out as a single run renders it:

- every page outside the generated folder (the hand-written pages, few) and every page the
  navigation names (``nav``): the navigation, drawn on every page, must find its pages;
- the theme's files and MkDocs' own templates (``404.html``, ``sitemap.xml``).

The generated folder is cut into *units*, each one ``exclude_docs`` pattern: a folder (``/a/b/``)
or the names of a folder that start alike (``/a/b/2019-0*``), split by the next letter until no
unit costs more than a share of the whole, so that a shard needs a few dozen patterns, not one per
page (MkDocs matches every file against every pattern). Units go to the least loaded shard,
largest first; a page costs its Markdown's size plus a fixed part (its template), another file
a little (it is only copied).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Shard", "nav_pages", "plan_shards", "shard_config"]

#: What rendering a page costs besides its Markdown, in bytes of Markdown (the theme's templates).
PAGE_COST = 12_000
#: A file that is only copied costs its size divided by this.
COPY_DIVISOR = 20
#: Units per shard the generated folder is cut into, at most (a few dozen patterns in all).
UNITS_PER_SHARD = 8


@dataclass(frozen=True, slots=True)
class Shard:
    """One MkDocs process's share of the generated folder."""

    patterns: tuple[str, ...]
    """``exclude_docs`` lines that leave out the other shards' units."""
    excluded: frozenset[str]
    """Paths (relative to ``docs/``) the patterns leave out: the other shards' files."""
    cost: int


def nav_pages(nav: object) -> list[str]:
    """The Markdown files a configuration's ``nav`` names (relative to ``docs/``), in order;
    addresses of other sites are not pages."""
    found: list[str] = []
    if isinstance(nav, str):
        if "://" not in nav and not nav.startswith(("/", "mailto:")):
            found.append(nav.lstrip("./"))
    elif isinstance(nav, list):
        for item in nav:
            found += nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            found += nav_pages(value)
    return found


def _escape(name: str) -> str:
    """A file name as a literal in a gitignore pattern."""
    out = "".join(f"\\{c}" if c in "\\*?[]" else c for c in name)
    return f"\\{out}" if out[:1] in ("!", "#") else out


@dataclass(frozen=True, slots=True)
class _Unit:
    pattern: str
    cost: int
    paths: tuple[str, ...]


def _files(folder: Path) -> list[tuple[str, int]]:
    """(path relative to ``folder``, cost) of every file under it, hidden ones left out (MkDocs
    leaves them out itself)."""
    found = []
    for dirpath, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(dirpath)
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = here / name
            size = path.stat().st_size
            cost = size + PAGE_COST if name.endswith(".md") else 1 + size // COPY_DIVISOR
            found.append((path.relative_to(folder).as_posix(), cost))
    return found


def _split(base: str, prefix: str, items: list[tuple[str, int]], limit: int) -> list[_Unit]:
    """Units covering ``items`` (paths relative to the folder ``base``, every first part
    starting with ``prefix``), none above ``limit`` unless it is a single file."""
    cost = sum(c for _, c in items)
    where = f"/{base}/" if base else "/"
    if cost <= limit or not items:
        pattern = f"{where}{_escape(prefix)}*" if prefix else where
        return [_Unit(pattern, cost, tuple(f"{base}/{p}" if base else p for p, _ in items))]
    groups: dict[str, list[tuple[str, int]]] = {}
    exact: dict[str, list[tuple[str, int]]] = {}
    for path, c in items:
        first = path.split("/", 1)[0]
        if first == prefix:
            exact.setdefault(first, []).append((path, c))
        else:
            groups.setdefault(first[len(prefix)], []).append((path, c))
    units = []
    for name, inside in exact.items():  # a file or folder named exactly ``prefix``
        if len(inside) == 1 and "/" not in inside[0][0]:
            full = f"{base}/{name}" if base else name
            units.append(_Unit(f"/{full}", inside[0][1], (full,)))
        else:
            below = [(p.split("/", 1)[1], c) for p, c in inside]
            units += _split(f"{base}/{name}" if base else name, "", below, limit)
    for letter in sorted(groups):
        units += _split(base, prefix + letter, groups[letter], limit)
    return units


def plan_shards(docs: Path, generated: str, shared: Iterable[str], count: int) -> list[Shard]:
    """Cut ``docs/generated`` into ``count`` shards of about equal cost; ``shared`` (paths
    relative to ``docs/``) are rendered by every shard and never excluded. Fewer shards when
    there are fewer units than shards (none: the folder is empty)."""
    keep = {p for p in shared if p.startswith(f"{generated}/")}
    items = [(p, c) for p, c in _files(docs / generated) if f"{generated}/{p}" not in keep]
    total = sum(c for _, c in items)
    if not items or count < 2:
        return []
    limit = max(1, total // (count * UNITS_PER_SHARD))
    units = _split(generated, "", items, limit)
    loads: list[list[_Unit]] = [[] for _ in range(count)]
    for unit in sorted(units, key=lambda u: (-u.cost, u.pattern)):
        lightest = min(range(count), key=lambda i: (sum(u.cost for u in loads[i]), i))
        loads[lightest].append(unit)
    loads = [load for load in loads if load]
    if len(loads) < 2:
        return []
    shards = []
    for i, own in enumerate(loads):
        others = [u for j, load in enumerate(loads) if j != i for u in load]
        others.sort(key=lambda u: u.pattern)
        shards.append(
            Shard(
                patterns=tuple(u.pattern for u in others),
                excluded=frozenset(p for u in others for p in u.paths),
                cost=sum(u.cost for u in own),
            )
        )
    return shards


def shard_config(
    config: Path, user: Mapping[str, object], shard: Shard, shared: Iterable[str], site_url: str
) -> str:
    """The configuration of one shard (YAML, given to MkDocs on standard input): ``mkdocs.yml``
    inherited; ``exclude_docs`` the shard's patterns, then the pages every shard renders
    (negated), then the configuration's own patterns, which so still win."""
    lines = [*shard.patterns, *(f"!/{_escape_path(p)}" for p in shared)]
    own = user.get("exclude_docs")
    if isinstance(own, str):
        lines += own.splitlines()
    text = f"INHERIT: {json.dumps(str(config.resolve()))}\n"
    text += f"exclude_docs: {json.dumps(chr(10).join(lines) + chr(10))}\n"
    if site_url:
        text += f"site_url: {json.dumps(site_url)}\n"
    return text


def _escape_path(path: str) -> str:
    return "/".join(_escape(part) for part in path.split("/"))
