"""Atom feeds: the archive's and every subject's, read back as a feed reader reads them."""

from __future__ import annotations

import posixpath

import feedparser

from parley.link.catalog import build_catalog
from parley.render import SiteInfo, render_site
from parley.render.feeds import FEED_ENTRIES
from tests.support.fake_corpus import FakeVocabulary, entry
from tests.support.sample_corpus import sample_catalog, sample_pages

SITE = SiteInfo("https://github.com/parley-archive/parley", "main", "Parley")
IRAQ_TALKS = "2020-11-25-lavrov-iraq"


def feeds(pages: dict[str, str]) -> dict[str, feedparser.FeedParserDict]:
    return {path: feedparser.parse(text) for path, text in pages.items() if path.endswith(".xml")}


def test_every_sample_feed_is_well_formed_atom_with_complete_entries() -> None:
    pages = sample_pages()
    parsed = feeds(pages)
    subject_pages = [
        p
        for p in pages
        if p.split("/")[0] in {"countries", "topics", "people", "organisations"}
        and p.endswith(".md")
        and not p.endswith("index.md")
        and not p[-7:-3].isdigit()  # year and month pages share their subject's feed
        and not p[-10:-3].replace("-", "").isdigit()
    ]
    assert "feed.xml" in parsed
    for page in subject_pages:
        assert page.removesuffix(".md") + ".xml" in parsed, page
    for path, feed in parsed.items():
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10", path
        assert feed.feed.id.startswith("urn:uuid:") and feed.feed.title and feed.feed.updated
        alternate = next(link.href for link in feed.feed.links if link.rel == "alternate")
        assert posixpath.normpath(posixpath.join(posixpath.dirname(path), alternate)).endswith(
            ".html"
        )
        for item in feed.entries:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), item.link))
            assert target.removesuffix(".html") + ".md" in pages, (path, item.link)
            assert item.title and item.summary and item.published_parsed and item.id
        assert len(feed.entries) <= FEED_ENTRIES


def test_an_entry_holds_title_date_speakers_counterparts_summary_and_link() -> None:
    feed = feedparser.parse(sample_pages()["countries/iq.xml"])
    item = next(e for e in feed.entries if e.link == f"../transcripts/{IRAQ_TALKS}.html")
    doc = sample_catalog().entry(IRAQ_TALKS).doc
    assert item.title == doc.meta.title
    assert item.published == "2020-11-25T00:00:00Z"
    assert [a.name for a in item.authors] == ["Sergey Lavrov"]
    assert [t.label for t in item.tags] == [
        "Counterpart: Fuad Hussein, Deputy Prime Minister and Foreign Minister (Iraq)"
    ]
    assert item.summary.startswith(
        "Sergey Lavrov's news conference with Fuad Hussein (Iraq), Moscow, 25 November 2020. "
    )
    assert feed.feed.title == "Iraq · Parley"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", "iq.xml"),
        ("alternate", "iq.html"),
    ]


def test_a_feed_holds_the_newest_fifty_dated_documents_newest_first() -> None:
    entries = [
        entry(f"doc-{i:03}", f"{2000 + i // 12}-{i % 12 + 1:02}-15", counterparts=[])
        for i in range(FEED_ENTRIES + 10)
    ] + [entry("undated", None)]
    parsed = feeds(render_site(build_catalog(entries), FakeVocabulary(), SITE))
    links = [e.link for e in parsed["feed.xml"].entries]
    assert links == [f"transcripts/doc-{i:03}.html" for i in range(59, 9, -1)]
    # The same bound for a subject: every document mentions Syria.
    assert len(parsed["countries/sy.xml"].entries) == FEED_ENTRIES
    assert parsed["feed.xml"].feed.updated == "2004-12-15T00:00:00Z"


def test_a_feed_with_no_dated_document_is_as_new_as_the_archive() -> None:
    """Only an undated document meets Bahrain: its feed has no date of its own and takes the
    archive's newest (worked out once for all feeds, not once per feed)."""
    entries = [
        entry("old", "2015-03-01"),
        entry("new", "2019-06-30"),
        entry("undated", None, counterparts=[("Abdullatif Al Zayani", "Foreign Minister", "BH")]),
    ]
    parsed = feeds(render_site(build_catalog(entries), FakeVocabulary(), SITE))
    assert parsed["countries/bh.xml"].feed.updated == "2019-06-30T00:00:00Z"
    assert [e.link for e in parsed["countries/bh.xml"].entries] == []
    assert parsed["feed.xml"].feed.updated == "2019-06-30T00:00:00Z"
    nothing_dated = [entry("undated", None, counterparts=[("Al Zayani", "Minister", "BH")])]
    parsed = feeds(render_site(build_catalog(nothing_dated), FakeVocabulary(), SITE))
    assert parsed["countries/bh.xml"].feed.updated == "2000-01-01T00:00:00Z"


def test_markup_and_control_characters_in_texts_reach_the_reader_as_text() -> None:
    title = 'Q&A <script>alert("x")</script> \x01 end'
    entries = [entry("odd", "2021-01-01", title=title, speakers=("A <b>B</b>",))]
    pages = render_site(build_catalog(entries), FakeVocabulary(), SITE)
    feed = feedparser.parse(pages["feed.xml"])
    assert not feed.bozo
    assert feed.entries[0].title == 'Q&A <script>alert("x")</script> \ufffd end'
    assert feed.entries[0].authors[0].name == "A <b>B</b>"
    assert "<script>" not in pages["feed.xml"]


def test_feeds_are_the_same_bytes_every_time() -> None:
    entries = [entry(f"doc-{i}", f"2016-0{i + 1}-01") for i in range(5)]
    first = render_site(build_catalog(entries), FakeVocabulary(), SITE)
    second = render_site(build_catalog(list(reversed(entries))), FakeVocabulary(), SITE)
    assert {p: t for p, t in first.items() if p.endswith(".xml")} == {
        p: t for p, t in second.items() if p.endswith(".xml")
    }


def test_entries_serialised_once_are_written_as_in_the_whole_tree() -> None:
    """Feeds are put together from entries serialised once (``with_children``): the bytes are
    those ElementTree writes for the whole feed, escapes, ``xml:lang`` and all."""
    import xml.etree.ElementTree as ET

    from parley.render.feeds import ATOM, XML_LANG, serialised, with_children

    def feed(children: list[ET.Element]) -> ET.Element:
        root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "en"})
        ET.SubElement(root, "title").text = "Ünïcode & <markup> \"quotes\" 'and' ]]>"
        ET.SubElement(root, "link", rel="self", href="a&b.xml")
        root.extend(children)
        return root

    entries = []
    for i, text in enumerate(["plain", "a & b < c > d", "Çavuşoğlu’s “talks”", "", "\t tab"]):
        element = ET.Element("entry")
        ET.SubElement(element, "title").text = text
        ET.SubElement(element, "category", term=f"t{i}", label=f'"{text}" & <{i}>')
        ET.SubElement(element, "summary", type="text")
        entries.append(element)
    whole = ET.tostring(feed(entries), encoding="utf-8", xml_declaration=True).decode("utf-8")
    head = ET.tostring(feed([]), encoding="utf-8", xml_declaration=True).decode("utf-8")
    assert with_children(head, [serialised(e) for e in entries]) == whole
