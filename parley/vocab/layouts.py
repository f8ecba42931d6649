"""``data/layouts.yaml``: publisher layouts, venues and outlets the reader's generic rules cannot
decide, reviewed like code and extended by pull request (README, "How to add a publisher").

A layout names a pattern found in a document's title or head lines and what documents of that
layout share: where they happen ("Weekly Media Briefing by the Official Spokesperson" is given in
New Delhi) and their kind. Venues name their city ("Kremlin": Moscow); outlets are the names that
label a journalist's question at a press conference ("AFP:"); agencies, with the outlets, mark
a news report by its dateline or credit line ("Berlin (dpa) -"); roles write out the abbreviated
offices of speaker labels ("SG" is the Secretary-General). Every problem is an ``error``
naming the file and line; a bad entry is left out, the rest is used.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from parley.diagnostics import DATA_PATTERN, DATA_TYPE
from parley.model import KINDS, Layout, Layouts, Place, is_document_kind
from parley.vocab.datafiles import DataFile

#: A place written "City, CC" (ISO 3166-1 alpha-2).
PLACE = re.compile(r"^(?P<city>[^,]{1,60}),\s*(?P<country>[A-Z]{2})$")


def load_layouts(path: Path, file: DataFile) -> Layouts:
    """Read ``layouts.yaml``; an absent file gives empty layouts (nothing publisher-specific)."""
    if not path.exists():
        return Layouts()
    top = file.top(path)
    if top is None:
        return Layouts()
    layouts: list[Layout] = []
    listed = top.child("layouts")
    for node in listed.value if isinstance(listed, SequenceNode) else ():
        record = file.record(node, "layout")
        if record is None:
            continue
        try:
            pattern = re.compile(record.text("match"))
        except re.error as error:
            file.error(node, DATA_PATTERN, f"layout '{record.text('name')}': bad match: {error}")
            continue
        place = None
        if (written := record.optional("place")) is not None:
            found = PLACE.match(written)
            if found is None:
                file.error(node, DATA_TYPE, f"place '{written}' must be 'City, CC'")
                continue
            place = Place(found["city"].strip(), country=found["country"])
        written_kind = record.optional("kind")
        kind = None
        if written_kind is not None:
            if not is_document_kind(written_kind):
                must = f"must be one of {', '.join(KINDS)}"
                file.error(node, DATA_TYPE, f"kind '{written_kind}' {must}")
                continue
            kind = written_kind
        layouts.append(Layout(record.text("name"), pattern, place, kind))
    venues: list[tuple[str, str]] = []
    listed = top.child("venues")
    for node in listed.value if isinstance(listed, SequenceNode) else ():
        record = file.record(node, "venue")
        if record is not None:
            venues.append((record.text("venue"), record.text("city")))
    outlets = frozenset(name.casefold() for name in top.texts("outlets"))
    words = top.child("labels")
    labels = file.record(words, "labels") if words is not None else None
    directions: list[re.Pattern[str]] = []
    for written in top.texts("stage_directions"):
        try:
            directions.append(re.compile(written))
        except re.error as error:
            file.error(top.node, DATA_PATTERN,
                       f"stage direction '{written}': bad pattern: {error}")  # fmt: skip
    agencies = frozenset(name.casefold() for name in top.texts("agencies"))
    return Layouts(
        tuple(layouts),
        tuple(venues),
        outlets,
        agencies,
        _roles(top.child("roles"), file),
        frozenset(w.casefold() for w in labels.texts("questions")) if labels else frozenset(),
        frozenset(w.casefold() for w in labels.texts("answers")) if labels else frozenset(),
        frozenset(" ".join(line.split()) for line in top.texts("chrome")),
        tuple(directions),
        _governments(top.child("governments"), file),
    )


#: An ISO 3166-1 alpha-2 code.
CODE = re.compile(r"^[A-Z]{2}$")


def _governments(node: Node | None, file: DataFile) -> tuple[tuple[re.Pattern[str], str], ...]:
    """``governments``: institutions whose names do not name their country, and the country."""
    found: list[tuple[re.Pattern[str], str]] = []
    for entry in node.value if isinstance(node, SequenceNode) else ():
        record = file.record(entry, "government")
        if record is None:
            continue
        country = record.text("country")
        if not CODE.match(country):
            file.error(entry, DATA_TYPE, f"country '{country}' must be an ISO alpha-2 code")
            continue
        try:
            found.append((re.compile(record.text("match")), country))
        except re.error as error:
            file.error(entry, DATA_PATTERN, f"government '{country}': bad match: {error}")
    return tuple(found)


def _roles(node: Node | None, file: DataFile) -> tuple[tuple[str, str], ...]:
    """``roles``: abbreviation -> office, both texts ("SG: Secretary-General")."""
    found: list[tuple[str, str]] = []
    for key, value in node.value if isinstance(node, MappingNode) else ():
        if not isinstance(value, ScalarNode) or not str(value.value).strip():
            file.error(value, DATA_TYPE, f"role '{key.value}' must be an office (a text)")
            continue
        found.append((str(key.value), str(value.value)))
    return tuple(found)
