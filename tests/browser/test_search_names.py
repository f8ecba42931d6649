"""Names in any spelling, a typo, a foreign script, who says a paragraph, the header box, and the
searched words marked on the page a result opens; over HTTP and from disk (file://)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

Open = Callable[[str, str], Visit]
SYRIA_IRAN = "2016-10-28-lavrov-syria-iran"
#: The Syria-Iran transcript's short title (its official one runs to 316 characters).
SHORT = "Lavrov – Muallem, Zarif · Moscow · 28 Oct 2016"
ALL_FIVE = 5


def open_search(visit: Open, root: str, query: str) -> Page:
    page = visit(root, f"search.html?q={query}").page
    page.evaluate("() => window.parleySearch.pageReady")
    return page


def shown(page: Page) -> list[str]:
    links = page.locator("#parley-search-results a.parley-result__title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [re.sub(r"^.*/([^/?#]+)\.html.*$", r"\1", link) for link in links]


@pytest.mark.parametrize(
    ("query", "count", "marked"),
    [
        # the data files' other spellings lead to the person, the group, the country
        ("Sergei Lavrov", ALL_FIVE, "lavrov"),
        ("Moallem", 1, "muallem"),
        ("ISIL", 3, "daesh"),
        ("Syrian", ALL_FIVE, "syria"),
        ("SY", ALL_FIVE, "syria"),
    ],
)
def test_a_name_in_any_spelling_finds_the_entity(
    visit: Open, site_root: str, query: str, count: int, marked: str
) -> None:
    page = open_search(visit, site_root, query.replace(" ", "+"))
    assert page.inner_text("#parley-search-status") == (
        f"{count} result{'s' if count > 1 else ''} for “{query}”."
    )
    marks = " ".join(page.locator("#parley-search-results mark").all_inner_texts()).lower()
    assert marked in marks


def test_a_country_code_in_lower_case_is_only_a_word(visit: Open, http_root: str) -> None:
    page = open_search(visit, http_root, "sy")
    assert page.inner_text("#parley-search-status") == "No results for “sy”."


def test_a_typo_gets_a_suggestion_that_searches(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "Lavorv")
    assert page.inner_text("#parley-search-status") == "No results for “Lavorv”."
    note = page.locator("#parley-search-note")
    note.filter(has_text="Did you mean").wait_for()
    assert note.inner_text() == "Did you mean Lavrov?"
    note.get_by_role("link").click()
    page.evaluate("() => window.parleySearch.pageReady")
    assert page.inner_text("#parley-search-status") == "5 results for “Lavrov”."


def test_a_suggestion_is_a_word_as_written_never_a_stem(visit: Open, http_root: str) -> None:
    """The index holds stems ("situat"); "did you mean" offers a word of the texts."""
    page = open_search(visit, http_root, "situatn")
    note = page.locator("#parley-search-note")
    note.filter(has_text="Did you mean").wait_for()
    word = note.get_by_role("link").inner_text()
    assert word in ("situation", "situations"), word
    note.get_by_role("link").click()
    page.evaluate("() => window.parleySearch.pageReady")
    status = page.inner_text("#parley-search-status")
    assert re.fullmatch(r"\d+ results? for “" + word + r"”\.", status), status


def test_a_query_in_a_script_the_archive_does_not_hold_says_so(visit: Open, http_root: str) -> None:
    page = open_search(visit, http_root, "Лавров")
    note = page.locator("#parley-search-note")
    assert note.inner_text() == (
        "The archive holds no text in Cyrillic script: search for words as the transcripts "
        "write them, in Latin script."
    )


def test_a_question_paragraph_says_it_is_a_question(visit: Open, site_root: str) -> None:
    # "export" of terrorists is asked about in paragraph 23, a journalist's question
    page = open_search(visit, site_root, "export+terrorists")
    first = page.locator("#parley-search-results li").first
    assert first.locator(".parley-result__who").inner_text() == "¶ 23 · Question"
    classes = first.locator(".parley-result__para").get_attribute("class") or ""
    assert "parley-result__para--question" in classes.split()


def test_every_matching_paragraph_is_behind_n_more(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "Zarif")
    result = page.locator("#parley-search-results li").first
    summary = result.locator(".parley-result__more summary")
    more = int(summary.inner_text().split()[0])
    summary.click()
    blocks = result.locator(".parley-result__more .parley-result__para")
    blocks.nth(more - 1).wait_for()
    assert blocks.count() == more
    for text in blocks.locator(".parley-result__snippet").all_inner_texts():
        assert "zarif" in text.lower()


def test_the_landing_page_marks_the_searched_words(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "Aleppo")
    page.locator("a.parley-result__title").first.click()
    page.wait_for_url(re.compile(r"\?h=aleppo#p\d+$"))
    page.evaluate("() => window.parleySearch.highlighted")
    target = page.locator(":target")
    assert [m.lower() for m in target.locator("mark.parley-hit").all_inner_texts()] == [
        "aleppo"
    ] * (target.inner_text().lower().count("aleppo"))
    assert page.locator("article mark.parley-hit").count() >= 2


def test_the_header_box_on_a_transcript_page(visit: Open, site_root: str) -> None:
    page = visit(site_root, f"archive/transcripts/{SYRIA_IRAN}.html").page
    box = page.locator("header #parley-header-search").get_by_role("searchbox")
    assert box.get_attribute("aria-label") == "Search the transcripts"
    box.press_sequentially("Moallem")
    quick = page.locator("#parley-header-results")
    # the box answers as you type ("Moa" first): wait for the answer to the whole word
    quick.locator(".parley-header__all", has_text="“Moallem”").wait_for()
    assert quick.locator("li").all_inner_texts()[-1] == "All 1 result for “Moallem”"
    # the short title the page shows, with the date and kind; the official one on hover
    first = quick.locator("li").first.inner_text().split("\n")
    assert first == [SHORT, "28 October 2016 · news conference"]
    assert (quick.locator(".parley-header__title").first.get_attribute("title") or "").startswith(
        "Foreign Minister Sergey Lavrov’s remarks"
    )
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q=Moallem$"))
    page.evaluate("() => window.parleySearch.pageReady")
    assert page.inner_text("#parley-search-status") == "1 result for “Moallem”."
    assert shown(page) == [SYRIA_IRAN]


def test_the_header_box_is_on_every_kind_of_page(visit: Open, http_root: str) -> None:
    for path in ["index.html", "archive/countries/index.html", "about.html"]:
        page = visit(http_root, path).page
        form = page.locator("header form#parley-header-search")
        assert (form.get_attribute("action") or "").endswith("search.html"), path
        assert form.locator("input[name=q]").is_visible(), path


def test_a_result_shows_the_short_title_with_date_and_kind(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "Moallem")
    result = page.locator("#parley-search-results li").first
    title = result.locator("a.parley-result__title")
    assert title.inner_text() == SHORT
    assert (title.get_attribute("title") or "").startswith(
        "Foreign Minister Sergey Lavrov’s remarks"
    )
    assert (
        result.locator(".parley-result__meta")
        .inner_text()
        .startswith("28 October 2016 · News conference · with Walid Muallem (Syria)")
    )
    # a headline short enough to read is shown as it is, with no second title
    page = open_search(visit, site_root, "Persian Gulf")
    titles = page.locator("#parley-search-results a.parley-result__title")
    news = titles.filter(has_text="Russia Working on Updated Concept")
    assert news.count() == 1
    assert news.get_attribute("title") is None


def test_on_a_phone_the_header_box_opens_from_the_magnifier(visit: Open, site_root: str) -> None:
    page = visit(site_root, f"archive/transcripts/{SYRIA_IRAN}.html").page
    page.set_viewport_size({"width": 390, "height": 844})
    box = page.locator("#parley-header-input")
    toggle = page.locator("#parley-header-toggle")
    title = page.locator(".md-header__title")
    # folded: the site's title keeps its room (it was squeezed to "P…" by the box)
    assert not box.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert title.bounding_box()["width"] >= 390 * 0.4  # type: ignore[index]
    toggle.click()
    assert box.is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "parley-header-input"
    assert box.bounding_box()["width"] >= 390 * 0.7  # type: ignore[index]
    box.press_sequentially("Moallem")
    quick = page.locator("#parley-header-results")
    quick.locator(".parley-header__all", has_text="“Moallem”").wait_for()
    assert quick.locator("li").first.inner_text().startswith(SHORT)
    page.keyboard.press("Escape")
    assert not box.is_visible()
    assert page.evaluate("document.activeElement.id") == "parley-header-toggle"
    # at a desktop width the box is in the header and the button is not
    page.set_viewport_size({"width": 1280, "height": 900})
    assert box.is_visible()
    assert not toggle.is_visible()
