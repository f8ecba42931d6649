"""The dateline that opens a news report: where it was filed, on which day, by which agency.

A news agency's report opens with a dateline before its first sentence, in a few shapes that
every outlet shares (whatever its name):

- ``MOSCOW, April 13. /TASS/. The results ...``
- ``WASHINGTON, March 11 (Xinhua) -- Chinese Foreign Minister ...``
- ``BEIJING, Aug. 28 -- The United States ...`` / ``ANKARA — Turkish foreign minister ...``
- ``Berlin (dpa) - US-Außenminister ...`` / ``New York [USA], Sept 26 (ANI): External ...``
- ``ANKARA (UrduPoint News / Sputnik - 14th August, 2018) Russian ...``
- ``Ankara, Türkiye — Turkish Foreign Minister ...`` / ``Tehran, IRNA : ...``
- ``NUR-SULTAN. KAZINFORM A briefing ...`` (Kazinform, and the Russian agencies' "MOSCOW. TASS")
- ``GENEVA | Secretary of State ...`` (The Washington Times) / ``(MENAFN- Kuwait News Agency
  (KUNA)) TOKYO, Sept 14 (KUNA) -- ...`` (a distributor's credit before the agency's dateline)
- ``ABU DHABI, 9th November, 2020 (WAM) -- ...`` (an ordinal day) / ``Accra, March 14, GNA -
  ...`` (an agency's acronym after the date, no brackets) / ``KYIV, March 19, 2024. Ukraine's
  ...`` (a full date closed by a full stop: only after a year, and a city the gazetteer knows)

:func:`read_dateline` reads one: the city (and a country or state written beside it), the month
and day (a year only when printed), and the agency in brackets or slashes. A city in capitals
needs a dash, colon or agency after it, and when it has only a dash or colon (no agency, date or
country), a name the gazetteer knows as a city ("TEHRAN –" is one; an editor's note "(ATTN:
RECASTS headline ...)" has the same shape); a city in ordinary case needs an agency, a date or its
country too, so that a caption ("Mr Putin - confident with the media") or a label ("Jiang: Good
afternoon") is never a dateline. An agency in ordinary case must be a known outlet
(``data/layouts.yaml``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from parley.read.dates import MONTH, MONTHS, find_stamp
from parley.read.memo import per_read
from parley.vocab.gazetteer import countries, gazetteer

# NEW DELHI  |  ST. PETERSBURG  |  RIO DE JANEIRO  |  Berlin  |  New York  |  Rostov-on-Don
_CAPS_CITY = r"[A-Z][A-Z'’.-]+(?: (?:[A-Z][A-Z'’.-]*|de|la|al|el|on))?(?: [A-Z][A-Z'’.-]+)?"
_TITLE_CITY = r"[A-Z][a-z'’.-]+(?: (?:[A-Z][a-z'’.-]+|de|la|al|el|on))?(?: [A-Z][a-z'’.-]+)?"
DATELINE = re.compile(
    rf"^\(?(?P<city>{_CAPS_CITY}|{_TITLE_CITY})\)?"
    # New York [USA]  |  WASHINGTON, D.C.  |  Moscow, Russia (only before a date or agency)
    r"(?: \[(?P<region>[^\]]{2,30})\]|, (?P<region2>(?:[A-Z][\w.]*\.?)(?: [A-Z][\w.]+)?)"
    r"(?=,| \(| ?(?:--|[-–—:]) | (?:--|[-–—])(?=[A-Z])))?"
    # , April 13  |  , Sept 26  |  , 13 April  |  , April 13, 2017  |  , 9th November, 2020
    # (or after a dash: "CAIRO - 5 February 2022: Egyptian ...")
    rf"(?:(?:,? | [-–—] (?=\d))(?:(?P<month>{MONTH}) (?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?P<month2>{MONTH}),?)"
    r"(?:,? (?P<year>(?:19|20)\d\d))?\.?)?"
    # (Xinhua)  |  . /TASS/.  |  (UrduPoint News / Sputnik - 14th August, 2018)  |  , GNA (an
    # agency's acronym after the date, with no brackets: "Accra, March 14, GNA - ...")
    # (MULTAN (Sunday, 10 March, 2019) – : a date in the brackets is read as the dateline's date;
    # "YEREVAN, MAY 23, ARMENPRESS. Minister ...": the acronym closed by a full stop)
    r"(?: ?\((?P<agency>[^()]{2,80})\)| ?/(?P<agency2>[A-Za-z. -]{2,30})/\.?"
    r"|, (?P<agency3>[A-Z]{2,12})(?= ?(?:--|[-–—:]) |\. (?=[A-Z]))\.?)?"
    # --  |  -  |  —  |  :  |  "GENEVA | Secretary" (or nothing after an agency)  |  " -Foreign"
    # (no space after the dash)  |  "KYIV, March 19, 2024. Ukraine's ..." (a full stop after a
    # full date, then the first sentence: only after a date with its year, checked below)
    r"(?P<end> ?(?:--|[-–—:]) | \| | (?=[A-Z“\"'‘])| (?:--|[-–—])(?=[A-Z]))"
)
# (MENAFN- Kuwait News Agency (KUNA)) TOKYO, Sept 14 (KUNA) --  (a distributor's credit in
# brackets before the agency's own dateline)
DISTRIBUTOR = re.compile(r"^\((?:[^()]|\([^()]{1,40}\)){2,80}\) (?=[A-Z])")
# NUR-SULTAN. KAZINFORM A briefing ...  (the city, a full stop, the agency in capitals)
CITY_DOT_AGENCY = re.compile(
    r"^(?P<city>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?)\. (?P<agency>[A-Z]{3,12}) (?=[A-Z“\"'‘])"
)
#: An agency written in capitals ("ANI", "MNA") is taken as one without being listed.
ACRONYM = re.compile(r"^[A-Z]{2,12}$")
#: A city in ordinary case before a colon and nothing else ("Dubai: UAE State Minister ...") is a
#: dateline only when the gazetteer knows a city of that name with at least this many people (a
#: capital or a large city, as South Asian and Gulf papers write them: "Islamabad:", "Muscat:").
COLON_CITY_MIN = 100_000
# Ankara  |  New York  (a line that is only a city, in capitals: "ANKARA" above Anadolu's lead)
CITY_ALONE = re.compile(rf"(?P<city>{_CAPS_CITY})")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says."""

    city: str
    """As written, in ordinary case ("Moscow", "New Delhi")."""
    region: str | None
    """A country or state written beside the city ("USA", "D.C."), or None."""
    month: int | None
    day: int | None
    year: int | None
    """Printed only by some datelines; else None."""
    agency: str | None
    """The agency named in it ("Xinhua", "TASS"), or None."""
    end: int
    """Where the report's first sentence begins."""


def _city(written: str) -> str:
    """A city in capitals in ordinary case ("NEW DELHI" -> "New Delhi"); ordinary case kept."""
    if not written.isupper():
        return written
    words = []
    for word in written.split():
        parts = word.split("-")
        words.append("-".join(p.capitalize() if len(p) > 2 else p.lower() for p in parts))
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def _agency(written: str | None, outlets: frozenset[str]) -> str | None:
    """The agency in a dateline's brackets if it is one: a listed outlet (or a part of the
    brackets that is: "UrduPoint News / Sputnik - 14th August, 2018") or an acronym."""
    if written is None:
        return None
    for part in re.split(r"\s*[/,]\s*|\s+-\s+", written.strip()):
        if part.casefold() in outlets or ACRONYM.match(part):
            return part
    return None


@per_read
def read_dateline(text: str, outlets: frozenset[str] = frozenset()) -> Dateline | None:
    """The dateline opening ``text`` (whitespace folded), or None; see the module docstring.
    ``outlets``: known outlet names, case-folded. A distributor's credit in brackets before it
    ("(MENAFN- Kuwait News Agency (KUNA)) TOKYO, Sept 14 (KUNA) --") is passed over when what
    follows is a dateline with its date or agency."""
    credited = DISTRIBUTOR.match(text) if text[:1] == "(" else None
    if credited is not None:
        after = _read_dateline(text[credited.end() :], outlets)
        if after is not None and (after.agency or after.month):
            return replace(after, end=after.end + credited.end())
    return _read_dateline(text, outlets)


def _read_dateline(text: str, outlets: frozenset[str]) -> Dateline | None:
    if (dotted := CITY_DOT_AGENCY.match(text)) is not None:
        return Dateline(
            _city(dotted["city"]), None, None, None, None, dotted["agency"], dotted.end()
        )
    match = DATELINE.match(text)
    if match is None:
        return None
    written = match["agency"] or match["agency2"] or match["agency3"]
    agency = _agency(written, outlets)
    bracket_date = _bracket_date(match["agency"]) if agency is None else None
    if written is not None and agency is None and bracket_date is None:
        return None  # "Jung (right) - ..." is a caption
    region = match["region"] or match["region2"]
    if written is None and match["region2"] and _agency(match["region2"], outlets):
        agency, region = _agency(match["region2"], outlets), None  # "Tehran, IRNA :"
    month_name = match["month"] or match["month2"]
    dated = month_name is not None
    capitals = match["city"].replace(" ", "").replace("-", "").replace(".", "").isupper()
    end = match["end"].strip()
    if not capitals and not (agency or dated or region or bracket_date) and not _colon_city(match):
        return None  # "Mr Putin - confident ..." / "Jiang: Good afternoon"
    full_stop = match["year"] is not None and text[match.start("end") - 1] == "."
    if not end and not agency and not full_stop:
        return None  # "MOSCOW The ..." without a dash or agency is not a dateline
    if not end and not agency and _known(_city(match["city"])) is None:
        return None  # "In March 19, 2024. The ..." is a sentence: the full stop needs a city
    if capitals and len(match["city"].replace(" ", "")) < 3:
        return None
    if capitals and not (agency or dated or region) and _known(_city(match["city"])) is None:
        return None  # "(ATTN: RECASTS headline ..." is an editor's note, not a place
    day = match["day"] or match["day2"]
    month = MONTHS.get(month_name.lower().rstrip(".")) if month_name else None
    if day is not None and not 1 <= int(day) <= 31:
        return None
    year = int(match["year"]) if match["year"] else None
    if bracket_date is not None:
        year, month, day = bracket_date.year, bracket_date.month, str(bracket_date.day)
    city = _city(match["city"])
    city = city_state(city) or city  # "KUWAIT:" is Kuwait City
    if region and gazetteer().city(city) is None and gazetteer().city(region) is not None:
        city, region = region, None  # "United Nations, New York, Sept 14, IRNA --"
    return Dateline(
        city=city,
        region=region,
        month=month,
        day=int(day) if day else None,
        year=year,
        agency=agency,
        end=match.end(),
    )


def city_state(name: str) -> str | None:
    """The capital a country's name stands for in a dateline when the two share the name
    ("SINGAPORE :" is Singapore, "KUWAIT:" Kuwait City, "PANAMA -" Panama City), else None."""
    code = countries().code(name) if countries().is_country(name) else None
    capital = countries().capital(code) if code else None
    if capital and capital.casefold() in (name.casefold(), f"{name} city".casefold()):
        return capital
    return None


def _known(city: str) -> str | None:
    """The name a dateline's city is known by: the gazetteer's city, or a city-state's capital."""
    found = gazetteer().city(city)
    return found.name if found is not None else city_state(city)


def _bracket_date(written: str | None) -> dt.date | None:
    """The date a dateline's brackets hold instead of an agency ("MULTAN (Sunday, 10 March, 2019)
    –"), or None."""
    if written is None or not any(c.isdigit() for c in written):
        return None
    found = find_stamp(written)
    return dt.date.fromisoformat(found.stamp.date) if found and found.stamp.date else None


def _colon_city(match: re.Match[str]) -> bool:
    """Whether a city in ordinary case before a colon alone is a dateline ("Dubai: UAE State
    Minister ...", "Muscat: Yusuf bin Alawi ..."): a large city the gazetteer knows."""
    if match["end"].strip() != ":" or match["region"] or match["region2"]:
        return False
    found = gazetteer().city(match["city"])
    if found is None:
        return city_state(match["city"]) is not None  # "Singapore:" (a city-state)
    return found.population >= COLON_CITY_MIN


def city_alone(line: str) -> str | None:
    """The city a line holds alone, in capitals ("ANKARA" on the line above Anadolu's lead), when
    the gazetteer knows it; else None."""
    line = line.strip()
    if not line.isupper() or CITY_ALONE.fullmatch(line) is None:
        return None
    city = _city(line)
    return city if gazetteer().city(city) is not None else None
