"""YAML front matter: metadata written at the top of a file, which wins over anything detected.

A file whose first line is ``---`` has front matter up to the next ``---`` (or ``...``)
line. Keys (all optional):

=============  ===============================================================================
title          text
date           ``2021-07-02`` (or any date the header reads: "2 July 2021", "July 2, 2021")
time           ``17:15``, optionally with a time zone: ``17:15 MSK``
kind           one of news-conference, interview, briefing, statement, speech, article, other
speakers       a name, or a list of names, main speaker first
counterparts   a list of ``{name, role, country}`` (``name`` required), or of plain names
place          ``{city, country}``, or a string ``"Moscow"`` / ``"Geneva, Switzerland"``
languages      a list of BCP 47 tags (``[en-GB, ru-RU]``), or one string ``"en-GB ru-RU"``
source_url     ``http://`` or ``https://`` address of the original
labels         the document's own speaker labels: ``{"MR PRICE": Ned Price, "A": spokesperson,
               "Frage": question}``: a label to the person it stands for, an office (resolved
               like a role label), or ``question`` for a questioner's label
=============  ===============================================================================

An unknown key or a value of the wrong type is a warning naming the key and its line, and
the value is ignored. YAML anchors and aliases are refused, with the message annotations get
(:mod:`parley.read.yaml_safety`). Malformed YAML (or front matter that is not a mapping, or has
no closing line) is a warning with the line, and the file is read as if it had no front matter.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import yaml

from parley.diagnostics import FRONT_MATTER_KEY, FRONT_MATTER_VALUE, FRONT_MATTER_YAML, Code
from parley.model import KINDS, Counterpart, Diagnostic, Place
from parley.read import yaml_safety
from parley.read.dates import read_stamp
from parley.read.yaml_safety import first_anchor

# ---
OPENING = re.compile(r"^---[ \t]*$")
# ---  |  ...
CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# 2021-07-02
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# 17:15  |  17:15 MSK  |  09:41 (GMT)
TIME_VALUE = re.compile(r"^(?P<time>\d{1,2}:\d{2})(?:\s*\(?(?P<zone>[A-Za-z]{2,5})\)?)?$")
# en-GB  |  ru  |  zh-Hant-TW
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# https://mid.ru/en/foreign_policy/news/1765000/
URL = re.compile(r"^https?://\S+$")
# source_url: https://mid.ru/en/foreign_policy/news/1765000/  |  title: Lavrov's remarks (Moscow)
# A key and a plain value opening with a letter, digit or bracket, holding no ": ", " #", tab,
# quote mark or line break of YAML's own: a line libyaml and PyYAML compose alike.
SIMPLE_LINE = re.compile(r"[A-Za-z_][\w-]*: [\w(](?:[\w.,;/?=&%+()’'@~-]|:(?=\S)| (?=[\w(]))*")
#: Whether PyYAML was built with libyaml (its C parser composes about twenty times faster).
LIBYAML: bool = getattr(yaml, "__with_libyaml__", False)

#: The front matter keys, in the order the README documents them.
KEYS = (
    "title", "date", "time", "kind", "speakers", "counterparts", "place", "languages",
    "source_url", "labels",
)  # fmt: skip
COUNTERPART_KEYS = ("name", "role", "country")
PLACE_KEYS = ("city", "country")
_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The values front matter gives; None for a key it does not give."""

    title: str | None = None
    date: str | None = None
    time: str | None = None
    timezone: str | None = None
    kind: str | None = None
    speakers: tuple[str, ...] | None = None
    counterparts: tuple[Counterpart, ...] | None = None
    place: Place | None = None
    languages: tuple[str, ...] | None = None
    source_url: str | None = None
    labels: tuple[tuple[str, str], ...] | None = None
    """(label as written, whom it stands for): the document's own speaker labels."""


class _Problems:
    """Collects warnings about front matter values, each naming its key and line."""

    def __init__(self, path: str, offset: int) -> None:
        self.path, self.offset, self.found = path, offset, list[Diagnostic]()

    def add(self, node: yaml.Node, code: Code, message: str, hint: str = "") -> None:
        line = self.offset + node.start_mark.line
        self.found.append(code.at(self.path, line, message, hint))


def read_front_matter(
    lines: Sequence[str], path: str
) -> tuple[FrontMatter | None, int, list[Diagnostic]]:
    """Read front matter from raw ``lines``: ``(front matter, index of the first body line,
    warnings)``; ``(None, 0, warnings)`` when there is none or it cannot be read."""
    if not lines or not OPENING.match(lines[0]):
        return None, 0, []
    close = next((i for i in range(1, len(lines)) if CLOSING.match(lines[i])), None)
    if close is None:
        return None, 0, [
            FRONT_MATTER_YAML.at(
                path, 1,
                "front matter is not closed by a '---' line; the file is read as if it had none",
                "end the front matter with a line holding only '---'",
            )
        ]  # fmt: skip
    text = "\n".join(lines[1:close])
    simple = all(SIMPLE_LINE.fullmatch(line) for line in lines[1:close])
    # an anchor or alias opens a value; a simple line's value opens with a letter or bracket
    anchored = None if simple else first_anchor(text)
    if anchored is not None:
        return None, 0, [
            FRONT_MATTER_YAML.at(
                path, 2 + anchored,
                f"{yaml_safety.MESSAGE}; the file is read as if it had no front matter",
                yaml_safety.HINT,
            )
        ]  # fmt: skip
    try:
        root = compose(text, simple=simple)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "unreadable YAML"
        if error.context and error.context_mark:
            problem = f"{error.context} on line {2 + error.context_mark.line}: {problem}"
        return None, 0, [_malformed(path, 2 + (mark.line if mark else 0), problem)]
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        return None, 0, [_malformed(path, 2, str(error) or type(error).__name__)]
    if root is None:
        return FrontMatter(), close + 1, []
    if not isinstance(root, yaml.MappingNode):
        return None, 0, [_malformed(path, 2, "it is not a list of 'key: value' lines")]
    problems = _Problems(path, 2)
    values: dict[str, object] = {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if key not in KEYS:
            close_match = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"did you mean '{close_match[0]}'?" if close_match else ""
            problems.add(
                key_node, FRONT_MATTER_KEY, f"unknown front matter key '{key}'",
                hint or "known keys: " + ", ".join(KEYS),
            )  # fmt: skip
            continue
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL:
            continue
        value = READERS[key](value_node, problems)
        if value is not None:
            values[key] = value
    if "time" in values:
        values["time"], values["timezone"] = values["time"]  # type: ignore[misc]
    return FrontMatter(**values), close + 1, problems.found  # type: ignore[arg-type]


def compose(text: str, *, simple: bool) -> yaml.Node | None:
    """The node tree PyYAML's SafeLoader composes of ``text``; raises what it raises.
    ``simple`` front matter (only :data:`SIMPLE_LINE` lines: most files give ``source_url`` or
    ``title`` so) is composed by libyaml where PyYAML has it, to the same tree
    (``tests/read/test_fast_paths.py`` checks it); anything else by PyYAML's own parser."""
    if simple and LIBYAML:
        try:
            return yaml.compose(text, Loader=yaml.CSafeLoader)
        except (yaml.YAMLError, RecursionError, ValueError):
            pass  # never expected: PyYAML's own parser says what is wrong
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _malformed(path: str, line: int, problem: str) -> Diagnostic:
    return FRONT_MATTER_YAML.at(
        path, line,
        f"front matter is not valid YAML ({problem}); the file is read as if it had none",
        "fix the YAML, or remove the '---' lines",
    )  # fmt: skip


def _type_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return "a list" if isinstance(node, yaml.SequenceNode) else "text"


def _text(node: yaml.Node, problems: _Problems, key: str) -> str | None:
    """A scalar as text ("1984" stays "1984"), or a warning for a list or mapping."""
    if isinstance(node, yaml.ScalarNode):
        text = " ".join(str(node.value).split())
        return text or None
    problems.add(
        node, FRONT_MATTER_VALUE, f"front matter key '{key}' must be text, not {_type_name(node)}"
    )
    return None


def _texts(node: yaml.Node, problems: _Problems, key: str) -> tuple[str, ...] | None:
    """One text or a list of texts."""
    if isinstance(node, yaml.SequenceNode):
        found = [_text(item, problems, key) for item in node.value]
        return tuple(text for text in found if text)
    text = _text(node, problems, key)
    return (text,) if text else None


def _title(node: yaml.Node, problems: _Problems) -> str | None:
    return _text(node, problems, "title")


def _date(node: yaml.Node, problems: _Problems) -> str | None:
    text = _text(node, problems, "date")
    if text is None:
        return None
    stamp = read_stamp(text) if not ISO_DATE.match(text) else read_stamp(_iso_as_line(text))
    if stamp is not None and stamp.date:
        return stamp.date
    problems.add(
        node, FRONT_MATTER_VALUE,
        f"front matter key 'date' must be a date such as 2021-07-02, not '{text}'",
    )  # fmt: skip
    return None


def _iso_as_line(text: str) -> str:
    """ "2021-07-02" -> "02.07.2021", a line :func:`read_stamp` reads and checks."""
    year, month, day = text.split("-")
    return f"{day}.{month}.{year}"


def _time(node: yaml.Node, problems: _Problems) -> tuple[str, str | None] | None:
    text = _text(node, problems, "time")
    match = TIME_VALUE.match(text or "")
    hour, minute = (int(part) for part in match["time"].split(":")) if match else (99, 99)
    if match and hour < 24 and minute < 60:
        return f"{hour:02d}:{minute:02d}", match["zone"].upper() if match["zone"] else None
    if text is not None:
        problems.add(
            node, FRONT_MATTER_VALUE,
            f"front matter key 'time' must be a time such as 17:15 or 17:15 MSK, not '{text}'",
        )  # fmt: skip
    return None


def _kind(node: yaml.Node, problems: _Problems) -> str | None:
    text = _text(node, problems, "kind")
    if text is None or text in KINDS:
        return text
    problems.add(
        node, FRONT_MATTER_VALUE, f"front matter key 'kind' cannot be '{text}'",
        "use one of " + ", ".join(KINDS),
    )  # fmt: skip
    return None


def _speakers(node: yaml.Node, problems: _Problems) -> tuple[str, ...] | None:
    return _texts(node, problems, "speakers")


def _mapping(
    node: yaml.MappingNode, problems: _Problems, key: str, allowed: tuple[str, ...]
) -> dict[str, str]:
    """The text values of a small mapping; unknown keys are warnings."""
    found: dict[str, str] = {}
    for key_node, value_node in node.value:
        sub = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if sub not in allowed:
            problems.add(
                key_node, FRONT_MATTER_KEY, f"unknown key '{sub}' in front matter '{key}'",
                "known keys: " + ", ".join(allowed),
            )  # fmt: skip
            continue
        if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL):
            text = _text(value_node, problems, f"{key}.{sub}")
            if text:
                found[sub] = text
    return found


def _counterparts(node: yaml.Node, problems: _Problems) -> tuple[Counterpart, ...] | None:
    if not isinstance(node, yaml.SequenceNode):
        problems.add(
            node, FRONT_MATTER_VALUE,
            f"front matter key 'counterparts' must be a list, not {_type_name(node)}",
        )  # fmt: skip
        return None
    found: list[Counterpart] = []
    for item in node.value:
        if isinstance(item, yaml.MappingNode):
            fields = _mapping(item, problems, "counterparts", COUNTERPART_KEYS)
        else:
            name = _text(item, problems, "counterparts")
            fields = {"name": name} if name else {}
        if "name" not in fields:
            problems.add(item, FRONT_MATTER_VALUE, "a counterpart in front matter has no 'name'")
            continue
        found.append(Counterpart(fields["name"], fields.get("role", ""), fields.get("country", "")))
    return tuple(found)


def _place(node: yaml.Node, problems: _Problems) -> Place | None:
    if isinstance(node, yaml.MappingNode):
        fields = _mapping(node, problems, "place", PLACE_KEYS)
        if not fields:
            return None
        return Place(fields.get("city"), fields.get("country"))
    text = _text(node, problems, "place")
    if text is None:
        return None
    city, _, country = (part.strip() for part in text.partition(","))
    return Place(city or None, country or None)


def _languages(node: yaml.Node, problems: _Problems) -> tuple[str, ...] | None:
    if isinstance(node, yaml.ScalarNode):
        texts: tuple[str, ...] = tuple(str(node.value).replace(",", " ").split())
    else:
        texts = _texts(node, problems, "languages") or ()
    for tag in texts:
        if not LANGUAGE_TAG.match(tag):
            problems.add(
                node, FRONT_MATTER_VALUE,
                f"front matter key 'languages' holds '{tag}', which is not a language tag",
                "write tags such as en-GB or ru-RU",
            )  # fmt: skip
    return tuple(tag for tag in texts if LANGUAGE_TAG.match(tag))


def _source_url(node: yaml.Node, problems: _Problems) -> str | None:
    text = _text(node, problems, "source_url")
    if text is None or URL.match(text):
        return text
    problems.add(
        node, FRONT_MATTER_VALUE,
        f"front matter key 'source_url' must be an http(s) address, not '{text}'",
    )  # fmt: skip
    return None


def _labels(node: yaml.Node, problems: _Problems) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(
            node, FRONT_MATTER_VALUE,
            f"front matter key 'labels' must be a mapping, not {_type_name(node)}",
            'write labels: {"MR PRICE": Ned Price, "A": spokesperson}',
        )  # fmt: skip
        return None
    found: list[tuple[str, str]] = []
    for key_node, value_node in node.value:
        label = _text(key_node, problems, "labels")
        value = _text(value_node, problems, f"labels.{label}")
        if label and value:
            found.append((label, value))
    return tuple(found)


READERS: dict[str, Callable[[yaml.Node, _Problems], object]] = {
    "title": _title,
    "date": _date,
    "time": _time,
    "kind": _kind,
    "speakers": _speakers,
    "counterparts": _counterparts,
    "place": _place,
    "languages": _languages,
    "source_url": _source_url,
    "labels": _labels,
}
