"""How often the reader is right on the development corpus of real texts (issue #14).

Reads every ``tests/realdocs/<publisher>/<id>.yaml`` (hand labels, see ``tests/realdocs/README.md``)
with the ``.txt`` beside it, runs the reader and enrichment (which resolves counterpart and place
countries and canonical names) and prints, per field and per publisher, how many documents are
right, then every miss. Fields: date, time, timezone, kind, main speaker, counterpart countries,
place, event date, number of question turns; and, per labelled answer turn (``question: false``),
whether the turn the reader opens on that line is credited to the right person.

A ratchet (``tests/realdocs/ratchet.json``) lists the documents scored when it was last raised and,
per field, which of them (or which answer turns) were right; ``tests/read/test_realdocs_ratchet.py``
fails when any field is right on fewer of those documents than the ratchet says (a trade, one miss
for two fixes, is allowed). ``--update-ratchet`` raises it to what the reader does now, adding the
documents labelled since; it refuses while any field is below the ratchet, so it only goes up.

    .venv/bin/python scripts/reader_accuracy.py [--corpus DIR] [--data DIR] [--update-ratchet]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from parley.enrich.document import display_name, enrich
from parley.model import Entry, Turn
from parley.read.document import read_document
from parley.read.sources import read_source
from parley.vocab.name_forms import same_name
from parley.vocab.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "realdocs"
RATCHET = CORPUS / "ratchet.json"
#: The document fields scored, in the order printed; ``answer_turns`` is scored per turn.
FIELDS = (
    "date", "time", "timezone", "kind", "main_speaker", "counterpart_countries", "place",
    "event_date", "question_turns",
)  # fmt: skip
TURN_FIELD = "answer_turns"
ALL_FIELDS = (*FIELDS, TURN_FIELD)
# "Sergey Lavrov" / "SERGEY LAVROV" / "Sergéy  Lavrov." -> "sergey lavrov"
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Score:
    """One scored item: a field of one document, or one answer turn."""

    doc: str
    """``publisher/id``."""
    field: str
    right: bool
    expected: object
    found: object
    where: str = ""
    """For a turn: ``L12 "Label"``."""

    @property
    def item(self) -> str:
        """What the ratchet names: ``publisher/id``, or ``publisher/id#L12`` for a turn."""
        return f"{self.doc}#{self.where.split()[0]}" if self.where else self.doc


@dataclass
class Report:
    """Every score of a run, and the labels that could not be used."""

    scores: list[Score] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def of(self, name: str, docs: set[str] | None = None) -> list[Score]:
        """The scores of one field, optionally only for some documents."""
        return [s for s in self.scores if s.field == name and (docs is None or s.doc in docs)]

    def right(self, name: str, docs: set[str] | None = None) -> int:
        return sum(s.right for s in self.of(name, docs))

    def documents(self) -> list[str]:
        return sorted({s.doc for s in self.scores})


def plain(name: object) -> str:
    """A name folded for comparison: accents, case and punctuation ignored."""
    text = unicodedata.normalize("NFKD", str(name or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", text).casefold().strip()


def same_person(expected: object, found: object, vocab: Vocabulary) -> bool:
    """Whether two names stand for the same person: spelling, an alias in people.yaml, or two
    forms of one name ("Sergei V. Lavrov" and "Sergei Lavrov", "S Jaishankar" and "Subrahmanyam
    Jaishankar", "MOTEGI Toshimitsu" and "Toshimitsu Motegi": :mod:`parley.vocab.name_forms`)."""
    if expected is None or found is None:
        return expected is None and found is None
    if plain(expected) == plain(found) or same_name(str(expected), str(found)):
        return True
    return plain(display_name(str(expected), vocab)) == plain(display_name(str(found), vocab))


def as_date(value: object) -> str | None:
    """A label's date (YAML may have parsed it) as ``YYYY-MM-DD``."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def as_time(value: object) -> str | None:
    """A label's time as ``HH:MM``; an unquoted 14:30 is the YAML 1.1 number 870."""
    if value is None:
        return None
    if isinstance(value, int):
        return f"{value // 60:02d}:{value % 60:02d}"
    hour, _, minute = str(value).partition(":")
    return f"{int(hour):02d}:{minute}" if hour.isdigit() else str(value)


def place_right(expected: object, entry: Entry) -> tuple[bool, object]:
    """A place is right when both are absent, or the city and the country agree."""
    place = entry.doc.meta.place
    found = {"city": place.city, "country": place.country} if place else None
    if not isinstance(expected, dict) or found is None:
        return not expected and found is None, found
    city_ok = plain(expected.get("city")) == plain(found["city"])
    country_ok = not expected.get("country") or expected.get("country") == found["country"]
    return city_ok and country_ok, found


def turn_at(turns: tuple[Turn, ...], line: int) -> Turn | None:
    """The labelled turn the reader opened on ``line``, if any."""
    return next((t for t in turns if t.line == line and t.label), None)


def score_document(doc: str, expected: dict, entry: Entry, vocab: Vocabulary) -> list[Score]:
    """Every field of one document, and every answer turn it labels."""
    meta = entry.doc.meta
    main = meta.speakers[0] if meta.speakers else None
    countries = sorted(entry.facts.counterpart_countries)
    place_ok, place_found = place_right(expected.get("place"), entry)
    event = getattr(meta, "event_date", None)
    checks: dict[str, tuple[bool, object, object]] = {
        "date": (as_date(expected.get("date")) == meta.date, as_date(expected.get("date")),
                 meta.date),
        "time": (as_time(expected.get("time")) == meta.time, as_time(expected.get("time")),
                 meta.time),
        "timezone": (expected.get("timezone") == meta.timezone, expected.get("timezone"),
                     meta.timezone),
        "kind": (expected.get("kind") == meta.kind, expected.get("kind"), meta.kind),
        "main_speaker": (same_person(expected.get("main_speaker"), main, vocab),
                         expected.get("main_speaker"), main),
        "counterpart_countries": (sorted(expected.get("counterpart_countries") or []) == countries,
                                  sorted(expected.get("counterpart_countries") or []), countries),
        "place": (place_ok, expected.get("place"), place_found),
        "event_date": (as_date(expected.get("event_date")) == event,
                       as_date(expected.get("event_date")), event),
        "question_turns": (expected.get("question_turns") == entry.doc.questions,
                           expected.get("question_turns"), entry.doc.questions),
    }  # fmt: skip
    scores = [Score(doc, name, *checks[name]) for name in FIELDS]
    for turn in expected.get("turns") or ():
        if not isinstance(turn, dict) or turn.get("question"):
            continue
        found = turn_at(entry.doc.turns, int(turn.get("line") or 0))
        right = (
            found is not None
            and found.kind != "question"
            and same_person(turn.get("speaker"), found.speaker, vocab)
        )
        shown = None if found is None else f"{found.speaker} ({found.kind}, {found.label!r})"
        where = f'L{turn.get("line")} "{turn.get("label")}"'
        scores.append(Score(doc, TURN_FIELD, right, turn.get("speaker"), shown, where))
    return scores


def evaluate(corpus: Path, vocab: Vocabulary) -> Report:
    """Score every labelled document under ``corpus``."""
    report = Report()
    for label_file in sorted(corpus.glob("*/*.yaml")):
        doc = f"{label_file.parent.name}/{label_file.stem}"
        text_file = label_file.with_suffix(".txt")
        try:
            data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            report.problems.append(f"{doc}: labels unreadable: {error}")
            continue
        expected = data.get("expected") if isinstance(data, dict) else None
        if not isinstance(expected, dict) or not text_file.exists():
            report.problems.append(f"{doc}: no 'expected' mapping or no .txt beside it; left out")
            continue
        source, problems = read_source(text_file, f"{doc}.txt", label_file.stem)
        if source is None:
            report.problems.append(f"{doc}: not read: {'; '.join(d.format() for d in problems)}")
            continue
        document, _ = read_document(source, vocab.layouts)
        report.scores += score_document(doc, expected, enrich(document, vocab), vocab)
    return report


def _percent(right: int, total: int) -> str:
    return f"{right}/{total} {100 * right / total:5.1f}%" if total else "-"


def table(report: Report) -> list[str]:
    """Per field: right/total over all documents, then per publisher."""
    publishers = sorted({s.doc.split("/")[0] for s in report.scores})
    lines = [f"{'field':24}{'all':>16}"]
    for name in ALL_FIELDS:
        scored = report.of(name)
        lines.append(f"{name:24}{_percent(sum(s.right for s in scored), len(scored)):>16}")
    lines += ["", "per publisher (documents; fields right / scored; answer turns):"]
    for publisher in publishers:
        docs = {d for d in report.documents() if d.startswith(publisher + "/")}
        fields = [s for s in report.scores if s.doc in docs and s.field != TURN_FIELD]
        turns = report.of(TURN_FIELD, docs)
        wrong = sorted({s.field for s in fields if not s.right})
        right_fields = _percent(sum(s.right for s in fields), len(fields))
        lines.append(
            f"{publisher:18}{len(docs):4} docs  fields {right_fields:>15}"
            f"  turns {_percent(sum(s.right for s in turns), len(turns)):>15}"
            + (f"  misses: {', '.join(wrong)}" if wrong else "")
        )
    return lines


def misses(report: Report) -> list[str]:
    """Every wrong field and turn, grouped by field."""
    lines: list[str] = []
    for name in ALL_FIELDS:
        wrong = [s for s in report.of(name) if not s.right]
        if wrong:
            lines.append(f"-- {name}: {len(wrong)} missed")
            lines += [
                f"   {s.doc} {s.where + ' ' if s.where else ''}expected {s.expected!r}, "
                f"got {s.found!r}"
                for s in wrong
            ]
    return lines


# -- the ratchet ------------------------------------------------------------------------------


def load_ratchet(path: Path) -> dict:
    """``{"documents": [...], "right": {field: [item, ...]}}``: the documents scored when it was
    last raised, and per field the items (``publisher/id``, or ``publisher/id#L12`` for a turn)
    that were right. Empty when there is no file."""
    if not path.exists():
        return {"documents": [], "right": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def _doc_of(item: str) -> str:
    return item.split("#", 1)[0]


def below_ratchet(report: Report, ratchet: dict) -> list[str]:
    """The fields right on fewer items than the ratchet, counted over the ratchet's documents
    that are still in the corpus (a document renamed or removed since is left out of both)."""
    present = set(ratchet.get("documents", ())) & set(report.documents())
    problems = []
    for name, items in sorted(ratchet.get("right", {}).items()):
        needed = sum(1 for item in items if _doc_of(item) in present)
        now = report.right(name, present)
        if now < needed:
            lost = sorted(set(items) - {s.item for s in report.of(name, present) if s.right})
            problems.append(
                f"{name}: {now} right, the ratchet says {needed}; now wrong: {', '.join(lost)}"
            )
    return problems


def raised(report: Report) -> dict:
    """The ratchet for this run; the caller checks first that nothing is below the old one, so
    that on the documents both know no count goes down."""
    return {
        "documents": report.documents(),
        "right": {name: sorted(s.item for s in report.of(name) if s.right) for name in ALL_FIELDS},
    }


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="default: tests/realdocs")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="default: data")
    parser.add_argument("--ratchet", type=Path, default=None, help="default: CORPUS/ratchet.json")
    parser.add_argument(
        "--update-ratchet", action="store_true", help="raise the ratchet to this run's figures"
    )
    args = parser.parse_args(argv)
    ratchet_path = args.ratchet or args.corpus / "ratchet.json"
    vocab, problems = load_vocabulary(args.data)
    for problem in problems:
        out(problem.format())
    report = evaluate(args.corpus, vocab)
    out(f"{len(report.documents())} documents in {args.corpus.name}/")
    for line in [*report.problems, *table(report), "", *misses(report)]:
        out(line)
    ratchet = load_ratchet(ratchet_path)
    below = below_ratchet(report, ratchet)
    for line in below:
        out(f"below the ratchet: {line}")
    if args.update_ratchet:
        if below:
            out("the ratchet is not raised while a field is below it")
            return 1
        ratchet_path.write_text(json.dumps(raised(report), indent=1) + "\n", "utf-8")
        out(f"ratchet raised: {ratchet_path.name}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
