"""Shared fixtures: one strict build of the shipped samples, reused by every site test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.sitebuild import SITE_URL, Build, run_build, stage_inputs

# Tests check behaviour, never wall-clock time: no property fails because a busy machine ran
# one example slowly (Hypothesis' default deadline is 200 ms per example).
settings.register_profile("parley", deadline=None)
settings.load_profile("parley")


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
