"""The five real samples as the generator sees them: their layout's lines, and their paragraphs
pooled by the part of a document they can fill, with the sample's own counterpart and war
swapped for placeholders.

In: ``transcripts/*.txt`` and the substitution terms of ``corpus_tables.yaml``. Out:
:class:`Pools` (:func:`load_pools`) and the patterns of the samples' layout lines, which the
benchmarks' plain-page baseline uses too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus_tables import HOST_TERMS, THEME_TERMS

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "transcripts"

#: The ministry date-time line; matches "2 July 202117:15".
MINISTRY_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}\d{2}:\d{2}$")
#: The news timestamp line; matches "09:41 GMT 02.07.2021 (Updated: 11:01 GMT 02.07.2021)".
NEWS_STAMP = re.compile(r"^\d{2}:\d{2} GMT \d{2}\.\d{2}\.\d{4} \(Updated: .*\)$")
#: The language versions line; matches "  • en-GB1 ru-RU1".
LANGUAGE_LINE = re.compile(r"^\s*•\s+[a-z]{2}-[A-Z]{2}\d")
#: A turn label; matches "Sergey Lavrov (adds after Walid Muallem): Since this concerns ...".
TURN_LABEL = re.compile(r"^(?P<speaker>Question|Sergey Lavrov)(?: \([^)]*\))?:\s*(?P<text>.*)$")
#: A news sub-heading: a short line without final punctuation; matches "Syria Consensus".
NEWS_HEADING = re.compile(r"^[A-Z][\w’' -]{2,40}$")

#: Ministry page lines that are site chrome, not text.
MINISTRY_CHROME = frozenset(
    {"Asset Publisher", "Ladies and gentlemen,", "Additional materials", "Advanced settings"}
)


@dataclass(frozen=True, slots=True)
class Pools:
    """Templated paragraphs of the samples, by the part of a document they can fill."""

    remarks: tuple[str, ...]
    """Paragraphs of opening remarks."""
    answers: tuple[str, ...]
    """Paragraphs of answers, turn labels removed."""
    questions: tuple[tuple[str, ...], ...]
    """Questions, each one or more paragraphs, labels removed."""
    news: tuple[str, ...]
    """Paragraphs of news articles."""
    headings: tuple[str, ...]
    """Sub-headings of news articles."""
    footnotes: tuple[str, ...]
    """Footnotes of news articles ("*A terrorist group outlawed in Russia ...")."""


def _templatise(text: str, terms: str) -> str:
    """Replace each whole-word ``term`` of ``"term=token; ..."`` by its token, in order."""
    for pair in terms.split("; "):
        term, token = pair.split("=")
        text = re.sub(rf"\b{re.escape(term)}\b", token, text)
    return text


#: A sample's front matter (its ``source_url``), left out of the recombined text:
#: "---\nsource_url: https://...\n---\n".
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def load_pools(folder: Path = SAMPLES) -> Pools:
    """Read the sample transcripts (sorted by name) into pools of templated paragraphs."""
    remarks: list[str] = []
    answers: list[str] = []
    questions: list[tuple[str, ...]] = []
    news: list[str] = []
    headings: list[str] = []
    footnotes: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
        terms = "; ".join(filter(None, (HOST_TERMS.get(path.name), THEME_TERMS)))
        lines = [" ".join(line.split()) for line in text.splitlines()]
        if len(lines) > 1 and NEWS_STAMP.match(lines[1]):
            for line in filter(None, lines[2:]):
                if line.startswith("*"):
                    footnotes.append(line)
                elif not line.startswith("©"):
                    pool = headings if NEWS_HEADING.match(line) else news
                    pool.append(_templatise(line, terms))
            continue
        state = "head"
        blocks = (" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip())
        for block in blocks:
            if state == "head" or block in MINISTRY_CHROME:
                state = "remarks" if LANGUAGE_LINE.match(block) else state
                continue
            label = TURN_LABEL.match(_templatise(block, terms))
            if label and label["speaker"] == "Question":
                state = "question"
                questions.append((label["text"],))
            elif label:
                state = "answer"
                answers.append(label["text"])
            elif state == "question":
                questions[-1] = (*questions[-1], _templatise(block, terms))
            else:
                (remarks if state == "remarks" else answers).append(_templatise(block, terms))
    return Pools(
        tuple(remarks),
        tuple(answers),
        tuple(questions),
        tuple(news),
        tuple(headings),
        tuple(footnotes),
    )
