"""Files whose bytes are the same as another file's: both are published, with a warning.

In: the entries read, each with the SHA-256 of its source's bytes. Out: a ``duplicate-content``
warning for every file after the first of a kind (in id order).
"""

from __future__ import annotations

from parley.diagnostics import DUPLICATE_CONTENT
from parley.model import Diagnostic, Entry

__all__ = ["duplicate_sources"]


def duplicate_sources(entries: list[Entry]) -> list[Diagnostic]:
    """A warning for each file whose bytes are the same as an earlier file's (by id order)."""
    first: dict[str, Entry] = {}
    found = []
    for entry in sorted(entries, key=lambda e: e.doc.id):
        original = first.setdefault(entry.doc.sha256, entry)
        if original is not entry:
            found.append(
                DUPLICATE_CONTENT.at(
                    entry.doc.path,
                    0,
                    f"same content as {original.doc.path}; both are published",
                    "delete one of the two files if they are the same document",
                )
            )
    return found
