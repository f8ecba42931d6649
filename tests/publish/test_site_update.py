"""A build after a change renders only what the change needs, and its site is byte-identical
to a clean build of the same input, in another folder: after new transcripts (one of them the
newest, which changes the home page, the build date and its neighbours' links), after an edit
and a deletion, and after a change to a hand-written page, which renders everything again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from tests.support.sitebuild import Build, run_build, stage_inputs, tree_digests

pytestmark = pytest.mark.slow


def _inode(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def _stamps(folder: Path, suffix: str) -> dict[str, tuple[int, int]]:
    """(inode, modification time) of every page under ``folder``, by path without suffix."""
    return {
        p.relative_to(folder).with_suffix("").as_posix(): _inode(p)
        for p in folder.rglob(f"*{suffix}")
        if not p.name.startswith("_")  # fragments included into hand-written pages
    }


def _rebuilt(root: Path, *args: str) -> tuple[set[str], set[str]]:
    """Build again; the generated pages whose Markdown was kept, and those of them whose HTML
    MkDocs rendered again."""
    markdown = root / "docs" / "archive"
    html = root / "site" / "archive"
    md_before, html_before = _stamps(markdown, ".md"), _stamps(html, ".html")
    _built(run_build(root, *args))
    md_after, html_after = _stamps(markdown, ".md"), _stamps(html, ".html")
    kept = {page for page, stamp in md_before.items() if md_after.get(page) == stamp}
    return kept, {page for page in kept if html_after[page] != html_before[page]}


def _built(build: Build) -> Build:
    # Not --strict: the generated corpus has no ledger of paragraph numbers (anchors/), so every
    # build warns that they are not recorded yet; that warning is the same in both builds.
    assert build.status == 0, build.stderr
    return build


def _same_as_clean(updated: Path, elsewhere: Path) -> None:
    """Build the inputs of ``updated`` from nothing in ``elsewhere``; the sites must be equal."""
    shutil.rmtree(elsewhere, ignore_errors=True)
    elsewhere.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy2(updated / name, elsewhere / name)
    for name in ("docs", "data", "transcripts", "annotations", "overrides"):
        if not (updated / name).exists():
            continue
        shutil.copytree(updated / name, elsewhere / name, ignore=shutil.ignore_patterns("archive"))
    _built(run_build(elsewhere))
    ours, clean = tree_digests(updated / "site"), tree_digests(elsewhere / "site")
    assert sorted(ours) == sorted(clean)
    assert [p for p in ours if ours[p] != clean[p]] == []


def test_changed_archive_renders_only_what_changed_and_equals_a_clean_build(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus / "transcripts", 12, seed=7, annotations=corpus / "annotations",
                 annotation_rate=0.25)  # fmt: skip
    names = sorted(p.name for p in (corpus / "transcripts").iterdir())
    # Held back: the oldest and the newest transcript, added later.
    held = tmp_path / "held"
    held.mkdir()
    for name in (names[0], names[-1]):
        (corpus / "transcripts" / name).rename(held / name)
        note = corpus / "annotations" / name.replace(".txt", ".yaml")
        if note.exists():
            note.rename(held / note.name)
    root = stage_inputs(tmp_path / "repo", corpus / "transcripts", corpus / "annotations")
    _built(run_build(root))
    pages = root / "site" / "archive" / "transcripts"

    # 1. Two new transcripts, one of them the newest of all.
    for name in (names[0], names[-1]):
        shutil.copy2(held / name, root / "transcripts" / name)
        note = held / name.replace(".txt", ".yaml")
        if note.exists():
            shutil.copy2(note, root / "annotations" / note.name)
    kept, rendered = _rebuilt(root)
    assert (pages / names[-1].replace(".txt", ".html")).is_file()
    assert kept, "the test needs a page the change does not reach"
    assert rendered == set(), "an unchanged page was rendered again"
    _same_as_clean(root, tmp_path / "clean")

    # 2. One transcript edited, another deleted (its page and its index rows must go).
    edited = root / "transcripts" / names[3]
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("\n", "\n\nA paragraph added by the test.\n", 1),
        encoding="utf-8",
    )
    gone = names[8]
    (root / "transcripts" / gone).unlink()
    (root / "annotations" / gone.replace(".txt", ".yaml")).unlink(missing_ok=True)
    kept, rendered = _rebuilt(root)
    assert not (pages / gone.replace(".txt", ".html")).exists()
    assert kept and rendered == set()
    _same_as_clean(root, tmp_path / "clean")

    # 3. A hand-written page changed: every page is rendered again.
    about = root / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    kept, rendered = _rebuilt(root)
    assert kept and rendered == kept
    _same_as_clean(root, tmp_path / "clean")

    # 4. Only the theme's overrides changed: every page is rendered again, with the change.
    main = root / "overrides" / "main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("{{ super() }}", "{{ super() }}<!-- changed by the test -->", 1),
                    encoding="utf-8")  # fmt: skip
    kept, rendered = _rebuilt(root)
    assert kept and rendered == kept
    page = pages / names[-1].replace(".txt", ".html")
    assert "<!-- changed by the test -->" in page.read_text(encoding="utf-8")
