"""YAML written by contributors (front matter, annotations, data files) may not use anchors or
aliases: an alias repeats a whole value, so a few lines can stand for millions of values, and
a reviewer reading the diff sees the name, not what it repeats. :func:`first_anchor` finds the
first one without building anything; each reader refuses the YAML with :data:`MESSAGE`.
"""

from __future__ import annotations

import yaml

#: The one message for an anchor or alias, wherever it is written.
MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed"
#: What to do instead.
HINT = "write each value out"


def first_anchor(text: str) -> int | None:
    """The 0-based line of the first anchor (``&name``) or alias (``*name``) in ``text``, or
    None when there is none, or when the text is not YAML (its parser reports that)."""
    if "&" not in text and "*" not in text:
        return None  # no anchor or alias can be written without its indicator: skip the parse
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return event.start_mark.line if event.start_mark is not None else 0
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return None
