"""Detection: the traps a reader would catch, and properties of the one-pass matcher."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.model import Paragraph
from parley.vocab.matcher import Pattern, compile_matcher, detect, scan, surface_forms
from parley.vocab.vocabulary import Vocabulary, load_vocabulary

DATA = Path(__file__).resolve().parents[2] / "data"
VOCAB, _ = load_vocabulary(DATA)


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return VOCAB


def found(text: str, kind: str | None = None) -> list[str]:
    """Keys of the entity mentions in ``text``, in order (of one kind, if given)."""
    names, _ = scan(text, VOCAB.matcher)
    kinds = (kind,) if kind else ("country", "organisation", "person", "document")
    return [h.pattern.key for h in names if h.pattern.kind in kinds]


def countries(text: str) -> list[str]:
    return found(text, "country")


def test_niger_is_not_found_inside_nigeria() -> None:
    assert countries("Nigeria and the Nigerian army") == ["NG", "NG"]
    assert countries("Niger and Nigeria") == ["NE", "NG"]


def test_guinea_inside_papua_new_guinea_is_papua_new_guinea() -> None:
    assert countries("Papua New Guinea, Equatorial Guinea, Guinea-Bissau and Guinea") == [
        "PG", "GQ", "GW", "GN"
    ]  # fmt: skip


def test_georgia_followed_by_a_surname_is_a_person_not_the_country() -> None:
    assert countries("Georgia Brown sang the anthem.") == []
    assert countries("Jordan Peterson spoke.") == []


def test_georgia_after_a_preposition_is_the_country_even_before_a_name() -> None:
    assert countries("Minister of Foreign Affairs of Georgia David Zalkaliani") == ["GE"]
    assert countries("We discussed Georgia. Georgia's position is known.") == ["GE", "GE"]


def test_turkey_the_bird_is_not_a_country() -> None:
    assert countries("a roast turkey for Thanksgiving") == []
    assert countries("Turkey and Türkiye") == ["TR", "TR"]


def test_astana_format_is_not_kazakhstan() -> None:
    assert found("our partners in the Astana format") == ["astana-format"]
    assert countries("talks in Astana") == ["KZ"]


def test_jabhat_al_nusra_is_not_a_place() -> None:
    text = "Jabhat Fateh al-Sham (former Al-Nusra Front) and Jabhat al-Nusra-controlled areas"
    assert found(text) == ["jabhat-al-nusra", "jabhat-al-nusra", "jabhat-al-nusra"]


def test_the_hague_for_the_icc_is_not_the_netherlands() -> None:
    assert found("Any action taken in The Hague must be viewed through this lens.") == []
    assert countries("the Netherlands and the Dutch") == ["NL", "NL"]


def test_kurdish_is_not_a_country() -> None:
    assert countries("Kurdish organisations, the Kurds and the Kurdistan government") == []
    assert countries("the Syrian Kurds and Iraqi Kurdistan") == ["SY", "IQ"]


def test_washingtons_return_to_the_jcpoa_is_the_us() -> None:
    assert found("so Washington’s return to the JCPOA presupposes") == ["US", "jcpoa"]


def test_bahraini_is_bahrain() -> None:
    assert countries("My Bahraini colleague and our Bahraini friends in Manama") == [
        "BH", "BH", "BH"
    ]  # fmt: skip


def test_us_the_pronoun_is_not_the_united_states() -> None:
    assert countries("Let us say it to US officials in the USA and the U.S.") == [
        "US", "US", "US"
    ]  # fmt: skip


def test_a_hyphen_separates_two_countries() -> None:
    assert countries("the Russian-Iraqi commission and Baghdad-Moscow relations") == [
        "RU", "IQ", "IQ", "RU"
    ]  # fmt: skip


def test_a_name_containing_a_place_is_only_the_name() -> None:
    text = "the International Syria Support Group, the Russian Direct Investment Fund, Rome Statute"
    assert found(text) == ["issg", "rdif", "rome-statute"]


def test_a_resolution_is_counted_once_in_any_usual_citation() -> None:
    text = "UN Security Council Resolution 2254, Resolution 2254 and UNSC resolution 2254"
    assert found(text) == ["resolution-2254"] * 3


def test_security_council_alone_is_the_un_security_council_but_russias_is_its_own() -> None:
    assert found("the Security Council and the Russian Security Council") == [
        "un-security-council", "russian-security-council"
    ]  # fmt: skip


def test_people_are_found_under_their_spelling_variants() -> None:
    text = "Mohammed Javad Zarif, Mohammad Javad Zarif, Sergei Lavrov and President Biden-led"
    assert found(text, "person") == [
        "mohammad-javad-zarif", "mohammad-javad-zarif", "sergey-lavrov", "joe-biden"
    ]  # fmt: skip


def test_a_short_form_counts_only_where_the_full_name_is_given() -> None:
    paragraphs = (Paragraph(1, "Mr Pedersen wants a new format.", 1),)
    assert detect(paragraphs, VOCAB.matcher, ()).mentions == ()
    [mention] = detect(paragraphs, VOCAB.matcher, {"geir-pedersen"}).mentions
    assert (mention.key, mention.start, mention.end) == ("geir-pedersen", 3, 11)
    named = (Paragraph(1, "Geir O. Pedersen spoke.", 1), Paragraph(2, "Mr Pedersen said so.", 3))
    assert [m.paragraph for m in detect(named, VOCAB.matcher, ()).mentions] == [1, 2]


def test_a_short_form_that_could_be_two_people_named_in_full_is_dropped() -> None:
    paragraphs = (Paragraph(1, "Mr Hussein recalled Saddam Hussein.", 1),)
    assert [m.key for m in detect(paragraphs, VOCAB.matcher, {"fuad-hussein"}).mentions] == [
        "saddam-hussein"
    ]
    one = (Paragraph(1, "Mr Hussein spoke.", 1),)
    assert [m.key for m in detect(one, VOCAB.matcher, {"fuad-hussein"}).mentions] == [
        "fuad-hussein"
    ]


def test_a_topic_term_inside_an_organisation_name_does_not_count() -> None:
    _, terms = scan("the Collective Security Treaty Organisation", VOCAB.matcher)
    assert terms == []
    _, terms = scan("collective security in the Gulf", VOCAB.matcher)
    assert [h.pattern.text for h in terms] == ["collective security", "gulf"]


def test_a_prefix_term_matches_word_beginnings_only() -> None:
    _, terms = scan("refugees, Refugee and nonrefugee", VOCAB.matcher)
    assert [(h.start, h.end) for h in terms if h.pattern.key == "humanitarian"] == [
        (0, 7), (10, 17)
    ]  # fmt: skip


def test_lower_case_patterns_match_capitalised_and_upper_case_text() -> None:
    forms = surface_forms(Pattern("outer space", "term", "space"))
    assert forms == ("outer space", "Outer space", "Outer Space", "OUTER SPACE")
    assert surface_forms(Pattern("Sputnik V", "term", "health")) == ("Sputnik V",)


def test_an_empty_vocabulary_finds_nothing() -> None:
    assert scan("Syria", compile_matcher([])) == ([], [])


NAMES = sorted({p.text for p in VOCAB.matcher.patterns if p.kind == "country" and not p.given_name})


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_scanning_any_text_never_raises_and_hits_never_overlap(text: str) -> None:
    names, terms = scan(text, VOCAB.matcher)
    for hits in (names, terms):
        spans = sorted({(h.start, h.end) for h in hits})
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_every_country_name_is_found_as_a_whole_word_and_never_inside_a_word() -> None:
    for name in NAMES:
        for before, after in (("", ""), ("The ", "."), ("In ", "’s"), ("(", "),")):
            hits = scan(f"{before}{name}{after}", VOCAB.matcher)[0]
            assert [h.pattern.text for h in hits] == [name]
        glued = scan(f"x{name}y", VOCAB.matcher)[0]
        assert name not in [h.pattern.text for h in glued]
