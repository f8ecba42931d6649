"""Finding transcript files, planning their ids, and decoding their bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.read.sources import SAFE_ID, decode, find_sources, plan_ids, read_source, safe_slug

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reader"


def shown(path: Path) -> str:
    return f"transcripts/{path.name}"


def test_find_sources_lists_txt_and_md_files_sorted_by_name_skipping_hidden_ones(
    tmp_path: Path,
) -> None:
    for name in ("b.md", "a.txt", ".hidden.txt", "notes.pdf", "C.TXT"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "2016").mkdir()
    (tmp_path / "2016" / "aa.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x", encoding="utf-8")
    found = find_sources(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "C.TXT",
        "a.txt",
        "2016/aa.txt",
        "b.md",
    ]


def test_a_safe_stem_is_the_id() -> None:
    ids, problems = plan_ids([Path("t/2021-07-02-lavrov-bahrain.txt")], shown)
    assert ids == {Path("t/2021-07-02-lavrov-bahrain.txt"): "2021-07-02-lavrov-bahrain"}
    assert problems == []


def test_an_unsafe_stem_gets_a_warning_and_a_derived_id() -> None:
    path = Path("t/Lavrov Interview (2).txt")
    ids, problems = plan_ids([path], shown)
    assert ids == {path: "lavrov-interview-2"}
    assert [p.format() for p in problems] == [
        'transcripts/Lavrov Interview (2).txt:0: warning: file name "Lavrov Interview (2)" is '
        "not a safe id (lower-case letters, digits and hyphens); the document gets the id "
        '"lavrov-interview-2" (rename the file to lavrov-interview-2.txt)'
    ]
    assert problems[0].code == "unsafe-id"


def test_derived_ids_spell_accents_and_cyrillic_in_ascii() -> None:
    assert safe_slug("Ménétrier_Zürich") == "menetrier-zurich"
    assert safe_slug("Лавров-2016") == "lavrov-2016"
    assert safe_slug("Straße..Öl") == "strasse-ol"


def test_a_stem_with_nothing_usable_falls_back_to_a_hash_id() -> None:
    expected = "doc-" + hashlib.sha1(b"..").hexdigest()[:8]
    assert safe_slug("..") == expected
    assert safe_slug("☃ ☃") == "doc-" + hashlib.sha1("☃ ☃".encode()).hexdigest()[:8]


def test_two_files_with_one_id_is_an_error_naming_both_and_the_later_is_left_out() -> None:
    first, later = Path("t/2021-07-02-Lavrov.txt"), Path("t/2021-07-02-lavrov.md")
    ids, problems = plan_ids([later, first], shown)
    assert ids == {first: "2021-07-02-lavrov"}
    collision = [p for p in problems if p.code == "id-collision"]
    assert [p.format() for p in collision] == [
        'transcripts/2021-07-02-lavrov.md:0: error: id "2021-07-02-lavrov" is already taken by '
        "transcripts/2021-07-02-Lavrov.txt; this file is left out (rename one of the two files)"
    ]
    assert collision[0].severity == "error"


@settings(max_examples=150)
@given(st.lists(st.text(min_size=1, max_size=12).filter(lambda s: "/" not in s), max_size=8))
def test_planned_ids_are_always_safe_and_unique(stems: list[str]) -> None:
    paths = [Path("t") / f"{stem}.txt" for stem in stems if stem not in (".", "..")]
    ids, _ = plan_ids(paths, shown)
    assert all(SAFE_ID.match(doc_id) for doc_id in ids.values())
    assert len(set(ids.values())) == len(ids)


def test_decode_reads_utf8_and_normalises_line_endings() -> None:
    assert decode(b"a\r\nb\rc\n") == ("a\nb\nc\n", "utf-8")


def test_decode_removes_a_byte_order_mark() -> None:
    assert decode(b"\xef\xbb\xbfLavrov\r\n") == ("Lavrov\n", "utf-8-sig")


def test_decode_reads_windows_1251_russian_text() -> None:
    raw = "Вопрос: Как вы оцениваете переговоры? café".encode("cp1251", errors="replace")
    assert decode(raw) == ("Вопрос: Как вы оцениваете переговоры? caf?", "cp1251")


def test_decode_reads_windows_1252_accented_text() -> None:
    raw = "Le Drian’s café in Besançon, à Zürich — très bien".encode("cp1252")
    assert decode(raw) == ("Le Drian’s café in Besançon, à Zürich — très bien", "cp1252")


def test_decode_keeps_bytes_windows_1252_leaves_undefined() -> None:
    assert decode(b"caf\xe9 \x81") == ("café \x81", "cp1252")


def test_decode_refuses_binary_bytes() -> None:
    assert decode(b"PK\x03\x04\x00\x00") is None
    assert decode(bytes(range(1, 9)) * 10 + b"text") is None


@settings(max_examples=200)
@given(st.binary())
def test_decode_never_raises_and_never_leaves_a_carriage_return(raw: bytes) -> None:
    decoded = decode(raw)
    if decoded is not None:
        text, encoding = decoded
        assert "\r" not in text
        assert encoding in ("utf-8", "utf-8-sig", "cp1251", "cp1252")


@settings(max_examples=200)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"))))
def test_decode_gives_back_any_utf8_text(text: str) -> None:
    assert decode(text.encode()) == (text, "utf-8")


def test_read_source_skips_an_empty_file_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    source, problems = read_source(path, "transcripts/empty.txt", "empty")
    assert source is None
    assert [p.format() for p in problems] == [
        "transcripts/empty.txt:0: warning: the file is empty; it is skipped "
        "(delete it or paste the transcript into it)"
    ]
    assert problems[0].code == "empty-file"


def test_read_source_skips_a_blank_file_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n\xc2\xa0\n")
    source, problems = read_source(path, "transcripts/blank.txt", "blank")
    assert source is None
    assert [p.format() for p in problems] == [
        "transcripts/blank.txt:0: warning: the file holds only white space; it is skipped "
        "(delete it or paste the transcript into it)"
    ]
    assert problems[0].code == "blank-file"


def test_read_source_skips_a_binary_file_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    source, problems = read_source(path, "transcripts/photo.txt", "photo")
    assert source is None
    assert [p.format() for p in problems] == [
        "transcripts/photo.txt:0: warning: the file is binary, not text; it is skipped "
        "(transcripts are plain text files (.txt or .md))"
    ]
    assert problems[0].code == "binary-file"


def test_read_source_names_a_legacy_encoding_in_an_info_diagnostic() -> None:
    source, problems = read_source(FIXTURES / "cp1251.txt", "transcripts/cp1251.txt", "cp1251")
    assert source is not None
    assert source.encoding == "cp1251"
    assert "Вопрос: Как Россия оценивает ситуацию в Сирии?" in source.text
    assert [p.format() for p in problems] == [
        "transcripts/cp1251.txt:0: info: the file is not UTF-8; it was read as Windows-1251 "
        "(Cyrillic) (save it as UTF-8 to silence this note)"
    ]


def test_read_source_reads_latin_text_as_windows_1252() -> None:
    source, problems = read_source(FIXTURES / "latin1.txt", "transcripts/latin1.txt", "latin1")
    assert source is not None
    assert source.encoding == "cp1252"
    assert "Quai d’Orsay in a très productive atmosphere" in source.text
    assert "Besançon and Zürich" in source.text
    assert [p.code for p in problems] == ["encoding"]


def test_read_source_reads_utf8_with_bom_and_crlf_silently() -> None:
    path = FIXTURES / "crlf_bom.txt"
    source, problems = read_source(path, "transcripts/crlf_bom.txt", "crlf-bom")
    assert source is not None
    assert problems == []
    assert source.encoding == "utf-8-sig"
    assert source.text.startswith("2 July 202117:15\n\nForeign Minister")
    assert "\r" not in source.text
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (source.path, source.id) == ("transcripts/crlf_bom.txt", "crlf-bom")


def test_read_source_reports_an_unreadable_file_as_an_error(tmp_path: Path) -> None:
    source, problems = read_source(tmp_path / "missing.txt", "transcripts/missing.txt", "m")
    assert source is None
    assert [p.format() for p in problems] == [
        "transcripts/missing.txt:0: error: cannot read the file: No such file or directory"
    ]
