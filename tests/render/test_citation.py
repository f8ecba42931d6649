"""How a transcript is cited: short title, CSL-JSON, BibTeX, formatted reference, meta tags,
JSON-LD and the cite panel's data."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from parley.link.catalog import build_catalog
from parley.model import Entry
from parley.names import display_title, short_date, surname
from parley.render import SiteInfo, page_context
from parley.render.citation import (
    bibtex,
    citation_files,
    citation_meta,
    cite_attributes,
    citeproc_reference,
    csl_item,
    formatted_reference,
    indented_json,
    json_ld,
)
from parley.render.context import PageContext
from tests.support.fake_corpus import FakeVocabulary, entry
from tests.support.sample_corpus import sample_catalog, sample_vocabulary

SITE = SiteInfo("", "main", "Parley archive", "https://example.org/parley/")
ORIGINAL = "https://www.mid.ru/en/content/id/4806937"
BAHRAIN = ("Abdullatif bin Rashid Al Zayani", "Foreign Minister", "BH")


def context(*entries: Entry, site: SiteInfo = SITE) -> PageContext:
    return page_context(build_catalog(list(entries)), FakeVocabulary(), site)


def bahrain() -> Entry:
    e = entry("2021-07-02-lavrov-bahrain", "2021-07-02", counterparts=[BAHRAIN], title="T" * 200)
    meta = replace(e.doc.meta, source_url=ORIGINAL)
    return replace(e, doc=replace(e.doc, meta=meta))


def test_short_dates_and_surnames() -> None:
    assert short_date("2016-10-28") == "28 Oct 2016"
    assert short_date("2016-13-01") == "2016-13-01"
    assert short_date(None) == ""
    assert surname("Mohammad Javad Zarif") == "Zarif"
    assert surname("Abdullatif bin Rashid Al Zayani") == "Al Zayani"
    assert surname("Lavrov") == "Lavrov"


def test_display_title_keeps_a_headline_and_shortens_an_official_title() -> None:
    headline = entry("n", title="Russia Working on Updated Concept, Lavrov Says")
    ctx = context(headline, bahrain())
    assert display_title(headline, ctx.names) == "Russia Working on Updated Concept, Lavrov Says"
    assert display_title(bahrain(), ctx.names) == "Lavrov – Al Zayani · Moscow · 2 Jul 2021"
    lone = entry("s", title="S" * 200, kind="statement", counterparts=[])
    assert display_title(lone, context(lone).names) == "Lavrov, statement · Moscow · 28 Oct 2016"


def test_the_csl_item_names_speaker_date_place_archive_and_original() -> None:
    ctx = context(bahrain())
    assert csl_item(bahrain(), ctx) == {
        "id": "2021-07-02-lavrov-bahrain",
        "type": "speech",
        "title": "T" * 200,
        "genre": "News conference",
        "container-title": "Parley archive",
        "author": [{"family": "Lavrov", "given": "Sergey"}],
        "issued": {"date-parts": [[2021, 7, 2]]},
        "event-place": "Moscow, Russia",
        "publisher-place": "Moscow, Russia",
        "URL": "https://example.org/parley/archive/transcripts/2021-07-02-lavrov-bahrain.html",
        "source": ORIGINAL,
        "note": f"Original: {ORIGINAL}",
    }
    # Without the site's address, the original is the address.
    unknown = context(bahrain(), site=SiteInfo("", "main", "Parley archive"))
    assert csl_item(bahrain(), unknown)["URL"] == ORIGINAL
    assert "note" not in csl_item(bahrain(), unknown)


def test_bibtex_escapes_what_bibtex_reads_as_commands() -> None:
    e = entry("x_1", "2021-07-02", title="50% of {Gulf} & Co_op #1 ~ $5 \\ ^")
    text = bibtex(csl_item(e, context(e)))
    assert text.startswith("@misc{x-1,\n  author = {Lavrov, Sergey},\n")
    assert (
        r"  title = {{50\% of \{Gulf\} \& Co\_op \#1 \textasciitilde{} \$5 \textbackslash{} "
        r"\textasciicircum{}}},"
    ) in text
    assert "  year = {2021},\n  month = {7},\n  day = {2},\n" in text
    assert text.count("{") == text.count("}") + 0 or True  # balanced by construction below
    body = re.sub(r"\\[{}]", "", text)
    assert body.count("{") == body.count("}")


def test_the_formatted_reference_comes_from_citeproc_and_escapes_the_text() -> None:
    e = entry("d", "2016-10-28", title="<script>alert(1)</script> & talks")
    reference = formatted_reference(csl_item(e, context(e)))
    assert reference.startswith("Lavrov, S. (2016) “&lt;script&gt;alert(1)&lt;/script&gt; &amp;")
    assert "<i>Parley archive</i>" in reference and "<script" not in reference
    assert "Available at: https://example.org/parley/archive/transcripts/d.html" in reference


def test_remembered_style_lookups_format_every_reference_as_citeproc_does() -> None:
    """The lookups kept for speed (``_remember_lookups``) change nothing: references of every
    shape, formatted with them and with citeproc-py's own lookups, are the same."""
    from citeproc.model import CitationStylesElement

    names = [("Lavrov", "Sergey"), ("Le Drian", "Jean-Yves"), ("Wang", "Yi"), ("Çavuşoğlu", "M")]
    items = []
    for i, kind in enumerate(["speech", "interview", "article-newspaper"] * 4):
        item = {
            "id": f"doc-{i}", "type": kind, "title": ["Remarks & answers", "What now?"][i % 2],
            "genre": "Press conference", "container-title": ["Parley", "An archive."][i % 2],
            "author": [dict(zip(("family", "given"), n, strict=True)) for n in names[: i % 4]],
            "issued": {"date-parts": [[2000 + i, 1 + i % 12, 1 + i]]},
            "event-place": "Moscow, Russia", "URL": f"https://example.org/{i}/",
        }  # fmt: skip
        if i % 5 == 4:
            del item["issued"], item["event-place"]
        items.append(item)
    kept = [formatted_reference(item) for item in items]
    remembered = CitationStylesElement.xpath_search
    assert getattr(remembered, "remembers", False)
    CitationStylesElement.xpath_search = remembered.original
    try:
        plain = [formatted_reference(item) for item in items]
    finally:
        CitationStylesElement.xpath_search = remembered
    assert kept == plain
    assert "Le Drian, J.-Y." in " ".join(kept)


#: Texts with what could trip a reference made from a kept shape: punctuation at either end,
#: quotes, markup, the stand-in year and day, spaces at the ends, digits, other scripts.
TEXTS = st.lists(
    st.sampled_from([*"aZ .,;:?!'\"“”‘’()[]<>&-–/_#%ßΩ\t", "1234", "22", "Moscow"]), max_size=12
).map("".join)
NAMES = st.sampled_from(
    [{"family": "Lavrov", "given": "Sergey"}, {"family": "Le Drian", "given": "Jean-Yves"},
     {"family": "Al Zayani", "given": "Abdullatif bin Rashid"}, {"literal": "SG"},
     {"family": "Çavuşoğlu", "given": "Mevlüt"}, {"family": "Wang", "given": "Yi"}]
)  # fmt: skip
DATES = st.one_of(
    st.tuples(st.integers(1000, 9999)),
    st.tuples(st.integers(1000, 9999), st.integers(1, 12)),
    st.tuples(st.integers(1000, 9999), st.integers(1, 12), st.integers(1, 31)),
    st.tuples(st.integers(1000, 9999), st.integers(0, 13), st.integers(0, 99)),
    st.tuples(st.integers(1, 999), st.integers(1, 12), st.integers(1, 31)),
)
ITEMS = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "2016-10-28-x", "22", "1234"]),
     "type": st.sampled_from(["speech", "interview", "article-newspaper"]),
     "title": TEXTS,
     "genre": st.sampled_from(["News conference", "Interview", "News article"]),
     "container-title": st.sampled_from(["Parley", "Archive 1234 22.", "A & B"])},
    optional={"author": st.lists(NAMES, min_size=1, max_size=4), "event-place": TEXTS,
              "publisher-place": TEXTS, "URL": TEXTS, "source": TEXTS, "note": TEXTS,
              "issued": DATES.map(lambda d: {"date-parts": [list(d)]})},
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(ITEMS)
@example({"id": "a", "type": "speech", "title": "a", "genre": "Speech", "container-title": "P",
          "publisher-place": "."})  # fmt: skip
@example({"id": "a", "type": "speech", "title": "Why?", "genre": "Speech", "container-title": "P",
          "URL": "https://example.org/.", "note": "a&"})  # fmt: skip
def test_a_reference_made_from_its_shape_is_citeproc_s_reference(item: dict[str, object]) -> None:
    """References are made from the kept reference of their shape (citeproc-py's, with marks
    for the texts it copies as they are): the same text as citeproc-py's for any texts,
    dates, authors and fields present."""
    assert formatted_reference(item) == citeproc_reference(item)


def test_odd_dates_get_citeproc_s_reference() -> None:
    """A day 0 is left out by citeproc-py, not printed: no date outside the days of a month and
    the years 1000-9999 is filled into a kept reference."""
    item = {"id": "d", "type": "speech", "title": "T", "genre": "Speech", "container-title": "P"}
    for parts in ([2016, 10, 0], [2016, 10, 32], [2016, 10, -1], [2016, 0, 5], [2016, 13, 1],
                  [999, 1, 1], [10000, 1, 1], [2016, 10], [2016]):  # fmt: skip
        dated = {**item, "issued": {"date-parts": [parts]}}
        assert formatted_reference(dated) == citeproc_reference(dated), parts
    dated = {**item, "issued": {"date-parts": [[2016, 10, 0]]}}
    assert formatted_reference(dated).endswith("<i>P</i>, October.")


def test_every_sample_reference_is_made_from_its_shape_as_citeproc_makes_it() -> None:
    from parley.render.citation import _SHAPES

    catalog = sample_catalog()
    site = SiteInfo("", "main", "Parley", "https://example.org/parley/")
    ctx = page_context(catalog, sample_vocabulary(), site)
    items = [csl_item(e, ctx) for e in catalog.entries]
    for item in items:
        assert formatted_reference(item) == citeproc_reference(item), item["id"]
    assert any(kept is not None for kept in _SHAPES.values())  # the shortcut is taken


def test_meta_tags_for_reference_managers() -> None:
    tags = citation_meta(csl_item(bahrain(), context(bahrain())))
    assert [(t["name"], t["content"]) for t in tags] == [
        ("citation_title", "T" * 200),
        ("citation_author", "Lavrov, Sergey"),
        ("citation_date", "2021/07/02"),
        ("citation_publication_date", "2021/07/02"),
        ("citation_publisher", "Parley archive"),
        (
            "citation_public_url",
            "https://example.org/parley/archive/transcripts/2021-07-02-lavrov-bahrain.html",
        ),
        (
            "citation_abstract_html_url",
            "https://example.org/parley/archive/transcripts/2021-07-02-lavrov-bahrain.html",
        ),
        ("citation_language", "en"),
    ]


def test_json_ld_is_schema_org_and_cannot_close_its_script_element() -> None:
    e = entry("d", "2016-10-28", title="</script><script>alert(1)</script> & more")
    block = json_ld(e, csl_item(e, context(e)), context(e))
    assert block.startswith('<script type="application/ld+json">{')
    body = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    data = json.loads(body)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["name"] == "</script><script>alert(1)</script> & more"
    assert data["author"] == [{"@type": "Person", "name": "Sergey Lavrov"}]
    assert data["about"]["startDate"] == "2016-10-28"
    assert data["about"]["location"] == {"@type": "Place", "name": "Moscow, Russia"}


def test_the_cite_panel_reads_escaped_data_attributes() -> None:
    e = bahrain()
    attributes = cite_attributes(e, csl_item(e, context(e)), context(e))
    found = dict(re.findall(r' data-cite-([a-z]+)="([^"]*)"', attributes))
    assert {k: html.unescape(v) for k, v in found.items()} == {
        "title": "T" * 200,
        "speaker": "Sergey Lavrov",
        "place": "Moscow, Russia",
        "date": "2 July 2021",
        "site": "Parley archive",
        "page": "https://example.org/parley/archive/transcripts/2021-07-02-lavrov-bahrain.html",
        "original": ORIGINAL,
        "id": "2021-07-02-lavrov-bahrain",
    }


def test_every_document_has_a_bibtex_and_a_csl_json_file() -> None:
    files = citation_files(context(bahrain(), entry("other")))
    assert sorted(files) == [
        "citations/2021-07-02-lavrov-bahrain.bib",
        "citations/2021-07-02-lavrov-bahrain.json",
        "citations/other.bib",
        "citations/other.json",
    ]
    assert json.loads(files["citations/other.json"])[0]["id"] == "other"


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.text(max_size=8), inner, max_size=4)
            | st.dictionaries(st.integers(), inner, max_size=2)
            | st.tuples(inner, inner)
        ),
        max_leaves=20,
    )
)
def test_indented_json_is_the_json_modules_text(value: object) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
