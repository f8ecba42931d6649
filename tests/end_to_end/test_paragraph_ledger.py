"""A paragraph inserted into a published transcript: old ¶ links and annotations still land on
the same words, the build says the ledger is out of date, and --record-anchors brings it up to
date without touching anything else."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.support.sitebuild import REPO, Build, run_build, stage_inputs

pytestmark = pytest.mark.slow

BAHRAIN = "2021-07-02-lavrov-bahrain"
PAGE = f"docs/archive/transcripts/{BAHRAIN}.md"
#: A paragraph of the transcript and its number, e.g. '<p id="p12" class="para">...</p>'.
PARAGRAPH = re.compile(r'<(?:p|h3) id="p(?P<n>\d+)" class="para[^"]*">(?P<body>.*?)</(?:p|h3)>')
#: The empty targets at the start of a paragraph: its text anchor, retired numbers.
TARGET = re.compile(r'<span id="(?P<id>[^"]+)" class="para-anchor"></span>')
TAG = re.compile(r"<[^>]+>")
INSERTED = "We also discussed the weather, which was fine."


def paragraphs(root: Path) -> dict[str, str]:
    """Every id a paragraph answers to (pN, its text anchor, retired numbers) -> its text."""
    found: dict[str, str] = {}
    for match in PARAGRAPH.finditer((root / PAGE).read_text(encoding="utf-8")):
        body = match["body"]
        text = html.unescape(TAG.sub("", body.rsplit(" <a ", 1)[0])).strip()
        found[f"p{match['n']}"] = text
        for target in TARGET.finditer(body):
            found[target["id"]] = text
    return found


def marks(root: Path) -> dict[str, str]:
    """Each annotation mark's id -> the text of the paragraph it is in."""
    page = (root / PAGE).read_text(encoding="utf-8")
    found = {}
    for match in PARAGRAPH.finditer(page):
        text = html.unescape(TAG.sub("", match["body"].rsplit(" <a ", 1)[0])).strip()
        for mark in re.findall(r'<mark id="(mark-[^"]+)"', match["body"]):
            found[mark] = text
    return found


def insert_paragraph(root: Path) -> None:
    path = root / "transcripts" / f"{BAHRAIN}.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Ladies and gentlemen,\n", f"Ladies and gentlemen,\n\n{INSERTED}\n", 1)
    )


@pytest.fixture(scope="module")
def edited(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str], dict[str, str], Build]:
    root = stage_inputs(tmp_path_factory.mktemp("ledger"))
    first = run_build(root, "--markdown-only", "--strict")
    assert first.status == 0, first.stderr
    before, before_marks = paragraphs(root), marks(root)
    insert_paragraph(root)
    second = run_build(root, "--markdown-only")
    return root, before, before_marks, second


def test_the_samples_ledgers_are_committed_and_up_to_date() -> None:
    for transcript in sorted((REPO / "transcripts").glob("*.txt")):
        assert (REPO / "anchors" / f"{transcript.stem}.yaml").is_file(), transcript.stem


def test_old_paragraph_links_open_the_same_words_after_an_insertion(
    edited: tuple[Path, dict[str, str], dict[str, str], Build],
) -> None:
    root, before, _, build = edited
    assert build.status == 0, build.stderr
    after = paragraphs(root)
    for anchor, text in before.items():
        assert after[anchor] == text, anchor
    new = [n for n, text in after.items() if text == INSERTED and n.startswith("p")]
    assert new == [f"p{max(int(n[1:]) for n in before if n.startswith('p')) + 1}"]


def test_annotations_stay_on_the_same_words_with_the_same_anchors(
    edited: tuple[Path, dict[str, str], dict[str, str], Build],
) -> None:
    root, _, before_marks, _ = edited
    assert before_marks and marks(root) == before_marks


def test_the_build_says_the_ledger_is_out_of_date_and_record_anchors_updates_it(
    edited: tuple[Path, dict[str, str], dict[str, str], Build],
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
