"""Stage 6, build: render and index the linked corpus into files, and write them.

In: the catalog and notes. Out: the generated tree ``docs/archive/`` written atomically, with a
stamp of its inputs. Modules: ``generate`` (pages and postings, in ``workers``), ``memo`` (what a
live preview keeps between builds), ``stamp`` (inputs digest), ``write`` (the only writer),
``progress``.
"""
