"""The catalog links the corpus: time order, related documents, reports of events, indexes."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.link.catalog import (
    OTHER_MEETINGS_LIMIT,
    RELATED_LIMIT,
    UNDATED,
    Appearance,
    build_catalog,
    iso_date,
    person_key,
)
from parley.publish.records import CSV_FIELDS, catalog_csv, catalog_records
from tests.support.fake_corpus import FakeVocabulary, TurnSpec, entry

SYRIA_TALKS = ("Walid Muallem", "Foreign Minister", "SY")
IRAN_TALKS = ("Mohammad Javad Zarif", "Foreign Minister", "IR")
BAHRAIN_TALKS = ("Abdullatif bin Rashid Al Zayani", "Foreign Minister", "BH")
PLAIN_TURNS: tuple[TurnSpec, ...] = (
    ("remarks", "", None, "", ("Nothing in particular was said.",)),
)


def ids(entries: object) -> list[str]:
    return [e.doc.id for e in entries]  # type: ignore[attr-defined]


def test_entries_are_ordered_by_date_then_id_with_undated_last() -> None:
    catalog = build_catalog(
        [
            entry("c", None),
            entry("b", "2020-01-01"),
            entry("a", "2020-01-01"),
            entry("z", "2016-10-28"),
            entry("bad-date", "2020-13-45"),
        ]
    )
    assert ids(catalog.entries) == ["z", "a", "b", "bad-date", "c"]


def test_previous_and_next_follow_time_order() -> None:
    catalog = build_catalog([entry("b", "2020-01-02"), entry("a", "2020-01-01"), entry("u", None)])
    assert (catalog.links["a"].previous, catalog.links["a"].next) == (None, "b")
    assert (catalog.links["b"].previous, catalog.links["b"].next) == ("a", "u")
    assert (catalog.links["u"].previous, catalog.links["u"].next) == ("b", None)


def test_years_group_documents_in_time_order_with_undated_last() -> None:
    catalog = build_catalog(
        [
            entry("x", None),
            entry("b", "2021-07-02"),
            entry("a", "2016-10-28"),
            entry("c", "2021-01-01"),
        ]
    )
    assert dict(catalog.years) == {"2016": ("a",), "2021": ("c", "b"), UNDATED: ("x",)}


@settings(max_examples=60, deadline=None)
@given(st.permutations(list(range(8))))
def test_the_same_entries_in_any_order_give_the_same_catalog(order: list[int]) -> None:
    corpus = [
        entry(f"d{i}", f"2020-0{1 + i % 3}-1{i % 2}", counterparts=[SYRIA_TALKS] if i % 2 else [])
        for i in range(8)
    ]
    assert build_catalog([corpus[i] for i in order]) == build_catalog(corpus)


def test_related_documents_share_counterparts_first_then_countries_and_topics() -> None:
    corpus = [
        entry("base", "2016-10-28", counterparts=[SYRIA_TALKS], topics=[("terrorism", [1])]),
        entry("same-person", "2010-01-01", counterparts=[SYRIA_TALKS], turns=PLAIN_TURNS),
        entry("same-topic", "2016-10-29", topics=[("terrorism", [1])], turns=PLAIN_TURNS),
        entry("nothing-shared", "2016-10-28", turns=PLAIN_TURNS),
    ]
    links = build_catalog(corpus).links
    assert links["base"].related == ("same-person", "same-topic")
    assert links["nothing-shared"].related == ()


def test_equally_related_documents_are_ordered_by_nearness_in_time_then_id() -> None:
    corpus = [entry("base", "2020-06-15", turns=PLAIN_TURNS, topics=[("terrorism", [1])])]
    for doc_id, day in [("far", "2010-01-01"), ("near-b", "2020-06-16"), ("near-a", "2020-06-14")]:
        corpus.append(entry(doc_id, day, turns=PLAIN_TURNS, topics=[("terrorism", [1])]))
    assert build_catalog(corpus).links["base"].related == ("near-a", "near-b", "far")


def test_at_most_five_related_documents_never_itself() -> None:
    corpus = [
        entry(f"d{i:02}", f"2020-01-{1 + i:02}", counterparts=[SYRIA_TALKS]) for i in range(20)
    ]
    catalog = build_catalog(corpus)
    for doc_id, links in catalog.links.items():
        assert len(links.related) == RELATED_LIMIT
        assert doc_id not in links.related


def test_a_news_article_and_the_transcript_of_the_event_it_reports_link_to_each_other() -> None:
    transcript = entry("2021-07-02-lavrov-bahrain", "2021-07-02", counterparts=[BAHRAIN_TALKS])
    other_talks = entry("2021-07-02-lavrov-iran", "2021-07-02", counterparts=[IRAN_TALKS])
    news = entry(
        "2021-07-02-news",
        "2021-07-02",
        publisher="news",
        kind="article",
        turns=[("remarks", "", None, "", ("Lavrov met Bahrain's minister Al Zayani on Friday.",))],
        forms={("country", "BH"): ("Bahrain",)},
    )
    links = build_catalog([news, other_talks, transcript]).links
    assert links["2021-07-02-news"].reports == ("2021-07-02-lavrov-bahrain",)
    assert links["2021-07-02-lavrov-bahrain"].reported_in == ("2021-07-02-news",)
    assert links["2021-07-02-lavrov-iran"].reported_in == ()
    assert "2021-07-02-news" not in links["2021-07-02-lavrov-bahrain"].related


def test_a_report_published_the_next_day_naming_the_country_is_linked() -> None:
    transcript = entry("talks", "2021-07-02", counterparts=[BAHRAIN_TALKS])
    news = entry(
        "news",
        "2021-07-03",
        publisher="news",
        turns=[("remarks", "", None, "", ("Talks with Bahrain went well.",))],
        forms={("country", "BH"): ("Bahrain",)},
    )
    assert build_catalog([transcript, news]).links["news"].reports == ("talks",)


def test_a_report_two_days_later_or_sharing_nobody_is_not_linked() -> None:
    transcript = entry("talks", "2021-07-02", counterparts=[BAHRAIN_TALKS])
    late = entry(
        "late",
        "2021-07-04",
        publisher="news",
        turns=[("remarks", "", None, "", ("Talks with Bahrain went well.",))],
        forms={("country", "BH"): ("Bahrain",)},
    )
    unrelated = entry("unrelated", "2021-07-02", publisher="news", turns=PLAIN_TURNS)
    links = build_catalog([transcript, late, unrelated]).links
    assert links["late"].reports == ()
    assert links["unrelated"].reports == ()
    assert links["talks"].reported_in == ()


def test_other_meetings_are_the_nearest_in_time_with_each_counterpart_country() -> None:
    corpus = [
        entry(f"sy{i:02}", f"2020-01-{1 + i:02}", counterparts=[SYRIA_TALKS]) for i in range(25)
    ]
    corpus.append(entry("both", "2020-01-13", counterparts=[SYRIA_TALKS, IRAN_TALKS]))
    corpus.append(entry("iran", "2019-01-01", counterparts=[IRAN_TALKS]))
    links = build_catalog(corpus).links
    (code, syria), (code2, iran) = links["both"].other_meetings
    assert (code, code2) == ("SY", "IR")
    assert len(syria) == OTHER_MEETINGS_LIMIT
    assert syria == tuple(f"sy{i:02}" for i in range(7, 17))
    assert iran == ("iran",)
    assert links["sy00"].other_meetings[0][1][:2] == ("sy01", "sy02")


def test_countries_index_meetings_apart_from_mere_mentions_newest_first() -> None:
    corpus = [
        entry("met-2016", "2016-10-28", counterparts=[SYRIA_TALKS]),
        entry("met-2020", "2020-11-25", counterparts=[SYRIA_TALKS], turns=PLAIN_TURNS),
        entry("mention-2018", "2018-01-01"),
        entry("mention-undated", None),
    ]
    syria = build_catalog(corpus).subjects[("country", "SY")]
    assert [a.doc_id for a in syria.roles] == ["met-2020", "met-2016"]
    assert [a.doc_id for a in syria.mentions] == ["mention-2018", "mention-undated"]
    assert syria.roles[0] == Appearance("met-2020", "counterpart", 0, None)
    assert syria.roles[1] == Appearance("met-2016", "counterpart", 4, 1)
    assert syria.mentioned_in == 3


def test_the_passage_quoted_for_a_mention_is_running_text_not_a_sub_heading() -> None:
    turns: tuple[TurnSpec, ...] = (
        ("remarks", "", None, "", ("## Syria Consensus", "Lavrov spoke of Syria's return.")),
    )
    only_heading: tuple[TurnSpec, ...] = (
        ("remarks", "", None, "", ("## Syria Consensus", "Nothing else.")),
    )
    catalog = build_catalog([entry("news", turns=turns), entry("terse", turns=only_heading)])
    syria = {a.doc_id: a for a in catalog.subjects[("country", "SY")].mentions}
    assert syria["news"].paragraph == 2
    assert syria["terse"].paragraph == 1


def test_people_index_speakers_and_counterparts_as_taking_part() -> None:
    corpus = [
        entry(
            "talks",
            counterparts=[SYRIA_TALKS],
            turns=[("remarks", "", None, "", ("Sergey Lavrov greeted Vladimir Putin.",))],
            forms={("person", "vladimir-putin"): ("Vladimir Putin",)},
        )
    ]
    subjects = build_catalog(corpus).subjects
    assert subjects[("person", "sergey-lavrov")].roles[0].role == "speaker"
    assert subjects[("person", "walid-muallem")].roles[0].role == "counterpart"
    assert subjects[("person", "walid-muallem")].label == "Walid Muallem"
    putin = subjects[("person", "vladimir-putin")]
    assert (putin.roles, [a.role for a in putin.mentions]) == ((), ["mention"])


def test_an_office_standing_in_for_an_unnamed_speaker_gets_no_person_page() -> None:
    corpus = [
        entry("encounter", speakers=("Sg",), counterparts=[SYRIA_TALKS]),
        entry("briefing", speakers=("Official Spokesperson",)),
        entry("noon", speakers=("Spokesman",)),
    ]
    people = {key for kind, key in build_catalog(corpus).subjects if kind == "person"}
    assert people == {"walid-muallem"}


def test_topics_index_the_passage_that_earned_them() -> None:
    catalog = build_catalog([entry("a", topics=[("terrorism", [3, 1])])])
    assert catalog.subjects[("topic", "terrorism")].roles == (Appearance("a", "topic", 2, 3),)


def test_person_keys_are_slugs_of_the_normalised_name() -> None:
    assert person_key("Mohammad Javad Zarif") == "mohammad-javad-zarif"
    assert person_key("Sergeï  Lavrov") == "sergei-lavrov"
    assert person_key("Al-Zayani, Abdullatif") == "al-zayani-abdullatif"
    assert person_key("   ") == ""


def test_linking_a_large_corpus_stays_fast_because_no_pair_is_ever_compared() -> None:
    topics = ["terrorism", "syrian-settlement", "gulf-security"]
    partners = [SYRIA_TALKS, IRAN_TALKS, BAHRAIN_TALKS]
    corpus = [
        entry(
            f"d{i:05}",
            f"{2000 + i % 20}-{1 + i % 12:02}-{1 + i % 28:02}",
            counterparts=[partners[i % 3]],
            topics=[(topics[i % 3], [1])],
            publisher="news" if i % 10 == 0 else "ministry",
        )
        for i in range(2_000)
    ]
    started = time.perf_counter()
    catalog = build_catalog(corpus)
    assert time.perf_counter() - started < 10
    assert all(len(links.related) == RELATED_LIMIT for links in catalog.links.values())


def test_catalog_records_hold_one_plain_record_per_document_in_time_order() -> None:
    corpus = [
        entry(
            "2016-10-28-talks",
            "2016-10-28",
            counterparts=[SYRIA_TALKS],
            time="17:05",
            timezone="MSK",
            languages=["en-GB", "ru-RU"],
            topics=[("syrian-settlement", [1])],
            forms={("person", "vladimir-putin"): ("Putin",), ("organisation", "un"): ("UN",)},
            turns=[("remarks", "", None, "", ("Syria, Putin and the UN.", "Syria again."))],
        ),
        entry("undated", None, place=None, turns=PLAIN_TURNS),
    ]
    records = catalog_records(build_catalog(corpus), FakeVocabulary())
    assert records[0] == {
        "id": "2016-10-28-talks",
        "title": "Document 2016-10-28-talks",
        "date": "2016-10-28",
        "time": "17:05",
        "timezone": "MSK",
        "event_date": None,
        "kind": "news-conference",
        "publisher": "ministry",
        "speakers": ["Sergey Lavrov"],
        "counterparts": [{"name": "Walid Muallem", "role": "Foreign Minister", "country": "SY"}],
        "place": {"city": "Moscow", "country": "RU"},
        "languages": ["en-GB", "ru-RU"],
        "questions": 0,
        "paragraphs": 2,
        "url": "archive/transcripts/2016-10-28-talks.html",
        "source": "transcripts/2016-10-28-talks.txt",
        "countries": [{"code": "SY", "name": "Syria", "mentions": 2}],
        "topics": [{"slug": "syrian-settlement", "name": "Syrian settlement"}],
        "people": [{"slug": "vladimir-putin", "name": "Vladimir Putin", "mentions": 1}],
        "organisations": [{"slug": "un", "name": "United Nations", "mentions": 1}],
    }
    assert [r["id"] for r in records] == ["2016-10-28-talks", "undated"]
    assert records[1]["date"] is None and records[1]["place"] is None
    assert json.loads(json.dumps(records)) == records


def test_catalog_csv_has_a_header_and_joins_lists_with_semicolons() -> None:
    corpus = [
        entry("a", counterparts=[SYRIA_TALKS, IRAN_TALKS], title='=HYPERLINK("x"), a "title"'),
    ]
    text = catalog_csv(catalog_records(build_catalog(corpus), FakeVocabulary()))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(CSV_FIELDS)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["title"] == '\'=HYPERLINK("x"), a "title"'
    assert row["counterparts"] == (
        "Walid Muallem, Foreign Minister, SY; Mohammad Javad Zarif, Foreign Minister, IR"
    )
    assert row["countries"] == "Syria (SY): 4; Iran (IR): 1"
    assert (row["place_city"], row["place_country"], row["date"]) == ("Moscow", "RU", "2016-10-28")
    assert text.endswith("\r\n") and len(rows) == 2


def test_a_report_naming_two_countries_met_that_day_goes_with_the_one_it_mentions_most() -> None:
    bahrain = entry("bahrain-talks", "2021-07-02", counterparts=[BAHRAIN_TALKS], turns=PLAIN_TURNS)
    iran = entry("iran-talks", "2021-07-02", counterparts=[IRAN_TALKS], turns=PLAIN_TURNS)
    news = entry(
        "news",
        "2021-07-02",
        publisher="news",
        turns=[("remarks", "", None, "", ("Bahrain was named once; Iran, Iran and Iran.",))],
        forms={("country", "BH"): ("Bahrain",)},
    )
    links = build_catalog([bahrain, iran, news]).links
    assert links["news"].reports == ("iran-talks",)
    assert links["bahrain-talks"].reported_in == ()


def _valid_iso_date(text: str) -> bool:
    """The rule: four, two and two digits with dashes, and a day of the calendar."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.dates().map(date.isoformat),
        st.from_regex(r"\A\d{4}-\d{2}-\d{2}\n?\Z"),
        st.text(alphabet="0123456789-\n ٠١٢", max_size=12),
    )
)
def test_a_date_is_checked_once_per_text_with_the_same_answer(text: str) -> None:
    """``iso_date`` remembers its answer per date text (index pages ask for every document's
    date again and again): asked twice, it gives the rule's answer both times."""
    expected = text if text and _valid_iso_date(text) else None
    document = entry("doc", text or None)
    assert iso_date(document) == expected
    assert iso_date(document) == expected
