"""The reader on the development corpus of real texts never falls below its ratchet.

``scripts/reader_accuracy.py`` scores the reader on ``tests/realdocs/`` (hand-labelled real
pages); ``tests/realdocs/ratchet.json`` records which documents and answer turns were right when it
was last raised. A change that makes any field right on fewer of those documents fails here; raise
the ratchet after an improvement with ``scripts/reader_accuracy.py --update-ratchet``.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.sample_corpus import sample_vocabulary

ROOT = Path(__file__).resolve().parents[2]


def load_script() -> ModuleType:
    path = ROOT / "scripts" / "reader_accuracy.py"
    spec = importlib.util.spec_from_file_location("reader_accuracy", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["reader_accuracy"] = module
    spec.loader.exec_module(module)
    return module


accuracy = load_script()

MINISTRY_PAGE = """\
Asset Publisher

2 July 202117:15

Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news \
conference with Foreign Minister of Bahrain Abdullatif bin Rashid Al Zayani, Moscow, July 2, 2021

Ladies and gentlemen,

We have had talks.

Question: What about Syria?

Sergey Lavrov: We discussed it.
"""


def write_doc(folder: Path, name: str, expected: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(MINISTRY_PAGE, encoding="utf-8")
    labels = {"source_url": "https://example.org/", "reviewed": 2, "expected": expected}
    (folder / f"{name}.yaml").write_text(json.dumps(labels), encoding="utf-8")


RIGHT = {
    "date": "2021-07-02", "time": "17:15", "timezone": "MSK", "kind": "news-conference",
    "main_speaker": "Sergey Lavrov", "counterpart_countries": ["BH"],
    "place": {"city": "Moscow", "country": "RU"}, "event_date": None, "question_turns": 1,
    "turns": [
        {"line": 11, "label": "Question", "speaker": None, "question": True},
        {"line": 13, "label": "Sergey Lavrov", "speaker": "Sergey Lavrov", "question": False},
    ],
}  # fmt: skip


def test_a_document_read_right_scores_every_field_right(tmp_path: Path) -> None:
    write_doc(tmp_path / "mid-ru", "2021-07-02-bahrain", RIGHT)
    report = accuracy.evaluate(tmp_path, sample_vocabulary())
    assert [s.field for s in report.scores if not s.right] == []
    assert report.right("answer_turns") == 1


def test_misses_are_listed_with_what_was_expected_and_found(tmp_path: Path) -> None:
    write_doc(tmp_path / "mid-ru", "a", {**RIGHT, "time": 1035, "kind": "briefing"})
    report = accuracy.evaluate(tmp_path, sample_vocabulary())
    assert accuracy.misses(report) == [
        "-- kind: 1 missed",
        "   mid-ru/a expected 'briefing', got 'news-conference'",
    ]  # 1035 is how YAML 1.1 reads an unquoted 17:15


def test_the_ratchet_allows_a_trade_but_not_a_loss(tmp_path: Path) -> None:
    write_doc(tmp_path / "mid-ru", "a", RIGHT)
    write_doc(tmp_path / "mid-ru", "b", {**RIGHT, "kind": "briefing"})
    report = accuracy.evaluate(tmp_path, sample_vocabulary())
    ratchet = accuracy.raised(report)
    assert ratchet["right"]["kind"] == ["mid-ru/a"]
    assert accuracy.below_ratchet(report, ratchet) == []
    traded = {**ratchet, "right": {**ratchet["right"], "kind": ["mid-ru/b"]}}
    assert accuracy.below_ratchet(report, traded) == []
    higher = {**ratchet, "right": {**ratchet["right"], "kind": ["mid-ru/a", "mid-ru/b"]}}
    assert accuracy.below_ratchet(report, higher) == [
        "kind: 1 right, the ratchet says 2; now wrong: mid-ru/b"
    ]


def test_update_refuses_while_a_field_is_below(tmp_path: Path) -> None:
    write_doc(tmp_path / "mid-ru", "a", {**RIGHT, "kind": "briefing"})
    ratchet = tmp_path / "ratchet.json"
    ratchet.write_text(json.dumps({"documents": ["mid-ru/a"], "right": {"kind": ["mid-ru/a"]}}))
    out: list[str] = []
    args = ["--corpus", str(tmp_path), "--ratchet", str(ratchet), "--update-ratchet"]
    assert accuracy.main(args, out.append) == 1
    assert "the ratchet is not raised while a field is below it" in out
    assert json.loads(ratchet.read_text())["right"] == {"kind": ["mid-ru/a"]}


@pytest.mark.skipif(not accuracy.RATCHET.exists(), reason="no development corpus yet")
def test_the_development_corpus_is_not_below_its_ratchet() -> None:
    report = accuracy.evaluate(accuracy.CORPUS, sample_vocabulary())
    assert accuracy.below_ratchet(report, accuracy.load_ratchet(accuracy.RATCHET)) == []
