"""``build_site.py --explain FILE``: each field with its line and rule, each label's resolution.

The reasons are data the reader carries (``Document.reasons``, ``Turn.resolution``), noted by the
step that decided each field; ``--explain`` only prints them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.cli import explanation, main
from parley.read.document import read_document
from parley.read.sources import read_source

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reader"


def explained(name: str) -> list[str]:
    path = FIXTURES / name
    source, _ = read_source(path, f"transcripts/{name}", path.stem)
    assert source is not None
    document, _ = read_document(source)
    return explanation(document).splitlines()


def test_each_field_names_its_line_and_rule() -> None:
    lines = explained("state_department.txt")
    assert lines[0] == "transcripts/state_department.txt: read as layout 'state-department'"
    assert "  date: 2006-10-22  [line 4; head: a date, time or place line under the title]" in lines
    assert "  time: 11:00  [line 5; head: a date, time or place line under the title]" in lines
    assert "  speakers: Condoleezza Rice  [line 1; head: the title line]" in lines
    assert "  not found: event_date" in lines


def test_each_turn_names_how_its_label_was_resolved() -> None:
    lines = explained("state_department.txt")
    assert (
        "  line 7: 'SECRETARY RICE' -> Condoleezza Rice (remarks; surname of Condoleezza Rice)"
        in lines
    )
    assert "  line 11: 'QUESTION' -> nobody named (question; questioner)" in lines


def test_the_option_prints_the_explanation_and_builds_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = main(["--explain", str(FIXTURES / "no_date.txt"), "--site", str(tmp_path / "site")])
    out = capsys.readouterr().out
    assert status == 0
    assert "  not found: date" in out
    assert not (tmp_path / "site").exists()


def test_the_place_country_names_where_it_came_from(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Samara is in no list of the vocabulary: the gazetteer places it, and says so."""
    samara = Path(__file__).parents[1] / "realdocs" / "kremlin"
    path = samara / "2007-05-18-putin-barroso-merkel-samara.txt"
    assert main(["--explain", str(path), "--site", str(tmp_path / "site")]) == 0
    out = capsys.readouterr().out
    assert "  place country: RU  [gazetteer: Samara, a city of 1,163,399 people]" in out
