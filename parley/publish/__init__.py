"""Stage 7, publish: what the site carries beside the pages.

In: the catalog and the built ``site/``. Out: the published data (``catalog.json``, ``.csv``) and
the offline zip. Modules: ``records`` (catalog records), ``archive_zip`` (the zip).
"""
