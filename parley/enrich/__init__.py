"""Stage 2, enrich: a read document and the vocabulary into an :class:`~parley.model.Entry`.

In: a :class:`~parley.model.Document` and a vocabulary. Out: the entry (names resolved to vocabulary
keys, mentions of countries, people and organisations, tallies, topics). Pure.
Modules: ``document`` (the entry point), ``topics`` (topic rules).
"""

from parley.enrich.document import enrich

__all__ = ["enrich"]
