"""Finding quotations in news reports: what counts as a quotation, who it is attributed to."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.model import Document, Metadata, Paragraph, Turn
from parley.read.quotes import Quotation, find_quotations


def report(*paragraphs: str, speaker: str | None = None) -> Document:
    paras = tuple(Paragraph(i + 1, text, i + 3) for i, text in enumerate(paragraphs))
    meta = Metadata(title="A report", date="2021-07-02", speakers=(speaker,) if speaker else ())
    turn = Turn(1, "remarks", None, "", "", paras, 3)
    return Document("r", "r.txt", "utf-8", "", meta, (turn,))


def found(*paragraphs: str, speaker: str | None = None) -> list[tuple[int, str, str]]:
    return [
        (q.paragraph, q.speaker, q.text)
        for q in find_quotations(report(*paragraphs, speaker=speaker))
    ]


def test_a_quotation_followed_by_name_and_verb() -> None:
    # from the sample report (transcripts/2021-07-02-news-lavrov-gulf-security-concept.txt)
    text = "“We have not only an interest in this,” Lavrov indicated."
    assert found(text) == [(1, "Lavrov", "We have not only an interest in this")]


def test_a_quotation_after_name_and_verb_with_a_colon() -> None:
    assert found('Guterres said: "Action is what the world needs now."') == [
        (1, "Guterres", "Action is what the world needs now")
    ]


def test_verb_before_name_and_titles_and_days_are_not_part_of_the_name() -> None:
    text = (
        "UN Secretary-General António Guterres Friday said that Pakistan had suffered "
        "“unprecedented” flood destruction."
    )
    assert found(text) == [(1, "António Guterres", "unprecedented")]


def test_a_pronoun_stands_for_the_last_person_quoted() -> None:
    assert found(
        '"Russia is concerned," Lavrov said.',
        '"Those who drag it out should think of the consequences," he warned.',
    )[1] == (2, "Lavrov", "Those who drag it out should think of the consequences")


def test_a_role_stands_for_the_last_person_quoted() -> None:
    text = 'The minister emphasised that the "irresponsible approach of officials" was a factor.'
    assert found(text, speaker="Sergei Lavrov") == [
        (1, "Sergei Lavrov", "irresponsible approach of officials")
    ]


def test_a_quotation_split_by_its_attribution_is_one_quotation_in_two_parts() -> None:
    quotes = find_quotations(
        report("“I have just returned from Pakistan,” Guterres said. “A future of climate chaos.”")
    )
    assert [q.parts for q in quotes] == [
        ("I have just returned from Pakistan,", "A future of climate chaos.")
    ]


def test_quoted_words_with_no_speaker_are_not_quotations() -> None:
    assert found("The group calls itself “Islamic State” and holds the “de-escalation zone”.") == []


def test_a_paragraph_that_only_quotes_goes_on_quoting_the_last_speaker() -> None:
    assert found('"First," Putin said.', '"The proceedings must begin rapidly."')[1] == (
        2,
        "Putin",
        "The proceedings must begin rapidly",
    )


def test_another_speaker_named_with_the_verb_takes_the_quotation() -> None:
    quotes = found(
        '"We portrayed a constructive attitude," Erdogan said.', '"Rapidly," Putin said.'
    )
    assert [(n, who) for n, who, _ in quotes] == [(1, "Erdogan"), (2, "Putin")]


def test_the_speakers_title_is_kept_as_the_role() -> None:
    (quote,) = find_quotations(
        report("U.N. Secretary-General Antonio Guterres warned of a “bloodbath” in Idlib.")
    )
    assert (quote.speaker, quote.role) == ("Antonio Guterres", "Secretary-General")


def test_curly_marks_the_page_got_wrong_still_pair() -> None:
    assert found("Guterres said “but next week begins the greatest G of all.“")[0][2] == (
        "but next week begins the greatest G of all"
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), min_size=1, max_size=4)
)
def test_never_raises_and_every_part_is_in_its_paragraph(paragraphs: list[str]) -> None:
    doc = report(*paragraphs)
    for quote in find_quotations(doc):
        assert isinstance(quote, Quotation)
        text = doc.paragraphs[quote.paragraph - 1].text
        assert all(part in text[quote.start : quote.end] for part in quote.parts)
