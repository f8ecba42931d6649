"""Answers remembered for the length of one read.

The reader's rules ask the same question of the same words more than once while reading one
document: the main speaker, the counterparts and the event date each read the lead's reported
speech (:func:`parley.read.article.attributions`), the full names it gives, its dateline. A
function decorated with :func:`per_read` answers each distinct question once per document:
:func:`parley.read.document.read_document` calls :func:`forget` before it reads, so nothing one
document says is remembered while another is read (a build reads each document once; a
benchmark reading the same texts again measures a first read each time).

Only pure functions of hashable arguments (strings, tuples, frozen sets) are decorated, and
they return values nobody changes (tuples, frozen dataclasses, strings): the answer remembered
is the answer the function gives.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: At most this many answers of one function are kept (a bound for callers outside a read).
MAX_ANSWERS = 4096

_FORGETS: list[Callable[[], None]] = []


def per_read(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` answering each distinct call once until the next :func:`forget`."""
    remembered = lru_cache(maxsize=MAX_ANSWERS)(function)
    _FORGETS.append(remembered.cache_clear)
    return remembered  # type: ignore[return-value]


def forget() -> None:
    """Forget every answer remembered since the last call (a new document is read)."""
    for clear in _FORGETS:
        clear()
