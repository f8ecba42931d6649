"""Index pages: countries, topics, people, organisations, timeline, annotations and home."""

from __future__ import annotations

import random
import re

import pytest

from parley.catalog import build_catalog
from parley.model import Entry
from parley.render import SiteInfo, listing, render_site, timeline
from parley.render.paths import (
    MONTHS_ABOVE,
    NEWEST_ON_SPLIT,
    SPLIT_ABOVE,
    link,
    month_page,
    timeline_page,
)
from tests.fake_corpus import FakeVocabulary, entry, note
from tests.golden_files import assert_golden
from tests.link_check import broken_links
from tests.sample_corpus import sample_pages

SITE = SiteInfo("https://github.com/parley-archive/parley", "main", "Parley")
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
    rows = re.findall(r"^\| \[(\w+)\]\((\w+\.md)\) \| (\d+) \| (\d+) \|$", page, re.M)
    assert rows == [
        ("Bahrain", "bh.md", "1", "2"),
        ("Iran", "ir.md", "1", "3"),
        ("Syria", "sy.md", "2", "3"),
    ]


def test_a_country_page_lists_meetings_first_then_mentions_newest_first() -> None:
    page = site(small_corpus())["countries/sy.md"]
    meetings = page[page.index("## Meetings with Syria") : page.index("## Other documents")]
    mentions = page[page.index("## Other documents mentioning Syria") :]
    assert re.findall(r"\]\(\.\./transcripts/([\w-]+)\.md\)", meetings) == [
        "2020-11-25-talks",
        "2016-10-28-talks",
    ]
    assert mentions == (
        "## Other documents mentioning Syria\n\n"
        "-   2 July 2021 · [Document 2021-07-02-bahrain](../transcripts/2021-07-02-bahrain.md)"
        " · News conference with Abdullatif bin Rashid Al Zayani (Bahrain) · 1 mention\n\n"
        "    “Bahrain and Syria, then Putin.” [¶ 1](../transcripts/2021-07-02-bahrain.md#p1)\n"
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
    assert "| Year | Meetings with Syria | Other documents mentioning Syria |" in main
    assert (
        "| [2012](sy-2012.md) | 20 | 0 |\n"
        "| [2011](sy-2011.md) | 50 | 0 |\n"
        "| [2010](sy-2010.md) | 50 | 0 |"
    ) in main
    newest = main[main.index("## Newest") :]
    assert newest.count("\n-   ") == 20
    assert newest.index("talks-119") < newest.index("talks-100")
    year = pages["countries/sy-2011.md"]
    assert year.startswith(
        "---\ntitle: Syria, 2011\n---\n\n# Syria, 2011\n\n[All years of Syria](sy.md)\n"
    )
    assert year.count("\n-   ") == 50
    assert {p for p in pages if p.startswith("countries/sy")} == {
        "countries/sy.md",
        "countries/sy-2010.md",
        "countries/sy-2011.md",
        "countries/sy-2012.md",
    }


#: A listed document's row, e.g. "-   3 July 2015 · [Document a](../transcripts/a.md) · Interview".
ROW = re.compile(r"^-   [^\n]*?\]\(\.\./transcripts/([\w-]+)\.md\)", re.M)


def listed(page: str) -> list[str]:
    """Ids of the documents a page lists, in order."""
    return ROW.findall(page)


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
    assert "| [2015](sy-2015.md) | 86 | 44 |\n| [2014](sy-2014.md) | 5 | 0 |\n" in main
    assert listed(main[main.index("## Newest") :])[0] == "busy-083"  # of 28 December 2015
    year = pages["countries/sy-2015.md"]
    assert year.startswith(
        "---\ntitle: Syria, 2015\n---\n\n# Syria, 2015\n\n[All years of Syria](sy.md)\n"
    )
    assert (
        "## By month\n\n| Month | Meetings with Syria | Other documents mentioning Syria |" in year
    )
    newest = year[year.index("## Newest") :]
    assert len(listed(newest)) == NEWEST_ON_SPLIT and listed(newest)[0] == "busy-083"
    assert len(listed(year)) == NEWEST_ON_SPLIT  # the months are on their own pages
    july = pages["countries/sy-2015-07.md"]
    assert july.startswith(
        "---\ntitle: Syria, July 2015\n---\n\n# Syria, July 2015\n\n"
        "[All years of Syria](sy.md) · [All of 2015](sy-2015.md)\n"
    )
    assert {p for p in pages if p.startswith("countries/sy")} == {
        "countries/sy.md",
        "countries/sy-2014.md",
        "countries/sy-2015.md",
        *(month_page("countries/sy.md", "2015", f"{m:02}") for m in range(1, 13)),
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
    table = re.findall(r"^\| \[(\w+)\]\((sy-2015-\d\d\.md)\) \| (\d+) \| (\d+) \|$", year, re.M)
    assert [name for name, *_ in table] == [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]  # fmt: skip
    for _, target, meetings, mentions in table:
        month = pages[f"countries/{target}"]
        split = month.find("## Other documents")
        assert len(listed(month[:split] if split >= 0 else month)) == int(meetings)
        assert len(listed(month[split:]) if split >= 0 else []) == int(mentions)
    assert sum(int(m) + int(o) for _, _, m, o in table) == 3 * SPLIT_ABOVE
    timeline = pages["timeline/2015.md"]
    assert "| Month | Documents |\n| --- | ---: |\n| [January](2015-01.md) | 25 |\n" in timeline
    assert len(listed(pages["timeline/2015-01.md"])) == 25


def test_links_between_main_year_and_month_pages_resolve() -> None:
    pages = site(small_corpus() + busy_year(3 * SPLIT_ABOVE))
    broken, seen = broken_links(pages)
    assert broken == []
    assert seen > 3000
    assert "[2015](sy-2015.md)" in pages["countries/sy.md"]
    assert "[July](sy-2015-07.md)" in pages["countries/sy-2015.md"]
    assert "[All of 2015](sy-2015.md)" in pages["countries/sy-2015-07.md"]
    assert "| [2015](2015.md) | 300 |" in pages["timeline/index.md"]
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
    assert re.findall(r"^\| \[July\]\(sy-2015-07\.md\) \| 200 \| 100 \|$", year, re.M)
    assert len(listed(year)) == NEWEST_ON_SPLIT
    assert len(listed(pages["countries/sy-2015-07.md"])) == 3 * SPLIT_ABOVE
    assert len(listed(pages["timeline/2015-07.md"])) == 3 * SPLIT_ABOVE


def test_the_topic_overview_lists_every_topic_with_description_and_count() -> None:
    pages = site(small_corpus())
    assert pages["topics/index.md"].endswith(
        "-   [Gulf security](gulf-security.md) · 0 documents\n\n"
        "    Security in the Persian Gulf.\n\n"
        "-   [Syrian settlement](syrian-settlement.md) · 1 document\n\n"
        "    Ending the war in Syria.\n\n"
        "-   [Terrorism](terrorism.md) · 0 documents\n\n"
        "    Fighting terrorist groups.\n"
    )
    assert "No documents yet." in pages["topics/terrorism.md"]


def test_a_topic_page_quotes_the_passage_that_earned_the_topic() -> None:
    page = site(small_corpus())["topics/syrian-settlement.md"]
    assert (
        "-   28 October 2016 · [Document 2016-10-28-talks](../transcripts/2016-10-28-talks.md)"
        " · News conference with Walid Muallem (Syria), Mohammad Javad Zarif (Iran)"
        " · 2 passages\n\n"
        "    “Resolution 2254 for Syria.” [¶ 3](../transcripts/2016-10-28-talks.md#p3)\n"
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
    assert (
        "| [Abdullatif bin Rashid Al Zayani](abdullatif-bin-rashid-al-zayani.md) | 1 | 0 |"
        in overview
    )
    assert "| [Sergey Lavrov](sergey-lavrov.md) | 4 | 0 |" in overview


def test_organisations_and_documents_are_grouped_on_one_overview() -> None:
    page = site(small_corpus())["organisations/index.md"]
    assert (
        "## Organisations\n\n| Name | Documents mentioning it |\n| --- | ---: |\n"
        "| [United Nations](un.md) | 1 |\n\n"
        "## Documents and agreements\n\n| Name | Documents mentioning it |\n| --- | ---: |\n"
        "| [UN Security Council Resolution 2254](unscr-2254.md) | 1 |\n"
    ) in page


def test_the_timeline_lists_years_and_each_year_by_month() -> None:
    pages = site(small_corpus())
    assert (
        "| Year | Documents |\n| --- | ---: |\n| [2021](2021.md) | 2 |\n| [2020](2020.md) | 1 |\n"
        "| [2016](2016.md) | 1 |\n| [Undated](undated.md) | 1 |\n"
    ) in pages["timeline/index.md"]
    year = pages["timeline/2021.md"]
    assert "[All years](index.md) · [← 2020](2020.md) · [Undated →](undated.md)" in year
    assert year.count("## July") == 1 and year.count("\n-   2 July 2021") == 2
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
    assert "- [Context](kind-context.md) (1)" in index
    assert "- [alice](author-alice.md) (1)" in index
    assert "- [2016](2016.md) (1)" in index and "- [2021](2021.md) (1)" in index
    row = "- [¶ 3: “Resolution 2254”](../transcripts/2016-10-28-talks.md#note-n1)"
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


def test_the_home_fragment_links_relative_to_the_docs_folder() -> None:
    home = site(small_corpus())["_home.md"]
    assert home.startswith(
        "The archive holds 5 documents from 28 October 2016 to 2 July 2021, "
        "with 3 countries, 1 topic and 4 people."
    )
    latest = re.findall(r"^- \[.*\]\((.*)\) · (.*)$", home, re.M)
    assert latest[:4] == [
        ("archive/transcripts/2021-07-02-news.md", "2 July 2021"),
        ("archive/transcripts/2021-07-02-bahrain.md", "2 July 2021"),
        ("archive/transcripts/2020-11-25-talks.md", "25 November 2020"),
        ("archive/transcripts/2016-10-28-talks.md", "28 October 2016"),
    ]
    assert "- [Countries](archive/countries/index.md)" in home
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
        assert re.fullmatch(r"(_home|[a-z]+/[a-z0-9][a-z0-9-]*)\.md", path), path


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
    assert "](../transcripts/2016-10-28-lavrov-syria-iran.md)" in meetings


def test_the_syria_iran_talks_are_on_the_syrian_settlement_topic_page() -> None:
    page = sample_pages()["topics/syrian-settlement.md"]
    assert "](../transcripts/2016-10-28-lavrov-syria-iran.md)" in page
    assert re.search(r"\[¶ \d+\]\(\.\./transcripts/2016-10-28-lavrov-syria-iran\.md#p\d+\)", page)


def test_every_link_of_the_sample_site_resolves() -> None:
    broken, seen = broken_links(sample_pages())
    assert broken == []
    assert seen > 500
