"""Answers remembered for one read (``parley.read.memo``) are the functions' answers, and no
document's answers are remembered while another document is read."""

from __future__ import annotations

from pathlib import Path

from parley.read.document import read_document
from parley.read.memo import forget, per_read
from parley.read.sources import read_source
from parley.vocab.vocabulary import load_vocabulary

REALDOCS = Path(__file__).parents[1] / "realdocs"


def test_a_remembered_function_answers_each_question_once_until_forget() -> None:
    calls: list[str] = []

    @per_read
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [shout("lavrov"), shout("lavrov"), shout("blinken")] == ["LAVROV", "LAVROV", "BLINKEN"]
    assert calls == ["lavrov", "blinken"]
    forget()
    assert shout("lavrov") == "LAVROV"
    assert calls == ["lavrov", "blinken", "lavrov"]


def test_a_document_reads_the_same_whatever_was_read_before_it() -> None:
    """A third of the real pages read after the others in one order, then in the reverse order: the
    same document and diagnostics (an answer kept from another page would change them)."""
    layouts = load_vocabulary(Path(__file__).parents[2] / "data")[0].layouts
    sources = [
        source
        for path in sorted(REALDOCS.glob("*/*.txt"))[::3]
        if (source := read_source(path, path.name, path.stem)[0]) is not None
    ]
    forwards = [repr(read_document(source, layouts)) for source in sources]
    backwards = [repr(read_document(source, layouts)) for source in reversed(sources)]
    assert forwards == backwards[::-1]
