"""Golden files: expected outputs kept in ``tests/golden/`` and reviewed as a diff.

A golden test calls :func:`assert_golden` with the actual text. To accept a change on purpose,
regenerate the golden files with one command and review ``git diff tests/golden``::

    .venv/bin/python -m pytest --update-golden -m "not browser"

Each file rewritten is reported as a skipped test ("rewrote ..."), never as a pass; a file that
did not change passes as usual. At the end the run names any file under ``tests/golden/`` that
no test compared, so none is forgotten.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parents[1] / "golden"
#: Set by ``--update-golden`` (``tests/conftest.py``).
UPDATE = False
#: The golden files compared or rewritten in this run.
VISITED: set[Path] = set()


def assert_golden(relative: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/golden/<relative>``; with ``--update-golden``, rewrite
    it when it differs and skip the test to say so."""
    path = GOLDEN_DIR / relative
    VISITED.add(path)
    if UPDATE and (not path.exists() or path.read_text(encoding="utf-8") != actual):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"rewrote tests/golden/{relative}: review it with git diff")
    if not path.exists():
        raise AssertionError(f"{path} is missing: run with --update-golden and review the new file")
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
