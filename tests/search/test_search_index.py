"""The search index: tokenizer, postings, shards, text files, determinism and size."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.model import Entry, Mention
from parley.names import Names
from parley.search import index as search_index
from parley.search.codec import ALPHABET, LEVELS, ROLES, decode_numbers, encode_numbers, weight
from parley.search.index import (
    PART,
    build_search_index,
    document_index,
    paragraph_terms,
    postings_items,
    text_files,
)
from parley.search.synonyms import entity_term, outside_term, word_entities
from parley.search.tokens import STOP_WORDS, fold, stem, terms
from tests.support.fake_corpus import FakeVocabulary, entry
from tests.support.golden_files import assert_golden
from tests.support.sample_corpus import sample_entries as enriched_samples
from tests.support.sample_corpus import sample_vocabulary

VECTORS = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "search" / "tokenizer_vectors.json").read_text(
        "utf-8"
    )
)
SAMPLES = Path(__file__).resolve().parents[2] / "transcripts"
VOCAB = FakeVocabulary()

#: A generated script: "parleySearch.shard(3,{...});" -> call "shard", arguments "3,{...}".
SCRIPT = re.compile(r"^parleySearch\.(?P<call>\w+)\((?P<args>.*)\);\n$", re.DOTALL)

Postings = dict[int, dict[int, int]]
"""Document number -> paragraph -> weight."""


def call(text: str) -> tuple[str, list[Any]]:
    """The function a generated script calls and its arguments, parsed as JSON."""
    match = SCRIPT.match(text)
    assert match, f"not a parleySearch call: {text[:80]!r}"
    return match["call"], json.loads(f"[{match['args']}]")


def postings_of(encoded: str) -> Postings:
    """Decode one term's postings as the browser does."""
    numbers = decode_numbers(encoded)
    found: Postings = {}
    doc = -1
    i = 0
    while i < len(numbers):
        doc += numbers[i] + 1
        count = numbers[i + 1] + 1
        i += 2
        para = -1
        found[doc] = {}
        for _ in range(count):
            para += numbers[i] + 1
            found[doc][para] = numbers[i + 1] // len(ROLES) + 1
            i += 2
    return found


def read_index(files: dict[str, str]) -> tuple[dict[str, Any], dict[str, tuple[float, Postings]]]:
    """The manifest and every term's (idf, postings), checking each shard's own call."""
    name, (manifest,) = call(files["search/manifest.js"])
    assert name == "manifest"
    index: dict[str, tuple[float, Postings]] = {}
    for n in range(len(manifest["shards"])):
        name, (number, shard) = call(files[f"search/terms/{n}.js"])
        assert (name, number) == ("shard", n)
        for term, (idf, encoded) in shard.items():
            assert term not in index, f"{term!r} is in two shards"
            index[term] = (idf, postings_of(encoded))
    return manifest, index


def ids_of(files: dict[str, str]) -> list[str]:
    """Document ids in number order, from the ``search/ids/<k>.js`` files."""
    ids: list[str] = []
    k = 0
    while f"search/ids/{k}.js" in files:
        name, (number, some) = call(files[f"search/ids/{k}.js"])
        assert (name, number) == ("ids", k)
        ids += some
        k += 1
    return ids


def expected_postings(
    entries: list[Entry], ordered_ids: list[str]
) -> dict[str, set[tuple[int, int]]]:
    """Brute force: term -> {(document number, paragraph)} from each paragraph's own terms, and
    each mentioned entity's term; paragraph 0 has the metadata and its countries' entities."""
    found: dict[str, set[tuple[int, int]]] = {}
    names = Names(VOCAB)
    for e in entries:
        number = ordered_ids.index(e.doc.id)
        fields = search_index.metadata_fields(e, names)
        meta = " ".join(t for texts in fields.values() for t in texts)
        texts = [(0, meta)] + [(p.number, p.text) for p in e.doc.paragraphs]
        for para, text in texts:
            for term in terms(text):
                found.setdefault(term, set()).add((number, para))
        for m in e.facts.mentions:
            found.setdefault(entity_term(m.kind, m.key), set()).add((number, m.paragraph))
        for code in [*e.facts.counterpart_countries, e.facts.host_country]:
            if code:
                found.setdefault(entity_term("country", code), set()).add((number, 0))
    return found


def flatten(index: dict[str, tuple[float, Postings]]) -> dict[str, set[tuple[int, int]]]:
    return {
        term: {(doc, para) for doc, paras in postings.items() for para in paras}
        for term, (_idf, postings) in index.items()
    }


def sample_entries() -> list[Entry]:
    """The five sample transcripts as entries: blank-line paragraphs, first line as title."""
    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        blocks = [" ".join(b.split()) for b in path.read_text("utf-8").split("\n\n")]
        blocks = [b for b in blocks if b]
        found.append(
            entry(
                path.stem,
                path.stem[:10],
                title=blocks[0],
                turns=[("remarks", "", "Sergey Lavrov", "", blocks[1:])],
            )
        )
    return found


# -- the tokenizer ---------------------------------------------------------------------------------


@pytest.mark.parametrize("vector", VECTORS["terms"], ids=lambda v: v["case"])
def test_tokenizer_gives_the_shared_vectors_terms(vector: dict[str, Any]) -> None:
    assert terms(vector["text"]) == vector["terms"]


@pytest.mark.parametrize(("word", "stemmed"), VECTORS["stem"])
def test_stemmer_gives_the_shared_vectors_stems(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_folding_removes_accents_and_case_and_unifies_sigma() -> None:
    assert fold("Médecins ΣΟΣ Çavuşoğlu") == "medecins σοσ cavusoglu"


def test_stop_words_and_one_letter_words_are_not_indexed() -> None:
    assert terms("The talks of a minister in Moscow, and I said so") == [
        "talk",
        "minist",
        "moscow",
        "said",
    ]


WORDS = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40) | st.sampled_from(
    ["Syria", "Lavrov’s", "talks", "Médecins", "ΣΟΣ", "İstanbul", "ﬁ", "the", "theirs", "IFS"]
)


def test_a_stop_word_is_dropped_as_written_and_other_words_are_stemmed_after() -> None:
    # "theirs" is no stop word, so it is kept and stemmed, even though its stem "their" is one:
    # the browser drops stop words at the same point, so a query "theirs" finds the same term.
    assert terms("their theirs your yours") == ["their", "your"]


@settings(max_examples=150)
@given(st.lists(WORDS, max_size=8))
def test_terms_are_the_stems_of_folded_words_of_two_letters_or_more_not_stop_words(
    words: list[str],
) -> None:
    # the word is checked against the stop words, not its stem: "theirs" gives "their" (a stop
    # word as written), as in the browser (the shared vectors hold the case)
    text = " ".join(words)
    kept = [w for w in re.findall(r"[^\W_]+", fold(text)) if len(w) >= 2 and w not in STOP_WORDS]
    assert terms(text) == [stem(w) for w in kept]
    for term in terms(text):
        assert re.fullmatch(r"[^\W_]+", term)
        assert fold(term) == term


@settings(max_examples=150)
@given(st.lists(WORDS, max_size=8))
def test_terms_of_words_joined_by_spaces_are_the_terms_of_each(words: list[str]) -> None:
    assert terms(" ".join(words)) == [t for w in words for t in terms(w)]


@settings(max_examples=100)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,'-"))
def test_case_does_not_matter(text: str) -> None:
    assert terms(text.upper()) == terms(text.lower()) == terms(text)


# -- number encoding -------------------------------------------------------------------------------


def test_numbers_are_written_five_bits_a_letter_least_significant_first() -> None:
    assert encode_numbers([0, 31, 32, 1023]) == "0VW1_V"
    assert set(encode_numbers(range(5000))) <= set(ALPHABET)


@settings(max_examples=150)
@given(st.lists(st.integers(min_value=0, max_value=2**31)))
def test_decoding_gives_back_the_numbers(numbers: list[int]) -> None:
    assert decode_numbers(encode_numbers(numbers)) == numbers


# -- postings --------------------------------------------------------------------------------------


def corpus() -> list[Entry]:
    """Three documents: with Zarif in Moscow, with Muallem, and an undated note."""
    return [
        entry(
            "2016-10-28-syria-iran",
            "2016-10-28",
            title="Joint news conference with Walid Muallem and Mohammad Javad Zarif",
            counterparts=[
                ("Walid Muallem", "Foreign Minister", "SY"),
                ("Mohammad Javad Zarif", "Foreign Minister", "IR"),
            ],
            turns=[
                ("remarks", "", "Sergey Lavrov", "", ["The situation in Aleppo.", "Syrian talks."]),
                ("question", "Question", None, "", ["What about the Astana format?"]),
                ("answer", "Sergey Lavrov", "Sergey Lavrov", "", ["The UN and the Astana format."]),
            ],
            forms={("organisation", "un"): ("UN",)},
            topics=[("syrian-settlement", [1, 2])],
        ),
        entry(
            "2021-07-02-bahrain", "2021-07-02", title="Talks with Bahrain", place=("Manama", "BH")
        ),
        entry(
            "undated-note", None, title=None, place=None, turns=[("remarks", "", None, "", ["x"])]
        ),
    ]


def test_documents_are_numbered_newest_first_and_undated_last() -> None:
    entries = [*corpus(), entry("2021-07-02-another", "2021-07-02")]
    assert ids_of(build_search_index(entries, VOCAB)) == [
        "2021-07-02-another",
        "2021-07-02-bahrain",
        "2016-10-28-syria-iran",
        "undated-note",
    ]


def test_every_term_is_posted_at_exactly_the_paragraphs_that_hold_it() -> None:
    entries = corpus()
    files = build_search_index(entries, VOCAB)
    _, index = read_index(files)
    assert flatten(index) == expected_postings(entries, ids_of(files))


def test_a_documents_postings_read_back_give_each_term_once_with_its_paragraph_count() -> None:
    """A document's postings are kept as one text; read back, each term comes once, with how
    many paragraphs hold it: one letter up to 32 paragraphs, two from 33 on."""
    many = [f"Sanctions were discussed again, time {n}." for n in range(40)]
    doc = entry("2020-01-01-many", "2020-01-01", turns=[("remarks", "", "Sergey Lavrov", "", many)])
    part = document_index(doc, Names(VOCAB))
    items = [(t, count) for t, _, count in postings_items(part.postings)]
    counts = dict(items)
    assert len(counts) == len(items)
    (sanction,) = terms("Sanctions")
    assert counts[sanction] == 40
    (moscow,) = terms("Moscow")
    assert counts[moscow] == 1  # paragraph 0: the place
    assert counts == dict(_paragraph_counts(doc))


def _paragraph_counts(doc: Entry) -> Counter[str]:
    """Each term of a document and how many of its paragraphs (0 included) hold it."""
    found: Counter[str] = Counter()
    for _, counts, _, _ in paragraph_terms(doc, Names(VOCAB)):
        found.update(counts.keys())
    return found


def test_metadata_is_paragraph_zero_title_counterparts_countries_place_topics() -> None:
    _, index = read_index(build_search_index(corpus(), VOCAB))
    syria_iran = 1  # the Bahrain talks are newer
    for term in ("zarif", "muallem", "syria", "iran", "moscow", "russia", "settlement"):
        assert 0 in index[term][1][syria_iran], term
    assert "2016" not in index, "the year is a filter, not a word"
    assert 0 in index[entity_term("country", "IR")][1][syria_iran]
    assert 0 in index["manama"][1][0]
    assert 0 in index["bahrain"][1][0]


def test_a_mention_adds_the_entity_term_to_its_paragraph() -> None:
    _, index = read_index(build_search_index(corpus(), VOCAB))
    # "The UN and the Astana format." is paragraph 4; "Syrian talks." is paragraph 2.
    assert 4 in index[entity_term("organisation", "un")][1][1]
    assert 2 in index[entity_term("country", "SY")][1][1]
    assert 2 not in index[entity_term("organisation", "un")][1][1]
    assert "syria" not in index or 2 not in index["syria"][1].get(1, {}), "the word is not added"


def test_weights_grow_with_repetition_and_shrink_with_length() -> None:
    assert weight(1, 40, 40) < weight(3, 40, 40) < weight(10, 40, 40) <= LEVELS
    assert weight(1, 10, 40) > weight(1, 40, 40) > weight(1, 200, 40) >= 1


def test_rarer_terms_weigh_more() -> None:
    _, index = read_index(build_search_index(sample_entries(), VOCAB))
    assert index["zarif"][0] > index["aleppo"][0] > index["syria"][0] > 0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.lists(
                st.sampled_from(["Syria", "syrian", "Zarif", "the", "Astana", "format", "Ünity"]),
                min_size=1,
                max_size=12,
            ),
            min_size=1,
            max_size=5,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_postings_match_the_text_for_any_corpus(documents: list[list[list[str]]]) -> None:
    entries = [
        entry(
            f"doc-{n}",
            f"2020-01-{n % 28 + 1:02d}",
            turns=[("remarks", "", None, "", [" ".join(p) for p in paragraphs])],
            forms={},
        )
        for n, paragraphs in enumerate(documents)
    ]
    entries = [replace(e, facts=replace(e.facts, mentions=(), tallies=())) for e in entries]
    files = build_search_index(entries, VOCAB)
    _, index = read_index(files)
    assert flatten(index) == expected_postings(entries, ids_of(files))


# -- shards ----------------------------------------------------------------------------------------


def shard_of(firsts: list[str], term: str) -> int:
    """What search.js does: the last shard whose first term is not after ``term`` (UTF-16)."""
    key = term.encode("utf-16-be")
    candidates = [n for n, first in enumerate(firsts) if first.encode("utf-16-be") <= key]
    return candidates[-1] if candidates else -1


def test_shards_cut_the_sorted_terms_into_pieces_of_bounded_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_index, "SHARD_CHARS", 2000)
    files = build_search_index(sample_entries(), VOCAB)
    manifest, _ = read_index(files)
    firsts = manifest["shards"]
    assert len(firsts) > 10
    ordered: list[str] = []
    for n, first in enumerate(firsts):
        text = files[f"search/terms/{n}.js"]
        shard = call(text)[1][1]
        assert next(iter(shard)) == first
        assert len(text) <= 2000 + 100 or len(shard) == 1, f"shard {n} is too large"
        for term in shard:
            assert shard_of(firsts, term) == n
        ordered += shard
    assert ordered == sorted(ordered, key=lambda t: t.encode("utf-16-be"))


def test_terms_are_in_javascript_order_astral_letters_before_the_end_of_the_bmp() -> None:
    # U+FA0E is after U+20000 in UTF-16 order (the surrogate U+D840 comes first), not before.
    entries = [entry("a", turns=[("remarks", "", None, "", ["\ufa0e\ufa0e 𠀀𠀁 zz"])], forms={})]
    _, index = read_index(build_search_index(entries, VOCAB))
    tail = [t for t in index if t in ("zz", "𠀀𠀁", "\ufa0e\ufa0e")]
    assert tail == ["zz", "𠀀𠀁", "\ufa0e\ufa0e"]


# -- text files ------------------------------------------------------------------------------------


def test_text_file_holds_what_a_result_shows() -> None:
    files = build_search_index(corpus(), VOCAB)
    assert call(files["search/docs/2016-10-28-syria-iran.js"]) == (
        "text",
        [
            "2016-10-28-syria-iran",
            0,
            {
                "t": "Joint news conference with Walid Muallem and Mohammad Javad Zarif",
                "d": "28 October 2016",
                "k": "news conference",
                "w": "Moscow, Russia",
                "c": "Walid Muallem (Syria), Mohammad Javad Zarif (Iran)",
                "n": ["Sergey Lavrov"],
                "f": 1,
                "p": [
                    "The situation in Aleppo.",
                    "Syrian talks.",
                    "What about the Astana format?",
                    "The UN and the Astana format.",
                ],
                # (speaker + 1) * 4 + role: Lavrov's remarks, the question, Lavrov's answer
                "s": [5, 5, 2, 5],
            },
        ],
    )


def test_a_document_without_title_date_or_place_still_has_a_text_file() -> None:
    bare = corpus()[2]
    bare = replace(bare, doc=replace(bare.doc, meta=replace(bare.doc.meta, title=None)))
    files = build_search_index([bare], VOCAB)
    _, (_, _, head) = call(files["search/docs/undated-note.js"])
    assert head == {
        "t": "undated-note", "d": "undated", "k": "news conference", "w": "", "c": "", "n": [],
        "f": 1, "p": ["x"], "s": [0],
    }  # fmt: skip


def test_a_long_official_title_comes_with_the_short_title_the_page_shows() -> None:
    long = "Foreign Minister Sergey Lavrov's remarks and answers to media questions at a joint news conference following talks with Foreign Minister of Syria Walid Muallem"  # noqa: E501
    first = corpus()[0]
    first = replace(first, doc=replace(first.doc, meta=replace(first.doc.meta, title=long)))
    _, (_, _, head) = call(text_files(first, Names(VOCAB))["search/docs/2016-10-28-syria-iran.js"])
    assert head["t"] == long
    assert head["h"] == "Lavrov – Muallem, Zarif · Moscow · 28 Oct 2016"


def test_long_documents_are_split_into_parts_of_ten_paragraphs() -> None:
    texts = [f"Paragraph {n} about Syria." for n in range(1, 26)]
    files = build_search_index([entry("long", turns=[("remarks", "", None, "", texts)])], VOCAB)
    parts = sorted(p for p in files if p.startswith("search/docs/"))
    assert parts == ["search/docs/long.js", "search/docs/long/1.js", "search/docs/long/2.js"]
    for path, part, first, count in [
        (parts[0], 0, 1, 10),
        (parts[1], 1, 11, 10),
        (parts[2], 2, 21, 5),
    ]:
        _, (doc_id, number, data) = call(files[path])
        assert (doc_id, number, data["f"], len(data["p"])) == ("long", part, first, count)
        assert data["p"][0] == f"Paragraph {first} about Syria."
    assert PART == 10


def test_text_is_carried_exactly_whatever_it_contains() -> None:
    nasty = 'He said: "</script><b>x</b>" \\ \u2028 \u2029 ‘quoted’ \x00'
    files = build_search_index([entry("nasty", turns=[("remarks", "", None, "", [nasty])])], VOCAB)
    assert call(files["search/docs/nasty.js"])[1][2]["p"] == [nasty]


def test_a_document_without_paragraphs_is_indexed_by_its_metadata() -> None:
    empty = replace(entry("empty", title="Statement on Bahrain"), facts=corpus()[1].facts)
    empty = replace(empty, doc=replace(empty.doc, turns=()))
    files = build_search_index([empty], VOCAB)
    _, index = read_index(files)
    assert index["bahrain"][1] == {0: {0: index["bahrain"][1][0][0]}}
    assert call(files["search/docs/empty.js"])[1][2]["p"] == []


# -- determinism and size --------------------------------------------------------------------------


def test_the_same_documents_in_any_order_give_byte_identical_files() -> None:
    entries = sample_entries() + corpus()
    first = build_search_index(entries, VOCAB)
    shuffled = entries[:]
    random.Random(7).shuffle(shuffled)
    assert build_search_index(shuffled, VOCAB) == first
    assert list(build_search_index(shuffled, VOCAB)) == list(first)


def test_golden_index_of_three_documents() -> None:
    files = build_search_index(corpus(), VOCAB)
    assert_golden(
        "search/index.txt", "".join(f"=== {path}\n{files[path]}" for path in sorted(files))
    )


def test_index_size_per_document_is_bounded_by_its_text() -> None:
    entries = sample_entries()
    files = build_search_index(entries, VOCAB)
    for e in entries:
        text = sum(len(p.text.encode()) for p in e.doc.paragraphs)
        data = len(files[f"search/docs/{e.doc.id}.js"].encode())
        assert data <= 1.05 * text + 1000, e.doc.id
    text = sum(len(p.text.encode()) for e in entries for p in e.doc.paragraphs)
    shards = [call(v)[1][1] for k, v in files.items() if k.startswith("search/terms/")]
    postings = sum(len(encoded) for shard in shards for _idf, encoded in shard.values())
    assert postings <= 0.4 * text  # about 2 letters per paragraph and term
    shard_bytes = sum(len(v.encode()) for k, v in files.items() if k.startswith("search/terms/"))
    per_term = sum(len(t.encode()) + 16 for shard in shards for t in shard)
    assert shard_bytes <= postings + per_term + 40 * len(shards)
    manifest = len(files["search/manifest.js"].encode())
    words = sum(len(t) + 3 for t in read_index(files)[0]["shards"])
    assert manifest <= 1200 + words + 16 * len(entries)  # no ids: those are in search/ids/


def test_every_file_is_under_search_and_a_script() -> None:
    files = build_search_index(corpus(), VOCAB)
    assert all(p.startswith("search/") and p.endswith(".js") for p in files)
    assert all(v.startswith("parleySearch.") and v.endswith(");\n") for v in files.values())
    assert any(isinstance(m, Mention) for m in corpus()[0].facts.mentions)


def test_a_name_word_outside_its_entity_has_an_outside_term_and_nowhere_else() -> None:
    """A search for "Syria" loads the entity's list and "_outside:syria": together exactly the
    paragraphs holding the word or the entity, so the word's own list is never needed."""
    vocab = sample_vocabulary()
    named = word_entities(vocab)
    assert named["syria"] == entity_term("country", "SY")
    assert named["moallem"] == entity_term("person", "walid-muallem")
    outside_seen = 0
    for e in enriched_samples():
        for para, counts, _length, _role in paragraph_terms(e, Names(vocab)):
            for word, entity in named.items():
                has_word, has_entity = word in counts, entity in counts
                assert (outside_term(word) in counts) == (has_word and not has_entity), (
                    e.doc.id,
                    para,
                    word,
                )
                outside_seen += has_word and not has_entity
    assert outside_seen > 0  # the samples have such paragraphs (e.g. "Syria" in a title)
