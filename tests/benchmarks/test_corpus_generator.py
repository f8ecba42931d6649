"""The benchmark corpus generator: deterministic, realistic, safe names, anchored annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import corpus, corpus_document, corpus_samples, corpus_tables
from benchmarks.corpus_document import Generated
from tests.support.golden_files import assert_golden

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "schema" / "annotation.schema.json"

#: A generated file name; matches "2014-06-09-papua-new-guinea-17".
GENERATED_ID = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)-\d+$")
#: The title line's end; matches ", Moscow, July 2, 2021".
TITLE_END = re.compile(
    r", (?P<city>[^,]+), (?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})$"
)
#: A turn label the generator may write; matches "Question (translated from Arabic): ".
LABEL = re.compile(r"^(Question|Sergey Lavrov|Maria Zakharova)(?: \(([^)]*)\))?: \S")
TITLE_STARTS = (
    "Foreign Minister Sergey Lavrov’s ",
    "Foreign Minister Sergey Lavrov's ",
    "Briefing by Foreign Ministry Spokesperson ",
    "Statement by Foreign Minister Sergey Lavrov ",
)


@pytest.fixture(scope="module")
def thirty() -> list[Generated]:
    """The first thirty documents of seed 1, every one annotated."""
    return list(corpus.generate_corpus(30, seed=1, annotation_rate=1.0))


def _ministry_lines(doc: Generated) -> list[str]:
    lines = doc.text.split("\n")
    return lines[2:] if lines[0] == "Asset Publisher" else lines


# -- determinism and scale ----------------------------------------------------------------------


def test_the_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    first = corpus.write_corpus(tmp_path / "a", 12, seed=7, annotations=tmp_path / "an-a")
    second = corpus.write_corpus(tmp_path / "b", 12, seed=7, annotations=tmp_path / "an-b")
    assert first == second
    for a, b in (("a", "b"), ("an-a", "an-b")):
        names = sorted(p.name for p in (tmp_path / a).iterdir())
        assert names == sorted(p.name for p in (tmp_path / b).iterdir())
        for name in names:
            assert (tmp_path / a / name).read_bytes() == (tmp_path / b / name).read_bytes()


def test_another_seed_gives_another_corpus() -> None:
    one = [d.text for d in corpus.generate_corpus(5, seed=1)]
    two = [d.text for d in corpus.generate_corpus(5, seed=2)]
    assert not set(one) & set(two)


def test_a_smaller_corpus_is_the_start_of_a_larger_one() -> None:
    assert list(corpus.generate_corpus(10, seed=4)) == list(corpus.generate_corpus(30, seed=4))[:10]


def test_documents_average_about_ten_kilobytes_like_the_samples(
    thirty: list[Generated],
) -> None:
    sizes = [len(d.text.encode()) for d in thirty]
    assert 7_000 < sum(sizes) / len(sizes) < 13_000
    assert min(sizes) > 1_500 and max(sizes) < 40_000


def test_thirty_documents_cover_every_layout(thirty: list[Generated]) -> None:
    assert {d.kind for d in thirty} == set(corpus_tables.KIND_WEIGHTS)


# -- names and vocabulary -----------------------------------------------------------------------


def test_file_names_are_date_country_slug_and_index(thirty: list[Generated]) -> None:
    slugs = {c.slug for c in corpus_tables.load_countries()}
    for index, doc in enumerate(thirty):
        match = GENERATED_ID.match(doc.id)
        assert match, doc.id
        assert match["slug"] in slugs
        assert doc.id.endswith(f"-{index}")
        assert "2005-01-01" <= match["date"] <= "2025-12-31"
    assert len({d.id for d in thirty}) == len(thirty)


def test_countries_are_named_by_pycountry_with_safe_distinct_slugs() -> None:
    countries = {c.code: c for c in corpus_tables.load_countries()}
    assert len(countries) >= 40
    assert countries["IR"].name == "Iran"
    assert countries["IR"].official == "the Islamic Republic of Iran"
    assert countries["JP"].official == "Japan"
    assert countries["TR"].slug == "turkiye"
    assert (countries["NE"].slug, countries["NG"].slug) == ("niger", "nigeria")
    assert countries["PG"].slug == "papua-new-guinea"
    assert len({c.slug for c in countries.values()}) == len(countries)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c.slug) for c in countries.values())


def test_there_are_forty_fictional_counterparts_with_roles() -> None:
    people = corpus_tables.load_people()
    assert len({name for name, _ in people}) == len(people) == 40
    assert (
        "Youssef El Amrani",
        "Minister of Foreign Affairs, African Cooperation and Expatriates",
    ) in people


def test_pools_hold_every_paragraph_of_the_samples_with_counterparts_templated() -> None:
    pools = corpus_samples.load_pools()
    assert (len(pools.remarks), len(pools.answers), len(pools.questions)) == (39, 45, 10)
    assert (len(pools.news), pools.headings) == (12, ("{theme} Consensus", "Afghanistan Danger"))
    assert pools.footnotes == ("*A terrorist group outlawed in Russia and many other countries.",)
    text = "\n".join((*pools.remarks, *pools.answers, *sum(pools.questions, ()), *pools.news))
    for gone in ("Zayani", "Ashkenazi", "Fuad Hussein", "Bahrain", "Syria", "Damascus"):
        assert gone not in text
    assert "Mohammad Javad Zarif" in text  # the Syria sample's second counterpart stays


# -- layouts ------------------------------------------------------------------------------------


def test_ministry_pages_follow_the_layout_of_the_samples(thirty: list[Generated]) -> None:
    for doc in (d for d in thirty if d.kind != "article"):
        lines = _ministry_lines(doc)
        assert corpus_samples.MINISTRY_DATE.match(lines[0]) and lines[1] == "", doc.id
        title = lines[2]
        assert title.startswith(TITLE_STARTS), title
        end = TITLE_END.search(title)
        assert end, title
        year, month, day = (int(x) for x in doc.id[:10].split("-"))
        assert (end["year"], end["month"], end["day"]) == (
            str(year),
            corpus_document.MONTHS[month - 1],
            str(day),
        )
        assert lines[0].startswith(f"{day} {corpus_document.MONTHS[month - 1]} {year}")
        assert any(corpus_samples.LANGUAGE_LINE.match(line) for line in lines[3:6])
        assert doc.text.endswith("\n\nAdvanced settings")
        body = doc.text.split("\n\n")
        assert all("\n" not in block.strip("\n") for block in body), doc.id
        for block in body:
            if re.match(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)*(?: \([^)]*\))?: ", block):
                assert LABEL.match(block), block[:60]


def test_news_conferences_name_the_counterpart_country_in_the_title(
    thirty: list[Generated],
) -> None:
    countries = {c.slug: c for c in corpus_tables.load_countries()}
    for doc in (d for d in thirty if d.kind == "news-conference"):
        country = countries[GENERATED_ID.match(doc.id)["slug"]]  # type: ignore[index]
        title = _ministry_lines(doc)[2]
        assert " at a joint news conference " in title
        assert any(name in title for name in (country.name, country.official, country.adjective))


def test_news_articles_follow_the_layout_of_the_news_sample(
    thirty: list[Generated],
) -> None:
    articles = [d for d in thirty if d.kind == "article"]
    assert articles
    for doc in articles:
        lines = doc.text.split("\n")
        year, month, day = doc.id[:10].split("-")
        stamp = lines[1]
        assert corpus_samples.NEWS_STAMP.match(stamp) and f" GMT {day}.{month}.{year} " in stamp
        assert lines[2].startswith("© AP Photo / Pool ") and lines[3:5] == ["", "© AP Photo / Pool"]
        body = lines[5:]
        assert "" not in body
        assert body[-1] == "*A terrorist group outlawed in Russia and many other countries."
        assert any(corpus_samples.NEWS_HEADING.match(line) for line in body[:-1])


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10_000), index=st.integers(0, 50_000))
def test_no_placeholder_or_sample_counterpart_is_left_in_any_document(
    seed: int, index: int
) -> None:
    doc = _generate(seed, index, quotes=2)
    assert corpus_document.PLACEHOLDER.search(doc.text) is None
    for name in ("Alzayani", "Al Zayani", "Ashkenazi", "Fuad Hussein"):
        assert name not in doc.text
    assert GENERATED_ID.match(doc.id)


# -- annotations --------------------------------------------------------------------------------

_POOLS = corpus_samples.load_pools()
_COUNTRIES = corpus_tables.load_countries()
_PEOPLE = corpus_tables.load_people()


def _generate(seed: int, index: int, quotes: int) -> Generated:
    return corpus_document.generate_document(_POOLS, _COUNTRIES, _PEOPLE, seed, index, quotes)


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10_000), index=st.integers(0, 50_000))
def test_each_quote_occurs_exactly_once_within_one_paragraph(seed: int, index: int) -> None:
    doc = _generate(seed, index, quotes=2)
    assert 1 <= len(doc.quotes) <= 2
    plain = corpus_document._plain(doc.text)
    paragraphs = re.split(r"\n+", doc.text)
    for quote in doc.quotes:
        assert len(quote) >= 20
        assert plain.count(corpus_document._plain(quote)) == 1
        assert any(quote in paragraph for paragraph in paragraphs)


def test_one_document_in_fifty_is_annotated_from_the_first() -> None:
    annotated = [i for i, d in enumerate(corpus.generate_corpus(30, seed=1)) if d.quotes]
    assert annotated == [0]
    every_third = [i for i, d in enumerate(corpus.generate_corpus(9, 1, 1 / 3)) if d.quotes]
    assert every_third == [0, 3, 6]


def test_annotation_files_validate_against_the_schema(tmp_path: Path) -> None:
    stats = corpus.write_corpus(tmp_path / "t", 20, 1, tmp_path / "a", annotation_rate=1.0)
    assert stats.annotation_files == 20
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    count = 0
    for path in sorted((tmp_path / "a").iterdir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == []
        text = (tmp_path / "t" / f"{path.stem}.txt").read_text(encoding="utf-8")
        for note in data["annotations"]:
            assert text.count(note["quote"]) == 1
            count += 1
    assert count == stats.annotations


def test_annotation_file_is_the_documented_format() -> None:
    doc = Generated("2021-07-02-bahrain-0", "news-conference", "", ("We are successfully",))
    assert corpus.annotation_yaml(doc) == (
        "annotations:\n"
        "- quote: We are successfully\n"
        "  note: 'Benchmark note 1 on *2021-07-02-bahrain-0*: compare the [ministry''s archive](https://www.mid.ru/en/).'\n"
        "  author: benchmark\n"
        "  date: '2024-01-01'\n"
        "  kind: context\n"
    )


# -- golden files and the command line ----------------------------------------------------------


def test_golden_news_conference_and_news_article(thirty: list[Generated]) -> None:
    first = thirty[0]
    article = next(d for d in thirty if d.kind == "article")
    assert_golden(f"corpus/{first.id}.txt", first.text)
    assert_golden(f"corpus/{first.id}.yaml", corpus.annotation_yaml(first))
    assert_golden(f"corpus/{article.id}.txt", article.text)


def test_command_writes_the_corpus_and_prints_one_summary_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, notes = tmp_path / "t", tmp_path / "a"
    assert corpus.main(["--count", "30", "--out", str(out), "--annotations", str(notes)]) == 0
    assert capsys.readouterr().out == (
        "wrote 30 transcripts (307978 bytes: 2 article, 2 briefing, 1 interview, "
        f"19 news-conference, 2 speech, 4 statement) to {out}; "
        f"annotation files: 1 (2 annotations) in {notes}\n"
    )
    assert len(list(out.glob("*.txt"))) == 30
    assert [p.name for p in notes.iterdir()] == [f"{corpus.generate_corpus(1).__next__().id}.yaml"]


def test_command_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    assert corpus.main(["--count", "3", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"corpus.py: {tmp_path} is not empty: generate into a new or empty folder\n"
    )


def test_command_rejects_a_negative_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert corpus.main(["--count", "-1", "--out", "x"]) == 2
    assert capsys.readouterr().err == (
        "corpus.py: --count must be >= 0 and --annotation-rate in [0, 1]\n"
    )


# -- the benchmark's helpers (benchmarks/bench_build.py) ----------------------------------------


def test_benchmark_reads_the_summary_line_the_command_prints() -> None:
    from benchmarks.bench_build import SUMMARY
    from parley.cli import summary
    from parley.pipeline import BuildResult

    result = BuildResult(documents=20, pages_written=3, pages_unchanged=150, pages_removed=1)
    match = SUMMARY.search(summary(result, "markdown"))
    assert match is not None
    assert match.groupdict() == {
        "documents": "20", "errors": "0", "warnings": "0",
        "written": "3", "unchanged": "150", "removed": "1",
    }  # fmt: skip


def test_baseline_page_is_the_title_and_the_paragraphs_without_chrome(
    thirty: list[Generated],
) -> None:
    from benchmarks.baseline import plain_page

    ministry = next(d for d in thirty if d.kind == "news-conference")
    page = plain_page(ministry.text)
    title = _ministry_lines(ministry)[2]
    first = ministry.text.split("Ladies and gentlemen,\n\n")[1].split("\n\n")[0]
    assert page.startswith(f"# {title}\n\n{first}\n\n")
    for chrome in ("Advanced settings", "Additional materials", "• ", "Ladies and gentlemen,"):
        assert chrome not in page
    article = next(d for d in thirty if d.kind == "article")
    lines = article.text.split("\n")
    assert plain_page(article.text) == f"# {lines[0]}\n\n" + "".join(
        f"{line}\n\n" for line in lines[5:]
    )


def test_benchmark_adds_a_paragraph_before_the_chrome(
    tmp_path: Path, thirty: list[Generated]
) -> None:
    from benchmarks.bench_build import ADDED_PARAGRAPH, add_paragraph

    ministry = next(d for d in thirty if "\n\nAdditional materials" in d.text)
    article = next(d for d in thirty if d.kind == "article")
    for doc in (ministry, article):
        path = tmp_path / f"{doc.id}.txt"
        path.write_text(doc.text, encoding="utf-8")
        add_paragraph(path)
        changed = path.read_text(encoding="utf-8")
        assert changed.replace(ADDED_PARAGRAPH + ("\n\n" if doc is ministry else "\n"), "", 1) == (
            doc.text
        )
    assert changed.endswith(
        f"{ADDED_PARAGRAPH}\n*A terrorist group outlawed in Russia and many other countries."
    )
