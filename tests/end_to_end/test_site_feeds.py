"""Feeds in the built site: found from a page's address as a feed reader finds them, valid
Atom, and every link in them reaching a page of the site."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import feedparser
import pytest

from parley.render.feeds import FEED_ENTRIES

pytestmark = pytest.mark.slow

SUBJECT_FOLDERS = ("countries", "topics", "people", "organisations")


class _Discovery(HTMLParser):
    """Feed autodiscovery: the ``<link rel="alternate" type="application/atom+xml">`` of the
    head, and the page's visible "Follow" links."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.feeds: list[tuple[str, str]] = []
        self.follow: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "link" and self.in_head and found.get("rel") == "alternate":
            if found.get("type") == "application/atom+xml":
                self.feeds.append((found["href"], found.get("title", "")))
        elif tag == "a" and found.get("class") == "feed":
            self.follow.append(found["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def discover(page: Path) -> tuple[list[tuple[str, str]], list[str]]:
    parser = _Discovery()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.feeds, parser.follow


def local(url: str) -> Path:
    return Path(url2pathname(urlparse(url).path))


def pages_with_feeds(site: Path) -> list[Path]:
    """The home page, the timeline and every subject page (with its year and month pages)."""
    pages = [site / "index.html", site / "archive" / "timeline" / "index.html"]
    for folder in SUBJECT_FOLDERS:
        pages += sorted(p for p in (site / "archive" / folder).glob("*.html") if p.stem != "index")
    return pages


def test_a_feed_reader_finds_each_pages_feed_from_the_pages_address(sample_site: Path) -> None:
    pages = pages_with_feeds(sample_site)
    assert len(pages) > 40
    for page in pages:
        feeds, follow = discover(page)
        assert len(feeds) == 1, page
        href, title = feeds[0]
        assert title.endswith("(Atom feed)")
        assert follow == [href], page  # the visible link is the same feed
        address = urljoin(page.as_uri(), href)
        feed = feedparser.parse(local(address).read_bytes())
        assert not feed.bozo and feed.version == "atom10", (page, href)


def test_every_feed_of_the_site_is_valid_and_links_only_to_pages_of_the_site(
    sample_site: Path,
) -> None:
    found = sorted((sample_site / "archive").rglob("*.xml"))
    assert sample_site / "archive" / "feed.xml" in found
    assert len(found) > 40
    for path in found:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo and feed.version == "atom10", path
        assert 0 <= len(feed.entries) <= FEED_ENTRIES
        links = [link.href for link in feed.feed.links] + [e.link for e in feed.entries]
        for href in links:
            assert local(urljoin(path.as_uri(), href)).is_file(), (path, href)
    archive = feedparser.parse((sample_site / "archive" / "feed.xml").read_bytes())
    assert [e.published[:10] for e in archive.entries] == [
        "2021-07-02",
        "2021-07-02",
        "2021-03-17",
        "2020-11-25",
        "2016-10-28",
    ]
