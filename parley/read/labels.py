"""Who each turn label stands for: a person of the document, a role, a questioner or an answerer.

The body reader (:mod:`parley.read.turns`) finds labels and gives each turn the name its label
writes ("MR KIRBY" -> "Kirby"). :func:`resolve_turns` then resolves every label against the people
the document names in full (title, byline, counterparts, the text):

=================  ===========================================================================
surname            "MR KIRBY", "MS. HARF", "S.Lavrov", "Wang" -> the full name ending (or, for
                   names written surname first, starting) with it: "John Kirby"
role               "SG", "Secretary-General", "Official Spokesperson" -> the person the document
                   names with that office (byline, title, text), else the main speaker unless
                   they hold another office; "Official Spokesperson (Shri Vikas Swarup)" -> the
                   name after it
answerer           "A" -> the main speaker
full name          kept ("Sergey Lavrov")
questioner         kept as a question turn; an outlet label ("AFP", "China Daily") is the
                   turn's ``outlet``
unresolved         a label naming nobody of the document keeps its own name, and is reported
=================  ===========================================================================

Each turn records how its label was resolved (``Turn.resolution``), for ``--explain`` to show.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from parley.model import Turn
from parley.read.exchange import interviewers
from parley.read.memo import per_read
from parley.read.persons import NAME_PARTICLES, NAME_STOPS, ROLE_HEADS, ROLE_WORDS
from parley.read.turns import NUMBERED_SPEAKER, RELAYED, RELAYED_WINDOW, VOICE

#: Labels that stand for the document's main speaker as answerer or by office (lower case).
ROLE_LABELS = frozenset(
    (
        "a", "answer", "sg", "spokesperson", "spokesman", "spokeswoman", "official spokesperson",
        "the spokesperson", "deputy spokesperson", "the secretary", "secretary",
        "secretary-general", "the secretary-general", "minister", "the minister",
    )
)  # fmt: skip


#: Words of a role that do not tell one office from another ("Former Secretary-General").
ROLE_FILLERS = frozenset(("former", "acting", "mr", "mr.", "mrs", "ms", "dr", "senior"))

#: Courtesy titles before a name in a label ("Shri", "H.E."), lower case without dots.
HONORIFICS = frozenset(
    ("mr", "mrs", "ms", "miss", "dr", "shri", "sri", "smt", "he", "his", "her", "excellency",
     "madam", "sir", "hon", "rt", "the", "prof", "mp", "herr", "herrn", "frau", "m", "mme",
     "monsieur", "madame", "señor", "señora", "sr", "sra", "signor", "signora", "sayın", "bay",
     "bayan", "gospodin")
)  # fmt: skip
#: Words of an office in a label, beyond :data:`parley.read.persons.ROLE_WORDS`.
LABEL_ROLE_WORDS = frozenset(
    ("press", "official", "spokesperson's", "office", "department", "of", "for", "and")
)


# I'm Kadambini Sharma from NDTV India.  |  This is Yeshi Seli from The New Indian Express.
INTRODUCTION = re.compile(r"\b(?:I am|I'm|I’m|This is|[Mm]y name is)\b[^.?]{0,60}\bfrom [A-Z]")


def _plain(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).casefold()


def _is_title_word(word: str) -> bool:
    bare = word.strip(".,").casefold().replace(".", "")
    return bare in HONORIFICS or bare in ROLE_WORDS or bare in LABEL_ROLE_WORDS


@per_read
def clean_person(text: str) -> str:
    """The name in a label or byline phrase, courtesy titles and offices left out: "Official
    Spokesperson, Shri Gopal Baglay" -> "Gopal Baglay"; "Mr. OHTAKA Masato, Press Secretary" ->
    "Masato Ohtaka" (an upper-case surname written first goes last); "MR KIRBY" -> "Kirby"; ""
    when only titles and offices remain ("Official Spokesperson")."""
    for part in text.split(","):
        written = part.split()
        offices = [i for i, w in enumerate(written) if _is_title_word(w)]
        if offices and any(not _is_title_word(w) for w in written[offices[-1] + 1 :]):
            # "DFA SPOKESPERSON DAZA", "Russian Foreign Minister Lavrov": the words before the
            # office belong to it (an institution, a demonym); the name follows the office
            written = [w for w in written[offices[0] :]]
        words = [w for w in written if not _is_title_word(w)]
        # "Adel bin Ahmed Al-Jubeir": a particle inside a name is part of it
        words = [
            w
            for i, w in enumerate(words)
            if (w[:1].isupper() and w.strip("."))
            or (0 < i < len(words) - 1 and w in NAME_PARTICLES and words[i + 1][:1].isupper())
        ]
        if not words:
            continue
        if (
            len(words) >= 2
            and words[0].isupper()
            and len(words[0].rstrip(".")) > 1  # "S. Jaishankar" opens with an initial
            and not words[1].isupper()
        ):
            words = [*words[1:], words[0]]  # OHTAKA Masato -> Masato OHTAKA
        return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in words)
    return ""


def full_name_index(names: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Surname -> full name, and first word -> full name, for names of two words or more; a
    surname two different people share is left out (it would be a guess)."""
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    clash: set[str] = set()
    for name in names:
        words = name.split()
        while words and words[0].strip(".").casefold() in HONORIFICS:
            words = words[1:]  # "Herrn Hille" is Mr Hille: a surname, not a full name
        name = " ".join(words)
        if len(words) < 2:
            continue
        key = words[-1].casefold()
        if key in last and last[key] != name:
            clash.add(key)
        last.setdefault(key, name)
        first.setdefault(words[0].casefold(), name)
    return {k: v for k, v in last.items() if k not in clash}, first


def resolve_name(name: str, names: Sequence[str]) -> tuple[str, str]:
    """``(resolved name, how)`` for a speaker's name as its label writes it."""
    words = name.replace(".", ". ").split()
    if len(words) >= 2 and not (len(words[0]) <= 2 and words[0].endswith(".")):
        return name, "full name"
    last, first = full_name_index(names)
    surname = words[-1].casefold() if words else ""
    if surname in last:
        return last[surname], f"surname of {last[surname]}"
    if surname in first:
        return first[surname], f"first word of {first[surname]}"
    return name, "unresolved"


#: A label of initials has this many letters ("MW", "AAG").
INITIALS = range(2, 5)


def by_initials(label: str, names: Sequence[str]) -> str | None:
    """The one person of ``names`` whose initials a label writes ("MW" for Margaret Warner,
    "AAG" for Ahmed Aboul Gheit, "AG" for the last two words of his name), or None.

    Transcripts of broadcast interviews label the two voices by their initials once the title
    has named them in full; the initials of every word of a name, or of its last words (the
    family name of several words), stand for it when no other name has them."""
    letters = label.replace(".", "").strip()
    if not (letters.isalpha() and letters.isupper() and len(letters) in INITIALS):
        return None
    found: list[str] = []
    for name in dict.fromkeys(names):
        words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
        if len(words) < 2:
            continue
        initials = "".join(w[0] for w in words).upper()
        if initials == letters or (
            len(letters) >= 2 and len(words) > len(letters) and initials.endswith(letters)
        ):
            found.append(name)
    return found[0] if len(found) == 1 else None


#: A first name is sought before a surname in at most this many paragraphs of the text.
FIRST_NAME_PARAGRAPHS = 400


def full_name_in_text(surname: str, texts: Sequence[str]) -> str | None:
    """The full name the text gives a surname that a label uses alone ("MR PRICE" -> "Ned
    Price" from "It's not Ned Price Day"; "MR. BOUCHER" -> "Richard Boucher"), or None.

    Transcripts label their regular speakers by courtesy title and surname and name them in full
    only once, anywhere: in an introduction ("I am pleased to introduce Ambassador John Bass"),
    a thank-you, a byline. The name is the one or two capitalised words (and middle initial)
    right before the surname that are no office, courtesy title or sentence word ("Ambassador
    Bass", "Mr Bass", "After Bass", "DFA Spokesperson Maria Theresa Daza"); a name that ends
    another the text gives is that one; when the text gives two different first names, none is
    taken."""
    key = surname.title() if surname.isupper() else surname
    if len(key) < 2 or not key[:1].isupper():
        return None
    pattern = re.compile(
        rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)((?: [A-Z]\.)?)"
        rf" {re.escape(key)}\b"
    )
    found: Counter[str] = Counter()
    for text in texts[:FIRST_NAME_PARAGRAPHS]:
        if key not in text:
            continue
        for match in pattern.finditer(text):
            # "Spokesperson Maria Theresa Daza", "Ambassador John Bass": an office or a word of
            # the sentence before the given names is no part of them
            given = match[1].split()
            while given and (_is_title_word(given[0]) or given[0].casefold() in NAME_STOPS):
                given = given[1:]
            if not given:
                continue
            found[f"{' '.join(given)}{match[2]} {key}"] += 1
    # "Theresa Daza" once and "Maria Theresa Daza" once: one person, the longer name
    names = [n for n in found if not any(o != n and o.endswith(" " + n) for o in found)]
    return names[0] if len(names) == 1 else None


def is_role_label(label: str, answers: frozenset[str] = frozenset()) -> bool:
    """Whether a label names an office or the answerer rather than a person ("SG", "A");
    ``answers`` are more answerer words (``data/layouts.yaml``, case-folded: "r")."""
    plain = _plain(label)
    return (
        plain in ROLE_LABELS
        or plain in answers
        or all(w in ROLE_WORDS for w in plain.split())
        or (" " in plain and all(_is_title_word(w) for w in label.split()))
    )


def expand(label: str, abbreviations: Mapping[str, str]) -> str:
    """A label with its abbreviated offices written out ("FM Ivanov" -> "Foreign Minister
    Ivanov", "SG" -> "Secretary-General"), from ``data/layouts.yaml``'s ``roles``."""
    if not abbreviations:
        return label
    return " ".join(abbreviations.get(word.strip("."), word) for word in label.split())


def role_key(text: str) -> frozenset[str]:
    """The office words of a role or label, lower case, hyphens split: "UN Secretary-General"
    -> {secretary, general}; "Official Spokesperson" -> {spokesperson}; "A" -> {}."""
    words = text.replace("-", " ").replace(".", " ").casefold().split()
    return frozenset(w for w in words if w in ROLE_WORDS and w not in ROLE_FILLERS)


def role_holder(
    label: str, roles: Sequence[tuple[str, str]], main: str | None
) -> tuple[str | None, str]:
    """Who a role label stands for: ``(name, how)``. The person the document names with that
    office ("SG" -> the Secretary-General named in the byline or text), the main speaker when
    they hold it or no office is known for them, else nobody (None)."""
    key = role_key(label)
    holders = list(dict.fromkeys(name for role, name in roles if key and key == role_key(role)))
    if main and main in holders:
        return main, f"role: the main speaker {main}, {label}"
    if holders:
        return holders[0], f"role: {label} {holders[0]}"
    # "Minister" for "Minister for Foreign Affairs", "FOREIGN MINISTER" for "Foreign Minister
    # and Minister for Women": a label shortens its holder's office to some of its words
    wider = list(dict.fromkeys(name for role, name in roles if key and key < role_key(role)))
    if main and main in wider:
        return main, f"role: the main speaker {main}, {label}"
    if len(wider) == 1:
        return wider[0], f"role: {label} {wider[0]}"
    # "Department of State spokesperson" for "Principal Deputy Spokesperson Vedant Patel": the
    # office's head word ("spokesperson") names one person of the document
    heads = key & ROLE_HEADS
    headed = list(dict.fromkeys(name for role, name in roles if heads and heads & role_key(role)))
    if len(headed) == 1 and (not main or main == headed[0]):
        return headed[0], f"role: {label}, the document's one {' '.join(sorted(heads))}"
    if not main:
        return None, "unresolved"
    offices = [role for role, name in roles if name == main]
    if key and offices:
        return None, "unresolved"  # the main speaker holds another office
    return main, f"role: the main speaker {main}"


def resolve_turns(
    turns: Sequence[Turn],
    names: Sequence[str],
    main: str | None,
    principals: Sequence[str] = (),
    roles: Sequence[tuple[str, str]] = (),
    abbreviations: Mapping[str, str] | None = None,
    answers: frozenset[str] = frozenset(),
    declared: Mapping[str, str] | None = None,
    *,
    guessed: bool = False,
) -> tuple[Turn, ...]:
    """Every turn with its speaker resolved against ``names`` (everyone the document names in
    full) and the resolution recorded (see the module doc); ``main`` only ``guessed`` from the
    labels (nothing else named a speaker) may still turn out to be the interviewer. ``roles``
    are (office, full name) pairs the document gives (title, byline, counterparts, text) for
    role labels; ``abbreviations`` write out abbreviated offices ("SG"). ``principals`` (the
    main speaker, counterparts, bylines) are never taken for questioners."""
    abbreviations = abbreviations or {}
    if main and is_role_label(expand(main, abbreviations), answers):
        main = None  # "SG" is nobody's name
    resolved: list[Turn] = []
    bracketed = named_in_brackets(turns)
    for turn in turns:
        if not turn.label:
            how = "opening remarks of the main speaker" if turn.speaker else "text"
            resolved.append(replace(turn, resolution=how))
            continue
        if turn.resolution == VOICE:
            resolved.append(turn)  # "Speaker: Good afternoon. Welcome to ...": nobody's
            continue
        written = turn.label.split(" (")[0]
        if turn.kind != "question" and written in bracketed:
            # Moderator (Director/..., MFA, Teo Lay Cheng): ... then Moderator: ...
            who = bracketed[written]
            resolved.append(
                replace(turn, speaker=who, resolution=f"role, named in brackets: {who}")
            )
            continue
        if turn.kind == "question" and declared and turn.label.split(" (")[0] in declared:
            resolved.append(replace(turn, resolution="front matter: a questioner"))
            continue
        if turn.kind == "question":
            how = f"questioner from {turn.outlet}" if turn.outlet else "questioner"
            if turn.label and not is_question_word(turn.label) and relays_questions(turn):
                how = "questioner: reads out reporters' questions"
            resolved.append(replace(turn, resolution=how))
            continue
        written = turn.label.split(" (")[0]
        if declared and written in declared:
            # front matter: labels: {"MR PRICE": Ned Price, "A": spokesperson}
            resolved.append(_declared(turn, declared[written], roles, main, abbreviations))
            continue
        name = expand(written, abbreviations)
        named = clean_person(turn.qualifier) if turn.qualifier else ""
        if is_role_label(name, answers) and len(named.split()) >= 2 and named[:1].isupper():
            # Official Spokesperson (Shri Vikas Swarup): the office, then who holds it
            resolved.append(replace(turn, speaker=named, resolution="role, named after it"))
            continue
        person = clean_person(name if name != written else turn.speaker or name)
        if is_role_label(name, answers) or not person:
            speaker, how = role_holder(name, roles, main)
            # nobody named holds it: the office as the label writes it ("SG" written out as
            # "Secretary-General"), reported
            office = name if name != written else turn.speaker
            resolved.append(replace(turn, speaker=speaker or office, resolution=how))
            continue
        speaker, how = resolve_name(person or turn.speaker or name, names)
        if how == "unresolved" and (initialled := by_initials(written, names)):
            speaker, how = initialled, f"initials of {initialled}"
        resolved.append(replace(turn, speaker=speaker, resolution=how))
    asked = _questioners(tuple(resolved), [*principals, *([main] if main else [])])
    if any(t.kind == "question" and (t.outlet or is_question_word(t.label)) for t in asked):
        return _moderated(asked)  # the labels say who asks
    return interviewers(
        _moderated(asked),
        [
            *(p for p in principals if not guessed or p != main),
            *([main] if main and not guessed else []),
        ],
        names_an_office,
    )


def named_in_brackets(turns: Sequence[Turn]) -> dict[str, str]:
    """Labels whose brackets end with their speaker's name after the office ("Moderator
    (Director/Strategic Communications Directorate, MFA, Teo Lay Cheng)"), label -> the name.

    Transcripts that label a role (a moderator, an outlet's reporter) give its holder's title
    and name in brackets the first time, then the role alone: every turn of that label, with or
    without its brackets, is that person's. A label written with two different names is left
    out."""
    found: dict[str, str] = {}
    clash: set[str] = set()
    for turn in turns:
        if not turn.label or not turn.qualifier or "," not in turn.qualifier:
            continue
        name = turn.qualifier.rsplit(",", 1)[-1].strip()
        words = name.split()
        if not (
            2 <= len(words) <= 4
            and all(w[:1].isupper() and not w.isupper() for w in words)
            and not any(_is_title_word(w) for w in words)
        ):
            continue
        written = turn.label.split(" (")[0]
        if found.get(written, name) != name:
            clash.add(written)
        found.setdefault(written, name)
    return {label: name for label, name in found.items() if label not in clash}


def names_an_office(label: str) -> bool:
    """Whether a label names an office ("FOREIGN MINISTER", "Penny Wong, Foreign Minister",
    "SECRETARY KERRY"), not only a person with a courtesy title ("MS WOODRUFF")."""
    return bool(role_key(label.split(" (")[0]))


def relays_questions(turn: Turn) -> bool:
    """Whether a turn opens by reading out reporters' questions ("Vishnu Som from NDTV has
    asked ..."), the shape :func:`parley.read.turns._relaying` reads."""
    head = turn.paragraphs[0].text[:RELAYED_WINDOW] if turn.paragraphs else ""
    return " from " in head and RELAYED.search(head) is not None


def is_question_word(label: str) -> bool:
    """Whether a label is a plain question word ("Question", "Q"), not a person or office."""
    return label.split(" (")[0].split()[0].casefold().strip(".") in ("question", "q", "questions")


# MS WOODRUFF | MR. SMITH | Mrs Jones  (a courtesy title and one name, nothing else)
COURTESY_LABEL = re.compile(r"^(?:MR|MS|MRS|Mr|Ms|Mrs)\.? [A-Z][\w'’-]+$")
#: A moderated conversation has at least this many labelled turns.
MODERATED_TURNS = 3


def courtesy_only(label: str) -> bool:
    """Whether a label is a courtesy title and a surname and nothing else ("MS WOODRUFF")."""
    return COURTESY_LABEL.match(label.split(" (")[0]) is not None


def _moderated(turns: tuple[Turn, ...]) -> tuple[Turn, ...]:
    """A conversation between a principal labelled by office ("SECRETARY KERRY") and someone
    labelled by courtesy title alone ("MS WOODRUFF") who speaks first: the latter moderates,
    and their turns are the questions.

    Official transcripts label office holders by their office and everyone else by courtesy
    title; when only two people speak, in turn, with no question label, the one without an
    office who opens is the interviewer or moderator. A spokesperson answering "QUESTION:"
    labels is not this case (there are question turns already)."""
    labelled = [t for t in turns if t.label]
    if len(labelled) < MODERATED_TURNS or any(t.kind == "question" for t in turns):
        return turns
    labels = list(dict.fromkeys(t.label for t in labelled))
    if len(labels) != 2 or not courtesy_only(labels[0]) or courtesy_only(labels[1]):
        return turns
    if not any(_is_title_word(w) for w in labels[1].split()[:-1]):
        return turns  # the other must be labelled by an office ("SECRETARY KERRY")
    changed: list[Turn] = []
    asked = False
    for turn in turns:
        if turn.label == labels[0]:
            asked = True
            turn = replace(
                turn, kind="question", resolution="questioner: a moderator by courtesy title"
            )
        elif turn.label:
            turn = replace(turn, kind="answer" if asked else "remarks")
        changed.append(turn)
    return tuple(changed)


def _declared(
    turn: Turn,
    value: str,
    roles: Sequence[tuple[str, str]],
    main: str | None,
    abbreviations: Mapping[str, str],
) -> Turn:
    """A turn whose label the document's front matter declares: a name, or an office."""
    office = expand(value, abbreviations)
    if is_role_label(office):
        speaker, how = role_holder(office, roles, main)
        return replace(turn, speaker=speaker or value, resolution=f"front matter: {how}")
    return replace(turn, speaker=value, resolution="front matter: a name")


def _answerer(turns: Sequence[Turn]) -> str | None:
    """The label of a briefing's answerer: the most frequent speaker label naming an office
    ("Shri Arindam Bagchi, Official Spokesperson"), or None."""
    offices = Counter(
        t.label
        for t in turns
        if t.label
        and t.kind != "question"
        and any(_is_title_word(w) for w in t.label.split())
        and clean_person(t.label) != t.label
    )
    return offices.most_common(1)[0][0] if offices else None


def _questioners(turns: tuple[Turn, ...], principals: Sequence[str]) -> tuple[Turn, ...]:
    """In a briefing with an answerer who holds an office, a journalist's first name ("Sidhant:"),
    a voice a recording's transcript numbers ("Speaker 1"), or another label naming none of the
    ``principals`` whose turn asks something is a questioner;
    then every labelled turn after the first question is an answer, before it remarks."""
    answerer = _answerer(turns)
    if answerer is None:
        return turns
    # the answerer's own surname label ("FLEISCHER" after "ARI FLEISCHER, WHITE HOUSE PRESS
    # SECRETARY") is no stranger
    known = {w.casefold().strip(",.") for name in (*principals, answerer) for w in name.split()}
    changed: list[Turn] = []
    for turn in turns:
        words = turn.label.split(" (")[0].split()
        asks = any("?" in p.text for p in turn.paragraphs) or bool(
            turn.paragraphs and INTRODUCTION.search(turn.paragraphs[0].text[:120])
        )
        stranger = bool(words) and not any(w.casefold() in known for w in words)
        if (
            turn.label
            and turn.kind != "question"
            and turn.resolution != VOICE
            and turn.label != answerer
            and not turn.resolution.startswith(("role", "front matter"))
            and stranger
            and (len(words) == 1 or asks or NUMBERED_SPEAKER.match(" ".join(words)) is not None)
        ):
            turn = replace(turn, kind="question", speaker=None, resolution="questioner by name")
        changed.append(turn)
    asked = False
    final: list[Turn] = []
    for turn in changed:
        asked = asked or turn.kind == "question"
        if turn.label and turn.kind != "question":
            turn = replace(turn, kind="answer" if asked else "remarks")
        final.append(turn)
    return tuple(final)
