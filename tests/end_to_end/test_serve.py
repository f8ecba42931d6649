"""Live preview: ``build_site.py --serve`` serves the site, and an edited transcript shows up in
its page without restarting anything."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.sitebuild import BUILD_SITE, stage_inputs

PAGE = "archive/transcripts/2021-03-17-lavrov-israel.html"
ADDED = "A sentence added while the preview was running, to see it reloaded."
#: Generous limits: they only bound a failing test, a passing one returns as soon as it can.
START_LIMIT, CHANGE_LIMIT = 180.0, 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(check: Callable[[], bool], limit: float, server: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        if check():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[bytes]]]:
    root = stage_inputs(tmp_path / "repo")
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, str(BUILD_SITE), "--serve", "--port", str(port), "--quiet"],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield root, f"http://127.0.0.1:{port}/", server
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def test_an_edited_transcript_shows_up_in_the_served_page(
    preview: tuple[Path, str, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    root, base, server = preview
    log = tmp_path / "serve.log"

    def page() -> str | None:
        return fetch(base + PAGE)

    assert wait_for(lambda: page() is not None, START_LIMIT, server), log.read_text()[-2000:]
    before = page()
    assert before is not None and "Sergey Lavrov" in before and ADDED not in before

    source = root / "transcripts" / "2021-03-17-lavrov-israel.txt"
    head, chrome, rest = source.read_text(encoding="utf-8").rpartition("\n\nAdditional materials")
    assert chrome, "the sample lost its chrome line"
    source.write_text(f"{head}\n\n{ADDED}{chrome}{rest}", encoding="utf-8")

    assert wait_for(lambda: ADDED in (page() or ""), CHANGE_LIMIT, server), log.read_text()[-2000:]
