"""The downloadable copy of the whole site, byte-identical for the same site.

Members are compressed on every core (zlib lets other threads run while it deflates), and a
member whose bytes did not change since the previous archive is not compressed again: its
compressed bytes are copied from that archive, found through an index kept beside it (name,
SHA-256 of the content, where its data starts, its sizes and CRC), kept in the build's cache
folder. Either way every member is
deflated from the same bytes at the same level, so the archive is the same as one made from
nothing. The file is written by this module (a plain zip: local headers, the data, the central
directory, and the ZIP64 end records when there are more than 65,535 members), because
:mod:`zipfile` cannot take data that is already compressed.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

#: Fixed timestamp for every member, so two builds of the same input give the same archive.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
#: Folder name inside the archive: unzipping gives ``parley-site/index.html``.
ZIP_ROOT = "parley-site"
#: Deflate level: zlib's default. Level 9 takes 40% longer for 0.4% less (measured on 2,000
#: transcript pages); level 1 is 2.8x faster but 16% larger.
ZIP_LEVEL = 6
#: Members compressed at a time: bounds the memory held by compressed data in flight.
BATCH = 256

_DOS_TIME = (ZIP_TIME[3] << 11) | (ZIP_TIME[4] << 5) | (ZIP_TIME[5] // 2)
_DOS_DATE = ((ZIP_TIME[0] - 1980) << 9) | (ZIP_TIME[1] << 5) | ZIP_TIME[2]
_UTF8 = 0x800
_UNIX_644 = 0o100644 << 16


@dataclass(frozen=True, slots=True)
class _Member:
    name: str
    sha256: str
    crc: int
    size: int
    packed: int
    offset: int
    """Where the member's local header starts."""


def _members(site: Path, target: Path) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    skip = {target.resolve()}
    for dirpath, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(files):
            path = Path(dirpath, name)
            if path.resolve() in skip or name.endswith(".partial"):
                continue
            found.append((f"{ZIP_ROOT}/{path.relative_to(site).as_posix()}", path))
    return sorted(found)


def _previous(target: Path, index: Path | None) -> dict[str, _Member]:
    """The members of the previous archive by name, when its index matches it."""
    if index is None:
        return {}
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
        if data.get("bytes") != target.stat().st_size or data.get("level") != ZIP_LEVEL:
            return {}
        return {m[0]: _Member(*m) for m in data["members"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _header(name: bytes, flags: int, crc: int, packed: int, size: int) -> bytes:
    return struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, _DOS_TIME, _DOS_DATE, crc, packed, size,
        len(name), 0,
    ) + name  # fmt: skip


def _packed(
    job: tuple[str, Path, dict[str, _Member], Path, bytes | None],
) -> tuple[str, bytes, str, int, int]:
    """(name, compressed bytes, sha256, crc, size) of one member; its bytes are ``content`` when
    given, else the file's."""
    name, path, previous, target, content = job
    data = path.read_bytes() if content is None else content
    digest = hashlib.sha256(data).hexdigest()
    old = previous.get(name)
    if old is not None and old.sha256 == digest and old.size == len(data):
        with target.open("rb") as archive:
            archive.seek(old.offset + 30 + len(name.encode("utf-8")))
            return name, archive.read(old.packed), digest, old.crc, old.size
    packed = zlib.compress(data, ZIP_LEVEL, wbits=-15)
    return name, packed, digest, zlib.crc32(data), len(data)


def _batches(items: list[tuple[str, Path]]) -> Iterator[list[tuple[str, Path]]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def write_site_zip(
    site: Path,
    target: Path,
    index: Path | None = None,
    workers: int = 0,
    replaced: Mapping[str, bytes] | None = None,
) -> int:
    """Zip every file under ``site`` (except the archive itself) into ``target``; return count.
    ``index``: where the index of the archive is kept for the next one (none: every member is
    compressed); ``workers``: compressing threads, 0 for one per core; ``replaced``: other bytes
    for some files in the archive (by path in the site, ``index.html``), the site is unchanged."""
    replaced = replaced or {}
    members = _members(site, target)
    previous = _previous(target, index)
    if index is not None:
        index.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    written: list[_Member] = []
    central = bytearray()
    offset = 0
    with (
        partial.open("wb") as out,
        ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool,
    ):
        for batch in _batches(members):
            jobs = [
                (name, path, previous, target, replaced.get(name[len(ZIP_ROOT) + 1 :]))
                for name, path in batch
            ]
            for name, packed, digest, crc, size in pool.map(_packed, jobs):
                raw = name.encode("utf-8")
                flags = 0 if name.isascii() else _UTF8
                out.write(_header(raw, flags, crc, len(packed), size))
                out.write(packed)
                central += struct.pack(
                    "<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, flags, 8, _DOS_TIME,
                    _DOS_DATE, crc, len(packed), size, len(raw), 0, 0, 0, 0, _UNIX_644, offset,
                ) + raw  # fmt: skip
                written.append(_Member(name, digest, crc, size, len(packed), offset))
                offset += 30 + len(raw) + len(packed)
        if offset > 0xFFFFFFFF:
            raise ValueError(f"{target}: the site is too large for this archive writer (4 GB)")
        out.write(central)
        out.write(_end(len(written), len(central), offset))
    partial.replace(target)
    if index is not None:
        record = {
            "bytes": target.stat().st_size,
            "level": ZIP_LEVEL,
            "members": [[m.name, m.sha256, m.crc, m.size, m.packed, m.offset] for m in written],
        }
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(json.dumps(record, separators=(",", ":")), encoding="utf-8")
    return len(written)


def _end(count: int, size: int, start: int) -> bytes:
    """The end of central directory record, with the ZIP64 record and locator first when the
    member count does not fit its 16 bits."""
    if count < 0xFFFF:
        return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, start, 0)
    zip64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, size, start)
    locator = struct.pack("<IIQI", 0x07064B50, 0, start + size, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, size, start, 0)
    return zip64 + locator + end
