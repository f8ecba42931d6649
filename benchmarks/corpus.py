#!/usr/bin/env python3
"""Generate a realistic benchmark corpus of N transcripts from the five real samples.

    python -m benchmarks.corpus --count N --out DIR [--seed S] [--annotations DIR]

Every document is recombined from the paragraphs of ``transcripts/*.txt``. The counterpart,
country and capital of the sample a paragraph came from are swapped for the generated
document's, and the war the samples discuss (Syria) is swapped for another one in half the
documents, so countries, people and topics vary across the corpus. Layouts follow the samples:
ministry pages (news conferences, interviews, briefings, statements, speeches) and, about one
in twenty, a news article. Document ``i`` depends only on the seed and ``i``: the corpus of
1,000 is the first 1,000 files of the corpus of 10,000, and generation is linear in N.
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import yaml

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
#: A placeholder in a pooled paragraph or a template; matches "{theme_adjective}".
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

#: Ministry page lines that are site chrome, not text.
MINISTRY_CHROME = frozenset(
    {"Asset Publisher", "Ladies and gentlemen,", "Additional materials", "Advanced settings"}
)
#: The tables the documents are drawn from: plain data, edited in ``corpus_tables.yaml``.
TABLES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("corpus_tables.yaml")).read_text(encoding="utf-8")
)
#: What a sample says about its own counterpart, swapped for placeholders (longest first).
HOST_TERMS: dict[str, str] = TABLES["host_terms"]
#: The war every sample discusses, swapped per document for one of THEMES.
THEME_TERMS: str = TABLES["theme_terms"]
#: Countries whose conflict replaces Syria's in half the documents.
THEMES: tuple[str, ...] = tuple(TABLES["themes"])
#: Share of each kind of document (``model.KINDS``; "article" is a news article).
KIND_WEIGHTS: dict[str, float] = TABLES["kinds"]
LANGUAGE_SETS: tuple[str, ...] = tuple(TABLES["language_sets"])
#: Fictional news outlets that interview the minister, and what they are.
OUTLETS: tuple[str, ...] = tuple(TABLES["outlets"])
MEDIA: tuple[str, ...] = tuple(TABLES["media"])
BRIEFING_HEADINGS: tuple[str, ...] = tuple(TABLES["briefing_headings"])
SPEECH_EVENTS: tuple[str, ...] = tuple(TABLES["speech_events"])
NEWS_HEADLINES: tuple[str, ...] = tuple(TABLES["news_headlines"])
MONTHS = tuple(calendar.month_name)[1:]  # the C locale's English names
#: Dates are drawn uniformly from these twenty-one years.
FIRST_DAY, LAST_DAY = date(2005, 1, 1).toordinal(), date(2025, 12, 31).toordinal()
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class Country:
    """A counterpart country: names from pycountry, the rest from corpus_tables.yaml."""

    code: str
    """ISO 3166-1 alpha-2 code."""
    name: str
    """Common name ("Iran", "Bahrain")."""
    official: str
    """Name as a title writes it after "of": "the Kingdom of Bahrain", "Japan"."""
    adjective: str
    """"Bahraini"; also stands for the people ("Bahraini people")."""
    capital: str
    """Capital city: a place of events and a stand-in for the government ("Moscow and Manama")."""
    language: str
    """Language journalists' questions are translated from."""
    slug: str
    """Safe slug of the name, used in file names."""


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


@dataclass(frozen=True, slots=True)
class Generated:
    """One generated transcript and the annotations quoting it."""

    id: str
    """File stem: ``<date>-<country slug>-<index>``."""
    kind: str
    """One of KIND_WEIGHTS."""
    text: str
    """The file's content."""
    quotes: tuple[str, ...]
    """Passages to annotate: each occurs exactly once in ``text``; empty for most documents."""


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """What :func:`write_corpus` wrote."""

    documents: int
    bytes: int
    """Total size of the transcripts."""
    kinds: tuple[tuple[str, int], ...]
    """(kind, count), sorted by kind."""
    annotation_files: int
    annotations: int


# -- the vocabulary and the samples -----------------------------------------------------------


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Türkiye" -> "turkiye"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def load_countries() -> tuple[Country, ...]:
    """The counterpart countries in table order, named by pycountry."""
    found = []
    for row in TABLES["countries"]:
        code, adjective, capital, language = (
            row["code"],
            row["adjective"],
            row["capital"],
            row["language"],
        )
        record = pycountry.countries.get(alpha_2=code)
        assert record is not None, f"corpus_tables.yaml: {code} is not an ISO 3166 code"
        name = getattr(record, "common_name", None) or record.name
        official = getattr(record, "official_name", None) or record.name
        official = name if official == name else f"the {official}"
        found.append(Country(code, name, official, adjective, capital, language, slug(name)))
    return tuple(found)


def load_people() -> tuple[tuple[str, str], ...]:
    """The fictional counterparts as (name, role)."""
    return tuple((row["name"], row["role"]) for row in TABLES["people"])


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


# -- composing one document -------------------------------------------------------------------


class _Draft:
    """The random choices of one document and the paragraphs drawn so far (no repeats)."""

    def __init__(
        self, rng: random.Random, pools: Pools, values: dict[str, str], joint: bool
    ) -> None:
        self.rng = rng
        self.values = values
        self.joint = joint
        """A joint news conference: questions to both ministers, answers "adds after" them."""
        self.remarks = rng.sample(pools.remarks, len(pools.remarks))
        self.answers = rng.sample(pools.answers, len(pools.answers))
        self.questions = rng.sample(pools.questions, len(pools.questions))
        self.paragraphs: list[str] = []
        """Running text as written, labels removed: where annotations may quote."""

    def fill(self, template: str) -> str:
        """The template with its placeholders replaced by this document's values."""
        return PLACEHOLDER.sub(lambda m: self.values[m[1]], template)

    def take(self, count: int, first: list[str], then: list[str]) -> list[str]:
        """``count`` unused paragraphs from ``first``, then from ``then`` when it runs out."""
        taken = []
        for _ in range(count):
            source = first or then
            if not source:
                break
            taken.append(self.fill(source.pop()))
        self.paragraphs.extend(taken)
        return taken

    def exchanges(self, count: int, answer_paragraphs: int, labels: tuple[str, str]) -> list[str]:
        """``count`` questions with answers, as ``label: text`` blocks."""
        blocks: list[str] = []
        count = min(count, len(self.questions))
        if count == 0:
            return blocks
        sizes = [1] * count
        for _ in range(max(0, answer_paragraphs - count)):
            sizes[self.rng.randrange(count)] += 1
        for size in sizes:
            question = [self.fill(p) for p in self.questions.pop()]
            self.paragraphs.extend(question)
            answer = self.take(size, self.answers, self.remarks)
            if not answer:
                break
            blocks += [f"{self.question_label(labels[0])}: {question[0]}", *question[1:]]
            blocks += [f"{self.answer_label(labels[1])}: {answer[0]}", *answer[1:]]
        return blocks

    def question_label(self, label: str) -> str:
        """ "Question", sometimes "Question (translated from Arabic)" or "(for both ministers)"."""
        roll = self.rng.random()
        language = self.values["language"]
        if label != "Question" or roll < 0.65:
            return label
        if (roll < 0.9 or not self.joint) and language != "English":
            return f"Question (translated from {language})"
        if not self.joint:
            return label
        return "Question (for both ministers)" if roll < 0.95 else "Question (to both ministers)"

    def answer_label(self, label: str) -> str:
        """ "Sergey Lavrov", sometimes "Sergey Lavrov (adds after <counterpart>)"."""
        roll = self.rng.random()
        if label != "Sergey Lavrov" or roll < 0.7 or not self.joint:
            return label
        how = "adds after" if roll < 0.85 else "speaking after"
        return f"{label} ({how} {self.values['name']})"


def paragraph_count(rng: random.Random) -> int:
    """Paragraphs of running text: 8 to 60, most near 15, so documents average about 10 KB."""
    return min(60, 8 + int(rng.expovariate(1 / 14)))


def _counterpart(rng: random.Random, person: tuple[str, str], country: Country) -> str:
    name, role = person
    form = rng.random()
    if form < 0.4:
        return f"{role} of {country.official} {name}"
    if form < 0.75:
        return f"{role} of {country.name} {name}"
    return f"{country.adjective} Foreign Minister {name}"


def _ministry_body(draft: _Draft, kind: str, count: int) -> tuple[str, list[str]]:
    """The title's description of the event and the blocks of text, for one ministry kind."""
    rng, v = draft.rng, draft.values
    r, a = draft.remarks, draft.answers
    if kind == "interview":
        medium, outlet = rng.choice(MEDIA), rng.choice(OUTLETS)
        questions = rng.randint(3, 8)
        return (
            f"’s interview with the {v['adjective']} {medium} {outlet}",
            draft.exchanges(questions, count - questions, ("Question", "Sergey Lavrov")),
        )
    if kind == "briefing":
        blocks: list[str] = []
        for template in rng.sample(BRIEFING_HEADINGS, rng.randint(2, 4)):
            blocks += [draft.fill(template), *draft.take(rng.randint(2, 6), r, a)]
        questions = rng.randint(0, 4)
        if questions:
            blocks.append("Answers to media questions:")
            blocks += draft.exchanges(questions, questions * 2, ("Question", "Maria Zakharova"))
        return "Briefing by Foreign Ministry Spokesperson Maria Zakharova", blocks
    if kind == "statement":
        about = rng.choice(
            (f"following talks with {v['counterpart']}", f"on the situation in {v['theme']}")
        )
        return f"Statement by Foreign Minister Sergey Lavrov {about}", [
            "Ladies and gentlemen,",
            *draft.take(min(count, 24), r, a),
        ]
    questions = rng.randint(0, 8) if kind == "news-conference" else rng.randint(0, 3)
    questions = min(questions, (count - 2) // 2)
    opening = count if not questions else rng.randint(2, max(2, count // 2))
    blocks = [*draft.take(opening, r, a)]
    blocks += draft.exchanges(questions, count - opening - questions, ("Question", "Sergey Lavrov"))
    if kind == "speech":
        event = draft.fill(rng.choice(SPEECH_EVENTS))
        return f"’s remarks at {event}", [rng.choice(("Colleagues,", "Friends,")), *blocks]
    what = rng.choice(
        ("remarks and answers to media questions", "statement and answers to media questions")
    )
    how = rng.choice(("with", "following talks with"))
    return (
        f"’s {what} at a joint news conference {how} {v['counterpart']}",
        ["Ladies and gentlemen,", *blocks],
    )


def _ministry_page(draft: _Draft, kind: str, day: str, when: tuple[int, int], city: str) -> str:
    rng = draft.rng
    year, month, mday = (int(x) for x in day.split("-"))
    event, blocks = _ministry_body(draft, kind, paragraph_count(rng))
    apostrophe = "’" if rng.random() < 0.85 else "'"
    title = (
        event
        if event.startswith(("Briefing", "Statement"))
        else (f"Foreign Minister Sergey Lavrov{event.replace('’', apostrophe, 1)}")
    )
    head = ["Asset Publisher", ""] if rng.random() < 0.1 else []
    head += [f"{mday} {MONTHS[month - 1]} {year}{when[0]:02d}:{when[1]:02d}", ""]
    head += [f"{title}, {city}, {MONTHS[month - 1]} {mday}, {year}", ""]
    head += [""] * rng.randint(0, 1) + [f"  • {rng.choice(LANGUAGE_SETS)}", ""]
    tail = "Additional materials\n\n\n" if rng.random() < 0.8 else "\n\n\n"
    return "\n".join(head) + "\n" + "\n\n".join(blocks) + "\n\n" + tail + "Advanced settings"


def _news_page(draft: _Draft, pools: Pools, day: str, when: tuple[int, int]) -> str:
    rng = draft.rng
    year, month, mday = (int(x) for x in day.split("-"))
    hour = (when[0] - 3) % 24
    updated = min(23, hour + rng.randint(0, 3))
    stamp, minute = f"{mday:02d}.{month:02d}.{year}", f"{when[1]:02d}"
    caption = draft.fill("Foreign ministers of Russia and {country} at talks in {city}")
    body = draft.take(rng.randint(6, len(pools.news)), rng.sample(pools.news, len(pools.news)), [])
    heading = draft.fill(rng.choice(pools.headings))
    body.insert(rng.randint(2, len(body) - 1), heading)
    return "\n".join(
        [
            draft.fill(rng.choice(NEWS_HEADLINES)),
            f"{hour:02d}:{minute} GMT {stamp} (Updated: {updated:02d}:{minute} GMT {stamp})",
            f"© AP Photo / Pool {caption}",
            "",
            "© AP Photo / Pool",
            *body,
            *pools.footnotes,
        ]
    )


def generate_document(
    pools: Pools,
    countries: Sequence[Country],
    people: Sequence[tuple[str, str]],
    seed: int,
    index: int,
    quotes: int = 0,
) -> Generated:
    """Document ``index`` of the corpus of ``seed``, with ``quotes`` passages to annotate."""
    rng = random.Random(f"parley-benchmark:{seed}:{index}")
    kind = rng.choices(tuple(KIND_WEIGHTS), tuple(KIND_WEIGHTS.values()))[0]
    country = rng.choice(countries)
    theme_code = "SY" if rng.random() < 0.5 else rng.choice(THEMES)
    theme = next(c for c in countries if c.code == theme_code)
    person = rng.choice(people)
    day = date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY)).isoformat()
    when = (rng.randint(8, 21), rng.randrange(60))
    roll = rng.random()
    city = (
        "Moscow"
        if roll < 0.75 or kind == "briefing"
        else (country.capital if roll < 0.9 else rng.choice(countries).capital)
    )
    counterpart = _counterpart(rng, person, country)
    if kind == "news-conference" and rng.random() < 0.15:
        other, other_person = rng.choice(countries), rng.choice(people)
        counterpart += f" and {_counterpart(rng, other_person, other)}"
    values = {
        "country": country.name,
        "official": country.official,
        "adjective": country.adjective,
        "capital": country.capital,
        "name": person[0],
        "surname": person[0].split()[-1],
        "language": country.language,
        "counterpart": counterpart,
        "city": city,
        "theme": theme.name,
        "theme_official": theme.official,
        "theme_adjective": theme.adjective,
        "theme_capital": theme.capital,
    }
    draft = _Draft(rng, pools, values, joint=kind == "news-conference")
    if kind == "article":
        text = _news_page(draft, pools, day, when)
    else:
        text = _ministry_page(draft, kind, day, when, city)
    doc_id = f"{day}-{country.slug}-{index}"
    return Generated(doc_id, kind, text, pick_quotes(rng, text, draft.paragraphs, quotes))


def _plain(text: str) -> str:
    """Text as an annotation is matched: typographic quotes and dashes, and spacing, ignored."""
    return " ".join(text.translate(TYPOGRAPHY).split())


def pick_quotes(
    rng: random.Random, text: str, paragraphs: Sequence[str], count: int
) -> tuple[str, ...]:
    """Up to ``count`` passages of 6-14 words, each within one paragraph, found once in ``text``."""
    plain = _plain(text)
    found: list[str] = []
    for _ in range(20 * count):
        if len(found) == count or not paragraphs:
            break
        words = rng.choice(paragraphs).split(" ")
        size = min(len(words), rng.randint(6, 14))
        start = rng.randrange(len(words) - size + 1)
        quote = " ".join(words[start : start + size])
        if (
            len(quote) >= 20
            and "*" not in quote
            and plain.count(_plain(quote)) == 1
            and all(
                _plain(quote) not in _plain(q) and _plain(q) not in _plain(quote) for q in found
            )
        ):
            found.append(quote)
    return tuple(found)


# -- the corpus on disk -----------------------------------------------------------------------


def generate_corpus(
    count: int, seed: int = 1, annotation_rate: float = 0.02, samples: Path = SAMPLES
) -> Iterator[Generated]:
    """Documents 0 .. count-1; every (1/annotation_rate)-th one, from the first, has quotes."""
    pools, countries, people = load_pools(samples), load_countries(), load_people()
    every = round(1 / annotation_rate) if annotation_rate > 0 else 0
    for index in range(count):
        quotes = 0
        if every and index % every == 0:
            quotes = random.Random(f"parley-notes:{seed}:{index}").randint(1, 2)
        yield generate_document(pools, countries, people, seed, index, quotes)


def annotation_yaml(document: Generated) -> str:
    """The annotation file for a document's quotes, in the annotation schema's format."""
    notes = [
        {
            "quote": quote,
            "note": (
                f"Benchmark note {n} on *{document.id}*: compare the "
                "[ministry's archive](https://www.mid.ru/en/)."
            ),
            "author": "benchmark",
            "date": "2024-01-01",
            "kind": "context",
        }
        for n, quote in enumerate(document.quotes, start=1)
    ]
    return yaml.safe_dump({"annotations": notes}, sort_keys=False, allow_unicode=True, width=100)


def write_corpus(
    out: Path,
    count: int,
    seed: int = 1,
    annotations: Path | None = None,
    annotation_rate: float = 0.02,
    samples: Path = SAMPLES,
) -> CorpusStats:
    """Write ``count`` transcripts into ``out`` (and annotation files); both must be empty."""
    for folder in (out, annotations):
        if folder is not None and folder.exists() and any(folder.iterdir()):
            raise FileExistsError(f"{folder} is not empty: generate into a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    if annotations is not None:
        annotations.mkdir(parents=True, exist_ok=True)
    size = files = notes = 0
    kinds: Counter[str] = Counter()
    rate = annotation_rate if annotations is not None else 0.0
    for document in generate_corpus(count, seed, rate, samples):
        data = document.text.encode("utf-8")
        (out / f"{document.id}.txt").write_bytes(data)
        size += len(data)
        kinds[document.kind] += 1
        if annotations is not None and document.quotes:
            (annotations / f"{document.id}.yaml").write_text(
                annotation_yaml(document), encoding="utf-8", newline="\n"
            )
            files, notes = files + 1, notes + len(document.quotes)
    return CorpusStats(count, size, tuple(sorted(kinds.items())), files, notes)


def parser() -> argparse.ArgumentParser:
    """The command line of corpus.py."""
    p = argparse.ArgumentParser(prog="corpus.py", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--count", type=int, required=True, metavar="N", help="number of transcripts to generate"
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder for the transcripts (created; must be empty)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="random seed; the same seed gives byte-identical files (default: 1)",
    )
    p.add_argument(
        "--annotations",
        type=Path,
        metavar="DIR",
        help="also write annotation files for about 2%% of the transcripts here",
    )
    p.add_argument(
        "--annotation-rate",
        type=float,
        default=0.02,
        metavar="R",
        help="share of transcripts that get annotations (default: 0.02)",
    )
    p.add_argument(
        "--samples",
        type=Path,
        default=SAMPLES,
        metavar="DIR",
        help="the real transcripts to recombine (default: the repository's)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point: write the corpus and print one summary line."""
    args = parser().parse_args(argv)
    if args.count < 0 or not 0 <= args.annotation_rate <= 1:
        print("corpus.py: --count must be >= 0 and --annotation-rate in [0, 1]", file=sys.stderr)
        return 2
    try:
        stats = write_corpus(
            args.out, args.count, args.seed, args.annotations, args.annotation_rate, args.samples
        )
    except FileExistsError as error:
        print(f"corpus.py: {error}", file=sys.stderr)
        return 2
    kinds = ", ".join(f"{n} {kind}" for kind, n in stats.kinds)
    print(
        f"wrote {stats.documents} transcripts ({stats.bytes} bytes: {kinds}) to {args.out}"
        + (
            f"; annotation files: {stats.annotation_files} ({stats.annotations} annotations) "
            f"in {args.annotations}"
            if args.annotations is not None
            else ""
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
