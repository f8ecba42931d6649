"""The built site: every page reachable, every link and anchor resolves, nothing external."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support.site_scan import published_files, scan_for
from tests.support.sitebuild import REPO, SITE_URL, SUB_PATH, Build, run_build, stage_inputs

SAMPLE_IDS = (
    "2016-10-28-lavrov-syria-iran",
    "2020-11-25-lavrov-iraq",
    "2021-03-17-lavrov-israel",
    "2021-07-02-lavrov-bahrain",
    "2021-07-02-news-lavrov-gulf-security-concept",
)

pytestmark = pytest.mark.slow


class _Links(HTMLParser):
    """Collects element ids and the URLs a page refers to, with the tag that refers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.canonical: list[str] = []  # the page's published address: named, never loaded

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and ("rel", "canonical") in attrs:
            self.canonical.append(dict(attrs).get("href") or "")
            return
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in ("href", "src"):
                self.refs.append((tag, name, value))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> dict[Path, _Links]:
    return {p: _parse(p) for p in sorted(site.rglob("*.html"))}


def test_home_page_links_to_every_sample_transcript(sample_site: Path) -> None:
    home = _parse(sample_site / "index.html")
    targets = {url for _tag, _attr, url in home.refs}
    for doc_id in SAMPLE_IDS:
        assert f"archive/transcripts/{doc_id}.html" in targets, doc_id
        assert (sample_site / "archive" / "transcripts" / f"{doc_id}.html").is_file()


def test_no_internal_link_or_anchor_is_broken(sample_site: Path) -> None:
    broken = _broken_links(sample_site)
    assert not broken, "\n".join(broken[:50])


def test_no_link_is_dead_inside_the_unpacked_offline_copy(
    sample_site: Path, tmp_path: Path
) -> None:
    """Every page of the unzipped archive, opened from disk: each local link and anchor finds
    its file; the copy's home page links the zip at the published address, not beside itself."""
    with zipfile.ZipFile(sample_site / "downloads" / "parley-site.zip") as zf:
        zf.extractall(tmp_path)
    copy = tmp_path / "parley-site"
    broken = _broken_links(copy)
    assert not broken, "\n".join(broken[:50])
    home = _parse(copy / "index.html")
    zips = [url for _t, _a, url in home.refs if url.endswith("parley-site.zip")]
    assert zips == [f"{SITE_URL}downloads/parley-site.zip"]
    assert "This is the offline copy" in (copy / "index.html").read_text(encoding="utf-8")


def _broken_links(sample_site: Path) -> list[str]:
    """Each local link or anchor of the site's pages that finds no file or no element."""
    pages = _pages(sample_site)
    broken = []
    for page, links in pages.items():
        if page.name == "404.html":
            continue  # served by the web host at any path, so its links are absolute by design
        for tag, _attr, url in links.refs:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//") or url.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(sample_site)}: <{tag}> {url}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(sample_site)}: #{parts.fragment} in {url}")
    return broken


def test_no_page_loads_anything_from_another_host(sample_site: Path) -> None:
    remote = []
    for page, links in _pages(sample_site).items():
        for tag, attr, url in links.refs:
            loads = attr == "src" or tag == "link"
            if loads and (urlsplit(url).scheme in ("http", "https") or url.startswith("//")):
                remote.append(f"{page.relative_to(sample_site)}: <{tag} {attr}={url}>")
    assert not remote, "\n".join(remote)


def test_pages_name_their_published_address_under_the_sub_path(sample_site: Path) -> None:
    for page, links in _pages(sample_site).items():
        path = page.relative_to(sample_site).as_posix()
        if page.name != "404.html":
            assert links.canonical == [SITE_URL + path], path


def test_the_404_page_links_only_into_the_site_under_its_sub_path(sample_site: Path) -> None:
    """GitHub Pages serves 404.html at whatever address was asked for, so its links are
    absolute: they must start with the site's path (never ``/index.html``) and exist."""
    links = _parse(sample_site / "404.html")
    local = [url for _tag, _attr, url in links.refs if not urlsplit(url).scheme and url[:1] != "#"]
    assert local, "the 404 page links nowhere"
    wrong = [url for url in local if not url.startswith(SUB_PATH)]
    assert not wrong, wrong
    missing = [
        url
        for url in local
        if not (sample_site / unquote(urlsplit(url).path)[len(SUB_PATH) :]).is_file()
    ]
    assert not missing, missing
    assert f"{SUB_PATH}index.html" in local


def test_nothing_of_the_build_machine_is_published(sample_build: Build) -> None:
    """No path of the machine (the repository, the build folder, the home folder), no hidden
    file and no ``.git`` in the site or in its zip."""
    home = Path.home()
    needles = [str(REPO), str(sample_build.root), str(sample_build.root.resolve())]
    needles += [str(home) + "/", f"/{home.name}/"] if home.name else []
    found = scan_for(sample_build.site, needles)
    assert not found, found
    names = published_files(sample_build.site)
    hidden = [name for name in names if any(part.startswith(".") for part in name.split("/"))]
    assert not hidden, hidden
    assert any(name.startswith("downloads/parley-site.zip!") for name in names)


def test_catalog_has_one_record_per_document_with_the_documented_fields(
    sample_site: Path,
) -> None:
    records = json.loads((sample_site / "data" / "catalog.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in records) == sorted(SAMPLE_IDS)
    required = {
        "id",
        "title",
        "date",
        "time",
        "kind",
        "speakers",
        "counterparts",
        "place",
        "languages",
        "questions",
        "paragraphs",
        "url",
        "countries",
        "topics",
        "people",
        "organisations",
    }
    for record in records:
        assert required <= set(record), sorted(required - set(record))
        assert (sample_site / record["url"]).is_file()
    rows = list(csv.DictReader(io.StringIO((sample_site / "data" / "catalog.csv").read_text())))
    assert sorted(r["id"] for r in rows) == sorted(SAMPLE_IDS)


def test_offline_archive_is_linked_from_home_and_holds_the_site(sample_site: Path) -> None:
    home = _parse(sample_site / "index.html")
    assert any(url.endswith("downloads/parley-site.zip") for _t, _a, url in home.refs)
    with zipfile.ZipFile(sample_site / "downloads" / "parley-site.zip") as zf:
        names = set(zf.namelist())
    assert "parley-site/index.html" in names
    assert "parley-site/archive/search/manifest.js" in names
    assert "parley-site/search.html" in names
    for doc_id in SAMPLE_IDS:
        assert f"parley-site/archive/sources/{doc_id}.txt" in names


def test_each_transcript_links_its_source_text_published_with_the_site(sample_site: Path) -> None:
    for doc_id in SAMPLE_IDS:
        page = sample_site / "archive" / "transcripts" / f"{doc_id}.html"
        refs = [url for _t, _a, url in _parse(page).refs]
        assert f"../sources/{doc_id}.txt" in refs
        published = (sample_site / "archive" / "sources" / f"{doc_id}.txt").read_bytes()
        original = (Path(__file__).parents[2] / "transcripts" / f"{doc_id}.txt").read_bytes()
        assert published == b"\xef\xbb\xbf" + original.replace(b"\r\n", b"\n")


def test_samples_link_their_originals(sample_site: Path) -> None:
    page = sample_site / "archive" / "transcripts" / "2021-07-02-lavrov-bahrain.html"
    refs = [url for _t, _a, url in _parse(page).refs]
    assert any(url.startswith("https://www.mid.ru/en/") for url in refs), refs


def test_no_page_points_at_a_made_up_repository(sample_site: Path) -> None:
    """The sample build runs outside any git repository, and mkdocs.yml names none: pages then
    have no "Edit" or "Annotate" links at all, rather than links to a placeholder."""
    for page in sorted(sample_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "parley-archive" not in text, page
        assert 'class="annotate"' not in text and 'class="edit"' not in text, page


def test_two_builds_of_the_same_input_are_byte_identical(
    sample_build: Build, tmp_path: Path
) -> None:
    again = run_build(
        stage_inputs(tmp_path / "again"), "--strict", "--jobs", "2", "--site-url", SITE_URL
    )
    assert again.status == 0, again.stderr
    first = {
        p.relative_to(sample_build.site): p.read_bytes()
        for p in sorted(sample_build.site.rglob("*"))
        if p.is_file()
    }
    second = {
        p.relative_to(again.site): p.read_bytes()
        for p in sorted(again.site.rglob("*"))
        if p.is_file()
    }
    assert sorted(first) == sorted(second)
    differing = [str(p) for p in first if first[p] != second[p]]
    assert not differing, differing
