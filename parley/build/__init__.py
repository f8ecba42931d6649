"""Stage 6, build: render and index the linked corpus into files, and write them.

In: the catalog and notes. Out: the generated tree ``docs/archive/`` written atomically, with a
stamp of its inputs. Modules: ``generate`` (pages and postings, in ``workers``), ``memo`` (what a
build keeps between builds: reads, postings, how each transcript page was made), ``depends``
(what a transcript page looked up, and fingerprints to tell whether it changed), ``store`` (the
memo in the cache folder), ``stamp`` (inputs digest), ``write`` (the only writer), ``progress``.
"""
