"""Opening remarks, questions and answers: the body of a transcript as numbered paragraphs.

:func:`read_body` takes the lines after the head and returns the turns, with every
paragraph numbered from 1 across the document (the permalink ``#p{n}``), plus the lines it
dropped (photo credits, "* * *" separators, footnotes, site chrome) so nothing is lost.

Paragraphs are separated by blank lines. Inside a block of lines without blank lines, a
line longer than :data:`WRAP_WIDTH` means one paragraph per line (a news article); shorter
lines are hard-wrapped text and are joined, a new paragraph starting at a label, a list
item, or after a line much shorter than the block's longest.

A label opens a turn only when it is strict (:func:`read_label`) and the document makes it
credible (:func:`_credible`), so prose such as "Here is a case in point:" stays text.

What a label is, beyond a name or word and a colon (each shape seen at two publishers or more):

- a bare "Q" that the question follows after a dot or spaces, no colon: White House transcripts
  ("Q    An awful big smile"), EEAS remarks ("Q. Do you have ..."), old State Department pages.
  A single capital Q before a capitalised sentence opens no English sentence, so it is a label
  wherever it stands (:func:`_bare_question`). Where such questions are the only labels, the
  unlabelled paragraphs after each question are the answer of the document's speaker.
- not a field of the page's head: "Subjects: ASEAN Summit; US alliance; AUKUS" (DFAT), "Topics:",
  "Tags:" list short items between semicolons; nobody speaks a list of topics
  (:func:`_lists_topics`);
- not a banner: no name, office or question word has a digit ("UNITED24 - Make a charitable
  donation ..." above a State Department transcript; "COVID19: ..." headings);
- not a dateline: "Riyadh, SPA :" or "Doha, Aug 3 (BNA):" (a city, then the agency, then the
  report) reads like "Surname, Outlet"; a first part that is a city the gazetteer knows makes it
  a dateline, whoever's agency follows (:func:`_is_dateline`).
- an office may end the label in lower case, as in a sentence: "Department of State spokesperson
  (00:43):", "Foreign ministry spokesperson:"; a time code in brackets after a label is where a
  recording's transcript (Rev and the like) stands, no part of who speaks.
- a recording's transcript names a voice it cannot put a name to "Speaker 1", "Speaker 2": a
  label with its number (:data:`NUMBERED_SPEAKER`), the one digit a label may hold.
- a label alone on its line may qualify its first word in lower case: "Wartawan asing:" (a
  foreign journalist) in an Indonesian transcript (:func:`_alone_on_its_line`).
- a person, then their office, then the institution, two commas apart: "Dr Ayanda Ntsaluba,
  Director-General, Department of International Relations and Cooperation" (DIRCO), "Mr. Masato
  Ohtaka, Deputy Press Secretary, Ministry of Foreign Affairs" (MOFA Japan): the office part
  holds an office word (:func:`_name_office_institution`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from parley.model import Dropped, Paragraph, Turn, TurnKind
from parley.read.header import CHROME_LINES
from parley.read.persons import NAME_PARTICLES, ROLE_HEADS, ROLE_WORDS, person_name
from parley.vocab.gazetteer import countries, gazetteer

# Question (addressed to all ministers): Very intensive ...  |  Sergey Lavrov: ...  |  Q: ...
# Question – ...  |  H.E. FULL NAME - ...  |  Zhang, Xinhua: ...  (a dash only after a question
# word or an upper-case name)
LABEL = re.compile(
    r"^(?P<label>(?P<name>(?:[^\W\d_][\w'’.-]{0,40},? ){0,9}(?:[^\W\d_][\w'’.-]{0,40}|\d{1,2}))"
    r"(?: ?\((?P<qualifier>[^()]{1,120})\))?)(?P<end> ?:| [–—-])(?: (?P<rest>.*))?$"
)
# FOREIGN MINISTER LAVROV: (In Russian, through interpreter) Thank you. -> after the colon
LEADING_QUALIFIER = re.compile(r"^\((?P<qualifier>[^()]{1,120})\)(?: (?P<rest>.*))?$")
# * * *  |  ***
SEPARATOR = re.compile(r"^\*(?: ?\*){2,}$")
# *A terrorist group outlawed in Russia and many other countries.
FOOTNOTE = re.compile(r"^\*+[^\s*]")
# • first item  |  - first item  |  1. first item  |  2) second item
LIST_ITEM = re.compile(r"^(?:[•·▪–—*-] |\d{1,3}[.)] )")

#: Label words that open a question turn (compared in lower case).
QUESTION_WORDS = frozenset({"question", "questions", "q", "journalist", "correspondent", "вопрос"})
#: Label words that open an answer by the main speaker.
ANSWER_WORDS = frozenset({"answer", "a", "ответ"})
#: Lower-case words allowed inside a speaker label ("President of Russia Vladimir Putin").
LABEL_CONNECTORS = NAME_PARTICLES | {"of", "the", "for"}
#: First words that mark prose, not a name ("In Syria: ..."), unless the label is upper case.
PROSE_STARTS = frozenset(
    (
        "the", "in", "on", "at", "as", "for", "to", "from", "with", "this", "that", "these",
        "those", "there", "here", "it", "we", "i", "our", "my", "and", "but", "so", "if", "when",
        "what", "why", "how", "first", "second", "third", "firstly", "secondly", "finally", "note",
        "example", "also", "yes", "no", "now", "then", "thus", "however", "moreover", "please",
        "today", "yesterday", "tomorrow", "subject", "subjects", "source", "sources", "update",
        "updated",
        "photo", "video", "read", "see", "tags", "topic", "topics", "keywords", "summary",
        "background", "translation", "transcript",
        # "source" in the languages whose question and answer words data/layouts.yaml lists: a
        # credit line ("Fuente: Published by Prensa Latina", "Quelle: dpa"), never a speaker
        "fuente", "fuentes", "fonte", "fontes", "quelle", "quellen", "fonti", "kaynak",
    )
)  # fmt: skip
#: At most this many capitalised words in a speaker label.
LABEL_MAX_CAPITALS = 6
#: ... and this many more when the label holds an office: a country, the office and a name of
#: three words ("United States Secretary of State Antony J. Blinken:").
OFFICE_CAPITALS = 2


def _max_capitals(tokens: Sequence[str]) -> int:
    """How many capitalised words a speaker label may have (:data:`LABEL_MAX_CAPITALS`, more
    with an office)."""
    office = any(t.casefold() in ROLE_HEADS for t in tokens)
    return LABEL_MAX_CAPITALS + (OFFICE_CAPITALS if office else 0)


# Speaker 1  |  Speaker 12  (a recording's transcript: a voice it names by number)
NUMBERED_SPEAKER = re.compile(r"^Speaker \d{1,2}$")
# (00:43)  |  (01:02:03)  (a recording's time code after a label)
TIME_CODE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
#: A block with a line longer than this holds one paragraph per line.
WRAP_WIDTH = 120
#: A heading is a single line at most this long, with at most this many words.
HEADING_MAX_CHARS, HEADING_MAX_WORDS = 160, 24
_NOT_HEADING_END = tuple(".,;:!?…")


@dataclass(frozen=True, slots=True)
class Label:
    """A turn label at the start of a paragraph."""

    text: str
    """The label as written, without the final colon ("Question (for both ministers)")."""
    name: str
    """The name part ("Question", "Sergey Lavrov", "FOREIGN MINISTER LAVROV")."""
    qualifier: str
    """The bracketed qualifier, or ""."""
    rest: str
    """The text after the label on the same line."""
    kind: str
    """``question``, ``answer`` (an "A:" label) or ``speaker``."""
    outlet: str = ""
    """The outlet of a questioner's label ("AFP", "Zhang, Xinhua" -> "Xinhua"), or ""."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph as found in the source, before it is placed in a turn."""

    line: int
    """1-based line of its first source line."""
    text: str
    """Its lines joined with one space."""
    single: bool
    """True when it is one source line."""
    label: Label | None
    """Its label, when it starts with a credible one."""


@dataclass(frozen=True, slots=True)
class Body:
    """The body of a document: turns, and the lines dropped from it."""

    turns: tuple[Turn, ...]
    dropped: tuple[Dropped, ...]
    footnotes: tuple[str, ...]


# News.az  |  APA.az  |  Lenta.ru  (an outlet named by its web address)
WEB_OUTLET = re.compile(r"[A-Z][\w-]*\.[a-z]{2,3}")


def read_label(
    text: str,
    outlets: frozenset[str] = frozenset(),
    questions: frozenset[str] = frozenset(),
    answers: frozenset[str] = frozenset(),
) -> Label | None:
    """The label at the start of ``text`` (whitespace folded), or None; see the module doc.
    ``outlets`` label questioners; ``questions`` and ``answers`` are label words beyond
    :data:`QUESTION_WORDS` and :data:`ANSWER_WORDS` (``data/layouts.yaml``, case-folded)."""
    if text[:1] == "Q" and (bare := _bare_question(text)) is not None:
        return bare
    if text[:1].isdigit() and (asked := NUMBERED_QUESTION.match(text)) is not None:
        # 1. VnExpress: AMTI has mentioned ... Please comment on this matter?
        who = asked["who"]
        return Label(f"{asked['n']}. {who}", who, "", asked["rest"], "question", who)
    if not _may_be_label(text):
        return None
    match = LABEL.match(text)
    if match is None:
        return None
    name, qualifier, rest = match["name"], match["qualifier"] or "", match["rest"] or ""
    label = match["label"]
    tokens = name.replace(",", "").split()
    first = tokens[0].lower().rstrip(".")
    outlet = _outlet(name, outlets)
    asking = QUESTION_WORDS | questions
    answering = ANSWER_WORDS | answers
    outlet = outlet or _surname_and_outlet(name)
    if not outlet and _press_job(qualifier) and "," not in name:
        outlet = name  # CNA (Senior Journalist, Dylan Loh): an outlet's reporter
    web = not outlet and len(tokens) == 1 and WEB_OUTLET.fullmatch(name) and "?" in rest
    if web:
        outlet = name  # News.az - Foreign Minister of Armenia claims ... How would you comment?
    questioner = first in asking or bool(outlet)
    dash_ok = first in asking or first in answering or name.isupper() or bool(web)
    if match["end"].strip() != ":" and not dash_ok:
        return None  # "Mr Putin - confident with the media" is a caption, not a turn
    if name.endswith(",") or (name.count(",") > 1 and not _name_office_institution(name)):
        return None
    numbered = NUMBERED_SPEAKER.match(name) is not None
    if any(c.isdigit() for c in name) and not numbered:
        return None  # "UNITED24 - Make a donation": a banner; no name or office has a digit
    if len(tokens) == 1 and first not in asking and first not in answering and _names_one(rest):
        return None  # BRIEFER: Richard Boucher, Spokesman
    if ";" in rest and _lists_topics(rest):
        return None  # Subjects: ASEAN Australia Summit; Relationship with China; ...
    if outlet and "," in name and _is_dateline(name):
        return None  # Riyadh, SPA : (a dateline, not "Surname, Outlet")
    if COUNTER.match(rest):
        return None  # Views: 3955 (a page's counter: nobody says only a number)
    if not questioner and first not in answering and _is_place(name):
        return None  # Islamabad: Questions and Answers (a place heading, nobody speaks)
    if questioner:
        kind = "question"
    elif len(tokens) == 1 and first in answering:
        kind = "answer"
    elif (
        numbered
        or _name_office_institution(name)
        or (not rest and _alone_on_its_line(tokens))
        or (
            (tokens[-1][0].isupper() or tokens[-1] in ROLE_HEADS)
            and tokens[0][0].isupper()
            and all(t[0].isupper() or t in LABEL_CONNECTORS or t in ROLE_WORDS for t in tokens)
            and sum(1 for t in tokens if t[0].isupper()) <= _max_capitals(tokens)
            and (name.isupper() or first not in PROSE_STARTS)
        )
    ):
        kind = "speaker"
    else:
        return None
    if not qualifier and (after := LEADING_QUALIFIER.match(rest)):
        qualifier, rest = after["qualifier"], after["rest"] or ""
        label = f"{label} ({qualifier})"
    return Label(label, name, qualifier, rest, kind, outlet)


#: A label's name has at most this many words (:data:`LABEL`) ...
LABEL_WORDS = 10
#: ... and ends in one of these, in its last word or the next: ":", "(" (a qualifier), a dash.
_DASHES = ("–", "—", "-")


def _may_be_label(text: str) -> bool:
    """Whether :data:`LABEL` can match ``text``: a colon, a bracket or a dash word among its
    first :data:`LABEL_WORDS` + 1 words. Most paragraphs fail this cheap test; trying the
    pattern on them costs a thousand steps of backtracking each."""
    for word in text.split(" ", LABEL_WORDS + 1)[: LABEL_WORDS + 1]:
        if ":" in word or "(" in word or word.startswith(_DASHES):
            return True
    return False


# 1. VnExpress: AMTI has mentioned ... Please comment on this matter?  |  2. TG&VN: Please ...?
# (a record that numbers the questions and labels each by the outlet that asked it; the answer
# follows unlabelled)
NUMBERED_QUESTION = re.compile(
    r"^(?P<n>\d{1,3})\. (?P<who>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}): (?P<rest>[^?]+\?.*)$"
)
# Q    An awful big smile  |  Q. Do you have a specific proposal ...  |  Q ¿Confía usted ...
BARE_QUESTION = re.compile(r"^Q(?:\.|(?= ))\s*(?=[^\W\d_]|[¿¡“\"'‘(])")


#: A label alone on its line may have lower-case words after its first, this many words in all.
ALONE_LABEL_WORDS = 3


def _alone_on_its_line(tokens: Sequence[str]) -> bool:
    """Whether a label standing alone on its line is a speaker's whose lower-case words qualify
    the first ("Wartawan asing:", a foreign journalist, in an Indonesian transcript; labels on a
    line of their own are a layout, not a sentence): a capitalised first word that opens no
    prose, at most :data:`ALONE_LABEL_WORDS` words, all letters."""
    return (
        len(tokens) <= ALONE_LABEL_WORDS
        and tokens[0][:1].isupper()
        and tokens[0].lower() not in PROSE_STARTS
        and all(t.isalpha() for t in tokens)
    )


#: Lower-case words inside an institution's name ("Department of International Relations and
#: Cooperation", "Ministry of Foreign Affairs").
INSTITUTION_CONNECTORS = frozenset(("of", "the", "for", "and", "on"))


def _name_office_institution(name: str) -> bool:
    """Whether a label with two commas is a person, their office and their institution ("Dr
    Ayanda Ntsaluba, Director-General, Department of International Relations and Cooperation"):
    a first part of two to five capitalised words, an office part with an office word, and an
    institution of capitalised words and connectors."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) != 3 or not all(parts):
        return False
    person, office, institution = (part.split() for part in parts)
    capitalised = all(w[:1].isupper() for w in person) and 2 <= len(person) <= 5
    holds_office = any(w.casefold() in ROLE_WORDS for w in office[-1].split("-") + office)
    named = all(w[:1].isupper() or w in INSTITUTION_CONNECTORS for w in institution)
    return capitalised and holds_office and named


def _bare_question(text: str) -> Label | None:
    """A question label written as a bare "Q" before the question, with no colon ("Q    An
    awful big smile", "Q. Do you have ..."), or None. A colon after it is the ordinary label."""
    match = BARE_QUESTION.match(text)
    if match is None or text[match.end() :][:1] == ":":
        return None
    return Label("Q", "Q", "", text[match.end() :], "question")


#: A field line's items (between semicolons) have at most this many words ...
TOPIC_WORDS = 8
#: ... and it has at least this many items.
TOPIC_ITEMS = 3


def _lists_topics(rest: str) -> bool:
    """Whether the text after a label is a list of topics ("ASEAN Australia Summit; Relationship
    with China; US alliance; AUKUS agreement"): several short items between semicolons, a field
    of the page's head, not words anyone said."""
    items = [item for item in rest.rstrip(".").split(";") if item.strip()]
    return len(items) >= TOPIC_ITEMS and all(len(i.split()) <= TOPIC_WORDS for i in items)


#: A dateline's city that is no capital is a city of at least this many people.
DATELINE_CITY_PEOPLE = 1_000_000


def _is_dateline(name: str) -> bool:
    """Whether a "First, Second" label is a dateline: its first part is a capital or a large
    city ("Riyadh, SPA", "Doha, Aug 3 (BNA)", "Jeddah, SPA"), not a reporter's surname (a
    surname may be a small town's name: "Fujita, Fuji TV")."""
    first = name.split(",", 1)[0].strip()
    if countries().is_capital(first):
        return True
    city = gazetteer().city(first) if " " not in first else None
    return city is not None and city.population >= DATELINE_CITY_PEOPLE


# 3955  |  1,501  |  12 (a counter after "Views:", "Comments:": page furniture)
COUNTER = re.compile(r"^[\d.,]+$")


def _is_place(name: str) -> bool:
    """Whether a label is only a place: a country, a capital or a city of at least
    :data:`DATELINE_CITY_PEOPLE` ("Islamabad: Questions and Answers" heads a briefing's record);
    a place is nobody's name."""
    if "," in name or len(name.split()) > 3:
        return False
    if countries().is_country(name) or countries().is_capital(name):
        return True
    city = gazetteer().city(name)
    return city is not None and city.population >= DATELINE_CITY_PEOPLE


#: Words of a journalist's job in a label's brackets ("CNA (Senior Journalist, Dylan Loh)").
PRESS_JOBS = frozenset(("journalist", "correspondent", "reporter", "editor", "producer"))


def _press_job(qualifier: str) -> bool:
    """Whether a label's brackets give a journalist's job: the label before them is the outlet
    whose reporter asks ("CNA (Senior Journalist, Dylan Loh)", "Reuters (Correspondent, ...)")."""
    return bool(qualifier) and any(
        w.strip(".,/").casefold() in PRESS_JOBS for w in qualifier.replace("/", " ").split()
    )


#: Values of a label declared in front matter that make it a questioner's.
QUESTIONER_VALUES = frozenset(("question", "questioner", "journalist", "reporter"))


def _as_declared(label: Label | None, declared: Mapping[str, str]) -> Label | None:
    """A label as the document's front matter declares it (``labels: {"Q": question}``)."""
    if label is None or label.text.split(" (")[0] not in declared:
        return label
    asks = declared[label.text.split(" (")[0]].casefold() in QUESTIONER_VALUES
    return replace(label, kind="question" if asks else "speaker")


def _outlet(name: str, outlets: frozenset[str]) -> str:
    """The outlet a questioner's label names: "AFP", or "Zhang, Xinhua" -> "Xinhua", when
    ``outlets`` (case-folded, from ``data/layouts.yaml``) lists it; else ""."""
    last = name.rsplit(",", 1)[-1].strip()
    return last if last.casefold() in outlets else ""


# Richard Boucher, Spokesman  |  Jane Smith, Deputy Press Secretary
NAME_AND_OFFICE = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}, (?P<office>[A-Z][\w .'’-]{2,60})$"
)


def _names_one(rest: str) -> bool:
    """Whether the text after a one-word label is only a person and their office ("BRIEFER:
    Richard Boucher, Spokesman", "MODERATOR: Jane Smith, Press Officer"): a field of the
    transcript's header naming who takes part, not words said."""
    match = NAME_AND_OFFICE.match(rest) if "," in rest else None
    return match is not None and any(
        w.casefold() in ROLE_WORDS for w in match["office"].replace("-", " ").split()
    )


#: Courtesy titles that mark a label's comma part as a person, not an outlet ("Shri", "H.E.").
COURTESY = frozenset(("mr", "mrs", "ms", "miss", "dr", "shri", "sri", "smt", "he", "hon", "sir"))


def _surname_and_outlet(name: str) -> str:
    """The outlet of a questioner's label shaped "Surname, Outlet" or "Outlet, Surname" ("Fujita,
    Fuji TV", "Abe, Asahi Shimbun", "Kyodo News, Katsurada"), else "".

    Press conference records name a reporter by surname and outlet, in either order, and never
    by office; a speaker's label with a comma gives a person and an office ("Sergey Lavrov,
    Foreign Minister", "Shri Yatin Patel, OSD (PR)"). So two comma parts with no office word and
    no courtesy title, one of them a single word (the surname) and the other several words or an
    acronym ("NHK"), make a questioner; the other part is the outlet. Two single words ("Lavrov,
    Sergey") are a name written surname first, not a questioner."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) != 2 or not all(parts) or name.isupper():
        return ""  # "NEW YORK, NY" is a dateline
    words = [w.strip(".").casefold() for part in parts for w in part.split()]
    if any(w in ROLE_WORDS or w in COURTESY for w in words):
        return ""
    first, second = (part.split() for part in parts)
    if not all(w[:1].isupper() for w in (*first, *second)):
        return ""

    def outlet_like(part: list[str]) -> bool:
        return len(part) >= 2 or (part[0].isupper() and 3 <= len(part[0]) <= 6)

    def surname(part: list[str]) -> bool:
        return len(part) == 1 and not part[0].isupper()  # "Fujita", not "NY"

    if surname(first) and outlet_like(second):
        return parts[1]
    if surname(second) and outlet_like(first):
        return parts[0]
    return ""


#: A title repeated in the text is recognised when at least this long.
TITLE_REPEAT_MIN = 20


def headline(text: str, title: str | None) -> bool:
    """Whether a paragraph repeats the document's title (a headline, with or without its
    first sentence glued on): "Turkey: Cavusoglu meets Blinken at NATO Meeting"."""
    return bool(title) and len(title or "") >= TITLE_REPEAT_MIN and text.startswith(title or "")


def _credible(
    label: Label,
    counts: Counter[str],
    questions: bool,
    surnames: set[str],
    roles: frozenset[str] = frozenset(),
) -> bool:
    """Whether a label opens a turn in this document: a question label; an answer or
    speaker label when the document has questions; a speaker label with a role word, one
    that recurs, or one naming a known speaker's surname."""
    if label.kind == "question":
        return True
    if questions:
        return True
    if label.kind == "answer":
        return False
    tokens = label.name.split()
    return (
        any(t.lower() in ROLE_WORDS or t.strip(".") in roles for t in tokens)
        or counts[label.name] >= 2
        or tokens[-1].lower() in surnames
        or (initials(label.name) and any(initials(n) and c >= 2 for n, c in counts.items()))
        or _affiliated(label)
    )


#: A turn after a "Surname (Institution):" label says at least this many words.
AFFILIATED_WORDS = 8


def _affiliated(label: Label) -> bool:
    """Whether a label is a surname with its institution in brackets ("Wirtz
    (Bundesregierung):", "Schäfer (AA):"), the way German government press conferences label
    every speaker, once or more: one capitalised word, not in capitals and no city ("GENEVA
    (Reuters) -", "Geneva (Reuters):" are datelines), one capitalised word or acronym in the
    brackets (no time code, no outlet), and words said after it."""
    tokens, bracket = label.name.split(), label.qualifier.split()
    return (
        len(tokens) == 1
        and len(bracket) == 1
        and tokens[0][:1].isupper()
        and not tokens[0].isupper()
        and bracket[0][:1].isupper()
        and bracket[0].isalpha()
        and not label.outlet
        and not _is_place(label.name)
        and gazetteer().city(label.name) is None
        and len(label.rest.split()) >= AFFILIATED_WORDS
    )


# MW  |  AAG  (a speaker's initials)
INITIALS_LABEL = re.compile(r"^[A-Z]{2,4}$")


def initials(name: str) -> bool:
    """Whether a label is a speaker's initials ("MW", "AAG"). A transcript that labels its
    speakers so labels every voice so: once a label of initials recurs, another one that
    appears once ("AG", a typist's slip for "AAG") is a label too, not a word of the text."""
    return INITIALS_LABEL.match(name) is not None


#: A surname's turn in a conversation of surnames says at least this many words.
CONVERSING_WORDS = 20


def _conversing(labels: Sequence[Label | None]) -> set[str]:
    """The surnames of a conversation that labels its speakers by surname alone, each once
    ("Trump: Thank you very much. ..." then "Netanyahu: Thanks you. Mr. President, ..."), lower
    case; empty unless it is one: at least two different one-word speaker labels, each opening a
    long turn (:data:`CONVERSING_WORDS` words), and no other speaker label."""
    speaking = [lab for lab in labels if lab and lab.kind == "speaker"]
    if any(len(lab.name.split()) != 1 for lab in speaking):
        return set()
    names = {lab.name for lab in speaking if len(lab.rest.split()) >= CONVERSING_WORDS}
    if len(names) < 2 or len(names) != len({lab.name for lab in speaking}):
        return set()
    return {name.lower() for name in names if name[:1].isupper() and not name.isupper()}


def _first_name_asks(label: Label) -> bool:
    """Whether a one-word speaker label is a journalist's first name: the turn asks something,
    or starts by introducing its speaker ("Ayushi: Sir this is Ayushi Agarwal from ANI",
    "Sudhi: Sir, Sudhi Ranjan from Bloomberg"). In a briefing, reporters called by first name
    give their full name and outlet before asking; nobody answering does."""
    if label.kind != "speaker" or " " in label.name or not label.rest:
        return False
    head = label.rest[:INTRODUCTION_WINDOW]
    at = head.find(label.name + " ")
    introduced = at >= 0 and head[at + len(label.name) + 1 : at + len(label.name) + 2].isupper()
    return introduced or "?" in label.rest


#: A journalist introduces themself within this many characters of their turn.
INTRODUCTION_WINDOW = 60
# Vishnu Som from NDTV has asked "..."  |  Suhasini from the Hindu is asking  |  ... has a question
RELAYED = re.compile(
    r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? from (?:the )?[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4},?"
    r" (?:has asked|is asking|asks|has a question|wants to know)\b"
)
#: A relayed question is sought in this many first characters of a turn.
RELAYED_WINDOW = 300


def _relaying(label: Label, found: Sequence[tuple[int, str, bool]], index: int) -> Label:
    """A speaker label whose turn relays reporters' questions ("Shri Yatin Patel, OSD (PR): Sir,
    first set of question is on ..., Vishnu Som from NDTV has asked ...") as a question label.

    At virtual briefings an officer reads out the questions reporters sent in, naming each
    reporter and outlet; the turn is the questions, whoever reads them. Only a label naming no
    office that answers (spokesperson, minister, ...) is taken: the one answering may quote a
    question, but does not open with it. The turn's text is the label's own line or, when the
    label stands alone on its line, the next paragraph."""
    if label.kind != "speaker" or any(
        word.lower().strip(",.") in ROLE_HEADS for word in label.name.split()
    ):
        return label
    text = label.rest or (found[index + 1][1] if index + 1 < len(found) else "")
    head = text[:RELAYED_WINDOW]
    if " from " not in head or RELAYED.search(head) is None:
        return label
    return replace(label, kind="question")


def _is_heading(text: str) -> bool:
    """A short line that does not end like a sentence ("Syria Consensus")."""
    return (
        len(text) <= HEADING_MAX_CHARS
        and len(text.split()) <= HEADING_MAX_WORDS
        and text[:1].isupper()
        and not text.endswith(_NOT_HEADING_END)
    )


def _dropped(line: str) -> str | None:
    """Why a body line is left out of the text, or None when it is text."""
    if line in CHROME_LINES:
        return "chrome"
    if line.startswith("©"):
        return "photo-credit"
    if SEPARATOR.match(line):
        return "separator"
    if FOOTNOTE.match(line):
        return "footnote"
    return None


def _split_block(block: list[tuple[int, str]]) -> list[tuple[int, str, bool]]:
    """Cut a block of consecutive text lines into paragraphs ``(line, text, single)``."""
    width = max(len(text) for _, text in block)
    if width > WRAP_WIDTH:
        return [(number, text, True) for number, text in block]
    units: list[tuple[int, str, bool]] = []
    current: list[tuple[int, str]] = []
    for number, text in block:
        if current and (read_label(text) or LIST_ITEM.match(text)):
            units.append((current[0][0], " ".join(t for _, t in current), len(current) == 1))
            current = []
        current.append((number, text))
        if len(text) < 0.6 * width:
            units.append((current[0][0], " ".join(t for _, t in current), len(current) == 1))
            current = []
    if current:
        units.append((current[0][0], " ".join(t for _, t in current), len(current) == 1))
    return units


def _units(
    lines: Sequence[str], start: int, end: int
) -> tuple[list[tuple[int, str, bool]], list[Dropped]]:
    """The paragraphs ``(line, text, single)``, unlabelled yet, and the dropped lines of
    ``lines[start:end]``."""
    found: list[tuple[int, str, bool]] = []
    dropped: list[Dropped] = []
    block: list[tuple[int, str]] = []
    for index in range(start, end):
        line = lines[index]
        reason = _dropped(line) if line else None
        if line and reason is None:
            block.append((index + 1, line))
            continue
        if block:
            found += _split_block(block)
            block = []
        if reason:
            dropped.append(Dropped(index + 1, line, reason))
    if block:
        found += _split_block(block)
    return found, dropped


def read_body(
    lines: Sequence[str],
    start: int,
    *,
    opening_speaker: str | None = None,
    speakers: Sequence[str] = (),
    outlets: frozenset[str] = frozenset(),
    title: str | None = None,
    roles: frozenset[str] = frozenset(),
    question_words: frozenset[str] = frozenset(),
    answer_words: frozenset[str] = frozenset(),
    declared: Mapping[str, str] | None = None,
) -> Body:
    """The turns of ``lines[start:]`` (whitespace-folded lines).

    ``outlets`` label questioners; ``roles`` are abbreviated offices ("SG", "FM") that make a
    label credible like a role word. Text before the first label is the opening remarks, said
    by ``opening_speaker``. A
    speaker label before the first question opens remarks, after it an answer; a label
    with nothing before the next label stays text (a turn is never empty). The ``title``
    repeated in the text ("Turkey: Cavusoglu meets Blinken") is a headline, never a label.
    """
    found, dropped = _units(lines, start, len(lines))
    labels = [
        None
        if headline(text, title)
        else _as_declared(read_label(text, outlets, question_words, answer_words), declared or {})
        for _, text, _ in found
    ]
    # "Speaker: Good afternoon. Welcome to ...": a publisher's question word that asks nothing
    # here is a voice nobody names (a master of ceremonies), its turn nobody's
    voices = {
        n
        for n, label in enumerate(labels)
        if label and _says_without_asking(label, n, labels, found, question_words)
    }
    labels = [
        replace(lab, kind="speaker") if n in voices and lab else lab for n, lab in enumerate(labels)
    ]
    counts = Counter(label.name for label in labels if label and label.kind == "speaker")
    questions = any(label and label.kind == "question" for label in labels)
    # A briefing whose answerer is labelled by office ("Shri Arindam Bagchi, Official
    # Spokesperson") recurring: its journalists may be labelled by first name ("Sidhant:").
    office = [
        name
        for name in counts
        if "," in name and any(t.lower().strip(",.") in ROLE_WORDS for t in name.split())
    ]
    questions = (
        questions
        or any(counts[name] >= 2 for name in office)
        or (bool(office) and any(_first_name_asks(lab) for lab in labels if lab))
    )
    labels = [_relaying(lab, found, n) if lab else None for n, lab in enumerate(labels)]
    questions = questions or any(label and label.kind == "question" for label in labels)
    surnames = {name.split()[-1].lower() for name in speakers if name.split()}
    surnames |= _conversing(labels)
    declared_labels = set(declared or {})
    credible = [
        lab
        if lab
        and (
            _credible(lab, counts, questions, surnames, roles)
            or lab.text.split(" (")[0] in declared_labels
        )
        else None
        for lab in labels
    ]
    credible = [labels[n] if n in voices else lab for n, lab in enumerate(credible)]
    units = [
        Unit(line, text, single, label)
        for (line, text, single), label in zip(found, credible, strict=True)
    ]
    turns: list[Turn] = []
    paragraphs: list[Paragraph] = []
    opened: Turn | None = None
    number = 0
    asked = False
    # Questions are the only labels ("Q. ...?" then the answer unlabelled): an unlabelled
    # paragraph after a question that ended with "?" opens the speaker's answer.
    answers_unlabelled = questions and not any(
        u.label and u.label.kind != "question" for u in units
    )
    for index, unit in enumerate(units):
        label = unit.label
        following = units[index + 1] if index + 1 < len(units) else None
        if label and not label.rest and (following is None or following.label):
            label = None
        if (
            answers_unlabelled
            and label is None
            and opened is not None
            and opened.kind == "question"
            and paragraphs
            and paragraphs[-1].text.endswith("?")
        ):
            turns.append(_close(opened, paragraphs))
            paragraphs = []
            opened = Turn(len(turns) + 1, "answer", opening_speaker, "", "", (), unit.line, "")
        elif label or opened is None:
            if opened is not None:
                turns.append(_close(opened, paragraphs))
            paragraphs = []
            kind: TurnKind
            if label is None:
                kind, speaker = "remarks", opening_speaker
            elif label.kind == "question":
                kind, speaker, asked = "question", None, True
            elif label.kind == "answer":
                kind, speaker = "answer", opening_speaker
            elif index in voices:
                kind, speaker = ("answer" if asked else "remarks"), None
            else:
                kind, speaker = ("answer" if asked else "remarks"), person_name(label.name)
            opened = Turn(
                len(turns) + 1, kind, speaker, label.text if label else "",
                label.qualifier if label else "", (), unit.line, label.outlet if label else "",
                VOICE if index in voices else "",
            )  # fmt: skip
            if label:
                if label.rest:
                    number += 1
                    paragraphs.append(Paragraph(number, label.rest, unit.line))
                continue
        number += 1
        heading = (
            unit.single
            and following is not None
            and not (opened.label and not paragraphs)
            and _is_heading(unit.text)
        )
        paragraphs.append(Paragraph(number, unit.text, unit.line, heading))
    if opened is not None:
        turns.append(_close(opened, paragraphs))
    footnotes = tuple(d.text for d in dropped if d.reason == "footnote")
    return Body(tuple(turns), tuple(dropped), footnotes)


#: The resolution of a turn a publisher's question word opens that asks nothing: nobody's.
VOICE = "a voice nobody names: a question word that asks nothing here"


def _says_without_asking(
    label: Label,
    n: int,
    labels: Sequence[Label | None],
    found: Sequence[tuple[int, str, bool]],
    question_words: frozenset[str],
) -> bool:
    """Whether a label word that a publisher uses for a reporter's question (``labels:
    questions`` of ``data/layouts.yaml``: MEA's "Speaker:", a voice from the floor) opens the
    exchange with a turn that asks nothing: the first label, no "?" before the next. Such a word
    is an ordinary word elsewhere: DFAT's master of ceremonies is "Speaker:" too ("Speaker: Good
    afternoon. Welcome to the joint conference ... May I now invite Minister Balakrishnan"). A
    reporter asks after someone has spoken ("Frage: Herr Seibert, eine Frage." after "StS
    Seibert: Guten Tag!" is a question); the English question words ("Question", "Q") always
    ask."""
    if label.kind != "question" or label.name.casefold() not in question_words:
        return False
    if any(labels[m] is not None for m in range(n)):
        return False
    if "?" in label.rest:
        return False
    for m in range(n + 1, len(found)):
        if labels[m] is not None:
            break
        if "?" in found[m][1]:
            return False
    return True


def _close(turn: Turn, paragraphs: list[Paragraph]) -> Turn:
    return replace(turn, paragraphs=tuple(paragraphs))
