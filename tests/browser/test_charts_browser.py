"""The world map and the charts in Chromium: seen in light and dark mode and in print, named
for screen readers, and followed by mouse and keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.browser.checks import serious_violations
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

Open = Callable[..., Visit]
COUNTRIES = "archive/countries/index.html"
SYRIA = "archive/countries/sy.html"

#: The relative luminance (WCAG 2) of a computed CSS colour "rgb(r, g, b)".
LUMINANCE = """(color) => {
  const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(Number).map((c) => {
    c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


def luminance(page: Page, selector: str, prop: str) -> float:
    color = page.evaluate(f"(s) => getComputedStyle(document.querySelector(s)).{prop}", selector)
    return float(page.evaluate(LUMINANCE, color))


def contrast(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def open_in(visit: Open, root: str, path: str, scheme: str) -> Page:
    # A new context with the system's scheme set before the first load: the theme keeps the
    # first palette it chose in the site's storage, so switching the scheme of a page already
    # open raced with that write (the page stayed light once in a CI run).
    page = visit(root, path, scheme).page
    expected = "slate" if scheme == "dark" else "default"
    # the theme applies the palette of the media query after the page loads
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{expected}'")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_reads_in_light_and_dark_mode(visit: Open, http_root: str, scheme: str) -> None:
    page = open_in(visit, http_root, COUNTRIES, scheme)
    box = page.locator("svg.map-svg").bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 250
    background = luminance(page, "body", "backgroundColor")
    unmentioned = luminance(page, "svg.map-svg g[aria-hidden] path", "fill")
    syria = luminance(page, 'svg.map-svg a[href="sy.html"] path', "fill")
    # The busiest countries stand out most against the page, in either mode.
    assert contrast(syria, background) > contrast(unmentioned, background)
    assert contrast(syria, background) >= 3
    assert (unmentioned > 0.5) == (scheme == "light")
    assert not serious_violations(page)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_country_chart_reads_in_light_and_dark_mode(
    visit: Open, http_root: str, scheme: str
) -> None:
    page = open_in(visit, http_root, SYRIA, scheme)
    box = page.locator("svg.chart-svg").bounding_box()
    assert box is not None and box["width"] > 500
    background = luminance(page, "body", "backgroundColor")
    for bar in (".chart-svg rect.s0", ".chart-svg rect.s1"):
        assert contrast(luminance(page, bar, "fill"), background) >= 3, bar
    assert contrast(luminance(page, ".chart-svg text", "fill"), background) >= 3
    assert page.locator("ol.bilateral").inner_text().count("Walid Muallem") == 1
    assert not serious_violations(page)


def test_a_country_on_the_map_opens_its_page(visit: Open, site_root: str) -> None:
    page = visit(site_root, COUNTRIES).page
    link = page.locator('svg.map-svg a[href="sy.html"]')
    assert link.get_attribute("aria-label") == "Syria: 1 meeting, 5 documents mentioning it"
    link.locator("path").click()
    page.wait_for_url("**/archive/countries/sy.html")


def test_a_bar_is_reached_by_keyboard_and_opens_the_filtered_search(
    visit: Open, site_root: str
) -> None:
    page = visit(site_root, SYRIA).page
    bar = page.locator('svg.chart-svg a[aria-label^="2021"]')
    bar.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?country=SY&from=2021&to=2021")


def test_the_map_and_its_table_print_in_colour(visit: Open, http_root: str) -> None:
    page = visit(http_root, COUNTRIES).page
    page.emulate_media(media="print")
    assert page.locator("svg.map-svg").is_visible()
    assert page.locator("article table").is_visible()
    adjust = page.evaluate(
        "getComputedStyle(document.querySelector('figure.world-map')).printColorAdjust"
    )
    assert adjust == "exact"
