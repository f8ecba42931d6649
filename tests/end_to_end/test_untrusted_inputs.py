"""A pull request from a stranger: links, special files and oversized files are refused by name,
nothing they point at or hold past a limit reaches the site, and the rest builds.

One corpus holds every trick of the issue "Untrusted pull requests": transcripts, an annotation
and a data file that are symbolic links to files holding a secret marker (absolute and relative
links, and a linked folder), a FIFO, files over each limit of ``extra.limits`` (set low in the
staged mkdocs.yml, as a maintainer would set them), front matter with a YAML alias; the build
runs with a secret in its environment. The site and its zip must hold none of the markers.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.support.site_scan import published_files, scan_for
from tests.support.sitebuild import Build, run_build, stage_inputs

pytestmark = pytest.mark.slow

#: Held by every file the build must not read; never in any input it may read.
SECRET = "PARLEY-SECRET-d41d8cd9"
#: Set in the build's environment only.
ENV_SECRET = "PARLEY-ENV-SECRET-8f00b204"
HEADER = "2 July 202117:15\n\n{title}, Moscow, July 2, 2021\n\n  • en-GB1 ru-RU1\n\n"
LIMITS = """
  limits:
    file_bytes: 20000
    line_characters: 3000
    paragraphs_per_document: 40
    annotations_per_file: 2
"""
GOOD = "2021-07-01-good"


def transcript(title: str, body: str) -> str:
    return HEADER.format(title=title) + body


def annotation(quote: str, note: str) -> str:
    return f'  - quote: "{quote}"\n    note: "{note}"\n    author: Tester\n    date: "2026-11-30"\n'


def _stage(root: Path) -> Path:
    """The staged repository with every hostile entry in place."""
    stage_inputs(root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("\nextra:\n", "\nextra:" + LIMITS, 1), "utf-8"
    )
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir()
    secret = outside / "2021-07-09-secret.txt"
    secret.write_text(transcript("Secret", f"Sergey Lavrov: {SECRET} Syria."), "utf-8")
    (outside / "folder").mkdir()
    shutil.copy(secret, outside / "folder" / "2021-07-09-in-linked-folder.txt")
    (outside / "notes.yaml").write_text("annotations:\n" + annotation("Syria", SECRET), "utf-8")
    people = (root / "data" / "people.yaml").read_text("utf-8")
    (outside / "people.yaml").write_text(people + f"\n# {SECRET}\n", "utf-8")

    transcripts, notes = root / "transcripts", root / "annotations"
    for name in os.listdir(transcripts):
        (transcripts / name).unlink()
    for name in os.listdir(notes):
        (notes / name).unlink()
    (transcripts / f"{GOOD}.txt").write_text(
        transcript("Sergey Lavrov’s remarks", "Sergey Lavrov: We discussed Syria and Iran."),
        "utf-8",
    )
    (transcripts / "2021-07-02-absolute-link.txt").symlink_to(secret)
    (transcripts / "2021-07-03-relative-link.txt").symlink_to(os.path.relpath(secret, transcripts))
    (transcripts / "linked-folder").symlink_to(outside / "folder", target_is_directory=True)
    (transcripts / "2021-07-04-broken-link.txt").symlink_to(outside / "missing.txt")
    os.mkfifo(transcripts / "2021-07-05-fifo.txt")
    (transcripts / "2021-07-06-too-large.txt").write_text(
        transcript("Too large", f"Sergey Lavrov: {SECRET} " + "Syria. " * 4000), "utf-8"
    )
    (transcripts / "2021-07-07-long-line.txt").write_text(
        transcript("Long line", f"Sergey Lavrov: {SECRET} " + "Syria " * 600), "utf-8"
    )
    (transcripts / "2021-07-08-many-paragraphs.txt").write_text(
        transcript("Many", f"Sergey Lavrov: {SECRET}\n\n" + "Syria.\n\n" * 60), "utf-8"
    )
    (transcripts / "2021-07-10-alias.txt").write_text(
        "---\ntitle: &t Alias title\nspeakers: [*t]\n---\nSergey Lavrov: Text.\n", "utf-8"
    )
    (notes / f"{GOOD}.yaml").symlink_to(outside / "notes.yaml")
    os.mkfifo(notes / "2021-07-10-alias.yaml")
    (notes / "2021-07-08-many-paragraphs.yaml").write_text(
        "annotations:\n" + annotation("Syria", "one") * 3, "utf-8"
    )
    (root / "data" / "people.yaml").unlink()
    (root / "data" / "people.yaml").symlink_to(outside / "people.yaml")
    return root


@pytest.fixture(scope="module")
def untrusted(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = _stage(tmp_path_factory.mktemp("untrusted") / "repo")
    return run_build(root, env={**os.environ, "PARLEY_CANARY": ENV_SECRET})


def messages(build: Build) -> list[str]:
    return [line for line in build.stderr.splitlines() if re.match(r"^\S+:\d+: \w+: ", line)]


def test_the_rest_builds_and_the_errors_fail_the_build(untrusted: Build) -> None:
    assert untrusted.status == 1, untrusted.stderr
    assert (untrusted.site / "archive" / "transcripts" / f"{GOOD}.html").is_file()
    assert (untrusted.site / "downloads" / "parley-site.zip").is_file()


def test_every_refused_entry_is_named_with_what_to_do(untrusted: Build) -> None:
    link = "commit the file itself: a link can point at any file of the machine that builds the "
    link += "site"
    found = messages(untrusted)
    expected = [
        f"transcripts/2021-07-02-absolute-link.txt:0: error: the file is a symbolic link; "
        f"nothing is read from it ({link})",
        f"transcripts/2021-07-03-relative-link.txt:0: error: the file is a symbolic link; "
        f"nothing is read from it ({link})",
        "transcripts/2021-07-04-broken-link.txt:0: error: the file is a symbolic link; "
        f"nothing is read from it ({link})",
        "transcripts/linked-folder:0: error: the folder is a symbolic link; nothing is read from "
        "it (commit the folder itself: a link can point at any file of the machine that builds "
        "the site)",
        "transcripts/2021-07-05-fifo.txt:0: error: the file is a named pipe (FIFO), not a regular "
        "file; nothing is read from it (only regular text files are read)",
        "transcripts/2021-07-06-too-large.txt:0: error: the file is larger than the limit of "
        "20,000 bytes; nothing of it is read (split it into smaller files, or raise "
        "extra.limits.file_bytes in mkdocs.yml)",
        "transcripts/2021-07-07-long-line.txt:7: error: the line is longer than the limit of "
        "3,000 characters; the file is left out (break it into paragraphs, or raise "
        "extra.limits.line_characters in mkdocs.yml)",
        "transcripts/2021-07-08-many-paragraphs.txt:87: error: the document has more than 40 "
        "paragraphs; the file is left out (split it into several documents, or raise "
        "extra.limits.paragraphs_per_document in mkdocs.yml)",
        "transcripts/2021-07-10-alias.txt:2: warning: YAML anchors and aliases (&name, *name) "
        "are not allowed; the file is read as if it had no front matter (write each value out)",
        f"annotations/{GOOD}.yaml:0: error: the file is a symbolic link; nothing is read from "
        f"it ({link})",
        "annotations/2021-07-10-alias.yaml:0: error: the file is a named pipe (FIFO), not a "
        "regular file; nothing is read from it (only regular text files are read)",
        f"data/people.yaml:0: error: the file is a symbolic link; nothing is read from it ({link})",
    ]
    missing = [line for line in expected if line not in found]
    assert not missing, "\n".join(["missing:", *missing, "printed:", *found])


def test_too_many_annotations_are_refused_on_the_first_one_past_the_limit(
    untrusted: Build,
) -> None:
    # The transcript it annotates is itself refused, which is said too; the count comes first.
    assert (
        "annotations/2021-07-08-many-paragraphs.yaml:10: error: the file has more than 2 "
        "annotations; none of them is read (keep the notes that matter most, or raise "
        "extra.limits.annotations_per_file in mkdocs.yml)"
    ) in messages(untrusted)


def test_no_secret_reaches_the_site_or_the_zip(untrusted: Build) -> None:
    found = scan_for(untrusted.site, [SECRET, ENV_SECRET])
    assert not found, found
    pages = untrusted.site / "archive" / "transcripts"
    assert not (pages / "2021-07-02-absolute-link.html").exists()


def test_the_refused_entries_are_left_as_they_were(untrusted: Build) -> None:
    transcripts = untrusted.root / "transcripts"
    assert (transcripts / "2021-07-02-absolute-link.txt").is_symlink()
    assert (transcripts / "2021-07-05-fifo.txt").is_fifo()
    outside = untrusted.root.parent / f"{untrusted.root.name}-outside"
    assert SECRET in (outside / "2021-07-09-secret.txt").read_text("utf-8")


def test_nothing_hidden_or_of_the_machine_is_published(untrusted: Build) -> None:
    files = published_files(untrusted.site)
    assert files, "nothing published"
    hidden = [name for name in files if any(part.startswith(".") for part in name.split("/"))]
    assert not hidden, hidden


def test_a_zip_is_scanned_member_by_member(tmp_path: Path) -> None:
    """The scan itself can fail: a marker inside a compressed member is found."""
    (tmp_path / "page.html").write_text("clean", "utf-8")
    with zipfile.ZipFile(tmp_path / "copy.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("parley-site/.git/config", f"x {SECRET} y")
    assert scan_for(tmp_path, [SECRET]) == [f"copy.zip!parley-site/.git/config: {SECRET}"]
    assert "copy.zip!parley-site/.git/config" in published_files(tmp_path)
