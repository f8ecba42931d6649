"""Load and validate the reviewed data files: countries, people, organisations, topics.

``data/countries.yaml`` adds to pycountry what no library holds (display names, demonyms,
cities, exclusions); ``people.yaml`` and ``organisations.yaml`` list the other entities;
``topics.yaml`` the taxonomy. :func:`load_vocabulary` never raises on content: a problem becomes an
``error`` :class:`~parley.model.Diagnostic` naming the file and line, with a "did you mean" hint
where one helps, and the bad record is left out (the files are read and checked against their
schemas by :mod:`parley.vocab.datafiles`). A :class:`Vocabulary` is plain data and the compiled
matcher; it pickles, and loading it again in a worker process takes well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from yaml.nodes import MappingNode, Node, SequenceNode

from parley.diagnostics import (
    DATA_AMBIGUOUS,
    DATA_BAD_SLUG,
    DATA_DUPLICATE,
    DATA_UNKNOWN_COUNTRY,
    DATA_UNKNOWN_ENTITY,
    DATA_UNKNOWN_KIND,
    DATA_UNKNOWN_NAME,
    display_path,
)
from parley.limits import DEFAULT
from parley.model import Diagnostic, Layouts
from parley.vocab.datafiles import DataFile, Record, node_line, suggest
from parley.vocab.layouts import load_layouts
from parley.vocab.matcher import Matcher, Pattern, compile_matcher, scan, straighten
from parley.vocab.name_forms import name_parts, same_name

#: The data files, in the order they are read.
FILES: tuple[str, ...] = ("countries.yaml", "people.yaml", "organisations.yaml", "topics.yaml")
#: Hint for a topic's entity key that is nothing like a known one.
_ENTITY_KEYS = "use an alpha-2 code or a slug from people.yaml or organisations.yaml"
#: A slug: "geir-pedersen", "resolution-2254".
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Leading words of a country as written in a title: "of the Kingdom of Bahrain".
_COUNTRY_LEAD = re.compile(r"^(?:of\s+)?(?:the\s+)?", re.IGNORECASE)
#: Titles before a name: "Mr Fuad Hussein", "President Vladimir Putin".
_TITLE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|President|Prime Minister|Foreign Minister)\.?\s+)+")
#: A run of whitespace: "Geir  O.\nPedersen".
_SPACES = re.compile(r"\s+")
#: How UN Security Council resolutions are cited; "{n}" is the number.
_COUNCILS = (
    "",
    "UN Security Council ",
    "UNSC ",
    "Security Council ",
    "United Nations Security Council ",
)
_CITED = (*(f"{c}{w} {{n}}" for c in _COUNCILS for w in ("Resolution", "resolution")), "UNSCR {n}")
#: Codes people use that are not ISO 3166-1 alpha-2.
_NOT_ISO = {"UK": "did you mean 'GB' (United Kingdom)?", "EL": "did you mean 'GR' (Greece)?"}


@dataclass(frozen=True, slots=True)
class Entity:
    """A country, organisation, person or document with its own index page."""

    kind: str
    """One of :data:`parley.model.ENTITY_KINDS`."""
    key: str
    """Alpha-2 code (upper case) for a country; the slug otherwise."""
    name: str
    """Display name: "Syria", "Mohammad Javad Zarif", "UN Security Council"."""
    description: str
    """One line: a country's official name, a person's role, an organisation's description."""
    aliases: tuple[str, ...]
    """Other names matched in the text (for a country its other names, not cities or demonyms)."""
    country: str | None
    """Alpha-2 code of the state a person serves or an organisation belongs to."""
    short: tuple[str, ...] = ()
    """A person's ambiguous short forms, counted only where the full name is given."""
    synonyms: tuple[str, ...] = ()
    """More words a search finds the entity by: a country's demonyms and capital (its first
    place), a person's short forms."""


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject of the taxonomy and the rules that assign it (see ``data/topics.yaml``)."""

    slug: str
    name: str
    description: str
    terms: tuple[tuple[str, float], ...] = ()
    """(phrase, weight) pairs in file order; a phrase ending in * is a prefix."""
    entities: tuple[tuple[str, float], ...] = ()
    """(entity key, weight) pairs in file order."""
    paragraph: float = 2.0
    """The score a paragraph needs to earn the topic."""
    document: float = 4.0
    """The score the earning paragraphs need together."""


@dataclass(frozen=True, slots=True, eq=False)
class Vocabulary:
    """Every entity and topic, and the matcher that finds them."""

    entities: Mapping[tuple[str, str], Entity]
    """(kind, key) -> entity."""
    topics: tuple[Topic, ...]
    """In file order."""
    matcher: Matcher
    """The compiled patterns of every name, alias, place, exclusion and topic term."""
    country_index: Mapping[str, str] = field(default_factory=dict)
    """Country names, demonyms and places, as written and case-folded -> alpha-2 code."""
    person_index: Mapping[str, str] = field(default_factory=dict)
    """People's names and aliases, case-folded -> slug."""
    layouts: Layouts = field(default_factory=Layouts)
    """Publisher layouts, venues and outlets for the reader (``layouts.yaml``, optional)."""
    person_forms: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """People's full names and aliases by family name (folded) -> (name, slug) pairs: where a
    form of a name that no alias lists is sought (:mod:`parley.vocab.name_forms`)."""

    def country_name(self, code: str) -> str:
        """Short common English name of a country ("Syria"); KeyError if unknown."""
        return self.entities[("country", code)].name

    def entity(self, kind: str, key: str) -> Entity:
        """The entity of a kind and key; KeyError if unknown."""
        return self.entities[(kind, key)]

    def topic(self, slug: str) -> Topic:
        """The topic with a slug; KeyError if unknown."""
        for topic in self.topics:
            if topic.slug == slug:
                return topic
        raise KeyError(slug)

    def resolve_country(self, text: str) -> str | None:
        """Alpha-2 code of a country as a title or place writes it ("the Syrian Arab Republic",
        "Israeli", "of Iraq", "Moscow"); None unless exactly one country is named."""
        plain = _COUNTRY_LEAD.sub("", _SPACES.sub(" ", straighten(text)).strip(" .,;:"))
        code = self.country_index.get(plain) or self.country_index.get(plain.casefold())
        if code:
            return code
        names, _ = scan(text, self.matcher)
        codes = {hit.pattern.key for hit in names if hit.pattern.kind == "country"}
        return codes.pop() if len(codes) == 1 else None

    def canonical_person(self, name: str) -> str | None:
        """Slug of the person a full name or alias stands for ("Mohammed Javad Zarif"), or of
        the one person whose full name or alias it is another form of ("Sergei V. Lavrov",
        "S. Jaishankar", "MOTEGI Toshimitsu": :func:`~parley.vocab.name_forms.same_name`); None
        when no one, or more than one person, has it."""
        plain = _TITLE.sub("", _SPACES.sub(" ", straighten(name)).strip())
        if slug := self.person_index.get(plain.casefold()):
            return slug
        parts = name_parts(plain)
        if len(parts) < 2:
            return None
        slugs = {
            slug for known, slug in self.person_forms.get(parts[-1], ()) if same_name(known, plain)
        }
        return slugs.pop() if len(slugs) == 1 else None


class _Builder:
    """Collects entities and patterns, and reports a name given to two different things."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], Entity] = {}
        self.patterns: list[Pattern] = []
        self.origin: dict[str, tuple[str, str, DataFile, Node | None]] = {}
        self.slugs: dict[str, tuple[DataFile, Node]] = {}

    def name(
        self,
        text: str,
        kind: str,
        key: str,
        file: DataFile,
        node: Node | None,
        given_name: bool = False,
    ) -> None:
        """Add a name, exclusion or short form; a name of two different things is an error."""
        text = straighten(text)
        owner = ("person" if kind == "person-short" else kind, key)
        first = self.origin.get(text)
        if first and first[:2] != owner and not kind == first[0] == "person-short":
            theirs = f"{first[0]} '{first[1]}'" if first[1] else "an exclusion"
            mine = f"{kind} '{key}'" if key else "an exclusion"
            hint = f"first given in {first[2].path}:{node_line(first[3])}"
            file.error(node, DATA_AMBIGUOUS, f"'{text}' names both {theirs} and {mine}", hint)
            return
        if first and first[:2] == owner and first[0] == kind:
            return
        self.origin[text] = (kind, key, file, node)
        self.patterns.append(Pattern(text, kind, key, given_name=given_name))

    def slug(self, slug: str, file: DataFile, node: Node) -> bool:
        """Check a slug's form and that no other person or organisation has it."""
        if not _SLUG.match(slug):
            message = f"slug '{slug}' is not lower-case words joined by hyphens"
            file.error(node, DATA_BAD_SLUG, message)
            return False
        if slug in self.slugs:
            first, where = self.slugs[slug]
            hint = f"first defined in {first.path}:{node_line(where)}"
            file.error(node, DATA_DUPLICATE, f"duplicate slug '{slug}'", hint)
            return False
        self.slugs[slug] = (file, node)
        return True

    def code(self, code: str | None, file: DataFile, node: Node, what: str) -> str | None:
        """``code`` if pycountry knows it as an alpha-2 code; otherwise report it."""
        if code is None or pycountry.countries.get(alpha_2=code) is not None:
            return code
        try:
            guess = pycountry.countries.lookup(code)
            hint = f"did you mean '{guess.alpha_2}' ({guess.name})?"
        except LookupError:
            hint = _NOT_ISO.get(code, "use an ISO 3166-1 alpha-2 code")
        file.error(node, DATA_UNKNOWN_COUNTRY, f"unknown country code '{code}' in {what}", hint)
        return None


def _countries(path: Path, build: _Builder, file: DataFile) -> None:
    """One entity per pycountry country, with the names, demonyms and places the file adds."""
    top = file.top(path)
    given = set(top.texts("given_names")) if top else set()
    added: dict[str, Record] = {}
    listed = top.child("countries") if top else None
    for key_node, value_node in listed.value if isinstance(listed, MappingNode) else ():
        record = file.record(value_node, "country")
        code = build.code(str(key_node.value), file, key_node, "countries")
        if record is not None and code is not None:
            added[code] = record
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code, extra = country.alpha_2, added.get(country.alpha_2)
        official = getattr(country, "official_name", None)
        common = getattr(country, "common_name", None)
        known = [n.removeprefix("the ") for n in (country.name, official, common) if n]
        names = [n for n in known if ", " not in n and "(" not in n]
        names = list(dict.fromkeys([*names, *(extra.texts("names") if extra else ())]))
        display = (extra and extra.optional("name")) or common or (names or [country.name])[0]
        description = (official or country.name).removeprefix("the ")
        aliases = tuple(n for n in names if n != display)
        synonyms = (*extra.texts("people"), *extra.texts("places")[:1]) if extra else ()
        build.entities[("country", code)] = Entity(
            "country", code, display, description, aliases, None, synonyms=synonyms
        )
        words = [*names, *extra.texts("people"), *extra.texts("places")] if extra else names
        for text in words:
            build.name(text, "country", code, file, extra.node if extra else None, text in given)
    for text in sorted(given - {p.text for p in build.patterns}):
        hint = suggest(text, (p.text for p in build.patterns))
        message = f"given name '{text}' is not a country name"
        file.error(top.node if top else None, DATA_UNKNOWN_NAME, message, hint)
    exclusions = top.child("exclude") if top else None
    for node in exclusions.value if isinstance(exclusions, SequenceNode) else ():
        record = file.record(node, "exclusion")
        if record is not None:
            build.name(record.text("text"), "excluded", "", file, node)


def _people(path: Path, build: _Builder, file: DataFile) -> None:
    for node in file.items(path, "people"):
        record = file.record(node, "person")
        if record is None or not build.slug(record.text("slug"), file, node):
            continue
        slug, name = record.text("slug"), record.text("name")
        country = build.code(record.optional("country"), file, node, "person")
        aliases = tuple(a for a in record.texts("aliases") if a != name)
        short = record.texts("short")
        entity = Entity("person", slug, name, record.text("role"), aliases, country, short, short)
        build.entities[("person", slug)] = entity
        for text in (name, *aliases):
            build.name(text, "person", slug, file, node)
        for text in short:
            build.name(text, "person-short", slug, file, node)


def _organisations(path: Path, build: _Builder, file: DataFile) -> None:
    for node in file.items(path, "entities"):
        record = file.record(node, "entity")
        if record is None:
            continue
        kind = record.text("kind")
        if kind not in ("organisation", "document"):
            hint = suggest(kind, ("organisation", "document")) or "use organisation or document"
            file.error(node, DATA_UNKNOWN_KIND, f"unknown kind '{kind}'", hint)
            continue
        if not build.slug(record.text("slug"), file, node):
            continue
        slug, name = record.text("slug"), record.text("name")
        country = build.code(record.optional("country"), file, node, "entity")
        number = record.optional("resolution")
        cited = tuple(form.format(n=number) for form in _CITED) if number else ()
        aliases = tuple(a for a in dict.fromkeys(record.texts("aliases") + cited) if a != name)
        description = record.text("description")
        build.entities[(kind, slug)] = Entity(kind, slug, name, description, aliases, country)
        for text in (name, *aliases):
            build.name(text, kind, slug, file, node)


def _topics(path: Path, build: _Builder, file: DataFile) -> list[Topic]:
    keys = sorted({key for _, key in build.entities})
    topics: list[Topic] = []
    for node in file.items(path, "topics"):
        record = file.record(node, "topic")
        if record is None:
            continue
        slug = record.text("slug")
        if not _SLUG.match(slug) or slug in {t.slug for t in topics}:
            problem = "bad slug" if not _SLUG.match(slug) else "duplicate slug"
            file.error(node, DATA_BAD_SLUG, f"{problem} '{slug}' in topics")
            continue
        for key, _ in record.weights("entities"):
            if key not in keys:
                message = f"topic '{slug}' refers to unknown entity '{key}'"
                file.error(node, DATA_UNKNOWN_ENTITY, message, suggest(key, keys) or _ENTITY_KEYS)
        topic = Topic(
            slug,
            record.text("name"),
            record.text("description"),
            record.weights("terms"),
            tuple((k, w) for k, w in record.weights("entities") if k in keys),
            record.number("paragraph", 2.0),
            record.number("document", 4.0),
        )
        topics.append(topic)
        for term, weight in topic.terms:
            text = straighten(term).removesuffix("*")
            build.patterns.append(Pattern(text, "term", slug, weight, prefix=term.endswith("*")))
    return topics


def load_vocabulary(
    data_dir: Path, max_bytes: int = DEFAULT.file_bytes
) -> tuple[Vocabulary, list[Diagnostic]]:
    """Read the four data files in ``data_dir`` (each at most ``max_bytes``); problems come
    back as diagnostics."""
    diagnostics: list[Diagnostic] = []
    files = {
        name: DataFile(display_path(data_dir / name), diagnostics, max_bytes) for name in FILES
    }
    build = _Builder()
    _countries(data_dir / "countries.yaml", build, files["countries.yaml"])
    _people(data_dir / "people.yaml", build, files["people.yaml"])
    _organisations(data_dir / "organisations.yaml", build, files["organisations.yaml"])
    topics = _topics(data_dir / "topics.yaml", build, files["topics.yaml"])
    countries: dict[str, str] = {}
    people: dict[str, str] = {}
    forms: dict[str, list[tuple[str, str]]] = {}
    for pattern in build.patterns:
        if pattern.kind == "country":
            countries.setdefault(pattern.text, pattern.key)
            countries.setdefault(pattern.text.casefold(), pattern.key)
        elif pattern.kind == "person":
            people.setdefault(pattern.text.casefold(), pattern.key)
            if len(parts := name_parts(pattern.text)) >= 2:
                forms.setdefault(parts[-1], []).append((pattern.text, pattern.key))
    matcher = compile_matcher(build.patterns)
    layouts_path = data_dir / "layouts.yaml"
    layouts = load_layouts(
        layouts_path, DataFile(display_path(layouts_path), diagnostics, max_bytes)
    )
    vocab = Vocabulary(
        build.entities,
        tuple(topics),
        matcher,
        countries,
        people,
        layouts,
        {family: tuple(named) for family, named in forms.items()},
    )
    return vocab, diagnostics
