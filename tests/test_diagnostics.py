"""The table of diagnostic codes is the one home of every code, and the README documents it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from parley import diagnostics
from parley.diagnostics import BY_NAME, CODES, NO_DATE

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "parley"
#: The only modules that build a Diagnostic by hand: the table's constructor, and the build
#: stamp, which reads back the diagnostics it saved.
MAKERS = {PACKAGE / "diagnostics.py", PACKAGE / "build" / "stamp.py"}


def readme_messages() -> list[tuple[str, str, str]]:
    """``(code, severity, meaning)`` for each code named in the README's Messages table."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Messages\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    found: list[tuple[str, str, str]] = []
    for row in rows:
        codes, severity, meaning = (cell.strip() for cell in row.strip("|").split(" | "))
        found.extend((code, severity, meaning) for code in re.findall(r"`([^`]+)`", codes))
    return found


def test_every_code_is_in_the_readme_with_its_severity_and_meaning() -> None:
    documented = readme_messages()
    assert [name for name, _, _ in documented] == [code.name for code in CODES]
    for name, severity, meaning in documented:
        assert (severity, meaning) == (BY_NAME[name].severity, BY_NAME[name].meaning), name


def test_codes_are_unique_and_named_like_their_constant() -> None:
    assert len(BY_NAME) == len(CODES)
    for constant, value in vars(diagnostics).items():
        if isinstance(value, diagnostics.Code):
            assert constant == value.name.upper().replace("-", "_")


def test_a_code_makes_a_diagnostic_with_its_own_severity() -> None:
    found = NO_DATE.at("transcripts/a.txt", 3, "no date", "add one")
    assert found.format() == "transcripts/a.txt:3: warning: no date (add one)"
    assert found.code == "no-date"


def test_no_module_types_a_code_or_a_severity_itself() -> None:
    """Diagnostics come from the table's constructors; a code name in quotes elsewhere would be
    a second home of that code."""
    names = set(BY_NAME)
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in MAKERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(REPO)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Diagnostic":
                offenders.append(f"{where}: Diagnostic(...)")
            if isinstance(node, ast.Constant) and node.value in names:
                offenders.append(f"{where}: {node.value!r}")
    assert offenders == []
