"""Opening a contributor's file: links, special files and files outside their folder are refused
unread; nothing past the size limit is read."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from parley.read.sources import read_input, read_source, refused_kind, scan_sources

LINK_HINT = (
    "commit the file itself: a link can point at any file of the machine that builds the site"
)


def shown(path: Path) -> str:
    return f"transcripts/{path.name}"


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Sergey Lavrov: Hello.")
    assert read_input(tmp_path / "a.txt", "transcripts/a.txt", tmp_path, 100) == (
        b"Sergey Lavrov: Hello.",
        None,
    )


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x" * 10)
    (tmp_path / "b.txt").write_bytes(b"x" * 11)
    assert read_input(tmp_path / "a.txt", "a", tmp_path, 10) == (b"x" * 10, None)
    data, refused = read_input(tmp_path / "b.txt", "transcripts/b.txt", tmp_path, 10)
    assert data is None and refused is not None
    assert refused.format() == (
        "transcripts/b.txt:0: error: the file is larger than the limit of 10 bytes; nothing of "
        "it is read (split it into smaller files, or raise extra.limits.file_bytes in mkdocs.yml)"
    )


@pytest.mark.parametrize("relative", [False, True])
def test_a_symbolic_link_is_refused_whatever_it_points_at(tmp_path: Path, relative: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", "utf-8")
    folder = tmp_path / "transcripts"
    folder.mkdir()
    link = folder / "x.txt"
    link.symlink_to(os.path.relpath(secret, folder) if relative else secret)
    data, refused = read_input(link, "transcripts/x.txt", folder, 100)
    assert data is None and refused is not None
    assert (refused.code, refused.format()) == (
        "symlink",
        f"transcripts/x.txt:0: error: the file is a symbolic link; nothing is read from it "
        f"({LINK_HINT})",
    )


def test_a_link_to_a_file_in_the_same_folder_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("text", "utf-8")
    (tmp_path / "b.txt").symlink_to("a.txt")
    assert read_input(tmp_path / "b.txt", "b", tmp_path, 100)[1].code == "symlink"  # type: ignore[union-attr]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    data, refused = read_input(tmp_path / "pipe.txt", "transcripts/pipe.txt", tmp_path, 100)
    assert data is None and refused is not None
    assert refused.format() == (
        "transcripts/pipe.txt:0: error: the file is a named pipe (FIFO), not a regular file; "
        "nothing is read from it (only regular text files are read)"
    )


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    if len(str(path)) > 100:
        pytest.skip("socket paths are limited to about 100 bytes")
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        refused = read_input(path, "transcripts/s.txt", tmp_path, 100)[1]
    assert refused is not None and refused.message.startswith("the file is a socket, ")


@pytest.mark.parametrize(
    ("mode", "kind"),
    [(stat.S_IFCHR, "a character device"), (stat.S_IFBLK, "a block device")],
)
def test_devices_are_refused_by_their_kind(mode: int, kind: str) -> None:
    refused = refused_kind(mode | 0o644, "transcripts/dev.txt")
    assert refused is not None and refused.code == "special-file"
    assert refused.message == f"the file is {kind}, not a regular file; nothing is read from it"


def test_dev_zero_behind_a_link_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert read_input(tmp_path / "zero.txt", "z", tmp_path, 100)[1].code == "symlink"  # type: ignore[union-attr]


def test_a_file_reached_through_a_linked_folder_is_outside_its_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("secret", "utf-8")
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "sub").symlink_to(elsewhere, target_is_directory=True)
    data, refused = read_input(folder / "sub" / "x.txt", "transcripts/sub/x.txt", folder, 100)
    assert data is None and refused is not None
    assert refused.format() == (
        "transcripts/sub/x.txt:0: error: the file lies outside transcripts/ (through a linked "
        "folder); nothing is read from it (commit the file itself inside transcripts/)"
    )


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    refused = read_input(tmp_path / "gone.txt", "transcripts/gone.txt", tmp_path, 100)[1]
    assert refused is not None and refused.code == "unreadable-file"


def test_scanning_names_every_link_and_special_file_and_lists_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("b", "utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "no-suffix-link").symlink_to("/etc/hostname")
    (tmp_path / "folder-link").symlink_to(tmp_path / "sub", target_is_directory=True)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / ".hidden-link.txt").symlink_to(tmp_path / "a.txt")
    found, problems = scan_sources(tmp_path, shown)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "sub/b.md"]
    assert [(p.path, p.code) for p in problems] == [
        ("transcripts/folder-link", "symlink"),
        ("transcripts/link.txt", "symlink"),
        ("transcripts/no-suffix-link", "symlink"),
        ("transcripts/pipe.txt", "special-file"),
    ]
    assert problems[0].message == "the folder is a symbolic link; nothing is read from it"


def test_a_transcripts_folder_that_is_a_link_is_not_entered(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("a", "utf-8")
    (tmp_path / "transcripts").symlink_to(real, target_is_directory=True)
    found, problems = scan_sources(tmp_path / "transcripts", lambda p: p.name)
    assert found == []
    assert [(p.path, p.code) for p in problems] == [("transcripts", "symlink")]


def test_read_source_refuses_a_link_with_one_error_and_no_text(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Sergey Lavrov: secret.", "utf-8")
    (tmp_path / "x.txt").symlink_to(tmp_path / "secret.txt")
    source, problems = read_source(tmp_path / "x.txt", "transcripts/x.txt", "x", tmp_path)
    assert source is None
    assert [p.code for p in problems] == ["symlink"]
