"""Text renders verbatim: whatever a transcript, title or note says reaches the page as text.

Pages are converted here with the site's own Markdown extensions (read from ``mkdocs.yml``) and
the resulting HTML is parsed back, so these tests check what a reader's browser gets.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, cast

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from parley.link.catalog import build_catalog
from parley.model import EntityKind, Entry, Mention, Paragraph
from parley.render import SiteInfo, page_context, render_site
from parley.render.markdown import (
    front_matter,
    html_link,
    html_list,
    html_table,
    html_text,
    md_link,
    md_text,
    plain,
    trusted_html,
)
from parley.render.paragraphs import paragraph_html, turn_html
from tests.support.fake_corpus import FakeVocabulary, entry, note
from tests.support.link_check import broken_links
from tests.support.sample_corpus import sample_pages

REPO = Path(__file__).resolve().parents[2]

#: Printable text: no controls (the reader keeps none but whitespace) and no lone surrogates.
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))
#: What the reader makes of a paragraph: whitespace runs folded, ends stripped.
PARAGRAPH_TEXT = st.text(PRINTABLE, min_size=1, max_size=200).map(plain).filter(bool)
#: Markdown and HTML that must stay text, mixed into generated text.
HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src='https://evil.example'></iframe>",
        "# heading",
        "* item",
        "1. item",
        "> quote",
        "    code",
        "__bold__ *em* `code` [link](http://x) ![img](x.png)",
        "| a | b |",
        "---",
        "{{ config }}",
        "{: .class }",
        '--8<-- "mkdocs.yml"',
        "&amp; &lt; &#35; &",
        "\\*not em\\*",
        "[^1]: footnote",
        ": definition",
        "!!! note",
        "*[HTML]: abbreviation",
        "[TOC]",
        "2016. A year",
        "1) item",
        "+ item",
        "=== underline",
        "~~strike~~ ^^insert^^ ==mark== $math$",
        "<!-- comment -->",
        "<https://example.org>",
        "&#35; &copy;",
    ]
)
MIXED_TEXT = st.lists(st.one_of(PARAGRAPH_TEXT, HOSTILE), min_size=1, max_size=4).map(
    lambda parts: plain(" ".join(parts))
)


def site_markdown() -> markdown.Markdown:
    """A converter with the extensions and settings of the site's ``mkdocs.yml``."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    settings_: dict[str, Any] = {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings_[name] = dict(options or {})
    if "pymdownx.snippets" in settings_:
        settings_["pymdownx.snippets"]["base_path"] = [str(REPO / "docs")]
    return markdown.Markdown(extensions=names, extension_configs=settings_)


class TextOf(HTMLParser):
    """Text inside the element with ``id`` (or every ``tag``), permalinks left out."""

    SKIP = ("permalink", "headerlink")

    def __init__(self, element_id: str = "", tag: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.element_id, self.tag = element_id, tag
        self.depth = 0
        self.skipping = 0
        self.texts: list[str] = []
        self.current: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        # A JSON-LD block is data the browser never runs; every other script would be code.
        self.tags.append("json-ld" if found.get("type") == "application/ld+json" else tag)
        if self.depth:
            self.depth += 1
            if self.skipping or any(s in (found.get("class") or "") for s in self.SKIP):
                self.skipping += 1
        elif (self.element_id and found.get("id") == self.element_id) or tag == self.tag:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if self.skipping:
                self.skipping -= 1
            if self.depth == 0:
                self.texts.append("".join(self.current).strip())
                self.current = []

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skipping:
            self.current.append(data)


def text_of(page_html: str, element_id: str = "", tag: str = "") -> list[str]:
    parser = TextOf(element_id, tag)
    parser.feed(page_html)
    parser.close()
    return parser.texts


def tags_in(page_html: str) -> list[str]:
    parser = TextOf()
    parser.feed(page_html)
    return parser.tags


def convert(source: str) -> str:
    return str(site_markdown().convert(source))


@settings(max_examples=150, deadline=None)
@given(MIXED_TEXT)
def test_paragraph_text_renders_as_itself_whatever_it_contains(text: str) -> None:
    page = convert(paragraph_html(Paragraph(7, text, line=1)) + "\n")
    assert text_of(page, "p7") == [text]


@settings(max_examples=100, deadline=None)
@given(MIXED_TEXT, st.lists(st.tuples(st.integers(0, 250), st.integers(1, 40)), max_size=6))
def test_paragraph_with_mention_links_and_marks_still_renders_its_text(
    text: str, spans: list[tuple[int, int]]
) -> None:
    mentions = [Mention("country", "SY", 1, s, s + n) for s, n in spans]
    notes = [note("d", 1, s, s + n, "q", note_id=f"n{i}") for i, (s, n) in enumerate(spans[:2])]
    e = entry("d", turns=[("remarks", "", None, "", (text,))], notes=notes)
    e = replace(e, facts=replace(e.facts, mentions=tuple(mentions)))
    ctx = page_context(build_catalog([e]), FakeVocabulary(), SiteInfo("https://x", "main", "S"))
    page = convert(turn_html(e.doc.turns[0], e, "transcripts/d.md", ctx.paths, ctx.names) + "\n")
    assert text_of(page, "p1") == [text]
    links = tags_in(page).count("a")
    inside = [s for s, n in spans if s + n <= len(text)]
    assert links >= 1 + min(1, len(inside))  # the permalink, and a link or mark when in range


@pytest.mark.parametrize("context", ["heading", "paragraph", "list", "table", "link"])
@settings(max_examples=60, deadline=None)
@given(text=MIXED_TEXT)
def test_markdown_text_renders_as_itself_in_every_place_it_is_used(context: str, text: str) -> None:
    escaped = md_text(text)
    source, tag = {
        "heading": (f"# {escaped}\n", "h1"),
        "paragraph": (f"{escaped}\n", "p"),
        "list": (f"- {escaped}\n- other\n", "li"),
        "table": (f"| Name | N |\n| --- | ---: |\n| {escaped} | 1 |\n", "td"),
        "link": (f"{md_link(text, 'page.md')}\n", "a"),
    }[context]
    assert text_of(convert(source), tag=tag)[0] == text


@settings(max_examples=100, deadline=None)
@given(MIXED_TEXT)
def test_text_in_raw_html_lists_and_tables_renders_as_itself(text: str) -> None:
    row = f"{html_link(text, '../transcripts/a.html')} · {html_text(text)}"
    listing = convert(f"# Title\n\n{html_list([row, 'other'], 'doc-list')}\n")
    assert text_of(listing, tag="li") == [f"{text} · {text}", "other"]
    table = convert(html_table(["Name", "Count"], [[html_link(text, "a.html"), "3"]], 1) + "\n")
    assert text_of(table, tag="td") == [text, "3"]
    assert text_of(table, tag="th") == ["Name", "Count"]


def raw_blocks(page: str) -> list[str]:
    """The raw HTML blocks of a generated page: its blank-line separated parts starting with
    a tag (front matter left out)."""
    body = get_data(page)[0]
    return [part.strip("\n") for part in body.split("\n\n") if part.startswith("<")]


#: The opening tag of a raw HTML block, e.g. '<ul class="doc-list">', "<table>", a chart's
#: '<figure class="chart">' or a JSON-LD script.
BLOCK_START = re.compile(r"^<(ul|ol|table|div|dl|p|figure|nav|script)[ >]")


def test_raw_html_blocks_of_every_sample_page_pass_through_python_markdown_unchanged() -> None:
    checked = 0
    for path, page in sample_pages().items():
        if not path.endswith(".md"):  # the Atom feeds beside the pages
            continue
        converted = convert(get_data(page)[0])
        for block in raw_blocks(page):
            start = BLOCK_START.match(block)
            assert start and block.endswith(f"</{start[1]}>"), (path, block[:200])
            assert block in converted, (path, block[:200])
            checked += 1
    assert checked > 100


#: A Markdown list item or table row at the start of a line, e.g. "-   2 July 2021 · [" or
#: "| [2016](2016.md) | 3 |".
MARKDOWN_LIST_OR_TABLE = re.compile(r"^(?:[-*+] |\d+\. |\|)", re.M)


def test_generated_pages_write_lists_and_tables_as_raw_html_only() -> None:
    pages = sample_pages()
    assert [
        p for p, text in pages.items() if MARKDOWN_LIST_OR_TABLE.search(get_data(text)[0])
    ] == []
    assert '<ul class="doc-list">' in pages["countries/sy.md"]
    assert "<table>" in pages["countries/index.md"]
    transcript = pages["transcripts/2021-07-02-lavrov-bahrain.md"]
    text = [b for b in raw_blocks(transcript) if b.startswith('<div class="transcript"')]
    assert len(text) == 1 and text[0].count('<div class="turn ') == 5
    assert '<ol class="questions">' in transcript


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src='https://evil.example'></iframe>",
    ],
)
def test_html_in_a_paragraph_is_shown_never_rendered(hostile: str) -> None:
    page = convert(paragraph_html(Paragraph(1, f"Before {hostile} after", line=1)) + "\n")
    assert text_of(page, "p1") == [f"Before {hostile} after"]
    assert {"script", "img", "iframe"}.isdisjoint(tags_in(page))


def test_a_snippet_marker_in_the_text_includes_nothing() -> None:
    marker = '--8<-- "index.md"'
    page = convert(f"{md_text(marker)}\n\n{paragraph_html(Paragraph(2, marker, 1))}\n")
    assert text_of(page, tag="p")[0] == marker
    assert text_of(page, "p2") == [marker]
    assert "Diplomatic transcripts" not in page


def test_control_characters_are_shown_as_replacement_characters() -> None:
    text = "a\x02wzxhzdk:0\x03b\x00c\x1bd\x85e\ud800f"
    assert plain(text) == "a\ufffdwzxhzdk:0\ufffdb\ufffdc\ufffdd\ufffde\ufffdf"
    page = convert(paragraph_html(Paragraph(1, text, line=1)) + "\n")
    assert text_of(page, "p1") == ["a\ufffdwzxhzdk:0\ufffdb\ufffdc\ufffdd\ufffde\ufffdf"]


def test_sanitised_note_html_is_kept_on_one_line_so_no_line_can_start_markdown() -> None:
    fragment = '<p>First</p>\n--8<-- "index.md"\n# not a heading\n<p>Last</p>'
    kept = trusted_html(fragment)
    assert "\n" not in kept
    page = convert(f'<div class="note-body">{kept}</div>\n')
    assert "Diplomatic transcripts" not in page
    assert "<h1" not in page
    assert text_of(page, tag="div")[0] == 'First\n--8<-- "index.md"\n# not a heading\nLast'


TITLES = [
    "Lavrov: remarks & answers",
    "He said \"no\" and 'yes'",
    "# not a heading",
    "*stars* and [brackets] and {braces}",
    "no",
    "yes",
    "null",
    "2016-10-28",
    "- list",
    "key: value: more",
    "<script>alert(1)</script>",
    "---",
    "100%",
    "&amp;",
]


@pytest.mark.parametrize("title", TITLES)
def test_titles_round_trip_through_the_front_matter(title: str) -> None:
    block = front_matter({"title": title, "tags": [title]})
    data = yaml.safe_load(block.strip().strip("-"))
    assert data == {"title": html.escape(title), "tags": [html.escape(title)]}
    assert html.unescape(data["title"]) == title
    _, meta = get_data(block + "\n# Body\n")
    assert meta["title"] == html.escape(title)


@settings(max_examples=150, deadline=None)
@given(MIXED_TEXT)
def test_any_title_round_trips_through_the_front_matter_as_mkdocs_reads_it(title: str) -> None:
    _, meta = get_data(front_matter({"title": title, "description": title}) + "\nBody\n")
    assert html.unescape(meta["title"]) == title
    assert html.unescape(meta["description"]) == title
    assert not re.search(r"[<>\"]", meta["title"])  # safe where Material inserts it unescaped


def test_front_matter_leaves_out_missing_values_and_keeps_the_order() -> None:
    block = front_matter({"title": "T", "date": None, "kind": "interview", "speakers": ["A"]})
    assert block == "---\ntitle: T\nkind: interview\nspeakers:\n- A\n---\n"


DATES = st.sampled_from(
    ["2016-10-28", "2021-07-02", "2021-07-03", "2021-02-30", "28.10.2016", None]
)
NAMES = st.one_of(st.sampled_from(["Walid Muallem", "", "   ", "O'Brien <b>"]), PARAGRAPH_TEXT)
CODES = st.sampled_from(["SY", "IR", "BH", "XX", None])


@st.composite
def hostile_entries(draw: st.DrawFn, doc_id: str) -> Entry:
    texts = draw(st.lists(MIXED_TEXT, min_size=1, max_size=3))
    counterparts = draw(st.lists(st.tuples(NAMES, MIXED_TEXT, CODES), max_size=2))
    built = entry(
        doc_id,
        draw(DATES),
        title=draw(st.one_of(st.none(), MIXED_TEXT)),
        publisher=draw(st.sampled_from(["ministry", "news", "odd"])),
        kind=draw(st.sampled_from(["interview", "article", "unknown-kind"])),
        counterparts=counterparts,
        time=draw(st.sampled_from([None, "17:05", "25:99"])),
        turns=[("question", draw(MIXED_TEXT), None, draw(MIXED_TEXT), texts)],
        topics=draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["terrorism", "no-such-topic"]),
                    st.lists(st.integers(-1, 5), max_size=2),
                ),
                max_size=2,
            )
        ),
        notes=[
            note(
                doc_id,
                draw(st.integers(0, 4)),
                s,
                s + n,
                draw(MIXED_TEXT),
                note_id=f"n{i}",
                html=f"<p>{html.escape(draw(MIXED_TEXT))}</p>",  # sanitised, as nh3 leaves it
                author=draw(MIXED_TEXT),
                sources=(draw(MIXED_TEXT),),
            )
            for i, (s, n) in enumerate(
                draw(st.lists(st.tuples(st.integers(-3, 60), st.integers(-2, 30)), max_size=3))
            )
        ],
        footnotes=draw(st.lists(MIXED_TEXT, max_size=1)),
    )
    mentions = [
        # "odd" is a kind the model does not have: hostile input the pages must still escape
        Mention(cast(EntityKind, kind), key, draw(st.integers(0, 4)), s, s + n)
        for kind, key, s, n in draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["country", "person", "organisation", "document", "odd"]),
                    st.sampled_from(["SY", "XX", "walid-muallem", "un", "Not A Slug/.."]),
                    st.integers(-3, 60),
                    st.integers(-2, 30),
                ),
                max_size=6,
            )
        )
    ]
    return replace(built, facts=replace(built.facts, mentions=tuple(mentions)))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_rendering_never_fails_and_never_breaks_a_link_whatever_the_content(
    data: st.DataObject,
) -> None:
    corpus = [data.draw(hostile_entries(f"doc-{i}")) for i in range(data.draw(st.integers(1, 4)))]
    pages = render_site(build_catalog(corpus), FakeVocabulary(), SiteInfo("https://x", "main", "S"))
    converted = {
        path: convert(get_data(text)[0]) if path.endswith(".md") else text
        for path, text in pages.items()
    }
    broken, _ = broken_links(converted, html=True)
    assert broken == [], broken
    for path, text in converted.items():
        if path.endswith(".md"):
            assert {"script", "img", "iframe"}.isdisjoint(tags_in(text))
    for path in pages:
        assert re.fullmatch(
            r"(_home|[a-z]+/[a-z0-9][a-z0-9-]*)\.md|([a-z]+/[a-z0-9-]+|feed)\.xml", path
        )


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \t\n\r\f\vab\u00a0", max_size=30))
def test_runs_of_ascii_whitespace_fold_to_one_space_and_other_spaces_stay(text: str) -> None:
    assert plain(text) == re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()
