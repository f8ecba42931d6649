"""Relative links between generated pages are what the file system says they are."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.urls import link

FOLDERS = st.lists(st.sampled_from(["countries", "topics", "transcripts", "a"]), max_size=3)


@settings(max_examples=300)
@given(FOLDERS, FOLDERS, st.sampled_from(["x", "y"]), st.sampled_from(["x", "y"]), st.booleans())
def test_link_is_the_relative_path_from_the_source_page(
    here: list[str], there: list[str], a: str, b: str, anchored: bool
) -> None:
    source = "/".join([*here, f"{a}.md"])
    target = "/".join([*there, f"{b}.md"])
    anchor = "#p3" if anchored else ""
    expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
    if target == source and anchored:
        expected = ""
    assert link(source, target + anchor) == expected + anchor
