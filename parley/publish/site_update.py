"""Render only the pages that changed, with a site byte-identical to a clean build's.

MkDocs' dirty build (``mkdocs build --dirty``) renders a page only when its Markdown is newer
than its HTML; our writer rewrites only the generated files whose bytes changed and hard-links
the others (same modification time), so a day's new transcripts re-render their own pages and
the index pages that list them, not the archive. What a dirty build alone would get wrong, and
how it is put right here:

- *pages that are gone*: MkDocs never deletes. Every file under ``site/archive/`` whose source
  is no longer in ``docs/archive/`` is removed before MkDocs runs (and folders left empty).
- *hand-written pages*: ``docs/index.md`` includes a generated fragment, which MkDocs does not
  see as a change of the page. The HTML of every page outside the generated folder is removed,
  so the few hand-written pages are always rendered again.
- *whatever can change every page*: ``mkdocs.yml``, the hand-written ``docs/`` (stylesheets,
  scripts, pages in the navigation), the theme's overrides (``theme.custom_dir``), the code, the
  lock files and the installed MkDocs, theme and extensions. Their digest is kept in the cache
  folder after each successful MkDocs run; when it differs, or is missing, or the site folder
  is missing, MkDocs renders everything (``--clean``). The digest is removed before MkDocs
  starts, so a failed or interrupted run is followed by a clean one.
- the sitemap and the 404 page are rendered by every MkDocs build, dirty or not; the tags
  plugin's ``tags.json`` export, which a dirty build would fill with the rendered pages only,
  is turned off in ``mkdocs.yml`` (nothing reads it).

The test suite builds a small archive, changes it (new, edited and deleted transcripts, and
changes that reach shared pages) and compares ``site/`` byte for byte with a clean build.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

from parley.build.stamp import PACKAGE

__all__ = ["RENDERERS", "SitePlan", "plan_site", "render_digest"]

#: File in the cache folder: the digest of what the site in the site folder was rendered with.
STATE = "site-render.json"
#: Installed distributions whose version changes how pages render.
RENDERERS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments", "jinja2")
#: Lock files, in the repository root, whose change falls back to a clean build.
LOCKS = ("requirements.lock",)


def _files_under(folder: Path, skip: str | None = None) -> list[Path]:
    found = []
    for dirpath, dirs, files in os.walk(folder):
        here = Path(dirpath)
        dirs[:] = sorted(
            d for d in dirs if not (here == folder and (d == skip or d.startswith(f".{skip}")))
        )
        found += [here / name for name in sorted(files)]
    return found


def custom_dir(config: Path) -> Path | None:
    """The theme's overrides folder named by the configuration (``theme.custom_dir``, relative
    to the configuration file), or None."""
    try:
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return config.parent / folder if isinstance(folder, str) and folder else None


def render_digest(config: Path, docs: Path, generated: str, root: Path, salt: str = "") -> str:
    """SHA-256 over everything that can change any page but the generated Markdown: the
    configuration, every file of ``docs/`` outside the generated folder, the theme's overrides,
    the code, the lock files, the versions of the renderers, and ``salt`` (settings given on the
    command line)."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]}\0{salt}\0".encode())
    overrides = custom_dir(config)
    for name in RENDERERS:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\0".encode())
    groups = [
        (config.parent, [config] if config.is_file() else []),
        (docs, _files_under(docs, skip=generated)),
        (overrides or root, _files_under(overrides) if overrides and overrides.is_dir() else []),
        (PACKAGE, [p for p in _files_under(PACKAGE) if p.suffix == ".py"]),
        (root, [root / name for name in LOCKS if (root / name).is_file()]),
    ]
    for base, paths in groups:
        digest.update(b"\0\0")
        for path in paths:
            digest.update(f"{path.relative_to(base).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class SitePlan:
    """How MkDocs is to render the site this time."""

    dirty: bool
    """True: render only the pages whose Markdown changed (the site was pruned for it)."""
    digest: str
    removed: int
    """Files of the previous site removed because their source is gone."""
    state: Path

    def done(self) -> None:
        """Record that the site folder now holds a complete rendering with ``digest``."""
        self.state.parent.mkdir(parents=True, exist_ok=True)
        self.state.write_text(json.dumps({"digest": self.digest}) + "\n", encoding="utf-8")


def _read_state(state: Path) -> str | None:
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("digest") if isinstance(data, dict) else None


def plan_site(
    *,
    config: Path,
    docs: Path,
    generated: str,
    site: Path,
    cache: Path,
    root: Path,
    directory_urls: bool,
    clean: bool = False,
    salt: str = "",
) -> SitePlan:
    """Decide between a dirty and a clean rendering, and prepare the site folder for a dirty one
    (see the module's note). The state is removed until :meth:`SitePlan.done` is called."""
    state = cache / STATE
    digest = render_digest(config, docs, generated, root, salt)
    previous = _read_state(state)
    state.unlink(missing_ok=True)
    dirty = not clean and not directory_urls and previous == digest and (site / generated).is_dir()
    if not dirty:
        return SitePlan(False, digest, 0, state)
    removed = _prune_generated(site / generated, docs / generated)
    _forget_hand_written(docs, generated, site)
    return SitePlan(True, digest, removed, state)


def _prune_generated(built: Path, sources: Path) -> int:
    """Remove every built file whose source is gone; then the folders left empty."""
    removed = 0
    for dirpath, _dirs, files in os.walk(built, topdown=False):
        here = Path(dirpath)
        relative = here.relative_to(built)
        for name in files:
            source = sources / relative / name
            candidates = [source]
            if name.endswith(".html"):
                candidates.append(source.with_suffix(".md"))
            if not any(c.is_file() for c in candidates):
                (here / name).unlink()
                removed += 1
        if here != built and not any(here.iterdir()):
            here.rmdir()
    return removed


def _forget_hand_written(docs: Path, generated: str, site: Path) -> None:
    """Remove the HTML of every hand-written page, so that MkDocs renders them again."""
    for path in _files_under(docs, skip=generated):
        if path.suffix == ".md":
            relative = path.relative_to(docs).with_suffix(".html")
            (site / relative).unlink(missing_ok=True)
