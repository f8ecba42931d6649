"""Bar charts of documents per year, drawn at build time as inline SVG.

A chart has one bar per year of the archive (from its first dated year to its last, empty
years included, so time runs evenly), stacked by series: meetings and other mentions on a
country's page, kinds of document on the home page. Its size depends on the number of years
only, never on the number of documents. Each bar is a link (to the year's timeline, or the
search filtered to that year) whose accessible name gives the year's figures; the chart has a
title and a description, and its colours come from the style sheet (``.chart .s0`` ...), so
it reads in light, dark and print.

The SVG is built with :mod:`xml.etree.ElementTree`, which escapes every text and attribute,
and serialised on one line: a raw HTML block that Python-Markdown passes through as it is.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from parley.link.catalog import UNDATED, Appearance, Subject
from parley.model import KINDS
from parley.names import kind_noun
from parley.render.context import PageContext
from parley.render.markdown import html_attr, html_text
from parley.urls import href, search_href, timeline_page

SVG = "http://www.w3.org/2000/svg"
#: The drawing's size in user units; the style sheet scales it to the column's width.
WIDTH, HEIGHT = 640, 200
#: Room for the count labels on the left and the year labels below.
LEFT, BOTTOM, TOP = 34, 22, 10
#: At most this many year labels under the bars (every n-th year when there are more).
YEAR_LABELS = 12


@dataclass(frozen=True, slots=True)
class Series:
    """One stacked part of the bars: its name in the legend ("Meetings"), the CSS class that
    colours it (``s0`` .. ``s6``), and one of it in a sentence ("meeting")."""

    name: str
    css: str
    one: str


@dataclass(frozen=True, slots=True)
class Chart:
    """What a chart shows: per year (ascending, gaps included) a count per series."""

    title: str
    """The chart's accessible name, e.g. "Documents per year"."""
    subject: str
    """What is counted, in a sentence: "documents with or about Syria"."""
    series: tuple[Series, ...]
    years: tuple[str, ...]
    counts: Mapping[str, tuple[int, ...]]
    """Year -> one count per series."""


#: The series of a country's chart.
COUNTRY_SERIES = (
    Series("Meetings", "s0", "meeting"),
    Series("Other mentions", "s1", "other mention"),
)
#: A topic's, person's or organisation's chart has one series.
DOCUMENTS = (Series("Documents", "s0", "document"),)


def subject_chart(ctx: PageContext, subject: Subject, page: str) -> str:
    """Documents per year of a country (meetings and other mentions), a topic, a person or an
    organisation, for its page; each bar opens the search filtered to the subject and year.
    Only the corpus' years are read (``keys()``), not their documents."""
    years = year_span(list(ctx.catalog.years.keys()))
    name = ctx.names.entity(subject.kind, subject.key, fallback=subject.label)
    series: tuple[Series, ...] = DOCUMENTS
    groups: tuple[tuple[Appearance, ...], ...] = (subject.appearances,)
    if subject.kind == "country":
        series, groups = COUNTRY_SERIES, (subject.roles, subject.mentions)
        what = f"documents with or mentioning {name}"
    else:
        what = f"documents about {name}" if subject.kind == "topic" else f"documents on {name}"
    counts = _per_year(ctx, [[a.doc_id for a in g] for g in groups])
    chart = Chart("Documents per year", what, series, years, counts)
    filters = _filters(subject, name)
    return bar_chart(chart, lambda y: search_href(page, **filters, **{"from": y, "to": y}))


def archive_chart(ctx: PageContext, source: str, prefix: str = "") -> str:
    """The archive's documents per year by kind, for the home page (``source`` is the page the
    links start from, ``prefix`` the generated folder seen from it); each bar opens the year's
    timeline."""
    kinds = [k for k in KINDS if any(e.doc.meta.kind == k for e in ctx.catalog.entries)]
    series = tuple(
        Series(plural(kind_noun(k)).capitalize(), f"s{i}", kind_noun(k))
        for i, k in enumerate(kinds)
    )
    groups = [[e.doc.id for e in ctx.catalog.entries if e.doc.meta.kind == k] for k in kinds]
    chart = Chart(
        "Documents per year",
        "the archive's documents, by kind,",
        series,
        year_span(list(ctx.catalog.years)),
        _per_year(ctx, groups),
    )
    return bar_chart(chart, lambda y: prefix + href(source, timeline_page(y)), "archive-chart")


def _per_year(ctx: PageContext, groups: Sequence[Sequence[str]]) -> dict[str, tuple[int, ...]]:
    """Year -> the number of documents of each group in it (undated documents left out)."""
    counts: dict[str, list[int]] = {}
    for index, ids in enumerate(groups):
        for doc_id in ids:
            year = ctx.year_of.get(doc_id, UNDATED)
            if year != UNDATED:
                counts.setdefault(year, [0] * len(groups))[index] += 1
    return {year: tuple(c) for year, c in sorted(counts.items())}


def _filters(subject: Subject, name: str) -> dict[str, str]:
    """The search page's filter for a subject: its country or topic, or its name as a phrase."""
    if subject.kind == "country":
        return {"country": subject.key.upper()}
    if subject.kind == "topic":
        return {"topic": subject.key}
    return {"q": f'"{name}"'}


def year_span(years: Sequence[str]) -> tuple[str, ...]:
    """Every year from the first to the last of ``years`` (four-digit years only)."""
    numbers = sorted(int(y) for y in years if len(y) == 4 and y.isdigit())
    if not numbers:
        return ()
    return tuple(str(y) for y in range(numbers[0], numbers[-1] + 1))


def bar_chart(chart: Chart, link: Callable[[str], str], chart_id: str = "chart") -> str:
    """The chart as a ``<figure>`` holding the SVG and its legend, on one line; "" when it has
    no year. ``link`` gives the address a year's bar leads to."""
    if not chart.years:
        return ""
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG,
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "class": "chart-svg",
            "role": "group",
            "aria-labelledby": f"{chart_id}-title",
            "aria-describedby": f"{chart_id}-desc",
        },
    )
    ET.SubElement(svg, "title", id=f"{chart_id}-title").text = chart.title
    ET.SubElement(svg, "desc", id=f"{chart_id}-desc").text = describe(chart)
    totals = [sum(chart.counts.get(y, ())) for y in chart.years]
    top = max(max(totals), 1)
    plot_w, plot_h = WIDTH - LEFT, HEIGHT - TOP - BOTTOM
    base = TOP + plot_h
    ET.SubElement(
        svg,
        "line",
        {"class": "axis", "x1": str(LEFT), "x2": str(WIDTH), "y1": f"{base}", "y2": f"{base}"},
    )
    _label(svg, LEFT - 6, TOP + 4, str(top), "end")
    _label(svg, LEFT - 6, base, "0", "end")
    band = plot_w / len(chart.years)
    every = -(-len(chart.years) // YEAR_LABELS)
    for i, year in enumerate(chart.years):
        x = LEFT + i * band
        if i % every == 0:
            _label(svg, x + band / 2, HEIGHT - 6, year, "middle")
        counts = chart.counts.get(year, ())
        if not sum(counts):
            continue
        bar = ET.SubElement(
            svg, "a", {"href": link(year), "aria-label": figures(chart, year, counts)}
        )
        ET.SubElement(bar, "title").text = figures(chart, year, counts)
        y = float(base)
        for series, count in zip(chart.series, counts, strict=True):
            if not count:
                continue
            h = plot_h * count / top
            y -= h
            ET.SubElement(
                bar,
                "rect",
                {
                    "class": f"bar {series.css}",
                    "x": _n(x + band * 0.15),
                    "y": _n(y),
                    "width": _n(band * 0.7),
                    "height": _n(h),
                },
            )
    drawing = ET.tostring(svg, encoding="unicode")
    return f'<figure class="chart">{drawing}{legend(chart.series)}</figure>'


def legend(series: Sequence[Series]) -> str:
    """The colour key under the chart, as HTML."""
    keys = "".join(
        f'<span class="key"><span class="swatch {html_attr(s.css)}"></span>'
        f"{html_text(s.name)}</span>"
        for s in series
    )
    return f'<figcaption class="chart-legend">{keys}</figcaption>'


def figures(chart: Chart, year: str, counts: Sequence[int]) -> str:
    """A year's figures in words: "2016: 3 documents (1 meeting, 2 other mentions)"."""
    total = sum(counts)
    text = f"{year}: {total} {'document' if total == 1 else 'documents'}"
    if len(chart.series) > 1:
        parts = [
            f"{n} {s.one if n == 1 else plural(s.one)}"
            for s, n in zip(chart.series, counts, strict=True)
            if n
        ]
        text += f" ({', '.join(parts)})"
    return text


def plural(noun: str) -> str:
    """A noun's plural: "meeting" -> "meetings", "speech" -> "speeches"."""
    return f"{noun}es" if noun.endswith(("s", "ch", "sh", "x")) else f"{noun}s"


def describe(chart: Chart) -> str:
    """The chart in one or two sentences, for screen readers."""
    totals = {y: sum(chart.counts.get(y, ())) for y in chart.years}
    total = sum(totals.values())
    first, last = chart.years[0], chart.years[-1]
    span = first if first == last else f"{first} to {last}"
    text = f"Bar chart of {chart.subject} per year, {span}: {total} in all"
    if total:
        busiest = max(totals, key=lambda y: (totals[y], y))
        text += f", most in {busiest} ({totals[busiest]})"
    return text + ". Each bar links to that year's documents."


def _label(svg: ET.Element, x: float, y: float, text: str, anchor: str) -> None:
    """An axis label; hidden from screen readers, which have the bars' names instead."""
    attrs = {"x": _n(x), "y": _n(y), "text-anchor": anchor, "aria-hidden": "true"}
    label = ET.SubElement(svg, "text", attrs)
    label.text = text


def _n(value: float) -> str:
    """A coordinate with one decimal at most: "12", "12.5"."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)
