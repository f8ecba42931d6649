"""Stage 1, read: one source file's text into a :class:`~parley.model.Document`.

In: :class:`~parley.model.SourceText` (found and decoded by :mod:`.sources`). Out: the document
(metadata, turns, numbered paragraphs) and the diagnostics about it. Pure; never raises on content.
Modules: ``sources`` (find and decode files), ``yaml_safety`` (no YAML anchors or aliases),
``frontmatter``, ``header`` (date, time, place lines), ``pagehead`` (a copied web page's head),
``dates``, ``titles``, ``persons`` and ``labels`` (names and speaker labels), ``turns`` (speakers
and paragraphs), ``dateline`` (where and when a news report was filed), ``quotes`` (the words a
news report puts in quotation marks and who said them; the link stage traces them), ``article``
(a news article's speaker, place and day), and ``document``, which runs them in order;
``duplicates`` finds files with the same bytes across the corpus.
"""

from parley.read.document import read_document

__all__ = ["read_document"]
