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
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

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
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith((".", "__")) for part in p.relative_to(folder).parts)
    )


def inputs_digest(folders: Iterable[Path], files: Iterable[Path], salt: str) -> str:
    """SHA-256 over the names and bytes of every input file, the code, and ``salt``."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{sys.version_info[:2]}\0{salt}\0".encode())
    groups: list[tuple[Path | None, list[Path]]] = [(f, _files(f)) for f in folders]
    groups.append((None, [f for f in files if f.is_file()]))
    groups.append((PACKAGE, [p for p in _files(PACKAGE) if p.suffix == ".py"]))
    for root, paths in groups:
        digest.update(f"\0{root}\0".encode())
        for path in paths:
            name = path.relative_to(root).as_posix() if root else path.as_posix()
            digest.update(f"{name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
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
