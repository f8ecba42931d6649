"""How a transcript is cited: a short display title, CSL-JSON, BibTeX, a formatted reference,
``citation_*`` meta tags, schema.org JSON-LD, and the data the page's cite panel reads.

Everything here is made from one record per document, :func:`csl_item` (CSL-JSON, the format
reference managers exchange); the formatted reference comes from citeproc-py with the Harvard
(Cite Them Right) CSL style that citeproc-py itself ships, so no citation style is written as a
string template here. The page's cite panel (``docs/javascripts/cite.js``) adds the paragraph,
its speaker and the date the reader accessed it, in the browser, from the ``data-cite-*``
attributes of the transcript (:func:`cite_attributes`).
"""

from __future__ import annotations

import html
import json
import re
import warnings
from functools import lru_cache
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import nh3

from parley.link.catalog import is_news
from parley.model import Entry
from parley.names import Names, display_title, kind_noun, long_date, surname
from parley.render.context import PageContext, title_of
from parley.render.markdown import html_attr
from parley.urls import citation_file, published_address, transcript_page, web_address

#: "2016-10-28" -> year, month, day.
ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
#: The CSL style of the formatted reference: shipped inside the citeproc-py package.
STYLE_NAME = "harvard-cite-them-right"
#: CSL item types by document kind; anything else is a speech (remarks made aloud).
CSL_TYPES = {"interview": "interview", "article": "article-newspaper"}
#: Characters BibTeX treats specially, and how to write them as text.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def place_text(entry: Entry, names: Names) -> str:
    """Where it happened, as text: "Moscow, Russia", or ""."""
    place = entry.doc.meta.place
    if place is None:
        return ""
    parts = [place.city or ""]
    if place.country:
        parts.append(names.country(place.country))
    return ", ".join(p for p in parts if p)


def archive_address(entry: Entry, ctx: PageContext) -> str | None:
    """The page's published address, when the site's address is configured."""
    return published_address(ctx.site_url, transcript_page(entry.doc.id))


def _person(name: str) -> dict[str, str]:
    family = surname(name)
    given = name[: len(name) - len(family)].strip() if name.endswith(family) else ""
    return {"family": family, "given": given} if given else {"literal": name}


def _date_parts(iso: str | None) -> dict[str, Any] | None:
    match = ISO_DATE.match(iso or "")
    if not match:
        return None
    return {"date-parts": [[int(match["year"]), int(match["month"]), int(match["day"])]]}


def csl_item(entry: Entry, ctx: PageContext) -> dict[str, Any]:
    """The document as one CSL-JSON item: the record every other citation form is made from.

    Its address is the archive's page when the site's address is known, else the original's;
    the original is kept as ``source`` either way."""
    meta = entry.doc.meta
    item: dict[str, Any] = {
        "id": entry.doc.id,
        "type": CSL_TYPES.get(meta.kind, "speech"),
        "title": title_of(entry),
        "genre": "News article" if is_news(entry) else kind_noun(meta.kind).capitalize(),
        "container-title": ctx.site_name or "Parley",
    }
    if meta.speakers:
        item["author"] = [_person(name) for name in meta.speakers]
    if issued := _date_parts(meta.date):
        item["issued"] = issued
    if place := place_text(entry, ctx.names):
        item["event-place"] = place
        item["publisher-place"] = place
    page = archive_address(entry, ctx)
    original = web_address(meta.source_url)
    if page or original:
        item["URL"] = page or original
    if original:
        item["source"] = original
    if page and original:
        item["note"] = f"Original: {original}"
    return item


def csl_json(item: dict[str, Any]) -> str:
    """A CSL-JSON file holding the one item."""
    return indented_json([item]) + "\n"


def indented_json(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, written without the
    json module's pure-Python encoder (which ``indent`` selects: 8 times slower). Values other
    than dicts with text keys, lists, text, integers, booleans and None go to ``json.dumps``."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, list) and value:
        items = [indented_json(v, level + 1) for v in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        items = [f"{encode_basestring(k)}: {indented_json(v, level + 1)}" for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level) if level else text


def bibtex_text(text: str) -> str:
    """``text`` with BibTeX's special characters written as text."""
    return "".join(BIBTEX_ESCAPES.get(c, c) for c in " ".join(text.split()))


def bibtex(item: dict[str, Any]) -> str:
    """The item as one BibTeX ``@misc`` entry (what reference managers import for a speech)."""
    fields: list[tuple[str, str]] = []
    authors = [
        f"{a['family']}, {a['given']}" if "family" in a else a["literal"]
        for a in item.get("author", [])
    ]
    if authors:
        fields.append(("author", " and ".join(bibtex_text(a) for a in authors)))
    fields.append(("title", "{" + bibtex_text(item["title"]) + "}"))
    fields.append(("howpublished", bibtex_text(item["genre"])))
    if "issued" in item:
        year, month, day = item["issued"]["date-parts"][0]
        fields.append(("year", str(year)))
        fields.append(("month", str(month)))
        fields.append(("day", str(day)))
    if "event-place" in item:
        fields.append(("address", bibtex_text(item["event-place"])))
    fields.append(("organization", bibtex_text(item["container-title"])))
    if "URL" in item:
        fields.append(("url", item["URL"].replace("}", "%7D").replace("{", "%7B")))
    if "note" in item:
        fields.append(("note", bibtex_text(item["note"])))
    key = re.sub(r"[^A-Za-z0-9:-]", "-", item["id"])
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"


#: The citeproc-py release whose style lookups :func:`_remember_lookups` keeps (the lock pins it).
CITEPROC_VERSION = "0.11.1"


@lru_cache(maxsize=1)
def _style() -> Any:
    import citeproc
    from citeproc import CitationStylesStyle

    _remember_lookups()
    path = Path(citeproc.__file__).parent / "data" / "styles" / f"{STYLE_NAME}.csl"
    return CitationStylesStyle(str(path), validate=False)


def _remember_lookups() -> None:
    """Keep the answers of citeproc-py's lookups in its style.

    citeproc-py finds the style's terms, macros and the ancestors of each element with an XPath
    expression, compiled and run anew every time: about 60 lookups, half the time of a formatted
    reference (several milliseconds per transcript). The style's tree never changes once loaded,
    so each answer is kept, by element and expression, for every later reference of the build:
    the same elements come back, and the references are the same, byte for byte (the page
    tests compare them). Only for the release checked here; another runs as it comes."""
    import citeproc
    from citeproc.model import CitationStylesElement

    lookup = CitationStylesElement.xpath_search
    if citeproc.__version__ != CITEPROC_VERSION or getattr(lookup, "remembers", False):
        return
    answers: dict[tuple[Any, str], list[Any]] = {}

    def remembered(element: Any, expression: str) -> list[Any]:
        key = (element, expression)
        found = answers.get(key)
        if found is None:
            found = answers[key] = lookup(element, expression)
        return list(found)

    remembered.remembers = True  # type: ignore[attr-defined]
    remembered.original = lookup  # type: ignore[attr-defined]
    CitationStylesElement.xpath_search = remembered


def formatted_reference(item: dict[str, Any]) -> str:
    """The item as a reference in the Harvard (Cite Them Right) style, as HTML (titles in
    ``<i>``), formatted by citeproc-py. Its HTML formatter does not escape text, so the item's
    text goes in escaped, and what comes out keeps nothing but emphasis (nh3)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    escaped = _escaped(item)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it skips
        source = CiteProcJSON([escaped])
        bibliography = CitationStylesBibliography(_style(), source, formatter.html)
        bibliography.register(Citation([CitationItem(escaped["id"])]))
        text = str(bibliography.bibliography()[0])
    return nh3.clean(text, tags=REFERENCE_TAGS, attributes={})


#: What a formatted reference may keep of the formatter's markup.
REFERENCE_TAGS = {"i", "b", "sup", "sub"}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


def citation_meta(item: dict[str, Any], language: str = "en") -> list[dict[str, str]]:
    """The ``citation_*`` meta tags reference managers (Zotero) and Google Scholar read, as
    name/content pairs; the page template writes them into the page's head."""
    tags = [{"name": "citation_title", "content": item["title"]}]
    for author in item.get("author", []):
        name = f"{author['family']}, {author['given']}" if "family" in author else author["literal"]
        tags.append({"name": "citation_author", "content": name})
    if "issued" in item:
        year, month, day = item["issued"]["date-parts"][0]
        tags.append({"name": "citation_date", "content": f"{year:04d}/{month:02d}/{day:02d}"})
        tags.append(
            {"name": "citation_publication_date", "content": f"{year:04d}/{month:02d}/{day:02d}"}
        )
    tags.append({"name": "citation_publisher", "content": item["container-title"]})
    if "URL" in item:
        tags.append({"name": "citation_public_url", "content": item["URL"]})
        tags.append({"name": "citation_abstract_html_url", "content": item["URL"]})
    tags.append({"name": "citation_language", "content": language})
    return tags


def json_ld(entry: Entry, item: dict[str, Any], ctx: PageContext) -> str:
    """schema.org JSON-LD for the document, as a ``<script type="application/ld+json">`` block
    whose text cannot close the element (``<``, ``>`` and ``&`` written as JSON escapes)."""
    meta = entry.doc.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if is_news(entry) else "Article",
        "name": item["title"],
        "headline": display_title(entry, ctx.names)[:110],
        "genre": item["genre"],
        "inLanguage": "en",
        "publisher": {"@type": "Organization", "name": item["container-title"]},
    }
    if meta.speakers:
        data["author"] = [{"@type": "Person", "name": name} for name in meta.speakers]
    if meta.date:
        data["datePublished"] = meta.date
    if "URL" in item:
        data["url"] = item["URL"]
    if "source" in item:
        data["isBasedOn"] = item["source"]
    event: dict[str, Any] = {"@type": "Event", "name": item["title"]}
    if meta.date:
        event["startDate"] = meta.date
    if "event-place" in item:
        event["location"] = {"@type": "Place", "name": item["event-place"]}
    if meta.speakers or meta.counterparts:
        people = list(meta.speakers) + [c.name for c in meta.counterparts]
        event["performer"] = [{"@type": "Person", "name": name} for name in people]
    data["about"] = event
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def cite_attributes(entry: Entry, item: dict[str, Any], ctx: PageContext) -> str:
    """The ``data-cite-*`` attributes the cite panel reads (escaped), with a leading space."""
    meta = entry.doc.meta
    values = {
        "title": item["title"],
        "speaker": meta.speakers[0] if meta.speakers else "",
        "place": item.get("event-place", ""),
        "date": long_date(meta.date) if meta.date else "",
        "site": item["container-title"],
        "page": item["URL"] if item.get("URL") and item.get("URL") != item.get("source") else "",
        "original": item.get("source", ""),
    }
    return "".join(f' data-cite-{k}="{html_attr(v)}"' for k, v in values.items())


def citation_files(ctx: PageContext) -> dict[str, str]:
    """Every document's citation files for reference managers: BibTeX and CSL-JSON."""
    files: dict[str, str] = {}
    for entry in ctx.catalog.entries:
        item = csl_item(entry, ctx)
        files[citation_file(entry.doc.id, "bib")] = bibtex(item)
        files[citation_file(entry.doc.id, "json")] = csl_json(item)
    return files
