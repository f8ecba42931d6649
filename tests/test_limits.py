"""The limits of a build: defaults, a maintainer's values from mkdocs.yml, and the checks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from parley.limits import DEFAULT, Limits, long_line, read_limits, too_many_paragraphs
from parley.model import SourceText
from parley.read.document import read_document
from parley.read.sources import read_source


def test_the_defaults_are_the_documented_ones() -> None:
    documented = Limits(
        file_bytes=5_000_000,
        line_characters=50_000,
        paragraphs_per_document=10_000,
        annotations_per_file=1_000,
    )
    assert documented == DEFAULT


def test_without_a_limits_section_the_defaults_hold() -> None:
    assert read_limits({}, "mkdocs.yml") == (DEFAULT, [])
    assert read_limits({"extra": {"repository": "x"}}, "mkdocs.yml") == (DEFAULT, [])


def test_a_maintainer_raises_a_limit_in_extra_limits() -> None:
    limits, problems = read_limits(
        {"extra": {"limits": {"file_bytes": 20_000_000, "annotations_per_file": 5}}}, "mkdocs.yml"
    )
    assert problems == []
    assert limits == replace(DEFAULT, file_bytes=20_000_000, annotations_per_file=5)


@pytest.mark.parametrize("value", ["5 MB", 0, -1, 2.5, True, None])
def test_a_value_that_is_not_a_count_is_an_error_and_the_default_stands(value: object) -> None:
    limits, problems = read_limits({"extra": {"limits": {"file_bytes": value}}}, "mkdocs.yml")
    assert limits == DEFAULT
    assert [p.format() for p in problems] == [
        f"mkdocs.yml:0: error: extra.limits.file_bytes must be a whole number above 0, not "
        f"{value!r}; the default 5,000,000 is used (write the number without quotes or "
        "separators)"
    ]


def test_an_unknown_limit_is_an_error_with_a_did_you_mean() -> None:
    _, problems = read_limits({"extra": {"limits": {"file_size": 9}}}, "mkdocs.yml")
    assert [p.format() for p in problems] == [
        "mkdocs.yml:0: error: unknown limit 'file_size' in extra.limits (did you mean "
        "'file_bytes'?)"
    ]
    assert problems[0].code == "config-limit"


def test_a_limits_section_that_is_not_a_mapping_is_an_error() -> None:
    limits, problems = read_limits({"extra": {"limits": [1, 2]}}, "mkdocs.yml")
    assert limits == DEFAULT
    assert [p.code for p in problems] == ["config-limit"]


def test_the_first_line_over_the_length_limit_is_named() -> None:
    limits = replace(DEFAULT, line_characters=5)
    assert long_line("12345\nabc\n123456\n1234567", "t.txt", limits).format() == (  # type: ignore[union-attr]
        "t.txt:3: error: the line is longer than the limit of 5 characters; the file is left "
        "out (break it into paragraphs, or raise extra.limits.line_characters in mkdocs.yml)"
    )
    assert long_line("12345\n12345", "t.txt", limits) is None


def test_a_long_line_file_is_refused_by_read_source(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Title\n\n" + "word " * 20, "utf-8")
    limits = replace(DEFAULT, line_characters=50)
    source, problems = read_source(tmp_path / "x.txt", "transcripts/x.txt", "x", limits=limits)
    assert source is None
    assert [(p.line, p.code) for p in problems] == [(3, "line-too-long")]


def test_a_document_over_the_paragraph_limit_is_named_at_the_first_paragraph_past_it() -> None:
    text = "Sergey Lavrov: One.\n\nTwo.\n\nThree.\n\nFour."
    document, _ = read_document(SourceText("transcripts/x.txt", "x", text, "utf-8", "0"))
    assert len(document.paragraphs) == 4
    assert too_many_paragraphs(document, replace(DEFAULT, paragraphs_per_document=4)) is None
    over = too_many_paragraphs(document, replace(DEFAULT, paragraphs_per_document=3))
    assert over is not None
    assert over.format() == (
        "transcripts/x.txt:7: error: the document has more than 3 paragraphs; the file is left "
        "out (split it into several documents, or raise extra.limits.paragraphs_per_document in "
        "mkdocs.yml)"
    )
