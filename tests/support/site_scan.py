"""Look through a built site, and the zip inside it, for text that must never be published."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path


def _contents(site: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every file under ``site``, and of every member of every zip in it,
    named ``archive.zip!member``."""
    for path in sorted(site.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        yield name, data
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    yield f"{name}!{member}", archive.read(member)


def published_files(site: Path) -> list[str]:
    """Every file name the site publishes, zip members included (see :func:`_contents`)."""
    return [name for name, _ in _contents(site)]


def scan_for(site: Path, needles: Sequence[str]) -> list[str]:
    """``"file: needle"`` for each needle found in a file of the site or its zip, by bytes
    (UTF-8) and as JSON escapes it (``/`` written ``\\/``)."""
    found = []
    forms = {n: {n.encode(), n.replace("/", "\\/").encode()} for n in needles if n}
    for name, data in _contents(site):
        for needle, encoded in forms.items():
            if any(form in data for form in encoded):
                found.append(f"{name}: {needle}")
    return found
