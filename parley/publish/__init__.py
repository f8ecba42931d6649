"""Stage 7, publish: what the site carries beside the pages, and MkDocs that renders them.

In: the catalog, the notes and the generated ``docs/``. Out: the published data (``catalog.json``,
``.csv``, ``annotations.jsonld``), the rendered ``site/`` and the offline zip. Modules:
``records`` (catalog records), ``data`` (the published files and source texts),
``site_update`` (which pages MkDocs must render again), ``mkdocs_runner`` (MkDocs for a build,
clean or dirty, and for the preview; ``mkdocs_cli`` is MkDocs' command line less the dirty-build
notice), ``shards`` (which pages each of several MkDocs processes renders) and ``site_merge``
(one site from theirs), ``archive_zip`` (the zip), ``offline_home`` (the zip's home page,
which says it is the offline copy).
"""
