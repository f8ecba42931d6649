"""Shared fixtures: one strict build of the shipped samples, reused by every site test, and one
build after a paragraph was inserted into a published sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests.support import golden_files
from tests.support.ledger_edit import Edited, insert_paragraph, marks, paragraphs
from tests.support.sitebuild import SITE_URL, Build, run_build, stage_inputs

# Tests check behaviour, never wall-clock time: no property fails because a busy machine ran
# one example slowly (Hypothesis' default deadline is 200 ms per example).
settings.register_profile("parley", deadline=None)
settings.load_profile("parley")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files in tests/golden/ that differ (reported as skipped)",
    )


def pytest_configure(config: pytest.Config) -> None:
    golden_files.UPDATE = bool(config.getoption("--update-golden"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """With --update-golden, name the golden files that no test of this run compared."""
    if not golden_files.UPDATE:
        return
    every = {p for p in golden_files.GOLDEN_DIR.rglob("*") if p.is_file()}
    for path in sorted(every - golden_files.VISITED):
        terminalreporter.write_line(f"golden file not compared by this run: {path}")


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built from ``transcripts/`` with ``--strict`` for its address under a sub-path
    (``SITE_URL``, as the Pages workflow does), in a temporary copy."""
    root = stage_inputs(tmp_path_factory.mktemp("sample-build"))
    build = run_build(root, "--strict", "--site-url", SITE_URL)
    assert build.status == 0, f"strict build of the samples failed:\n{build.stderr}"
    return build


@pytest.fixture(scope="session")
def sample_site(sample_build: Build) -> Path:
    """The built ``site/`` folder of the samples."""
    return sample_build.site


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    """The samples built (Markdown only), then the whole site built again after a paragraph was
    inserted near the top of the Bahrain transcript, without recording the ledger."""
    root = stage_inputs(tmp_path_factory.mktemp("ledger"))
    first = run_build(root, "--markdown-only", "--strict")
    assert first.status == 0, first.stderr
    before, before_marks = paragraphs(root), marks(root)
    insert_paragraph(root)
    second = run_build(root)
    return root, before, before_marks, second
