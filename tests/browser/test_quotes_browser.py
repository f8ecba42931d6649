"""Quote provenance as a reader meets it: from a news report's quotation to the transcript
paragraph and back, and the wording compared side by side."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

REPORT = "archive/transcripts/2021-07-02-news-lavrov-gulf-security-concept.html"
TRANSCRIPT = "2021-07-02-lavrov-bahrain.html"

Open = Callable[[str, str], Visit]


def test_a_quotation_links_to_its_transcript_paragraph_and_back(
    visit: Open, site_root: str
) -> None:
    page = visit(site_root, REPORT).page
    check = page.locator("li#quote-14-260")
    assert "Paraphrase" in check.inner_text()
    check.get_by_role("link", name="transcript ¶ 10").click()
    page.wait_for_url(f"**/{TRANSCRIPT}#p10")
    paragraph = page.locator("#p10")
    assert "specific proposals on how to move in this direction" in paragraph.inner_text()
    quoted_in = page.locator("#p10 + p.quoted-in")
    assert "Quoted in" in quoted_in.inner_text()
    quoted_in.get_by_role("link").first.click()
    page.wait_for_url("**/2021-07-02-news-lavrov-gulf-security-concept.html#quote-14-260")
    assert page.evaluate("document.querySelector(':target').id") == "quote-14-260"


def test_the_wording_is_compared_side_by_side_with_differences_marked(
    visit: Open, site_root: str
) -> None:
    page = visit(site_root, REPORT).page
    check = page.locator("li#quote-14-260")
    compare = check.locator(".quote-compare")
    assert not compare.is_visible()
    check.get_by_text("Compare the wording").click()
    assert compare.is_visible()
    report, transcript = compare.locator(":scope > div").all()
    assert "also concrete" in report.locator("del").all_inner_texts()
    assert "specific" in " ".join(transcript.locator("ins").all_inner_texts())
    left, right = report.bounding_box(), transcript.bounding_box()
    assert left and right and left["x"] < right["x"]  # side by side at desktop width


def test_the_coverage_index_lists_the_transcript_and_its_report(
    visit: Open, site_root: str
) -> None:
    page = visit(site_root, "index.html").page
    page.get_by_role("link", name="Quotations checked").click()
    page.wait_for_url("**/archive/quotes/index.html")
    row = page.locator("tr", has_text="Russia Working on Updated Concept")
    assert "Foreign Minister Sergey Lavrov" in row.inner_text()
    assert row.locator("td.count").all_inner_texts() == ["0", "0", "5", "1"]
