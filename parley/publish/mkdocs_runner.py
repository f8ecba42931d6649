"""MkDocs as a child process, the same way for a build and for the live preview.

In: the MkDocs configuration, the site folder, the date of the newest document, the site's
address (``--site-url``) and whether only changed pages are rendered (``--dirty``). Out: the
rendered site (:func:`run_mkdocs`) or a running development server (:func:`start_server`).
Both run with :func:`mkdocs_env`, so the preview renders what a build renders.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["mkdocs_env", "run_mkdocs", "start_server", "stop_server"]


def mkdocs_env(date: str | None) -> dict[str, str]:
    """The environment MkDocs runs in: the build date of the newest document (so two builds
    are byte-identical), and without MkDocs' notice about its version 2."""
    env = dict(os.environ)
    stamp = datetime.fromisoformat(date or "2000-01-01").replace(tzinfo=UTC)
    env["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # the README covers the move to Zensical
    return env


def run_mkdocs(
    config: Path,
    site: Path,
    root: Path,
    strict: bool,
    date: str | None,
    site_url: str = "",
    dirty: bool = False,
) -> int:
    """Render ``docs/`` into ``site`` with MkDocs, from the folder ``root``; its exit status.
    Every page is rendered (``--clean``), or with ``dirty`` only those whose Markdown is newer
    than their HTML (``--dirty``, see :mod:`parley.publish.site_update`; the notice a dirty
    build logs is dropped by :mod:`parley.publish.mkdocs_cli`, so ``strict`` still holds).
    A ``site_url`` (``--site-url``) wins over the configuration's."""
    config_file, given = str(config), None
    if site_url:
        # MkDocs has no option for the address; a configuration read from standard input
        # inherits the file and sets it (relative paths then start at the repository root).
        config_file = "-"
        given = f"INHERIT: {json.dumps(str(config.resolve()))}\n"
        given += f"site_url: {json.dumps(site_url)}\n"
    command = [
        sys.executable,
        "-m",
        "parley.publish.mkdocs_cli",
        "build",
        "--dirty" if dirty else "--clean",
        "--config-file",
        config_file,
        "--site-dir",
        str(site),
    ]
    if strict:
        command.append("--strict")
    env = mkdocs_env(date)
    done = subprocess.run(command, cwd=root, env=env, input=given, text=True, check=False)
    return done.returncode


def start_server(config: Path, root: Path, port: int) -> subprocess.Popen[bytes]:
    """MkDocs' development server on 127.0.0.1:``port`` with live reload; with ``--dirty`` it
    renders again only the pages whose Markdown changed."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dirty",
        "--config-file",
        str(config),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    return subprocess.Popen(command, cwd=root, env=mkdocs_env(None))


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Stop a server from :func:`start_server` and wait for it."""
    server.terminate()
    server.wait()
