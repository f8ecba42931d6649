"""The reviewed data files as YAML with line numbers, checked against their schemas.

:data:`SCHEMAS` says which fields each kind of record has and which are required. A
:class:`DataFile` reads one file with the line of every node, checks each mapping against its
schema into a :class:`Record` (typed access to its fields), and records every problem as an
``error`` :class:`~parley.model.Diagnostic` naming the file and line, with a "did you mean"
hint where one helps; it never raises on content. :mod:`parley.vocab.vocabulary` builds the
vocabulary
from the records.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from parley.diagnostics import (
    DATA_EMPTY,
    DATA_MISSING,
    DATA_MISSING_KEY,
    DATA_SYNTAX,
    DATA_TYPE,
    DATA_UNKNOWN_KEY,
    DATA_UNREADABLE,
    Code,
    display_path,
)
from parley.limits import DEFAULT
from parley.model import Diagnostic
from parley.read.sources import read_input, refused_kind
from parley.read.yaml_safety import HINT, MESSAGE, first_anchor

#: What a value of each field type must be, for messages.
_EXPECTED = {"text": "a non-empty text", "texts": "a list of texts", "number": "a number",
             "weights": "a mapping of text to number", "map": "a mapping",
             "list": "a list"}  # fmt: skip
#: The fields of each kind of record, as ``name:type``; ``!`` marks a required field.
_FIELDS = {
    "countries.yaml": "countries:map! given_names:texts exclude:list",
    "country": "name:text names:texts people:texts places:texts",
    "exclusion": "text:text! why:text!",
    "people.yaml": "people:list!",
    "person": "name:text! slug:text! aliases:texts short:texts role:text! country:text",
    "organisations.yaml": "entities:list!",
    "entity": "kind:text! slug:text! name:text! description:text! aliases:texts resolution:text"
    " country:text",
    "topics.yaml": "topics:list!",
    "topic": "slug:text! name:text! description:text! terms:weights! entities:weights"
    " paragraph:number document:number",
    "layouts.yaml": "layouts:list! venues:list outlets:texts agencies:texts roles:map labels:map"
    " chrome:texts stage_directions:texts governments:list",
    "government": "match:text! country:text! why:text!",
    "labels": "questions:texts answers:texts",
    "layout": "name:text! match:text! why:text! place:text kind:text",
    "venue": "venue:text! city:text!",
}
#: ``_FIELDS`` read: record kind -> field name -> (type, required).
SCHEMAS: dict[str, dict[str, tuple[str, bool]]] = {
    what: {f.split(":")[0]: (f.split(":")[1].rstrip("!"), f.endswith("!")) for f in spec.split()}
    for what, spec in _FIELDS.items()
}


#: The kind of record a ``map`` (its values) or ``list`` (its items) field holds.
_CHILDREN = {
    "countries": "country",
    "exclude": "exclusion",
    "people": "person",
    "entities": "entity",
    "topics": "topic",
}
#: Any YAML scalar: the loader reads every scalar as text ("NO" is Norway, 2254 a resolution).
_SCALAR: dict[str, Any] = {"type": ["string", "number", "boolean"], "pattern": "\\S"}
#: Each field type of :data:`SCHEMAS` as JSON Schema, for a record's field.
_JSON_TYPES: dict[str, dict[str, Any]] = {
    "text": _SCALAR,
    "texts": {"anyOf": [_SCALAR, {"type": "array", "items": _SCALAR}]},
    "number": {"type": "number"},
    "weights": {"type": "object", "additionalProperties": {"type": "number"}},
}


def json_schema(file_name: str) -> dict[str, Any]:
    """The JSON Schema of one data file (``countries.yaml`` ...), made from :data:`SCHEMAS`, so
    an editor checks a data file by the rules the loader applies. Published as
    ``schema/<name>.schema.json``; ``pytest --update-golden`` rewrites them, and a test keeps
    them equal to this."""

    def record(what: str) -> dict[str, Any]:
        fields = SCHEMAS[what]
        properties: dict[str, Any] = {}
        for name, (kind, _) in fields.items():
            if kind == "map":
                properties[name] = {
                    "type": "object",
                    "additionalProperties": {"$ref": f"#/$defs/{_CHILDREN[name]}"},
                }
            elif kind == "list":
                properties[name] = {
                    "type": "array",
                    "items": {"$ref": f"#/$defs/{_CHILDREN[name]}"},
                }
            else:
                properties[name] = _JSON_TYPES[kind]
        return {
            "type": "object",
            "required": [name for name, (_, required) in fields.items() if required],
            "additionalProperties": False,
            "properties": properties,
        }

    children = sorted(
        {_CHILDREN[f] for f, (k, _) in SCHEMAS[file_name].items() if k in ("map", "list")}
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Parley reference data: data/{file_name}",
        "description": "Generated from parley/vocab/datafiles.py (SCHEMAS); the comments at the "
        "top of the data file say what each field means.",
        **record(file_name),
        "$defs": {child: record(child) for child in children},
    }


def suggest(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" hint, or ""."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def node_line(node: Node | None) -> int:
    """The 1-based line a YAML node starts on; 0 without a node (the whole file)."""
    return node.start_mark.line + 1 if node is not None else 0


@dataclass(frozen=True, slots=True)
class Record:
    """A mapping from a data file that passed its schema, with typed access to its fields."""

    node: Node
    """The YAML mapping, for the line of a problem found later."""
    values: dict[str, object]
    """Field name -> value converted to its schema type (text, tuple, float or a child node)."""

    def text(self, key: str) -> str:
        """A required text field."""
        return str(self.values[key])

    def optional(self, key: str) -> str | None:
        """An optional text field, or None."""
        value = self.values.get(key)
        return value if isinstance(value, str) else None

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of texts (a lone text is a list of one); () when absent."""
        value = self.values.get(key, ())
        return tuple(str(v) for v in value) if isinstance(value, tuple) else ()

    def weights(self, key: str) -> tuple[tuple[str, float], ...]:
        """(text, number) pairs in file order; () when absent."""
        value = self.values.get(key, ())
        return tuple(value) if isinstance(value, tuple) else ()

    def number(self, key: str, default: float) -> float:
        """A number field, or ``default`` when absent."""
        value = self.values.get(key, default)
        return value if isinstance(value, float) else default

    def child(self, key: str) -> Node | None:
        """A ``map`` or ``list`` field as its YAML node, or None."""
        value = self.values.get(key)
        return value if isinstance(value, Node) else None


@dataclass
class DataFile:
    """One data file being read: its display path and the problems found in it."""

    path: str
    """The path shown in messages (:func:`parley.diagnostics.display_path`)."""
    diagnostics: list[Diagnostic]
    """Where problems are appended; shared by the files of one load."""
    max_bytes: int = DEFAULT.file_bytes
    """Larger files are refused unread (:attr:`parley.limits.Limits.file_bytes`)."""

    def error(self, node: Node | None, code: Code, message: str, hint: str = "") -> None:
        """Report ``code`` at the line of ``node`` (0 for the whole file)."""
        self.diagnostics.append(code.at(self.path, node_line(node), message, hint))

    def top(self, path: Path) -> Record | None:
        """The file's top-level mapping; YAML values stay strings ("NO" is Norway, not false).

        The file is opened through :func:`parley.read.sources.read_input` (no symbolic link,
        no special file, nothing past the size limit), and YAML anchors and aliases are
        refused."""
        if not os.path.lexists(path):
            self.error(None, DATA_MISSING, "data file not found")
            return None
        if path.parent.is_symlink():
            refused = refused_kind(stat.S_IFLNK, display_path(path.parent), folder=True)
            self.diagnostics += [replace(refused, path=self.path)] if refused else []
            return None
        raw, refused = read_input(path, self.path, path.parent, self.max_bytes)
        if raw is None:
            self.diagnostics += [refused] if refused else []
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.error(None, DATA_UNREADABLE, f"cannot read data file: {exc}")
            return None
        anchored = first_anchor(text)
        if anchored is not None:
            refusal = DATA_SYNTAX.at(self.path, anchored + 1, MESSAGE, HINT)
            self.diagnostics.append(refusal)
            return None
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            problem = getattr(exc, "problem", None) or str(exc)
            message = f"invalid YAML: {problem}"
            self.diagnostics.append(DATA_SYNTAX.at(self.path, line, message))
            return None
        if root is None:
            keys = ", ".join(f"'{k}'" for k, (_, needed) in SCHEMAS[path.name].items() if needed)
            self.error(None, DATA_EMPTY, "data file is empty", f"expected a mapping with {keys}")
            return None
        return self.record(root, path.name)

    def items(self, path: Path, key: str) -> Iterator[Node]:
        """The nodes of the list under ``key`` at the top of the file."""
        top = self.top(path)
        listed = top.child(key) if top else None
        yield from listed.value if isinstance(listed, SequenceNode) else ()

    def record(self, node: Node, what: str) -> Record | None:
        """A mapping checked against ``SCHEMAS[what]``, values converted; None if unusable."""
        schema = SCHEMAS[what]
        if not isinstance(node, MappingNode):
            self.error(node, DATA_TYPE, f"{what} must be a mapping of {', '.join(schema)}")
            return None
        values: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key not in schema:
                hint = suggest(key, schema) or f"expected one of: {', '.join(schema)}"
                self.error(key_node, DATA_UNKNOWN_KEY, f"unknown key '{key}' in {what}", hint)
                continue
            value = self._convert(value_node, schema[key][0], f"'{key}' in {what}")
            if value is not None:
                values[key] = value
        missing = [k for k, (_, required) in schema.items() if required and k not in values]
        for key in missing:
            self.error(node, DATA_MISSING_KEY, f"{what} has no '{key}'")
        return None if missing else Record(node, values)

    def _convert(self, node: Node, kind: str, where: str) -> object:
        value = node.value
        if isinstance(node, ScalarNode) and kind in ("text", "texts") and str(value).strip():
            return str(value).strip() if kind == "text" else (str(value).strip(),)
        if kind == "texts" and isinstance(node, SequenceNode):
            items = [n for n in value if isinstance(n, ScalarNode) and str(n.value).strip()]
            if len(items) == len(value):
                return tuple(str(n.value).strip() for n in items)
        if kind == "number" and isinstance(node, ScalarNode):
            try:
                return float(value)
            except ValueError:
                pass
        if kind == "weights" and isinstance(node, MappingNode):
            pairs = [(str(k.value), self._convert(v, "number", where)) for k, v in value]
            return tuple((k, w) for k, w in pairs if isinstance(w, float))
        if (kind, type(node)) in (("map", MappingNode), ("list", SequenceNode)):
            return node
        self.error(node, DATA_TYPE, f"{where} must be {_EXPECTED[kind]}")
        return None
