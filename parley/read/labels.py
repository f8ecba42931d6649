"""Who each turn label stands for: a person of the document, a role, a questioner or an answerer.

The body reader (:mod:`parley.read.turns`) finds labels and gives each turn the name its label
writes ("MR KIRBY" -> "Kirby"). :func:`resolve_turns` then resolves every label against the people
the document names in full (title, byline, counterparts, the text):

=================  ===========================================================================
surname            "MR KIRBY", "MS. HARF", "S.Lavrov", "Wang" -> the full name ending (or, for
                   names written surname first, starting) with it: "John Kirby"
role               "SG", "Spokesperson", "Official Spokesperson" -> the main speaker
answerer           "A" -> the main speaker
full name          kept ("Sergey Lavrov")
questioner         kept as a question turn; an outlet label ("AFP", "China Daily") is the
                   turn's ``outlet``
unresolved         a label naming nobody of the document keeps its own name, and is reported
=================  ===========================================================================

Each turn records how its label was resolved (``Turn.resolution``), for ``--explain`` to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from parley.model import Turn
from parley.read.persons import ROLE_WORDS

#: Labels that stand for the document's main speaker as answerer or by office (lower case).
ROLE_LABELS = frozenset(
    (
        "a", "answer", "sg", "spokesperson", "spokesman", "spokeswoman", "official spokesperson",
        "the spokesperson", "deputy spokesperson", "the secretary", "secretary",
        "secretary-general", "the secretary-general", "minister", "the minister",
    )
)  # fmt: skip


def _plain(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).casefold()


def full_name_index(names: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Surname -> full name, and first word -> full name, for names of two words or more; a
    surname two different people share is left out (it would be a guess)."""
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    clash: set[str] = set()
    for name in names:
        words = name.split()
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


def is_role_label(label: str) -> bool:
    """Whether a label names an office or the answerer rather than a person ("SG", "A")."""
    plain = _plain(label)
    return plain in ROLE_LABELS or all(w in ROLE_WORDS for w in plain.split())


def resolve_turns(
    turns: Sequence[Turn], names: Sequence[str], main: str | None
) -> tuple[Turn, ...]:
    """Every turn with its speaker resolved and the resolution recorded (see module doc)."""
    resolved: list[Turn] = []
    for turn in turns:
        if not turn.label:
            how = "opening remarks of the main speaker" if turn.speaker else "text"
            resolved.append(replace(turn, resolution=how))
            continue
        if turn.kind == "question":
            how = f"questioner from {turn.outlet}" if turn.outlet else "questioner"
            resolved.append(replace(turn, resolution=how))
            continue
        name = turn.label.split(" (")[0]
        if is_role_label(name) and main:
            resolved.append(
                replace(turn, speaker=main, resolution=f"role: the main speaker {main}")
            )
            continue
        speaker, how = resolve_name(turn.speaker or name, names)
        resolved.append(replace(turn, speaker=speaker, resolution=how))
    return tuple(resolved)
