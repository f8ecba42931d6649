"""The site under a sub-path, as GitHub Pages serves a project: ``https://owner.github.io/repo/``.

Every HTTP browser test already runs under ``/archive/`` (``http_root``), and a request that
leaves it fails the test. These follow what only the sub-path can break: the 404 page, which the
host serves at any address, and leaving it for the home page and the search.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Callable

import pytest

from tests.browser.checks import serious_violations
from tests.browser.conftest import Visit
from tests.browser.test_search_browser import result_links, search
from tests.support.sitebuild import SUB_PATH

pytestmark = pytest.mark.browser

Open = Callable[[str, str], Visit]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_the_server_keeps_to_its_sub_path(http_root: str) -> None:
    """The test server itself can fail a link that escapes the sub-path."""
    assert http_root.endswith(SUB_PATH)
    assert _status(http_root + "index.html") == 200
    assert _status(http_root.removesuffix(SUB_PATH) + "/index.html") == 404


@pytest.mark.parametrize("path", ["no-such-page.html", "archive/transcripts/gone.html", "a/b/c/"])
def test_a_missing_page_gets_a_styled_404_page_whose_every_resource_loads(
    visit: Open, http_root: str, path: str
) -> None:
    seen = visit(http_root, path)
    page = seen.page
    assert page.locator("h1").first.inner_text().strip().startswith("404")
    loaded = [url for url in seen.requests if not url.startswith("data:")]
    assert any(url.endswith(".css") for url in loaded), loaded
    failed = [url for url in loaded[1:] if _status(url) != 200]  # [0] is the missing page
    assert not failed, failed
    # The theme's style sheet applied: the header is the palette's colour, not the default.
    background = page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
    )
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    outside = [h for h in hrefs if h.startswith("http://127.0.0.1") and not h.startswith(http_root)]
    assert not outside, outside


def test_from_the_404_page_home_and_search_work(visit: Open, http_root: str) -> None:
    page = visit(http_root, "archive/nowhere.html").page
    page.get_by_role("link", name="Search", exact=True).first.click()
    page.wait_for_url(http_root + "search.html")
    found = search(page, "Astana format")
    assert int(found["count"]) >= 1
    assert all(link.startswith("archive/transcripts/") for link in result_links(page))
    page.locator("a.parley-result__title").first.click()
    page.wait_for_url(
        re.compile(re.escape(http_root) + r"archive/transcripts/[^/?#]+\.html(\?[^#]*)?#p\d+$")
    )
    page.get_by_role("link", name="Home", exact=True).first.click()
    page.wait_for_url(http_root + "index.html")


def test_the_404_page_has_no_serious_accessibility_violation(visit: Open, http_root: str) -> None:
    page = visit(http_root, "missing.html").page
    assert serious_violations(page) == []
