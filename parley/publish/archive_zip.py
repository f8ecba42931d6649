"""The downloadable copy of the whole site, byte-identical for the same site.

Members are compressed on every core (zlib lets other threads run while it deflates), and a
member whose bytes did not change since the previous archive is not compressed again: its
compressed bytes are copied from that archive, found through an index kept beside it (name,
SHA-256 of the content, where its data starts, its sizes and CRC), kept in the build's cache
folder. A file whose size, modification and change times and inode are those the index
recorded is not even read (at 10,000 transcripts, reading and hashing the 1.5 GB site was most
of an incremental build's zip), unless its change time is within :data:`RACY_NS` of when the
previous archive started: a file changed in the same tick of the file system's clock as it
was read could keep its times. Either way every member is
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
import time
import zlib
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

#: Fixed timestamp for every member, so two builds of the same input give the same archive.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
#: Folder name inside the archive: unzipping gives ``parley-site/index.html``.
ZIP_ROOT = "parley-site"
#: Deflate level: the last of zlib's fast levels (1-3). On a built site of 1,000 transcripts
#: (140 MB, 9,155 files) level 3 deflates in 1.05 s of CPU against 1.98 s at zlib's default 6
#: (1.9x as fast) for 41.0 MB against 37.7 MB (9% larger); level 1 takes 0.91 s for 42.8 MB
#: (14% larger), level 9 40% longer than 6 for 0.4% less. The zip is read once per download
#: and written on every build.
ZIP_LEVEL = 3
#: Members compressed at a time: bounds the memory held by compressed data in flight.
BATCH = 256
#: A file changed less than this before the previous archive started is read again, whatever
#: its times say (file system clocks tick coarsely).
RACY_NS = 2_000_000_000
#: The format of the index kept beside the archive.
INDEX_FORMAT = 2

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
    seen: tuple[int, ...] = ()
    """The file's :func:`_signature` when it was read; empty: not to be trusted."""


#: What a file's bytes are known by without reading them: size, modification and change
#: times (ns), inode.
Signature = tuple[int, ...]


def _signature(stat: os.stat_result) -> Signature:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


#: A member to write: its name in the archive, its file and the file's signature.
_Found = tuple[str, Path, Signature]


def _members(site: Path, target: Path) -> list[_Found]:
    found: list[_Found] = []
    try:
        skip = os.stat(target)
        skipped = (skip.st_dev, skip.st_ino)
    except OSError:
        skipped = None

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():  # a link to a folder is not followed, as by os.walk
                    if not entry.is_symlink():
                        walk(entry.path, f"{prefix}{entry.name}/")
                    continue
                if entry.name.endswith(".partial"):
                    continue
                stat = entry.stat(follow_symlinks=True)
                if skipped == (stat.st_dev, stat.st_ino):
                    continue
                found.append((f"{prefix}{entry.name}", Path(entry.path), _signature(stat)))

    if site.is_dir():
        walk(str(site), f"{ZIP_ROOT}/")
    return sorted(found)


def _previous(target: Path, index: Path | None) -> tuple[dict[str, _Member], int]:
    """The members of the previous archive by name, when its index matches it, and the time
    (ns) that archive started being written."""
    if index is None:
        return {}, 0
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
        if data.get("bytes") != target.stat().st_size or data.get("level") != ZIP_LEVEL:
            return {}, 0
        if data.get("format") != INDEX_FORMAT:
            return {m[0]: _Member(*m[:6]) for m in data["members"]}, 0
        members = {
            m[0]: _Member(m[0], m[1], m[2], m[3], m[4], m[5], tuple(m[6])) for m in data["members"]
        }
        return members, int(data["started"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}, 0


def _header(name: bytes, flags: int, crc: int, packed: int, size: int) -> bytes:
    return struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, _DOS_TIME, _DOS_DATE, crc, packed, size,
        len(name), 0,
    ) + name  # fmt: skip


#: One member's job: its name, file and signature, the previous archive's members, that
#: archive (an open descriptor, or None), the time it started, and the member's bytes when
#: they are not the file's.
_Job = tuple[str, Path, Signature, dict[str, _Member], int | None, int, bytes | None]


def _stored(archive: int, name: str, old: _Member) -> bytes:
    """A member's compressed data in the previous archive."""
    return os.pread(archive, old.packed, old.offset + 30 + len(name.encode("utf-8")))


def _packed(job: _Job) -> tuple[str, bytes, str, int, int]:
    """(name, compressed bytes, sha256, crc, size) of one member; its bytes are ``content`` when
    given, else the file's."""
    name, path, seen, previous, archive, started, content = job
    old = previous.get(name) if archive is not None else None
    if content is None and old is not None and old.seen == seen and seen[2] < started - RACY_NS:
        # The file is as it was when the previous archive read it: its data is there.
        return name, _stored(archive or 0, name, old), old.sha256, old.crc, old.size
    data = path.read_bytes() if content is None else content
    digest = hashlib.sha256(data).hexdigest()
    if old is not None and old.sha256 == digest and old.size == len(data):
        return name, _stored(archive or 0, name, old), digest, old.crc, old.size
    packed = zlib.compress(data, ZIP_LEVEL, wbits=-15)
    return name, packed, digest, zlib.crc32(data), len(data)


def _batches(items: list[_Found]) -> Iterator[list[_Found]]:
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
    started = time.time_ns()
    members = _members(site, target)
    previous, previous_start = _previous(target, index)
    if index is not None:
        index.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    written: list[_Member] = []
    archive = _open(target) if previous else None
    try:
        _write(partial, members, previous, archive, previous_start, replaced, workers, written)
    finally:
        if archive is not None:
            os.close(archive)
    partial.replace(target)
    if index is not None:
        record = {
            "format": INDEX_FORMAT,
            "bytes": target.stat().st_size,
            "level": ZIP_LEVEL,
            "started": started,
            "members": [
                [m.name, m.sha256, m.crc, m.size, m.packed, m.offset, m.seen] for m in written
            ],
        }
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(json.dumps(record, separators=(",", ":")), encoding="utf-8")
    return len(written)


def _open(target: Path) -> int | None:
    try:
        return os.open(target, os.O_RDONLY)
    except OSError:
        return None


def _write(
    partial: Path,
    members: list[_Found],
    previous: dict[str, _Member],
    archive: int | None,
    previous_start: int,
    replaced: Mapping[str, bytes],
    workers: int,
    written: list[_Member],
) -> None:
    """Write the archive into ``partial``, each member as it is packed; ``written`` gets them."""
    central = bytearray()
    offset = 0
    with (
        partial.open("wb") as out,
        ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool,
    ):
        for batch in _batches(members):
            jobs = [
                (name, path, seen, previous, archive, previous_start,
                 replaced.get(name[len(ZIP_ROOT) + 1 :]))
                for name, path, seen in batch
            ]  # fmt: skip
            seen_by_name = {name: seen for name, _, seen in batch}
            for name, packed, digest, crc, size in pool.map(_packed, jobs):
                raw = name.encode("utf-8")
                flags = 0 if name.isascii() else _UTF8
                out.write(_header(raw, flags, crc, len(packed), size))
                out.write(packed)
                central += struct.pack(
                    "<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, flags, 8, _DOS_TIME,
                    _DOS_DATE, crc, len(packed), size, len(raw), 0, 0, 0, 0, _UNIX_644, offset,
                ) + raw  # fmt: skip
                member = _Member(name, digest, crc, size, len(packed), offset, seen_by_name[name])
                written.append(member)
                offset += 30 + len(raw) + len(packed)
        if offset > 0xFFFFFFFF:
            target = partial.with_name(partial.name.removesuffix(".partial"))
            raise ValueError(f"{target}: the site is too large for this archive writer (4 GB)")
        out.write(central)
        out.write(_end(len(written), len(central), offset))


def _end(count: int, size: int, start: int) -> bytes:
    """The end of central directory record, with the ZIP64 record and locator first when the
    member count does not fit its 16 bits."""
    if count < 0xFFFF:
        return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, start, 0)
    zip64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, size, start)
    locator = struct.pack("<IIQI", 0x07064B50, 0, start + size, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, size, start, 0)
    return zip64 + locator + end
