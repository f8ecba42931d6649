"""Person phrases: "[Demonym] Role [of Country] Name", as titles and speaker labels write them.

:func:`read_person` reads one phrase from tokens ("Deputy Prime Minister and Minister of Foreign
Affairs and Expatriates of the Syrian Arab Republic Walid Muallem"); :func:`counterparts_in`
reads the people named after "with", :func:`role_names` every "Role Name" phrase in a text,
and :func:`person_name` cleans a speaker label down to the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parley.read.memo import per_read
from parley.vocab.gazetteer import countries

# Foreign Minister Sergey Lavrov’s remarks -> "Foreign", "Minister", "Sergey", "Lavrov’s"
TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»]+|[,;:()\[\]\"“”«»]")
# "... news conference with Israeli Foreign Minister Gabriel Ashkenazi"
WITH = re.compile(r"\bwith\s+", re.I)
# "... following talks with Bahraini Foreign Minister ..." (in the text of a news article)
# "... a joint press conference with John Kerry, the U.S. Secretary of State" | "a call with"
TALKS_WITH = re.compile(
    r"\b(?:talks|meeting|met|consultations|negotiations|conversation|conference|call|dinner|"
    r"breakfast|lunch)"
    r"\s+with\s+",
    re.I,
)

#: A person phrase is sought in at most this many characters after "with" ...
PHRASE_MAX = 300
#: ... and at most this many words before the head of a role.
PHRASE_TOKENS = 12
#: Words of a role or office, lower case ("Deputy Prime Minister and Minister of ...").
ROLE_WORDS = frozenset(
    (
        "minister", "ministers", "ministry", "foreign", "prime", "deputy", "first", "president",
        "vice", "secretary", "general", "chancellor", "federal", "affairs", "expatriates", "state",
        "relations", "international", "cooperation", "emigrants", "defence", "defense", "chairman",
        "chairwoman", "chair", "head", "high", "representative", "special", "envoy", "acting",
        "senior", "spokesperson", "spokesman", "spokeswoman", "director", "under", "assistant",
        "commissioner", "ambassador", "king", "crown", "prince", "emir", "sultan", "premier",
        "secretary-general", "under-secretary-general", "counterpart", "mr",
        "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."
    )
)  # fmt: skip
#: Role words that head a role ("Minister", not "Foreign"): where a person phrase is sought.
ROLE_HEADS = frozenset(
    (
        "minister", "president", "spokesperson", "spokesman", "spokeswoman", "secretary",
        "chancellor", "premier", "secretary-general", "prince"
    )
)  # fmt: skip
#: Lower-case words inside a person's name ("Abdullatif bin Rashid Alzayani").
NAME_PARTICLES = frozenset(
    (
        "bin", "bint", "ibn", "al", "el", "de", "del", "da", "di", "du", "van", "von", "der", "den",
        "la", "le", "abu"
    )
)  # fmt: skip
#: Capitalised words that end a name in a Title-Case title ("Sergey Lavrov After Their Meeting").
NAME_STOPS = frozenset(
    (
        "after", "before", "at", "in", "on", "during", "following", "their", "his", "her", "its",
        "the", "to", "for", "from", "with", "and", "of", "a", "an", "ahead", "upon", "regarding",
        "about", "over", "via", "by", "amid", "between", "meeting", "meetings", "talks", "news",
        "press", "conference", "remarks", "interview", "statement", "answers", "visit", "joint",
        "says", "said", "interviews", "meets", "tells", "hosts", "briefing", "briefings", "daily",
        "transcript",
        # a headline's verb after the name ("Retno Marsudi Recalls Its Inception")
        "recalls", "urges", "calls", "warns", "vows", "slams", "rejects", "denies", "welcomes",
        "discusses", "holds", "stresses", "reiterates", "asks", "insists", "praises", "condemns",
        "pledges", "announces", "highlights", "expresses", "receives", "confirms", "blasts",
        # a photograph's credit ("... Foreign Affairs Image Credit: AFP")
        "image", "photo", "credit", "credits"
    )
)  # fmt: skip
#: Words that end a country's (or an organisation's) name introduced by "the" ("the Syrian Arab
#: Republic", "the European Commission").
COUNTRY_ENDS = frozenset(
    (
        "republic", "emirates", "states", "kingdom", "federation", "netherlands", "union",
        "islands", "nations", "philippines", "bahamas", "gambia", "maldives", "comoros",
        "seychelles", "commission", "council", "parliament", "committee", "organization",
        "organisation", "community", "league", "alliance"
    )
)  # fmt: skip
#: Country names of several words that "of" introduces without "the" ("of Saudi Arabia").
COUNTRY_PHRASES = tuple(
    tuple(name.split())
    for name in (
        "bosnia and herzegovina", "trinidad and tobago", "antigua and barbuda",
        "sao tome and principe", "saint kitts and nevis", "papua new guinea",
        "saudi arabia", "south africa", "new zealand", "sri lanka", "north korea",
        "south korea", "costa rica", "el salvador", "burkina faso", "sierra leone",
        "united kingdom", "united states", "czech republic", "dominican republic",
        "north macedonia", "south sudan", "san marino", "equatorial guinea", "cabo verde",
        "cape verde", "viet nam", "hong kong", "puerto rico", "marshall islands",
        "solomon islands", "united arab emirates", "central african republic",
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Person:
    """A person phrase read from tokens: "[Demonym] Role [of Country] Name"."""

    name: str
    """The name, possessive removed ("Sergey Lavrov"); "" when the phrase has none."""
    role: str
    """The role as written ("Foreign Minister"), or ""."""
    country_text: str
    """The country as written: a demonym ("Israeli") or after "of" ("the Kingdom of Bahrain")."""
    end: int
    """Index of the first token after the phrase."""


def capitalised(token: str) -> bool:
    """Whether a token starts with a capital letter."""
    return token[:1].isupper()


def _role(token: str) -> bool:
    """Whether a token is an office word; offices joined by a slash or a hyphen are one
    ("Representative/Vice-President" of the EU's "High Representative/Vice-President",
    "Minister/Secretary"), as ministries and the EU write a double office."""
    lower = token.lower()
    if lower in ROLE_WORDS:
        return True
    if "/" not in lower:
        return False
    parts = lower.replace("-", "/").split("/")
    return all(part in ROLE_WORDS for part in parts if part) and any(parts)


def _stop(token: str) -> bool:
    return token.lower() in NAME_STOPS


def possessive(token: str) -> str | None:
    """ "Lavrov’s" -> "Lavrov", and in an upper-case title "IVANOV'S" -> "IVANOV"; None when the
    token is not possessive."""
    if len(token) > 2 and token[-2:] in ("’s", "'s"):
        return token[:-2]
    if len(token) > 3 and token[-2:] in ("’S", "'S") and token[:-2].isupper():
        return token[:-2]
    return None


def _country_end(tokens: Sequence[str], k: int) -> int:
    """Index after the country name that starts at ``tokens[k]`` (after "of")."""
    lower = [t.lower() for t in tokens]
    the = k < len(tokens) and lower[k] == "the"
    start = k + 1 if the else k
    run = start
    while run < len(tokens) and (capitalised(tokens[run]) or lower[run] in ("of", "the")):
        run += 1
    for phrase in sorted(COUNTRY_PHRASES, key=len, reverse=True):
        if tuple(lower[start : start + len(phrase)]) == phrase:
            return start + len(phrase)
    if the:
        inner = [i for i in range(start, run - 1) if lower[i] == "of"]
        if inner:
            after = inner[-1] + 1 + (lower[inner[-1] + 1] == "the")
            for phrase in COUNTRY_PHRASES:
                if tuple(lower[after : after + len(phrase)]) == phrase:
                    return after + len(phrase)
            return min(after + 1, run)
        ends = [i for i in range(start, run) if lower[i] in COUNTRY_ENDS]
        if ends:
            return ends[-1] + 1
    return min(start + 1, len(tokens))


# Wallström.  |  Ki-moon.  (a word of two letters or more closed by a full stop ends the sentence
# and the name; an initial "J." or an abbreviation "U.S." does not)
SENTENCE_END_WORD = re.compile(r"(?!(?:Jr|Sr|St)\.)[A-Z][a-zà-ÿ'’-]+\.")


def read_person(tokens: Sequence[str], i: int) -> Person:
    """Read "[Demonym] Role [of Country] Name" from ``tokens[i:]``; any part may be empty."""
    n = len(tokens)
    j = i
    while j < n and capitalised(tokens[j]) and not _role(tokens[j]) and not _stop(tokens[j]):
        j += 1
    if j == i or j >= n or not _role(tokens[j]):
        j = i
    k = j
    while k < n and (
        _role(tokens[k])
        or (
            k > j
            and tokens[k].lower() in ("of", "for", "and")
            and k + 1 < n
            and _role(tokens[k + 1])
        )
    ):
        k += 1
    country, role = tokens[i:j], " ".join(tokens[j:k])
    if k > j and j == i and k < n and tokens[k].lower() == "of":
        end = _country_end(tokens, k + 1)
        country, k = tokens[k + 1 : end], end
    name: list[str] = []
    m = k
    while m < n:
        token = tokens[m]
        bare = possessive(token) or token
        particle = token.lower() in NAME_PARTICLES and m + 1 < n and capitalised(tokens[m + 1])
        if not particle and not (capitalised(bare) and not _stop(bare) and not _role(bare)):
            break
        if SENTENCE_END_WORD.fullmatch(bare):
            name.append(bare[:-1])  # "... Margot Wallström. Helsinki, 16 March 2017."
            m += 1
            break
        name.append(bare)
        m += 1
        if bare is not token:
            break
    return Person(" ".join(name), role, " ".join(country), m)


def person_name(label: str) -> str:
    """A speaker's name from a label: role words removed, upper case made title case.

    "President of Russia Vladimir Putin" -> "Vladimir Putin"; "SECRETARY RICE" -> "Rice".
    """
    tokens = TOKEN.findall(label)
    person = read_person(tokens, 0) if tokens else None
    whole = person is not None and (person.end == len(tokens) or tokens[person.end] == ",")
    name = person.name if person and person.name and whole else label
    return name.title() if name.isupper() else name


#: Honorifics before a name: never an office.
HONORIFICS = frozenset(
    ("h.e.", "h.e", "he", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "his", "her",
     "excellency", "sir", "dame", "madam")
)  # fmt: skip
#: Words that join one person met to the next.
JOINERS = frozenset((",", "and"))


def skip_honorifics(tokens: Sequence[str], i: int) -> int:
    """Index of the first token from ``i`` that is not an honorific, "the" or "visiting"."""
    while i < len(tokens) and (
        tokens[i].lower() in HONORIFICS or tokens[i].lower() in ("the", "visiting")
    ):
        i += 1
    return i


def is_country(name: str) -> bool:
    """Whether a word is a country's name (the gazetteer's list of countries)."""
    return countries().is_country(name)


def _country_after(tokens: Sequence[str], i: int) -> tuple[str, int]:
    """ "of Japan" / "of the Russian Federation" / ", Germany" after a person: (country, end)."""
    n = len(tokens)
    if i + 1 < n and tokens[i].lower() == "of":
        j = i + 1
        words = []
        while j < n and (capitalised(tokens[j]) or tokens[j].lower() in ("the", "of", "and")):
            words.append(tokens[j])
            j += 1
        while words and words[-1].lower() in ("the", "of", "and"):
            words.pop()
            j -= 1
        return " ".join(words), j
    if i + 1 < n and tokens[i] == "," and is_country(tokens[i + 1]):
        return tokens[i + 1], i + 2
    return "", i


def _office_word(tokens: Sequence[str], j: int, words: list[str]) -> bool:
    """Whether ``tokens[j]`` goes on an office read after a name: an office word, "for"/"and"
    before a capitalised word and that word ("Minister for Foreign Affairs"), or a demonym
    before an office word ("Russian Deputy Foreign Minister")."""
    token, n = tokens[j], len(tokens)
    after = tokens[j + 1] if j + 1 < n else ""
    return (
        token.lower() in ROLE_WORDS
        or (capitalised(token) and bool(words) and tokens[j - 1].lower() in ("for", "and"))
        or (token.lower() in ("for", "and") and bool(words) and capitalised(after))
        or (not words and capitalised(token) and after.lower() in ROLE_WORDS)
    )


def office_after(tokens: Sequence[str], i: int) -> tuple[str, str, int]:
    """ ", Prime Minister of Belgium" / ", Federal Minister for Foreign Affairs, Germany" after a
    name: (office, country as written, end); ("", "", i) when no office follows."""
    n = len(tokens)
    if i >= n or tokens[i] != ",":
        return "", "", i
    j = i + 1
    if j + 1 < n and tokens[j].lower() in ("the", "a") and capitalised(tokens[j + 1]):
        j += 1  # "John Kerry, the U.S. Secretary of State"
    words: list[str] = []
    while j < n and (
        tokens[j].lower() in ROLE_WORDS
        or (capitalised(tokens[j]) and words and tokens[j - 1].lower() in ("for", "and"))
        or (
            tokens[j].lower() in ("for", "and")
            and words
            and j + 1 < n
            and capitalised(tokens[j + 1])
        )
        or (
            not words
            and capitalised(tokens[j])
            and j + 1 < n
            and tokens[j + 1].lower() in ROLE_WORDS
        )
    ):
        words.append(tokens[j])
        j += 1
    if not any(w.lower() in ROLE_WORDS and w.lower() not in HONORIFICS for w in words):
        return "", "", i
    demonym = words[0] if words[0].lower() not in ROLE_WORDS and len(words) > 1 else ""
    if demonym:
        words = words[1:]  # "the U.S. Secretary of State": the country written before the office
    if j + 1 < n and tokens[j].lower() == "of" and tokens[j + 1] == "State" and demonym:
        return " ".join([*words, "of", "State"]), demonym, j + 2  # Secretary of State
    country, end = _country_after(tokens, j)
    return " ".join(words), country or demonym, end


def read_met(tokens: Sequence[str], i: int = 0) -> tuple[Person, ...]:
    """The people named from ``tokens[i]``: each with an office before or after the name,
    joined by commas and "and"; honorifics skipped; stops at the first phrase that is not one."""
    found: list[Person] = []
    n = len(tokens)
    while i < n:
        i = skip_honorifics(tokens, i)
        person = read_person(tokens, i)
        if person.role and not person.name and person.end + 1 < n and tokens[person.end] == ",":
            # "the President of the United States, Donald Trump," : the name after the office
            named = read_person(tokens, person.end + 1)
            if named.name and not named.role:
                person = Person(named.name, person.role, person.country_text, named.end)
        if not person.name:
            break
        role = "" if person.role.lower() in HONORIFICS else person.role
        country, end = person.country_text, person.end
        if role and not country:
            country, end = _country_after(tokens, end)
        if not role:
            role, written, end = office_after(tokens, end)
            country = country or written
            if role and not country:
                country, end = _country_after(tokens, end)
        elif not country:
            _, written, after = office_after(tokens, end)
            country, end = (written, after) if written else (country, end)
        if not role:
            break
        found.append(Person(person.name, role, country, end))
        i = end
        while i < n and tokens[i].lower() in JOINERS:
            i += 1
    return tuple(found)


def read_counterparts(tokens: Sequence[str]) -> tuple[Person, ...]:
    """The people named from the start of ``tokens``, joined by "and"; each needs a role."""
    found: list[Person] = []
    i = 0
    while i < len(tokens):
        person = read_person(tokens, i)
        if not (person.name and person.role):
            break
        found.append(person)
        i = person.end
        if i >= len(tokens) or tokens[i].lower() != "and":
            break
        i += 1
    return tuple(found)


def counterparts_in(text: str, *, pattern: re.Pattern[str] = WITH) -> tuple[Person, ...]:
    """The counterparts named after the first "with" (``pattern``) that introduces any: each
    with an office before or after the name (:func:`read_met`)."""
    for match in pattern.finditer(text):
        found = read_met(TOKEN.findall(text[match.end() : match.end() + PHRASE_MAX]))
        if found:
            return found
    return ()


def role_names(text: str, *, min_words: int = 1) -> list[Person]:
    """Every "[Demonym] Role Name" phrase in ``text`` whose role has a head ("Minister")."""
    return list(_role_names(text, min_words))


@per_read
def _role_names(text: str, min_words: int) -> tuple[Person, ...]:
    """:func:`role_names`, once per read for the same text."""
    tokens = TOKEN.findall(text)
    found: list[Person] = []
    h = 0
    while h < len(tokens):
        if tokens[h].lower() not in ROLE_HEADS or not capitalised(tokens[h]):
            h += 1
            continue
        start = h
        while (
            start > max(0, h - PHRASE_TOKENS)
            and capitalised(tokens[start - 1])
            and not _stop(tokens[start - 1])
        ):
            start -= 1
        person = read_person(tokens, start)
        # "State Department Spokesperson": a capitalised word right before an office word is
        # part of the office, not a name ("Ned Price, State Department Spokesperson")
        office_goes_on = person.end < len(tokens) and _role(tokens[person.end])
        if person.role and len(person.name.split()) >= min_words and not office_goes_on:
            found.append(person)
        h = max(person.end, h + 1)
    return tuple(found)
