"""A paragraph inserted into a published transcript: old ¶ links and annotations still land on
the same words, the build says the ledger is out of date, and --record-anchors brings it up to
date without touching anything else."""

from __future__ import annotations

import pytest

from tests.support.ledger_edit import BAHRAIN, INSERTED, Edited, marks, paragraphs
from tests.support.sitebuild import REPO, run_build

pytestmark = pytest.mark.slow


def test_the_samples_ledgers_are_committed_and_up_to_date() -> None:
    for transcript in sorted((REPO / "transcripts").glob("*.txt")):
        assert (REPO / "anchors" / f"{transcript.stem}.yaml").is_file(), transcript.stem


def test_old_paragraph_links_open_the_same_words_after_an_insertion(
    edited: Edited,
) -> None:
    root, before, _, build = edited
    assert build.status == 0, build.stderr
    after = paragraphs(root)
    for anchor, text in before.items():
        assert after[anchor] == text, anchor
    new = [n for n, text in after.items() if text == INSERTED and n.startswith("p")]
    assert new == [f"p{max(int(n[1:]) for n in before if n.startswith('p')) + 1}"]


def test_annotations_stay_on_the_same_words_with_the_same_anchors(
    edited: Edited,
) -> None:
    root, _, before_marks, _ = edited
    assert before_marks and marks(root) == before_marks


def test_the_build_says_the_ledger_is_out_of_date_and_record_anchors_updates_it(
    edited: Edited,
) -> None:
    root, before, _, build = edited
    number = max(int(n[1:]) for n in before if n.startswith("p")) + 1
    assert (
        f"anchors/{BAHRAIN}.yaml:0: warning: paragraph numbers not recorded yet (new ¶ {number})"
        " (run build_site.py --record-anchors and commit the ledger it writes)"
    ) in build.stderr
    ledger = root / "anchors" / f"{BAHRAIN}.yaml"
    was = ledger.read_text(encoding="utf-8")
    others = {p: p.read_bytes() for p in (root / "transcripts").iterdir()}
    recorded = run_build(root, "--record-anchors")
    assert recorded.status == 0, recorded.stderr
    assert f"recorded anchors/{BAHRAIN}.yaml" in recorded.stderr
    assert ledger.read_text(encoding="utf-8") != was
    assert {p: p.read_bytes() for p in (root / "transcripts").iterdir()} == others
    again = run_build(root, "--markdown-only", "--strict")
    assert again.status == 0, again.stderr
    assert paragraphs(root) == {**paragraphs(root), **{k: v for k, v in before.items()}}
