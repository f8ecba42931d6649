"""The browser's stemmer: the npm package ``wink-porter2-stemmer`` (Snowball English, MIT),
copied from ``node_modules/`` (installed by ``scripts/setup.sh``) into the index as
``search/stemmer.js``, wrapped to run as a classic script that sets ``window.parleyStemmer``.

It is not kept in the repository: the build copies the version ``package-lock.json`` pins.
"""

from __future__ import annotations

import json
from pathlib import Path

from parley.diagnostics import SEARCH_STEMMER
from parley.model import Diagnostic

__all__ = ["PACKAGE", "stemmer_script"]

#: Where ``npm ci`` puts the package, beside the ``parley`` package.
PACKAGE = Path(__file__).resolve().parents[2] / "node_modules" / "wink-porter2-stemmer"


def stemmer_script(package: Path = PACKAGE) -> tuple[str | None, Diagnostic | None]:
    """The stemmer as a classic script, or None and an error saying how to install it."""
    try:
        meta = json.loads((package / "package.json").read_text("utf-8"))
        source = (package / str(meta["main"])).read_text("utf-8")
    except (OSError, ValueError, KeyError, TypeError) as error:
        missing = error.__class__.__name__
        message = f"the search stemmer is missing ({missing}): search will not work"
        hint = "run scripts/setup.sh (it installs the npm package wink-porter2-stemmer)"
        return None, SEARCH_STEMMER.at("node_modules/wink-porter2-stemmer", 0, message, hint)
    head = (
        f"/* Snowball English (Porter2) stemmer for the archive's search: {meta.get('name')} "
        f"{meta.get('version')} from npm ({meta.get('license')} licence), copied by the build "
        "and wrapped as a classic script. */\n"
    )
    body = "(function () {\nvar module = { exports: {} };\n" + source
    return head + body + "\nwindow.parleyStemmer = module.exports;\n})();\n", None
