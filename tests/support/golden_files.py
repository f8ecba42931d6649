"""Golden files: expected outputs kept in ``tests/golden/`` and reviewed as a diff.

A golden test calls :func:`assert_golden` with the actual text. To accept a change on purpose,
regenerate every golden file with one command and review ``git diff tests/golden``::

    PARLEY_REGEN=1 .venv/bin/python -m pytest tests -q -k golden
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).parents[1] / "golden"
REGENERATE = os.environ.get("PARLEY_REGEN") == "1"


def assert_golden(relative: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/golden/<relative>``; rewrite it when regenerating."""
    path = GOLDEN_DIR / relative
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        raise AssertionError(f"{path} is missing: run with PARLEY_REGEN=1 and review the new file")
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"expected {relative}",
                tofile="actual",
                n=2,
            )
        )
        raise AssertionError(f"{relative} differs from its golden file:\n{diff[:6000]}")
