"""The GitHub workflows give a pull request's code nothing to steal and nothing to publish.

A pull request runs our build on a stranger's files: its workflow may only read the repository,
sees no secret, never runs as ``pull_request_target`` (which would give the stranger's code the
repository's token), and leaves no credential in the checkout. Only ``main`` is deployed, and the
Pages build is told its published address. ``zizmor`` (in ``scripts/test.sh``) checks the same
family of rules in general; these tests hold this project's own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.sitebuild import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
#: Triggers that run with the repository's token or secrets on behalf of someone else's code.
PRIVILEGED_TRIGGERS = ("pull_request_target", "workflow_run")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict), path
    return data


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    """The ``on:`` section (YAML 1.1 reads the bare key ``on`` as true)."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict)
    return on


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _writes(permissions: object) -> bool:
    if permissions in ("write-all",):
        return True
    if isinstance(permissions, dict):
        return any(value == "write" for value in permissions.values())
    return False


def test_there_are_workflows_to_check() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_workflow_runs_with_privileges_on_someone_elses_code(path: Path) -> None:
    triggers = _triggers(_load(path))
    assert not set(triggers) & set(PRIVILEGED_TRIGGERS), path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_checkout_leaves_no_credentials_behind(path: Path) -> None:
    checkouts = [
        s for s in _steps(_load(path)) if str(s.get("uses", "")).startswith("actions/checkout@")
    ]
    assert checkouts, f"{path.name} checks nothing out"
    for step in checkouts:
        assert (step.get("with") or {}).get("persist-credentials") is False, path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    for step in _steps(_load(path)):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']}"


def test_the_pull_request_workflow_only_reads_and_sees_no_secret() -> None:
    pull_requests = [p for p in WORKFLOWS if "pull_request" in _triggers(_load(p))]
    assert "ci.yml" in [p.name for p in pull_requests]
    for path in pull_requests:
        workflow = _load(path)
        assert workflow.get("permissions") == {"contents": "read"}, path.name
        for name, job in workflow["jobs"].items():
            assert not _writes(job.get("permissions")), f"{path.name}: job {name} may write"
            assert "environment" not in job, f"{path.name}: job {name} uses an environment"
        assert "secrets." not in path.read_text("utf-8"), f"{path.name} uses a secret"


def test_pages_deploy_only_from_main() -> None:
    workflow = _load(REPO / ".github" / "workflows" / "pages.yml")
    triggers = _triggers(workflow)
    assert set(triggers) <= {"push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}
    assert workflow.get("permissions") == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        # workflow_dispatch may be started on any branch: every job checks the branch itself.
        assert job.get("if") == "github.ref == 'refs/heads/main'", f"job {name} runs off main"
    writers = {name for name, job in workflow["jobs"].items() if _writes(job.get("permissions"))}
    assert writers == {"deploy"}
    assert "secrets." not in (REPO / ".github" / "workflows" / "pages.yml").read_text("utf-8")


def test_the_pages_build_is_told_its_published_address() -> None:
    workflow = _load(REPO / ".github" / "workflows" / "pages.yml")
    builds = [s["run"] for s in _steps(workflow) if "build.sh" in str(s.get("run", ""))]
    assert builds and all("--site-url" in run for run in builds)


def test_the_checks_see_a_privileged_workflow_for_what_it_is() -> None:
    hostile = yaml.safe_load(
        "on: [pull_request_target]\n"
        "permissions: write-all\n"
        "jobs:\n  x:\n    runs-on: ubuntu-latest\n"
        "    permissions: {contents: write}\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
    )
    assert set(_triggers(hostile)) & set(PRIVILEGED_TRIGGERS)
    assert _writes(hostile["permissions"]) and _writes(hostile["jobs"]["x"]["permissions"])
    step = _steps(hostile)[0]
    assert (step.get("with") or {}).get("persist-credentials") is not False
    assert not PINNED.match(step["uses"])
