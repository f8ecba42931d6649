"""Stage 1, read: one source file's text into a :class:`~parley.model.Document`.

In: :class:`~parley.model.SourceText` (found and decoded by :mod:`.sources`). Out: the document
(metadata, turns, numbered paragraphs) and the diagnostics about it. Pure; never raises on content.
Modules: ``sources`` (find and decode files), ``frontmatter``, ``header`` (date, time, place lines),
``dates``, ``titles``, ``persons`` (names and labels), ``turns`` (speakers and paragraphs), and
``document``, which runs them in order.
"""

from parley.read.document import read_document

__all__ = ["read_document"]
