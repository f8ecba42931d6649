"""Synonyms: every name the data files give an entity leads a search to the entity.

The index holds an entity term (:func:`entity_term`, e.g. ``_person:walid-muallem``) in every
paragraph that mentions the entity, however it is spelled there, and in paragraph 0 when it is
a speaker, a counterpart or a counterpart's country. The manifest carries the table below; the
browser reads a query's words, longest name first, and searches a recognised name as its entity
(with the word itself): "Moallem", "Walid al-Moallem" and "Muallem" find the same paragraphs,
"ISIL" finds "Daesh", "Syrian" and "Damascus" find Syria. An ISO code typed in capitals ("SY")
reaches its country; in lower case ("sy", "us") it is only a word.
"""

from __future__ import annotations

from typing import Any

from parley.model import is_entity_kind
from parley.search.tokens import terms
from parley.vocab.vocabulary import Vocabulary

__all__ = [
    "OUTSIDE",
    "entity_term",
    "outside_term",
    "synonym_table",
    "word_entities",
]

#: Prefix of a name word's postings outside its entity's paragraphs (see :func:`outside_term`).
OUTSIDE = "_outside:"

_WORD_ENTITIES: dict[int, tuple[Vocabulary, dict[str, str]]] = {}


def entity_term(kind: str, key: str) -> str:
    """The index term standing for an entity: "_country:SY". No word term starts with "_"."""
    return f"_{kind}:{key}"


def outside_term(word: str) -> str:
    """The term holding a one-word name's paragraphs that do not hold its entity's term:
    "_outside:syria". A search for the name loads the entity's postings and these, which together
    are the paragraphs of the word or the entity, without loading the word's own long list (most
    of which repeats the entity's)."""
    return f"{OUTSIDE}{word}"


def word_entities(vocab: Vocabulary) -> dict[str, str]:
    """One-word names and the entity term each leads to, as the table's ``names`` has them:
    {"syria": "_country:SY", "moallem": "_person:walid-muallem", ...} (worked out once)."""
    known = _WORD_ENTITIES.get(id(vocab))
    if known is not None and known[0] is vocab:
        return known[1]
    table = synonym_table(vocab)
    entities = table["entities"]
    found = {name: entities[n][0] for name, n in table["names"].items() if " " not in name}
    _WORD_ENTITIES[id(vocab)] = (vocab, found)
    return found


def synonym_table(vocab: Vocabulary) -> dict[str, Any]:
    """``{"entities": [[term, name, highlight terms]], "names": {terms: entity}, "codes": {...}}``.

    ``names`` maps a name's terms joined by spaces ("walid moallem", "isil") to the entity's
    place in ``entities``; a name two entities share stays with the first (in key order).
    The highlight terms, marked in results, are the terms of a person's names, and of the
    one-word names of anything else (not the "iraq" of "Islamic State of Iraq and the Levant")."""
    entities: list[list[Any]] = []
    by_name: dict[str, int] = {}
    codes: dict[str, int] = {}
    for (kind, key), entity in sorted(vocab.entities.items()):
        if not is_entity_kind(kind):
            continue
        index = len(entities)
        words: dict[str, None] = {}
        for name in (entity.name, *entity.aliases, *entity.synonyms):
            found = terms(name)
            if not found:
                continue
            by_name.setdefault(" ".join(found), index)
            if kind == "person" or len(found) == 1:  # not "iraq" of "Islamic State of Iraq ..."
                words.update(dict.fromkeys(found))
        entities.append([entity_term(kind, key), entity.name, list(words)])
        if kind == "country":
            codes[key] = index
    return {"entities": entities, "names": by_name, "codes": codes}
