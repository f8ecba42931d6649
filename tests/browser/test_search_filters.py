"""The search page as a journalist uses it: filters with counts, the address, the trend, ranking.

"Every time the minister spoke about Syria with Iran in 2016" is
``search.html?q=syria&from=2016&to=2016&country=IR&kind=news-conference``. Each test runs over
HTTP and from disk (file://) where it says ``site_root``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

Open = Callable[[str, str], Visit]
SYRIA_IRAN = "2016-10-28-lavrov-syria-iran"
BAHRAIN = "2021-07-02-lavrov-bahrain"
NEWS = "2021-07-02-news-lavrov-gulf-security-concept"
IRAQ = "2020-11-25-lavrov-iraq"
ISRAEL = "2021-03-17-lavrov-israel"
#: An option's text: "Iran (3)".
COUNTED = re.compile(r"^(?P<label>.+) \((?P<count>\d+)\)$")


def open_search(visit: Open, root: str, query: str) -> Page:
    """The search page at ``search.html?<query>``, once its results are shown."""
    page = visit(root, f"search.html?{query}" if query else "search.html").page
    page.evaluate("() => window.parleySearch.pageReady")
    return page


def shown(page: Page) -> list[str]:
    """Ids of the documents shown, in order."""
    links = page.locator("#parley-search-results a.parley-result__title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [re.sub(r"^.*/([^/?#]+)\.html.*$", r"\1", link) for link in links]


def options(page: Page, name: str) -> dict[str, int]:
    """A filter's values with the count it shows for each (the "Any" choice left out), once
    the reader has turned to it (tabbed into it: its documents load then)."""
    page.locator(f"#parley-filter-{name}").focus()
    page.evaluate("() => window.parleySearch.filtersReady")
    found: dict[str, int] = {}
    for value, text in page.locator(f"#parley-filter-{name} option").evaluate_all(
        "os => os.map(o => [o.value, o.textContent])"
    ):
        if value:
            match = COUNTED.match(text)
            assert match, f"{name}={value} shows no count: {text!r}"
            found[value] = int(match["count"])
    return found


def facet_files(seen: Visit) -> list[str]:
    """The filters' files a page has loaded (``search/facets/<filter>.js``)."""
    found = (re.sub(r"^.*/search/facets/", "", u) for u in seen.requests if "/facets/" in u)
    return sorted(found)


def params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_the_journalists_question_from_the_address(visit: Open, site_root: str) -> None:
    page = open_search(
        visit, site_root, "q=syria&from=2016&to=2016&country=IR&kind=news-conference"
    )
    assert shown(page) == [SYRIA_IRAN]
    assert page.inner_text("#parley-search-status") == "1 result for “syria”."
    assert page.get_by_label("Words, names or a phrase").input_value() == "syria"
    for name, value in [("from", "2016"), ("to", "2016"), ("country", "IR")]:
        assert page.locator(f"#parley-filter-{name}").input_value() == value
    assert page.locator("#parley-filter-kind").input_value() == "news-conference"


@pytest.mark.parametrize(
    "name", ["from", "to", "source", "kind", "speaker", "country", "topic", "said"]
)
def test_each_filter_value_gives_as_many_results_as_its_count_says(
    visit: Open, http_root: str, name: str
) -> None:
    page = open_search(visit, http_root, "q=syria")
    counts = options(page, name)
    assert counts, f"the {name} filter offers nothing for “syria”"
    for value, count in list(counts.items())[:3]:  # the three most frequent values
        page.locator(f"#parley-filter-{name}").select_option(value)
        page.evaluate("() => window.parleySearch.pageReady")
        assert params(page)[name] == [value]
        assert len(shown(page)) == count, f"{name}={value}"
        page.go_back()
        page.evaluate("() => window.parleySearch.pageReady")
        assert name not in params(page)


def test_filters_narrow_each_other_and_count_with_the_others_applied(
    visit: Open, site_root: str
) -> None:
    page = open_search(visit, site_root, "q=syria&source=news")
    assert shown(page) == [NEWS]
    assert page.locator(".parley-result__news").all_inner_texts() == ["News report"]
    # the source filter still counts both values, the others only the news report
    assert options(page, "source") == {"transcript": 4, "news": 1}
    assert options(page, "kind") == {"article": 1}


def test_a_country_counts_as_counterpart_or_as_mentioned(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "q=syria&country=IR&countryas=counterpart")
    assert shown(page) == [SYRIA_IRAN]
    page = open_search(visit, site_root, "q=syria&country=IR&countryas=mentioned")
    assert len(shown(page)) == 5


def test_the_speaker_filter_keeps_the_questions_and_says_so(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "q=syria&said=question")
    assert shown(page) == [SYRIA_IRAN, BAHRAIN, ISRAEL]
    whos = page.locator(".parley-result__who").all_inner_texts()
    assert whos and all(re.fullmatch(r"¶ \d+ · Question", w) for w in whos), whos
    page = open_search(visit, site_root, "q=syria&said=main")
    whos = page.locator(".parley-result__who").all_inner_texts()
    assert whos and all(w.endswith(" · Sergey Lavrov") for w in whos), whos


def test_browsing_with_no_words(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "")
    assert page.inner_text("#parley-search-status") == (
        "5 documents in the archive: type words, or choose a filter to list them."
    )
    assert shown(page) == []
    assert options(page, "source") == {"transcript": 4, "news": 1}
    page = open_search(visit, site_root, "from=2020")
    assert page.inner_text("#parley-search-status") == "4 documents, newest first."
    assert shown(page) == [BAHRAIN, NEWS, ISRAEL, IRAQ]
    page = open_search(visit, site_root, "country=IR&countryas=counterpart&from=2016")
    assert shown(page) == [SYRIA_IRAN]
    assert page.locator("#parley-filter-said").is_disabled()


def test_back_and_forward_walk_through_the_searches(visit: Open, site_root: str) -> None:
    page = open_search(visit, site_root, "q=syria")
    page.locator("#parley-filter-from").select_option("2021")
    page.evaluate("() => window.parleySearch.pageReady")
    assert shown(page) == [BAHRAIN, NEWS, ISRAEL]
    page.locator("#parley-filter-source").focus()  # its values load when the reader turns to it
    page.locator("#parley-filter-source").select_option("news")
    page.evaluate("() => window.parleySearch.pageReady")
    assert shown(page) == [NEWS]
    assert params(page) == {"q": ["syria"], "from": ["2021"], "source": ["news"]}
    page.go_back()
    page.evaluate("() => window.parleySearch.pageReady")
    assert shown(page) == [BAHRAIN, NEWS, ISRAEL]
    assert page.locator("#parley-filter-source").input_value() == ""
    page.go_forward()
    page.evaluate("() => window.parleySearch.pageReady")
    assert shown(page) == [NEWS]


def test_the_trend_counts_matching_paragraphs_per_year_and_a_click_filters(
    visit: Open, site_root: str
) -> None:
    page = open_search(visit, site_root, "q=Bahrain")
    assert page.inner_text("#parley-trend-heading") == "Trend: matching paragraphs per year"
    bars = page.locator("#parley-search-trend svg a.parley-trend__year")
    assert bars.evaluate_all("as => as.map(a => a.dataset.year)") == ["2021"]
    rows = page.locator("#parley-search-trend table tbody tr").evaluate_all(
        "rs => rs.map(r => [...r.cells].map(c => c.textContent))"
    )
    paragraphs = page.evaluate(
        "() => [...document.querySelectorAll('.parley-result__more summary')].reduce("
        "(n, s) => n + Number(s.textContent.split(' ')[0]), 0)"
        " + document.querySelectorAll('#parley-search-results li').length"
    )
    assert rows[-1] == ["2021", str(paragraphs)]
    assert all(count == "0" for _, count in rows[:-1])
    page = open_search(visit, site_root, "q=syria")
    page.locator("#parley-search-trend a.parley-trend__year[data-year='2016']").click()
    page.evaluate("() => window.parleySearch.pageReady")
    assert params(page) == {"q": ["syria"], "from": ["2016"], "to": ["2016"]}
    assert shown(page) == [SYRIA_IRAN]
    assert page.inner_text("#parley-trend-heading") == "Trend: matching paragraphs per month"
    months = page.locator("#parley-search-trend table tbody th").evaluate_all(
        "ths => ths.map(th => th.textContent)"
    )
    assert months == [f"2016-{m:02d}" for m in range(1, 13)]


@pytest.mark.parametrize(
    ("query", "order"),
    [
        # the title and counterparts count most: the report titled "Security ..." comes first
        ("security", [NEWS, BAHRAIN, ISRAEL, IRAQ, SYRIA_IRAN]),
        # Syria as counterpart and in the title first; the rest by their best paragraphs (the
        # country's weight in each: "Syria", "Syrian", "Damascus" and the like together)
        ("syria", [SYRIA_IRAN, BAHRAIN, NEWS, IRAQ, ISRAEL]),
        # the talks with Bahrain, then the report of them
        ("Bahrain", [BAHRAIN, NEWS]),
    ],
)
def test_ranking_of_a_few_queries_is_pinned(
    visit: Open, http_root: str, query: str, order: list[str]
) -> None:
    assert shown(open_search(visit, http_root, f"q={query}")) == order


def test_a_filters_documents_load_when_the_reader_turns_to_it(visit: Open, site_root: str) -> None:
    # they grow with the archive: opening the page and searching load none of them
    seen = visit(site_root, "search.html?q=syria")
    page = seen.page
    page.evaluate("() => window.parleySearch.pageReady")
    assert facet_files(seen) == []
    assert page.locator("#parley-filter-kind option").all_inner_texts() == ["Any"]
    assert page.locator("#parley-filter-from option").count() > 1  # years come with the index
    # tabbing into a filter loads its documents and counts this search's results for each value
    assert options(page, "kind") == {"news-conference": 4, "article": 1}
    assert facet_files(seen) == ["kind.js"]
    assert page.locator("#parley-filter-topic option").all_inner_texts() == ["Any"]
    assert options(page, "country")["IR"] == 5
    assert facet_files(seen) == ["counterpart.js", "kind.js", "mentioned.js"]
    # a filter in the address loads its own documents only
    seen = visit(site_root, "search.html?q=syria&source=news")
    seen.page.evaluate("() => window.parleySearch.pageReady")
    assert facet_files(seen) == ["source.js"]
    assert shown(seen.page) == [NEWS]
