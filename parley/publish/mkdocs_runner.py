"""MkDocs as a child process, the same way for a build and for the live preview.

In: the MkDocs configuration, the site folder, the date of the newest document, the site's
address (``--site-url``), whether only changed pages are rendered (``--dirty``) and how many
processes may render. Out: the rendered site (:func:`run_mkdocs`) or a running development
server (:func:`start_server`). Both run with :func:`mkdocs_env`, so the preview renders what a
build renders.

A build from nothing with more than one process renders in shards (:mod:`parley.publish.shards`):
one MkDocs process per shard, at the same time, each into its own folder of the cache folder,
then one site merged from them (:mod:`parley.publish.site_merge`), byte-identical to a single
run's. Each shard's messages are collected and shown once. When the configuration does not allow
it (no explicit ``nav``, folder URLs, ``INHERIT``, a configuration outside the folder MkDocs
runs in) or the shards disagree, one process renders.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import yaml

from parley.publish.mkdocs_cli import EXCLUDED_ENV
from parley.publish.shards import nav_pages, plan_shards, shard_config
from parley.publish.site_merge import SiteMergeError, merge_sites

__all__ = [
    "MIN_SHARD_PAGES",
    "mkdocs_env",
    "run_mkdocs",
    "shard_count",
    "start_server",
    "stop_server",
]

#: A shard is worth its start-up (about a second of MkDocs loading) from this many pages on.
MIN_SHARD_PAGES = 50


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
    shards: int = 1,
    generated: str = "",
    cache: Path | None = None,
) -> int:
    """Render ``docs/`` into ``site`` with MkDocs, from the folder ``root``; its exit status.
    Every page is rendered (``--clean``), or with ``dirty`` only those whose Markdown is newer
    than their HTML (``--dirty``, see :mod:`parley.publish.site_update`; the notice a dirty
    build logs is dropped by :mod:`parley.publish.mkdocs_cli`, so ``strict`` still holds).
    A ``site_url`` (``--site-url``) wins over the configuration's. A clean rendering with
    ``shards`` above 1 cuts the folder ``generated`` of ``docs/`` into that many shards, rendered
    at the same time in folders under ``cache`` and merged into ``site``."""
    if shards > 1 and not dirty and generated and cache is not None:
        status = _run_sharded(config, site, root, strict, date, site_url, shards, generated, cache)
        if status is not None:
            return status
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


def shard_count(jobs: int, pages: int) -> int:
    """How many MkDocs processes render ``pages`` pages: ``jobs`` (0: one per core), at most
    one per :data:`MIN_SHARD_PAGES` pages."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, pages // MIN_SHARD_PAGES))


def _shardable(config: Path) -> dict[str, Any] | None:
    """The configuration, when shards render it as one run would: an explicit ``nav`` (each
    shard draws the same navigation), pages as files (``use_directory_urls: false``, the
    sitemap's order), and no ``INHERIT`` of its own."""
    try:
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    if not isinstance(data, dict) or "INHERIT" in data or not isinstance(data.get("nav"), list):
        return None
    if data.get("use_directory_urls", True) is not False:
        return None
    return data


#: Lines every shard logs about itself; the merged run says it once.
_OWN_LINES = (
    "Cleaning site directory",
    "Building documentation to directory",
    "Documentation built",
)


def _show_logs(logs: list[Path], out: IO[str]) -> None:
    """Every shard's messages, each line once (the pages every shard renders log alike)."""
    seen: set[str] = set()
    for log in logs:
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line in seen or any(own in line for own in _OWN_LINES):
                continue
            seen.add(line)
            print(line, file=out)


def _run_sharded(
    config: Path,
    site: Path,
    root: Path,
    strict: bool,
    date: str | None,
    site_url: str,
    count: int,
    generated: str,
    cache: Path,
) -> int | None:
    """Render in shards and merge them (see the module's note); None when shards cannot
    render this configuration or disagree, for a single run to render it instead."""
    data = _shardable(config)
    if data is None or config.parent.resolve() != root.resolve():
        # A configuration read from standard input has its relative paths start at the
        # folder MkDocs runs in; elsewhere they start at the file's folder.
        return None
    docs = config.parent / str(data.get("docs_dir") or "docs")
    shared = nav_pages(data.get("nav"))
    plan = plan_shards(docs, generated, shared, count)
    if not plan:
        return None
    work = cache.resolve() / "shards"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = mkdocs_env(date)
    running = []
    logs = []
    for index, shard in enumerate(plan):
        excluded = work / f"excluded-{index}.txt"
        excluded.write_text("".join(f"{p}\n" for p in sorted(shard.excluded)), encoding="utf-8")
        log = work / f"log-{index}.txt"
        logs.append(log)
        command = [
            sys.executable,
            "-m",
            "parley.publish.mkdocs_cli",
            "build",
            "--clean",
            "--config-file",
            "-",
            "--site-dir",
            str(work / f"site-{index}"),
        ]
        if strict:
            command.append("--strict")
        given = shard_config(config, data, shard, shared, site_url)
        with open(log, "w", encoding="utf-8") as sink:
            child = subprocess.Popen(
                command,
                cwd=root,
                env={**env, EXCLUDED_ENV: str(excluded)},
                stdin=subprocess.PIPE,
                stdout=sink,
                stderr=subprocess.STDOUT,
                text=True,
            )
        assert child.stdin is not None
        child.stdin.write(given)
        child.stdin.close()
        running.append(child)
    statuses, cpu = [], []
    for child in running:
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        statuses.append(child.returncode)
        cpu.append(usage.ru_utime + usage.ru_stime)
    _show_logs(logs, sys.stderr)
    failed = next((s for s in statuses if s != 0), 0)
    if failed:
        return failed
    address = site_url or str(data.get("site_url") or "")
    started = time.process_time()
    try:
        merged = merge_sites([work / f"site-{i}" for i in range(len(plan))], site, address)
    except SiteMergeError as disagreement:
        print(f"INFO    -  Rendering in one process: {disagreement}", file=sys.stderr)
        return None
    level = _anchor_level(data)
    for problem in merged.problems if level else []:
        print(f"{level:<8}-  {problem}", file=sys.stderr)
    shares = ", ".join(f"{c:.1f}" for c in cpu)
    print(
        f"INFO    -  Documentation built in {len(plan)} processes (CPU seconds: {shares}) and "
        f"merged into {site} ({time.process_time() - started:.1f} s of CPU)",
        file=sys.stderr,
    )
    shutil.rmtree(work, ignore_errors=True)  # the shards' lists and logs, shown above
    if strict and level == "WARNING" and merged.problems:
        print(f"Aborted with {len(merged.problems)} warnings in strict mode!", file=sys.stderr)
        return 1
    return 0


def _anchor_level(data: dict[str, Any]) -> str | None:
    """How MkDocs reports a missing anchor with this configuration (``validation``: its
    ``anchors``, or ``links.anchors``; MkDocs' default is info)."""
    validation = data.get("validation")
    value: object = "info"
    if isinstance(validation, dict):
        links = validation.get("links")
        if isinstance(links, dict) and "anchors" in links:
            value = links["anchors"]
        value = validation.get("anchors", value)
    return {"warn": "WARNING", "info": "INFO"}.get(str(value))


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
