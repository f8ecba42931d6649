"""Every diagnostic code in one table: its name, its severity and what it means.

In: nothing. Out: one :class:`Code` constant per code (``EMPTY_FILE``, ``NO_DATE``, ...) whose
:meth:`Code.at` makes the :class:`~parley.model.Diagnostic` for one file and line, so a code's
severity is decided here once, not at each place that reports it. :data:`CODES` lists them all
in the order of the README's Messages table (a test keeps the two the same).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parley.model import Diagnostic, Severity


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of problem: a stable machine-readable name, how bad it is, what it means."""

    name: str
    """E.g. ``no-date``; shown in ``--format json`` and looked up in the README."""
    severity: Severity
    """``error`` skips the file or fails the build; ``warning`` is fatal only with --strict."""
    meaning: str
    """What the code means, in the words of the README's Messages table."""

    def at(self, path: str, line: int, message: str, hint: str = "") -> Diagnostic:
        """This problem in file ``path`` at ``line`` (0: the whole file)."""
        return Diagnostic(path, line, self.severity, self.name, message, hint)


def display_path(path: Path, root: Path | None = None) -> str:
    """A file's path as a message shows it (:attr:`~parley.model.Diagnostic.path`): relative
    to ``root`` (the working folder by default) when inside it, else as given."""
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_NO_TEXT = "the file has no text; it is skipped"
_FRONT_MATTER = "front matter ignored in part or whole (YAML anchors and aliases ignore it whole)"
_ANNOTATION = (
    "an annotation file cannot be read or breaks the schema (YAML anchors and aliases included)"
)
_AMBIGUOUS = "the quote occurs more than once; prefix/suffix do not decide"

# -- reading transcripts (parley/read/) -------------------------------------------------------
EMPTY_FILE = Code("empty-file", "warning", _NO_TEXT)
BLANK_FILE = Code("blank-file", "warning", _NO_TEXT)
BINARY_FILE = Code("binary-file", "warning", _NO_TEXT)
UNREADABLE_FILE = Code("unreadable-file", "error", "the file could not be read (permissions, I/O)")
SYMLINK = Code(
    "symlink",
    "error",
    "a transcript, annotation or data file (or folder) is a symbolic link; nothing is read from it",
)
SPECIAL_FILE = Code(
    "special-file",
    "error",
    "a FIFO, socket or device where a file was expected; nothing is read from it",
)
OUTSIDE_FOLDER = Code(
    "outside-folder",
    "error",
    "the file's real path is outside its folder (through a linked folder); nothing is read",
)
FILE_TOO_LARGE = Code(
    "file-too-large",
    "error",
    "the file is over `extra.limits.file_bytes`; nothing of it is read",
)
LINE_TOO_LONG = Code(
    "line-too-long",
    "error",
    "a line is over `extra.limits.line_characters`; the transcript is left out",
)
TOO_MANY_PARAGRAPHS = Code(
    "too-many-paragraphs",
    "error",
    "over `extra.limits.paragraphs_per_document`; the transcript is left out",
)
CONFIG_LIMIT = Code(
    "config-limit",
    "error",
    "a value in `extra.limits` is not a whole number above 0, or not a limit; the default is used",
)
ENCODING = Code("encoding", "info", "the file is not UTF-8; the encoding used is named")
UNSAFE_ID = Code("unsafe-id", "warning", "the file name is not a safe id; the derived id is named")
ID_COLLISION = Code(
    "id-collision", "error", "two files resolve to one id; both are named, the later is left out"
)
DUPLICATE_CONTENT = Code(
    "duplicate-content", "warning", "the same bytes as another file; both are published"
)
NO_DATE = Code("no-date", "warning", "no readable date: the document is built undated")
BAD_DATE = Code("bad-date", "warning", "no readable date: the document is built undated")
NO_TITLE = Code("no-title", "warning", "no title: the first sentence is used")
CUT_OFF = Code("cut-off", "warning", "the text ends mid-sentence")
LABEL_UNRESOLVED = Code(
    "label-unresolved",
    "warning",
    'a speaker label names nobody the document names in full ("MR PRICE" with no "Ned Price" '
    "anywhere); its turns keep the label's name",
)
NO_QUESTION_TURN = Code(
    "no-question-turn",
    "warning",
    "the text reads like questions and answers (labelled turns that ask), but no label reads as "
    "a question",
)
FRONT_MATTER_YAML = Code("front-matter-yaml", "warning", _FRONT_MATTER)
FRONT_MATTER_KEY = Code("front-matter-key", "warning", _FRONT_MATTER)
FRONT_MATTER_VALUE = Code("front-matter-value", "warning", _FRONT_MATTER)

# -- reference data files (parley/vocab/) -------------------------------------------------------
DATA_MISSING = Code("data-missing", "error", "a data file is not there")
DATA_UNREADABLE = Code("data-unreadable", "error", "a data file cannot be read or decoded")
DATA_SYNTAX = Code(
    "data-syntax", "error", "a data file is not valid YAML, or uses YAML anchors and aliases"
)
DATA_EMPTY = Code("data-empty", "error", "a data file is empty")
DATA_TYPE = Code("data-type", "error", "a value has the wrong type (e.g. a list for a name)")
DATA_PATTERN = Code(
    "data-pattern",
    "error",
    "a layout's `match` in `layouts.yaml` is not a valid regular expression",
)
DATA_UNKNOWN_KEY = Code("data-unknown-key", "error", 'an unknown key (with a "did you mean")')
DATA_MISSING_KEY = Code("data-missing-key", "error", "a required key is missing")
DATA_AMBIGUOUS = Code("data-ambiguous", "error", "one name is given to two entities")
DATA_BAD_SLUG = Code(
    "data-bad-slug",
    "error",
    "a slug is not lower-case words joined by hyphens, or a topic slug repeats",
)
DATA_DUPLICATE = Code("data-duplicate", "error", "two entries have the same slug")
DATA_UNKNOWN_COUNTRY = Code(
    "data-unknown-country", "error", 'not an ISO 3166-1 alpha-2 code (with a "did you mean")'
)
DATA_UNKNOWN_NAME = Code(
    "data-unknown-name", "error", "a country name given as an alias names no country"
)
DATA_UNKNOWN_KIND = Code(
    "data-unknown-kind", "error", "an organisation's kind is not organisation or document"
)
DATA_UNKNOWN_ENTITY = Code(
    "data-unknown-entity", "error", 'a topic refers to an unknown entity (with a "did you mean")'
)

# -- annotations (parley/annotate/) -------------------------------------------------------------
ANNOTATION_YAML = Code("annotation-yaml", "error", _ANNOTATION)
ANNOTATION_SCHEMA = Code("annotation-schema", "error", _ANNOTATION)
ANNOTATION_EMPTY = Code("annotation-empty", "error", _ANNOTATION)
ANNOTATION_ENCODING = Code("annotation-encoding", "error", _ANNOTATION)
TOO_MANY_ANNOTATIONS = Code(
    "too-many-annotations",
    "error",
    "the file lists more than `extra.limits.annotations_per_file`; none is read",
)
ANNOTATION_UNKNOWN_TRANSCRIPT = Code(
    "annotation-unknown-transcript", "error", 'no transcript has that id (with a "did you mean")'
)
ANNOTATION_IGNORED = Code(
    "annotation-ignored", "warning", "a file in `annotations/` that is not `*.yaml`"
)
QUOTE_NOT_FOUND = Code(
    "quote-not-found", "error", "the quote is not in the transcript; the closest passage is given"
)
QUOTE_AMBIGUOUS = Code("quote-ambiguous", "error", _AMBIGUOUS)
QUOTE_CONTEXT = Code("quote-context", "error", _AMBIGUOUS)
_NOTE = "the note has raw HTML, a non-http(s) link, an image, or nothing"
NOTE_HTML = Code("note-html", "error", _NOTE)
NOTE_LINK = Code("note-link", "error", _NOTE)
NOTE_IMAGE = Code("note-image", "error", _NOTE)
NOTE_EMPTY = Code("note-empty", "error", _NOTE)

# -- search (parley/search/) --------------------------------------------------------------------
SEARCH_STEMMER = Code(
    "search-stemmer",
    "error",
    "the npm package the search's stemmer comes from is not installed (run `scripts/setup.sh`)",
)

# -- paragraph-number ledgers (parley/link/ledger.py) -------------------------------------------
ANCHORS_UNRECORDED = Code(
    "anchors-unrecorded",
    "warning",
    "the paragraph numbers the build used are not in `anchors/<id>.yaml` yet "
    "(run `--record-anchors`)",
)
ANCHORS_FILE = Code(
    "anchors-file",
    "error",
    "a ledger is not valid YAML of the documented shape; the document is numbered by position",
)

#: Every code, in the order of the README's Messages table.
CODES: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))
#: Each code by its name.
BY_NAME: dict[str, Code] = {code.name: code for code in CODES}
