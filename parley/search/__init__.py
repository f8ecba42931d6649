"""Stage 5b, search: the archive's own search index, read by ``docs/javascripts/search*.js``.

In: entries and the catalog. Out: the index's files (manifest, postings shards, passages).
Module: ``index`` (tokens, codec and index).
"""
