"""Data flows one way: no stage imports from a stage that runs after it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "parley"
#: What runs after the pages are made: nothing before it may import from these.
AFTER_PAGES = {"render", "search", "build", "publish", "pipeline", "preview", "cli"}
#: The stages and top-level modules that come before the pages.
BEFORE_PAGES = {"model", "diagnostics", "limits", "names", "urls", "read", "vocab", "enrich"}
BEFORE_PAGES |= {"annotate", "link"}
#: What each later part may not import from.
FORBIDDEN = {
    **{unit: AFTER_PAGES for unit in BEFORE_PAGES},
    "render": AFTER_PAGES - {"render"},
    "search": AFTER_PAGES - {"search"},
    "build": {"publish", "pipeline", "preview", "cli"},
    # publish comes after build (it may use the stamp's code digest), never uses pages' code
    "publish": {"render", "pipeline", "preview", "cli"},
    "pipeline": {"preview", "cli"},
    "preview": {"cli"},
}


def unit_of(module: str) -> str:
    """``parley.read.sources`` -> ``read``; ``parley.urls`` -> ``urls``."""
    return module.split(".")[1]


def imports() -> list[tuple[str, str, str]]:
    """(importing unit, imported unit, file) for every import of the package by itself."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = unit_of("parley." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                if name.startswith("parley."):
                    found.append((here, unit_of(name), path.name))
    return found


def test_no_stage_imports_from_a_later_one() -> None:
    backwards = [
        f"{file} ({here}) imports from {there}"
        for here, there, file in imports()
        if there in FORBIDDEN.get(here, set())
    ]
    assert backwards == []


def test_the_check_sees_the_imports_it_is_about() -> None:
    """The pipeline imports from every stage, so a parser that found nothing would show here."""
    seen = {there for here, there, _ in imports() if here == "pipeline"}
    assert {"read", "vocab", "enrich", "annotate", "link", "render", "build", "publish"} <= seen


def test_the_readme_build_section_names_the_tree_as_it_is() -> None:
    """ "How a build works" lists every subpackage and top-level module, and nothing else."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## How a build works\n", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`parley/([a-z_]+)/`", section))
    named |= {name for name in re.findall(r"`([a-z_]+)\.py`", section)}
    units = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert units <= named and modules <= named
    files = {p.stem for p in PACKAGE.rglob("*.py")}
    assert named <= units | files
