"""The command line: documented options, exit codes, and the README's promises about them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.cli import exit_status, parser, summary
from parley.model import Diagnostic
from parley.pipeline import BuildResult, site_info

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _options() -> list[str]:
    return sorted(
        option
        for action in parser()._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    )


def _readme_option_table() -> dict[str, str]:
    """Each option of the README's Command line table, with what it takes (``DIR``, ``N``)."""
    section = README.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(--[a-z-]+) ?([^`]*)` \|", section, re.M)
    return {option: takes.replace("\\|", "|") for option, takes in rows}


def test_the_readme_option_table_lists_exactly_the_options_of_the_command() -> None:
    expected = {}
    for action in parser()._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                choices = "|".join(action.choices) if action.choices else ""
                expected[option] = str(action.metavar or choices)
    assert _readme_option_table() == expected


@pytest.mark.parametrize("option", _options())
def test_readme_documents_every_option(option: str) -> None:
    assert f"`{option}" in README, f"README.md does not mention {option}"


def test_readme_quick_start_has_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert lines == ["bash scripts/build.sh", "bash scripts/test.sh"]


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    commands = [
        line
        for line in (REPO / ".ci" / "run").read_text().splitlines()
        if line.strip()
        and not line.startswith("#")
        and not line.startswith("set ")
        and not line.startswith("cd ")
    ]
    assert commands == ["exec bash scripts/test.sh"]


def _result(*severities: str, mkdocs: int | None = None) -> BuildResult:
    result = BuildResult(mkdocs_status=mkdocs)
    for i, severity in enumerate(severities):
        result.diagnostics.append(Diagnostic("t.txt", i, severity, "x", "m"))  # type: ignore[arg-type]
    return result


@pytest.mark.parametrize(
    ("severities", "strict", "mkdocs", "status"),
    [
        ((), False, 0, 0),
        (("warning",), False, 0, 0),
        (("warning",), True, 0, 1),
        (("error",), False, 0, 1),
        (("info",), True, 0, 0),
        ((), False, 1, 1),
        ((), False, None, 0),
    ],
)
def test_exit_status(
    severities: tuple[str, ...], strict: bool, mkdocs: int | None, status: int
) -> None:
    assert exit_status(_result(*severities, mkdocs=mkdocs), strict) == status


def test_summary_line() -> None:
    result = _result("warning", "error")
    result.documents, result.pages_written, result.pages_unchanged = 5, 3, 40
    assert summary(result, "build") == (
        "built 5 documents: 1 errors, 1 warnings; pages: 3 written, 40 unchanged, 0 removed"
    )
    assert summary(result, "check") == "checked 5 documents: 1 errors, 1 warnings"


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("https://example.org/archive/", "https://example.org/archive/"),
        ("https://owner.github.io/repo", "https://owner.github.io/repo/"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
    ],
)
def test_site_url_is_a_folder_address(given: str, used: str) -> None:
    assert parser().parse_args(["--site-url", given]).site_url == used


@pytest.mark.parametrize("given", ["example.org/archive/", "ftp://example.org/", "https://", "/x/"])
def test_a_site_url_that_is_not_an_http_address_is_bad_usage(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        parser().parse_args(["--site-url", given])
    assert stop.value.code == 2
    assert (
        "is not an http(s) address such as https://example.org/archive/" in capsys.readouterr().err
    )


def test_without_site_url_the_configuration_decides() -> None:
    assert not parser().parse_args([]).site_url


def test_the_repository_comes_from_the_configuration_else_the_git_remote_else_none() -> None:
    configured = {"extra": {"repository": "https://github.com/owner/parley/"}}
    assert site_info(configured, "git@gitlab.com:x/y.git").repo_url == (
        "https://github.com/owner/parley"
    )
    assert site_info({}, "git@gitlab.com:x/y.git").repo_url == "https://gitlab.com/x/y"
    assert site_info({}, "https://me:secret@github.com/o/r.git").repo_url == (
        "https://github.com/o/r"
    )
    assert site_info({}, "/srv/git/parley.git").repo_url == ""
    assert site_info({}, "").repo_url == ""
