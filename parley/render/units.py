"""Units of index pages: the pages one subject (or one year) gives, made by one function.

An index part (every country's pages, every feed) is made of many small units, each depending on
a small part of the linked corpus: a country's pages show its own documents. Each unit's pages
are made by a function of the page context given to :data:`Units` with the unit's key; the
renderer itself just calls it (:func:`each_time`). The build may instead take a unit's pages
from its previous build when nothing the function looked up changed
(:mod:`parley.build.generate`), so a unit's function must read the linked corpus only through
the context it is given, and everything else it uses must be in its key.
"""

from __future__ import annotations

from collections.abc import Callable

from parley.render.context import PageContext

__all__ = ["Make", "Units", "each_time"]

#: A unit's pages, made from a page context: {page path: Markdown}.
Make = Callable[[PageContext], dict[str, str]]
#: Gives the pages of the unit with a key (unique within its index part) made by a function.
Units = Callable[[str, Make], dict[str, str]]


def each_time(ctx: PageContext) -> Units:
    """Units made every time, from ``ctx``."""

    def unit(key: str, make: Make) -> dict[str, str]:
        return make(ctx)

    return unit
