"""Hostile input is normal input: every bad file is named, the rest builds, nothing executes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.support.sitebuild import REPO, Build, run_build, stage_inputs

pytestmark = pytest.mark.slow

HEADER = "2 July 202117:15\n\n{title}, Moscow, July 2, 2021\n\n  • en-GB1 ru-RU1\n\n"

INJECTIONS = (
    "<script>alert('pwned')</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(2)"></iframe>',
    "[click](javascript:alert(3))",
    '<a href="javascript:alert(4)">x</a>',
    "{{ config.site_name }} {% raw %}",
    '--8<-- "mkdocs.yml"',
)

CONTROL_LINES = (
    "# not a heading",
    "* not a list",
    "1. not a numbered list",
    "> not a quote",
    "    not code",
    "---",
    "| not | a | table |",
    "_under_ *star* `tick` [bracket](x) ~~strike~~ ==mark== ^^ins^^",
)


def _files() -> dict[str, bytes]:
    """The hostile corpus: file name -> raw bytes."""
    body = "\n\n".join(("Ladies and gentlemen,", *INJECTIONS, *CONTROL_LINES))
    files = {
        "2021-07-02-injection.txt": (
            HEADER.format(title="Sergey Lavrov’s remarks <script>alert('title')</script>") + body
        ).encode(),
        "2021-07-03-yaml-title.txt": (
            b'---\ntitle: "no: yes # & * [x] {y} \\"quoted\\" \'single\'"\ndate: 2021-07-03\n---\n'
            b"Sergey Lavrov: Text after a title that breaks naive YAML.\n"
        ),
        "empty.txt": b"",
        "blank.txt": b"   \n\n\t\n",
        "binary.txt": bytes(range(256)) * 8,
        "2021-07-04-long-line.txt": (
            HEADER.format(title="A very long paragraph") + ("word " * 9_000)  # under the limit
        ).encode(),
        "2021-07-05-copy-a.txt": (HEADER.format(title="Same text") + "Identical.").encode(),
        "2021-07-05-copy-b.txt": (HEADER.format(title="Same text") + "Identical.").encode(),
        "Odd Name (1).TXT.txt": (HEADER.format(title="Odd name") + "Text.").encode(),
        "2021-07-06-crlf-bom.txt": "\ufeff".encode()
        + (HEADER.format(title="CRLF and BOM") + "Windows line endings.")
        .replace("\n", "\r\n")
        .encode(),
        "2021-07-07-cp1251.txt": (
            HEADER.format(title="Выступление Министра") + "Сергей Лавров: Дамы и господа, Сирия."
        ).encode("cp1251"),
        "2021-07-08-latin1.txt": (
            HEADER.replace("•", "*").format(title="Déclaration à Genève")
            + "Le ministre a parlé à Genève, café."
        ).encode("latin-1"),
    }
    return files


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    folder = tmp_path_factory.mktemp("hostile-transcripts")
    for name, data in _files().items():
        (folder / name).write_bytes(data)
    notes = tmp_path_factory.mktemp("no-annotations")
    lenient = run_build(stage_inputs(tmp_path_factory.mktemp("lenient"), folder, notes))
    strict = run_build(stage_inputs(tmp_path_factory.mktemp("strict"), folder, notes), "--strict")
    return lenient, strict


def test_build_without_strict_succeeds(hostile: tuple[Build, Build]) -> None:
    lenient, _ = hostile
    assert lenient.status == 0, lenient.stderr
    assert (lenient.site / "index.html").is_file()


def test_build_with_strict_fails(hostile: tuple[Build, Build]) -> None:
    _, strict = hostile
    assert strict.status == 1, strict.stderr


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.txt", "empty-file"),
        ("blank.txt", "blank-file"),
        ("binary.txt", "binary-file"),
        ("Odd Name (1).TXT.txt", "unsafe-id"),
        ("2021-07-05-copy-b.txt", "duplicate-content"),
    ],
)
def test_each_bad_file_is_named_in_a_message(
    hostile: tuple[Build, Build], name: str, code: str
) -> None:
    lenient, _ = hostile
    lines = [
        line for line in lenient.stderr.splitlines() if line.startswith(f"transcripts/{name}:")
    ]
    assert lines, f"no message names {name}:\n{lenient.stderr}"
    assert all(
        re.match(rf"transcripts/{re.escape(name)}:\d+: (warning|error|info): ", line)
        for line in lines
    )


def test_non_utf8_files_are_read_with_their_encoding(hostile: tuple[Build, Build]) -> None:
    lenient, _ = hostile
    cyrillic = (lenient.site / "archive/transcripts/2021-07-07-cp1251.html").read_text("utf-8")
    assert "Дамы и господа" in cyrillic
    french = (lenient.site / "archive/transcripts/2021-07-08-latin1.html").read_text("utf-8")
    assert "Genève" in french and "café" in french
    crlf = (lenient.site / "archive/transcripts/2021-07-06-crlf-bom.html").read_text("utf-8")
    assert "Windows line endings." in crlf and "\ufeff" not in crlf


class _Elements(HTMLParser):
    """Every element and attribute of a page, as the browser would build them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        # Code: a script of no type or a JavaScript type; JSON-LD is data the browser never runs.
        self._in_script = tag == "script" and found.get("type", "") in ("", "text/javascript")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def test_no_injected_markup_is_executable(hostile: tuple[Build, Build]) -> None:
    lenient, _ = hostile
    page = (lenient.site / "archive/transcripts/2021-07-02-injection.html").read_text("utf-8")
    elements = _Elements()
    elements.feed(page)
    assert not any(tag == "iframe" for tag, _ in elements.tags)
    assert not any(tag == "img" and "onerror" in attrs for tag, attrs in elements.tags)
    assert not any(name.startswith("on") for _tag, attrs in elements.tags for name in attrs), (
        "an event-handler attribute reached the page"
    )
    assert not any(
        value.strip().lower().startswith("javascript:")
        for _tag, attrs in elements.tags
        for name, value in attrs.items()
        if name in ("href", "src", "action", "formaction")
    )
    assert not any("alert(" in text for text in elements.script_text)
    # ... and every injected string is there, as text.
    for text in (
        "&lt;script&gt;alert(",
        "&lt;img src=x onerror=alert(1)&gt;",
        "{{ config.site_name }}",
        "--8&lt;-- &quot;mkdocs.yml&quot;",
    ):
        assert text in page.replace('"', "&quot;") or text in page, text
    assert "site_name:" not in page  # mkdocs.yml was not included by the snippets extension


def test_markdown_control_characters_render_as_themselves(hostile: tuple[Build, Build]) -> None:
    lenient, _ = hostile
    page = (lenient.site / "archive/transcripts/2021-07-02-injection.html").read_text("utf-8")
    for line in CONTROL_LINES:
        assert (
            line.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in page
        ), line


def test_yaml_breaking_title_round_trips(hostile: tuple[Build, Build]) -> None:
    lenient, _ = hostile
    page = (lenient.site / "archive/transcripts/2021-07-03-yaml-title.html").read_text("utf-8")
    assert "no: yes # &amp; * [x] {y} &quot;quoted&quot; &#x27;single&#x27;" in page or (
        "no: yes # &amp; * [x] {y} \"quoted\" 'single'" in page
    )


def test_contributors_files_are_never_touched(hostile: tuple[Build, Build]) -> None:
    lenient, _ = hostile
    for name, data in _files().items():
        assert (lenient.root / "transcripts" / name).read_bytes() == data
    for page in ("index.md", "about.md", "contributing.md"):
        assert (lenient.docs / page).read_bytes() == (REPO / "docs" / page).read_bytes()
