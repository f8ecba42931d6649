"""Stage 3, annotate: contributors' notes in ``annotations/``, anchored to exact quotes.

In: the annotation files and the read documents. Out: :class:`~parley.model.Note` values per
document and diagnostics. Modules: ``schema`` (parse and validate one file), ``anchor`` (find a
quote in a document's paragraphs), ``notes`` (load, anchor, render a note), ``webannotation``
(W3C JSON-LD export).
"""

from parley.annotate.notes import load_annotations

__all__ = ["load_annotations"]
