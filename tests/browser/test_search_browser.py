"""The site's own search in Chromium, over HTTP and from disk: find, read the snippet, open.

Uses the browser fixtures of ``tests/browser/conftest.py``: every page is opened in a fresh
context, every request it makes is recorded (a request that leaves the site fails the test), and
a failing test leaves a screenshot in ``test-results/``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Page, Route

from parley.search.index import PART
from parley.search.tokens import terms
from tests.browser.checks import serious_violations
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

Open = Callable[[str, str], Visit]
VECTORS = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "search" / "tokenizer_vectors.json").read_text(
        "utf-8"
    )
)
SYRIA_IRAN = "2016-10-28-lavrov-syria-iran"
BAHRAIN = "2021-07-02-lavrov-bahrain"
#: The status line once results are shown: "3 results for “Astana format”."
RESULTS = re.compile(r"^(?P<count>\d+) results? for “(?P<query>.*)”\.$")
LABEL = "Words, names or a phrase"


def search(page: Page, query: str) -> re.Match[str]:
    """Type ``query`` into the search box as a user would; wait for the results line."""
    box = page.get_by_label(LABEL)
    box.click()
    box.press_sequentially(query)
    status = page.locator("#parley-search-status")
    page.wait_for_function(
        "q => document.getElementById('parley-search-status').textContent.includes(q)",
        arg=f"“{query}”",
    )
    page.evaluate("() => window.parleySearch.pageReady")  # the results shown one by one
    found = RESULTS.match(status.inner_text())
    assert found, f"no results line: {status.inner_text()!r}"
    return found


def result_links(page: Page) -> list[str]:
    """The results' addresses without the words to mark (``?h=...``)."""
    links = page.locator("#parley-search-results a.parley-result__title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [re.sub(r"\?h=[^#]*", "", link) for link in links]


def test_browser_tokenizer_gives_the_shared_vectors_terms(visit: Open, http_root: str) -> None:
    page = visit(http_root, "search.html").page
    page.evaluate("() => window.parleySearch.ready()")
    actual = page.evaluate(
        """vectors => vectors.terms.map(v => ({
               terms: parleySearch.tokens(v.text),
               spans: parleySearch.spans(v.text).map(s => s.term),
               folded: parleySearch.spans(v.text).every(
                   s => parleySearch.fold(v.text.slice(s.start, s.end)).includes(s.word)),
           }))""",
        VECTORS,
    )
    for vector, got in zip(VECTORS["terms"], actual, strict=True):
        assert got["terms"] == vector["terms"], vector["case"]
        assert got["spans"] == vector["terms"], vector["case"]
        assert got["folded"], vector["case"]
    stems = page.evaluate(
        "words => words.map(w => parleySearch.stem(w))", [w for w, _ in VECTORS["stem"]]
    )
    assert stems == [s for _, s in VECTORS["stem"]]


@pytest.mark.parametrize(
    ("query", "first", "passage"),
    [
        ("Zarif", SYRIA_IRAN, "zarif"),
        ("Aleppo", SYRIA_IRAN, "aleppo"),
        ("Astana format", None, "astana format"),
        ('"Astana format"', None, "astana format"),
        ("Bahrain", BAHRAIN, "bahrain"),
    ],
)
def test_search_finds_the_transcript_and_opens_the_matching_paragraph(
    visit: Open, site_root: str, query: str, first: str | None, passage: str
) -> None:
    page = visit(site_root, "search.html").page
    found = search(page, query)
    assert int(found["count"]) >= 1
    links = result_links(page)
    assert len(links) == min(int(found["count"]), 10)
    if first is not None:
        assert links[0].startswith(f"archive/transcripts/{first}.html#p")
    snippet = page.locator(".parley-result__snippet").first
    marked = " ".join(snippet.locator("mark").all_inner_texts()).lower()
    assert passage.split()[0] in marked
    page.locator("a.parley-result__title").first.click()
    page.wait_for_url(re.compile(r"/archive/transcripts/[^/?]+\.html\?h=[^#]+#p\d+$"))
    fragment = urlsplit(page.url).fragment
    assert page.evaluate("document.querySelector(':target').id") == fragment
    text = " ".join(page.locator(f"#{fragment}").inner_text().lower().split())
    assert passage in text


def test_astana_format_finds_every_sample_that_names_it(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html").page
    assert search(page, "Astana format")["count"] == "3"
    assert sorted(link.split("#")[0] for link in result_links(page)) == [
        "archive/transcripts/2020-11-25-lavrov-iraq.html",
        "archive/transcripts/2021-03-17-lavrov-israel.html",
        "archive/transcripts/2021-07-02-lavrov-bahrain.html",
    ]


def test_no_more_button_when_every_result_is_shown(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html").page
    search(page, "Astana format")
    assert not page.locator("#parley-search-more").is_visible()


def test_a_quoted_phrase_needs_its_words_together(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html").page
    page.get_by_label(LABEL).fill('"format Astana"')
    status = page.locator("#parley-search-status")
    status.filter(has_text="not as a phrase").wait_for()
    assert status.inner_text() == (
        'No results for “"format Astana"”: 3 transcripts have its words in one paragraph,'
        " but not as a phrase."
    )
    assert result_links(page) == []


def test_unknown_words_say_so(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html").page
    page.get_by_label(LABEL).fill("qwxyzzy")
    page.locator("#parley-search-status").filter(has_text="qwxyzzy").wait_for()
    assert page.inner_text("#parley-search-status") == "No results for “qwxyzzy”."


def test_a_word_being_typed_is_completed(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html").page
    found = search(page, "Zari")
    assert int(found["count"]) >= 1
    assert result_links(page)[0].startswith(f"archive/transcripts/{SYRIA_IRAN}.html#p")


def test_the_query_in_the_address_runs_the_search(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html?q=Aleppo").page
    status = page.locator("#parley-search-status")
    status.filter(has_text="Aleppo").wait_for()
    assert RESULTS.match(status.inner_text())
    assert page.get_by_label(LABEL).input_value() == "Aleppo"


def test_the_address_keeps_the_query_for_a_link(visit: Open, http_root: str) -> None:
    page = visit(http_root, "search.html").page
    search(page, "Bahrain")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["Bahrain"]}


def test_snippets_are_text_and_marks_only(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html").page
    search(page, "Syria")
    kinds = page.evaluate(
        """() => [...document.querySelectorAll('#parley-search-results li')].flatMap(
               li => [...li.querySelectorAll('p.parley-result__snippet, h2 a')].flatMap(
                   p => [...p.childNodes].map(n => n.nodeType === 3 ? '#text' : n.nodeName)))"""
    )
    assert set(kinds) == {"#text", "MARK"}


def test_keyboard_alone_searches_and_opens_a_result(visit: Open, site_root: str) -> None:
    page = visit(site_root, "search.html").page
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "parley-search-input":
            break
    else:
        pytest.fail("the search box cannot be reached with the Tab key")
    page.keyboard.type("Aleppo")
    page.keyboard.press("Enter")
    page.locator("#parley-search-status").filter(has_text="Aleppo").wait_for()
    page.keyboard.press("ArrowDown")
    focused = re.sub(r"\?h=[^#]*", "", page.evaluate("document.activeElement.getAttribute('href')"))
    assert focused.startswith(f"archive/transcripts/{SYRIA_IRAN}.html#p")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#p\d+$"))
    assert "aleppo" in page.locator(":target").inner_text().lower()


def test_search_page_with_results_has_no_serious_accessibility_violation(
    visit: Open, http_root: str
) -> None:
    page = visit(http_root, "search.html").page
    search(page, "Zarif")
    serious = serious_violations(page)
    assert not serious, "\n".join(serious)


def test_a_missing_index_is_reported_not_hidden(visit: Open, http_root: str) -> None:
    page = visit(http_root, "index.html").page
    page.route("**/archive/search/manifest.js", lambda route: route.abort())
    page.goto(http_root + "search.html?q=Zarif")
    status = page.locator("#parley-search-status")
    status.filter(has_text="not available").wait_for()
    assert status.inner_text() == (
        "Search is not available: could not load archive/search/manifest.js."
    )


def test_a_phrase_shows_each_verified_result_while_the_others_are_checked(
    visit: Open, http_root: str
) -> None:
    # the order the phrase's results come in, then the same search with the text of every
    # document but the best held back: the best is shown, verified, and the status says so
    seen = visit(http_root, 'search.html?q="Astana format"')
    seen.page.evaluate("() => window.parleySearch.pageReady")
    best = re.sub(r"^.*/([^/?#]+)\.html.*$", r"\1", result_links(seen.page)[0])
    page = seen.page
    held: list[Route] = []
    released: list[bool] = []

    def hold(route: Route) -> None:
        if released or f"/search/docs/{best}" in route.request.url:
            route.continue_()
        else:
            held.append(route)

    page.route("**/search/docs/**", hold)
    page.goto(http_root + 'search.html?q="Astana format"', wait_until="commit")
    status = page.locator("#parley-search-status")
    status.filter(has_text="so far; checking").wait_for()
    assert status.inner_text().startswith('At least 1 result for “"Astana format"” so far')
    assert result_links(page) == result_links(seen.page)[:1]
    assert page.locator("#parley-search-results mark").filter(has_text="Astana format").count()
    assert held, "no other document's text was asked for"
    released.append(True)
    for route in held:
        route.continue_()
    page.evaluate("() => window.parleySearch.pageReady")
    assert status.inner_text() == '3 results for “"Astana format"”.'
    assert result_links(page) == result_links(seen.page)


def phrase_parts(site: Path, words: set[str]) -> list[str]:
    """The text files a phrase may need: of each document with a paragraph holding all its
    words, the head (part 0) and the parts of those paragraphs."""
    needed = set()
    for path in (site / "archive" / "search" / "docs").rglob("*.js"):
        script = path.read_text("utf-8")
        data = json.loads(script[script.index("{") : script.rindex("}") + 1])
        for k, text in enumerate(data["p"]):
            if words <= set(terms(text)):
                doc = path.relative_to(site / "archive" / "search" / "docs").parts[0]
                doc = doc.removesuffix(".js")
                part = (data["f"] + k - 1) // PART
                needed |= {f"{doc}.js", f"{doc}.js" if part == 0 else f"{doc}/{part}.js"}
    return sorted(needed)


def test_a_phrase_reads_only_the_paragraphs_holding_its_words(
    visit: Open, site_root: str, sample_site: Path
) -> None:
    seen = visit(site_root, 'search.html?q="Astana format"')
    seen.page.evaluate("() => window.parleySearch.pageReady")
    texts = sorted(
        unquote(re.sub(r"^.*/search/docs/", "", url))
        for url in seen.requests
        if "/search/docs/" in url
    )
    # the heads of the three results, and no part without a paragraph holding both words
    heads = {re.sub(r"^.*/([^/?#]+)\.html.*$", r"\1.js", link) for link in result_links(seen.page)}
    assert len(heads) == 3
    assert heads <= set(texts) <= set(phrase_parts(sample_site, {"astana", "format"}))
