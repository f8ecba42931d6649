"""Index pages: countries, topics, people, organisations, timeline, annotations and home."""

from __future__ import annotations

import random
import re

import pytest

from parley.link.catalog import build_catalog
from parley.model import Entry
from parley.render import SiteInfo, listing, render_site, timeline
from parley.urls import (
    MONTHS_ABOVE,
    NEWEST_ON_SPLIT,
    SPLIT_ABOVE,
    link,
    month_page,
    timeline_page,
)
from tests.support.fake_corpus import FakeVocabulary, entry, note
from tests.support.golden_files import assert_golden
from tests.support.link_check import broken_links
from tests.support.sample_corpus import sample_pages

SITE = SiteInfo("https://git.example.org/owner/parley", "main", "Parley")
SYRIA_TALKS = ("Walid Muallem", "Foreign Minister", "SY")
IRAN_TALKS = ("Mohammad Javad Zarif", "Foreign Minister", "IR")
BAHRAIN_TALKS = ("Abdullatif bin Rashid Al Zayani", "Foreign Minister", "BH")


def site(entries: list[Entry]) -> dict[str, str]:
    return render_site(build_catalog(entries), FakeVocabulary(), SITE)


def small_corpus() -> list[Entry]:
    return [
        entry(
            "2016-10-28-talks",
            "2016-10-28",
            counterparts=[SYRIA_TALKS, IRAN_TALKS],
            topics=[("syrian-settlement", [3, 1])],
            forms={
                ("organisation", "un"): ("UN",),
                ("document", "unscr-2254"): ("Resolution 2254",),
            },
            turns=[
                ("remarks", "", "Sergey Lavrov", "", ("We discussed Syria with the UN.",)),
                ("question", "Question", None, "", ("What about Iran?",)),
                ("answer", "Sergey Lavrov", "Sergey Lavrov", "", ("Resolution 2254 for Syria.",)),
            ],
            notes=[note("2016-10-28-talks", 3, 0, 15, "Resolution 2254", "n1", author="alice")],
        ),
        entry("2020-11-25-talks", "2020-11-25", counterparts=[SYRIA_TALKS]),
        entry(
            "2021-07-02-bahrain",
            "2021-07-02",
            counterparts=[BAHRAIN_TALKS],
            forms={("country", "BH"): ("Bahrain",)},
            turns=[("remarks", "", "Sergey Lavrov", "", ("Bahrain and Syria, then Putin.",))],
            notes=[
                note(
                    "2021-07-02-bahrain", 1, 0, 7, "Bahrain", "n1", kind="correction", author="bob"
                )
            ],
        ),
        entry(
            "2021-07-02-news",
            "2021-07-02",
            publisher="news",
            kind="article",
            title="Lavrov meets Al Zayani",
            forms={("country", "BH"): ("Bahrain",)},
            turns=[("remarks", "", None, "", ("Lavrov met Al Zayani of Bahrain.",))],
        ),
        entry("undated-note", None, turns=[("remarks", "", None, "", ("Iran.",))]),
    ]


def test_the_country_overview_lists_every_country_by_name_with_its_counts() -> None:
    page = site(small_corpus())["countries/index.md"]
    assert (
        '<table>\n<thead>\n<tr><th>Country</th><th class="count">Meetings</th>'
        '<th class="count">Documents mentioning it</th></tr>\n</thead>\n<tbody>\n'
    ) in page
    assert table_rows(page) == [
        ("bh.html", "Bahrain", "1", "2"),
        ("ir.html", "Iran", "1", "3"),
        ("sy.html", "Syria", "2", "3"),
    ]


def test_a_country_page_lists_meetings_first_then_mentions_newest_first() -> None:
    page = site(small_corpus())["countries/sy.md"]
    meetings = page[page.index("## Meetings with Syria") : page.index("## Other documents")]
    mentions = page[page.index("## Other documents mentioning Syria") :]
    assert listed(meetings) == ["2020-11-25-talks", "2016-10-28-talks"]
    assert mentions == (
        "## Other documents mentioning Syria\n\n"
        '<ul class="doc-list">\n'
        '<li><p>2 July 2021 · <a href="../transcripts/2021-07-02-bahrain.html">'
        "Document 2021-07-02-bahrain</a>"
        " · News conference with Abdullatif bin Rashid Al Zayani (Bahrain) · 1 mention</p>"
        '<p class="passage">“Bahrain and Syria, then Putin.” '
        '<a href="../transcripts/2021-07-02-bahrain.html#p1">¶ 1</a></p></li>\n'
        "</ul>\n"
    )
    assert "Meetings with Syria as counterpart: 2. Documents mentioning Syria: 3." in page
    assert "[All countries](index.md)" in page


def test_a_country_with_more_than_a_hundred_documents_is_split_by_year() -> None:
    corpus = [
        entry(
            f"talks-{i:03}",
            f"{2010 + i // 50}-{1 + i % 12:02}-{1 + i % 28:02}",
            counterparts=[SYRIA_TALKS],
        )
        for i in range(120)
    ]
    pages = site(corpus)
    main = pages["countries/sy.md"]
    assert (
        "## By year\n\n<table>\n<thead>\n<tr><th>Year</th>"
        '<th class="count">Meetings with Syria</th>'
        '<th class="count">Other documents mentioning Syria</th></tr>'
    ) in main
    assert table_rows(main) == [
        ("sy-2012.html", "2012", "20", "0"),
        ("sy-2011.html", "2011", "50", "0"),
        ("sy-2010.html", "2010", "50", "0"),
    ]
    newest = main[main.index("## Newest") :]
    assert len(listed(newest)) == 20
    assert newest.index("talks-119") < newest.index("talks-100")
    year = pages["countries/sy-2011.md"]
    assert year.startswith(
        "---\ntitle: Syria, 2011\nfeed: sy.xml\nfeed_title: Syria (Atom feed)\n---\n\n"
        "# Syria, 2011\n\n[All years of Syria](sy.md)\n"
    )
    assert len(listed(year)) == 50
    assert {p for p in pages if p.startswith("countries/sy")} == {
        "countries/sy.md",
        "countries/sy-2010.md",
        "countries/sy-2011.md",
        "countries/sy-2012.md",
        "countries/sy.xml",  # the country's feed, for all its pages
    }


def test_a_year_page_changes_only_with_its_own_rows_and_the_totals_stay_on_the_main_page() -> None:
    corpus = [
        entry(f"talks-{i:03}", f"{2010 + i // 50}-{1 + i % 12:02}-{1 + i % 28:02}",
              counterparts=[SYRIA_TALKS])
        for i in range(120)
    ]  # fmt: skip
    before = site(corpus)
    after = site([*corpus, entry("talks-new", "2012-06-15", counterparts=[SYRIA_TALKS])])
    assert "Meetings with Syria as counterpart: 120." in before["countries/sy.md"]
    assert "Meetings with Syria as counterpart: 121." in after["countries/sy.md"]
    # An incremental build rewrites, and MkDocs renders again, only the year that gained a row.
    assert before["countries/sy-2010.md"] == after["countries/sy-2010.md"]
    assert before["countries/sy-2011.md"] == after["countries/sy-2011.md"]
    assert "talks-new" in after["countries/sy-2012.md"]
    assert "as counterpart:" not in after["countries/sy-2011.md"]


#: A listed document's row, e.g.
#: '<li><p>3 July 2015 · <a href="../transcripts/a.html">Document a</a> · Interview</p></li>'.
ROW = re.compile(r'^<li>(?:<p>)?[^\n<]*<a href="\.\./transcripts/([\w-]+)\.html">', re.M)
#: A row of an overview or split table: a link, then counts, e.g.
#: '<tr><td><a href="sy-2016.html">2016</a></td><td class="count">3</td></tr>'.
TABLE_ROW = re.compile(
    r'^<tr><td><a href="([^"]+)">([^<]*)</a></td>((?:<td class="count">\d+</td>)+)</tr>$', re.M
)
#: A count cell of a table row, e.g. '<td class="count">3</td>'.
COUNT_CELL = re.compile(r'<td class="count">(\d+)</td>')


def listed(page: str) -> list[str]:
    """Ids of the documents a page lists, in order."""
    return ROW.findall(page)


def table_rows(page: str) -> list[tuple[str, ...]]:
    """Every table row of a page whose first cell is a link: (target, label, *counts)."""
    return [
        (target, label, *COUNT_CELL.findall(counts))
        for target, label, counts in TABLE_ROW.findall(page)
    ]


def busy_year(count: int, month: str | None = None) -> list[Entry]:
    """``count`` documents of 2015 spread over its months (or all in ``month``): two of three
    are meetings with Syria, the third only mentions Syria."""
    return [
        entry(
            f"busy-{i:03}",
            f"2015-{month or f'{1 + i % 12:02}'}-{1 + i % 28:02}",
            counterparts=[SYRIA_TALKS] if i % 3 else [],
        )
        for i in range(count)
    ]


@pytest.fixture
def months_above_the_year_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split years by month from the same size as listings by year, to test the mechanism on
    small corpora (the real threshold, MONTHS_ABOVE, is higher)."""
    monkeypatch.setattr(listing, "MONTHS_ABOVE", SPLIT_ABOVE)
    monkeypatch.setattr(timeline, "MONTHS_ABOVE", SPLIT_ABOVE)


def test_a_year_under_the_month_threshold_stays_one_page() -> None:
    pages = site(busy_year(SPLIT_ABOVE + 30))
    assert "countries/sy-2015.md" in pages
    assert not [p for p in pages if re.fullmatch(r"(countries/sy|timeline/)-?2015-\d\d\.md", p)]
    assert len(listed(pages["countries/sy-2015.md"])) == SPLIT_ABOVE + 30
    assert MONTHS_ABOVE > SPLIT_ABOVE


@pytest.mark.usefixtures("months_above_the_year_threshold")
def test_a_year_with_more_than_a_hundred_documents_is_split_by_month() -> None:
    corpus = busy_year(SPLIT_ABOVE + 30) + [
        entry(f"quiet-{i}", f"2014-0{1 + i % 3}-01", counterparts=[SYRIA_TALKS]) for i in range(5)
    ]
    pages = site(corpus)
    main = pages["countries/sy.md"]
    assert table_rows(main) == [
        ("sy-2015.html", "2015", "86", "44"),
        ("sy-2014.html", "2014", "5", "0"),
    ]
    assert listed(main[main.index("## Newest") :])[0] == "busy-083"  # of 28 December 2015
    year = pages["countries/sy-2015.md"]
    assert year.startswith(
        "---\ntitle: Syria, 2015\nfeed: sy.xml\nfeed_title: Syria (Atom feed)\n---\n\n"
        "# Syria, 2015\n\n[All years of Syria](sy.md)\n"
    )
    assert "## By month\n\n<table>\n<thead>\n<tr><th>Month</th>" in year
    assert [label for _, label, *_ in table_rows(year)] == [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]  # fmt: skip
    newest = year[year.index("## Newest") :]
    assert len(listed(newest)) == NEWEST_ON_SPLIT and listed(newest)[0] == "busy-083"
    assert len(listed(year)) == NEWEST_ON_SPLIT  # the months are on their own pages
    july = pages["countries/sy-2015-07.md"]
    assert july.startswith(
        "---\ntitle: Syria, July 2015\nfeed: sy.xml\nfeed_title: Syria (Atom feed)\n---\n\n"
        "# Syria, July 2015\n\n"
        "[All years of Syria](sy.md) · [All of 2015](sy-2015.md)\n"
    )
    assert {p for p in pages if p.startswith("countries/sy")} == {
        "countries/sy.md",
        "countries/sy-2014.md",
        "countries/sy-2015.md",
        *(month_page("countries/sy.md", "2015", f"{m:02}") for m in range(1, 13)),
        "countries/sy.xml",
    }
    assert len(listed(pages["countries/sy-2014.md"])) == 5  # a short year stays one page


@pytest.mark.usefixtures("months_above_the_year_threshold")
def test_every_document_of_a_split_year_is_on_exactly_one_month_page() -> None:
    corpus = busy_year(3 * SPLIT_ABOVE) + [
        entry(f"undated-{i}", None, counterparts=[SYRIA_TALKS]) for i in range(3)
    ]
    pages = site(corpus)
    months = {
        p: listed(t) for p, t in pages.items() if re.fullmatch(r"countries/sy-2015-\d\d.md", p)
    }
    on_month_pages = [d for ids in months.values() for d in ids]
    assert sorted(on_month_pages) == sorted(e.doc.id for e in corpus if e.doc.meta.date)
    dates = {e.doc.id: e.doc.meta.date or "" for e in corpus}
    for page, ids in months.items():  # the page of its own month
        assert {dates[d][:7] for d in ids} == {page.removeprefix("countries/sy-")[:7]}
    # Documents without a month stay on their year's page, which is the undated one.
    assert listed(pages["countries/sy-undated.md"]) == ["undated-0", "undated-1", "undated-2"]
    timeline = [d for p, t in pages.items() if p.startswith("timeline/2015-") for d in listed(t)]
    assert sorted(timeline) == sorted(on_month_pages)
    assert listed(pages["timeline/undated.md"]) == ["undated-0", "undated-1", "undated-2"]


def test_a_split_year_page_links_each_month_page_with_its_count() -> None:
    pages = site(busy_year(3 * SPLIT_ABOVE))
    year = pages["countries/sy-2015.md"]
    table = [(name, target, *counts) for target, name, *counts in table_rows(year)]
    assert [name for name, *_ in table] == [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]  # fmt: skip
    for _, target, meetings, mentions in table:
        month = pages[f"countries/{target.removesuffix('.html')}.md"]
        split = month.find("## Other documents")
        assert len(listed(month[:split] if split >= 0 else month)) == int(meetings)
        assert len(listed(month[split:]) if split >= 0 else []) == int(mentions)
    assert sum(int(m) + int(o) for _, _, m, o in table) == 3 * SPLIT_ABOVE
    timeline = pages["timeline/2015.md"]
    assert (
        '<tr><th>Month</th><th class="count">Documents</th></tr>\n</thead>\n<tbody>\n'
        '<tr><td><a href="2015-01.html">January</a></td><td class="count">25</td></tr>\n'
    ) in timeline
    assert len(listed(pages["timeline/2015-01.md"])) == 25


def test_links_between_main_year_and_month_pages_resolve() -> None:
    pages = site(small_corpus() + busy_year(3 * SPLIT_ABOVE))
    broken, seen = broken_links(pages)
    assert broken == []
    assert seen > 3000
    assert '<a href="sy-2015.html">2015</a>' in pages["countries/sy.md"]
    assert '<a href="sy-2015-07.html">July</a>' in pages["countries/sy-2015.md"]
    assert "[All of 2015](sy-2015.md)" in pages["countries/sy-2015-07.md"]
    assert ("2015.html", "2015", "300") in table_rows(pages["timeline/index.md"])
    assert (
        "[All years](index.md) · [All of 2015](2015.md)"
        " · [← June 2015](2015-06.md) · [August 2015 →](2015-08.md)\n"
    ) in pages["timeline/2015-07.md"]


@pytest.mark.usefixtures("months_above_the_year_threshold")
def test_with_three_times_the_threshold_in_one_year_no_page_lists_more_than_the_threshold() -> None:
    bound = max(SPLIT_ABOVE, NEWEST_ON_SPLIT)
    pages = site(busy_year(3 * SPLIT_ABOVE))
    sizes = {p: len(listed(t)) for p, t in pages.items() if not p.startswith("transcripts/")}
    assert max(sizes.values()) <= bound
    assert sizes["countries/sy-2015.md"] == sizes["timeline/2015.md"] == NEWEST_ON_SPLIT


@pytest.mark.usefixtures("months_above_the_year_threshold")
def test_a_split_year_whose_documents_share_one_month_lists_them_all_on_that_month_page() -> None:
    # A month is the finest period the archive pages by, so its page holds all of its documents:
    # here 300, above the threshold. That is acceptable because real months are far smaller (at
    # 10,000 documents the busiest month of any subject holds 56), and the year page
    # still shows only the newest documents.
    pages = site(busy_year(3 * SPLIT_ABOVE, month="07"))
    year = pages["countries/sy-2015.md"]
    assert table_rows(year) == [("sy-2015-07.html", "July", "200", "100")]
    assert len(listed(year)) == NEWEST_ON_SPLIT
    assert len(listed(pages["countries/sy-2015-07.md"])) == 3 * SPLIT_ABOVE
    assert len(listed(pages["timeline/2015-07.md"])) == 3 * SPLIT_ABOVE


def test_the_topic_overview_lists_every_topic_with_description_and_count() -> None:
    pages = site(small_corpus())
    assert pages["topics/index.md"].endswith(
        '<ul class="subject-list">\n'
        '<li><p><a href="gulf-security.html">Gulf security</a> · 0 documents</p>'
        "<p>Security in the Persian Gulf.</p></li>\n"
        '<li><p><a href="syrian-settlement.html">Syrian settlement</a> · 1 document</p>'
        "<p>Ending the war in Syria.</p></li>\n"
        '<li><p><a href="terrorism.html">Terrorism</a> · 0 documents</p>'
        "<p>Fighting terrorist groups.</p></li>\n"
        "</ul>\n"
    )
    assert "No documents yet." in pages["topics/terrorism.md"]


def test_a_topic_page_quotes_the_passage_that_earned_the_topic() -> None:
    page = site(small_corpus())["topics/syrian-settlement.md"]
    assert (
        '<li><p>28 October 2016 · <a href="../transcripts/2016-10-28-talks.html">'
        "Document 2016-10-28-talks</a>"
        " · News conference with Walid Muallem (Syria), Mohammad Javad Zarif (Iran)"
        " · 2 passages</p>"
        '<p class="passage">“Resolution 2254 for Syria.” '
        '<a href="../transcripts/2016-10-28-talks.html#p3">¶ 3</a></p></li>\n'
    ) in page


def test_people_pages_list_speaking_and_meeting_before_mentions() -> None:
    pages = site(small_corpus())
    lavrov = pages["people/sergey-lavrov.md"]
    assert "## Speaking or meeting" in lavrov and "## Mentioned in" not in lavrov
    assert lavrov.count(" · speaking") == 4
    assert "\nRussia's foreign minister\n\n[All people](index.md)\n" in lavrov
    muallem = pages["people/walid-muallem.md"]
    assert muallem.count(" · as counterpart") == 2
    overview = pages["people/index.md"]
    assert table_rows(overview) == [
        ("abdullatif-bin-rashid-al-zayani.html", "Abdullatif bin Rashid Al Zayani", "1", "0"),
        ("mohammad-javad-zarif.html", "Mohammad Javad Zarif", "1", "0"),
        ("sergey-lavrov.html", "Sergey Lavrov", "4", "0"),
        ("walid-muallem.html", "Walid Muallem", "2", "0"),
    ]


def test_organisations_and_documents_are_grouped_on_one_overview() -> None:
    page = site(small_corpus())["organisations/index.md"]
    head = (
        '<table>\n<thead>\n<tr><th>Name</th><th class="count">Documents mentioning it</th></tr>\n'
        "</thead>\n<tbody>\n"
    )
    assert (
        f"## Organisations\n\n{head}"
        '<tr><td><a href="un.html">United Nations</a></td><td class="count">1</td></tr>\n'
        "</tbody>\n</table>\n\n"
        f"## Documents and agreements\n\n{head}"
        '<tr><td><a href="unscr-2254.html">UN Security Council Resolution 2254</a></td>'
        '<td class="count">1</td></tr>\n'
        "</tbody>\n</table>\n"
    ) in page


def test_the_timeline_lists_years_and_each_year_by_month() -> None:
    pages = site(small_corpus())
    assert table_rows(pages["timeline/index.md"]) == [
        ("2021.html", "2021", "2"),
        ("2020.html", "2020", "1"),
        ("2016.html", "2016", "1"),
        ("undated.html", "Undated", "1"),
    ]
    year = pages["timeline/2021.md"]
    assert "[All years](index.md) · [← 2020](2020.md) · [Undated →](undated.md)" in year
    assert year.count("## July") == 1 and year.count("\n<li>2 July 2021 · ") == 2
    assert pages["timeline/undated.md"].startswith("---\ntitle: Undated documents\n---\n")


def test_the_annotations_index_lists_notes_by_transcript_kind_and_author() -> None:
    pages = site(small_corpus())
    index = pages["annotations/index.md"]
    assert "2 annotations by contributors." in index
    assert re.findall(r"^## (.*)$", index, re.M) == [
        "By kind",
        "By author",
        "By transcript, year by year",
        "Latest",
    ]
    assert (
        "## By kind\n\n"
        '<ul class="subject-list">\n'
        '<li><a href="kind-context.html">Context</a> (1)</li>\n'
        '<li><a href="kind-correction.html">Correction</a> (1)</li>\n'
        "</ul>\n"
    ) in index
    assert '<li><a href="author-alice.html">alice</a> (1)</li>' in index
    assert '<li><a href="2016.html">2016</a> (1)</li>' in index
    assert '<li><a href="2021.html">2021</a> (1)</li>' in index
    row = '<li><a href="../transcripts/2016-10-28-talks.html#note-n1">¶ 3: “Resolution 2254”</a>'
    assert row in pages["annotations/2016.md"]
    assert row in pages["annotations/author-alice.md"]
    assert row in pages["annotations/kind-context.md"]
    assert "· Context · alice · 1 March 2024" in pages["annotations/2016.md"]


def test_no_annotations_page_grows_without_bound() -> None:
    notes = [
        note("2016-10-28-talks", 1, 0, 7, "Ladies ", f"n{i}", author=f"user{i}")
        for i in range(1, 301)
    ]
    pages = site([entry("2016-10-28-talks", "2016-10-28", notes=notes)])
    index = pages["annotations/index.md"]
    assert index.count("#note-") == 20  # the latest notes only
    kind = pages["annotations/kind-context.md"]
    assert kind.count("#note-") == 200
    assert "The newest 200 of 300; the year pages list them all." in kind
    assert pages["annotations/2016.md"].count("#note-") == 300


def test_an_authors_page_of_many_notes_is_split_by_the_year_of_their_transcripts() -> None:
    # One author with 150 notes on transcripts of 2014-2016 and one undated transcript: the
    # author's page lists the years and the newest notes; each year has a page of its own.
    corpus = [
        entry(
            f"talks-{i:03}",
            f"{2014 + i // 50}-03-{1 + i % 28:02}",
            notes=[note(f"talks-{i:03}", 1, 0, 7, "Ladies ", "n1", author="Ann Lee")],
        )
        for i in range(150)
    ]
    undated = note("undated-talks", 1, 0, 7, "Ladies ", author="Ann Lee")
    corpus.append(entry("undated-talks", None, notes=[undated]))
    pages = site(corpus)
    main = pages["annotations/author-ann-lee.md"]
    assert "151 annotations, on transcripts of 4 years." in main
    assert table_rows(main) == [
        ("2016-author-ann-lee.html", "2016", "50"),
        ("2015-author-ann-lee.html", "2015", "50"),
        ("2014-author-ann-lee.html", "2014", "50"),
        ("undated-author-ann-lee.html", "Undated", "1"),
    ]
    assert main.count("#note-") == NEWEST_ON_SPLIT
    year = pages["annotations/2015-author-ann-lee.md"]
    assert year.startswith(
        "---\ntitle: Annotations by Ann Lee on transcripts of 2015\n---\n\n"
        "# Annotations by Ann Lee on transcripts of 2015\n\n"
        "[All years of Annotations by Ann Lee](author-ann-lee.md) · "
        "[All annotations](index.md)\n"
    )
    assert year.count("#note-") == 50
    assert re.findall(r"^## \[[^]]*\]\(\.\./transcripts/([^)]*)\.md\)$", year, re.M) == sorted(
        (f"talks-{i:03}" for i in range(50, 100)), key=lambda d: (1 + int(d[6:]) % 28, d)
    )  # in time order
    assert pages["annotations/undated-author-ann-lee.md"].count("#note-") == 1
    assert broken_links(pages)[0] == []


def test_an_authors_page_of_up_to_the_limit_is_one_page() -> None:
    notes = [
        note("2016-10-28-talks", 1, 0, 7, "Ladies ", f"n{i}", author="Ann Lee")
        for i in range(SPLIT_ABOVE)
    ]
    pages = site([entry("2016-10-28-talks", "2016-10-28", notes=notes)])
    assert pages["annotations/author-ann-lee.md"].count("#note-") == SPLIT_ABOVE
    assert not any(p.endswith("-author-ann-lee.md") for p in pages)


def test_the_home_fragment_links_relative_to_the_docs_folder() -> None:
    home = site(small_corpus())["_home.md"]
    assert home.startswith(
        "The archive holds 5 documents from 28 October 2016 to 2 July 2021, "
        "with 3 countries, 1 topic and 4 people."
    )
    latest = re.findall(r'^<li><a href="([^"]*)">[^<]*</a> · (.*)</li>$', home, re.M)
    assert latest[:4] == [
        ("archive/transcripts/2021-07-02-news.html", "2 July 2021"),
        ("archive/transcripts/2021-07-02-bahrain.html", "2 July 2021"),
        ("archive/transcripts/2020-11-25-talks.html", "25 November 2020"),
        ("archive/transcripts/2016-10-28-talks.html", "28 October 2016"),
    ]
    assert '<li><a href="archive/countries/index.html">Countries</a>: meetings' in home
    assert '<a href="downloads/parley-site.zip">Download the whole site</a>' in home


def test_every_internal_link_and_anchor_of_the_site_resolves() -> None:
    corpus = small_corpus() + [
        entry(f"talks-{i:03}", f"{2010 + i // 60}-01-{1 + i % 28:02}", counterparts=[SYRIA_TALKS])
        for i in range(110)
    ]
    broken, seen = broken_links(site(corpus))
    assert broken == []
    assert seen > 1000


def test_page_paths_stay_inside_the_generated_folder() -> None:
    pages = site(small_corpus())
    for path in pages:
        assert re.fullmatch(
            r"(_home|[a-z]+/[a-z0-9][a-z0-9-]*)\.md|([a-z]+/[a-z0-9][a-z0-9-]*|feed)\.xml", path
        ), path


def test_the_same_corpus_in_any_order_renders_byte_identical_pages() -> None:
    corpus = small_corpus()
    shuffled = corpus[:]
    random.Random(7).shuffle(shuffled)
    assert site(shuffled) == site(corpus)
    assert list(site(shuffled)) == sorted(site(corpus))


def test_relative_links_between_generated_pages() -> None:
    assert link("transcripts/a.md", "countries/sy.md") == "../countries/sy.md"
    assert link("countries/sy.md", "countries/sy-2016.md") == "sy-2016.md"
    assert link("transcripts/a.md", "transcripts/a.md#p3") == "#p3"
    assert link("_home.md", "countries/index.md") == "countries/index.md"


def test_month_pages_sit_next_to_their_year_page() -> None:
    assert month_page("countries/sy.md", "2016", "07") == "countries/sy-2016-07.md"
    assert timeline_page("2016", "07") == "timeline/2016-07.md"
    assert timeline_page("2016") == "timeline/2016.md"


GOLDEN_INDEXES = [
    "_home.md",
    "annotations/index.md",
    "countries/bh.md",
    "countries/index.md",
    "countries/ir.md",
    "countries/sy.md",
    "organisations/index.md",
    "people/index.md",
    "people/walid-muallem.md",
    "timeline/2021.md",
    "timeline/index.md",
    "topics/index.md",
    "topics/syrian-settlement.md",
]


@pytest.mark.parametrize("path", GOLDEN_INDEXES)
def test_golden_index_pages_of_the_samples(path: str) -> None:
    assert_golden(f"render/{path}", sample_pages()[path])


@pytest.mark.parametrize("code", ["sy", "ir"])
def test_the_syria_iran_talks_are_a_meeting_on_both_country_pages(code: str) -> None:
    page = sample_pages()[f"countries/{code}.md"]
    meetings = page[page.index("## Meetings with") :].split("\n## ")[0]
    assert "2016-10-28-lavrov-syria-iran" in listed(meetings)


def test_the_syria_iran_talks_are_on_the_syrian_settlement_topic_page() -> None:
    page = sample_pages()["topics/syrian-settlement.md"]
    assert "2016-10-28-lavrov-syria-iran" in listed(page)
    assert re.search(
        r'<a href="\.\./transcripts/2016-10-28-lavrov-syria-iran\.html#p\d+">¶ \d+</a>', page
    )


def test_every_link_of_the_sample_site_resolves() -> None:
    broken, seen = broken_links(sample_pages())
    assert broken == []
    assert seen > 500
