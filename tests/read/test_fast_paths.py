"""The reader's cheap tests before its slow patterns decide exactly what the patterns decide.

Each rule below skips a regular expression when a plain string test shows it cannot match
(``benchmarks/reader_throughput.py`` measures what that saves). A skip that is wrong would
change a decision silently, so each is checked against the pattern itself on arbitrary text,
text made of the words the patterns look for, and the lines of the real pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.read.article import NAME_BEFORE, NAME_WINDOW, name_before
from parley.read.dates import FOUND_STAMPS, find_stamp, first_stamp
from parley.read.document import squeeze_spaces
from parley.read.frontmatter import SIMPLE_LINE, compose
from parley.read.loose import loose
from parley.read.titles import KIND_RULES, TITLE_DATE_TAIL, _date_tail, _ends_in_year, kind_of
from parley.read.turns import LABEL, _may_be_label
from parley.read.yaml_safety import first_anchor
from parley.vocab.gazetteer import _fold_unicode, fold
from parley.vocab.vocabulary import load_vocabulary

#: Lines of the real pages (the first lines of each: heads, stamps, labels).
REAL_LINES = sorted(
    {
        " ".join(line.split())
        for path in (Path(__file__).parents[1] / "realdocs").glob("*/*.txt")
        for line in path.read_text(encoding="utf-8").split("\n")[:40]
    }
)
#: Pieces the patterns look for, and look-alikes: month names and their first letters, years,
#: clock times, kind words in any case (the long s "ſ" matches "s" when case is ignored),
#: label ends, brackets and dashes.
PIECES = [
    "January", "jan", "Sept.", "MAY", "mar", "remarks", "июля", "2021", "1999", "20", "12345",
    "٢٠٢١", "07.03.2025", "10/11/2022", "2018-03-08", "10:29", "5:38 PM", "GMT", "EDT", ",",
    ".", " ", "  ", "Press Conference", "press availability", "Joint Press", "INTERVIEW",
    "Briefing", "ſpeech", "Statements", "answers to media questions", "Remarks With",
    "address", "lecture", "Question", "Q", ":", " :", " -", " –", "—", "-", "(", ")",
    "(for both)", "Daily Press Briefing", "[", "]", "|", "Sergey Lavrov", "MR PRICE",
    "Zhang, Xinhua", "a", "Moscow", "\n", "on", "(Moscow, ", "(Moscow, January 19, 2005)",
    "Press release", "Information for the Press N°: ", "Communiqué de presse", "No. 12",
]  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join),
    st.sampled_from(REAL_LINES or [""]),
    st.tuples(st.sampled_from(REAL_LINES or [""]), st.lists(st.sampled_from(PIECES))).map(
        lambda pair: pair[0] + " ".join(pair[1])
    ),
)


def _kind_by_rules(title: str) -> str:
    return next((kind for pattern, kind in KIND_RULES if pattern.search(title)), "other")


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_kind_of_decides_as_its_rules(title: str) -> None:
    assert kind_of(title) == _kind_by_rules(title)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_find_stamp_finds_what_every_pattern_finds(text: str) -> None:
    assert find_stamp(text) == first_stamp(text, FOUND_STAMPS)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_a_title_tail_needs_a_year_at_the_end(title: str) -> None:
    if not _ends_in_year(title):
        assert TITLE_DATE_TAIL.search(title) is None


def _span(match: re.Match[str] | None) -> tuple[int, int, dict[str, str | None]] | None:
    return None if match is None else (match.start(), match.end(), match.groupdict())


@settings(max_examples=400, deadline=None)
@given(
    TEXT,
    st.sampled_from(
        [
            ", Moscow, July 2, 2021", " 2 July 2021.", ",  \t September 30 ,  2021",
            " (Rostov-on-Don Region Capital City, September 30, 2021)", " (Moscow, 2 July 2021).",
        ]
    ),
)  # fmt: skip
def test_a_title_tail_searched_near_the_end_is_the_first_one(title: str, tail: str) -> None:
    for text in (title, title + tail, title + tail + "\n"):
        assert _span(_date_tail(text)) == _span(TITLE_DATE_TAIL.search(text))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_a_label_needs_its_end_among_the_first_words(text: str) -> None:
    if not _may_be_label(text):
        assert LABEL.match(text) is None


#: Patterns as ``data/layouts.yaml`` writes them (layouts and governments), and harder ones
#: (classes holding a bar or a bracket, escapes, groups with alternatives, a verbose pattern
#: whose comment holds a bracket).
DATA = load_vocabulary(Path(__file__).parents[2] / "data")[0].layouts
DATA_LAYOUTS = DATA.layouts
LAYOUT_PATTERNS = [
    *(layout.match for layout in DATA_LAYOUTS),
    *(pattern for pattern, _ in DATA.governments),
    *(
        re.compile(source)
        for source in (
            r"\bQ\b|\bA\b", r"[]|]|\bMoscow", r"\[|\bPress\b", r"(\bJan|\bJuly)\b|\b20\d\d",
            r"[^]a|]\b|\bon", r"(?i)\bbriefing|\bpress\b", r"(?x) \bpress  # (a comment",
            r"\b(?:Daily|Department) Press Briefing\b", r"\b\w+:|\bQ -",
        )
    ),
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(LAYOUT_PATTERNS))
def test_a_layout_pattern_loosened_finds_whatever_it_finds(
    text: str, pattern: re.Pattern[str]
) -> None:
    if pattern.search(text):
        assert loose(pattern).search(text)


@settings(max_examples=400, deadline=None)
@given(
    TEXT,
    st.lists(st.sampled_from(["said", "he", "Lavrov", "reportedly", ","]), max_size=3),
    st.integers(0, 400),
)
def test_a_name_before_a_verb_is_found_as_its_pattern_finds_it(
    text: str, words: list[str], end: int
) -> None:
    text = " ".join([text, *words, "said it"])
    for at in {min(end, len(text)), len(text) - len(" said it")}:
        expected = NAME_BEFORE.search(text, max(0, at - NAME_WINDOW), at)
        assert _span(name_before(text, at)) == _span(expected)


def test_the_fast_paths_agree_on_every_real_line() -> None:
    for line in REAL_LINES:
        assert kind_of(line) == _kind_by_rules(line), line
        assert find_stamp(line) == first_stamp(line, FOUND_STAMPS), line
        assert _ends_in_year(line) or TITLE_DATE_TAIL.search(line) is None, line
        assert _span(_date_tail(line)) == _span(TITLE_DATE_TAIL.search(line)), line
        for at in range(0, len(line) + 1, 7):
            expected = NAME_BEFORE.search(line, max(0, at - NAME_WINDOW), at)
            assert _span(name_before(line, at)) == _span(expected), (line, at)
        for pattern in LAYOUT_PATTERNS:
            assert not pattern.search(line) or loose(pattern).search(line), (pattern, line)
        assert _may_be_label(line) or LABEL.match(line) is None, line


def test_first_anchor_without_its_indicators_is_none_and_with_them_found() -> None:
    assert first_anchor("a: 1\nb: [x, y]\n") is None
    assert first_anchor("a: &x 1\nb: *x\n") == 0
    assert first_anchor("a: 1\nb: *x\n") == 1
    assert first_anchor("a: 1\nb:\n  - &y 2\n") == 2


def _tree(node: yaml.Node | None) -> object:
    """What the front matter reader reads of a node: its kind, tag, value and line."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return ("list", node.tag, node.start_mark.line, [_tree(item) for item in node.value])
    pairs = [(_tree(key), _tree(value)) for key, value in node.value]
    return ("mapping", node.tag, node.start_mark.line, pairs)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.from_regex(SIMPLE_LINE, fullmatch=True), min_size=1, max_size=5))
def test_simple_front_matter_composes_as_pyyaml_composes_it(lines: list[str]) -> None:
    """Lines of "key: plain value" (libyaml's fast path) give PyYAML's own tree, and hold no
    anchor (whose search they skip)."""
    text = "\n".join(lines)
    expected = _tree(yaml.compose(text, Loader=yaml.SafeLoader))
    assert _tree(compose(text, simple=True)) == expected
    assert first_anchor(text) is None


def test_every_simple_front_matter_of_the_corpus_composes_as_pyyaml_composes_it() -> None:
    root = Path(__file__).parents[2]
    found = 0
    for path in [*root.glob("tests/**/*.txt"), *root.glob("transcripts/*.txt")]:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if lines[0] != "---" or "---" not in lines[1:]:
            continue
        head = lines[1 : lines.index("---", 1)]
        if all(SIMPLE_LINE.fullmatch(line) for line in head):
            text = "\n".join(head)
            assert _tree(compose(text, simple=True)) == _tree(
                yaml.compose(text, Loader=yaml.SafeLoader)
            ), path
            found += 1
    assert found >= 5  # the samples' source_url lines at least


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_name_is_folded_as_any_name_is(name: str) -> None:
    assert fold(name) == _fold_unicode(name)


def test_every_real_line_is_folded_as_any_text_is() -> None:
    for line in REAL_LINES:
        assert fold(line) == _fold_unicode(line), line


#: Spaces of every kind, letters, a control character.
SPACED = st.sampled_from([" ", "\t", "\xa0", "\u2003", "\u3000", "a", "é", "’", "\x1f"])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SPACED) | st.text())
def test_a_line_is_squeezed_as_its_words_joined_by_one_space(line: str) -> None:
    assert squeeze_spaces(line) == " ".join(line.split())


def test_no_white_space_but_the_space_is_printable() -> None:
    # what squeeze_spaces relies on to return a printable line as it is
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]
