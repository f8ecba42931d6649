"""The head of a document: metadata of every layout, dates, titles, people, front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.model import Counterpart, Diagnostic, Document, Metadata, Place, SourceText
from parley.read.dates import place_of, read_stamp
from parley.read.document import read_document
from parley.read.persons import counterparts_in, person_name
from parley.read.sources import read_source
from parley.read.titles import kind_of, title_place, title_speakers, title_tail

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reader"
TRANSCRIPTS = Path(__file__).parents[2] / "transcripts"


def read(path: Path) -> tuple[Document, list[Diagnostic]]:
    source, _ = read_source(path, f"transcripts/{path.name}", path.stem.replace("_", "-"))
    assert source is not None
    return read_document(source)


def read_text(text: str) -> tuple[Document, list[Diagnostic]]:
    return read_document(SourceText("transcripts/t.txt", "t", text, "utf-8", "0" * 64))


MOSCOW = Place("Moscow")

EXPECTED = {
    "kremlin_transcript": Metadata(
        title="Press statements following Russian-Turkish talks",
        date="2012-12-20",
        kind="news-conference",  # "statements", but reporters ask questions
        speakers=("Vladimir Putin",),
        # the other leader speaking, whose label names his country
        counterparts=(Counterpart("Recep Tayyip Erdogan", "Prime Minister", "Turkey"),),
        place=MOSCOW,
        publisher="kremlin",
        layout="kremlin",
    ),
    "state_department": Metadata(
        title="Remarks With Russian Foreign Minister Sergey Lavrov After Their Meeting",
        date="2006-10-22",
        time="11:00",
        timezone="EST",
        kind="news-conference",
        speakers=("Condoleezza Rice",),
        counterparts=(Counterpart("Sergey Lavrov", "Foreign Minister", "Russian"),),
        place=Place("Moscow", "Russia"),
        publisher="state-department",
        layout="state-department",
    ),
    "briefing_subheadings": Metadata(
        title="Briefing by Foreign Ministry Spokesperson Maria Zakharova, Moscow, July 1, 2021",
        date="2021-07-01",
        time="14:30",
        timezone="MSK",
        kind="briefing",
        speakers=("Maria Zakharova",),
        place=MOSCOW,
        languages=("en-GB", "ru-RU"),
        publisher="ministry",
        layout="ministry",
    ),
    "title_then_date": Metadata(
        title="Foreign Minister Sergey Lavrov’s interview with the Kommersant newspaper, "
        "published on 2 July 2015",
        date="2015-07-02",
        time="09:54",
        timezone="MSK",
        kind="interview",
        speakers=("Sergey Lavrov",),
        publisher="ministry",
        layout="title-date",
    ),
    "embassy_repost": Metadata(
        title="Sergey Lavrov: Russia is open to dialogue with the Republic of Korea",
        date="2015-04-21",
        time="22:00",
        kind="news-conference",
        speakers=("Sergey Lavrov",),
        counterparts=(Counterpart("Yun Byung-se", "Foreign Minister", "the Republic of Korea"),),
        place=MOSCOW,
        publisher="ministry",
        layout="embassy-repost",
    ),
    "wire_surnames": Metadata(
        title="Transcript: Russian Foreign Minister Lavrov's interview on Syria talks",
        date="2016-01-26",
        kind="interview",
        speakers=("Sergei Lavrov",),
        publisher="wire",
        layout="wire",
    ),
    "no_title": Metadata(
        title="Ladies and gentlemen, thank you for coming.",
        date=None,
        kind="news-conference",  # no title, but a reporter asks
        speakers=("Sergey Lavrov",),
    ),
    "no_date": Metadata(
        title="Foreign Minister Sergey Lavrov’s interview with the Rossiya Segodnya news agency",
        date=None,
        kind="interview",
        speakers=("Sergey Lavrov",),
    ),
    "cut_off": Metadata(
        title="Foreign Minister Sergey Lavrov’s remarks at a meeting with students and faculty "
        "of MGIMO University, Moscow, July 2, 2021",
        date="2021-07-02",
        time="11:00",
        timezone="MSK",
        kind="speech",
        speakers=("Sergey Lavrov",),
        place=MOSCOW,
        languages=("en-GB", "ru-RU"),
        publisher="ministry",
        layout="ministry",
    ),
    "front_matter": Metadata(
        title="Joint press conference of the foreign ministers of Russia and Germany",
        date="2019-03-15",
        time="11:30",
        timezone="CET",
        kind="news-conference",
        speakers=("Sergey Lavrov",),
        counterparts=(
            Counterpart("Heiko Maas", "Federal Minister for Foreign Affairs", "Germany"),
        ),
        place=Place("Bonn", "Germany"),
        languages=("en-GB", "de-DE"),
        source_url="https://example.org/transcripts/2019-03-15",
        layout="front-matter",
    ),
    "cp1251": Metadata(
        title="Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова "
        "в ходе совместной пресс-конференции с Министром иностранных дел Королевства Бахрейн "
        "А.Р.аз-Заяни, Москва, 2 июля 2021 года",
        date="2021-07-02",
        time="17:15",
        timezone="MSK",
        kind="news-conference",  # no kind word in English: its question turns tell
        speakers=("С.В.Лавров",),
        languages=("en-GB", "ru-RU"),
        publisher="ministry",
        layout="ministry",
    ),
    "latin1": Metadata(
        title="Foreign Minister Sergey Lavrov’s remarks at a joint news conference with French "
        "Foreign Minister Jean-Yves Le Drian, Paris, 26 January 2016",
        date="2016-01-26",
        kind="news-conference",
        speakers=("Sergey Lavrov",),
        counterparts=(Counterpart("Jean-Yves Le Drian", "Foreign Minister", "French"),),
        place=Place("Paris"),
        publisher="ministry",
        layout="title-date",
    ),
    "crlf_bom": Metadata(
        title="Foreign Minister Sergey Lavrov’s statement at a news conference, Moscow, "
        "July 2, 2021",
        date="2021-07-02",
        time="17:15",
        timezone="MSK",
        kind="news-conference",
        speakers=("Sergey Lavrov",),
        place=MOSCOW,
        languages=("en-GB", "ru-RU"),
        publisher="ministry",
        layout="ministry",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_layout_fixture_gives_exactly_its_metadata(name: str) -> None:
    document, _ = read(FIXTURES / f"{name}.txt")
    assert document.meta == EXPECTED[name]


SAMPLE_COUNTERPARTS = {
    "2016-10-28-lavrov-syria-iran": (
        Counterpart(
            "Walid Muallem",
            "Deputy Prime Minister and Minister of Foreign Affairs and Expatriates",
            "the Syrian Arab Republic",
        ),
        Counterpart("Mohammed Javad Zarif", "Foreign Minister", "the Islamic Republic of Iran"),
    ),
    "2021-07-02-lavrov-bahrain": (
        Counterpart("Abdullatif bin Rashid Alzayani", "Foreign Minister", "the Kingdom of Bahrain"),
    ),
    "2020-11-25-lavrov-iraq": (
        Counterpart("Fuad Hussein", "Deputy Prime Minister and Foreign Minister", "Iraq"),
    ),
    "2021-03-17-lavrov-israel": (Counterpart("Gabriel Ashkenazi", "Foreign Minister", "Israeli"),),
    "2021-07-02-news-lavrov-gulf-security-concept": (
        Counterpart("Abdullatif bin Rashid Al Zayani", "Foreign Minister", "Bahraini"),
    ),
}


@pytest.mark.parametrize("stem", sorted(SAMPLE_COUNTERPARTS))
def test_the_counterparts_of_each_sample_come_from_its_title_or_text(stem: str) -> None:
    document, _ = read(TRANSCRIPTS / f"{stem}.txt")
    assert document.meta.counterparts == SAMPLE_COUNTERPARTS[stem]


@pytest.mark.parametrize(
    ("line", "date", "time", "zone"),
    [
        ("2 July 202117:15", "2021-07-02", "17:15", None),
        ("28 October 201617:05", "2016-10-28", "17:05", None),
        ("Thursday, 02 July 2015 09:54", "2015-07-02", "09:54", None),
        ("26 January 2016", "2016-01-26", None, None),
        ("January 26, 2016", "2016-01-26", None, None),
        ("Monday, Sept. 5, 2016", "2016-09-05", None, None),
        ("02.07.2021", "2021-07-02", None, None),
        ("04/21/2015", "2015-04-21", None, None),
        ("21/04/2015", "2015-04-21", None, None),
        ("09:41 GMT 02.07.2021 (Updated: 11:01 GMT 02.07.2021)", "2021-07-02", "09:41", "GMT"),
        ("Submitted on Tue, 04/21/2015 - 22:00", "2015-04-21", "22:00", None),
        ("(11:00 a.m. EST)", None, "11:00", "EST"),
        ("(2:30 p.m. EDT)", None, "14:30", "EDT"),
        ("2 июля 202117:15", "2021-07-02", "17:15", None),
    ],
)
def test_every_date_form_reads_to_an_iso_date_time_and_zone(
    line: str, date: str | None, time: str | None, zone: str | None
) -> None:
    stamp = read_stamp(line)
    assert stamp is not None
    assert (stamp.date, stamp.time, stamp.zone) == (date, time, zone)


def test_a_kremlin_date_line_carries_the_place() -> None:
    stamp = read_stamp("December 20, 2012, Moscow")
    assert stamp is not None
    assert (stamp.date, stamp.place) == ("2012-12-20", MOSCOW)


def test_a_language_line_gives_bcp47_tags_without_the_site_counters() -> None:
    stamp = read_stamp("• de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1")
    assert stamp is not None
    assert stamp.languages == ("de-DE", "en-GB", "es-ES", "ru-RU", "fr-FR")


@pytest.mark.parametrize(
    "line",
    ["Here is a case in point:", "In 2016 the talks went on", "2 July", "Syria Consensus", ""],
)
def test_prose_is_not_a_date_line(line: str) -> None:
    assert read_stamp(line) is None


def test_the_title_tail_gives_place_and_date() -> None:
    title = "Sergey Lavrov’s remarks ... with Mohammed Javad Zarif , Moscow, October 28, 2016"
    assert title_tail(title) == (
        "Sergey Lavrov’s remarks ... with Mohammed Javad Zarif",
        MOSCOW,
        "2016-10-28",
    )
    assert title_tail("Interview with Kommersant, 2 July 2015")[1:] == (None, "2015-07-02")
    assert title_tail("Remarks by Lavrov") == ("Remarks by Lavrov", None, None)
    # Ghana's ministry on a news site: "the 4th Of August, 2009"
    assert title_tail("Speech By The Minister For Foreign Affairs On The 4th Of August, 2009")[
        1:
    ] == (None, "2009-08-04")


def test_a_title_may_end_with_its_place_and_date_in_brackets() -> None:
    title = (
        "Transcript of the Press Conference of Sergei V. Lavrov at the Press Centre of the "
        "Ministry (Moscow, January 19, 2005)"
    )
    assert title_tail(title) == (
        "Transcript of the Press Conference of Sergei V. Lavrov at the Press Centre of the "
        "Ministry",
        MOSCOW,
        "2005-01-19",
    )
    assert title_tail("Briefing (Ankara, 15 January 2016).")[1:] == (Place("Ankara"), "2016-01-15")
    # a bracket that holds more than a place before the date is not the title's date line
    assert title_tail("Talks (held in Moscow, 2 July 2021)")[1:] == (None, None)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint "
         "news conference", "news-conference"),
        ("Foreign Minister Sergey Lavrov’s statement and answers to media questions at a joint "
         "news conference", "news-conference"),
        ("Foreign Minister Sergey Lavrov’s interview with RT", "interview"),
        ("Briefing by Foreign Ministry Spokesperson Maria Zakharova", "briefing"),
        ("Foreign Minister Sergey Lavrov’s statement on the situation in Syria", "statement"),
        ("Sergey Lavrov’s statement and answers to media questions", "news-conference"),
        ("Foreign Minister Sergey Lavrov’s speech at MGIMO", "speech"),
        ("Foreign Minister Sergey Lavrov’s address to the Conference on Disarmament", "speech"),
        ("Foreign Minister Sergey Lavrov’s remarks at the UN Security Council", "speech"),
        ("Comment by the Information and Press Department", "other"),
        # a line that only says the page is its issuer's press release
        ("Information for the Press N°:", "statement"),
        ("Press release", "statement"),
        ("Communiqué de presse", "statement"),
        # ... but a section's name before a title is not the whole line
        ("Press Releases: Remarks at a Press Stakeout", "news-conference"),
        ("There were 1,714 press releases posted in the last 24 hours", "other"),
    ],
)  # fmt: skip
def test_the_kind_follows_the_words_of_the_title(title: str, kind: str) -> None:
    assert kind_of(title) == kind


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("President of Russia Vladimir Putin", "Vladimir Putin"),
        ("SECRETARY RICE", "Rice"),
        ("FOREIGN MINISTER LAVROV", "Lavrov"),
        ("Lavrov", "Lavrov"),
        ("Sergey Lavrov", "Sergey Lavrov"),
        ("Prime Minister of Turkey Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),
        ("President of the United States Barack Obama", "Barack Obama"),
        ("MR. MCCORMACK", "Mccormack"),
        ("THE PRESIDENT", "The President"),
    ],
)
def test_a_speaker_label_is_cleaned_of_role_words(label: str, name: str) -> None:
    assert person_name(label) == name


def test_counterparts_keep_role_and_country_as_the_title_writes_them() -> None:
    found = counterparts_in(
        "talks with Foreign Minister of the Republic of South Africa Naledi Pandor and "
        "US Secretary of State John Kerry"
    )
    assert [(p.name, p.role, p.country_text) for p in found] == [
        ("Naledi Pandor", "Foreign Minister", "the Republic of South Africa"),
        ("John Kerry", "Secretary of State", "US"),
    ]


def test_an_interview_with_a_newspaper_has_no_counterpart() -> None:
    assert counterparts_in("Sergey Lavrov’s interview with the Kommersant newspaper") == ()
    assert counterparts_in("Sergey Lavrov’s interview with Channel One") == ()


def test_the_main_speaker_comes_from_a_possessive_or_a_role_in_the_title() -> None:
    assert title_speakers("Foreign Minister Sergey Lavrov’s remarks") == ("Sergey Lavrov",)
    assert title_speakers("Press release on Foreign Minister Sergey Lavrov's talks") == (
        "Sergey Lavrov",
    )
    assert title_speakers("Russia's position on Syria") == ()
    assert title_speakers("Comment by the Information and Press Department") == ()


def test_a_document_without_a_date_warns_with_the_exact_text() -> None:
    _, problems = read(FIXTURES / "no_date.txt")
    assert [p.format() for p in problems] == [
        "transcripts/no_date.txt:1: warning: no date found in the head of the document; it is "
        "listed without a date (add a date line such as '2 July 2021' under the title, or front "
        "matter 'date: 2021-07-02')"
    ]
    assert problems[0].code == "no-date"


def test_a_document_without_a_title_takes_its_first_sentence_and_warns() -> None:
    document, problems = read(FIXTURES / "no_title.txt")
    assert document.meta.title == "Ladies and gentlemen, thank you for coming."
    assert [p.format() for p in problems if p.code == "no-title"] == [
        "transcripts/no_title.txt:1: warning: no title line found; the title is the first "
        "sentence of the text (put the title on the first line, or give it in front matter "
        "(title: ...))"
    ]


def test_an_impossible_date_is_a_warning_and_no_date() -> None:
    document, problems = read_text("31 February 2016\n\nTitle of the page\n\nText.")
    assert document.meta.date is None
    assert [p.format() for p in problems] == [
        'transcripts/t.txt:1: warning: "31 February 2016" looks like a date, but no such day '
        "exists (correct the date line)"
    ]


def test_a_cut_off_text_is_a_warning_quoting_its_end() -> None:
    _, problems = read(FIXTURES / "cut_off.txt")
    assert [p.format() for p in problems] == [
        'transcripts/cut_off.txt:9: warning: the text ends mid-sentence ("…Today I would like to '
        'speak about"); the file may be cut off (compare it with the original and copy the '
        "missing end)"
    ]


def test_front_matter_problems_name_the_key_and_line_and_are_ignored() -> None:
    document, problems = read(FIXTURES / "front_matter_problems.txt")
    assert [p.format() for p in problems] == [
        "transcripts/front_matter_problems.txt:2: warning: front matter key 'title' must be "
        "text, not a list",
        "transcripts/front_matter_problems.txt:3: warning: front matter key 'date' must be a "
        "date such as 2021-07-02, not '2019-02-30'",
        "transcripts/front_matter_problems.txt:4: warning: unknown front matter key 'spekers' "
        "(did you mean 'speakers'?)",
        "transcripts/front_matter_problems.txt:5: warning: front matter key 'kind' cannot be "
        "'presser' (use one of news-conference, interview, briefing, statement, speech, "
        "article, other)",
        "transcripts/front_matter_problems.txt:8: warning: unknown key 'region' in front matter "
        "'place' (known keys: city, country)",
        "transcripts/front_matter_problems.txt:9: warning: front matter key 'source_url' must "
        "be an http(s) address, not 'ftp://example.org/x'",
    ]
    assert document.meta.title == (
        "Foreign Minister Sergey Lavrov’s remarks at a press conference, Moscow, February 28, 2019"
    )
    assert (document.meta.date, document.meta.place) == ("2019-02-28", MOSCOW)


def test_malformed_front_matter_is_a_warning_and_the_file_reads_as_plain_text() -> None:
    document, problems = read(FIXTURES / "front_matter_malformed.txt")
    assert [p.format() for p in problems if p.code == "front-matter-yaml"] == [
        "transcripts/front_matter_malformed.txt:3: warning: front matter is not valid YAML "
        "(while scanning a quoted scalar on line 2: found unexpected end of stream); the file "
        "is read as if it had none (fix the YAML, or remove the '---' lines)"
    ]
    assert document.meta.layout == "plain"
    assert document.paragraphs[0].text == "---"


def test_front_matter_without_a_closing_line_reads_as_plain_text() -> None:
    document, problems = read_text("---\ntitle: x\n\nSergey Lavrov: Hello.")
    assert [p.format() for p in problems if p.code == "front-matter-yaml"] == [
        "transcripts/t.txt:1: warning: front matter is not closed by a '---' line; the file is "
        "read as if it had none (end the front matter with a line holding only '---')"
    ]
    assert document.meta.layout == "plain"


def test_front_matter_accepts_plain_strings_for_lists_and_place() -> None:
    document, problems = read_text(
        "---\nspeakers: Sergey Lavrov\ncounterparts: [Heiko Maas]\nplace: Geneva\n"
        "languages: en-GB, ru-RU\ndate: 2 July 2021\ntitle: 1984\n---\nText."
    )
    assert problems == []
    assert document.meta == Metadata(
        title="1984",
        date="2021-07-02",
        speakers=("Sergey Lavrov",),
        counterparts=(Counterpart("Heiko Maas", "", ""),),
        place=Place("Geneva"),
        languages=("en-GB", "ru-RU"),
        layout="front-matter",
    )


def test_a_weekday_on_a_date_line_is_never_its_place() -> None:
    assert place_of("Saturday") is None
    assert place_of("Samara") == Place(city="Samara")
    text = (
        "Page last updated at 12:17 GMT, Saturday, 7 March 2009\n\n"
        "Button gaffe embarrasses Clinton\n\nRussian media have been poking fun at a gift.\n"
    )
    document, _ = read_document(SourceText("b.txt", "b", text, "utf-8", "0"))
    assert document.meta.place is None or document.meta.place.city != "Saturday"


@pytest.mark.parametrize(
    ("title", "city", "region"),
    [
        ("Doorstop, London, United Kingdom", "London", "United Kingdom"),  # DFAT 2019
        ("AFR Business Summit - Sydney, New South Wales - 12/03/2024", "Sydney",
         "New South Wales"),  # the Australian foreign minister's transcripts
        ("Press conference, Moscow", "Moscow", None),
        # MFA Singapore: "in <city>" before the title's date
        ("Transcript of Minister for Foreign Affairs Dr Vivian Balakrishnan’s Interview with "
         "Doordarshan TV in New Delhi, 17 June 2022", "New Delhi", None),
    ],
)  # fmt: skip
def test_a_title_ending_in_a_city_names_the_place(
    title: str, city: str, region: str | None
) -> None:
    assert title_place(title) == Place(city=city, country_text=region)


@pytest.mark.parametrize(
    "title",
    [
        "Press Conference by Foreign Minister Fumio Kishida",
        "Remarks by Secretary Kerry, Minister of Defence",  # an office, not a city
        "Moscow",  # the whole title
        "Lavrov in Paris: talks with Le Drian",
        "Relations with Japan, China",  # countries name no city
        "Press briefing on the situation in Ukraine",  # a country after "in"
    ],
)
def test_a_title_without_a_city_at_its_end_names_no_place(title: str) -> None:
    assert title_place(title) is None
