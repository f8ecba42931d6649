"""``python -m parley.publish.mkdocs_cli ARGS``: MkDocs' own command line, less one notice.

A dirty build (``mkdocs build --dirty``) always logs a warning that it "will likely lead to
inaccurate navigation"; with ``--strict`` MkDocs counts it and fails. The build makes its dirty
renderings exact itself (:mod:`parley.publish.site_update`), so that one message, and only it,
is dropped; every other warning still counts.

A shard of a build rendered in several processes (:mod:`parley.publish.shards`) leaves the other
shards' pages out with ``exclude_docs``; MkDocs still links to them and says so, at INFO, for
every such link. The file named by the environment variable :data:`EXCLUDED_ENV` lists those
pages; notices about links to them are dropped, notices about pages the configuration itself
excludes are kept.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from mkdocs.__main__ import cli

#: Start of the notice a dirty build logs.
DIRTY_NOTICE = "A 'dirty' build is being performed"
#: Environment variable naming the file of the pages a shard leaves out, one per line.
EXCLUDED_ENV = "PARLEY_SHARD_EXCLUDED"
#: MkDocs' notice of a link to a page left out of the site (MkDocs 1.6).
_EXCLUDED_LINK = re.compile(r"Doc file '.*' contains a link to '(.*)' which is excluded from")


class DropDirtyNotice(logging.Filter):
    """Drops the dirty-build notice before any handler (MkDocs' warning counter) sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)


class DropShardNotices(logging.Filter):
    """Drops MkDocs' notices (INFO and below) of links to the pages another shard renders."""

    def __init__(self, excluded: frozenset[str]) -> None:
        super().__init__()
        self.excluded = excluded

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        found = _EXCLUDED_LINK.match(record.getMessage())
        return found is None or found.group(1) not in self.excluded


def main() -> None:
    """Run MkDocs' command line with the filters in place."""
    logging.getLogger("mkdocs.commands.build").addFilter(DropDirtyNotice())
    listed = os.environ.get(EXCLUDED_ENV)
    if listed:
        excluded = frozenset(Path(listed).read_text(encoding="utf-8").splitlines())
        logging.getLogger("mkdocs.structure.pages").addFilter(DropShardNotices(excluded))
    cli(prog_name="mkdocs")


if __name__ == "__main__":
    main()
