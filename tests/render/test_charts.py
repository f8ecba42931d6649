"""Charts of documents per year and the world map: accessible text, links, bounded size, and
a reviewed golden file of each."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from parley.link.catalog import build_catalog
from parley.render import SiteInfo, render_site
from parley.render.charts import YEAR_LABELS, year_span
from parley.render.geometry import world
from parley.render.worldmap import shade, shade_bounds
from tests.support.fake_corpus import FakeVocabulary, entry
from tests.support.golden_files import assert_golden
from tests.support.sample_corpus import sample_pages

SITE = SiteInfo("https://github.com/parley-archive/parley", "main", "Parley")
SVG = "{http://www.w3.org/2000/svg}"
SYRIA_TALKS = ("Walid Muallem", "Foreign Minister", "SY")
#: The largest world map the build may write (bytes).
MAP_LIMIT = 200_000


def figures_in(page: str, css: str) -> list[ET.Element]:
    """The ``<figure class="css">`` blocks of a page, parsed."""
    found = []
    for line in page.splitlines():
        if line.startswith(f'<figure class="{css}">'):
            found.append(ET.fromstring(line))
    return found


def svg_of(figure: ET.Element) -> ET.Element:
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    return svg


def assert_accessible(svg: ET.Element) -> None:
    """Named and described by its own title and desc; every link named by its figures."""
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == desc.get("id")
    for link in svg.iter(f"{SVG}a"):
        assert link.get("href") and link.get("aria-label"), ET.tostring(link)[:200]
        tip = link.find(f"{SVG}title")
        assert tip is not None and tip.text == link.get("aria-label")


def pretty(element: ET.Element) -> str:
    """An SVG indented one element a line, for a golden file reviewed as a diff."""
    ET.indent(element)
    return ET.tostring(element, encoding="unicode").replace("ns0:", "").replace(":ns0", "") + "\n"


def test_a_country_chart_splits_meetings_and_mentions_and_links_each_year_to_the_search() -> None:
    page = sample_pages()["countries/sy.md"]
    (figure,) = figures_in(page, "chart")
    svg = svg_of(figure)
    assert_accessible(svg)
    bars = {a.get("aria-label"): a.get("href") for a in svg.iter(f"{SVG}a")}
    assert bars == {
        "2016: 1 document (1 meeting)": "../../search.html?country=SY&from=2016&to=2016",
        "2020: 1 document (1 other mention)": "../../search.html?country=SY&from=2020&to=2020",
        "2021: 3 documents (3 other mentions)": "../../search.html?country=SY&from=2021&to=2021",
    }
    years = [t.text for t in svg.iter(f"{SVG}text") if t.text and len(t.text) == 4]
    assert years == ["2016", "2017", "2018", "2019", "2020", "2021"]


def test_golden_country_chart_of_syria() -> None:
    (figure,) = figures_in(sample_pages()["countries/sy.md"], "chart")
    assert_golden("render/charts/countries-sy.svg", pretty(svg_of(figure)))


def test_golden_world_map_of_the_samples() -> None:
    (figure,) = figures_in(sample_pages()["countries/index.md"], "world-map")
    assert_golden("render/charts/world-map.svg", pretty(svg_of(figure)))


def test_the_home_chart_counts_documents_by_kind_and_links_to_the_timeline() -> None:
    (figure,) = figures_in(sample_pages()["_home.md"], "chart")
    svg = svg_of(figure)
    assert_accessible(svg)
    links = sorted({a.get("href", "") for a in svg.iter(f"{SVG}a")})
    assert links == [f"archive/timeline/{y}.html" for y in ("2016", "2020", "2021")]
    legend = "".join(figure.itertext())
    assert "News conferences" in legend and "News articles" in legend  # the kinds present


@pytest.mark.parametrize("page", ["topics/syrian-settlement.md", "people/walid-muallem.md"])
def test_topic_and_person_pages_chart_their_documents_per_year(page: str) -> None:
    (figure,) = figures_in(sample_pages()[page], "chart")
    svg = svg_of(figure)
    assert_accessible(svg)
    assert all("from=" in (a.get("href") or "") for a in svg.iter(f"{SVG}a"))


def test_a_chart_grows_with_the_years_not_with_the_documents() -> None:
    def chart_of(per_year: int) -> ET.Element:
        corpus = [
            entry(f"d-{y}-{i}", f"{y}-03-{i % 28 + 1:02}", counterparts=[SYRIA_TALKS])
            for y in (2010, 2014)
            for i in range(per_year)
        ]
        pages = render_site(build_catalog(corpus), FakeVocabulary(), SITE)
        return svg_of(figures_in(pages["countries/sy.md"], "chart")[0])

    small, large = chart_of(1), chart_of(60)
    assert len(list(small.iter())) == len(list(large.iter()))
    assert small.get("viewBox") == large.get("viewBox")
    assert len(list(small.iter(f"{SVG}a"))) == 2  # bars for 2010 and 2014; empty years none


def test_year_span_fills_gaps_and_labels_stay_few() -> None:
    assert year_span(["2021", "2016", "undated"]) == tuple(str(y) for y in range(2016, 2022))
    assert year_span(["undated"]) == ()
    assert YEAR_LABELS <= 12


def test_the_world_map_shades_every_country_and_links_those_with_pages() -> None:
    page = sample_pages()["countries/index.md"]
    (figure,) = figures_in(page, "world-map")
    svg = svg_of(figure)
    assert_accessible(svg)
    links = {a.get("href"): a.get("aria-label") for a in svg.iter(f"{SVG}a")}
    assert links["sy.html"] == "Syria: 1 meeting, 5 documents mentioning it"
    assert links["bh.html"] == "Bahrain: 1 meeting, 2 documents mentioning it"
    assert all(href and href.endswith(".html") and "/" not in href for href in links)
    drawn = {c.code for c in world().countries}
    pages = {
        p[len("countries/") : -3].upper() for p in sample_pages() if p.startswith("countries/")
    }
    linked = {h.removesuffix(".html").upper() for h in links if h}
    assert linked == {code for code in drawn if code in pages}
    markers = svg.find(f"{SVG}g[@class='meetings']")
    assert markers is not None and len(markers) == 5  # Syria, Iran, Iraq, Bahrain, Israel
    assert len(page.encode()) < MAP_LIMIT


def test_every_country_of_natural_earth_is_drawn_once_and_the_map_is_small() -> None:
    countries = world().countries
    codes = [c.code for c in countries if c.code]
    assert len(codes) == len(set(codes)) > 190
    for code in ("HU", "RS", "MM", "PS", "XK", "SG", "BH", "MT"):  # missing from other sets
        assert code in codes, code
    assert {c.code for c in countries if c.tiny} >= {"BH", "SG", "MT"}
    assert sum(len(c.path) for c in countries) < MAP_LIMIT // 2


def test_shades_grow_geometrically_up_to_the_busiest_country() -> None:
    assert shade_bounds([]) == ()
    assert shade_bounds([1]) == (1,)
    assert shade_bounds([30, 1, 2]) == (1, 2, 4, 8, 15)
    bounds = shade_bounds([1000])
    assert [shade(n, bounds) for n in (0, 1, 3, 5, 20, 100, 999)] == [
        "c0",
        "c1",
        "c1",
        "c2",
        "c3",
        "c4",
        "c5",
    ]
