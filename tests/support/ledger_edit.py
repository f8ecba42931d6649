"""A sample transcript with a paragraph inserted after it was published: the site before and
after, for the tests of stable paragraph numbers (``tests/conftest.py`` builds it once)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.support.sitebuild import Build

#: (root of the build, paragraphs before, marks before, the build after the insertion)
Edited = tuple[Path, dict[str, str], dict[str, str], Build]

BAHRAIN = "2021-07-02-lavrov-bahrain"
PAGE = f"docs/archive/transcripts/{BAHRAIN}.md"
#: A paragraph of the transcript and its number, e.g. '<p id="p12" class="para">...</p>'.
PARAGRAPH = re.compile(r'<(?:p|h3) id="p(?P<n>\d+)" class="para[^"]*">(?P<body>.*?)</(?:p|h3)>')
#: The empty targets at the start of a paragraph: its text anchor, retired numbers.
TARGET = re.compile(r'<span id="(?P<id>[^"]+)" class="para-anchor"></span>')
TAG = re.compile(r"<[^>]+>")
INSERTED = "We also discussed the weather, which was fine."


def paragraphs(root: Path) -> dict[str, str]:
    """Every id a paragraph answers to (pN, its text anchor, retired numbers) -> its text."""
    found: dict[str, str] = {}
    for match in PARAGRAPH.finditer((root / PAGE).read_text(encoding="utf-8")):
        body = match["body"]
        text = html.unescape(TAG.sub("", body.rsplit(" <a ", 1)[0])).strip()
        found[f"p{match['n']}"] = text
        for target in TARGET.finditer(body):
            found[target["id"]] = text
    return found


def marks(root: Path) -> dict[str, str]:
    """Each annotation mark's id -> the text of the paragraph it is in."""
    page = (root / PAGE).read_text(encoding="utf-8")
    found = {}
    for match in PARAGRAPH.finditer(page):
        text = html.unescape(TAG.sub("", match["body"].rsplit(" <a ", 1)[0])).strip()
        for mark in re.findall(r'<mark id="(mark-[^"]+)"', match["body"]):
            found[mark] = text
    return found


def insert_paragraph(root: Path) -> None:
    path = root / "transcripts" / f"{BAHRAIN}.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Ladies and gentlemen,\n", f"Ladies and gentlemen,\n\n{INSERTED}\n", 1)
    )
