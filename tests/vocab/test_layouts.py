"""``data/layouts.yaml``: publisher layouts, venues and outlets, read with the line of each problem.

The file in the repository is valid against its JSON schema and loads without a problem; a bad
entry is an error naming the file and line and is left out, the rest is used; a layout gives the
reader a place and a kind only where the document names none.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from parley.model import SourceText
from parley.read.document import read_document
from parley.vocab.vocabulary import load_vocabulary
from tests.vocab.test_vocab import DATA, load_with

SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "layouts.schema.json"


def test_the_layouts_file_is_valid_and_loads_without_problems() -> None:
    data = yaml.safe_load((DATA / "layouts.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    vocab, problems = load_vocabulary(DATA)
    assert problems == []
    assert "afp" in vocab.layouts.outlets
    assert ("Kremlin", "Moscow") in vocab.layouts.venues


def test_a_bad_layout_is_reported_with_its_line_and_left_out(tmp_path: Path) -> None:
    text = (
        "layouts:\n"
        "  - {name: ok, match: 'Weekly Briefing', place: 'New Delhi, IN', why: seen}\n"
        "  - {name: bad-regex, match: '(unclosed', why: typo}\n"
        "  - {name: bad-place, match: 'x', place: 'New Delhi', why: typo}\n"
        "  - {name: no-why, match: 'x'}\n"
    )
    assert load_with(tmp_path, "layouts.yaml", text) == [
        "layouts.yaml:3: error: layout 'bad-regex': bad match: missing ), unterminated "
        "subpattern at position 0",
        "layouts.yaml:4: error: place 'New Delhi' must be 'City, CC'",
        "layouts.yaml:5: error: layout has no 'why'",
    ]
    vocab, _ = load_vocabulary(tmp_path)
    assert [layout.name for layout in vocab.layouts.layouts] == ["ok"]


def test_a_layout_gives_place_and_kind_only_where_the_document_names_none() -> None:
    vocab, _ = load_vocabulary(DATA)
    text = (
        "Transcript of Weekly Media Briefing by the Official Spokesperson (July 07, 2022)\n\n"
        "July 08, 2022\n\nShri Arindam Bagchi, Official Spokesperson: Good afternoon.\n"
    )
    doc, _ = read_document(SourceText("a.txt", "a", text, "utf-8", ""), vocab.layouts)
    assert (doc.meta.place and doc.meta.place.city, doc.meta.kind) == ("New Delhi", "briefing")
    plain, _ = read_document(SourceText("a.txt", "a", text, "utf-8", ""))
    assert (plain.meta.place, plain.meta.kind) == (None, "briefing")
    elsewhere = text.replace("(July 07, 2022)", "in Kolkata, Kolkata, July 7, 2022")
    doc, _ = read_document(SourceText("a.txt", "a", elsewhere, "utf-8", ""), vocab.layouts)
    assert doc.meta.place and doc.meta.place.city == "Kolkata"


def test_agencies_mark_news_reports_but_never_make_a_label_a_question() -> None:
    vocab, _ = load_vocabulary(DATA)
    assert "dpa" in vocab.layouts.news_outlets and "press trust of india" in vocab.layouts.agencies
    assert not vocab.layouts.agencies & vocab.layouts.outlets
    text = (
        "Kerry meets German leaders in Berlin\n\n"
        "Berlin (Deutsche Welle) - US Secretary of State John Kerry met Chancellor Angela Merkel "
        "on Tuesday, and Kerry said the talks had been very good.\n"
    )
    doc, _ = read_document(SourceText("b.txt", "b", text, "utf-8", ""), vocab.layouts)
    assert (doc.meta.kind, doc.meta.place and doc.meta.place.city) == ("article", "Berlin")


def test_roles_write_out_abbreviated_offices_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    text = "layouts: []\nroles:\n  SG: Secretary-General\n  FM: [Foreign, Minister]\n"
    assert load_with(tmp_path, "layouts.yaml", text) == [
        "layouts.yaml:4: error: role 'FM' must be an office (a text)"
    ]
    vocab, _ = load_vocabulary(tmp_path)
    assert vocab.layouts.roles == (("SG", "Secretary-General"),)
    shipped, _ = load_vocabulary(DATA)
    assert ("SG", "Secretary-General") in shipped.layouts.roles


def test_governments_name_a_country_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    text = (
        "layouts: []\n"
        "governments:\n"
        "  - {match: 'Bundesregierung', country: DE, why: the German government's press office}\n"
        "  - {match: 'Foo', country: Germany, why: typo}\n"
        "  - {match: '(unclosed', country: FR, why: typo}\n"
    )
    assert load_with(tmp_path, "layouts.yaml", text) == [
        "layouts.yaml:4: error: country 'Germany' must be an ISO alpha-2 code",
        "layouts.yaml:5: error: government 'FR': bad match: missing ), unterminated subpattern "
        "at position 0",
    ]
    vocab, _ = load_vocabulary(tmp_path)
    assert [(p.pattern, code) for p, code in vocab.layouts.governments] == [
        ("Bundesregierung", "DE")
    ]


def test_a_governments_briefing_with_no_place_is_at_its_capital() -> None:
    """The German government's press conference names no place: Berlin, from the data file's
    "Bundesregierung" and GeoNames' capital; without the data file, no place."""
    vocab, _ = load_vocabulary(DATA)
    text = (
        "Regierungspressekonferenz vom 7. November 2016\n\nPresse- und Informationsamt der "
        "Bundesregierung\n\nStS Seibert: Guten Tag!\n\nFrage: Herr Seibert, eine Frage.\n\n"
        "StS Seibert: Die Antwort.\n"
    )
    doc, _ = read_document(SourceText("a.txt", "a", text, "utf-8", ""), vocab.layouts)
    assert doc.meta.kind in ("briefing", "news-conference")
    assert doc.meta.place is not None and (doc.meta.place.city, doc.meta.place.country) == (
        "Berlin", "DE",
    )  # fmt: skip
    plain, _ = read_document(SourceText("a.txt", "a", text, "utf-8", ""))
    assert plain.meta.place is None
