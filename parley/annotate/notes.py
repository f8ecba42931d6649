"""Contributors' annotations: load, validate, anchor and sanitise notes on transcripts.

One YAML file per transcript, ``annotations/<transcript id>.yaml``, holds a mapping
``annotations: [...]``; ``schema/annotation.schema.json`` documents every field. Each file is

1. parsed into a YAML node tree (for line numbers) and data; dates stay text, and YAML
   aliases and repeated keys are refused;
2. validated against the JSON Schema (:mod:`parley.annotate.schema`);
3. anchored: each quote is found in its transcript (:mod:`parley.annotate.anchor`);
4. rendered: each note's Markdown becomes HTML, sanitised by nh3 (plain formatting, http(s)
   links only); raw HTML, images and other links make the annotation invalid.

An invalid annotation is an error and is left out; the others in the file still load.
Nothing here raises on content: every problem is a diagnostic naming the file and line.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import stat
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import nh3

from parley.annotate.anchor import Miss, anchor, passages, show
from parley.annotate.schema import Item, parse_annotation_file
from parley.annotate.webannotation import export_jsonld
from parley.diagnostics import (
    ANNOTATION_ENCODING,
    ANNOTATION_IGNORED,
    ANNOTATION_UNKNOWN_TRANSCRIPT,
    NOTE_EMPTY,
    NOTE_HTML,
    NOTE_IMAGE,
    NOTE_LINK,
    Code,
)
from parley.limits import DEFAULT, Limits
from parley.model import Diagnostic, Document, Note
from parley.read.sources import read_input, refused_kind

__all__ = [
    "AnnotationFile",
    "anchor_annotations",
    "check_annotations",
    "export_jsonld",
    "github_annotation",
    "load_annotations",
    "read_annotation_files",
    "read_notes",
    "render_note",
]

#: Tags a rendered note may keep; everything else is stripped by the sanitiser.
ALLOWED_TAGS = frozenset({"p", "em", "strong", "code", "ul", "ol", "li", "a", "blockquote", "br"})

#: Files in the annotations folder that are not annotations and need no warning.
NOT_ANNOTATIONS = frozenset({"README.md", ".gitkeep"})

#: The sanitiser every note's HTML passes through, clean or not.
CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={"a": {"href", "title"}},
    url_schemes={"http", "https"},
    url_relative="deny",
    link_rel="noopener nofollow",
    strip_comments=True,
)

#: The name of the first tag in a piece of raw HTML: "<script>", "</b >", "<img src=x>".
TAG_NAME = re.compile(r"<\s*/?\s*(?P<name>[A-Za-z][\w:-]*)")


@dataclass(frozen=True, slots=True)
class AnnotationFile:
    """One annotation file as read from disk."""

    path: str
    """Display path, e.g. ``annotations/2021-07-02-lavrov-bahrain.yaml``."""
    doc_id: str
    """The transcript id the file is named after (its stem)."""
    text: str
    """The decoded text."""


def load_annotations(
    folder: Path,
    documents: Mapping[str, Document],
    display: Callable[[Path], str],
    limits: Limits = DEFAULT,
) -> tuple[dict[str, tuple[Note, ...]], list[Diagnostic]]:
    """Read every ``folder/*.yaml`` and anchor its notes: notes per document id, diagnostics."""
    files, problems = read_annotation_files(folder, display, limits)
    notes, more = anchor_annotations(files, documents, limits)
    return notes, sorted(problems + more, key=_order)


def check_annotations(
    files: Sequence[AnnotationFile], documents: Mapping[str, Document]
) -> list[Diagnostic]:
    """Everything wrong with ``files`` against the parsed transcripts, rendering no page."""
    return anchor_annotations(files, documents)[1]


def read_annotation_files(
    folder: Path, display: Callable[[Path], str], limits: Limits = DEFAULT
) -> tuple[list[AnnotationFile], list[Diagnostic]]:
    """The annotation files in ``folder``, sorted by name; the only function here doing I/O.

    Files are opened through :func:`parley.read.sources.read_input`: a symbolic link, a special
    file (and ``folder`` itself being a link) or a file over ``limits.file_bytes`` is refused
    with an error, unread."""
    files: list[AnnotationFile] = []
    problems: list[Diagnostic] = []
    if folder.is_symlink():
        return files, [d for d in [refused_kind(stat.S_IFLNK, display(folder), folder=True)] if d]
    if not folder.is_dir():
        return files, problems
    for path in sorted(folder.iterdir()):
        shown = display(path)
        if path.name in NOT_ANNOTATIONS:
            continue
        try:
            refused = refused_kind(path.lstat().st_mode, shown)
        except OSError:
            refused = None  # gone already; reading it will say so
        if refused is not None:
            problems.append(refused)
            continue
        if path.suffix != ".yaml" or path.is_dir():
            problems.append(
                ANNOTATION_IGNORED.at(
                    shown,
                    0,
                    "ignored: not an annotation file",
                    "annotation files are named <transcript id>.yaml, directly in annotations/",
                )
            )
            continue
        data, refused = read_input(path, shown, folder, limits.file_bytes)
        if data is None:
            problems += [refused] if refused else []
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            problems.append(
                ANNOTATION_ENCODING.at(
                    shown,
                    line,
                    "the file is not UTF-8 text",
                    "save it as UTF-8",
                )
            )
            continue
        files.append(AnnotationFile(shown, path.stem, text))
    return files, problems


def anchor_annotations(
    files: Sequence[AnnotationFile], documents: Mapping[str, Document], limits: Limits = DEFAULT
) -> tuple[dict[str, tuple[Note, ...]], list[Diagnostic]]:
    """Validate and anchor every file: notes per document id in text order, and diagnostics."""
    found: dict[str, list[Note]] = {}
    problems: list[Diagnostic] = []
    for file in sorted(files, key=lambda f: f.path):
        notes, more = read_notes(file, documents, limits)
        problems.extend(more)
        if notes:
            found.setdefault(file.doc_id, []).extend(notes)
    by_doc = {
        doc_id: tuple(sorted(notes, key=lambda n: (n.paragraph, n.start, n.end, n.line)))
        for doc_id, notes in sorted(found.items())
    }
    return by_doc, sorted(problems, key=_order)


def read_notes(
    file: AnnotationFile, documents: Mapping[str, Document], limits: Limits = DEFAULT
) -> tuple[list[Note], list[Diagnostic]]:
    """The valid, anchored notes of one file, and the problems of the others."""
    problems: list[Diagnostic] = []
    document = documents.get(file.doc_id)
    if document is None:
        close = difflib.get_close_matches(file.doc_id, sorted(documents), n=1, cutoff=0.6)
        problems.append(
            ANNOTATION_UNKNOWN_TRANSCRIPT.at(
                file.path,
                0,
                f"the file is named after {file.doc_id!r}, but no transcript has that id",
                f"did you mean {close[0]}.yaml?"
                if close
                else "annotations/<id>.yaml annotates the transcript with that id",
            )
        )
    items, more = parse_annotation_file(file.path, file.text, limits.annotations_per_file)
    problems.extend(more)
    if document is None:
        return [], problems
    index = passages(document.paragraphs)
    notes: list[Note] = []
    taken: set[str] = set()
    for item in items:
        found = anchor(index, document.id, item.quote, item.prefix, item.suffix)
        html, faults = render_note(item.note)
        if isinstance(found, Miss):
            problems.append(found.code.at(file.path, item.quote_line, found.message, found.hint))
        problems.extend(code.at(file.path, item.note_line, *rest) for code, *rest in faults)
        if isinstance(found, Miss) or faults:
            continue
        notes.append(
            Note(
                id=note_id(item, taken),
                doc_id=document.id,
                paragraph=found.paragraph,
                start=found.start,
                end=found.end,
                quote=item.quote,
                html=html,
                author=item.author,
                date=item.date,
                kind=item.kind,
                sources=item.sources,
                file=file.path,
                line=item.line,
            )
        )
    return notes, problems


def note_id(item: Item, taken: set[str]) -> str:
    """A note's anchor, from what it annotates and who wrote it when, never from its place in
    the file, so adding or removing a note moves no other note's ``#note-`` link:
    "astana-format-3f2a1c" (a second note alike gets "-2"). Adds it to ``taken``."""
    folded = unicodedata.normalize("NFKD", " ".join(item.quote.split()))
    words = ID_WORD.findall(folded.encode("ascii", "ignore").decode().lower())[:ID_WORDS]
    key = "\0".join((item.quote, item.prefix, item.suffix, item.author, item.date, item.kind))
    base = "-".join([*words, hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]])
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


#: Words of a quote that start its note's anchor, and what a word is there.
ID_WORDS = 4
ID_WORD = re.compile(r"[a-z0-9]+")


def render_note(text: str) -> tuple[str, list[tuple[Code, str, str]]]:
    """A note's Markdown as sanitised HTML, and (code, message, hint) for each thing not allowed.

    The HTML is always sanitised, whatever the findings; the findings make the annotation
    invalid so that a contributor learns what was refused instead of losing it silently.
    """
    renderer = markdown.Markdown(output_format="html")
    html = renderer.convert(text)
    faults: list[tuple[Code, str, str]] = []
    raw = [str(b) for b in renderer.htmlStash.rawHtmlBlocks if str(b).lstrip().startswith("<")]
    if raw:
        tag = TAG_NAME.match(raw[0].lstrip())
        shown = f"<{tag.group('name')}>" if tag else show(raw[0], 20)
        faults.append(
            (
                NOTE_HTML,
                f"the note contains raw HTML ({shown})",
                "write Markdown instead: *emphasis*, **strong**, [text](https://…)",
            )
        )
    audit = _LinkAudit()
    audit.feed(html)
    audit.close()
    for href in audit.bad_links:
        faults.append(
            (
                NOTE_LINK,
                f"the note links to {show(href, 60)}, which is not an http(s) address",
                "link only to web pages: [text](https://…)",
            )
        )
    if audit.images:
        faults.append(
            (
                NOTE_IMAGE,
                "the note contains an image",
                "notes show no images; link to the picture instead: [text](https://…)",
            )
        )
    if not faults and not audit.text:
        faults.append((NOTE_EMPTY, "the note has no text once rendered", "write it in words"))
    return CLEANER.clean(html).strip(), faults


class _LinkAudit(HTMLParser):
    """Collects the links that are not http(s), the images and the text of rendered Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad_links: list[str] = []
        self.images = 0
        self.text = False

    def handle_data(self, data: str) -> None:
        self.text = self.text or bool(data.strip())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images += 1
        href = dict(attrs).get("href") if tag == "a" else None
        if href is not None and not _is_web_address(href):
            self.bad_links.append(href)


def _is_web_address(url: str) -> bool:
    """True for an absolute http or https address."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)


def github_annotation(d: Diagnostic) -> str:
    """The diagnostic as a GitHub workflow command, shown inline on the file in a pull request.

    ``::error file=<path>,line=<line>::<message> (<hint>)``; ``::warning`` for warnings and
    ``::notice`` for information; no ``line`` when the problem concerns the whole file.
    """
    command = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
    properties = [f"file={_escape(d.path, property=True)}"]
    if d.line > 0:
        properties.append(f"line={d.line}")
    text = f"{d.message} ({d.hint})" if d.hint else d.message
    return f"::{command} {','.join(properties)}::{_escape(text)}"


def _escape(text: str, property: bool = False) -> str:
    """Escape a workflow command's message (%, CR, LF) or property value (also : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


def _order(d: Diagnostic) -> tuple[str, int, str, str]:
    """Diagnostics sort by file, line, code and message."""
    return (d.path, d.line, d.code, d.message)
