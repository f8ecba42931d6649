"""MkDocs in shards: each page rendered by exactly one shard (the navigation's pages by all), and
the merged site the same bytes as one MkDocs run's, sitemap included; links with an anchor
between shards checked after the merge."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from pathspec.gitignore import GitIgnoreSpec

from benchmarks.corpus import write_corpus
from parley.publish.shards import nav_pages, plan_shards, shard_config
from parley.publish.site_merge import SiteMergeError, merge_sites, sitemap_key
from tests.support.sitebuild import SITE_URL, run_build, stage_inputs, tree_digests


def _write(path: Path, text: str = "x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    _write(docs / "index.md")
    _write(docs / "archive" / "_home.md")
    _write(docs / "archive" / "countries" / "index.md")
    for year in range(2000, 2012):
        for n in range(30):
            _write(docs / "archive" / "transcripts" / f"{year}-{n:02}-talk.md", "word " * 400)
            _write(docs / "archive" / "sources" / f"{year}-{n:02}-talk.txt", "text " * 400)
    for code in ("fr", "de", "sy", "ir", "iq", "[odd]", "!bang"):
        _write(docs / "archive" / "countries" / f"{code}.md", "row " * 900)
    _write(docs / "archive" / "search" / "terms" / "a.json")
    return docs


def test_every_generated_file_is_in_exactly_one_shard_and_the_navigation_in_all(
    tmp_path: Path,
) -> None:
    docs = _docs(tmp_path)
    shared = ["index.md", "archive/countries/index.md"]
    shards = plan_shards(docs, "archive", shared, 3)
    assert len(shards) == 3
    files = sorted(
        p.relative_to(docs).as_posix()
        for p in docs.rglob("*")
        if p.is_file() and p.is_relative_to(docs / "archive")
    )
    user = {"exclude_docs": "/archive/_*.md\n"}
    rendered_by: dict[str, list[int]] = {f: [] for f in files}
    for index, shard in enumerate(shards):
        config = shard_config(tmp_path / "mkdocs.yml", user, shard, shared, "")
        lines = re.search(r'exclude_docs: (".*")', config)
        assert lines is not None
        spec = GitIgnoreSpec.from_lines(json.loads(lines.group(1)).splitlines())
        for f in files:
            if not spec.match_file(f):
                rendered_by[f].append(index)
        # what the notices filter drops is what the patterns leave out (the user's own aside)
        own = {"archive/_home.md"}
        assert shard.excluded - own == {f for f in files if spec.match_file(f)} - own
        assert len(shard.patterns) < 40
    assert rendered_by.pop("archive/_home.md") == []  # the configuration's exclusion still wins
    assert rendered_by.pop("archive/countries/index.md") == [0, 1, 2]
    assert {f: len(s) for f, s in rendered_by.items() if len(s) != 1} == {}
    costs = [s.cost for s in shards]
    assert max(costs) < 1.3 * min(costs)


def test_the_navigation_names_its_pages_not_other_sites() -> None:
    nav = [
        {"Home": "index.md"},
        {"Countries": "archive/countries/index.md"},
        {"More": [{"About": "./about.md"}, {"Elsewhere": "https://example.org/"}]},
        "search.md",
    ]
    assert nav_pages(nav) == ["index.md", "archive/countries/index.md", "about.md", "search.md"]


def test_sitemap_order_is_the_order_mkdocs_finds_the_files() -> None:
    from mkdocs.structure.files import File, file_sort_key

    paths = ["about.md", "index.md", "archive/index.md", "archive/a-b.md", "archive/a.md",
             "archive/z/index.md", "archive/z/0.md", "archive/countries/sy.md", "b.md"]  # fmt: skip
    mkdocs_order = [
        f.url for f in sorted((File(p, "docs", "site", False) for p in paths), key=file_sort_key)
    ]
    base = "https://example.org/p/"
    ours = sorted((base + url for url in mkdocs_order[::-1]), key=lambda u: sitemap_key(u, base))
    assert ours == [base + url for url in mkdocs_order]


def _shard_site(folder: Path, pages: dict[str, str]) -> Path:
    for rel, text in pages.items():
        _write(folder / rel, text)
    return folder


def test_merge_reports_a_missing_anchor_across_shards_and_refuses_disagreeing_shards(
    tmp_path: Path,
) -> None:
    one = _shard_site(tmp_path / "s1", {
        "index.html": "<nav>same</nav>",
        "archive/a.html": '<p><a href="b.html#p2">ok</a> <a href="b.html#p9">gone</a>'
                          ' <a href="a.html#self">self</a></p>',
    })  # fmt: skip
    two = _shard_site(tmp_path / "s2", {
        "index.html": "<nav>same</nav>",
        "archive/b.html": '<p id="p1">one</p><p id="p2">two</p>',
    })  # fmt: skip
    merged = merge_sites([one, two], tmp_path / "site", "")
    assert merged.problems == [
        "Doc file 'archive/a.md' contains a link 'b.html#p9', "
        "but the doc 'archive/b.md' does not contain an anchor '#p9'."
    ]
    assert (merged.files, merged.shared) == (3, 1)
    assert not one.exists() and not two.exists()

    three = _shard_site(tmp_path / "s3", {"index.html": "<nav>one</nav>"})
    four = _shard_site(tmp_path / "s4", {"index.html": "<nav>two</nav>"})
    with pytest.raises(SiteMergeError, match=r"shards 1 and 2 rendered index\.html differently"):
        merge_sites([three, four], tmp_path / "site", "")


@pytest.mark.slow
def test_a_site_rendered_in_shards_is_the_same_bytes_as_one_mkdocs_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus / "transcripts", 10, seed=3, annotations=corpus / "annotations",
                 annotation_rate=0.3)  # fmt: skip
    sites = {}
    for jobs in ("1", "2"):
        root = stage_inputs(
            tmp_path / f"jobs{jobs}", corpus / "transcripts", corpus / "annotations"
        )
        build = run_build(root, "--jobs", jobs, "--site-url", SITE_URL)
        assert build.status == 0, build.stderr
        assert ("in 2 processes" in build.stderr) == (jobs == "2"), build.stderr
        assert "excluded from the built site" not in build.stderr
        sites[jobs] = root / "site"
    one, two = tree_digests(sites["1"]), tree_digests(sites["2"])
    assert sorted(one) == sorted(two)
    assert [p for p in one if one[p] != two[p]] == []
    sitemap = (sites["2"] / "sitemap.xml").read_text(encoding="utf-8")
    pages = sum(1 for p in one if p.endswith(".html") and p != "404.html")
    assert sitemap.count("<loc>") == pages
    assert gzip.decompress((sites["2"] / "sitemap.xml.gz").read_bytes()).decode() == sitemap
