"""Build a site from a copy of the repository's inputs, for tests that need the real thing.

The copy lives in a temporary folder, so tests never touch the working tree's ``docs/archive``
or ``site/``; the build runs ``build_site.py`` in a child process exactly as a user would.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from parley.urls import GENERATED

REPO = Path(__file__).resolve().parents[2]
BUILD_SITE = REPO / "build_site.py"
#: The address the sample site is built for: a project's site under a sub-path, as on GitHub
#: Pages. The browser tests serve it there (``tests/browser/conftest.py``).
SITE_URL = "https://example.org/archive/"
#: Its path, where the browser tests serve the site.
SUB_PATH = "/archive/"


@dataclass(frozen=True)
class Build:
    """A finished build: where it ran and what it printed."""

    root: Path
    status: int
    stderr: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def stage_site_files(root: Path) -> Path:
    """Copy what MkDocs renders besides the generated pages into ``root`` (made if missing):
    mkdocs.yml, the theme overrides and the hand-written docs, that is all of ``docs/`` but the
    generated folder and the writer's hidden staging and backup folders. The tests' staged
    repositories and the benchmarks' scratch sites both start here."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(GENERATED, ".*"))
    return root


def stage_inputs(
    root: Path, transcripts: Path | None = None, annotations: Path | None = None
) -> Path:
    """Copy the site files (:func:`stage_site_files`), data, annotations and transcripts into
    ``root``.

    ``transcripts`` and ``annotations`` replace the repository's folders when given.
    """
    stage_site_files(root)
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(annotations or REPO / "annotations", root / "annotations")
    if transcripts is None:  # the ledgers of published paragraph numbers go with the samples
        shutil.copytree(REPO / "anchors", root / "anchors")
    shutil.copytree(transcripts or REPO / "transcripts", root / "transcripts")
    return root


def run_build(root: Path, *args: str, env: Mapping[str, str] | None = None) -> Build:
    """Run ``build_site.py`` with ``args`` in ``root`` (with ``env`` as its environment when
    given); return its status and diagnostics."""
    done = subprocess.run(
        [sys.executable, str(BUILD_SITE), "--quiet", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,  # a build that waits on a FIFO or a device must fail, not hang the suite
    )
    return Build(root, done.returncode, done.stderr + done.stdout)


def tree_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder``, by relative path: two builds are the same site
    when these are equal."""
    found = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath, name)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[path.relative_to(folder).as_posix()] = digest
    return found
