"""The JSON Schemas of the data files are published beside the annotation schema, say what the
loader checks, and accept the shipped data files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from parley.vocab.datafiles import json_schema
from tests.support import golden_files

REPO = Path(__file__).resolve().parents[2]
FILES = ["countries.yaml", "people.yaml", "organisations.yaml", "topics.yaml"]


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as an editor's language server reads it: "NO" and "yes" are text, not booleans."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load(text: str) -> Any:
    return yaml.load(text, Loader=_Yaml12Loader)


@pytest.mark.parametrize("name", FILES)
def test_the_published_schema_is_the_loader_s(name: str) -> None:
    path = REPO / "schema" / f"{name.removesuffix('.yaml')}.schema.json"
    made = json.dumps(json_schema(name), indent=2) + "\n"
    if golden_files.UPDATE and (not path.exists() or path.read_text(encoding="utf-8") != made):
        path.write_text(made, encoding="utf-8")
        pytest.skip(f"rewrote {path.relative_to(REPO)}: review it with git diff")
    assert path.read_text(encoding="utf-8") == made, "run pytest --update-golden"


@pytest.mark.parametrize("name", FILES)
def test_the_shipped_data_file_passes_its_schema(name: str) -> None:
    data = _load((REPO / "data" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json_schema(name)).validate(data)


def test_an_unknown_key_or_a_missing_one_breaks_the_schema_as_it_breaks_the_loader() -> None:
    validator = jsonschema.Draft202012Validator(json_schema("people.yaml"))
    person = {"name": "Sergey Lavrov", "slug": "sergey-lavrov", "role": "Foreign Minister"}
    assert validator.is_valid({"people": [person]})
    assert not validator.is_valid({"people": [{**person, "alias": ["Lavrov"]}]})
    assert not validator.is_valid({"people": [{"name": "Sergey Lavrov", "role": "Minister"}]})
