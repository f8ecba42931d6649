"""Find transcript files, give each a safe id, and read its bytes into normalised text.

This module is also the one place where any contributor's file (transcript, annotation, data
file) is opened: :func:`read_input` refuses symbolic links, special files (FIFOs, devices,
sockets) and files that resolve outside their folder, and reads at most the size limit, so
nothing of the building machine and nothing unbounded gets into the site. :func:`scan_sources`
names every such entry of ``transcripts/`` as it lists the transcripts.

:func:`read_source` is the only function of the reader that touches the disk. Decoding
(:func:`decode`) accepts UTF-8 with or without a byte-order mark, and falls back to the two
legacy code pages found in real archives: Windows-1251 (Russian pages) and Windows-1252
(Western European). Which of the two is decided by the Cyrillic heuristic in
:func:`_looks_cyrillic`. Line endings become ``\\n``.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from parley.diagnostics import (
    BINARY_FILE,
    BLANK_FILE,
    EMPTY_FILE,
    ENCODING,
    FILE_TOO_LARGE,
    ID_COLLISION,
    OUTSIDE_FOLDER,
    SPECIAL_FILE,
    SYMLINK,
    UNREADABLE_FILE,
    UNSAFE_ID,
)
from parley.limits import DEFAULT, Limits, long_line, raise_hint
from parley.model import Diagnostic, SourceText

#: File name endings read as transcripts.
SOURCE_SUFFIXES = (".txt", ".md")

# 2021-07-02-lavrov-bahrain
SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# "lavrov interview (2)" -> the runs " " and " (" and ")" become hyphens
NON_SLUG_RUN = re.compile(r"[^a-z0-9]+")
# "Лавров" -> runs of letters, digits and underscores ("words" for the Cyrillic heuristic)
WORD = re.compile(r"\w+")

_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
_LATIN = [
    "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "-", "y", "-", "e", "yu", "ya", "i",
    "yi", "ye", "g", "u"
]  # fmt: skip
#: Letters that Unicode decomposition does not reduce to ASCII, spelt out for slugs.
TRANSLITERATION = {
    ord(c): ("" if latin == "-" else latin) for c, latin in zip(_CYRILLIC, _LATIN, strict=True)
} | {ord("ß"): "ss", ord("æ"): "ae", ord("ø"): "o", ord("œ"): "oe", ord("ł"): "l", ord("đ"): "d"}

_UTF8_BOM = b"\xef\xbb\xbf"
#: Bytes that never occur in text: C0 controls other than tab, newlines, form feed and escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
#: A file whose first 64 KiB are more than this share control bytes is binary.
_CONTROL_SHARE = 0.3
_SAMPLE = 65536
#: Windows-1252 for the bytes 0x80-0x9F; the five it leaves undefined keep their Latin-1 value.
_CP1252_HIGH = {
    b: (bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b))
    for b in range(0x80, 0xA0)
}
_CP1252_TABLE = str.maketrans({chr(b): c for b, c in _CP1252_HIGH.items()})

#: How an encoding is named in diagnostics.
ENCODING_NAMES = {"cp1251": "Windows-1251 (Cyrillic)", "cp1252": "Windows-1252 (Western European)"}


#: Flags of every opening of a contributor's file: never through a symbolic link, never
#: waiting on a FIFO, never becoming a terminal's controlling process.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
#: Bytes asked of the operating system per read.
_CHUNK = 1 << 20
#: What a special file is called in messages, by the test of its mode.
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_LINK_HINT = (
    "commit the {what} itself: a link can point at any file of the machine that builds the site"
)


def refused_kind(mode: int, shown: str, folder: bool = False) -> Diagnostic | None:
    """The error for an entry that is not read because of its kind (by its ``lstat`` mode): a
    symbolic link, or a special file; None for a regular file or a folder."""
    what = "folder" if folder else "file"
    if stat.S_ISLNK(mode):
        return SYMLINK.at(
            shown,
            0,
            f"the {what} is a symbolic link; nothing is read from it",
            _LINK_HINT.format(what=what),
        )
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = next((name for test, name in _SPECIAL_KINDS if test(mode)), "a special file")
    return SPECIAL_FILE.at(
        shown,
        0,
        f"the file is {kind}, not a regular file; nothing is read from it",
        "only regular text files are read",
    )


def read_input(
    path: Path, shown: str, folder: Path, max_bytes: int
) -> tuple[bytes | None, Diagnostic | None]:
    """The bytes of a contributor's file in ``folder``, or None and the error that refuses it.

    Refused: a symbolic link (``symlink``), a special file (``special-file``), a file whose real
    path is outside ``folder`` (``outside-folder``), a file larger than ``max_bytes``
    (``file-too-large``; nothing of it is read, and a file that grows while it is read is cut
    off at ``max_bytes + 1`` bytes), and one that cannot be opened (``unreadable-file``).
    """
    try:
        seen = os.lstat(path)
    except OSError as error:
        return None, _unreadable(shown, error)
    refused = refused_kind(seen.st_mode, shown)
    if refused is not None:
        return None, refused
    if not inside(path, folder):
        return None, OUTSIDE_FOLDER.at(
            shown,
            0,
            f"the file lies outside {folder.name}/ (through a linked folder); "
            "nothing is read from it",
            f"commit the file itself inside {folder.name}/",
        )
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since it was looked at
            return None, refused_kind(stat.S_IFLNK, shown)
        return None, _unreadable(shown, error)
    try:
        opened = os.fstat(handle)
        if (opened.st_dev, opened.st_ino) != (seen.st_dev, seen.st_ino) or not stat.S_ISREG(
            opened.st_mode
        ):
            return None, refused_kind(opened.st_mode, shown) or UNREADABLE_FILE.at(
                shown, 0, "the file changed while it was opened"
            )
        if opened.st_size > max_bytes:
            return None, too_large(shown, max_bytes)
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(handle, min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        return None, _unreadable(shown, error)
    finally:
        os.close(handle)
    if size > max_bytes:
        return None, too_large(shown, max_bytes)
    return b"".join(chunks), None


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` really lies in ``folder`` once every link on the way is followed."""
    real = os.path.realpath(path)
    return real.startswith(os.path.join(os.path.realpath(folder), ""))


def too_large(shown: str, max_bytes: int) -> Diagnostic:
    """The error for a file over the size limit."""
    return FILE_TOO_LARGE.at(
        shown,
        0,
        f"the file is larger than the limit of {max_bytes:,} bytes; nothing of it is read",
        "split it into smaller files, " + raise_hint("file_bytes"),
    )


def _unreadable(shown: str, error: OSError) -> Diagnostic:
    reason = error.strerror or type(error).__name__
    return UNREADABLE_FILE.at(shown, 0, f"cannot read the file: {reason}")


def scan_sources(
    folder: Path, display: Callable[[Path], str]
) -> tuple[list[Path], list[Diagnostic]]:
    """Every ``*.txt`` and ``*.md`` file under ``folder`` (see :func:`find_sources`), and an
    error for each entry that is never read: a symbolic link to a file or a folder, a special
    file, or ``folder`` itself being a link. Hidden entries are skipped without a word."""
    if folder.is_symlink():
        refused = refused_kind(stat.S_IFLNK, display(folder), folder=True)
        return [], [refused] if refused else []
    found: list[Path] = []
    problems: list[Diagnostic] = []
    for root, dirs, files in os.walk(folder):  # never into a linked folder
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            if os.path.islink(os.path.join(root, name)):
                problems.append(
                    refused_kind(stat.S_IFLNK, display(Path(root, name)), folder=True)  # type: ignore[arg-type]
                )
            else:
                kept.append(name)
        dirs[:] = kept
        for name in files:
            if name.startswith("."):
                continue
            path = Path(root, name)
            try:
                refused = refused_kind(os.lstat(path).st_mode, display(path))
            except OSError:
                refused = None  # gone already; reading it will say so
            if refused is not None:
                problems.append(refused)
            elif name.lower().endswith(SOURCE_SUFFIXES):
                found.append(path)
    return sorted(found, key=lambda path: (path.name, path.as_posix())), sorted(
        problems, key=lambda d: d.path
    )


def find_sources(folder: Path) -> list[Path]:
    """Every ``*.txt`` and ``*.md`` file under ``folder``, skipping hidden files and folders,
    symbolic links and special files.

    Sorted by file name (then by path), so ids and diagnostics come out in the same order
    on every machine.
    """
    return scan_sources(folder, lambda path: path.as_posix())[0]


def safe_slug(stem: str) -> str:
    """A safe id derived from a file stem: lower case, accents and Cyrillic spelt in ASCII,
    anything else turned into hyphens; ``doc-<8 hex digits>`` when nothing is left."""
    text = unicodedata.normalize("NFKD", stem.lower().translate(TRANSLITERATION))
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = NON_SLUG_RUN.sub("-", text).strip("-")
    return slug or "doc-" + hashlib.sha1(stem.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def plan_ids(
    paths: Sequence[Path], display: Callable[[Path], str]
) -> tuple[dict[Path, str], list[Diagnostic]]:
    """Give every path a document id: its stem when that is a safe slug, else a derived slug.

    An unsafe stem is a warning (``unsafe-id``). Two files resolving to one id is an error
    (``id-collision``) reported on the later file by sorted name, which is left out.
    """
    ids: dict[Path, str] = {}
    owners: dict[str, Path] = {}
    problems: list[Diagnostic] = []
    for path in sorted(paths, key=lambda p: (p.name, p.as_posix())):
        doc_id = path.stem
        if not SAFE_ID.match(doc_id):
            doc_id = safe_slug(path.stem)
            problems.append(
                UNSAFE_ID.at(
                    display(path),
                    0,
                    f'file name "{path.stem}" is not a safe id (lower-case letters, digits and '
                    f'hyphens); the document gets the id "{doc_id}"',
                    f"rename the file to {doc_id}{path.suffix}",
                )
            )
        first = owners.get(doc_id)
        if first is not None:
            problems.append(
                ID_COLLISION.at(
                    display(path),
                    0,
                    f'id "{doc_id}" is already taken by {display(first)}; this file is left out',
                    "rename one of the two files",
                )
            )
            continue
        owners[doc_id] = path
        ids[path] = doc_id
    return ids, problems


def decode(raw: bytes) -> tuple[str, str] | None:
    """Decode a file's bytes: ``(text, encoding)``, or None when the bytes are binary.

    UTF-8 (``utf-8``, or ``utf-8-sig`` with a byte-order mark) when the bytes are valid
    UTF-8; otherwise ``cp1251`` or ``cp1252`` by :func:`_looks_cyrillic`. CRLF and lone CR
    become LF. Binary means a NUL byte, or more than 30% control bytes in the first 64 KiB.
    """
    if b"\x00" in raw:
        return None
    sample = raw[:_SAMPLE]
    if sample and (
        len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    ) > _CONTROL_SHARE * len(sample):
        return None
    body, encoding = (raw[3:], "utf-8-sig") if raw.startswith(_UTF8_BOM) else (raw, "utf-8")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        cyrillic = body.decode("cp1251", errors="replace")
        if _looks_cyrillic(cyrillic):
            text, encoding = cyrillic, "cp1251"
        else:
            text, encoding = body.decode("latin-1").translate(_CP1252_TABLE), "cp1252"
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _looks_cyrillic(text: str) -> bool:
    """Whether bytes read as Windows-1251 (``text``) are Russian rather than Western European.

    Read as Windows-1251, the letters of a Russian text are Cyrillic and make up whole words
    ("Лавров"); the accented letters of a Western text become single Cyrillic letters inside
    Latin words ("café" reads "cafщ"). The text is Cyrillic when at least half of its
    Cyrillic letters sit in words of two or more letters that are wholly Cyrillic.
    """
    in_cyrillic_words = in_mixed_words = 0
    for word in WORD.findall(text):
        cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
        if not cyrillic:
            continue
        if cyrillic == len(word) and cyrillic >= 2:
            in_cyrillic_words += cyrillic
        else:
            in_mixed_words += cyrillic
    return in_cyrillic_words > 0 and in_cyrillic_words >= in_mixed_words


def read_source(
    path: Path,
    display: str,
    doc_id: str,
    folder: Path | None = None,
    limits: Limits = DEFAULT,
) -> tuple[SourceText | None, list[Diagnostic]]:
    """Read and decode one file of ``folder`` (default: the file's own folder) through
    :func:`read_input`; None (with a warning) when it is empty, blank or binary, and (with an
    error) when it is refused or over a limit of ``limits``.

    A file decoded from a legacy code page gets an ``encoding`` info diagnostic naming it.
    """
    raw, refused = read_input(path, display, folder or path.parent, limits.file_bytes)
    if raw is None:
        return None, [refused] if refused else []
    if not raw:
        return None, [
            EMPTY_FILE.at(
                display,
                0,
                "the file is empty; it is skipped",
                "delete it or paste the transcript into it",
            )
        ]
    decoded = decode(raw)
    if decoded is None:
        return None, [
            BINARY_FILE.at(
                display,
                0,
                "the file is binary, not text; it is skipped",
                "transcripts are plain text files (.txt or .md)",
            )
        ]
    text, encoding = decoded
    if not text.strip():
        return None, [
            BLANK_FILE.at(
                display,
                0,
                "the file holds only white space; it is skipped",
                "delete it or paste the transcript into it",
            )
        ]
    too_long = long_line(text, display, limits)
    if too_long is not None:
        return None, [too_long]
    problems = []
    if encoding in ENCODING_NAMES:
        problems.append(
            ENCODING.at(
                display,
                0,
                f"the file is not UTF-8; it was read as {ENCODING_NAMES[encoding]}",
                "save it as UTF-8 to silence this note",
            )
        )
    digest = hashlib.sha256(raw).hexdigest()
    return SourceText(display, doc_id, text, encoding, digest), problems
