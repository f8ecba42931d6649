"""How much of a contributor's input one build accepts: the limits, their defaults, and where a
maintainer raises them.

Transcripts, annotations and data files arrive by pull request from anyone; a file over a limit
is refused by name (and line), and the rest of the corpus builds. The defaults are far above
any real transcript (the samples are under 20 KB, with lines under 2,000 characters). A
maintainer raises a limit in ``mkdocs.yml``, under ``extra``::

    extra:
      limits:
        file_bytes: 10000000

:func:`read_limits` reads that section; a value that is not a whole number above zero, or an
unknown name, is an error naming it, and the default is used.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from parley.diagnostics import CONFIG_LIMIT, LINE_TOO_LONG, TOO_MANY_PARAGRAPHS
from parley.model import Diagnostic, Document

#: Where the limits are set, as shown in hints.
SECTION = "extra.limits"


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits of one build; every field is a count above zero."""

    file_bytes: int = 5_000_000
    """Largest transcript, annotation or data file, in bytes; nothing past it is read."""
    line_characters: int = 50_000
    """Longest line of a transcript, in characters."""
    paragraphs_per_document: int = 10_000
    """Most paragraphs in one transcript."""
    annotations_per_file: int = 1_000
    """Most annotations in one annotation file."""


def raise_hint(name: str) -> str:
    """How to raise the limit ``name``, for the end of a message's hint."""
    return f"or raise {SECTION}.{name} in mkdocs.yml"


#: The defaults, as documented in the README.
DEFAULT = Limits()
NAMES = tuple(f.name for f in fields(Limits))


def read_limits(config: Mapping[str, Any], path: str) -> tuple[Limits, list[Diagnostic]]:
    """The limits set in a parsed MkDocs configuration (``extra.limits``), and an error for each
    value that cannot be used (the default stands in for it). ``path`` names the file."""
    extra = config.get("extra")
    section = extra.get("limits") if isinstance(extra, Mapping) else None
    if section is None:
        return DEFAULT, []
    if not isinstance(section, Mapping):
        return DEFAULT, [_error(path, f"{SECTION} must be a mapping of limit names to numbers")]
    limits, problems = DEFAULT, []
    for name, value in section.items():
        if name not in NAMES:
            close = difflib.get_close_matches(str(name), NAMES, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "known limits: " + ", ".join(NAMES)
            problems.append(_error(path, f"unknown limit '{name}' in {SECTION}", hint))
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            default = getattr(DEFAULT, name)
            problems.append(
                _error(
                    path,
                    f"{SECTION}.{name} must be a whole number above 0, not {value!r}; "
                    f"the default {default:,} is used",
                    "write the number without quotes or separators",
                )
            )
        else:
            limits = replace(limits, **{name: value})
    return limits, problems


def long_line(text: str, path: str, limits: Limits) -> Diagnostic | None:
    """The error for a text whose line is longer than ``limits.line_characters``, or None."""
    limit = limits.line_characters
    if len(text) <= limit:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limit:
            return LINE_TOO_LONG.at(
                path,
                number,
                f"the line is longer than the limit of {limit:,} characters; the file is left out",
                "break it into paragraphs, " + raise_hint("line_characters"),
            )
    return None


def too_many_paragraphs(document: Document, limits: Limits) -> Diagnostic | None:
    """The error for a document with more paragraphs than ``limits.paragraphs_per_document``,
    on the line of the first paragraph past the limit; None when within it."""
    limit = limits.paragraphs_per_document
    if len(document.paragraphs) <= limit:
        return None
    return TOO_MANY_PARAGRAPHS.at(
        document.path,
        document.paragraphs[limit].line,
        f"the document has more than {limit:,} paragraphs; the file is left out",
        "split it into several documents, " + raise_hint("paragraphs_per_document"),
    )


def _error(path: str, message: str, hint: str = "") -> Diagnostic:
    return CONFIG_LIMIT.at(path, 0, message, hint)
