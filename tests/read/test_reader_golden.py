"""The whole model of every sample and fixture, compared with reviewed golden files.

Each golden file in ``tests/golden/reader/`` holds one document as JSON: metadata, the
diagnostics, every turn (kind, speaker, label, qualifier, line), every paragraph (number,
line, heading, length, first 60 characters) and every dropped line. Regenerate with
``.venv/bin/python -m pytest --update-golden -m "not browser"`` and review the diff.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from parley.model import Diagnostic, Document
from parley.read.document import read_document
from parley.read.sources import read_source
from tests.support.golden_files import assert_golden

TESTS = Path(__file__).parents[1]
TRANSCRIPTS = TESTS.parent / "transcripts"
FIXTURES = TESTS / "fixtures" / "reader"
SAMPLES = sorted(TRANSCRIPTS.glob("*.txt"))
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))
WORD = re.compile(r"\w+")


def summary(document: Document, problems: list[Diagnostic]) -> str:
    """The document as reviewable JSON."""
    turns = [
        {
            "number": turn.number,
            "kind": turn.kind,
            "speaker": turn.speaker,
            "label": turn.label,
            "qualifier": turn.qualifier,
            "line": turn.line,
            "paragraphs": [
                f"p{p.number} L{p.line}{' heading' if p.heading else ''} ({len(p.text)}): "
                + p.text[:60]
                for p in turn.paragraphs
            ],
        }
        for turn in document.turns
    ]
    record = {
        "id": document.id,
        "path": document.path,
        "encoding": document.encoding,
        "meta": asdict(document.meta),
        "diagnostics": [problem.format() for problem in problems],
        "questions": document.questions,
        "paragraph_count": len(document.paragraphs),
        "turns": turns,
        "dropped": [f"L{d.line} {d.reason}: {d.text}" for d in document.dropped],
        "footnotes": list(document.footnotes),
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def read(path: Path, doc_id: str) -> tuple[Document, list[Diagnostic]]:
    source, problems = read_source(path, f"transcripts/{path.name}", doc_id)
    assert source is not None
    document, more = read_document(source)
    return document, problems + more


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_golden_sample_model(path: Path) -> None:
    document, problems = read(path, path.stem)
    assert_golden(f"reader/{path.stem}.json", summary(document, problems))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_golden_fixture_model(path: Path) -> None:
    document, problems = read(path, path.stem.replace("_", "-"))
    assert_golden(f"reader/fixture-{path.stem}.json", summary(document, problems))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_word_of_a_sample_is_in_its_model_in_order(path: Path) -> None:
    document, _ = read(path, path.stem)
    pieces = [(d.line, 0, d.text) for d in document.dropped]
    for turn in document.turns:
        pieces += [(turn.line, 0, turn.label)] + [(p.line, 1, p.text) for p in turn.paragraphs]
    words = [w for _, _, text in sorted(pieces) for w in WORD.findall(text)]
    assert words == WORD.findall(path.read_text(encoding="utf-8"))


def test_the_samples_read_without_any_diagnostic() -> None:
    assert [problem.format() for path in SAMPLES for problem in read(path, path.stem)[1]] == []
