"""The offline archive holds the whole site and is byte-identical for the same site."""

from __future__ import annotations

import os
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from parley.publish import archive_zip
from parley.publish.archive_zip import write_site_zip


def _site(root: Path) -> Path:
    (root / "archive").mkdir(parents=True)
    (root / "index.html").write_text("<h1>home</h1>")
    (root / "archive" / "page.html").write_text("page")
    return root


def _names_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the name of every file whose bytes are read (until ``monkeypatch.undo()``)."""
    read: list[str] = []
    real = Path.read_bytes

    def reading(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    return read


def test_the_archive_holds_every_file_under_one_folder(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    target = site / "downloads" / "parley-site.zip"
    assert write_site_zip(site, target) == 2
    with zipfile.ZipFile(target) as zf:
        assert zf.namelist() == ["parley-site/archive/page.html", "parley-site/index.html"]
        assert zf.read("parley-site/index.html") == b"<h1>home</h1>"


def test_the_archive_does_not_contain_itself_and_is_reproducible(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    target = site / "downloads" / "parley-site.zip"
    write_site_zip(site, target)
    first = target.read_bytes()
    write_site_zip(site, target)  # the previous archive is now inside site/
    assert target.read_bytes() == first


def test_an_archive_updated_from_the_previous_one_equals_one_made_from_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path / "site")
    for n in range(5):
        (site / "archive" / f"doc-{n}.html").write_text(f"<p>document {n}</p>" * 50)
    target, index = tmp_path / "site.zip", tmp_path / "cache" / "zip.json"
    write_site_zip(site, target, index)
    (site / "archive" / "doc-2.html").write_text("<p>changed</p>")
    (site / "archive" / "doc-4.html").unlink()
    (site / "archive" / "new.html").write_text("<p>new</p>")
    compressed: list[int] = []
    real = zlib.compress

    def counting(data: bytes, *args: object, **kwargs: object) -> bytes:
        compressed.append(len(data))
        return real(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zlib, "compress", counting)
    assert write_site_zip(site, target, index) == 7
    # Only the changed and the new page were compressed; the rest came from the archive.
    assert sorted(compressed) == sorted([len(b"<p>changed</p>"), len(b"<p>new</p>")])
    monkeypatch.setattr(zlib, "compress", real)
    fresh = tmp_path / "fresh.zip"
    write_site_zip(site, fresh)
    assert target.read_bytes() == fresh.read_bytes()
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        assert zf.read("parley-site/archive/doc-2.html") == b"<p>changed</p>"


def test_a_file_whose_size_times_and_inode_are_as_indexed_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No margin for the file system's clock here: every file was written before the archive.
    monkeypatch.setattr(archive_zip, "RACY_NS", 0)
    site = _site(tmp_path / "site")
    for n in range(4):
        (site / "archive" / f"doc-{n}.html").write_text(f"<p>document {n}</p>" * 50)
    target, index = tmp_path / "site.zip", tmp_path / "cache" / "zip.json"
    write_site_zip(site, target, index)
    changed = site / "archive" / "doc-1.html"
    times = changed.stat()
    time.sleep(0.05)  # past the file system clock's tick: the rewrite gets another change time
    # The same size and modification time, other bytes: only the change time tells.
    changed.write_text("<p>document X</p>" * 50)
    os.utime(changed, ns=(times.st_atime_ns, times.st_mtime_ns))
    (site / "archive" / "new.html").write_text("<p>new</p>")
    read = _names_read(monkeypatch)
    assert write_site_zip(site, target, index) == 7
    assert sorted(read) == ["doc-1.html", "new.html"]
    monkeypatch.undo()
    fresh = tmp_path / "fresh.zip"
    write_site_zip(site, fresh)
    assert target.read_bytes() == fresh.read_bytes()
    with zipfile.ZipFile(target) as zf:
        assert zf.read("parley-site/archive/doc-1.html") == b"<p>document X</p>" * 50


def test_a_file_changed_just_before_the_last_archive_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # However long the machine took between writing the files and zipping them: an hour.
    monkeypatch.setattr(archive_zip, "RACY_NS", 3600 * 10**9)
    site = _site(tmp_path / "site")
    target, index = tmp_path / "site.zip", tmp_path / "zip.json"
    write_site_zip(site, target, index)  # within RACY_NS of the files' writing
    read = _names_read(monkeypatch)
    write_site_zip(site, target, index)
    assert sorted(read) == ["index.html", "page.html"]


def test_an_index_that_does_not_match_the_archive_is_not_trusted(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    target, index = tmp_path / "site.zip", tmp_path / "zip.json"
    write_site_zip(site, target, index)
    target.write_bytes(target.read_bytes() + b"\0")  # the archive is not the one indexed
    (site / "index.html").write_text("<h1>home again</h1>")
    write_site_zip(site, target, index)
    with zipfile.ZipFile(target) as zf:
        assert zf.read("parley-site/archive/page.html") == b"page"
        assert zf.read("parley-site/index.html") == b"<h1>home again</h1>"


@pytest.mark.slow
def test_more_members_than_a_plain_zip_counts_are_all_listed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for n in range(66_000):  # over 65,535: the ZIP64 end record carries the count
        (site / f"{n}.txt").write_bytes(b"x")
    target = tmp_path / "site.zip"
    assert write_site_zip(site, target) == 66_000
    with zipfile.ZipFile(target) as zf:
        assert len(zf.namelist()) == 66_000
        assert zf.read("parley-site/65999.txt") == b"x"


def test_replaced_bytes_go_into_the_archive_and_the_site_is_left_as_it_was(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    target = tmp_path / "site.zip"
    write_site_zip(site, target, replaced={"index.html": b"<h1>offline home</h1>"})
    with zipfile.ZipFile(target) as zf:
        assert zf.read("parley-site/index.html") == b"<h1>offline home</h1>"
        assert zf.read("parley-site/archive/page.html") == b"page"
    assert (site / "index.html").read_text() == "<h1>home</h1>"
