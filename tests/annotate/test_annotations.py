"""Annotations: contributors' notes anchored to exact quotes, validated, sanitised and exported.

Every folder in ``tests/fixtures/annotations/`` is one behaviour: an annotations folder loaded
against the fixture transcripts built below. Its diagnostics (plain, and as the GitHub workflow
commands the check mode prints) and the notes it anchors are compared with
``tests/golden/annotations/<case>.txt``. The tests after that pin, one behaviour each, the exact
text a contributor sees.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.annotate.anchor import Anchor, Miss, anchor, normalise_quote, passages
from parley.annotate.notes import (
    ALLOWED_TAGS,
    AnnotationFile,
    anchor_annotations,
    check_annotations,
    github_annotation,
    load_annotations,
    read_annotation_files,
    render_note,
)
from parley.annotate.schema import SCHEMA_FILE, parse_annotation_file
from parley.annotate.webannotation import export_jsonld
from parley.diagnostics import NOTE_EMPTY, QUOTE_AMBIGUOUS, QUOTE_NOT_FOUND
from parley.model import Diagnostic, Document, Metadata, Note, Paragraph, Turn
from tests.support.golden_files import assert_golden

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "annotations"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def _paragraph(number: int, text: str) -> Paragraph:
    return Paragraph(number, text, line=2 * number)


TALKS = Document(
    id="fixture-talks",
    path="transcripts/fixture-talks.txt",
    encoding="utf-8",
    sha256="0" * 64,
    meta=Metadata(title="Fixture talks", date="2024-01-01"),
    turns=(
        Turn(
            1,
            "remarks",
            "Sergey Lavrov",
            "",
            "",
            (
                _paragraph(1, "Ladies and gentlemen,"),
                _paragraph(
                    2,
                    "We discussed UN Security Council Resolution 2254 and the Astana format. "
                    "The Astana format brings together Russia, Iran and Turkey.",
                ),
                _paragraph(
                    3, "Syria’s sovereignty – and its “territorial integrity” – are not negotiable."
                ),
            ),
            1,
        ),
        Turn(
            2,
            "answer",
            "Sergey Lavrov",
            "Sergey Lavrov",
            "",
            (
                _paragraph(
                    4,
                    "We also discussed the JCPOA and "
                    "UN Security Council Resolution 2231 in detail.",
                ),
                _paragraph(
                    5,
                    "Our position: return to the JCPOA and "
                    "UN Security Council Resolution 2231 in full.",
                ),
            ),
            8,
        ),
    ),
)
OTHER = Document(
    id="fixture-other",
    path="transcripts/fixture-other.txt",
    encoding="utf-8",
    sha256="1" * 64,
    meta=Metadata(title="Other", date="2024-01-02"),
    turns=(Turn(1, "remarks", None, "", "", (_paragraph(1, "Ladies and gentlemen,"),), 1),),
)
DOCUMENTS = {d.id: d for d in (TALKS, OTHER)}


def _load(case: str) -> tuple[dict[str, tuple[Note, ...]], list[Diagnostic]]:
    folder = FIXTURES / case
    return load_annotations(
        folder, DOCUMENTS, lambda p: f"annotations/{p.relative_to(folder).as_posix()}"
    )


def _nth(case: str, note: Note) -> str:
    """ "n3" for the third annotation of the case's file: notes' ids come from their quotes, so
    tests name a note by its place in the file."""
    lines = (FIXTURES / case / f"{note.doc_id}.yaml").read_text(encoding="utf-8").splitlines()
    starts = [i + 1 for i, line in enumerate(lines) if line.startswith("  - ")]
    return f"n{starts.index(note.line) + 1}"


def _by_place(case: str) -> dict[str, Note]:
    return {_nth(case, n): n for n in _load(case)[0]["fixture-talks"]}


def _messages(case: str) -> list[str]:
    return [d.format() for d in _load(case)[1]]


def _report(case: str) -> str:
    notes, problems = _load(case)
    lines = ["# diagnostics", *(d.format() for d in problems)]
    lines += ["", "# as GitHub workflow commands", *(github_annotation(d) for d in problems)]
    lines += ["", "# notes"]
    for doc_id, anchored in notes.items():
        text = {p.number: p.text for p in DOCUMENTS[doc_id].paragraphs}
        for n in anchored:
            lines.append(
                f"{doc_id} {n.id} (line {n.line}) paragraph {n.paragraph} [{n.start}:{n.end}] "
                f"{text[n.paragraph][n.start : n.end]!r} {n.kind} by {n.author} on {n.date}"
            )
            lines.append(f"  html: {n.html!r}")
            lines.extend(f"  source: {url}" for url in n.sources)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", CASES)
def test_golden_annotation_case(case: str) -> None:
    assert_golden(f"annotations/{case}.txt", _report(case))


# -- a valid file -----------------------------------------------------------------------------


def test_valid_file_anchors_every_note_at_exact_offsets() -> None:
    notes, problems = _load("valid")
    assert problems == []
    anchored = notes["fixture-talks"]
    texts = {p.number: p.text for p in TALKS.paragraphs}
    assert [
        (_nth("valid", n), n.paragraph, texts[n.paragraph][n.start : n.end]) for n in anchored
    ] == [
        ("n3", 1, "Ladies and gentlemen,"),
        ("n1", 2, "UN Security Council Resolution 2254"),
        ("n2", 3, "territorial integrity"),
    ]


def test_note_fields_carry_defaults_file_and_line() -> None:
    first = _by_place("valid")["n1"]
    assert re.fullmatch(r"un-security-council-resolution-[0-9a-f]{6}", first.id)
    assert first == Note(
        id=first.id,
        doc_id="fixture-talks",
        paragraph=2,
        start=13,
        end=48,
        quote="UN Security Council Resolution 2254",
        html="<p>Adopted on <strong>18 December 2015</strong>.</p>",
        author="@contributor",
        date="2024-05-01",
        kind="context",
        sources=(),
        file="annotations/fixture-talks.yaml",
        line=3,
    )


def test_an_unquoted_date_stays_the_text_written() -> None:
    second = _by_place("valid")["n2"]
    assert second.date == "2024-05-02"
    assert second.sources == (
        "https://www.un.org/en/about-us/un-charter/full-text",
        "http://example.org/page?q=1#top",
    )


def test_markdown_formatting_survives_sanitising() -> None:
    second = _by_place("valid")["n2"]
    assert "<li><em>sovereignty</em></li>" in second.html
    assert "<code>integrity</code>" in second.html
    assert (
        '<a href="https://www.un.org/en/about-us/un-charter/full-text" rel="noopener nofollow">'
        "the Charter</a>"
    ) in second.html
    assert "<blockquote>" in second.html


# -- anchoring --------------------------------------------------------------------------------


def test_missing_quote_names_file_line_transcript_and_closest_passage() -> None:
    assert _messages("missing-quote") == [
        'annotations/fixture-talks.yaml:3: error: quote "UN Security Counsil Resolution 2245" '
        "is not in transcript fixture-talks "
        '(closest passage, paragraph 2: "UN Security Council Resolution 2254")',
        'annotations/fixture-talks.yaml:7: error: quote "a sentence that is nowhere" '
        "is not in transcript fixture-talks "
        "(no passage of the transcript resembles it; is the file named after the right one?)",
    ]


def test_ambiguous_quote_is_an_error_listing_its_paragraphs() -> None:
    assert _messages("ambiguous-quote") == [
        'annotations/fixture-talks.yaml:3: error: quote "Astana format" occurs 2 times in '
        "transcript fixture-talks (paragraph 2) "
        "(add a prefix or suffix: the words just before or after the passage you mean)",
        'annotations/fixture-talks.yaml:7: error: quote "UN Security Council Resolution 2231" '
        "occurs 2 times in transcript fixture-talks (paragraphs 4, 5) "
        "(lengthen the prefix or suffix until only the passage you mean matches)",
    ]


def test_prefix_or_suffix_picks_one_occurrence() -> None:
    notes, problems = _load("prefix-disambiguates")
    assert problems == []
    placed = [
        (_nth("prefix-disambiguates", n), n.paragraph, n.start) for n in notes["fixture-talks"]
    ]
    assert placed == [
        ("n3", 2, 57),
        ("n2", 2, 76),
        ("n1", 5, 38),
    ]


def test_a_prefix_that_does_not_match_is_an_error_not_a_guess() -> None:
    assert _messages("prefix-mismatch") == [
        'annotations/fixture-talks.yaml:3: error: quote "UN Security Council Resolution 2254" '
        "is in transcript fixture-talks, but not with the prefix given "
        '(in paragraph 2 it follows "We discussed")',
    ]


def test_typographic_quotes_dashes_and_spacing_are_forgiven() -> None:
    notes, problems = _load("typography")
    assert problems == []
    (note,) = notes["fixture-talks"]
    assert TALKS.paragraphs[2].text[note.start : note.end] == (
        "Syria’s sovereignty – and its “territorial integrity” –"
    )


def test_letter_case_is_not_forgiven() -> None:
    result = anchor(passages(TALKS.paragraphs), "fixture-talks", "ladies and gentlemen,")
    assert result == Miss(
        QUOTE_NOT_FOUND,
        'quote "ladies and gentlemen," is not in transcript fixture-talks',
        'closest passage, paragraph 1: "Ladies and gentlemen"',
    )


def test_a_quote_may_not_span_two_paragraphs() -> None:
    result = anchor(passages(TALKS.paragraphs), "t", "gentlemen, We discussed")
    assert isinstance(result, Miss) and result.code is QUOTE_NOT_FOUND


# -- files that are not right -----------------------------------------------------------------


def test_malformed_yaml_is_one_error_on_its_line() -> None:
    assert _messages("malformed-yaml") == [
        "annotations/fixture-talks.yaml:3: error: the file is not valid YAML: "
        "mapping values are not allowed here "
        "(check the indentation, and put text containing ': ' or ' #' in quotes)",
    ]


def test_schema_violations_invalidate_only_their_annotation() -> None:
    notes, problems = _load("schema-violation")
    assert [d.format() for d in problems] == [
        "annotations/fixture-talks.yaml:3: error: annotation 1 has an unknown field 'qoute' "
        "(did you mean 'quote'?)",
        "annotations/fixture-talks.yaml:3: error: annotation 1 has no 'quote' "
        "(copy the exact words of the transcript that the note is about)",
        "annotations/fixture-talks.yaml:10: error: 'date' must be a day written YYYY-MM-DD, "
        'e.g. 2024-05-01, not "2024-13-01"',
        "annotations/fixture-talks.yaml:11: error: 'kind' must be one of context, correction, "
        'translation, cross-reference, not "comment"',
        "annotations/fixture-talks.yaml:12: error: 'quote' must be text, not the number 2254 "
        "(put the value in quotes)",
        "annotations/fixture-talks.yaml:14: error: 'author' must be text, not false "
        "(YAML reads yes, no, on, off as true or false) (put the value in quotes)",
        "annotations/fixture-talks.yaml:17: error: 'note' is empty (write the note in Markdown)",
        "annotations/fixture-talks.yaml:21: error: source 1 must be an http(s) address, "
        'e.g. https://press.un.org/, not "javascript:alert(1)"',
        "annotations/fixture-talks.yaml:22: error: source 2 must be an http(s) address, "
        'e.g. https://press.un.org/, not "ftp://example.org/file"',
    ]
    assert {d.code for d in problems} == {"annotation-schema"}
    assert [_nth("schema-violation", n) for n in notes["fixture-talks"]] == ["n5"]


def test_a_bare_list_at_the_top_is_refused_with_the_fix() -> None:
    assert _messages("top-level-list") == [
        "annotations/fixture-talks.yaml:1: error: the file must be a mapping, not a list "
        "(start the file with 'annotations:' and list the notes under it)",
    ]


def test_an_empty_file_is_an_error() -> None:
    assert _messages("empty-file") == [
        "annotations/fixture-talks.yaml:0: error: the file is empty "
        "(start the file with 'annotations:' and list the notes under it)",
    ]


def test_yaml_aliases_and_repeated_keys_are_refused() -> None:
    notes, problems = _load("yaml-hazards")
    assert [d.format() for d in problems] == [
        "annotations/fixture-other.yaml:1: error: YAML anchors and aliases (&name, *name) "
        "are not allowed (write each value out)",
        "annotations/fixture-talks.yaml:4: error: 'note' is given twice (keep only one of them)",
    ]
    assert [_nth("yaml-hazards", n) for n in notes["fixture-talks"]] == ["n2"]


def test_a_file_for_an_unknown_transcript_suggests_the_closest_id() -> None:
    assert _messages("unknown-transcript") == [
        "annotations/fixture-talk.yaml:0: error: the file is named after 'fixture-talk', "
        "but no transcript has that id (did you mean fixture-talks.yaml?)",
    ]


def test_stray_files_are_reported_not_silently_ignored() -> None:
    notes, problems = _load("stray-files")
    assert notes == {}
    assert [d.format() for d in problems] == [
        "annotations/fixture-talks.yml:0: warning: ignored: not an annotation file "
        "(annotation files are named <transcript id>.yaml, directly in annotations/)",
        "annotations/nested:0: warning: ignored: not an annotation file "
        "(annotation files are named <transcript id>.yaml, directly in annotations/)",
    ]


def test_every_problem_of_an_annotation_is_reported_at_once() -> None:
    text = (
        "annotations:\n"
        '  - quote: "Astana formt"\n'
        '    note: "[x](javascript:alert(1))"\n'
        "    author: a\n"
        '    date: "2024-05-01"\n'
    )
    file = AnnotationFile("annotations/fixture-talks.yaml", "fixture-talks", text)
    assert [d.format() for d in check_annotations([file], DOCUMENTS)] == [
        'annotations/fixture-talks.yaml:2: error: quote "Astana formt" is not in transcript '
        'fixture-talks (closest passage, paragraph 2: "Astana format")',
        'annotations/fixture-talks.yaml:3: error: the note links to "javascript:alert(1)", '
        "which is not an http(s) address (link only to web pages: [text](https://…))",
    ]


def test_a_file_that_is_not_utf8_is_an_error_on_the_bad_line(tmp_path: Path) -> None:
    (tmp_path / "fixture-talks.yaml").write_bytes(b"annotations:\n  - quote: caf\xe9\n")
    _, problems = load_annotations(tmp_path, DOCUMENTS, lambda p: p.name)
    assert [d.format() for d in problems] == [
        "fixture-talks.yaml:2: error: the file is not UTF-8 text (save it as UTF-8)"
    ]


def test_no_annotations_folder_means_no_notes(tmp_path: Path) -> None:
    assert load_annotations(tmp_path / "absent", DOCUMENTS, str) == ({}, [])


# -- hostile notes ----------------------------------------------------------------------------


def test_injection_attempts_are_refused_each_with_its_reason() -> None:
    notes, problems = _load("injection")
    assert notes == {}
    assert [(d.line, d.code, d.message) for d in problems] == [
        (4, "note-html", "the note contains raw HTML (<script>)"),
        (8, "note-html", "the note contains raw HTML (<img>)"),
        (8, "note-image", "the note contains an image"),
        (12, "note-html", "the note contains raw HTML (<style>)"),
        (
            19,
            "note-link",
            'the note links to "javascript:alert(1)", which is not an http(s) address',
        ),
        (
            23,
            "note-link",
            'the note links to "JaVaScRiPt:alert(1)", which is not an http(s) address',
        ),
        (
            23,
            "note-link",
            'the note links to "data:text/html;base64,PHNjcmlwdD4=", '
            "which is not an http(s) address",
        ),
        (27, "note-image", "the note contains an image"),
    ]


HOSTILE_NOTES = [
    "Hello <script>alert(document.cookie)</script>",
    '<img src=x onerror="alert(1)">',
    "<style>body { display: none }</style>\n\nStyled.",
    '<p style="position:fixed">styled</p>',
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt&#58;alert(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '<a href="javascript:alert(1)" onclick="alert(2)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<!-- <script>alert(1)</script> -->",
    '<svg onload="alert(1)"></svg>',
    "[relative](/admin)",
]


class _Markup(HTMLParser):
    """Every tag and attribute of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((tag, name, value or "") for name, value in attrs)


def _assert_plain(html: str) -> None:
    markup = _Markup()
    markup.feed(html)
    markup.close()
    assert set(markup.tags) <= ALLOWED_TAGS
    for tag, name, value in markup.attributes:
        assert (tag, name) in {("a", "href"), ("a", "title"), ("a", "rel")}, (tag, name)
        if name == "href":
            assert re.match(r"https?://", value), value
        if name == "rel":
            assert value == "noopener nofollow"
    assert "<script" not in html.lower()


def test_a_note_that_renders_to_nothing_is_refused() -> None:
    assert render_note("***") == (
        "",
        [(NOTE_EMPTY, "the note has no text once rendered", "write it in words")],
    )


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_hostile_notes_are_refused_and_their_html_is_plain(note: str) -> None:
    html, faults = render_note(note)
    assert faults, f"nothing refused in {note!r}"
    _assert_plain(html)


#: Pieces of Markdown and HTML that hostile notes are made of.
MARKUP_PIECES = [
    *"<>/=\"' abc:&#;[]()!*_`\n-{}",
    "script",
    "javascript:",
    "onerror",
    "style",
    "http://x.org",
    "<a href=",
    "<img ",
    "](",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=60).map("".join))
def test_a_rendered_note_only_ever_holds_plain_formatting(note: str) -> None:
    html, _ = render_note(note)
    _assert_plain(html)


# -- the check mode's output ------------------------------------------------------------------


def test_github_annotation_is_a_workflow_command_with_the_hint() -> None:
    d = Diagnostic(
        "annotations/x.yaml",
        7,
        "error",
        "quote-not-found",
        'quote "a" is not in x',
        'closest passage, paragraph 2: "b"',
    )
    assert github_annotation(d) == (
        '::error file=annotations/x.yaml,line=7::quote "a" is not in x '
        '(closest passage, paragraph 2: "b")'
    )


def test_github_annotation_escapes_percent_newlines_and_property_separators() -> None:
    d = Diagnostic("odd, name:1%.yaml", 0, "warning", "c", "50% done\r\nnext: line, here")
    assert github_annotation(d) == (
        "::warning file=odd%2C name%3A1%25.yaml::50%25 done%0D%0Anext: line, here"
    )


def test_check_annotations_reports_what_loading_reports_without_files_on_disk() -> None:
    files, stray = read_annotation_files(FIXTURES / "schema-violation", lambda p: p.name)
    assert stray == []
    assert check_annotations(files, DOCUMENTS) == _load_named("schema-violation")


def _load_named(case: str) -> list[Diagnostic]:
    return load_annotations(FIXTURES / case, DOCUMENTS, lambda p: p.name)[1]


# -- the schema and the shipped annotations ---------------------------------------------------


def test_the_schema_is_valid_draft_2020_12_and_describes_every_field() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    fields = schema["$defs"]["annotation"]["properties"]
    assert sorted(fields) == [
        "author",
        "date",
        "kind",
        "note",
        "prefix",
        "quote",
        "sources",
        "suffix",
    ]
    assert all(field.get("description") for field in fields.values())


SHIPPED = sorted((REPO / "annotations").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_annotations_satisfy_the_schema_and_cite_sources(path: Path) -> None:
    items, problems = parse_annotation_file(path.name, path.read_text(encoding="utf-8"))
    assert problems == []
    assert items and all(item.sources for item in items)
    assert all(render_note(item.note)[1] == [] for item in items)


def test_shipped_annotations_anchor_in_the_real_samples() -> None:
    reader = pytest.importorskip("parley.read.document")
    sources = pytest.importorskip("parley.read.sources")
    documents = {}
    for path in sorted((REPO / "transcripts").glob("*.txt")):
        source, _ = sources.read_source(path, f"transcripts/{path.name}", path.stem)
        document, _ = reader.read_document(source)
        documents[document.id] = document
    notes, problems = load_annotations(REPO / "annotations", documents, lambda p: p.name)
    assert problems == []
    assert sum(len(n) for n in notes.values()) == 10


# -- anchoring properties ---------------------------------------------------------------------

TEXT = st.text(alphabet=st.sampled_from(list("ab cd\t\u00a0’‘“”–—'\"-.")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_folding_maps_every_character_back_to_its_original(text: str) -> None:
    folded = normalise_quote(text)
    for i, char in enumerate(folded.text):
        original = text[folded.original(i)]
        assert (char == " " and original.isspace()) or normalise_quote(original).text == char


@settings(max_examples=200, deadline=None)
@given(TEXT, st.data())
def test_any_passage_anchors_to_itself_or_is_ambiguous(text: str, data: st.DataObject) -> None:
    words = [m.span() for m in re.finditer(r"\S+", text)]
    if not words:
        return
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    start, end = words[first][0], words[last][1]
    quote = text[start:end].translate(str.maketrans("’‘“”–—", "''\"\"--"))
    result = anchor(passages([Paragraph(1, text, 1)]), "t", quote)
    if isinstance(result, Anchor):
        assert normalise_quote(text[result.start : result.end]).text == normalise_quote(quote).text
    else:
        assert result.code is QUOTE_AMBIGUOUS
        assert normalise_quote(text).text.count(normalise_quote(quote).text) >= 1


#: A line break as YAML (and PyYAML's line count) has it: CR LF, LF, a lone CR, NEL, LS, PS.
YAML_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_an_annotation_file_gives_items_or_errors_on_its_own_lines(text: str) -> None:
    items, problems = parse_annotation_file("annotations/x.yaml", text)
    assert all(item.quote for item in items)
    # YAML's line breaks (as PyYAML counts them); a parser may point just past the last line
    lines = len(YAML_LINE_BREAK.findall(text)) + 2
    for problem in problems:
        assert problem.path == "annotations/x.yaml" and 0 <= problem.line <= lines
        assert problem.severity == "error" and "annotation" in problem.code
    if not items:  # nothing read from it: the file lists no annotation, or says why not
        assert problems or _lists_no_annotations(text)


def _lists_no_annotations(text: str) -> bool:
    """Whether ``text`` is YAML for ``annotations: []``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return isinstance(data, dict) and data.get("annotations") == []


FIELD_VALUES = st.one_of(
    st.sampled_from(["Ladies and gentlemen,", "Astana format", "2024-05-01", "context"]),
    st.text(max_size=30),
    st.integers(),
    st.booleans(),
    st.none(),
    st.lists(st.text(max_size=12), max_size=3),
    st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=2),
)
FIELDS = ["quote", "prefix", "suffix", "note", "author", "date", "kind", "sources", "qoute"]
ANNOTATION_LISTS = st.lists(
    st.dictionaries(st.sampled_from(FIELDS), FIELD_VALUES, max_size=8), max_size=4
)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.fixed_dictionaries({"annotations": ANNOTATION_LISTS}),
        ANNOTATION_LISTS,
        FIELD_VALUES,
    )
)
def test_any_yaml_structure_anchors_its_valid_notes_and_explains_the_rest(data: object) -> None:
    file = AnnotationFile("annotations/fixture-talks.yaml", "fixture-talks", yaml.safe_dump(data))
    notes, problems = anchor_annotations([file], DOCUMENTS)
    assert all(d.line >= 0 and d.path == file.path and d.severity == "error" for d in problems)
    given = data.get("annotations") if isinstance(data, dict) else None
    anchored = len(notes.get("fixture-talks", ()))
    if not isinstance(given, list):  # not an annotation file at all
        assert problems and anchored == 0
    else:  # every annotation given is either anchored or named by a problem
        assert anchored + len({d.line for d in problems}) >= len(given)
    texts = {p.number: p.text for p in TALKS.paragraphs}
    for note in notes.get("fixture-talks", ()):
        assert (
            normalise_quote(texts[note.paragraph][note.start : note.end]).text
            == normalise_quote(note.quote).text.strip()
        )


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_quote_anchors_exactly_when_it_occurs_once(data: st.DataObject) -> None:
    """Any text, or any piece of a paragraph: anchored to a span that reads as the quote when
    it occurs once (as folded), not found when it never does, ambiguous when it recurs."""
    if data.draw(st.booleans()):
        quote = data.draw(st.text(max_size=80))
    else:
        paragraph = data.draw(st.sampled_from(TALKS.paragraphs)).text
        start = data.draw(st.integers(0, len(paragraph)))
        quote = paragraph[start : data.draw(st.integers(start, min(len(paragraph), start + 80)))]
    index = passages(TALKS.paragraphs)
    result = anchor(index, "fixture-talks", quote)
    wanted = normalise_quote(quote).text.strip()
    occurrences = wanted and sum(
        p.folded.text.startswith(wanted, at) for p in index for at in range(len(p.folded.text))
    )
    if occurrences == 1:
        assert isinstance(result, Anchor)
        text = {p.number: p.text for p in TALKS.paragraphs}[result.paragraph]
        assert normalise_quote(text[result.start : result.end]).text.strip() == wanted
    else:
        assert isinstance(result, Miss)
        assert result.code is (QUOTE_AMBIGUOUS if occurrences else QUOTE_NOT_FOUND)


# -- Web Annotation export --------------------------------------------------------------------


def test_export_is_a_w3c_annotation_collection() -> None:
    notes, _ = _load("valid")
    exported = export_jsonld(notes, DOCUMENTS, "https://example.org/parley/")
    assert_golden(
        "annotations/valid.jsonld", json.dumps(exported, ensure_ascii=False, indent=1) + "\n"
    )


def test_export_selectors_quote_the_exact_paragraph_text() -> None:
    notes, _ = _load("prefix-disambiguates")
    exported = export_jsonld(notes, DOCUMENTS, "https://example.org/parley")
    items = exported["first"]["items"]
    assert exported["total"] == len(items) == 3
    texts = {p.number: p.text for p in TALKS.paragraphs}
    for item in items:
        quote, fragment = item["target"]["selector"]
        paragraph = texts[int(fragment["value"][1:])]
        position = fragment["refinedBy"]
        assert paragraph[position["start"] : position["end"]] == quote["exact"]
        before, after = quote.get("prefix", ""), quote.get("suffix", "")
        assert paragraph.startswith(
            before + quote["exact"] + after, position["start"] - len(before)
        )
        assert item["target"]["source"] == (
            "https://example.org/parley/archive/transcripts/fixture-talks.html"
        )


def test_an_empty_export_has_no_page() -> None:
    assert export_jsonld({}, DOCUMENTS, "") == {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "data/annotations.jsonld",
        "type": "AnnotationCollection",
        "label": "Contributors' annotations on the transcripts",
        "total": 0,
    }


def test_a_note_added_before_others_moves_no_other_notes_anchor(tmp_path: Path) -> None:
    text = (FIXTURES / "valid" / "fixture-talks.yaml").read_text(encoding="utf-8")
    before = {n.quote: n.id for n in _load("valid")[0]["fixture-talks"]}
    added = text.replace(
        "annotations:\n",
        'annotations:\n  - quote: "Ladies and gentlemen"\n    note: A greeting.\n'
        '    author: "@someone"\n    date: "2024-06-01"\n',
        1,
    )
    (tmp_path / "fixture-talks.yaml").write_text(added, encoding="utf-8")
    notes, problems = load_annotations(tmp_path, DOCUMENTS, lambda p: p.name)
    assert problems == []
    after = {n.quote: n.id for n in notes["fixture-talks"] if n.author != "@someone"}
    assert after == before and len(notes["fixture-talks"]) == len(before) + 1
    assert len({n.id for n in notes["fixture-talks"]}) == len(before) + 1
