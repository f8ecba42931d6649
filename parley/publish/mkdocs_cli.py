"""``python -m parley.publish.mkdocs_cli ARGS``: MkDocs' own command line, less one notice.

A dirty build (``mkdocs build --dirty``) always logs a warning that it "will likely lead to
inaccurate navigation"; with ``--strict`` MkDocs counts it and fails. The build makes its dirty
renderings exact itself (:mod:`parley.publish.site_update`), so that one message, and only it,
is dropped; every other warning still counts.
"""

from __future__ import annotations

import logging

from mkdocs.__main__ import cli

#: Start of the notice a dirty build logs.
DIRTY_NOTICE = "A 'dirty' build is being performed"


class DropDirtyNotice(logging.Filter):
    """Drops the dirty-build notice before any handler (MkDocs' warning counter) sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)


def main() -> None:
    """Run MkDocs' command line with the filter in place."""
    logging.getLogger("mkdocs.commands.build").addFilter(DropDirtyNotice())
    cli(prog_name="mkdocs")


if __name__ == "__main__":
    main()
