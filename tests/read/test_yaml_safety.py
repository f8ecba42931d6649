"""YAML anchors and aliases are refused with one message wherever a contributor writes YAML:
front matter, annotation files and data files."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.annotate.schema import parse_annotation_file
from parley.model import SourceText
from parley.read.document import read_document
from parley.read.yaml_safety import first_anchor
from parley.vocab.vocabulary import load_vocabulary
from tests.vocab.test_vocab import MINIMAL

MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed"


def test_the_first_anchor_or_alias_is_found_by_its_line() -> None:
    assert first_anchor("a: 1\nb: &x 2\nc: *x\n") == 1
    assert first_anchor("a: [1, *x]\n") == 0  # even an alias to nothing
    assert first_anchor("a: '&x *y'\nb: text & more * stars\n") is None
    assert first_anchor("a: [unclosed\n") is None


def test_front_matter_with_an_alias_is_ignored_with_the_annotation_message() -> None:
    text = "---\ntitle: Remarks\nspeakers: &who [Sergey Lavrov]\ncounterparts: *who\n---\nBody."
    _, problems = read_document(SourceText("transcripts/x.txt", "x", text, "utf-8", "0"))
    assert [p.format() for p in problems if p.code == "front-matter-yaml"] == [
        f"transcripts/x.txt:3: warning: {MESSAGE}; the file is read as if it had no front "
        "matter (write each value out)"
    ]


def test_front_matter_with_an_anchor_alone_is_refused_too() -> None:
    text = "---\ntitle: &t Remarks\n---\nBody."
    _, problems = read_document(SourceText("transcripts/x.txt", "x", text, "utf-8", "0"))
    assert [(p.line, p.code) for p in problems if p.message.startswith(MESSAGE)] == [
        (2, "front-matter-yaml")
    ]


def test_a_billion_laughs_in_front_matter_is_refused_before_anything_is_built() -> None:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(9):
        lines.append(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]")
    text = "\n".join([*lines, "title: *j", "---", "Body."])
    _, problems = read_document(SourceText("transcripts/x.txt", "x", text, "utf-8", "0"))
    assert [p.line for p in problems if p.message.startswith(MESSAGE)] == [2]


def test_an_annotation_file_with_an_anchor_alone_is_refused() -> None:
    text = 'annotations:\n  - &first\n    quote: "x"\n    note: y\n    author: z\n'
    text += '    date: "2024-05-01"\n'
    items, problems = parse_annotation_file("annotations/x.yaml", text)
    assert items == ()
    assert [p.format() for p in problems] == [
        f"annotations/x.yaml:2: error: {MESSAGE} (write each value out)"
    ]


def test_a_data_file_with_an_alias_is_refused_with_the_same_message(tmp_path: Path) -> None:
    files = {**MINIMAL, "people.yaml": "people:\n  - &p {name: A B, slug: a-b, role: R}\n  - *p\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    _, problems = load_vocabulary(tmp_path)
    assert [(p.line, p.severity, p.code, p.message, p.hint) for p in problems] == [
        (2, "error", "data-syntax", MESSAGE, "write each value out")
    ]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab:&*-[]{}, \n'\"", max_size=60))
def test_finding_anchors_never_raises(text: str) -> None:
    line = first_anchor(text)
    assert line is None or 0 <= line <= text.count("\n")
