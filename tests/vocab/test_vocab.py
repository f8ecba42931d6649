"""The vocabulary: the shipped data files load cleanly, and broken ones are reported by line."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from parley.vocab.vocabulary import Vocabulary, load_vocabulary

DATA = Path(__file__).resolve().parents[2] / "data"

#: Topics the issue requires the taxonomy to cover.
REQUIRED_TOPICS = (
    "syrian-settlement", "counter-terrorism", "iran-nuclear", "israeli-palestinian",
    "gulf-security", "humanitarian", "sanctions", "afghanistan", "kurdish-question",
    "international-law", "trade-economy", "energy", "military-technical", "health",
    "science-education-culture", "space", "ww2-memory",
)  # fmt: skip

#: Minimal valid data files; tests replace one of them with a broken version.
MINIMAL = {
    "countries.yaml": "countries:\n  SY: {people: [Syrian]}\n",
    "people.yaml": "people:\n  - {name: Walid Muallem, slug: walid-muallem, role: Minister}\n",
    "organisations.yaml": (
        "entities:\n  - {kind: organisation, slug: issg, name: ISSG, description: Support group}\n"
    ),
    "topics.yaml": (
        "topics:\n"
        "  - slug: syria\n    name: Syria\n    description: Syria\n"
        "    terms: {settlement: 1}\n    entities: {SY: 1, issg: 2}\n"
    ),
}


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    loaded, problems = load_vocabulary(DATA)
    assert problems == []
    return loaded


def load_with(tmp_path: Path, name: str, text: str) -> list[str]:
    """Diagnostics (formatted) of a data folder where ``name`` holds ``text``."""
    for file, content in {**MINIMAL, name: text}.items():
        (tmp_path / file).write_text(content, encoding="utf-8")
    _, problems = load_vocabulary(tmp_path)
    return [p.format().replace(str(tmp_path) + "/", "") for p in problems]


def test_shipped_data_files_load_without_diagnostics(vocab: Vocabulary) -> None:
    assert len([k for k in vocab.entities if k[0] == "country"]) == 249


@pytest.mark.parametrize(
    ("code", "name"),
    [("SY", "Syria"), ("IR", "Iran"), ("RU", "Russia"), ("US", "United States"),
     ("BH", "Bahrain"), ("TR", "Turkey"), ("PS", "Palestine"), ("KR", "South Korea"),
     ("CD", "DR Congo"), ("VA", "Vatican"), ("GB", "United Kingdom")],
)  # fmt: skip
def test_country_name_is_the_short_common_english_name(
    vocab: Vocabulary, code: str, name: str
) -> None:
    assert vocab.country_name(code) == name


def test_no_country_display_name_is_an_inverted_or_bracketed_official_form(
    vocab: Vocabulary,
) -> None:
    names = [e.name for (kind, _), e in vocab.entities.items() if kind == "country"]
    assert [n for n in names if ", " in n or "(" in n] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [("the Syrian Arab Republic", "SY"), ("the Islamic Republic of Iran", "IR"),
     ("Israeli", "IL"), ("of Iraq", "IQ"), ("Iraq", "IQ"), ("the Kingdom of Bahrain", "BH"),
     ("Moscow", "RU"), ("Bahraini", "BH"), ("the Russian Federation", "RU"), ("Geneva", "CH"),
     ("the State of Palestine", "PS"), ("Türkiye", "TR")],
)  # fmt: skip
def test_resolve_country_reads_names_adjectives_and_cities(
    vocab: Vocabulary, text: str, code: str
) -> None:
    assert vocab.resolve_country(text) == code


@pytest.mark.parametrize("text", ["Kurdish", "the Gulf", "The Hague", "Europe", ""])
def test_resolve_country_is_none_when_no_country_is_named(vocab: Vocabulary, text: str) -> None:
    assert vocab.resolve_country(text) is None


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Sergei Lavrov", "sergey-lavrov"), ("Mohammed Javad Zarif", "mohammad-javad-zarif"),
     ("Abdullatif bin Rashid Alzayani", "abdullatif-al-zayani"),
     ("Abdullatif bin Rashid Al Zayani", "abdullatif-al-zayani"),
     ("Mr Fuad Hussein", "fuad-hussein"), ("Geir O. Pedersen", "geir-pedersen"),
     ("President Vladimir Putin", "vladimir-putin"), ("gabriel  ashkenazi", "gabi-ashkenazi")],
)  # fmt: skip
def test_canonical_person_accepts_spelling_variants(
    vocab: Vocabulary, name: str, slug: str
) -> None:
    assert vocab.canonical_person(name) == slug


def test_canonical_person_ignores_ambiguous_short_forms(vocab: Vocabulary) -> None:
    assert vocab.canonical_person("Hussein") is None
    assert vocab.canonical_person("Nobody Known") is None


def test_entity_lookup_covers_every_kind_and_raises_keyerror_when_unknown(
    vocab: Vocabulary,
) -> None:
    assert vocab.entity("country", "SY").name == "Syria"
    assert vocab.entity("person", "mohammad-javad-zarif").country == "IR"
    assert vocab.entity("organisation", "astana-format").name == "Astana format"
    assert "UNSC Resolution 2254" in vocab.entity("document", "resolution-2254").aliases
    with pytest.raises(KeyError):
        vocab.entity("person", "nobody")
    with pytest.raises(KeyError):
        vocab.topic("nothing")


def test_topics_cover_the_required_subjects_in_file_order(vocab: Vocabulary) -> None:
    slugs = [t.slug for t in vocab.topics]
    assert set(REQUIRED_TOPICS) <= set(slugs)
    assert slugs[0] == "syrian-settlement"
    assert all(t.description and t.terms for t in vocab.topics)


def test_vocabulary_pickles_for_worker_processes(vocab: Vocabulary) -> None:
    copy = pickle.loads(pickle.dumps(vocab))
    assert copy.resolve_country("Damascus") == "SY"
    assert copy.country_name("IR") == "Iran"


def test_norway_is_not_read_as_false(tmp_path: Path) -> None:
    text = "countries:\n  NO: {people: [Norwegian]}\n"
    assert load_with(tmp_path, "countries.yaml", text) == []
    vocab, _ = load_vocabulary(tmp_path)
    assert vocab.resolve_country("Norwegian") == "NO"


def test_unknown_key_is_reported_with_a_did_you_mean_hint(tmp_path: Path) -> None:
    text = "people:\n  - {name: Walid Muallem, slug: walid-muallem, role: Minister, alias: [X]}\n"
    assert load_with(tmp_path, "people.yaml", text) == [
        "people.yaml:2: error: unknown key 'alias' in person (did you mean 'aliases'?)"
    ]


def test_unknown_country_code_suggests_the_iso_code(tmp_path: Path) -> None:
    text = "countries:\n  SY: {people: [Syrian]}\n  SYR: {places: [Aleppo]}\n  UK: {}\n"
    assert load_with(tmp_path, "countries.yaml", text) == [
        "countries.yaml:3: error: unknown country code 'SYR' in countries "
        "(did you mean 'SY' (Syrian Arab Republic)?)",
        "countries.yaml:4: error: unknown country code 'UK' in countries "
        "(did you mean 'GB' (United Kingdom)?)",
    ]


def test_topic_referring_to_an_unknown_entity_names_the_closest_key(tmp_path: Path) -> None:
    text = (
        "topics:\n  - slug: syria\n    name: Syria\n    description: Syria\n"
        "    terms: {settlement: 1}\n    entities: {isgg: 2}\n"
    )
    assert load_with(tmp_path, "topics.yaml", text) == [
        "topics.yaml:2: error: topic 'syria' refers to unknown entity 'isgg' (did you mean 'issg'?)"
    ]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    text = "people:\n  - {name: Walid Muallem, slug: walid-muallem\n  - {name: X}\n"
    [problem] = load_with(tmp_path, "people.yaml", text)
    assert problem.startswith("people.yaml:3: error: invalid YAML: ")


def test_missing_required_key_and_bad_slug_are_errors(tmp_path: Path) -> None:
    text = (
        "entities:\n  - {kind: organisation, slug: ISSG, name: ISSG, description: Group}\n"
        "  - {kind: organisation, slug: un, name: UN}\n"
    )
    assert load_with(tmp_path, "organisations.yaml", text) == [
        "organisations.yaml:2: error: slug 'ISSG' is not lower-case words joined by hyphens",
        "organisations.yaml:3: error: entity has no 'description'",
        "topics.yaml:2: error: topic 'syria' refers to unknown entity 'issg' "
        "(use an alpha-2 code or a slug from people.yaml or organisations.yaml)",
    ]


def test_unknown_entity_kind_is_reported_with_a_hint(tmp_path: Path) -> None:
    text = "entities:\n  - {kind: organization, slug: issg, name: ISSG, description: Group}\n"
    assert load_with(tmp_path, "organisations.yaml", text)[0] == (
        "organisations.yaml:2: error: unknown kind 'organization' (did you mean 'organisation'?)"
    )


def test_duplicate_slug_across_files_points_at_the_first(tmp_path: Path) -> None:
    text = (
        "entities:\n  - {kind: organisation, slug: issg, name: ISSG, description: Group}\n"
        "  - {kind: organisation, slug: walid-muallem, name: WM, description: Clash}\n"
    )
    assert load_with(tmp_path, "organisations.yaml", text) == [
        "organisations.yaml:3: error: duplicate slug 'walid-muallem' "
        "(first defined in people.yaml:2)"
    ]


def test_one_name_for_two_entities_is_ambiguous(tmp_path: Path) -> None:
    text = (
        "entities:\n  - {kind: organisation, slug: issg, name: ISSG, description: Group}\n"
        "  - {kind: organisation, slug: syrians, name: Syrian, description: Clash}\n"
    )
    assert load_with(tmp_path, "organisations.yaml", text) == [
        "organisations.yaml:3: error: 'Syrian' names both country 'SY' and organisation "
        "'syrians' (first given in countries.yaml:2)"
    ]


def test_empty_data_file_is_an_error_naming_what_it_should_hold(tmp_path: Path) -> None:
    assert load_with(tmp_path, "topics.yaml", "# nothing yet\n") == [
        "topics.yaml:0: error: data file is empty (expected a mapping with 'topics')"
    ]


def test_missing_data_file_is_an_error_for_the_whole_file(tmp_path: Path) -> None:
    for file, content in MINIMAL.items():
        (tmp_path / file).write_text(content, encoding="utf-8")
    (tmp_path / "people.yaml").unlink()
    vocab, problems = load_vocabulary(tmp_path)
    assert [(p.line, p.code, p.message) for p in problems] == [
        (0, "data-missing", "data file not found")
    ]
    assert vocab.resolve_country("Syrian") == "SY"
