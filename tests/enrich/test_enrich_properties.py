"""Enrichment never raises, whatever the text, and what it finds is consistent with the text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.enrich.document import enrich
from parley.model import SourceText
from parley.read.document import read_document
from parley.vocab.vocabulary import load_vocabulary

REPO = Path(__file__).resolve().parents[2]
VOCAB, _ = load_vocabulary(REPO / "data")

#: Words that make the text worth enriching: names, demonyms, cities, organisations, topic terms.
WORDS = st.sampled_from(
    [
        "Syria",
        "Syrian",
        "Niger",
        "Nigeria",
        "Georgia",
        "Turkey",
        "turkey",
        "Astana format",
        "The Hague",
        "Washington's",
        "Kurdish",
        "Zarif",
        "Mohammed Javad Zarif",
        "ISIS",
        "Resolution 2254",
        "JCPOA",
        "refugees",
        "sanctions",
        "Question:",
        "Sergey Lavrov:",
        "Papua New Guinea",
        "Guinea",
        "US",
        "us",
        "\n\n",
        "\n",
        " ",
        ", ",
        ".",
        "(",
        ")",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=80).map("".join),
)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_enriching_any_document_never_raises_and_mentions_point_into_the_text(text: str) -> None:
    document, _ = read_document(SourceText("transcripts/x.txt", "x", text, "utf-8", "0" * 64))
    entry = enrich(document, VOCAB)
    paragraphs = {p.number: p.text for p in entry.doc.paragraphs}
    for mention in entry.facts.mentions:
        assert mention.paragraph in paragraphs
        assert 0 <= mention.start < mention.end <= len(paragraphs[mention.paragraph])
    counts = Counter((m.kind, m.key) for m in entry.facts.mentions)
    assert {(t.kind, t.key): t.count for t in entry.facts.tallies} == dict(counts)
    for topic in entry.facts.topics:
        assert set(topic.paragraphs) <= set(paragraphs)
    assert entry.doc.paragraphs == document.paragraphs  # enrichment never changes the text
