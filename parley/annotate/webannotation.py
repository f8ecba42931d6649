"""Annotations as W3C Web Annotation JSON-LD, so that other tools can read them.

The export is one ``AnnotationCollection`` with its only ``AnnotationPage`` embedded
(Web Annotation Data Model, https://www.w3.org/TR/annotation-model/). Each note is an
``Annotation`` whose target is the transcript's page, chosen by two equivalent selectors:

- a ``TextQuoteSelector``: the exact text with up to 32 characters before and after it
  (no ``prefix`` or ``suffix`` at the start or end of the paragraph);
- a ``FragmentSelector`` for the paragraph (``#p12``, the page's paragraph permalink),
  refined by a ``TextPositionSelector`` with the offsets of the quote in that paragraph's text.

The bodies are the note (HTML, already sanitised), its kind as a tag, and its sources as links.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from parley.model import Document, Note
from parley.urls import transcript_url

#: The JSON-LD context of the Web Annotation vocabulary.
CONTEXT = "http://www.w3.org/ns/anno.jsonld"

#: Where the pipeline writes the export, relative to the site root.
EXPORT_PATH = "data/annotations.jsonld"

#: How a FragmentSelector value is to be read (a URI fragment, as in the W3C examples).
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986"

#: Characters of context in a TextQuoteSelector's prefix and suffix.
QUOTE_CONTEXT = 32


def export_jsonld(
    entries_notes: Mapping[str, tuple[Note, ...]],
    documents: Mapping[str, Document],
    base_url: str,
    page_path: Callable[[str], str] = transcript_url,
) -> dict[str, Any]:
    """Every note as a Web Annotation in one AnnotationCollection; pure and deterministic.

    ``base_url`` is the site's address (``site_url``); ids are relative when it is empty.
    Notes whose document or paragraph is not in ``documents`` are left out.
    """
    base = base_url.rstrip("/") + "/" if base_url else ""
    items = []
    for doc_id in sorted(entries_notes):
        document = documents.get(doc_id)
        if document is None:
            continue
        texts = {p.number: p.text for p in document.paragraphs}
        page = base + page_path(doc_id)
        for note in sorted(entries_notes[doc_id], key=_text_order):
            text = texts.get(note.paragraph)
            if text is not None and 0 <= note.start < note.end <= len(text):
                items.append(annotation(note, text, page))
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": base + EXPORT_PATH,
        "type": "AnnotationCollection",
        "label": "Contributors' annotations on the transcripts",
        "total": len(items),
    }
    if items:
        collection["first"] = {
            "id": f"{base}{EXPORT_PATH}#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        }
    return collection


def annotation(note: Note, paragraph_text: str, page: str) -> dict[str, Any]:
    """One note as a Web Annotation on ``page``; ``paragraph_text`` is its paragraph's text."""
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": note.html, "format": "text/html", "purpose": "commenting"},
        {"type": "TextualBody", "value": note.kind, "purpose": "tagging"},
    ]
    body.extend(
        {"type": "SpecificResource", "source": url, "purpose": "linking"} for url in note.sources
    )
    quote = {"type": "TextQuoteSelector", "exact": paragraph_text[note.start : note.end]}
    prefix = paragraph_text[max(0, note.start - QUOTE_CONTEXT) : note.start]
    suffix = paragraph_text[note.end : note.end + QUOTE_CONTEXT]
    quote.update({"prefix": prefix} if prefix else {})
    quote.update({"suffix": suffix} if suffix else {})
    position = {
        "type": "FragmentSelector",
        "conformsTo": FRAGMENT_SPEC,
        "value": f"p{note.paragraph}",
        "refinedBy": {"type": "TextPositionSelector", "start": note.start, "end": note.end},
    }
    return {
        "id": f"{page}#note-{note.id}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": f"{note.date}T00:00:00Z",
        "creator": {"type": "Person", "name": note.author},
        "body": body,
        "target": {"source": page, "selector": [quote, position]},
    }


def _text_order(note: Note) -> tuple[int, int, int, int]:
    """Notes in text order; at the same place, in the order of their file."""
    return (note.paragraph, note.start, note.end, note.line)
