"""A reader's paths through the built site, in Chromium, over HTTP and from disk."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.checks import serious_violations
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

SYRIA_IRAN = "archive/transcripts/2016-10-28-lavrov-syria-iran.html"
BAHRAIN = "archive/transcripts/2021-07-02-lavrov-bahrain.html"

Open = Callable[[str, str], Visit]


def test_home_to_country_to_transcript(visit: Open, site_root: str) -> None:
    seen = visit(site_root, "index.html")
    page = seen.page
    page.get_by_role("link", name="Countries", exact=True).first.click()
    page.wait_for_url("**/archive/countries/index.html")
    page.get_by_role("link", name="Syria", exact=True).first.click()
    page.wait_for_url("**/archive/countries/sy.html")
    page.locator(f"a[href$='{SYRIA_IRAN.split('/')[-1]}']").first.click()
    page.wait_for_url(f"**/{SYRIA_IRAN}")
    assert "Walid Muallem" in page.locator("article").inner_text()


def test_paragraph_permalink_targets_its_paragraph(visit: Open, site_root: str) -> None:
    page = visit(site_root, SYRIA_IRAN).page
    permalink = page.locator("#p5 a.permalink")
    permalink.click()
    assert page.url.endswith("#p5")
    assert page.evaluate("document.querySelector(':target').id") == "p5"
    # Opening the permalink afresh lands on the same paragraph.
    page.goto(page.url)
    assert page.evaluate("document.querySelector(':target').id") == "p5"


def test_annotation_is_highlighted_and_linked_both_ways(visit: Open, site_root: str) -> None:
    page = visit(site_root, BAHRAIN).page
    mark = page.locator("mark.annotated").first
    assert mark.is_visible()
    mark.locator("a").click()
    target = page.evaluate("document.querySelector(':target').id")
    assert target.startswith("note-")
    note = page.locator(f"#{target}")
    assert note.is_visible()
    note.locator("a[href^='#mark-']").click()
    assert page.evaluate("document.querySelector(':target').id").startswith("mark-")


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "search.html",
        "archive/countries/index.html",
        "archive/countries/sy.html",
        "archive/topics/syrian-settlement.html",
        "archive/annotations/index.html",
        SYRIA_IRAN,
        BAHRAIN,
        "archive/transcripts/2021-07-02-news-lavrov-gulf-security-concept.html",
    ],
)
def test_no_serious_accessibility_violation(visit: Open, http_root: str, path: str) -> None:
    page = visit(http_root, path).page
    serious = serious_violations(page)
    assert not serious, "\n".join(serious)


def test_keyboard_alone_reaches_and_opens_a_transcript(visit: Open, site_root: str) -> None:
    page = visit(site_root, "index.html").page
    for _ in range(120):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "document.activeElement && document.activeElement.getAttribute('href')"
        )
        if href and "archive/transcripts/" in href:
            break
    else:
        pytest.fail("no transcript link reachable with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_url("**/archive/transcripts/*.html")


def test_printing_a_transcript_prints_text_and_metadata_not_navigation(
    visit: Open, http_root: str
) -> None:
    page = visit(http_root, SYRIA_IRAN).page
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "[...document.querySelectorAll('.md-sidebar, .md-header, .md-footer')]"
        ".every(e => getComputedStyle(e).display === 'none')"
    )
    assert hidden
    text = page.locator("article").inner_text()
    assert "Walid Muallem" in text and "28 October 2016" in text
