"""The annotation file format: YAML read with line numbers, checked against the JSON Schema.

``schema/annotation.schema.json`` is the format's one definition, published for editors and
used here. :func:`parse_annotation_file` turns the text of one file into the annotations that
satisfy it (:class:`Item`), each with the lines of its fields, and a diagnostic in plain words
for each finding. YAML dates stay text (the schema checks them as written), and YAML aliases
(which could blow a small file up to a huge one; :mod:`parley.read.yaml_safety`), keys given
twice and more annotations than the limit (:mod:`parley.limits`) are refused.
A finding inside an annotation invalidates that annotation only; any other, the whole file.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from parley.annotate.anchor import show
from parley.diagnostics import (
    ANNOTATION_EMPTY,
    ANNOTATION_SCHEMA,
    ANNOTATION_YAML,
    TOO_MANY_ANNOTATIONS,
)
from parley.limits import DEFAULT, raise_hint
from parley.model import Diagnostic
from parley.read import yaml_safety
from parley.read.yaml_safety import first_anchor

#: The published JSON Schema of an annotation file.
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "annotation.schema.json"

#: What a field must look like, for messages about a value of the wrong form.
EXPECTED = {
    "date": "a day written YYYY-MM-DD, e.g. 2024-05-01",
    "sources": "an http(s) address, e.g. https://press.un.org/",
}

#: What to do about a missing required field.
MISSING_HINTS = {
    "quote": "copy the exact words of the transcript that the note is about",
    "note": "write the note in Markdown",
    "author": "give your GitHub handle or your name",
    "date": "give the day the note was written, as YYYY-MM-DD",
    "annotations": "start the file with 'annotations:' and list the notes under it",
}

#: What to do about a value of the wrong type (the file itself excepted).
TYPE_HINTS = {
    "string": "put the value in quotes",
    "array": "put each item on its own line, starting with '- '",
    "object": "give the note its fields: quote, note, author, date, and optionally more",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One annotation that satisfies the schema, with the lines of its parts."""

    number: int
    """1-based position in the file."""
    quote: str
    """The quote as written."""
    prefix: str
    """Text just before the quote, or ""."""
    suffix: str
    """Text just after the quote, or ""."""
    note: str
    """The note's Markdown."""
    author: str
    """Who wrote it, trimmed."""
    date: str
    """``YYYY-MM-DD``, a real day."""
    kind: str
    """One of the schema's kinds; ``context`` when not given."""
    sources: tuple[str, ...]
    """http(s) addresses, in the order given."""
    line: int
    """Line on which the annotation starts."""
    quote_line: int
    """Line of its ``quote``."""
    note_line: int
    """Line of its ``note``."""


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_annotation_file(
    path: str, text: str, max_annotations: int = DEFAULT.annotations_per_file
) -> tuple[tuple[Item, ...], list[Diagnostic]]:
    """The valid annotations of a file, in file order, and a diagnostic per finding; a file with
    more than ``max_annotations`` is refused as a whole."""
    root, data, invalid, problems = _parse(path, text, max_annotations)
    if root is None or None in invalid:
        return (), problems
    items = []
    for number, fields in enumerate(data["annotations"]):
        if number in invalid:
            continue
        where = ("annotations", number)
        items.append(
            Item(
                number=number + 1,
                quote=fields["quote"],
                prefix=fields.get("prefix", ""),
                suffix=fields.get("suffix", ""),
                note=fields["note"],
                author=fields["author"].strip(),
                date=fields["date"],
                kind=fields.get("kind", "context"),
                sources=tuple(fields.get("sources", ())),
                line=_line(root, where),
                quote_line=_line(root, (*where, "quote")),
                note_line=_line(root, (*where, "note")),
            )
        )
    return tuple(items), problems


def _parse(
    path: str, text: str, max_annotations: int
) -> tuple[yaml.Node | None, Any, set[int | None], list[Diagnostic]]:
    """Node tree, data, invalid annotations (None: the whole file) and problems of a file."""
    hint = "check the indentation, and put text containing ': ' or ' #' in quotes"
    anchored = first_anchor(text)
    if anchored is not None:
        line = anchored + 1
        refused = ANNOTATION_YAML.at(path, line, yaml_safety.MESSAGE, yaml_safety.HINT)
        return None, None, {None}, [refused]
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            over = _too_many(path, root, max_annotations)
            if over is not None:
                return None, None, {None}, [over]
            invalid, problems = _check_nodes(path, root) if root is not None else (set(), [])
            data = (
                loader.construct_document(root)
                if root is not None and None not in invalid
                else None
            )
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        what = f"it contains the control character U+{exc.character:04X}"
        return None, None, {None}, [_broken(path, line, what, "remove the character")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = ", ".join(part for part in (exc.context, exc.problem) if part)
        return None, None, {None}, [_broken(path, mark.line + 1 if mark else 0, what, hint)]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        what = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return None, None, {None}, [_broken(path, 0, what, hint)]
    if root is None:
        empty = ANNOTATION_EMPTY.at(path, 0, "the file is empty", MISSING_HINTS["annotations"])
        return None, None, {None}, [empty]
    if None in invalid:
        return root, None, invalid, problems
    more_invalid, more = _validate(path, root, data)
    return root, data, invalid | more_invalid, problems + more


def _too_many(path: str, root: yaml.Node | None, limit: int) -> Diagnostic | None:
    """The error for a file listing more than ``limit`` annotations, on the first one past it."""
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if (
            isinstance(key, yaml.ScalarNode)
            and key.value == "annotations"
            and isinstance(value, yaml.SequenceNode)
            and len(value.value) > limit
        ):
            return TOO_MANY_ANNOTATIONS.at(
                path,
                value.value[limit].start_mark.line + 1,
                f"the file has more than {limit:,} annotations; none of them is read",
                "keep the notes that matter most, " + raise_hint("annotations_per_file"),
            )
    return None


def _broken(path: str, line: int, what: str, hint: str) -> Diagnostic:
    """The error for a file that is not YAML at all."""
    return ANNOTATION_YAML.at(path, line, f"the file is not valid YAML: {what}", hint)


def _check_nodes(path: str, root: yaml.Node) -> tuple[set[int | None], list[Diagnostic]]:
    """Refuse YAML aliases (whole file) and keys given twice (their annotation)."""
    invalid: set[int | None] = set()
    problems: list[Diagnostic] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, where = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1
            refused = ANNOTATION_YAML.at(path, line, yaml_safety.MESSAGE, yaml_safety.HINT)
            return {None}, [refused]
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            names: set[str] = set()
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is not None and name in names:
                    invalid.add(_owner(where))
                    problems.append(
                        ANNOTATION_SCHEMA.at(
                            path,
                            key.start_mark.line + 1,
                            f"{name!r} is given twice",
                            "keep only one of them",
                        )
                    )
                names.add(name or "")
                stack.extend(((key, where), (value, (*where, name))))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*where, i)) for i, item in enumerate(node.value))
    return invalid, problems


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    """The validator for the published schema, checking formats such as dates."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def _validate(path: str, root: yaml.Node, data: Any) -> tuple[set[int | None], list[Diagnostic]]:
    """Schema findings as diagnostics on the line of the value concerned."""
    invalid: set[int | None] = set()
    problems: dict[Diagnostic, None] = {}  # ordered and without repeats
    for error in _validator().iter_errors(data):
        where = tuple(error.absolute_path)
        invalid.add(_owner(where))
        for key, message, hint in _explain(error):
            line = _line(root, where if key is None else (*where, key))
            problems[ANNOTATION_SCHEMA.at(path, line, message, hint)] = None
    return invalid, list(problems)


def _explain(error: jsonschema.ValidationError) -> Iterator[tuple[str | None, str, str]]:
    """(key the finding is about or None, message, hint) for one jsonschema finding."""
    where = list(error.absolute_path)
    field = next((p for p in reversed(where) if isinstance(p, str)), "")
    subject, value, rule = _subject(where), error.instance, error.validator_value
    if error.validator == "required":
        for name in rule:
            if name not in value:
                yield None, f"{subject} has no {name!r}", MISSING_HINTS.get(name, "")
    elif error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for name in sorted(str(k) for k in value if k not in allowed):
            close = difflib.get_close_matches(name, allowed, n=1)
            hint = (
                f"did you mean {close[0]!r}?" if close else f"the fields are {', '.join(allowed)}"
            )
            yield name, f"{subject} has an unknown field {name!r}", hint
    elif error.validator == "type":
        wanted = {"object": "a mapping", "array": "a list", "string": "text"}.get(rule, rule)
        hint = TYPE_HINTS.get(rule, "") if where else MISSING_HINTS["annotations"]
        yield None, f"{subject} must be {wanted}, not {_kind(value)}", hint
    elif error.validator == "enum":
        choices = [str(c) for c in rule]
        close = difflib.get_close_matches(str(value), choices, n=1)
        message = f"{subject} must be one of {', '.join(choices)}, not {show(str(value), 40)}"
        yield None, message, f"did you mean {close[0]!r}?" if close else ""
    elif field in EXPECTED and error.validator in {"pattern", "format"}:
        yield None, f"{subject} must be {EXPECTED[field]}, not {show(str(value), 60)}", ""
    elif error.validator in {"minLength", "pattern"}:
        yield None, f"{subject} is empty", MISSING_HINTS.get(field, "")
    elif error.validator == "maxLength":
        yield None, f"{subject} is longer than {rule:,} characters", "shorten it"
    elif error.validator == "uniqueItems":
        yield None, f"{subject} lists the same address twice", "keep only one of them"
    elif error.validator == "maxItems":
        yield None, f"{subject} lists more than {rule} addresses", "keep the best ones"
    else:
        yield None, error.message, ""


def _subject(where: Sequence[Any]) -> str:
    """How a message names the value at ``where``: "the file", "annotation 2", "'date'"."""
    if not where:
        return "the file"
    if len(where) == 2 and where[0] == "annotations":
        return f"annotation {where[1] + 1}"
    if isinstance(where[-1], int):
        return f"{str(where[-2]).rstrip('s')} {where[-1] + 1}"
    return repr(where[-1])


def _kind(value: Any) -> str:
    """What a YAML value is, in a contributor's words."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes, no, on, off as true or false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    kinds: dict[type, str] = {str: "text", list: "a list", dict: "a mapping"}
    return kinds.get(type(value), type(value).__name__)


def _owner(where: Sequence[Any]) -> int | None:
    """The annotation a path lies in, or None for the file as a whole."""
    inside = len(where) >= 2 and where[0] == "annotations" and isinstance(where[1], int)
    return where[1] if inside else None


def _line(node: yaml.Node, where: Sequence[Any]) -> int:
    """1-based line of the value at ``where``, or of the nearest enclosing one that exists."""
    for step in where:
        if isinstance(node, yaml.MappingNode):
            found = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step]
            if not found:
                break
            node = found[-1]
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
        else:
            break
    return node.start_mark.line + 1
