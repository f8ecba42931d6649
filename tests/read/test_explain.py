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


def _explain_text(text: str) -> list[str]:
    from parley.model import SourceText

    document, _ = read_document(SourceText("t.txt", "t", text, "utf-8", "0" * 64))
    return explanation(document).splitlines()


def test_a_main_speaker_chosen_from_the_exchange_says_why() -> None:
    """An anchor who hands over is not the main speaker; the explanation says the briefer was
    chosen because the anchor only hands over, at the briefer's first turn."""
    lines = _explain_text(
        "White House briefing\n\n"
        "WOLF BLITZER, CNN ANCHOR: Ari Fleischer has just started a briefing. Let's listen in.\n\n"
        "ARI FLEISCHER, WHITE HOUSE PRESS SECRETARY: Good afternoon. The President spoke with "
        "the leaders of India and Pakistan this morning, and urged both to step back from the "
        "brink. He will travel to Crawford tomorrow, where he will hold a meeting with his "
        "economic team, and on Friday he will sign the education bill into law.\n\n"
        "QUESTION: Will he call them again?\n\n"
        "FLEISCHER: He will, and often.\n"
    )
    speakers = next(line for line in lines if line.startswith("  speakers:"))
    assert speakers.startswith("  speakers: Ari Fleischer  [line 5; exchange: says most")
    assert "the first speaker, Wolf Blitzer, only hands over" in speakers


def test_a_host_who_opens_is_the_main_speaker_and_the_explanation_says_so() -> None:
    lines = _explain_text(
        "Joint press conference\n\n"
        "MINISTER PETERS: Thanks for being here. We had valuable and fruitful discussions.\n\n"
        "JOURNALIST: What were the particular areas that you discussed today?\n\n"
        "MINISTER PAYNE: We canvassed the value of the exposition here in Auckland, and the "
        "Pacific Islands Forum meetings to come.\n"
    )
    speakers = next(line for line in lines if line.startswith("  speakers:"))
    assert "exchange: the first labelled speaker who is not asking (who opens)" in speakers
