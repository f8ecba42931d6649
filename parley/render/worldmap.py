"""The world map of the countries overview, drawn at build time as inline SVG.

Every country is shaded by how many documents mention it (six shades: none, then five steps
that grow geometrically up to the busiest country), countries met as counterparts carry a
marker, and each country with a page is a link to it whose accessible name gives its figures.
The outlines come from :mod:`parley.render.geometry`; colours come from the style sheet
(``.world-map .c0`` ... ``.c5``), so the map reads in light, dark and print. The same figures
are in the table under the map. The SVG is built with :mod:`xml.etree.ElementTree` and
serialised on one line, a raw HTML block Python-Markdown passes through.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parley.render.geometry import World
from parley.render.markdown import html_attr, html_text

SVG = "http://www.w3.org/2000/svg"
#: Shades of countries mentioned at least once (``c1`` .. ``c5``); ``c0`` is "not mentioned".
SHADES = 5
#: Radius of a meeting's marker and of a tiny country's dot, in map units.
MARKER, DOT = 3.2, 2.6


@dataclass(frozen=True, slots=True)
class Figures:
    """What the map shows of one country."""

    name: str
    """Its name on the site."""
    href: str
    """Its page, from the page the map is on."""
    meetings: int
    mentioned_in: int
    """Documents mentioning it."""


def shade_bounds(counts: Sequence[int]) -> tuple[int, ...]:
    """The lowest count of each shade ``c1`` .. ``c5``: 1, then geometric steps to the largest
    count (fewer shades when the counts are small), e.g. (1, 2, 4, 8, 16) for 30."""
    top = max(counts, default=0)
    if top <= 0:
        return ()
    bounds = [1]
    for step in range(1, SHADES):
        low = round(top ** (step / SHADES))
        if low > bounds[-1]:
            bounds.append(low)
    return tuple(bounds)


def shade(count: int, bounds: Sequence[int]) -> str:
    """The CSS class of a count: ``c0`` for none, else the shade whose range holds it."""
    level = sum(1 for low in bounds if count >= low)
    return f"c{level}"


def world_map(world: World, figures: Mapping[str, Figures]) -> str:
    """The map as a ``<figure>`` with its legend; ``figures`` are keyed by alpha-2 code."""
    bounds = shade_bounds([f.mentioned_in for f in figures.values()])
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG,
            "viewBox": f"0 0 {world.width} {world.height}",
            "class": "map-svg",
            "role": "group",
            "aria-labelledby": "map-title",
            "aria-describedby": "map-desc",
        },
    )
    ET.SubElement(svg, "title", id="map-title").text = "World map of the archive"
    ET.SubElement(svg, "desc", id="map-desc").text = describe(figures)
    land = ET.SubElement(svg, "g", {"class": "land"})
    markers = ET.Element("g", {"class": "meetings", "aria-hidden": "true"})
    drawn = set()
    # Tiny countries last, so their dots lie over their neighbours.
    for country in sorted(world.countries, key=lambda c: c.tiny):
        found = figures.get(country.code) if country.code else None
        css = shade(found.mentioned_in, bounds) if found else "c0"
        if found is None:
            parent = ET.SubElement(land, "g", {"aria-hidden": "true"})
        else:
            drawn.add(country.code)
            label = label_of(found)
            parent = ET.SubElement(land, "a", {"href": found.href, "aria-label": label})
            ET.SubElement(parent, "title").text = label
        if country.path:
            ET.SubElement(parent, "path", {"class": css, "d": country.path})
        if country.tiny:
            x, y = country.anchor
            attrs = {"class": f"dot {css}", "cx": str(x), "cy": str(y), "r": str(DOT)}
            ET.SubElement(parent, "circle", attrs)
        if found is not None and found.meetings:
            x, y = country.anchor
            ET.SubElement(markers, "circle", {"cx": str(x), "cy": str(y), "r": str(MARKER)})
    svg.append(markers)
    drawing = ET.tostring(svg, encoding="unicode")
    return f'<figure class="world-map">{drawing}{legend(bounds, figures)}</figure>'


def label_of(found: Figures) -> str:
    """A country's figures in words: "Syria: 1 meeting, 5 documents mentioning it"."""
    meetings = f"{found.meetings} meeting" + ("" if found.meetings == 1 else "s")
    documents = f"{found.mentioned_in} document" + ("" if found.mentioned_in == 1 else "s")
    return f"{found.name}: {meetings}, {documents} mentioning it"


def describe(figures: Mapping[str, Figures]) -> str:
    """The map in two sentences, for screen readers."""
    mentioned = sum(1 for f in figures.values() if f.mentioned_in)
    met = sum(1 for f in figures.values() if f.meetings)
    return (
        f"Countries shaded by the number of documents that mention them ({mentioned} "
        f"countries), with a dot on the {met} met as counterparts; each links to its page. "
        "The table below gives the same figures."
    )


def legend(bounds: Sequence[int], figures: Mapping[str, Figures]) -> str:
    """The key: each shade's range of documents, and the meeting marker."""
    top = max((f.mentioned_in for f in figures.values()), default=0)
    keys = []
    for i, low in enumerate(bounds):
        high = bounds[i + 1] - 1 if i + 1 < len(bounds) else top
        text = str(low) if high == low else f"{low}–{high}"
        keys.append(_key(f"c{i + 1}", f"{text} documents" if high > 1 else "1 document"))
    keys.append(_key("marker", "met as counterpart"))
    return f'<figcaption class="map-legend">{"".join(keys)}</figcaption>'


def _key(css: str, text: str) -> str:
    swatch = f'<span class="swatch {html_attr(css)}"></span>'
    return f'<span class="key">{swatch}{html_text(text)}</span>'
