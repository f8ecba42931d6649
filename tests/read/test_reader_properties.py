"""Properties of the reader on arbitrary input: it never raises, and it loses nothing.

The texts are drawn from three sources, so a new rule of the reader is fuzzed as soon as it
exists: lines that exercise known rules (``LINES``), lines of every real text in
``tests/realdocs/`` (whatever layouts the corpus holds, the rules written for them meet them
here), and generated turn labels, datelines and news-article chrome (``SHAPED_LINE``), each
mixed with arbitrary text, cut short, or run together.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.model import KINDS, PUBLISHERS, TURN_KINDS, Diagnostic, Document, SourceText
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
#: Lines of the real texts of the development corpus (its first lines: head, labels, chrome;
#: each cut at 300 characters, past any label or dateline, to keep examples small).
REAL_LINES = sorted(
    {
        line[:300]
        for path in (Path(__file__).parents[1] / "realdocs").glob("*/*.txt")
        for line in path.read_text(encoding="utf-8").split("\n")[:40]
    }
) or [""]
#: Pieces of turn labels, datelines and article chrome, combined by ``SHAPED_LINE``.
NAMES = [
    "Sergey Lavrov",
    "Shri Arindam Bagchi",
    "OHTAKA Masato",
    "Mr. Dujarric",
    "Sidhant",
    "Hua Chunying",
    "Prime Minister",
    "Spokesperson",
    "Question",
    "Q",
    "QUESTION",
    "Lavrov",
    "Foreign Minister Lavrov",
    "MR. PRICE",
    "Kadambini Sharma",
    "Мария Захарова",
    "A",
]
ROLES = [
    "",
    ", Official Spokesperson",
    ", Press Secretary",
    " (translated from Arabic)",
    " (adds after Walid Muallem)",
    " (Answered in Hindi)",
    " (inaudible)",
    "(",
    ")",
]
CITIES = ["MOSCOW", "GENEVA", "New York", "WASHINGTON", "Tokyo", "NEW DELHI", "Ankara", ""]
AGENCIES = ["Reuters", "AP", "AFP", "TASS", "RIA Novosti", "Xinhua", "dpa", "x"]
DATES = [
    "Jan 26",
    "July 2, 2021",
    "2 July 2021",
    "02.07.2021",
    "Wednesday, March 22, 2017",
    "27 April 2017",
    "(July 07, 2022)",
    "April 31",
    "",
]
CHROME = ["© Reuters", "Photo: AP", "Read more:", "Updated 11:01 GMT 02.07.2021", "Advertisement",
          "Share this article", "Skip to main content", "Media Center", "Press Conferences",
          "Opening remarks", "(1) G20 Aichi-Nagoya Foreign Ministers’ Meeting", "**Global Goals",
          "By Jane Doe and John Roe", "Unofficial translation from Russian", "2240-20-12-2006",
          "This is a provisional translation by an external company for reference purpose only.",
          ]  # fmt: skip
TAIL = st.one_of(
    st.sampled_from(["", " Thank you.", " Good afternoon.", " —", " "]), st.text(max_size=20)
)
SHAPED_LINE = st.one_of(
    # a turn label: "Shri Arindam Bagchi, Official Spokesperson: Thank you."
    st.builds("{}{}:{}".format, st.sampled_from(NAMES), st.sampled_from(ROLES), TAIL),
    # a wire dateline: "MOSCOW, Jan 26 (Reuters) - The minister said ..."
    st.builds(
        "{}, {} ({}) {}{}".format, st.sampled_from(CITIES), st.sampled_from(DATES),
        st.sampled_from(AGENCIES), st.sampled_from(["-", "—", "–", ""]), TAIL,
    ),
    # a bare dateline: "GENEVA — ..." | "LONDON (AP) ..."
    st.builds(
        "{} {}{}".format, st.sampled_from(CITIES), st.sampled_from(["—", "-", "(AP)"]), TAIL
    ),
    st.sampled_from(CHROME),
    st.sampled_from(DATES),
)  # fmt: skip
LINE = st.one_of(
    st.sampled_from(LINES),
    st.sampled_from(REAL_LINES),
    SHAPED_LINE,
    st.text(max_size=40),
    st.text(alphabet="Qq: ()[]*©•-–.,'’\t\r\u00a0\u2028\x85aZ1", max_size=25),
)
#: A line cut at any point, or two lines run together: how copied pages go wrong.
DAMAGED_LINE = st.one_of(
    st.tuples(LINE, st.integers(0, 60)).map(lambda pair: pair[0][: pair[1]]),
    st.tuples(LINE, LINE).map("".join),
)
DOCUMENT_TEXT = st.one_of(
    st.lists(LINE, max_size=30).map("\n".join),
    st.lists(st.one_of(LINE, DAMAGED_LINE), max_size=30).map("\n".join),
    st.lists(st.one_of(SHAPED_LINE, st.sampled_from(REAL_LINES)), max_size=20).map("\n\n".join),
    st.text(max_size=400),
)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(text: str) -> tuple[Document, list[Diagnostic]]:
    return read_document(SourceText("transcripts/x.txt", "x", text, "utf-8", "0" * 64))


def model_words(document: Document) -> list[str]:
    """The words of the model in source order: dropped lines, labels, then paragraph text."""
    pieces = [(d.line, 0, d.text) for d in document.dropped]
    for turn in document.turns:
        pieces += [(turn.line, 0, turn.label)] + [(p.line, 1, p.text) for p in turn.paragraphs]
    return [word for _, _, text in sorted(pieces) for word in WORD.findall(text)]


@SETTINGS
@given(DOCUMENT_TEXT)
def test_the_reader_never_raises_and_keeps_every_word_in_order(text: str) -> None:
    document, _ = read(text)
    assert model_words(document) == WORD.findall(text)


@SETTINGS
@given(DOCUMENT_TEXT)
def test_every_non_blank_line_is_a_paragraph_a_label_or_dropped(text: str) -> None:
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
def test_numbering_is_continuous_and_turns_are_never_empty(text: str) -> None:
    document, _ = read(text)
    assert [p.number for p in document.paragraphs] == list(range(1, len(document.paragraphs) + 1))
    assert [t.number for t in document.turns] == list(range(1, len(document.turns) + 1))
    assert all(turn.paragraphs and turn.kind in TURN_KINDS for turn in document.turns)
    assert all(
        p.text and p.text == p.text.strip() and "  " not in p.text for p in document.paragraphs
    )


@SETTINGS
@given(DOCUMENT_TEXT)
def test_metadata_values_stay_in_their_vocabularies(text: str) -> None:
    document, problems = read(text)
    meta = document.meta
    assert meta.kind in KINDS and meta.publisher in PUBLISHERS
    if meta.date is not None:
        dt.date.fromisoformat(meta.date)
    if meta.time is not None:
        dt.time.fromisoformat(meta.time)
    assert all(problem.path == "transcripts/x.txt" for problem in problems)
    assert all(problem.severity in ("warning", "info") for problem in problems)


#: Reads each JSON-encoded text of its input lines, and prints the repr of the model read.
CHILD_READER = """
import json, sys
from parley.model import SourceText
from parley.read.document import read_document
for line in sys.stdin:
    source = SourceText("transcripts/x.txt", "x", json.loads(line), "utf-8", "0" * 64)
    print(json.dumps(repr(read_document(source))), flush=True)
"""


@pytest.fixture(scope="module")
def other_process() -> Iterator[Callable[[str], str]]:
    """The reader in a child process with another hash seed: anything that depends on the
    order of a set or on ``hash()`` reads differently there."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_READER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    stdin, stdout = child.stdin, child.stdout

    def read_there(text: str) -> str:
        stdin.write(json.dumps(text) + "\n")
        stdin.flush()
        return str(json.loads(stdout.readline()))

    yield read_there
    stdin.close()
    child.wait()


@SETTINGS
@given(DOCUMENT_TEXT)
def test_the_same_text_reads_to_the_same_model_in_another_process(
    other_process: Callable[[str], str], text: str
) -> None:
    assert repr(read(text)) == other_process(text)


@SETTINGS
@given(st.binary(max_size=600))
def test_arbitrary_bytes_decode_and_read_without_raising(raw: bytes) -> None:
    decoded = decode(raw)
    if decoded is not None:
        text, encoding = decoded
        document, _ = read_document(SourceText("transcripts/x.txt", "x", text, encoding, "0"))
        assert model_words(document) == WORD.findall(text)
