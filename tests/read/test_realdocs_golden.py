"""What the reader makes of one real page of each layout group of issue #14, kept as golden files.

One page per group: China's regular press conference with outlet labels, a State Department
briefing with a U.S. date and a time line, India's and the UN's briefings, older mid.ru layouts (a
bare time line and a document number), an embassy copy with a posting stamp, a UK speech, Japan's
press conference, BBC, TASS and Reuters datelines, a headline with a colon, "speaking to reporters
in <city>", a Kremlin joint press statement; copies kept in ``tests/fixtures/realpages/``
(sources listed there). Each golden file holds the metadata, the reasons (``--explain``), every
labelled turn with its resolution, and the diagnostics; a change shows up as a diff to review.
Regenerate with
``PARLEY_REGEN=1`` (see ``tests/support/golden_files.py``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from parley.read.document import read_document
from parley.read.sources import read_source
from tests.support.golden_files import assert_golden
from tests.support.sample_corpus import sample_vocabulary

REALPAGES = Path(__file__).parents[1] / "fixtures" / "realpages"
PAGES = sorted(path.stem for path in REALPAGES.glob("*.txt"))


@pytest.mark.parametrize("page", PAGES)
def test_real_page_reads_as_its_golden_file(page: str) -> None:
    path = REALPAGES / f"{page}.txt"
    source, _ = read_source(path, f"tests/fixtures/realpages/{page}.txt", path.stem)
    assert source is not None
    document, problems = read_document(source, sample_vocabulary().layouts)
    record = {
        "meta": asdict(document.meta),
        "reasons": [f"{r.field}: L{r.line} {r.rule}" for r in document.reasons],
        "questions": document.questions,
        "paragraphs": len(document.paragraphs),
        "turns": [
            f"L{t.line} {t.kind} {t.label!r} -> {t.speaker}"
            + (f" [{t.outlet}]" if t.outlet else "")
            + f" ({t.resolution})"
            for t in document.turns
            if t.label
        ],
        "dropped": [f"L{d.line} {d.reason}" for d in document.dropped],
        "diagnostics": [p.format() for p in problems],
    }
    text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
    assert_golden(f"realdocs/{page}.json", text)
