"""How a transcript is cited: a short display title, CSL-JSON, BibTeX, a formatted reference,
``citation_*`` meta tags, schema.org JSON-LD, and the data the page's cite panel reads.

Everything here is made from one record per document, :func:`csl_item` (CSL-JSON, the format
reference managers exchange); the formatted reference comes from citeproc-py with the Harvard
(Cite Them Right) CSL style that citeproc-py itself ships, so no citation style is written as a
string template here (references of one shape are filled into citeproc-py's own reference for
that shape, checked: :func:`formatted_reference`). The page's cite panel
(``docs/javascripts/cite.js``) adds the paragraph, its speaker and the date the reader accessed
it, in the browser, from the ``data-cite-*`` attributes of the transcript
(:func:`cite_attributes`).
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


@lru_cache(maxsize=1)
def _citeproc_version() -> str:
    import citeproc

    return str(citeproc.__version__)


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
    text goes in escaped, and what comes out keeps nothing but emphasis (nh3).

    citeproc-py formats the items of one shape the same way (:func:`_shape_of`): its reference
    for one of them, with marks in place of the texts it copies as they are, is kept and
    filled in for the others (:func:`_filled`), which gives the bytes citeproc-py gives."""
    text = _filled(item)
    if text is None:
        text = _citeproc(_escaped(item))
    return nh3.clean(text, tags=REFERENCE_TAGS, attributes={})


def citeproc_reference(item: dict[str, Any]) -> str:
    """:func:`formatted_reference` formatted by citeproc-py itself, never from a kept shape
    (what the kept shapes are checked against)."""
    return nh3.clean(_citeproc(_escaped(item)), tags=REFERENCE_TAGS, attributes={})


def _citeproc(escaped: dict[str, Any]) -> str:
    """citeproc-py's reference of an item whose text is escaped, before nh3."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it skips
        source = CiteProcJSON([escaped])
        bibliography = CitationStylesBibliography(_style(), source, formatter.html)
        bibliography.register(Citation([CitationItem(escaped["id"])]))
        return str(bibliography.bibliography()[0])


#: Fields whose text the Harvard style prints as it is, never changing its case, periods or
#: punctuation (no ``text-case``, ``strip-periods`` or name formatting applies to them).
COPIED = ("title", "event-place", "publisher-place", "URL", "source", "note")
#: The mark that stands for the k-th copied field in a kept reference (private-use characters).
MARK = "\ue000{}\ue001"
MARKS = re.compile("\ue000(\\d)\ue001")
#: Stand-ins for the year and the day of the date, in the reference kept and in its check:
#: the day's ordinal suffix, if a style gave one, would differ between 22 and 1.
YEAR_DAY = ((1234, 22), (1987, 1))
#: Each shape's kept reference (None: its references are always formatted by citeproc-py).
_SHAPES: dict[str, tuple[str, ...] | None] = {}


def _shape_of(item: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The item's shape, and the item with marks for its copied texts and the stand-in date
    (a key of ``item`` order); None when a text or the date is one a kept reference may not
    stand for (:func:`_copied_as_is`; a year outside 1000-9999, a day outside 1-31)."""
    skeleton: dict[str, Any] = {}
    for key, value in item.items():
        if key == "id":
            skeleton[key] = "shape"
        elif key in COPIED:
            if not isinstance(value, str) or not _copied_as_is(value):
                return None
            skeleton[key] = MARK.format(COPIED.index(key))
        elif key == "issued":
            parts = value.get("date-parts") if isinstance(value, dict) else None
            if not (isinstance(parts, list) and len(parts) == 1 and len(value) == 1):
                return None
            day = parts[0]
            if not (isinstance(day, list) and 1 <= len(day) <= 3):
                return None
            if not all(type(n) is int for n in day) or not 1000 <= day[0] <= 9999:
                return None
            if len(day) == 3 and not 1 <= day[2] <= 31:
                return None  # citeproc-py leaves out a day 0: only days of a month stand in
            skeleton[key] = {"date-parts": [[YEAR, *day[1:2], *([DAY] if len(day) == 3 else [])]]}
        else:
            skeleton[key] = value
    return json.dumps(skeleton, ensure_ascii=False), skeleton


#: What citeproc-py 0.11.1 changes where two pieces of a reference meet (``normalize_seam``): a
#: space after a space, or the same mark of punctuation twice, loses the second.
SEAM = frozenset(".,;:!? ")


def _copied_as_is(text: str) -> bool:
    """True when citeproc-py puts ``text`` into any reference exactly as it is (escaped), so
    that it can be filled into a kept one: not empty, no mark in it, and neither end a space
    or punctuation that could meet the same mark at a seam."""
    escaped = html.escape(text, quote=False)
    if not escaped or escaped[0] in SEAM or escaped[-1] in SEAM:
        return False
    return "\ue000" not in text and "\ue001" not in text


#: Placeholders of the stand-in date while a kept reference is made (replaced by YEAR_DAY).
YEAR, DAY = -1, -2


def _dated(skeleton: dict[str, Any], year: int, day: int) -> dict[str, Any]:
    """The skeleton with the stand-in date ``year`` and ``day``."""
    if "issued" not in skeleton:
        return skeleton
    parts = skeleton["issued"]["date-parts"][0]
    shown = [year if n == YEAR else day if n == DAY else n for n in parts]
    return {**skeleton, "issued": {"date-parts": [shown]}}


def _kept(key: str, skeleton: dict[str, Any]) -> tuple[str, ...] | None:
    """The shape's reference in pieces: text, then a field's mark, "year" or "day", and so on;
    checked against citeproc-py's reference for another stand-in date."""
    if key in _SHAPES:
        return _SHAPES[key]
    (year, day), (other_year, other_day) = YEAR_DAY
    first = _citeproc(_escaped(_dated(skeleton, year, day)))
    split = re.split(f"(\ue000\\d\ue001|(?<!\\d){year}(?!\\d)|(?<!\\d){day}(?!\\d))", first)
    pieces = tuple(
        p if i % 2 == 0 else "year" if p == str(year) else "day" if p == str(day) else p
        for i, p in enumerate(split)
    )
    check = _citeproc(_escaped(_dated(skeleton, other_year, other_day)))
    same = _fill(pieces, {"year": str(other_year), "day": str(other_day)}, {}) == _unmarked(check)
    # not formatted field by field: citeproc-py formats every item of this shape
    _SHAPES[key] = pieces if same else None
    return _SHAPES[key]


def _unmarked(text: str) -> str:
    """``text`` with each field mark written as its number (as :func:`_fill` writes marks for
    which no value is given), so two references with marks compare as text."""
    return MARKS.sub(lambda m: f"<{m.group(1)}>", text)


def _fill(pieces: tuple[str, ...], date: dict[str, str], values: dict[str, str]) -> str:
    out = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            out.append(piece)
        elif piece in ("year", "day"):
            out.append(date[piece])
        else:
            k = piece[1]
            out.append(values.get(k, f"<{k}>"))
    return "".join(out)


def _filled(item: dict[str, Any]) -> str | None:
    """citeproc-py's reference of ``item`` (before nh3) from its shape's kept reference; None
    when the item or its shape has none."""
    shape = _shape_of(item) if _citeproc_version() == CITEPROC_VERSION else None
    if shape is None:
        return None
    pieces = _kept(*shape)
    if pieces is None:
        return None
    values = {str(COPIED.index(k)): html.escape(item[k], quote=False) for k in COPIED if k in item}
    date: dict[str, str] = {}
    if "issued" in item:
        day = item["issued"]["date-parts"][0]
        date["year"] = str(day[0])
        if len(day) == 3:
            date["day"] = str(day[2])
    return _fill(pieces, date, values)


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
        "id": entry.doc.id,
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
