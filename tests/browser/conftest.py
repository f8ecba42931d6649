"""Browser fixtures: Debian's Chromium driven by Playwright, the site over HTTP and from disk.

Nothing is downloaded: Playwright launches ``/usr/bin/chromium`` (installed by
``scripts/setup.sh --test``). Every request a page makes is recorded, so a test can assert that
no request leaves the site. A failing test leaves a screenshot in ``test-results/``.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.sitebuild import REPO, SUB_PATH

RESULTS = REPO / "test-results"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/setup.sh --test (installs Debian's chromium)"
        )
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under ``SUB_PATH`` only, as GitHub Pages serves a project's site: a
    missing page there gets the site's ``404.html`` with status 404; anything outside it is
    another site's, and a bare 404 here."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "not-under-the-sub-path" / "missing")
        return super().translate_path("/" + path[len(SUB_PATH) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not self.path.startswith(SUB_PATH) or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def http_root(sample_site: Path) -> Iterator[str]:
    """The sample site served on 127.0.0.1 at a free port under ``SUB_PATH`` (built for that
    address, see ``sample_build``); yields its base URL, ``http://127.0.0.1:PORT/archive/``."""
    handler = functools.partial(_SubPathHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def file_root(sample_site: Path) -> str:
    """The sample site opened from disk; yields its base URL."""
    return sample_site.resolve().as_uri() + "/"


@pytest.fixture(params=["http", "file"])
def site_root(request: pytest.FixtureRequest) -> str:
    """Each test that uses it runs twice: over HTTP and from disk."""
    name = "http_root" if request.param == "http" else "file_root"
    return str(request.getfixturevalue(name))


@dataclass
class Visit:
    """A browser page plus every request it made."""

    page: Page
    root: str
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the site itself (over HTTP: anything outside its sub-path,
        such as ``/index.html``)."""
        base = urlsplit(self.root)
        foreign = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if base.scheme == "file":
                if parts.scheme != "file" or not parts.path.startswith(base.path):
                    foreign.append(url)
            elif (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not (
                parts.path.startswith(base.path)
            ):
                foreign.append(url)
        return foreign


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def visit(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[..., Visit]]:
    """Open ``root + path`` in a fresh context (its system colour scheme ``scheme``, its storage
    empty); screenshot on failure; no foreign requests."""
    opened: list[Visit] = []

    def open_page(root: str, path: str, scheme: str = "light") -> Visit:
        context = browser.new_context(
            viewport={"width": 1280, "height": 900},
            color_scheme=scheme,  # type: ignore[arg-type]
        )
        page = context.new_page()
        seen = Visit(page, root)
        page.on("request", lambda r: seen.requests.append(r.url))
        page.goto(root + path, wait_until="load")
        opened.append(seen)
        return seen

    yield open_page
    failed = getattr(request.node, "report_call", None)
    for n, seen in enumerate(opened):
        if failed is not None and failed.failed:
            RESULTS.mkdir(exist_ok=True)
            name = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
            seen.page.screenshot(path=str(RESULTS / f"{name}-{n}.png"), full_page=True)
        foreign = seen.foreign_requests()
        seen.page.context.close()
        assert not foreign, f"requests left the site: {foreign}"
