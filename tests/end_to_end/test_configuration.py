"""mkdocs.yml as YAML: a key given twice silently replaces the first (PyYAML keeps the last)."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


class _Strict(yaml.SafeLoader):
    """A loader that refuses a mapping with a key given twice; tags of MkDocs are kept as text."""


def _mapping(loader: _Strict, node: yaml.MappingNode) -> dict[object, object]:
    keys = [loader.construct_object(k) for k, _ in node.value]
    repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
    assert not repeated, f"mkdocs.yml line {node.start_mark.line + 1}: repeated keys {repeated}"
    return loader.construct_mapping(node)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Strict.add_multi_constructor("!", lambda loader, suffix, node: None)
_Strict.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_mkdocs_yml_names_each_key_once() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_Strict)
    assert "javascripts/search/core.js" in config["extra_javascript"]
    assert "javascripts/cite.js" in config["extra_javascript"]
