"""The live preview's memo: builds that reuse it read and index only what changed, and write
exactly what a fresh build writes."""

from __future__ import annotations

import pickle
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.bench_build import add_paragraph
from benchmarks.corpus import write_corpus
from parley import pipeline
from parley.build.memo import Memo, PageRecord, UnitRecord
from parley.build.stamp import STAMP
from parley.build.store import MEMO_FILE, dumps, load_memo
from parley.link.provenance import QuoteMatch, trace_pair
from parley.model import Diagnostic, Document
from parley.names import Names
from parley.pipeline import BuildOptions, run
from parley.search.index import document_index
from tests.support.sample_corpus import sample_entries, sample_vocabulary
from tests.support.sitebuild import stage_inputs

ISRAEL = "transcripts/2021-03-17-lavrov-israel.txt"
IRAQ = "transcripts/2020-11-25-lavrov-iraq.txt"


def options(root: Path) -> BuildOptions:
    return BuildOptions(
        root=root,
        transcripts=root / "transcripts",
        annotations=root / "annotations",
        data=root / "data",
        docs=root / "docs",
        site=root / "site",
        config=root / "mkdocs.yml",
        mode="markdown",
        jobs=1,
    )


def generated(root: Path) -> dict[str, bytes]:
    folder = root / "docs" / "archive"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def fresh_build(inputs: Path, target: Path) -> dict[str, bytes]:
    """A build without a memo of a copy of ``inputs``' transcripts, annotations and data."""
    root = stage_inputs(target)
    for folder in ("transcripts", "annotations", "data"):
        shutil.rmtree(root / folder)
        shutil.copytree(inputs / folder, root / folder)
    messages: list[Diagnostic] = []
    run(options(root), messages.append)
    return generated(root)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read from disk, in order (one worker: reading runs in this process)."""
    read: list[str] = []
    original = pipeline._read_one

    def counting(vocab: object, task: tuple[str, str, str]) -> object:
        read.append(Path(task[0]).name)
        return original(vocab, task)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_read_one", counting)
    return read


def test_a_build_with_a_memo_reads_only_changed_files_and_writes_what_a_fresh_build_writes(
    tmp_path: Path, reads: list[str]
) -> None:
    root = stage_inputs(tmp_path / "preview")
    memo = Memo()
    run(options(root), lambda d: None, memo)
    assert len(reads) == 5

    reads.clear()
    edit(root / ISRAEL, "Sergey Lavrov:", "Sergey Lavrov:\n\nA paragraph added in the preview.\n\n")
    run(options(root), lambda d: None, memo)
    assert reads == ["2021-03-17-lavrov-israel.txt"]
    assert generated(root) == fresh_build(root, tmp_path / "fresh-1")

    reads.clear()
    (root / IRAQ).unlink()
    shutil.copy(root / ISRAEL, root / "transcripts" / "2021-03-18-lavrov-israel-copy.txt")
    run(options(root), lambda d: None, memo)
    assert reads == ["2021-03-18-lavrov-israel-copy.txt"]
    assert len(memo.read) == 5 and len(memo.postings) == 5
    assert generated(root) == fresh_build(root, tmp_path / "fresh-2")


def test_new_reference_data_makes_the_memo_read_everything_again(
    tmp_path: Path, reads: list[str]
) -> None:
    root = stage_inputs(tmp_path / "preview")
    memo = Memo()
    run(options(root), lambda d: None, memo)
    reads.clear()
    topics = root / "data" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# a reviewed comment\n", "utf-8")
    run(options(root), lambda d: None, memo)
    assert sorted(reads) == sorted(p.name for p in (root / "transcripts").iterdir())
    assert generated(root) == fresh_build(root, tmp_path / "fresh")


def test_a_build_keeps_its_memo_in_the_cache_folder_and_writes_what_a_fresh_build_writes(
    tmp_path: Path, reads: list[str]
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus / "transcripts", 12, seed=7, annotations=corpus / "annotations",
                 annotation_rate=0.25)  # fmt: skip
    root = stage_inputs(tmp_path / "archive", corpus / "transcripts", corpus / "annotations")
    names = sorted(p.name for p in (root / "transcripts").iterdir())
    first = run(options(root), lambda d: None)
    assert len(reads) == 12 and first.pages_reused == 0
    assert (root / ".cache" / "parley" / MEMO_FILE).is_file()

    # A new transcript that shares nothing with the others (no date, no country, no person):
    # only the page of the one before it (its "next" link) is rendered again.
    reads.clear()
    (root / "transcripts" / "zz-remarks.txt").write_text(
        "Remarks at a reception\n\nThank you all for coming this evening.\n", encoding="utf-8"
    )
    added = run(options(root), lambda d: None)
    assert reads == ["zz-remarks.txt"]
    assert added.pages_reused == 11
    assert added.units_reused > 0  # the index pages of subjects it does not touch
    assert generated(root) == fresh_build(root, tmp_path / "fresh-0")

    # A new title: every index page, feed and neighbour that shows it is made again.
    reads.clear()
    titled = next(n for n in names if "Sergey Lavrov’s" in (root / "transcripts" / n).read_text())
    edit(root / "transcripts" / titled, "Sergey Lavrov’s", "Sergey Lavrov’s retitled")
    retitled = run(options(root), lambda d: None)
    assert reads == [titled] and retitled.units_reused > 0
    files = generated(root)
    assert files == fresh_build(root, tmp_path / "fresh-title")
    showing = {p.partition("/")[0] for p, data in files.items() if b"retitled" in data}
    assert {"countries", "timeline", "transcripts"} <= showing

    # An edited transcript is read again (with 12 transcripts every page shows it: all are
    # rendered again).
    reads.clear()
    add_paragraph(root / "transcripts" / names[3])
    run(options(root), lambda d: None)
    assert reads == [names[3]]
    assert generated(root) == fresh_build(root, tmp_path / "fresh-1")

    # A deleted transcript is gone from every generated file.
    reads.clear()
    gone = names[8].removesuffix(".txt")
    (root / "transcripts" / names[8]).unlink()
    (root / "annotations" / f"{gone}.yaml").unlink(missing_ok=True)
    run(options(root), lambda d: None)
    assert reads == []
    files = generated(root)
    assert files == fresh_build(root, tmp_path / "fresh-2")
    assert [path for path, data in files.items() if gone.encode() in data] == []


def test_a_loaded_memo_holds_each_lookup_once_however_many_records_share_it(
    tmp_path: Path,
) -> None:
    """Records are stored one by one; loaded, those that read the same value (a document's
    entry, a subject's path) share one (table, key, fingerprint), not a copy each."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus / "transcripts", 12, seed=7, annotations=corpus / "annotations")
    root = stage_inputs(tmp_path / "archive", corpus / "transcripts", corpus / "annotations")
    run(options(root), lambda d: None)
    memo = load_memo(root / ".cache" / "parley", _saved_data_digest(root))
    records: list[PageRecord | UnitRecord] = [*memo.pages.values(), *memo.units.values()]
    lookups = [d for r in records for d in r.dependencies]
    assert memo.pages and memo.units and len(set(lookups)) < len(lookups)
    assert len({id(d) for d in lookups}) == len(set(lookups))


def _saved_data_digest(root: Path) -> str:
    with closing(sqlite3.connect(root / ".cache" / "parley" / MEMO_FILE)) as db:
        return str(db.execute("SELECT value FROM meta WHERE name = 'data'").fetchone()[0])


def test_a_damaged_memo_is_ignored(tmp_path: Path, reads: list[str]) -> None:
    root = stage_inputs(tmp_path / "archive")
    run(options(root), lambda d: None)
    (root / ".cache" / "parley" / MEMO_FILE).write_bytes(b"not a database")
    reads.clear()
    run(options(root), lambda d: None)
    assert len(reads) == 0  # nothing changed: the stamp skips the stage
    edit(root / ISRAEL, "Sergey Lavrov:", "Sergey Lavrov:\n\nA paragraph added to the text.\n\n")
    (root / ".cache" / "parley" / MEMO_FILE).write_bytes(b"not a database")
    run(options(root), lambda d: None)
    assert len(reads) == 5
    assert generated(root) == fresh_build(root, tmp_path / "fresh")


def test_records_are_stored_as_dataclasses_store_them() -> None:
    """The memo writes the model's records as class and field values without asking
    ``dataclasses`` for the fields each time: they come back equal, field for field, to what
    plain ``pickle`` gives back, and their classes' own pickling is unchanged."""
    entries = sample_entries()
    postings = {e.doc.id: document_index(e, Names(sample_vocabulary())) for e in entries}
    value = (
        entries,
        postings,
        [Diagnostic("transcripts/x.txt", 3, "error", "no-date", "No date.")],
    )
    mine = pickle.loads(dumps(value))
    assert mine == pickle.loads(pickle.dumps(value, protocol=5)) == value
    assert [type(e.doc.meta) for e in mine[0]] == [type(e.doc.meta) for e in entries]
    assert pickle.loads(pickle.dumps(mine, protocol=5)) == value


def test_a_one_worker_build_on_the_memo_of_a_two_worker_build_writes_what_a_fresh_build_writes(
    tmp_path: Path, reads: list[str]
) -> None:
    # The benchmark's order: all cores, then the generated folder removed and one core on the
    # memo the first run left (its reads, postings and page records: no page can be reused).
    corpus = tmp_path / "corpus"
    write_corpus(corpus / "transcripts", 12, seed=3, annotations=corpus / "annotations",
                 annotation_rate=0.25)  # fmt: skip
    root = stage_inputs(tmp_path / "archive", corpus / "transcripts", corpus / "annotations")
    run(replace(options(root), jobs=2), lambda d: None)
    assert reads == []  # read in forked workers
    stamp = (root / "docs" / "archive" / STAMP).read_bytes()
    shutil.rmtree(root / "docs" / "archive")
    again = run(options(root), lambda d: None)
    assert reads == [] and again.pages_reused == 0  # every read from the memo
    assert (root / "docs" / "archive" / STAMP).read_bytes() == stamp
    assert generated(root) == fresh_build(root, tmp_path / "fresh")


def test_a_checkout_moved_to_another_folder_keeps_its_stamp_and_its_memo(
    tmp_path: Path, reads: list[str]
) -> None:
    # The stamp and the memo name files relative to the repository, not where it lies: a
    # checkout moved (or restored from a CI cache into another folder) is not built again.
    first = stage_inputs(tmp_path / "here")
    run(options(first), lambda d: None)
    assert len(reads) == 5
    moved = tmp_path / "elsewhere" / "there"
    moved.parent.mkdir()
    shutil.move(first, moved)
    reads.clear()
    again = run(options(moved), lambda d: None)
    assert again.skipped and reads == []
    edit(moved / ISRAEL, "Sergey Lavrov:", "Sergey Lavrov:\n\nA paragraph added after moving.\n\n")
    changed = run(options(moved), lambda d: None)
    assert not changed.skipped and reads == ["2021-03-17-lavrov-israel.txt"]
    assert generated(moved) == fresh_build(moved, tmp_path / "fresh")


def test_the_year_pages_of_a_long_listing_are_kept_each_while_its_own_rows_hold(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Listings of more than 2 documents split by year (100 on the site): each year's pages are
    # a unit inside their subject's, kept while their rows and what they show hold.
    monkeypatch.setattr("parley.render.listing.SPLIT_ABOVE", 2)
    corpus = tmp_path / "corpus"
    write_corpus(corpus / "transcripts", 16, seed=5)
    (corpus / "annotations").mkdir()
    root = stage_inputs(tmp_path / "archive", corpus / "transcripts", corpus / "annotations")
    later = sorted((root / "transcripts").iterdir())[5::6]  # two added after the first build
    for path in later:
        path.rename(tmp_path / path.name)
    names = sorted(p.name for p in (root / "transcripts").iterdir())
    first = run(options(root), lambda d: None)
    assert first.units_reused == 0
    assert any(re.fullmatch(r"countries/[a-z]+-20\d\d\.md", path) for path in generated(root))
    for path in later:  # new rows on year pages whose other rows are unchanged
        (tmp_path / path.name).rename(path)
    added = run(options(root), lambda d: None)
    assert added.units_reused > 0
    assert generated(root) == fresh_build(root, tmp_path / "fresh-added")
    titled = next(n for n in names if "Sergey Lavrov’s" in (root / "transcripts" / n).read_text())
    edit(root / "transcripts" / titled, "Sergey Lavrov’s", "Sergey Lavrov’s retitled")
    retitled = run(options(root), lambda d: None)
    assert retitled.units_reused > 0
    assert generated(root) == fresh_build(root, tmp_path / "fresh-title")
    reads.clear()
    (root / "transcripts" / names[2]).unlink()
    run(options(root), lambda d: None)
    assert reads == []
    files = generated(root)
    assert files == fresh_build(root, tmp_path / "fresh-gone")
    gone = names[2].removesuffix(".txt")
    assert [path for path, data in files.items() if gone.encode() in data] == []


def test_quotations_are_traced_again_only_when_the_report_or_the_transcript_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    traced: list[tuple[str, str]] = []

    def counting(report: Document, transcript: Document) -> tuple[QuoteMatch, ...]:
        traced.append((report.id, transcript.id))
        return trace_pair(report, transcript)

    monkeypatch.setattr(pipeline, "trace_pair", counting)
    root = stage_inputs(tmp_path / "preview")
    memo = Memo()
    run(options(root), lambda d: None, memo)
    pair = ("2021-07-02-news-lavrov-gulf-security-concept", "2021-07-02-lavrov-bahrain")
    assert traced == [pair]
    assert [len(matches) for matches in memo.traces.values()] == [6]

    traced.clear()  # another transcript changed: the pair is taken from the memo
    edit(root / ISRAEL, "Sergey Lavrov:", "Sergey Lavrov:\n\nA paragraph added in the preview.\n\n")
    run(options(root), lambda d: None, memo)
    assert traced == []
    assert generated(root) == fresh_build(root, tmp_path / "fresh-1")

    traced.clear()  # the transcript the report quotes changed: traced again
    bahrain = root / "transcripts" / "2021-07-02-lavrov-bahrain.txt"
    bahrain.write_text(bahrain.read_text(encoding="utf-8") + "\n\nA closing line.\n", "utf-8")
    run(options(root), lambda d: None, memo)
    assert traced == [pair]
    assert len(memo.traces) == 1
    assert generated(root) == fresh_build(root, tmp_path / "fresh-2")

    traced.clear()  # the report deleted: nothing traced, nothing kept
    (root / "transcripts" / f"{pair[0]}.txt").unlink()
    run(options(root), lambda d: None, memo)
    assert traced == [] and memo.traces == {}
    assert generated(root) == fresh_build(root, tmp_path / "fresh-3")
