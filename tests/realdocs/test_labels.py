"""The development corpus of real texts (issue #14): every text has hand labels of the agreed shape.

Each ``tests/realdocs/<publisher>/<id>.txt`` has an ``<id>.yaml`` beside it, written by reading
the text and checked twice (``reviewed: 2``); the shape is the one in the corpus README. These
checks hold the labels to that shape and to the text itself: a turn's line number must point at
a line that starts with the turn's label, so a text edited after labelling, or a miscounted line,
fails here.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

CORPUS = Path(__file__).parent
README = CORPUS / "README.md"

KINDS = {"news-conference", "interview", "briefing", "statement", "speech", "article", "other"}
TOP_KEYS = {
    "source_url",
    "publisher",
    "government",
    "outlet",
    "licence",
    "layout_group",
    "reviewed",
    "expected",
}
EXPECTED_KEYS = {
    "date",
    "time",
    "timezone",
    "event_date",
    "kind",
    "main_speaker",
    "counterparts",
    "counterpart_countries",
    "place",
    "question_turns",
    "turns",
}
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
DOC_ID = re.compile(r"\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*")
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
ZONE = re.compile(r"[A-Z]{2,5}([+-]\d{1,2})?")
#: A label ends with a colon or a dash (hyphen, en dash, em dash), maybe after spaces.
LABEL_END = re.compile(r"\s*[:\-–—]")
#: ... except a question's bare "Q" that the question follows after a dot or spaces, as White
#: House ("Q    An awful big smile ...") and EEAS ("Q. Do you have ...") transcripts print it.
BARE_Q_END = re.compile(r"\.? +\S")


def is_country(code: object) -> bool:
    return isinstance(code, str) and pycountry.countries.get(alpha_2=code) is not None


def check_date(value: object, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        return [f"{field}: {value!r} is not a date written YYYY-MM-DD"]
    # The issue asks for 2000-2026 at least; older pages (State Department briefings of the
    # 1990s) are welcome, a year before 1990 is a typo.
    if not 1990 <= value.year <= 2026:
        return [f"{field}: {value} is outside 1990-2026"]
    return []


def check_turns(expected: dict[str, Any], lines: list[str]) -> list[str]:
    problems: list[str] = []
    turns = expected["turns"]
    if not isinstance(turns, list):
        return [f"turns: {turns!r} is not a list"]
    last = 0
    for n, turn in enumerate(turns, 1):
        where = f"turn {n}"
        if (
            not isinstance(turn, dict)
            or not {"line", "label", "speaker", "question"} <= turn.keys()
        ):
            problems.append(f"{where}: needs line, label, speaker and question: {turn!r}")
            continue
        line, label = turn["line"], turn["label"]
        if not isinstance(line, int) or not 1 <= line <= len(lines):
            problems.append(f"{where}: line {line!r} is not a line of the text (1-{len(lines)})")
            continue
        if line <= last:
            problems.append(
                f"{where}: line {line} does not come after the previous turn's line {last}"
            )
        last = line
        text = lines[line - 1]
        if not isinstance(label, str) or not label.strip():
            problems.append(f"{where}: label {label!r} is empty")
        elif not (
            text.startswith(label)
            and (
                LABEL_END.match(text, len(label))
                or (label == "Q" and BARE_Q_END.match(text, len(label)))
            )
        ):
            problems.append(
                f"{where}: line {line} does not start with the label {label!r}: {text[:60]!r}"
            )
        if not isinstance(turn["question"], bool):
            problems.append(f"{where}: question must be true or false, not {turn['question']!r}")
        if turn["question"] is True and "outlet" not in turn:
            problems.append(f"{where}: a question turn says its outlet (null if none)")
        if turn["speaker"] is not None and not (
            isinstance(turn["speaker"], str) and turn["speaker"].strip()
        ):
            problems.append(f"{where}: speaker {turn['speaker']!r} is neither a name nor null")
    asked = sum(1 for t in turns if isinstance(t, dict) and t.get("question") is True)
    if expected["question_turns"] != asked:
        problems.append(
            f"question_turns is {expected['question_turns']!r} but {asked} turns are questions"
        )
    return problems


def check_expected(expected: dict[str, Any], lines: list[str]) -> list[str]:
    problems = [f"expected: missing {key}" for key in sorted(EXPECTED_KEYS - expected.keys())]
    problems += [f"expected: unknown key {key}" for key in sorted(expected.keys() - EXPECTED_KEYS)]
    if problems:
        return problems
    problems += check_date(expected["date"], "date")
    problems += check_date(expected["event_date"], "event_date")
    time, zone = expected["time"], expected["timezone"]
    if time is not None and not (isinstance(time, str) and TIME.fullmatch(time)):
        problems.append(f"time: {time!r} is not HH:MM (24 h, quoted)")
    if zone is not None and not (isinstance(zone, str) and ZONE.fullmatch(zone)):
        problems.append(f"timezone: {zone!r} is not an abbreviation such as EDT or MSK")
    if zone is not None and time is None:
        problems.append("timezone given without a time")
    if expected["kind"] not in KINDS:
        problems.append(f"kind: {expected['kind']!r} is not one of {sorted(KINDS)}")
    speaker = expected["main_speaker"]
    if speaker is not None and not (isinstance(speaker, str) and speaker.strip()):
        problems.append(f"main_speaker: {speaker!r} is neither a name nor null")
    counterparts = expected["counterparts"]
    if not isinstance(counterparts, list):
        problems.append(f"counterparts: {counterparts!r} is not a list")
        counterparts = []
    for person in counterparts:
        if not isinstance(person, dict) or set(person) != {"name", "role", "country"}:
            problems.append(f"counterparts: {person!r} needs exactly name, role and country")
        elif person["country"] is not None and not is_country(person["country"]):
            problems.append(f"counterparts: {person['country']!r} is not an ISO 3166 alpha-2 code")
    countries = expected["counterpart_countries"]
    if not isinstance(countries, list) or countries != sorted(set(countries)):
        problems.append(
            f"counterpart_countries: {countries!r} is not a sorted list without repeats"
        )
    else:
        problems += [
            f"counterpart_countries: {c!r} is not an ISO alpha-2 code"
            for c in countries
            if not is_country(c)
        ]
        given = {p.get("country") for p in counterparts if isinstance(p, dict)} - {None}
        missing = given - set(countries)
        problems += [
            f"counterpart_countries: lacks {c} of a counterpart" for c in sorted(missing, key=str)
        ]
    place = expected["place"]
    if place is not None:
        if not isinstance(place, dict) or set(place) != {"city", "country"}:
            problems.append(f"place: {place!r} needs exactly city and country, or is null")
        elif not is_country(place["country"]):
            problems.append(f"place: {place['country']!r} is not an ISO 3166 alpha-2 code")
    if not isinstance(expected["question_turns"], int) or expected["question_turns"] < 0:
        problems.append(f"question_turns: {expected['question_turns']!r} is not a count")
    return problems + check_turns(expected, lines)


def problems_of(text_path: Path) -> list[str]:
    """Everything wrong with the labels of one text, each as a sentence; [] when all holds."""
    label_path = text_path.with_suffix(".yaml")
    if not label_path.exists():
        return [f"{label_path.name} is missing"]
    problems: list[str] = []
    if not DOC_ID.fullmatch(text_path.stem):
        problems.append(f"id {text_path.stem!r} is not YYYY-MM-DD-short-slug")
    lines = text_path.read_text(encoding="utf-8").split("\n")
    if not "".join(lines).strip():
        problems.append("the text is empty")
    labels = yaml.safe_load(label_path.read_text(encoding="utf-8"))
    if not isinstance(labels, dict):
        return [*problems, "the label file is not a mapping"]
    problems += [f"missing key {key}" for key in sorted(TOP_KEYS - labels.keys())]
    problems += [f"unknown key {key}" for key in sorted(labels.keys() - TOP_KEYS)]
    if problems:
        return problems
    if not (
        isinstance(labels["source_url"], str) and re.match(r"https?://\S+$", labels["source_url"])
    ):
        problems.append(f"source_url: {labels['source_url']!r} is not a web address")
    if labels["publisher"] != text_path.parent.name:
        problems.append(
            f"publisher {labels['publisher']!r} is not the folder's slug {text_path.parent.name!r}"
        )
    government, outlet = labels["government"], labels["outlet"]
    if government is not None and not is_country(government):
        problems.append(f"government: {government!r} is not an ISO 3166 alpha-2 code")
    if government is not None and outlet is not None:
        problems.append("a page is a government's (government) or an outlet's (outlet), not both")
    for key in ("licence", "layout_group"):
        if not (isinstance(labels[key], str) and labels[key].strip()):
            problems.append(f"{key}: must say something")
    if labels["reviewed"] != 2:
        problems.append(
            f"reviewed is {labels['reviewed']!r}: labels are checked twice before they are kept"
        )
    if not isinstance(labels["expected"], dict):
        return [*problems, "expected: is not a mapping"]
    return problems + check_expected(labels["expected"], lines)


TEXTS = sorted(CORPUS.glob("*/*.txt"))


def test_the_corpus_has_texts_and_every_label_file_has_its_text() -> None:
    assert TEXTS, "no texts found under tests/realdocs/<publisher>/"
    orphans = [p for p in sorted(CORPUS.glob("*/*.yaml")) if not p.with_suffix(".txt").exists()]
    assert orphans == []


@pytest.mark.parametrize("text_path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_labels_have_the_agreed_shape_and_point_at_the_text(text_path: Path) -> None:
    assert problems_of(text_path) == []


@pytest.mark.parametrize("text_path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_readme_lists_every_text(text_path: Path) -> None:
    assert f"{text_path.parent.name}/{text_path.name}" in README.read_text(encoding="utf-8")


GOOD_TEXT = "Title, Moscow, June 19, 2020\n\nS.Lavrov: Thank you.\n\nQuestion – How?\n"
GOOD_LABELS = """\
source_url: https://example.org/a
publisher: pub
government: RU
outlet: null
licence: "CC BY 4.0"
layout_group: test
reviewed: 2
expected:
  date: 2020-06-19
  time: null
  timezone: null
  event_date: null
  kind: news-conference
  main_speaker: Sergey Lavrov
  counterparts: [{name: Vladimir Makei, role: Foreign Minister, country: BY}]
  counterpart_countries: [BY]
  place: {city: Moscow, country: RU}
  question_turns: 1
  turns:
    - {line: 3, label: "S.Lavrov", speaker: Sergey Lavrov, question: false}
    - {line: 5, label: "Question", speaker: null, question: true, outlet: null}
"""


def write_doc(folder: Path, labels: str) -> Path:
    (folder / "pub").mkdir(exist_ok=True)
    text_path = folder / "pub" / "2020-06-19-test.txt"
    text_path.write_text(GOOD_TEXT, encoding="utf-8")
    text_path.with_suffix(".yaml").write_text(labels, encoding="utf-8")
    return text_path


def test_a_well_formed_label_file_passes(tmp_path: Path) -> None:
    assert problems_of(write_doc(tmp_path, GOOD_LABELS)) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "reviewed: 2",
            "reviewed: 1",
            "reviewed is 1: labels are checked twice before they are kept",
        ),
        ("kind: news-conference", "kind: presser", "kind: 'presser' is not one of"),
        (
            "{line: 5, label",
            "{line: 4, label",
            "turn 2: line 4 does not start with the label 'Question'",
        ),
        (
            'label: "S.Lavrov"',
            'label: "S.Lav"',
            "turn 1: line 3 does not start with the label 'S.Lav'",
        ),
        ("question_turns: 1", "question_turns: 2", "question_turns is 2 but 1 turns are questions"),
        ("country: BY}]", "country: XX}]", "counterparts: 'XX' is not an ISO 3166 alpha-2 code"),
        (
            "counterpart_countries: [BY]",
            "counterpart_countries: []",
            "counterpart_countries: lacks BY",
        ),
        (
            "date: 2020-06-19",
            "date: 19.06.2020",
            "date: '19.06.2020' is not a date written YYYY-MM-DD",
        ),
        ("time: null", 'time: "9:30"', "time: '9:30' is not HH:MM"),
        ("source_url: https://example.org/a\n", "", "missing key source_url"),
        ("publisher: pub", "publisher: other", "publisher 'other' is not the folder's slug 'pub'"),
        (", outlet: null}", "}", "turn 2: a question turn says its outlet"),
        ("  place: {city: Moscow, country: RU}\n", "", "expected: missing place"),
    ],
)
def test_a_wrong_label_is_reported(tmp_path: Path, old: str, new: str, problem: str) -> None:
    assert old in GOOD_LABELS
    found = problems_of(write_doc(tmp_path, GOOD_LABELS.replace(old, new, 1)))
    assert any(p.startswith(problem) for p in found), found


def test_a_text_without_labels_is_reported(tmp_path: Path) -> None:
    text_path = write_doc(tmp_path, GOOD_LABELS)
    text_path.with_suffix(".yaml").unlink()
    assert problems_of(text_path) == ["2020-06-19-test.yaml is missing"]
