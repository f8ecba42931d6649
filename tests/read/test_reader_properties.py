"""Properties of the reader on arbitrary input: it never raises, and it loses nothing."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.model import KINDS, PUBLISHERS, TURN_KINDS, Document, SourceText
from parley.read.document import read_document
from parley.read.sources import decode

WORD = re.compile(r"\w+")

#: Lines that exercise every rule of the reader, mixed with arbitrary text below.
LINES = [
    "Asset Publisher", "2 July 202117:15", "28 October 201617:05", "31 February 2016",
    "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news "
    "conference with Foreign Minister of the Kingdom of Bahrain Abdullatif bin Rashid "
    "Alzayani, Moscow, July 2, 2021",
    "  • de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1", "Ladies and gentlemen,", "Question:",
    "Question (addressed to all ministers): Very intensive talks took place today.",
    "Sergey Lavrov (adds after Mohammad Javad Zarif): There are political aspects here.",
    "Sergey Lavrov:", "Lavrov: We hope so.", "Q: Will the talks start?", "A: Yes.",
    "FOREIGN MINISTER LAVROV: (In Russian, through interpreter) Thank you.",
    "SECRETARY RICE: Good afternoon.", "President of Russia Vladimir Putin: Mr Prime Minister,",
    "Here is a case in point:", "Syria Consensus", "© AP Photo / U.S. Navy", "* * *",
    "*A terrorist group outlawed in Russia.", "Additional materials", "Advanced settings",
    "09:41 GMT 02.07.2021 (Updated: 11:01 GMT 02.07.2021)", "Submitted on Tue, 04/21/2015 - 22:00",
    "December 20, 2012, Moscow", "Secretary Condoleezza Rice", "Moscow, Russia",
    "(11:00 a.m. EST)", "MOSCOW, Jan 26 (Reuters) - The following is a transcript.",
    "---", "...", "title: Remarks", "title: [a, b", "date: 2021-02-30", "kind: nonsense",
    "counterparts: [{name: X, role: Y, country: Z, extra: 1}]", "place: {city: Bonn}",
    "time: 25:99", "  - item", "", "", "",
]  # fmt: skip
LINE = st.one_of(
    st.sampled_from(LINES),
    st.text(max_size=40),
    st.text(alphabet="Qq: ()[]*©•-–.,'’\t\r\u00a0\u2028\x85aZ1", max_size=25),
)
DOCUMENT_TEXT = st.one_of(st.lists(LINE, max_size=30).map("\n".join), st.text(max_size=400))
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(text: str):
    return read_document(SourceText("transcripts/x.txt", "x", text, "utf-8", "0" * 64))


def model_words(document: Document) -> list[str]:
    """The words of the model in source order: dropped lines, labels, then paragraph text."""
    pieces = [(d.line, 0, d.text) for d in document.dropped]
    for turn in document.turns:
        pieces += [(turn.line, 0, turn.label)] + [(p.line, 1, p.text) for p in turn.paragraphs]
    return [word for _, _, text in sorted(pieces) for word in WORD.findall(text)]


@SETTINGS
@given(DOCUMENT_TEXT)
def test_the_reader_never_raises_and_keeps_every_word_in_order(text):
    document, _ = read(text)
    assert model_words(document) == WORD.findall(text)


@SETTINGS
@given(DOCUMENT_TEXT)
def test_every_non_blank_line_is_a_paragraph_a_label_or_dropped(text):
    document, _ = read(text)
    lines = text.split("\n")
    starts = sorted(
        {d.line for d in document.dropped}
        | {p.line for p in document.paragraphs}
        | {t.line for t in document.turns}
    )
    assert all(lines[line - 1].strip() for line in starts)
    if any(line.strip() for line in lines):
        first = next(i + 1 for i, line in enumerate(lines) if line.strip())
        assert starts[0] == first


@SETTINGS
@given(DOCUMENT_TEXT)
def test_numbering_is_continuous_and_turns_are_never_empty(text):
    document, _ = read(text)
    assert [p.number for p in document.paragraphs] == list(range(1, len(document.paragraphs) + 1))
    assert [t.number for t in document.turns] == list(range(1, len(document.turns) + 1))
    assert all(turn.paragraphs and turn.kind in TURN_KINDS for turn in document.turns)
    assert all(
        p.text and p.text == p.text.strip() and "  " not in p.text for p in document.paragraphs
    )


@SETTINGS
@given(DOCUMENT_TEXT)
def test_metadata_values_stay_in_their_vocabularies(text):
    document, problems = read(text)
    meta = document.meta
    assert meta.kind in KINDS and meta.publisher in PUBLISHERS
    if meta.date is not None:
        dt.date.fromisoformat(meta.date)
    if meta.time is not None:
        dt.time.fromisoformat(meta.time)
    assert all(problem.path == "transcripts/x.txt" for problem in problems)
    assert all(problem.severity in ("warning", "info") for problem in problems)


@SETTINGS
@given(DOCUMENT_TEXT)
def test_the_same_text_reads_to_the_same_model(text):
    assert read(text) == read(text)


@SETTINGS
@given(st.binary(max_size=600))
def test_arbitrary_bytes_decode_and_read_without_raising(raw):
    decoded = decode(raw)
    if decoded is not None:
        text, encoding = decoded
        document, _ = read_document(SourceText("transcripts/x.txt", "x", text, encoding, "0"))
        assert model_words(document) == WORD.findall(text)
