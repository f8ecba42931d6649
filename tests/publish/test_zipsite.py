"""The offline archive holds the whole site and is byte-identical for the same site."""

from __future__ import annotations

import zipfile
from pathlib import Path

from parley.publish.archive_zip import write_site_zip


def _site(root: Path) -> Path:
    (root / "archive").mkdir(parents=True)
    (root / "index.html").write_text("<h1>home</h1>")
    (root / "archive" / "page.html").write_text("page")
    return root


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
