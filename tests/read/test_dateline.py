"""The dateline opening a news report (``parley.read.dateline``): examples from real reports of
many outlets, what is never a dateline, and properties over generated datelines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.read.dateline import Dateline, city_alone, city_state, read_dateline

OUTLETS = frozenset(
    {"xinhua", "tass", "dpa", "sputnik", "reuters", "the hawk", "urdupoint news", "yonhap"}
)


@pytest.mark.parametrize(
    ("text", "city", "region", "month", "day", "agency"),
    [
        ("MOSCOW, April 13. /TASS/. The results of Wednesday’s negotiations", "Moscow", None, 4,
         13, "TASS"),
        ("WASHINGTON, March 11 (Xinhua) -- Chinese Foreign Minister Yang Jiechi", "Washington",
         None, 3, 11, "Xinhua"),
        ("BEIJING, Dec. 12 (Xinhua) -- Chinese Vice Foreign Minister", "Beijing", None, 12, 12,
         "Xinhua"),
        ("BEIJING, Aug. 28 -- The United States should stop", "Beijing", None, 8, 28, None),
        ("ANKARA — Turkish foreign minister Mevlut Cavusoglu", "Ankara", None, None, None, None),
        ("Berlin (dpa) - US-Außenminister John Kerry hat", "Berlin", None, None, None, "dpa"),
        ("New York [USA], Sept 26 (ANI): External Affairs Minister", "New York", "USA", 9, 26,
         "ANI"),
        ("ANKARA (UrduPoint News / Sputnik - 14th August, 2018) Russian Foreign Minister",
         "Ankara", None, None, None, "UrduPoint News"),
        ("Moscow (The Hawk): On Tuesday, Russian Foreign Minister", "Moscow", None, None, None,
         "The Hawk"),
        ("NEW DELHI, Oct 5 (Reuters) - India's foreign minister", "New Delhi", None, 10, 5,
         "Reuters"),
        ("ST. PETERSBURG, June 4 - The leaders met", "St. Petersburg", None, 6, 4, None),
        ("Ankara, Türkiye — Turkish Foreign Minister Hakan Fidan", "Ankara", "Türkiye", None,
         None, None),
        ("Tehran, IRNA : Iran's foreign minister said", "Tehran", None, None, None, "IRNA"),
        # Kazinform 2022: city, full stop, agency in capitals
        ("NUR-SULTAN. KAZINFORM A briefing by Deputy Minister of Foreign Affairs Adil Tursunov",
         "Nur-Sultan", None, None, None, "KAZINFORM"),
        ("SEOUL, Jan. 15 (Yonhap) -- South Korean Foreign Minister Yu Myung-hwan embarked",
         "Seoul", None, 1, 15, "Yonhap"),
        ("TEHRAN, Aug. 07 (MNA) – Foreign Ministry Spokesman Bahram Ghasemi attended", "Tehran",
         None, 8, 7, "MNA"),
        ("SEOUL (Reuters) - South Korea’s Foreign Minister Yun Byung-se will speak", "Seoul",
         None, None, None, "Reuters"),
        # KUNA via MENAFN: the distributor's credit in brackets, then the agency's dateline
        ("(MENAFN- Kuwait News Agency (KUNA)) TOKYO, Sept 14 (KUNA) -- Japan's new Foreign "
         "Minister", "Tokyo", None, 9, 14, "KUNA"),
        # The Washington Times: a bar after the city
        ("GENEVA | Secretary of State Hillary Rodham Clinton and Russian Foreign Minister",
         "Geneva", None, None, None, None),
        # AsiaOne: no space after the dash
        ("NAYPYITAW, Myanmar -Foreign Minister Fumio Kishida and his Chinese counterpart",
         "Naypyitaw", "Myanmar", None, None, None),
        # WAM: an ordinal day and a comma after the month, the year, the agency in brackets
        ("ABU DHABI, 9th November, 2020 (WAM) -- The UAE has chaired a joint meeting",
         "Abu Dhabi", None, 11, 9, "WAM"),
        # GNA: the agency's acronym after the date, without brackets
        ("Accra, March 14, GNA - The Minister of Foreign Affairs says Ghana", "Accra", None, 3,
         14, "GNA"),
        # a full date closed by a full stop, then the first sentence
        ("KYIV, March 19, 2024. Ukraine’s Minister of Foreign Affairs hosted a live briefing",
         "Kyiv", None, 3, 19, None),
        # Armenpress: the agency's name in capitals after the date, closed by a full stop
        ("YEREVAN, MAY 23, ARMENPRESS. Minister of Foreign Affairs of Armenia Ararat Mirzoyan",
         "Yerevan", None, 5, 23, "ARMENPRESS"),
        # a large city in ordinary case before a colon alone (Gulf News, Oman Observer, Dawn)
        ("Dubai: UAE State Minister for Foreign Affairs Dr Anwar Gargash lambasted", "Dubai",
         None, None, None, None),
        ("Muscat: Yusuf bin Alawi bin Abdalla, Minister Responsible for Foreign Affairs",
         "Muscat", None, None, None, None),
        # Radio Pakistan: the date in brackets after the city, then a dash
        ("MULTAN (Sunday, 10 March, 2019) – Foreign Minister Makhdoom Shah Mahmood Qureshi",
         "Multan", None, 3, 10, None),
        # Egypt Today: the full date between the dash and the colon
        ("CAIRO - 5 February 2022: Egyptian Foreign Minister Sameh Shoukry underlined", "Cairo",
         None, 2, 5, None),
        # IRNA: an institution before the city; the city is the place
        ("United Nations, New York, Sept 14, IRNA -- Foreign Minister Kamal Kharrazi", "New York",
         None, 9, 14, "IRNA"),
    ],
)  # fmt: skip
def test_datelines_of_real_reports(
    text: str, city: str, region: str | None, month: int | None, day: int | None,
    agency: str | None,
) -> None:  # fmt: skip
    found = read_dateline(text, OUTLETS)
    assert found is not None
    assert (found.city, found.region, found.month, found.day, found.agency) == (
        city, region, month, day, agency,
    )  # fmt: skip
    assert text[found.end :][:1].isupper() or text[found.end :][:1] in '“"'


@pytest.mark.parametrize(
    "text",
    [
        "Mr Putin - confident with the media",  # a caption
        "German Defense Minister Jung (right) met with Russian Foreign Minister Lavrov",
        "Jiang: Good afternoon, ladies and gentlemen.",  # a turn label
        "Lavrov said that in his talks in the defense ministry he also raised fears.",
        "Jung (right) - Lavrov (left) in Berlin",  # brackets that name no agency
        "The United States should stop making waves",
        "US Secretary of State Hillary Clinton presents Foreign Minister Sergei Lavrov",
        # an editor's note above a Yonhap report: capitals and a colon, but no city
        "(ATTN: RECASTS headline, lead paras to highlight Yu's departure for Japan)",
        # brackets before a line that is no dateline are not passed over
        "(Reuters) The minister said",
        "Mr Putin -Confident with the media",  # no space after the dash: still a caption
        "Home | News | World",  # a menu: a bar after a word that is no city in capitals
        "UPDATE: Officials say the talks will resume",
        # a full stop after a date ends a dateline only after its year, and only after a city
        "Kyiv, March 19. Ukraine’s minister spoke",
        "In March 19, 2024. The minister spoke",
        # an acronym after a comma is an agency only before the dash
        "Accra, March 14, GNA said the minister",
        # a colon after a word that is no large city is a label, not a dateline
        "Jiang: Good afternoon, ladies and gentlemen.",
        "Wang: We have noted the reports.",
        # brackets holding neither an agency nor a date
        "MULTAN (all of it) – The minister spoke",
    ],
)
def test_what_is_not_a_dateline(text: str) -> None:
    assert read_dateline(text, OUTLETS) is None


CITIES = st.sampled_from(["MOSCOW", "NEW DELHI", "WASHINGTON", "Berlin", "New York", "ANKARA"])
MONTHS = st.sampled_from(["January", "Feb.", "March", "Sept", "Dec.", "Aug."])
AGENCIES = st.sampled_from(["Xinhua", "TASS", "dpa", "ANI", "Reuters"])
ENDS = st.sampled_from([" --", " -", " —", ":"])
SENTENCES = st.from_regex(r"[A-Z][a-z]{1,10}( [a-z]{1,10}){0,8}\.", fullmatch=True)


@given(CITIES, MONTHS, st.integers(1, 31), AGENCIES, ENDS, SENTENCES)
def test_generated_datelines_give_back_their_parts(
    city: str, month: str, day: int, agency: str, end: str, sentence: str
) -> None:
    text = f"{city}, {month} {day} ({agency}){end} {sentence}"
    found = read_dateline(text, OUTLETS)
    assert isinstance(found, Dateline)
    assert found.city.casefold() == city.casefold()
    assert found.day == day and found.agency == agency
    assert text[found.end :] == sentence  # the first sentence is left whole


@given(st.text(max_size=120))
def test_never_raises_and_ends_inside_the_text(text: str) -> None:
    found = read_dateline(text, OUTLETS)
    if found is not None:
        assert 0 < found.end <= len(text)
        assert found.city


def test_the_year_in_a_dateline_s_brackets_is_read() -> None:
    found = read_dateline("MULTAN (Sunday, 10 March, 2019) – Foreign Minister Qureshi says")
    assert found is not None
    assert (found.year, found.month, found.day) == (2019, 3, 10)


@pytest.mark.parametrize(
    ("line", "city"),
    [("ANKARA", "Ankara"), ("NEW DELHI", "New Delhi"), ("Ankara", None), ("WORLD", None)],
)
def test_a_city_alone_on_a_line_in_capitals(line: str, city: str | None) -> None:
    assert city_alone(line) == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a city-state's dateline names the country; the place is its capital
        ("SINGAPORE : Asean member states have expressed concern over the spat", "Singapore"),
        ("KUWAIT: Deputy Foreign Minister Khaled Al-Jarallah denied reports", "Kuwait City"),
        ("Singapore: Foreign Minister Vivian Balakrishnan said on Thursday", "Singapore"),
    ],
)
def test_a_city_state_s_dateline_is_its_capital(text: str, city: str) -> None:
    found = read_dateline(text, OUTLETS)
    assert found is not None and found.city == city


def test_a_country_that_is_no_city_state_is_no_dateline() -> None:
    assert read_dateline("JORDAN - The king received the minister", OUTLETS) is None
    assert city_state("Egypt") is None
