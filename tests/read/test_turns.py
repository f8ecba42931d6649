"""Turns and paragraphs: labels, opening remarks, numbering, headings, dropped lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.model import Document, Dropped, SourceText
from parley.read.document import read_document
from parley.read.sources import read_source
from parley.read.turns import Body, read_body, read_label

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reader"
TRANSCRIPTS = Path(__file__).parents[2] / "transcripts"


def read(path: Path) -> Document:
    source, _ = read_source(path, f"transcripts/{path.name}", path.stem.replace("_", "-"))
    assert source is not None
    return read_document(source)[0]


def outline(document: Document) -> list[tuple[str, str | None, str, str, int, int]]:
    """Each turn as (kind, speaker, label, qualifier, line, number of paragraphs)."""
    return [
        (t.kind, t.speaker, t.label, t.qualifier, t.line, len(t.paragraphs)) for t in document.turns
    ]


def body(text: str) -> Body:
    return read_body(text.split("\n"), 0, opening_speaker="Sergey Lavrov")


LAVROV, ZARIF = "Sergey Lavrov", "Mohammad Javad Zarif"

EXPECTED_TURNS = {
    "kremlin_transcript": [
        ("remarks", None, "", "", 5, 1),
        ("remarks", "Vladimir Putin", "President of Russia Vladimir Putin", "", 9, 2),
        ("remarks", "Recep Tayyip Erdogan",
         "Prime Minister of Turkey Recep Tayyip Erdogan (retranslated)", "retranslated", 13, 1),
        ("question", None, "Question", "", 17, 1),
        ("answer", "Vladimir Putin", "Vladimir Putin", "", 19, 1),
    ],
    "state_department": [
        ("remarks", "Condoleezza Rice", "SECRETARY RICE", "", 7, 1),
        ("remarks", "Sergey Lavrov", "FOREIGN MINISTER LAVROV (In Russian, through interpreter)",
         "In Russian, through interpreter", 9, 1),
        ("question", None, "QUESTION", "", 11, 1),
        ("answer", "Condoleezza Rice", "SECRETARY RICE", "", 13, 1),
        ("answer", "Sergey Lavrov", "FOREIGN MINISTER LAVROV (In Russian, through interpreter)",
         "In Russian, through interpreter", 15, 1),
    ],
    "briefing_subheadings": [("remarks", "Maria Zakharova", "", "", 7, 8)],
    "title_then_date": [
        ("question", None, "Question", "", 4, 1),
        ("answer", LAVROV, LAVROV, "", 6, 1),
        ("question", None, "Question", "", 8, 1),
        ("answer", LAVROV, LAVROV, "", 10, 1),
    ],
    "embassy_repost": [
        ("remarks", LAVROV, "", "", 5, 2),
        ("question", None, "Question", "", 9, 1),
        ("answer", LAVROV, LAVROV, "", 11, 1),
    ],
    "wire_surnames": [
        ("remarks", None, "", "", 4, 1),
        ("question", None, "Q", "", 6, 1),
        ("answer", "Sergei Lavrov", "Lavrov", "", 7, 1),
        ("question", None, "Q", "", 8, 1),
        ("answer", "Sergei Lavrov", "Lavrov", "", 9, 1),
    ],
    "no_title": [
        ("remarks", None, "", "", 1, 2),
        ("question", None, "Question", "", 5, 1),
        ("answer", LAVROV, LAVROV, "", 7, 1),
    ],
    "no_date": [("question", None, "Question", "", 3, 1), ("answer", LAVROV, LAVROV, "", 5, 1)],
    "cut_off": [("remarks", LAVROV, "", "", 7, 2)],
    "front_matter": [
        ("remarks", LAVROV, LAVROV, "", 17, 1),
        ("remarks", "Heiko Maas", "Heiko Maas", "", 19, 1),
        ("question", None, "Question", "", 21, 1),
        ("answer", LAVROV, LAVROV, "", 23, 1),
    ],
    "cp1251": [
        ("remarks", None, "", "", 7, 2),
        ("question", None, "Вопрос", "", 11, 1),
        ("answer", "С.В.Лавров", "С.В.Лавров", "", 13, 1),
    ],
    "latin1": [
        ("remarks", LAVROV, "", "", 4, 2),
        ("question", None, "Question", "", 8, 1),
        ("answer", LAVROV, LAVROV, "", 10, 1),
    ],
    "crlf_bom": [
        ("remarks", LAVROV, "", "", 7, 2),
        ("question", None, "Question", "", 11, 1),
        ("answer", LAVROV, LAVROV, "", 13, 1),
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED_TURNS))
def test_each_layout_fixture_gives_exactly_its_turns(name: str) -> None:
    assert outline(read(FIXTURES / f"{name}.txt")) == EXPECTED_TURNS[name]


def test_every_question_and_answer_label_of_the_samples_opens_a_turn() -> None:
    document = read(TRANSCRIPTS / "2016-10-28-lavrov-syria-iran.txt")
    assert [(t.kind, t.label, t.qualifier) for t in document.turns[1:4]] == [
        ("question", "Question (addressed to all ministers)", "addressed to all ministers"),
        ("answer", f"{LAVROV} (adds after {ZARIF})", f"adds after {ZARIF}"),
        ("question", "Question (addressed to all ministers)", "addressed to all ministers"),
    ]
    iraq = read(TRANSCRIPTS / "2020-11-25-lavrov-iraq.txt")
    assert [t.label for t in iraq.turns] == [
        "",
        "Question (translated from Arabic)",
        LAVROV,
        "Question",
        LAVROV,
        "Question (for both ministers)",
        f"{LAVROV} (speaking after Fuad Hussein)",
    ]


def test_the_first_question_of_the_bahrain_sample_spans_two_paragraphs() -> None:
    document = read(TRANSCRIPTS / "2021-07-02-lavrov-bahrain.txt")
    question = document.turns[1]
    # Lines count from the top of the file, front matter (three lines) included.
    assert (question.kind, question.line) == ("question", 35)
    assert [(p.number, p.line) for p in question.paragraphs] == [(13, 35), (14, 37)]
    assert question.paragraphs[0].text.startswith("ISIS has stepped up")
    assert question.paragraphs[1].text == (
        "In Syria, the Kurds believe that their rights are not guaranteed. "
        "What action will Russia take to implement them?"
    )


def test_paragraphs_are_numbered_from_one_across_the_whole_document() -> None:
    document = read(TRANSCRIPTS / "2016-10-28-lavrov-syria-iran.txt")
    assert [p.number for p in document.paragraphs] == list(range(1, 29))
    assert [t.number for t in document.turns] == list(range(1, 8))


def test_the_paragraph_text_excludes_the_label_and_folds_no_break_spaces() -> None:
    document = read(TRANSCRIPTS / "2020-11-25-lavrov-iraq.txt")
    answer = document.turns[6]
    assert answer.paragraphs[0].text.startswith("As for Moscow’s position on the US military")


@pytest.mark.parametrize(
    ("text", "label", "qualifier", "rest", "kind"),
    [
        ("Question: Very intensive talks", "Question", "", "Very intensive talks", "question"),
        ("Question (addressed to all ministers): Talks", "Question (addressed to all ministers)",
         "addressed to all ministers", "Talks", "question"),
        ("Question (translated from Arabic): Talks", "Question (translated from Arabic)",
         "translated from Arabic", "Talks", "question"),
        ("Q: Will the talks start?", "Q", "", "Will the talks start?", "question"),
        ("QUESTION: Madame Secretary", "QUESTION", "", "Madame Secretary", "question"),
        ("Sergey Lavrov:", "Sergey Lavrov", "", "", "speaker"),
        (f"Sergey Lavrov (adds after {ZARIF}): There", f"Sergey Lavrov (adds after {ZARIF})",
         f"adds after {ZARIF}", "There", "speaker"),
        ("FOREIGN MINISTER LAVROV: (In Russian, through interpreter) Thank you.",
         "FOREIGN MINISTER LAVROV (In Russian, through interpreter)",
         "In Russian, through interpreter", "Thank you.", "speaker"),
        ("President of Russia Vladimir Putin: Mr Prime Minister,",
         "President of Russia Vladimir Putin", "", "Mr Prime Minister,", "speaker"),
        ("Lavrov: We hope so.", "Lavrov", "", "We hope so.", "speaker"),
        ("A: Yes.", "A", "", "Yes.", "answer"),
    ],
)  # fmt: skip
def test_label_forms_are_read_with_label_qualifier_and_text(
    text: str, label: str, qualifier: str, rest: str, kind: str
) -> None:
    found = read_label(text)
    assert found is not None
    assert (found.text, found.qualifier, found.rest, found.kind) == (label, qualifier, rest, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Here is a case in point: the school was not hit.",
        "In Syria: the situation is difficult.",
        "The key reason is as follows: the United States withdrew.",
        "We agreed on three points:",
        "There are three Points To Note Here Today In Moscow Right Now: yes",
        "Lavrov:said without a space",
        "2021: a year of talks",
        # a credit line in any language the layouts file lists labels for: no speaker
        "Source: Xinhua",
        "Fuente: Published by Prensa Latina, via Google News",
        "Quelle: dpa",
    ],
)
def test_prose_ending_in_a_colon_is_not_a_label(text: str) -> None:
    assert read_label(text) is None


def test_a_one_word_speaker_label_needs_support_from_the_document() -> None:
    lone = body("Opening words.\n\nNote that: this is prose.\n\nMoscow: a city.")
    assert [t.label for t in lone.turns] == [""]
    recurring = body("Lavrov: One.\n\nSmith: Two.\n\nLavrov: Three.")
    assert [(t.kind, t.label) for t in recurring.turns] == [
        ("remarks", "Lavrov"),
        ("remarks", "Lavrov"),
    ]
    assert [p.text for p in recurring.turns[0].paragraphs] == ["One.", "Smith: Two."]


def test_a_label_with_nothing_before_the_next_label_stays_text() -> None:
    found = body("Question:\n\nSergey Lavrov: Yes.")
    assert [(t.kind, t.label) for t in found.turns] == [
        ("remarks", ""),
        ("remarks", "Sergey Lavrov"),
    ]
    assert found.turns[0].paragraphs[0].text == "Question:"


def test_a_label_alone_on_its_line_takes_the_next_paragraph() -> None:
    found = body("Question:\n\nWhat next?\n\nSergey Lavrov:\n\nWe will see.")
    assert [(t.kind, t.line, [p.text for p in t.paragraphs]) for t in found.turns] == [
        ("question", 1, ["What next?"]),
        ("answer", 5, ["We will see."]),
    ]


def test_news_paragraphs_are_single_lines_with_short_sub_headings() -> None:
    document = read(TRANSCRIPTS / "2021-07-02-news-lavrov-gulf-security-concept.txt")
    headings = [(p.number, p.line, p.text) for p in document.paragraphs if p.heading]
    assert headings == [
        (5, 13, "Syria Consensus"),
        (10, 18, "Afghanistan Danger"),
    ]  # + front matter
    assert len(document.paragraphs) == 14
    assert document.footnotes == (
        "*A terrorist group outlawed in Russia and many other countries.",
    )


def test_a_briefing_has_topical_sub_headings_and_no_labels() -> None:
    document = read(FIXTURES / "briefing_subheadings.txt")
    assert [p.line for p in document.paragraphs if p.heading] == [7, 13, 19]
    assert not any(t.label for t in document.turns)


def test_photo_credits_separators_footnotes_and_chrome_are_dropped_with_a_reason() -> None:
    found = body("Text one.\n© AP Photo\n* * *\nAdvanced settings\n*A footnote.\nText two.")
    assert found.dropped == (
        Dropped(2, "© AP Photo", "photo-credit"),
        Dropped(3, "* * *", "separator"),
        Dropped(4, "Advanced settings", "chrome"),
        Dropped(5, "*A footnote.", "footnote"),
    )
    assert found.footnotes == ("*A footnote.",)
    assert [p.text for p in found.turns[0].paragraphs] == ["Text one.", "Text two."]


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    found = body(
        "We discussed the situation in Syria and agreed that the political\n"
        "process must continue.\n"
        "Short last line.\n"
        "Question: And Iraq?\n"
        "Sergey Lavrov: We discussed it as well, in detail, together with\n"
        "our colleagues."
    )
    assert [(t.kind, [(p.line, p.text) for p in t.paragraphs]) for t in found.turns] == [
        ("remarks", [(1, "We discussed the situation in Syria and agreed that the political "
                         "process must continue."),
                     (3, "Short last line.")]),
        ("question", [(4, "And Iraq?")]),
        ("answer", [(5, "We discussed it as well, in detail, together with our colleagues.")]),
    ]  # fmt: skip


def test_every_sample_line_is_a_paragraph_a_label_a_footnote_or_dropped() -> None:
    for path in sorted(TRANSCRIPTS.glob("*.txt")):
        document = read(path)
        lines = path.read_text(encoding="utf-8").split("\n")
        used = {d.line for d in document.dropped} | {p.line for p in document.paragraphs}
        used |= {t.line for t in document.turns}
        unused = [i + 1 for i, line in enumerate(lines) if line.strip() and i + 1 not in used]
        assert unused == [], path.name


def test_the_reader_keeps_a_documents_source_identity() -> None:
    path = TRANSCRIPTS / "2021-03-17-lavrov-israel.txt"
    source, _ = read_source(
        path, "transcripts/2021-03-17-lavrov-israel.txt", "2021-03-17-lavrov-israel"
    )
    assert source is not None
    document, _ = read_document(source)
    assert (document.id, document.path, document.encoding, document.sha256) == (
        source.id,
        source.path,
        "utf-8",
        source.sha256,
    )
    assert isinstance(source, SourceText)


def test_an_outlet_named_by_its_web_address_that_asks_labels_a_question() -> None:
    """Azerbaijan's ministry prints an interview's question after the outlet's address and a
    dash ("News.az - ... How would you comment on this?"); an address that asks nothing, or a
    name without one, opens no question."""
    asked = read_label(
        "News.az - Foreign Minister of Armenia claims that as if Azerbaijan did not join to the "
        "statement. How would you comment on this?"
    )
    assert asked is not None
    assert (asked.kind, asked.outlet) == ("question", "News.az")
    assert read_label("News.az - Foreign Minister Elmar Mammadyarov met the co-chairs.") is None
    assert read_label("Reuters - Did the Foreign Minister meet the co-chairs?") is None
