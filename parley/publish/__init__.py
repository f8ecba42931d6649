"""Stage 7, publish: what the site carries beside the pages, and MkDocs that renders them.

In: the catalog, the notes and the generated ``docs/``. Out: the published data (``catalog.json``,
``.csv``, ``annotations.jsonld``), the rendered ``site/`` and the offline zip. Modules:
``records`` (catalog records), ``data`` (the published files), ``mkdocs_runner`` (MkDocs for a
build and for the preview), ``archive_zip`` (the zip).
"""
