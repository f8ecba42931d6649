"""The offline copy's home page says it is the offline copy instead of linking a zip it lacks."""

from __future__ import annotations

from pathlib import Path

from parley.publish import offline_home as module
from parley.render.home import offline_copy_paragraph, offline_paragraph


def offline_home(site: Path, site_url: str) -> dict[str, bytes]:
    return module.offline_home(site, site_url, offline_paragraph(), offline_copy_paragraph)


def _home(site: Path, body: str) -> Path:
    site.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text(f"<main><h2>Read offline</h2>{body}</main>", encoding="utf-8")
    return site


def test_without_a_site_address_the_copy_says_what_it_is_and_links_no_zip(tmp_path: Path) -> None:
    site = _home(tmp_path / "site", offline_paragraph())
    page = offline_home(site, "")["index.html"].decode("utf-8")
    assert page == (
        '<main><h2>Read offline</h2><p class="offline">This is the offline copy of the whole '
        "site, unpacked from its zip file: search works without a network.</p></main>"
    )


def test_with_a_site_address_the_copy_links_the_published_site_and_zip(tmp_path: Path) -> None:
    site = _home(tmp_path / "site", offline_paragraph())
    page = offline_home(site, "https://example.org/archive")["index.html"].decode("utf-8")
    assert "downloads/parley-site.zip" not in page.replace(
        "https://example.org/archive/downloads/parley-site.zip", ""
    )
    assert '<a href="https://example.org/archive/">the published site</a>' in page
    assert (
        '<a href="https://example.org/archive/downloads/parley-site.zip">'
        "download the newest copy</a>" in page
    )
    # The site's own home page keeps its download link.
    assert offline_paragraph() in (site / "index.html").read_text(encoding="utf-8")


def test_a_home_page_without_the_paragraph_goes_into_the_copy_as_written(tmp_path: Path) -> None:
    assert offline_home(_home(tmp_path / "site", "<p>our own page</p>"), "") == {}
    assert offline_home(tmp_path / "nothing", "") == {}
