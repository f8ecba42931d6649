"""The passage quoted under a listed document: the words around the subject's first mention.

On a subject's page each document shows the paragraph that earned its place there (the first
that mentions the subject, or that earned a topic), cut to about :data:`PASSAGE` characters
around the mention, so a reader sees why the document is listed before opening it.
"""

from __future__ import annotations

from bisect import bisect_left

from parley.model import Entry, Mention, Paragraph
from parley.render.markdown import excerpt, trim

#: Characters of a passage quoted under a listed document.
PASSAGE = 200


def quoted_passage(entry: Entry, number: int, kind: str, key: str) -> str | None:
    """About :data:`PASSAGE` characters of paragraph ``number`` of ``entry``, from near the
    first mention of the subject (``kind``, ``key``) in it; None if there is no such paragraph.
    """
    paragraph = paragraph_numbered(entry, number)
    if paragraph is None:
        return None
    start = first_mention_start(entry, number, kind, key)
    return excerpt(paragraph.text, start, PASSAGE) if start else trim(paragraph.text, PASSAGE)


def paragraph_numbered(entry: Entry, number: int) -> Paragraph | None:
    """The paragraph with this number, or None."""
    # Not a search by order: a paragraph inserted after publication has a higher number than
    # those after it (parley.link.ledger).
    for turn in entry.doc.turns:
        for paragraph in turn.paragraphs:
            if paragraph.number == number:
                return paragraph
    return None


def first_mention_start(entry: Entry, number: int, kind: str, key: str) -> int:
    """Offset of the subject's first mention in paragraph ``number``; 0 when there is none.

    Mentions are in text order (:attr:`~parley.model.Facts.mentions`), so the paragraph's
    mentions are found by bisection instead of a scan of the whole document.
    """
    mentions = entry.facts.mentions
    for m in mentions[bisect_left(mentions, number, key=_paragraph_of) :]:
        if m.paragraph != number:
            break
        if m.key == key and m.kind == kind:
            return m.start
    return 0


def _paragraph_of(mention: Mention) -> int:
    return mention.paragraph
