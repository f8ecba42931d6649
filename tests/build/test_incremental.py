"""Incremental builds: an unchanged build writes nothing; a change rewrites what depends on it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parley.build.stamp import Stamp, inputs_digest, read_stamp
from parley.model import Diagnostic
from tests.support.sitebuild import run_build, stage_inputs

pytestmark = pytest.mark.slow


def _inodes(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_digest_changes_with_any_input_byte_and_not_otherwise(tmp_path: Path) -> None:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "a.txt").write_text("one")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n")
    first = inputs_digest([folder], [config], salt="")
    assert inputs_digest([folder], [config], salt="") == first
    (folder / "a.txt").write_text("two")
    assert inputs_digest([folder], [config], salt="") != first
    (folder / "a.txt").write_text("one")
    (folder / "a.txt").rename(folder / "b.txt")
    assert inputs_digest([folder], [config], salt="") != first  # a rename is a change


def test_digest_reads_nothing_through_links_special_or_oversized_files(tmp_path: Path) -> None:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("one")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for ever
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    (folder / "link.txt").symlink_to(outside)
    (folder / "big.txt").write_text("x" * 100)
    first = inputs_digest([folder], [], salt="", max_bytes=10)
    outside.write_text("two")  # what a link points at is not an input
    seen = (folder / "big.txt").stat()
    (folder / "big.txt").write_text("y" * 100)  # nor the bytes of a file over the size limit
    os.utime(folder / "big.txt", ns=(seen.st_atime_ns, seen.st_mtime_ns))
    assert inputs_digest([folder], [], salt="", max_bytes=10) == first
    (folder / "link.txt").unlink()
    (folder / "link.txt").symlink_to(tmp_path / "other.txt")  # where it points is
    assert inputs_digest([folder], [], salt="", max_bytes=10) != first


def test_stamp_round_trips_with_its_diagnostics(tmp_path: Path) -> None:
    warning = Diagnostic("transcripts/x.txt", 3, "warning", "no-date", "no date", "add one")
    stamp = Stamp("abc", 5, 120, "2021-07-02", (warning,))
    (tmp_path / ".build-stamp.json").write_text(stamp.to_json())
    assert read_stamp(tmp_path) == stamp
    (tmp_path / ".build-stamp.json").write_text("{not json")
    assert read_stamp(tmp_path) is None


def test_a_build_with_nothing_changed_rewrites_no_generated_file(tmp_path: Path) -> None:
    root = stage_inputs(tmp_path / "repo")
    assert run_build(root, "--markdown-only").status == 0
    before = _inodes(root / "docs" / "archive")
    again = run_build(root, "--markdown-only")
    assert again.status == 0
    assert _inodes(root / "docs" / "archive") == before


def test_warnings_of_a_skipped_build_are_reported_again_and_strict_still_fails(
    tmp_path: Path,
) -> None:
    root = stage_inputs(tmp_path / "repo")
    (root / "transcripts" / "2021-09-09-undated.txt").write_text("Sergey Lavrov: No date here.\n")
    first = run_build(root, "--markdown-only")
    stamp = (root / "docs" / "archive" / ".build-stamp.json").stat().st_mtime_ns
    second = run_build(root, "--markdown-only", "--strict")
    assert (root / "docs" / "archive" / ".build-stamp.json").stat().st_mtime_ns == stamp
    name = "transcripts/2021-09-09-undated.txt:"
    warned = [line for line in first.stderr.splitlines() if line.startswith(name)]
    assert warned
    assert [line for line in second.stderr.splitlines() if line.startswith(name)] == warned
    assert (first.status, second.status) == (0, 1)


def test_changing_one_transcript_rewrites_only_pages_that_depend_on_it(tmp_path: Path) -> None:
    root = stage_inputs(tmp_path / "repo")
    assert run_build(root, "--markdown-only").status == 0
    archive = root / "docs" / "archive"
    before = _inodes(archive)
    source = root / "transcripts" / "2020-11-25-lavrov-iraq.txt"
    source.write_bytes(
        source.read_bytes().replace(b"Ladies and gentlemen,", b"Ladies and gentlemen!")
    )
    assert run_build(root, "--markdown-only").status == 0
    after = _inodes(archive)
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert "transcripts/2020-11-25-lavrov-iraq.md" in changed
    assert "transcripts/2021-07-02-lavrov-bahrain.md" not in changed
    assert "countries/il.md" not in changed  # Israel: not mentioned in the Iraq transcript
    assert len(changed) < len(after) // 4, changed
