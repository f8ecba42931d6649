"""The build stamp: what the generated tree was made from, so an unchanged build is skipped.

The stamp is a small JSON file in the generated folder, written with the pages in the same swap.
It holds a digest of every input that can change a generated file (transcripts, annotations,
reference data, the MkDocs configuration and the code itself) and the diagnostics that build
reported. When the next build finds the same digest, nothing can have changed: it replays the
diagnostics (so ``--strict`` still fails on a warning) and writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from parley.diagnostics import display_path
from parley.limits import DEFAULT
from parley.model import Diagnostic

#: File name of the stamp in the generated folder (hidden: MkDocs skips it).
STAMP = ".build-stamp.json"
#: The code whose changes change the output: this package.
PACKAGE = Path(__file__).resolve().parents[1]
#: Bump when the stamp's own format changes.
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a build was made from, and what it reported."""

    digest: str
    """Digest of the inputs (:func:`inputs_digest`)."""
    documents: int
    """Number of documents built."""
    pages: int
    """Number of files in the generated tree, the stamp included."""
    newest: str | None
    """Date of the newest document: the site's build date, for reproducible output."""
    diagnostics: tuple[Diagnostic, ...]
    """Everything the build reported, replayed by a skipped build."""

    def to_json(self) -> str:
        """The stamp as the text of its file."""
        data = {
            "format": FORMAT,
            "digest": self.digest,
            "documents": self.documents,
            "pages": self.pages,
            "newest": self.newest,
            "diagnostics": [asdict(d) for d in self.diagnostics],
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _files(folder: Path) -> list[Path]:
    """Every entry under ``folder`` but folders and hidden ones; linked folders are not entered
    (a link, like a special file, is digested by what it is, never by what it points at)."""
    if not folder.is_dir() or folder.is_symlink():
        return [folder] if folder.is_symlink() else []
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith((".", "__"))]
        found += [Path(root, d) for d in dirs if os.path.islink(os.path.join(root, d))]
        found += [Path(root, f) for f in files if not f.startswith((".", "__"))]
    return sorted(found)


def file_fingerprint(path: Path, max_bytes: int) -> bytes:
    """What a file contributes to the digest: the SHA-256 of its bytes when it is a regular
    file within the size limit; otherwise what the build will refuse it for (its kind, the
    target of a link, or its size), so that nothing is read from it here either."""
    try:
        info = os.lstat(path)
    except OSError:
        return b"missing"
    if stat.S_ISLNK(info.st_mode):
        return b"link\0" + os.fsencode(os.readlink(path))
    if not stat.S_ISREG(info.st_mode):
        return f"special {stat.S_IFMT(info.st_mode)}".encode()
    if info.st_size > max_bytes:
        return f"too large {info.st_size} {info.st_mtime_ns}".encode()
    digest = hashlib.sha256()
    try:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        with os.fdopen(os.open(path, flags), "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as error:
        return f"unreadable {error.errno}".encode()
    return digest.digest()


def inputs_digest(
    folders: Iterable[Path],
    files: Iterable[Path],
    salt: str,
    max_bytes: int = DEFAULT.file_bytes,
    root: Path | None = None,
) -> str:
    """SHA-256 over the names and bytes of every input file, the code, and ``salt``; a file that
    the build refuses (see :func:`file_fingerprint`) counts by name and kind, unread.

    Folders and files are named as messages show them, relative to ``root`` (the repository)
    when inside it; without ``root``, by their own name. The code counts by its files' names
    within the package. So a checkout moved elsewhere (or restored from a cache into another
    folder) has the same digest, and its build is skipped and its memo used."""

    def shown(path: Path) -> str:
        return display_path(path, root) if root is not None else path.name

    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{sys.version_info[:2]}\0{salt}\0".encode())
    groups: list[tuple[str, Path | None, list[Path]]] = [(shown(f), f, _files(f)) for f in folders]
    groups.append(("", None, [f for f in files if f.is_file()]))
    groups.append(("(code)", PACKAGE, [p for p in _files(PACKAGE) if p.suffix == ".py"]))
    for label, folder, paths in groups:
        digest.update(f"\0{label}\0".encode())
        for path in paths:
            name = path.relative_to(folder).as_posix() if folder and path != folder else shown(path)
            digest.update(f"{name}\0".encode())
            digest.update(hashlib.sha256(file_fingerprint(path, max_bytes)).digest())
    return digest.hexdigest()


def read_stamp(folder: Path) -> Stamp | None:
    """The stamp of the generated folder, or None when missing or unreadable."""
    try:
        data = json.loads((folder / STAMP).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        diagnostics = tuple(Diagnostic(**d) for d in data["diagnostics"])
        newest = data["newest"]
        return Stamp(
            str(data["digest"]), int(data["documents"]), int(data["pages"]), newest, diagnostics
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
