"""Stage 4, link: every entry of the corpus into one :class:`~parley.link.catalog.Catalog`.

In: all entries. Out: the catalog (subjects per country, topic, person and organisation,
neighbours, related documents, reports of the same event). Pure.
Modules: ``catalog`` (the entry point), ``related`` (which documents belong together),
``ledger`` (paragraph numbers that stay put, from the committed ledgers in ``anchors/``),
and ``provenance`` (each quotation of a news report, found by :mod:`parley.read.quotes`, traced
to the transcript paragraph it is from).
"""

from parley.link.catalog import Catalog, build_catalog

__all__ = ["Catalog", "build_catalog"]
