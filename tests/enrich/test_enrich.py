"""Enrichment: countries resolved in the head, facts from the paragraphs, names canonical."""

from __future__ import annotations

import importlib.util
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from parley.enrich.document import enrich, tally
from parley.model import Counterpart, Document, Entry, Metadata, Paragraph, Place, Turn
from parley.vocab.vocabulary import load_vocabulary
from tests.support.golden_files import assert_golden

VOCAB, _ = load_vocabulary(Path(__file__).resolve().parents[2] / "data")

TITLE = (
    "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news "
    "conference with Deputy Prime Minister and Minister of Foreign Affairs and Expatriates of the "
    "Syrian Arab Republic Walid Muallem and Foreign Minister of the Islamic Republic of Iran "
    "Mohammed Javad Zarif , Moscow, October 28, 2016"
)
PARAGRAPHS = (
    "Ladies and gentlemen,",
    "We also exchanged opinions on the situation in neighbouring Iraq, where the so-called "
    "international anti-ISIS coalition has mounted an operation to free Mosul. We are interested "
    "in taking measures, together with our Iraqi colleagues, to prevent the escape of terrorists "
    "from Mosul to Syria with their arms and heavy equipment.",
    "We stated that the responsibility for the deterioration of the economic situation of the "
    "Syrian people lies not only with terrorists. We welcomed the assurances provided by Syrian "
    "Foreign Minister Walid Muallem that the delegation of the Syrian government is willing to "
    "come to Geneva in accordance with UN Security Council Resolution 2254.",
    "Here, as Mr Muallem said, there has been no progress. The Astana format will meet again. "
    "The situation in eastern Aleppo and Idlib, where terrorists shell humanitarian corridors, "
    "is a humanitarian catastrophe; the terrorists must leave eastern Aleppo.",
)


def sample() -> Document:
    paragraphs = tuple(Paragraph(n, text, 8 + 2 * n) for n, text in enumerate(PARAGRAPHS, 1))
    meta = Metadata(
        title=TITLE,
        date="2016-10-28",
        kind="news-conference",
        speakers=("Sergei Lavrov",),
        counterparts=(
            Counterpart("Walid Muallem", "Deputy Prime Minister", "the Syrian Arab Republic"),
            Counterpart("Mohammed Javad Zarif", "Foreign Minister", "the Islamic Republic of Iran"),
        ),
        place=Place(city="Moscow"),
        publisher="ministry",
        layout="ministry",
    )
    turns = (
        Turn(1, "remarks", "Sergei Lavrov", "", "", paragraphs[:3], 10),
        Turn(2, "answer", "Sergei Lavrov", "Sergei Lavrov (adds after Mohammed Javad Zarif)",
             "", paragraphs[3:], 16),
    )  # fmt: skip
    return Document("2016-10-28-sample", "transcripts/sample.txt", "utf-8", "0" * 64, meta, turns)


def describe(entry: Entry) -> str:
    """The facts of an entry as reviewable text, for the golden file."""
    facts = entry.facts
    meta = entry.doc.meta
    lines = [f"speakers: {', '.join(meta.speakers)}"]
    lines += [f"counterpart: {c.name} ({c.country})" for c in meta.counterparts]
    lines += [f"turn {t.number} speaker: {t.speaker}" for t in entry.doc.turns]
    lines += [f"counterpart countries: {' '.join(facts.counterpart_countries)}"]
    lines += [f"host country: {facts.host_country}"]
    text = {p.number: p.text for p in entry.doc.paragraphs}
    lines += [
        f"mention p{m.paragraph} {m.start}-{m.end} {m.kind} {m.key}: "
        f"{text[m.paragraph][m.start : m.end]}"
        for m in facts.mentions
    ]
    lines += [f"tally {t.kind} {t.key} {t.count} in {list(t.paragraphs)}" for t in facts.tallies]
    lines += [f"topic {t.slug} {t.score:g} from {list(t.paragraphs)}" for t in facts.topics]
    return "\n".join(lines) + "\n"


def test_enrichment_of_a_ministry_transcript_matches_the_golden_file() -> None:
    assert_golden("enrich/syria-iran-sample.txt", describe(enrich(sample(), VOCAB)))


def test_counterpart_and_host_countries_come_from_the_head_not_the_mentions() -> None:
    facts = enrich(sample(), VOCAB).facts
    assert facts.counterpart_countries == ("SY", "IR")
    assert facts.host_country == "RU"
    assert not any(m.key == "IR" for m in facts.mentions)


def test_names_in_the_head_and_turns_take_their_display_form() -> None:
    doc = enrich(sample(), VOCAB).doc
    assert doc.meta.speakers == ("Sergey Lavrov",)
    assert [c.name for c in doc.meta.counterparts] == ["Walid Muallem", "Mohammad Javad Zarif"]
    assert {t.speaker for t in doc.turns} == {"Sergey Lavrov"}
    assert doc.turns[1].label == "Sergei Lavrov (adds after Mohammed Javad Zarif)"


def test_a_short_form_counts_because_the_title_gives_the_full_name() -> None:
    facts = enrich(sample(), VOCAB).facts
    assert [m.paragraph for m in facts.mentions if m.key == "walid-muallem"] == [3, 4]


def test_the_title_is_not_scanned_for_mentions() -> None:
    doc = sample()
    bare = replace(doc, meta=replace(doc.meta, counterparts=(), place=None))
    facts = enrich(bare, VOCAB).facts
    assert facts.counterpart_countries == ()
    assert facts.host_country is None
    assert {m.paragraph for m in facts.mentions} == {2, 3, 4}


def test_a_counterpart_without_country_text_takes_the_persons_country() -> None:
    doc = sample()
    meta = replace(doc.meta, counterparts=(Counterpart("Fuad Hussein", "Foreign Minister", ""),))
    entry = enrich(replace(doc, meta=meta), VOCAB)
    assert entry.facts.counterpart_countries == ("IQ",)


def test_an_unknown_counterpart_keeps_the_name_as_written() -> None:
    doc = sample()
    meta = replace(doc.meta, counterparts=(Counterpart("Jane Roe", "Envoy", "Ruritania"),))
    entry = enrich(replace(doc, meta=meta), VOCAB)
    assert entry.doc.meta.counterparts == (Counterpart("Jane Roe", "Envoy", "Ruritania", None),)


def test_a_city_the_vocabulary_does_not_list_takes_its_country_from_the_gazetteer() -> None:
    doc = sample()
    for city, country in (("Samara", "RU"), ("Rovaniemi", "FI"), ("Moscow", "RU")):
        entry = enrich(replace(doc, meta=replace(doc.meta, place=Place(city=city))), VOCAB)
        assert entry.doc.meta.place == Place(city=city, country=country)
    # the country written beside the city wins; an unknown place keeps no country
    written = Place(city="Chicago", country_text="Germany")
    entry = enrich(replace(doc, meta=replace(doc.meta, place=written)), VOCAB)
    assert entry.doc.meta.place is not None and entry.doc.meta.place.country == "DE"
    entry = enrich(replace(doc, meta=replace(doc.meta, place=Place(city="Ruritania City"))), VOCAB)
    assert entry.doc.meta.place == Place(city="Ruritania City")


def test_tallies_sort_by_kind_then_count_descending_then_key() -> None:
    tallies = enrich(sample(), VOCAB).facts.tallies
    keys = [(t.kind, -t.count, t.key) for t in tallies]
    assert keys == sorted(keys)
    assert tally(()) == ()


def test_enrichment_is_pure_and_the_same_in_a_worker_process() -> None:
    first = enrich(sample(), VOCAB)
    assert enrich(sample(), VOCAB) == first
    assert enrich(sample(), pickle.loads(pickle.dumps(VOCAB))) == first


def load_accuracy_script() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("accuracy", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module
    spec.loader.exec_module(module)
    return module


def test_country_f1_on_the_hand_labelled_samples_is_at_least_095() -> None:
    accuracy = load_accuracy_script()
    root = Path(__file__).resolve().parents[2]
    tallies, _, lines, _, _ = accuracy.evaluate(root / "tests/labels", root / "transcripts", VOCAB)
    assert not [line for line in lines if "matches no reader paragraph" in line]
    for level in ("paragraph", "document"):
        assert tallies[("country", level)].scores()[2] >= 0.95
