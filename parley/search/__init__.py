"""Stage 5b, search: the archive's own search index, read by ``docs/javascripts/search/*.js``.

In: entries, the catalog's order and the vocabulary. Out: the index's files (manifest, term
shards, ids, facets, suggestion words, text parts). Modules, in the order they build on each
other: ``tokens`` (text -> terms), ``codec`` (numbers and weights as letters), ``synonyms``
(entity names), ``facets`` (filter values), ``index`` (the files; entry point
:func:`~parley.search.index.build_search_index`); ``stemmer`` wraps the npm stemmer the browser
uses as a classic script.
"""
