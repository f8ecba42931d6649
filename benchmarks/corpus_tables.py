"""The tables the benchmark corpus is drawn from: ``corpus_tables.yaml`` read once, and the
counterpart countries and people it names.

In: ``benchmarks/corpus_tables.yaml`` (plain data: edit there, not here) and pycountry's names.
Out: the tables as constants, :func:`load_countries` and :func:`load_people`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry
import yaml

#: The tables the documents are drawn from: plain data, edited in ``corpus_tables.yaml``.
TABLES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("corpus_tables.yaml")).read_text(encoding="utf-8")
)
#: What a sample says about its own counterpart, swapped for placeholders (longest first).
HOST_TERMS: dict[str, str] = TABLES["host_terms"]
#: The war every sample discusses, swapped per document for one of THEMES.
THEME_TERMS: str = TABLES["theme_terms"]
#: Countries whose conflict replaces Syria's in half the documents.
THEMES: tuple[str, ...] = tuple(TABLES["themes"])
#: Share of each kind of document (``model.KINDS``; "article" is a news article).
KIND_WEIGHTS: dict[str, float] = TABLES["kinds"]
LANGUAGE_SETS: tuple[str, ...] = tuple(TABLES["language_sets"])
#: Fictional news outlets that interview the minister, and what they are.
OUTLETS: tuple[str, ...] = tuple(TABLES["outlets"])
MEDIA: tuple[str, ...] = tuple(TABLES["media"])
BRIEFING_HEADINGS: tuple[str, ...] = tuple(TABLES["briefing_headings"])
SPEECH_EVENTS: tuple[str, ...] = tuple(TABLES["speech_events"])
NEWS_HEADLINES: tuple[str, ...] = tuple(TABLES["news_headlines"])


@dataclass(frozen=True, slots=True)
class Country:
    """A counterpart country: names from pycountry, the rest from corpus_tables.yaml."""

    code: str
    """ISO 3166-1 alpha-2 code."""
    name: str
    """Common name ("Iran", "Bahrain")."""
    official: str
    """Name as a title writes it after "of": "the Kingdom of Bahrain", "Japan"."""
    adjective: str
    """"Bahraini"; also stands for the people ("Bahraini people")."""
    capital: str
    """Capital city: a place of events and a stand-in for the government ("Moscow and Manama")."""
    language: str
    """Language journalists' questions are translated from."""
    slug: str
    """Safe slug of the name, used in file names."""


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Türkiye" -> "turkiye"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def load_countries() -> tuple[Country, ...]:
    """The counterpart countries in table order, named by pycountry."""
    found = []
    for row in TABLES["countries"]:
        code, adjective, capital, language = (
            row["code"],
            row["adjective"],
            row["capital"],
            row["language"],
        )
        record = pycountry.countries.get(alpha_2=code)
        assert record is not None, f"corpus_tables.yaml: {code} is not an ISO 3166 code"
        name = getattr(record, "common_name", None) or record.name
        official = getattr(record, "official_name", None) or record.name
        official = name if official == name else f"the {official}"
        found.append(Country(code, name, official, adjective, capital, language, slug(name)))
    return tuple(found)


def load_people() -> tuple[tuple[str, str], ...]:
    """The fictional counterparts as (name, role)."""
    return tuple((row["name"], row["role"]) for row in TABLES["people"])
