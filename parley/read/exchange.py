"""Who asks and who answers in a labelled transcript, read from how the exchange is built.

Labels alone do not say who the questioner is when a transcript names the interviewer ("JAMES
CURRAN:", "Ramesh Ramachandran (Interviewer):", "Dawn Tan (CNA):") instead of writing
"Question:". The exchange itself does: the questioner's turns ask (they end with a question
mark) and are answered by the next turn; the answerer's do not ask, and the answerer is the one
the document is about, labelled by office ("FOREIGN MINISTER", "Minister") or named by the
title. Seen at DFAT (Australia), MFA Singapore and the U.S. State Department (moderated
conversations), the rule is:

- only where no label is a question word or an outlet (those documents say who asks);
- an answerer is a labelled speaker whose label names an office, or a principal of the document
  (the title's speaker, a counterpart); where there is none, the one speaker who never asks,
  when every other asks in at least half of their turns and the silent one mostly speaks right
  after a question (a transcript in a language whose office words the reader does not know:
  "Wartawan:" and "Presiden Republik Indonesia:");
- a questioner is any other labelled speaker, named in no office, who asks in at least one turn
  that an answerer's turn follows, and asks in a larger share of their turns than any answerer
  does: every turn of theirs is then a question (an introduction or a "Fair enough" too: it is
  the interviewer's part of the conversation);
- a speaker who never asks (a broadcaster's anchor handing over to a briefing) is no questioner.

Speakers are told apart by the last word of the name their turns resolved to ("JAMES CURRAN"
and "CURRAN" are one person).

The main speaker of a transcript whose title names nobody is the first labelled speaker of the
turns that are not questions (the host opens a joint appearance), unless what they say is only
a hand-over, under a quarter of what another says: then the one who says most
(:func:`most_said`). An anchor ("WOLF BLITZER, CNN ANCHOR: Ari Fleischer ... has just started a
briefing. Let's listen in.") or a questioner is not the main speaker.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from parley.model import Turn

#: A questioner asks in at least this share of their turns.
ASKING_SHARE = 1 / 3
#: The first speaker is the main one (the host who opens) when they say at least this share of
#: what the speaker who says most says.
HOST_SHARE = 1 / 4


def person_key(name: str | None) -> str:
    """The key that tells speakers apart: the last word of their name, case folded."""
    words = (name or "").split()
    return words[-1].casefold().strip(".,") if words else ""


def asks(turn: Turn) -> bool:
    """Whether a turn asks: its last paragraph ends with a question mark (quotation marks and
    brackets after it allowed: "... to the “other”?”")."""
    if not turn.paragraphs:
        return False
    return turn.paragraphs[-1].text.rstrip(" \"'”’»)]").endswith("?")


def _who(turn: Turn) -> str:
    """Whom a labelled turn is by: its speaker, else the name its label writes."""
    return person_key(turn.speaker or turn.label.split(" (")[0])


def words_of(turn: Turn) -> int:
    """How many words a turn says."""
    return sum(len(p.text.split()) for p in turn.paragraphs)


def interviewers(
    turns: Sequence[Turn],
    principals: Sequence[str],
    is_office: Callable[[str], bool],
) -> tuple[Turn, ...]:
    """``turns`` with the turns of named questioners made question turns (see the module
    docstring). ``principals`` are the people the document is about (title, counterparts);
    ``is_office`` tells whether a label names an office."""
    labelled = [t for t in turns if t.label]
    if not labelled:
        return tuple(turns)
    known = {person_key(name) for name in principals if name}
    answering = {_who(t) for t in labelled if is_office(t.label) or _who(t) in known} - {""}
    count: Counter[str] = Counter(_who(t) for t in labelled)
    asking: Counter[str] = Counter(_who(t) for t in labelled if asks(t))
    if not answering and not any(t.kind == "question" for t in labelled):
        answering = _plain_answerers(labelled, count, asking)
    if not answering:
        return tuple(turns)
    answered: set[str] = set()
    for turn, after in pairwise(labelled):
        key = _who(turn)
        if asks(turn) and key not in answering and _who(after) in answering:
            answered.add(key)
    ceiling = max(asking[k] / count[k] for k in answering if count[k])
    askers = {
        key
        for key in answered
        if asking[key] / count[key] >= ASKING_SHARE and asking[key] / count[key] > ceiling
    }
    if not askers:
        return tuple(turns)
    named: dict[str, str] = {}
    for turn in labelled:
        name = turn.speaker or ""
        if _who(turn) in askers and len(name.split()) > len(named.get(_who(turn), "").split()):
            named[_who(turn)] = name
    changed: list[Turn] = []
    asked = False
    for turn in turns:
        if turn.label and _who(turn) in askers and (turn.kind != "question" or not turn.speaker):
            turn = replace(
                turn,
                kind="question",
                speaker=turn.speaker or named.get(_who(turn)) or None,
                resolution="questioner: asks, and is answered",
            )
        elif turn.label and turn.kind != "question":
            turn = replace(turn, kind="answer" if asked else "remarks")
        asked = asked or turn.kind == "question"
        changed.append(turn)
    return tuple(changed)


def _plain_answerers(
    labelled: Sequence[Turn], count: Counter[str], asking: Counter[str]
) -> set[str]:
    """Where no label names an office and no principal is known ("Wartawan:", "Wartawan
    asing:" and "Presiden Republik Indonesia:", in a language whose office words the reader
    does not know), the exchange alone: the one speaker who never asks, when every other
    speaker asks in at least half of their turns and at least half of the silent one's turns
    come right after a turn that asks; that speaker answers."""
    silent = [key for key in count if asking[key] == 0]
    if len(silent) != 1 or len(count) < 2:
        return set()
    (answerer,) = silent
    after_asking = sum(
        1 for turn, after in pairwise(labelled) if asks(turn) and _who(after) == answerer
    )
    others = [key for key in count if key != answerer]
    if after_asking >= count[answerer] / 2 and all(asking[k] >= count[k] / 2 for k in others):
        return {answerer} - {""}
    return set()


def most_said(turns: Sequence[Turn]) -> str | None:
    """The main speaker of :func:`main_by_exchange`, without the reason."""
    return main_by_exchange(turns)[0]


def main_by_exchange(turns: Sequence[Turn]) -> tuple[str | None, str]:
    """The main speaker read from the exchange, by the fullest name their turns give ("Ari
    Fleischer" over "Fleischer"), and why (for ``--explain``): the first labelled speaker of
    the turns that are not questions, unless they only hand over, then who says most of those
    turns. ``(None, "")`` when no labelled turn is anyone's answer or remarks."""
    said: Counter[str] = Counter()
    names: dict[str, str] = {}
    for turn in turns:
        if not turn.label or turn.kind == "question" or not turn.speaker:
            continue
        key = person_key(turn.speaker)
        said[key] += words_of(turn)
        if len(turn.speaker.split()) > len(names.get(key, "").split()):
            names[key] = turn.speaker
    if not said:
        return None, ""
    first = next(iter(said))
    best = max(said, key=lambda key: said[key])  # the first of equals: max keeps it
    # the first speaker opens as host (a joint appearance), unless their turns are only a
    # hand-over to the one who speaks (an anchor, a moderator's welcome)
    if said[first] >= HOST_SHARE * said[best]:
        return names[first], "exchange: the first labelled speaker who is not asking (who opens)"
    return names[best], (
        f"exchange: says most in the turns that are not questions ({said[best]} words); the "
        f"first speaker, {names[first]}, only hands over ({said[first]} words)"
    )
