"""One generated document: drawn from the pools with a random generator seeded by the corpus's
seed and the document's index, so document ``i`` is the same whatever the corpus's size.

In: the pools, the countries and people, a seed and an index. Out: :class:`Generated`, the
file's text and the passages its annotations quote.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from benchmarks.corpus_samples import Pools
from benchmarks.corpus_tables import (
    BRIEFING_HEADINGS,
    KIND_WEIGHTS,
    LANGUAGE_SETS,
    MEDIA,
    NEWS_HEADLINES,
    OUTLETS,
    SPEECH_EVENTS,
    THEMES,
    Country,
)

#: A placeholder in a pooled paragraph or a template; matches "{theme_adjective}".
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
MONTHS = tuple(calendar.month_name)[1:]  # the C locale's English names
#: Dates are drawn uniformly from these twenty-one years.
FIRST_DAY, LAST_DAY = date(2005, 1, 1).toordinal(), date(2025, 12, 31).toordinal()
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


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
