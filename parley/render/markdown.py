"""Text into Markdown and HTML: the one place where words from a source become markup.

Every string that comes from a transcript, the vocabulary or an annotation reaches a page through
one of these functions, so every character renders as itself:

- :func:`html_text` and :func:`html_attr` for raw HTML (paragraphs, labels, attributes), and
  :func:`html_list` and :func:`html_table` for the raw HTML blocks that hold index rows: Python-
  Markdown keeps such a block as it is instead of running its inline patterns over every row,
  which makes long index pages several times cheaper to convert;
- :func:`md_text` for Markdown text (headings, list items, link labels, table cells): every
  character that means something to Markdown or to one of the site's extensions is written as a
  numeric character reference, which no Markdown rule and no preprocessor (``--8<--`` snippets,
  ``{: attr_list }``, tables' ``|``) can see;
- :func:`front_matter` for YAML front matter, written by ``yaml.safe_dump``. Its strings are HTML
  text, because Material inserts ``page.meta`` values (title, description, tags) into its
  templates unescaped.

Characters that cannot appear in a page as text (C0 and C1 controls, lone surrogates, and with
them Python-Markdown's placeholder markers STX and ETX) are shown as U+FFFD; runs of ASCII
whitespace are folded to one space, as the reader already does for paragraphs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import yaml

#: Characters written as numeric references anywhere in Markdown text: inline syntax and the
#: marks of the site's extensions (tables ``|``, attr_list ``{}``, snippets ``--8<--``).
MARKDOWN_SPECIAL = "\\`*_{}[]#<>&|~^=$"
_MARKDOWN_TABLE = {ord(c): f"&#{ord(c)};" for c in MARKDOWN_SPECIAL}
#: Any one of :data:`MARKDOWN_SPECIAL`, e.g. the "*" of "*em*".
MARKDOWN_CHAR = re.compile("[" + re.escape(MARKDOWN_SPECIAL) + "]")
#: The start of a text that would open a block at the start of a line, e.g. "- item",
#: "1. item", "2016) item", ": definition", "!!! note"; its first character is written as a
#: reference.
LINE_START = re.compile(r"^(?:[-+.:!?/]|\d+[.)])")

#: A run of ASCII whitespace other than a single space, e.g. the "\n   " in "Lavrov\n   said";
#: folded to one space.
WHITESPACE = re.compile(r"[\t\n\r\f\v][ \t\n\r\f\v]*| [ \t\n\r\f\v]+")
#: A character that cannot be shown as text: a control other than whitespace (including
#: Python-Markdown's STX/ETX placeholder markers, as in "\x02wzxhzdk:0\x03") or a lone surrogate.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: A line break inside sanitised HTML, as in "<p>first</p>\n<p>second</p>".
HTML_NEWLINE = re.compile(r"\r\n|\r|\n")

#: Anything :func:`_shown` would change: an unprintable or whitespace control character, or a
#: space followed by more white space. Text without one is returned as it is.
NEEDS_CLEANING = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]| [ \t\n\r\f\v]")

REPLACEMENT = "\ufffd"
#: ``yaml.safe_dump``'s serialiser, in C when libyaml is installed (the same output, faster).
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """``text`` as it will be shown: unprintable characters replaced, whitespace folded.

    Cached: index pages show the same titles and names thousands of times.
    """
    return _shown(text).strip()


def _shown(text: str) -> str:
    if not NEEDS_CLEANING.search(text):
        return text
    return WHITESPACE.sub(" ", UNPRINTABLE.sub(REPLACEMENT, text))


@lru_cache(maxsize=1 << 16)
def html_text(text: str) -> str:
    """Escape ``text`` for HTML element content; the result is one line.

    Cached, as :func:`plain` is: index rows repeat the same dates, titles and names.
    """
    return html.escape(plain(text), quote=False)


def html_piece(text: str) -> str:
    """As :func:`html_text` for a piece of a longer text: spaces at its ends are kept."""
    return html.escape(_shown(text), quote=False)


@lru_cache(maxsize=1 << 16)
def html_attr(text: str) -> str:
    """Escape ``text`` for a double-quoted HTML attribute value."""
    return html.escape(plain(text), quote=True)


@lru_cache(maxsize=1 << 16)
def md_text(text: str) -> str:
    """Escape ``text`` for Markdown inline content (a heading, list item, link label or cell)."""
    shown = plain(text)
    if MARKDOWN_CHAR.search(shown):
        shown = shown.translate(_MARKDOWN_TABLE)
    if LINE_START.match(shown):
        return f"&#{ord(shown[0])};{shown[1:]}"
    return shown


def md_url(target: str) -> str:
    """A relative link target for Markdown ``[label](target)``: percent-encoded, one token."""
    return quote(target, safe="/#.-_~")


def url_path(path: str) -> str:
    """A path percent-encoded for a URL ("transcripts/a b.txt" -> "transcripts/a%20b.txt")."""
    return quote(path, safe="/-_.~")


def md_link(label: str, target: str) -> str:
    """A Markdown link ``[label](target)`` with the label escaped (MkDocs validates ``.md``)."""
    return f"[{md_text(label)}]({md_url(target)})"


def html_link(label: str, href: str, css: str = "", title: str = "") -> str:
    """A raw HTML link with escaped label and attributes."""
    attrs = f' href="{html_attr(href)}"'
    if css:
        attrs += f' class="{html_attr(css)}"'
    if title:
        attrs += f' title="{html_attr(title)}"'
    return f"<a{attrs}>{html_text(label)}</a>"


def html_list(items: Iterable[str], css: str, ordered: bool = False) -> str:
    """A raw HTML list block, ``<ul class="css">`` (``<ol>`` when ``ordered``), one item a line.

    ``items`` are HTML made by the functions of this module, each on one line. The block starts
    at column 0 and holds no blank line, so Python-Markdown stashes it whole as one raw block;
    no line of it starts with text, so no snippets or Markdown construct can begin there.
    """
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{item}</li>\n" for item in items)
    return f'<{tag} class="{html_attr(css)}">\n{body}</{tag}>'


def html_table(head: Sequence[str], rows: Iterable[Sequence[str]], counts: int = 0) -> str:
    """A raw HTML table block: ``head`` are column titles (text), ``rows`` cells of HTML.

    The last ``counts`` columns hold numbers and are aligned right (class ``count``). The table
    has no class of its own, so the theme styles it as a Markdown table; one row a line.
    """
    first = len(head) - counts

    def cells(tag: str, values: Sequence[str]) -> str:
        return "".join(
            f'<{tag} class="count">{v}</{tag}>' if i >= first else f"<{tag}>{v}</{tag}>"
            for i, v in enumerate(values)
        )

    header = cells("th", [html_text(h) for h in head])
    body = "".join(f"<tr>{cells('td', row)}</tr>\n" for row in rows)
    return f"<table>\n<thead>\n<tr>{header}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>"


def trusted_html(fragment: str) -> str:
    """Embed already-sanitised HTML (an annotation's body) in a page without Markdown seeing it.

    Line breaks become ``&#10;`` (the same character to the browser, in text and attribute
    values alike), so no line of the fragment can start a Markdown or snippets construct, and
    the placeholder characters Python-Markdown uses internally are replaced.
    """
    return HTML_NEWLINE.sub("&#10;", UNPRINTABLE.sub(REPLACEMENT, fragment))


def _html_values(value: Any) -> Any:
    """Every string in ``value`` escaped as HTML text; lists and mappings kept in order."""
    if isinstance(value, str):
        return html.escape(plain(value), quote=True)
    if isinstance(value, Mapping):
        return {str(k): _html_values(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_html_values(v) for v in value]
    return value


def front_matter(fields: Mapping[str, Any]) -> str:
    """YAML front matter block (``---`` ... ``---``) for ``fields``; None values are left out.

    Strings are stored HTML-escaped (see the module docstring): ``yaml.safe_load`` of the block
    gives back ``html.escape(value)`` exactly, and the page shows ``value``.
    """
    kept = {k: _html_values(v) for k, v in fields.items() if v is not None}
    body = yaml.dump(
        kept,
        Dumper=SAFE_DUMPER,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,
    )
    return f"---\n{body}---\n"


def excerpt(text: str, start: int, limit: int) -> str:
    """About ``limit`` characters of ``text`` around offset ``start`` ("…" where cut)."""
    if start <= limit // 3:
        return trim(text, limit)
    begin = text.rfind(" ", 0, start - limit // 4) + 1
    return "…" + trim(text[begin:], limit)


def trim(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters at a word boundary, with "…"."""
    shown = plain(text)
    if len(shown) <= limit:
        return shown
    cut = shown[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"
