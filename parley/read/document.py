"""Read one transcript into a :class:`parley.model.Document`: front matter, head, body.

:func:`read_document` is pure and never raises on any text: what it cannot read becomes a
:class:`parley.model.Diagnostic`. Metadata comes from, in order of precedence:

1. front matter (:mod:`parley.read.frontmatter`), which wins over anything detected;
2. the head lines (:mod:`parley.read.header`): date, time, place, language line;
3. the title: kind, main speaker, counterparts, and place and date from its tail;
4. the text: the main speaker of a news article ("Russian Foreign Minister Sergei Lavrov"),
   counterparts after "talks with", speakers from the turn labels.

A document without a title line gets the first sentence of its text (at most 120
characters) as its title, and a ``no-title`` warning; one without a date keeps ``date``
None, with a ``no-date`` warning. Countries are not resolved here: counterparts and places
keep the country as written (``country_text``) for enrichment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import fields, replace

from parley.diagnostics import CUT_OFF, LABEL_UNRESOLVED, NO_DATE, NO_QUESTION_TURN, NO_TITLE
from parley.model import (
    Counterpart,
    Diagnostic,
    Document,
    Dropped,
    Layouts,
    Metadata,
    Paragraph,
    Place,
    Publisher,
    Reason,
    SourceText,
    Turn,
)
from parley.read.article import QUOTED as ARTICLE_QUOTED
from parley.read.article import (
    city_line_place,
    counterpart_phrases,
    country_written,
    credit_line,
    dateline,
    dateline_date,
    dateline_place,
    event_date,
    first_person,
    from_dateline,
    full_names,
    in_text,
    is_article,
    joint_counterpart,
    lead,
    lead_subject,
    main_speaker,
    meeting_counterparts,
    same_person,
    short_name,
    text_place,
    title_counterparts,
)
from parley.read.dates import opening_time
from parley.read.exchange import main_by_exchange, person_key
from parley.read.frontmatter import FrontMatter, read_front_matter
from parley.read.guest import head_principals, office_guest
from parley.read.header import Head, read_head
from parley.read.here import spoken_place
from parley.read.labels import (
    clean_person,
    courtesy_only,
    expand,
    full_name_in_text,
    is_role_label,
    resolve_name,
    resolve_turns,
    role_holder,
)
from parley.read.loose import loose
from parley.read.meetings import Meeting, read_meeting
from parley.read.memo import forget
from parley.read.pagehead import REGION, PageHead, reporter_place, scan_page
from parley.read.persons import (
    TALKS_WITH,
    TOKEN,
    counterparts_in,
    person_name,
    read_person,
    role_names,
)
from parley.read.seat import seat_of
from parley.read.standfirst import STANDFIRST_MIN_CHARS, Standfirst, read_standfirst
from parley.read.titles import ISSUED_LINE, kind_of, title_place, title_speakers, title_tail
from parley.read.turns import headline, read_body
from parley.vocab.gazetteer import countries

# MOSCOW, Jan 26 (Reuters) - The following is a transcript ...
WIRE_DATELINE = re.compile(
    r"\((?:Reuters|AP|AFP|TASS|Interfax|RIA Novosti|Bloomberg|Xinhua|dpa)\)", re.I
)
# Foreign Minister Sergey Lavrov's ...  |  Briefing by Foreign Ministry Spokesperson ...
MINISTRY_TITLE = re.compile(
    r"\bForeign (?:Minister|Ministry)\b|\bSpokesperson\b|\bMinistry of Foreign Affairs\b",
    re.I,
)
# "---" has none, "Question: ..." has one: a word
WORD = re.compile(r"\w")
# "Ladies and gentlemen, welcome. We ..." -> "Ladies and gentlemen, welcome."
FIRST_SENTENCE = re.compile(r"^.{1,119}?[.!?…](?= |$)")

#: The publisher each recognised layout implies (``title-date`` depends on its title).
PUBLISHER_OF: dict[str, Publisher] = {
    "ministry": "ministry",
    "embassy-repost": "ministry",
    "news": "news",
    "kremlin": "kremlin",
    "state-department": "state-department",
}
#: Publishers whose pages give Moscow time without saying so.
MOSCOW_TIME = ("ministry", "kremlin")
#: Zones guessed from a publisher's habit, and how many of a page's first lines are searched for
#: them written out before a news article keeps one.
GUESSED_ZONES = ("MSK",)
GUESS_LINES = 40
#: Text ending in one of these ends a sentence; anything else may be cut off.
SENTENCE_END = tuple(".!?…\"'”’»)]")
#: How many paragraphs of a news article are searched for the speaker and counterparts.
LEAD_PARAGRAPHS = 8
TITLE_FALLBACK_MAX = 120
#: A meeting's place in this many first paragraphs of an article wins over its dateline.
MEETING_PLACE_PARAGRAPHS = 2
#: Head lines longer than this are text, not searched for a layout's pattern.
LAYOUT_LINE_MAX = 300


def squeeze_spaces(line: str) -> str:
    """A line with runs of white space (including no-break spaces) folded to one space."""
    # Most lines are already folded: every white space but the space is unprintable, so a
    # printable line with no double, leading or trailing space is returned as it is (a scan
    # in C instead of cutting the line into words and joining them again; the same line).
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())  # str.split() splits on exactly the white space of \s


def read_document(
    src: SourceText, layouts: Layouts | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Read a decoded source into a document; never raises. See the module docstring.
    ``layouts`` (``data/layouts.yaml``) says what generic rules cannot: publishers' places and
    kinds, venues, outlets."""
    forget()  # nothing another document said is remembered (parley.read.memo)
    layouts = layouts or Layouts()
    raw_lines = src.text.split("\n")
    matter, start, problems = read_front_matter(raw_lines, src.path)
    lines = [squeeze_spaces(line) for line in raw_lines]
    dropped = [Dropped(i + 1, lines[i], "front-matter") for i in range(start) if lines[i]]
    as_copied = lines
    lines, cleared = _clear(lines, start, layouts)
    dropped += cleared
    head = read_head(lines, start, src.path, title_known=bool(matter and matter.title))
    problems += head.problems
    why = _Why()
    meta = why.step(
        Metadata(None, None), _head_metadata(head), "head: the title line",
        dict(head.found_on), default=head.title_line,
    )  # fmt: skip
    for name, line in head.found_on:
        why.note(name, line, "head: a date, time or place line under the title")
    page = scan_page(lines, head.body_start if head.date else start)
    paged, page_lines = _page_metadata(meta, head, page)
    meta = why.step(meta, paged, "page head: a stamp, time, title or place line", _page_lines(page))
    head_region = lines[start : start + REGION]
    laid, layout = _layout(meta, head_region, layouts)
    meta = why.step(meta, laid, f"data/layouts.yaml: layout {layout}", {})
    if page_lines:
        dropped += [Dropped(i + 1, lines[i], "header") for i in page_lines]
        lines = [("" if i in page_lines else line) for i, line in enumerate(lines)]
    if matter is not None:
        meta = why.step(meta, _overlay(meta, matter), "front matter", {}, default=1)
    opening = (
        meta.speakers[0] if meta.speakers and meta.publisher not in ("news", "kremlin") else None
    )
    body = read_body(
        lines, head.body_start, opening_speaker=opening, speakers=meta.speakers,
        outlets=layouts.outlets, title=meta.title,
        roles=frozenset(abbreviation for abbreviation, _ in layouts.roles),
        question_words=layouts.questions, answer_words=layouts.answers,
        declared=dict(matter.labels) if matter and matter.labels else None,
    )  # fmt: skip
    first_line = next((p.line for t in body.turns for p in t.paragraphs), 0)
    worded_texts = [
        (p.line, p.text) for t in body.turns for p in t.paragraphs if WORD.search(p.text)
    ]
    paragraph_texts = [text for _, text in worded_texts]  # the same paragraphs, without their lines
    meeting = read_meeting(paragraph_texts, dict(layouts.venues))
    texted, news, how = _text_metadata(
        meta, body.turns, matter, layouts, head_region,
        readout=meeting is not None and not meeting.in_press_words,
        reported_meeting=meeting is not None and meeting.in_press_words,
    )  # fmt: skip
    rule = (
        f"text: an article ({news})"
        if texted.kind == "article"
        else f"text: {news}, read like an article for who spoke and where"
        if news == ISSUED_RELEASE
        else LABELLED_RULE
    )
    meta = why.step(meta, texted, rule, {}, default=first_line)
    for name, detail in how.items():
        if name in why.found and why.found[name].rule == rule:
            why.note(name, why.found[name].line, f"{rule}: {detail}")
    by_labels = "speakers" in why.found and why.found["speakers"].rule == LABELLED_RULE
    resolved, turns, chosen = _resolve(
        meta, body.turns, page, layouts, dict(matter.labels) if matter and matter.labels else None,
        head_region, by_labels=by_labels,
    )  # fmt: skip
    first_label = next((t.line for t in turns if t.label), 0)
    meta = why.step(meta, resolved, "labels: resolved to a full name", {}, default=first_label)
    if chosen and meta.speakers:
        # chosen again from the resolved exchange: say so, at the main speaker's first turn
        said = next((t.line for t in turns if t.label and t.speaker == meta.speakers[0]), 0)
        why.note("speakers", said or first_label, chosen)
    if meta.kind != "article" and not (matter and (matter.speakers or matter.counterparts)):
        hosted = _host(meta, turns)
        if hosted is not None:
            line = next((t.line for t in turns if t.label and t.kind != "question"), 0)
            meta = why.step(meta, hosted, HOST_RULE, {}, default=line)
    if not meta.counterparts and not (matter and matter.counterparts):
        joint = _joint_speakers(meta, turns)
        if joint:
            line = next(t.line for t in turns if t.speaker == joint[0].name)
            meta = why.step(meta, replace(meta, counterparts=joint), JOINT_RULE, {}, default=line)
    if (
        not meta.counterparts
        and meta.speakers
        and meta.kind != "article"
        and not (matter and matter.counterparts)
        and first_label
    ):
        after_head = [(line, text) for line, text in worded_texts if line >= first_label]
        guests = _head_guests(meta, as_copied[start : first_label - 1], after_head)
        if guests:
            meta = why.step(meta, replace(meta, counterparts=guests), GUEST_RULE, {}, default=1)
    if (
        not meta.counterparts
        and meta.speakers
        and meta.kind != "article"
        and meta.title
        and not (matter and matter.counterparts)
    ):
        guest = office_guest(meta.title, paragraph_texts, meta.speakers[0])
        if guest is not None:
            meta = why.step(
                meta, replace(meta, counterparts=(guest,)), OFFICE_GUEST_RULE, {},
                default=head.title_line,
            )  # fmt: skip
    if meeting is not None and meta.kind != "article" and not (matter and matter.speakers):
        meta = why.step(
            meta, _readout(meta, meeting, turns, page, head_region), READOUT_RULE, {},
            default=worded_texts[meeting.paragraph][0],
        )  # fmt: skip
    if meta.kind != "article" and not (matter and matter.speakers):
        found = read_standfirst(meta.title or "", paragraph_texts, dict(layouts.venues))
        if found is not None:
            line = head.title_line or 0 if found.line == 0 else _nth_long(worded_texts, found.line)
            meta = why.step(meta, _standfirst(meta, found), STANDFIRST_RULE, {}, default=line)
            turns = _answered_by(meta, turns)
    if meta.kind != "article" and not (matter and matter.counterparts):
        written = _countries_written(meta, paragraph_texts)
        if written is not None:
            meta = why.step(meta, written, WRITTEN_COUNTRY_RULE, {}, default=head.title_line)
    asked = next((t.line for t in turns if t.kind == "question"), 0)
    kinded, kind_how = _kind_from_turns(meta, turns)
    meta = why.step(
        meta, kinded, f"turns: {kind_how or 'questions and who answers them'}", {},
        default=asked or first_label,
    )  # fmt: skip
    if meta.place is None and meta.kind != "article" and meta.title:
        titled = title_place(meta.title)
        if titled is not None:
            meta = why.step(
                meta, replace(meta, place=titled), TITLE_PLACE_RULE, {}, default=head.title_line
            )
    if meta.place is None and meta.kind != "article" and not (matter and matter.place):
        spoken = spoken_place(paragraph_texts, dict(layouts.venues))
        if spoken is not None:
            meta = why.step(
                meta, replace(meta, place=spoken), SPOKEN_RULE, {},
                default=worded_texts[0][0] if worded_texts else 0,
            )  # fmt: skip
    if meta.place is None and not (matter and matter.place):
        seated = seat_of(
            meta.kind, meta.title, "\n".join(as_copied[start : start + SEAT_LINES]),
            layouts.governments,
        )  # fmt: skip
        if seated is not None:
            meta = why.step(
                meta, replace(meta, place=seated[0]), f'{SEAT_RULE} ("{seated[1]}")', {},
                default=head.title_line,
            )  # fmt: skip
    if meta.date and meta.time is None and meta.kind != "article" and worded_texts:
        began = opening_time(worded_texts[0][1])
        if began is not None:
            meta = why.step(
                meta, replace(meta, time=began), OPENING_RULE, {}, default=worded_texts[0][0]
            )
    if meta.publisher == "wire" and turns and not turns[0].label:
        turns = (replace(turns[0], speaker=None), *turns[1:])
    paragraphs = [p for turn in body.turns for p in turn.paragraphs]
    worded = [p for p in paragraphs if WORD.search(p.text)]
    if meta.title is None and worded:
        meta = replace(meta, title=_first_sentence(worded[0].text))
        why.note("title", worded[0].line, "no title line: the first sentence")
        problems.append(
            NO_TITLE.at(
                src.path, worded[0].line,
                "no title line found; the title is the first sentence of the text",
                "put the title on the first line, or give it in front matter (title: ...)",
            )
        )  # fmt: skip
    if meta.date is None and not head.problems:
        problems.append(
            NO_DATE.at(
                src.path, head.title_line or (paragraphs[0].line if paragraphs else 1),
                "no date found in the head of the document; it is listed without a date",
                "add a date line such as '2 July 2021' under the title, or front matter "
                "'date: 2021-07-02'",
            )
        )  # fmt: skip
    problems += _cut_off(src.path, paragraphs)
    problems += _uncertain_turns(src.path, turns)
    document = Document(
        src.id, src.path, src.encoding, src.sha256, meta, turns,
        tuple(sorted(dropped + list(head.dropped) + list(body.dropped), key=lambda d: d.line)),
        body.footnotes, why.reasons(),
    )  # fmt: skip
    return document, sorted(problems, key=lambda d: d.line)


def _head_guests(
    meta: Metadata, head: Sequence[str], texts: Sequence[tuple[int, str]]
) -> tuple[Counterpart, ...]:
    """The principals the head block names (:func:`parley.read.guest.head_principals`) other
    than the main speaker, those the text names too ("Senator Payne", "Prime Minister
    Albanese")."""
    main = meta.speakers[0].split()[-1].casefold()
    body = " ".join(text for _, text in texts)
    return tuple(
        guest
        for guest in head_principals(head)
        if guest.name.split()[-1].casefold() != main
        and re.search(rf"\b{re.escape(guest.name.split()[-1])}\b", body)
    )


def _countries_written(meta: Metadata, texts: Sequence[str]) -> Metadata | None:
    """The counterparts with the country the title or the opening paragraphs write with their
    office ("with Sweden's Minister for Foreign Affairs Margot Wallström" under the title
    "Remarks of Minister Soini at press conference with Minister Wallström"), where the title
    gave a counterpart without one; None when no country is found. A transcript, like a report,
    often names a guest's country once, and not where it names the guest."""
    if not any(c.name and not c.country_text for c in meta.counterparts):
        return None
    found = tuple(
        c
        if c.country_text or not c.name
        else replace(c, country_text=country_written(c.name, meta.title or "", texts))
        for c in meta.counterparts
    )
    return replace(meta, counterparts=found) if found != meta.counterparts else None


def _clear(lines: list[str], start: int, layouts: Layouts) -> tuple[list[str], list[Dropped]]:
    """Lines ``data/layouts.yaml`` calls site chrome ("View settings") or stage directions
    ("(The briefing was concluded at 3:31 p.m.)") blanked, and kept as dropped lines."""
    calendar = _calendar_lines(lines, start)
    if not layouts.chrome and not layouts.stage_directions and not calendar:
        return lines, []
    cleared: list[Dropped] = []
    kept = list(lines)
    for index in range(start, len(lines)):
        line = lines[index]
        if not line:
            continue
        if index in calendar or line in layouts.chrome:
            reason = "chrome"
        elif any(pattern.search(line) for pattern in layouts.stage_directions):
            reason = "stage-direction"
        else:
            continue
        cleared.append(Dropped(index + 1, line, reason))
        kept[index] = ""
    return kept, cleared


# Mon Tue Wed Thu Fri Sat Sun  (a month calendar's weekday row)
CALENDAR_WEEKDAYS = re.compile(r"^(?:(?i:mon|tue|wed|thu|fri|sat|sun)\w{0,6}\.? ?){7}$")
# 4 5 6 7 8 9 10  (a row of its days)
CALENDAR_DAYS = re.compile(r"^\d{1,2}(?: \d{1,2}){0,6}$")
# < September 2017 >  |  September 2017  (its month, above the weekday row)
CALENDAR_MONTH = re.compile(r"^[<«‹]? ?[A-Z][a-z]+\.? \d{4} ?[>»›]?$")


def _calendar_lines(lines: Sequence[str], start: int) -> set[int]:
    """The lines of a month calendar a site prints beside the text (its month, a row of
    weekdays, rows of days: mfa.am's "< September 2017 >", "Mon Tue Wed ...", "1 2 3"): page
    chrome, never a title or a date line."""
    found: set[int] = set()
    for index in range(start, len(lines)):
        if not CALENDAR_WEEKDAYS.match(lines[index]):
            continue
        found.add(index)
        above = index - 1
        while above >= start and not lines[above]:
            above -= 1
        if above >= start and CALENDAR_MONTH.match(lines[above]):
            found.add(above)
        below = index + 1
        while below < len(lines) and CALENDAR_DAYS.match(lines[below]):
            found.add(below)
            below += 1
    return found


class _Why:
    """The reason for each metadata field, noted by the step that set it (``--explain``)."""

    def __init__(self) -> None:
        self.found: dict[str, Reason] = {}

    def note(self, name: str, line: int, rule: str) -> None:
        self.found[name] = Reason(name, line, rule)

    def step(
        self, before: Metadata, after: Metadata, rule: str, lines: dict[str, int],
        default: int = 0,
    ) -> Metadata:  # fmt: skip
        """``after``, noting ``rule`` for every field it changed, at its line in ``lines``."""
        if after == before:
            return after
        for name in _META_FIELDS:
            if getattr(before, name) != getattr(after, name):
                self.note(name, lines.get(name) or default, rule)
        return after

    def reasons(self) -> tuple[Reason, ...]:
        return tuple(self.found[name] for name in _META_FIELDS if name in self.found)


_META_FIELDS = tuple(f.name for f in fields(Metadata))


def _page_lines(page: PageHead) -> dict[str, int]:
    """The 1-based line each field of a page's head came from."""

    def at(index: int | None) -> int:
        return index + 1 if index is not None else 0

    stamp = at(page.clock_line) or at(page.stamp_line)
    title = at(page.title_line) or at(page.heading_line)
    return {
        "title": title, "date": at(page.title_line) or at(page.stamp_line),
        "time": stamp, "timezone": stamp, "kind": at(page.kind_line) or title,
        "place": at(page.title_line) or at(page.place_line),
        "speakers": title, "counterparts": title,
    }  # fmt: skip


def _page_metadata(meta: Metadata, head: Head, page: PageHead) -> tuple[Metadata, set[int]]:
    """What the head region of a copied web page adds (:mod:`parley.read.pagehead`), and the
    body lines it used (stamp and time lines, an adopted title)."""
    used: set[int] = {i for i in page.header_lines if i >= head.body_start}
    adopt = page.title_date and page.title_line is not None and page.title_line >= head.body_start
    if adopt and page.title_line is not None and meta.date != page.title_date:
        # A title ending in its date names the event; a stamp of another day is a posting.
        rest = title_tail(page.title)[0] if page.title else ""
        meta = replace(
            meta,
            title=page.title,
            date=page.title_date,
            time=page.time if page.date == page.title_date else None,
            timezone=page.timezone if page.date == page.title_date else None,
            kind=kind_of(page.title or ""),
            speakers=title_speakers(rest) or meta.speakers,
            counterparts=tuple(
                Counterpart(p.name, p.role, p.country_text) for p in counterparts_in(rest)
            )
            or meta.counterparts,
            place=page.title_place or meta.place,
        )
        used.add(page.title_line)
    heading = page.heading
    if (
        heading is not None
        and page.heading_line is not None
        and page.heading_line >= head.body_start
        and head.layout == "plain"
        and not (page.title_date and page.title_line is not None)
    ):
        # A lone first line was only a guess; the line above the date line is the title.
        meta = replace(
            meta,
            title=heading,
            kind=kind_of(heading) if kind_of(heading) != "other" else meta.kind,
            speakers=title_speakers(heading) or meta.speakers,
            counterparts=tuple(
                Counterpart(p.name, p.role, p.country_text) for p in counterparts_in(heading)
            )
            or meta.counterparts,
        )
        used.add(page.heading_line)
    if meta.date is None and page.date is not None:
        meta = replace(meta, date=page.date, time=page.time, timezone=page.timezone)
    elif meta.date == page.date and meta.time is None and page.time is not None:
        # the head's date line gave the day; a stamp below repeats it with the time ("Thu, March
        # 12, 2009" ... "2009-03-12 05:25:38 GMT")
        meta = replace(meta, time=page.time, timezone=page.timezone or meta.timezone)
    if page.clock is not None and page.clock_line is not None and page.clock.time:
        meta = replace(meta, time=page.clock.time, timezone=page.clock.zone or meta.timezone)
    if meta.place is None and page.place is not None:
        meta = replace(meta, place=page.place)
    if meta.kind == "other" and page.kind != "other":
        meta = replace(meta, kind=page.kind)
    return meta, used


def _head_metadata(head: Head) -> Metadata:
    """What the head lines and the title say."""
    analysed = head.original_title or head.title or ""
    rest = title_tail(analysed)[0]
    speakers = title_speakers(rest) if rest else ()
    if not speakers and head.speaker:
        speakers = (person_name(head.speaker),)
    publisher: Publisher = PUBLISHER_OF.get(head.layout, "other")
    if head.layout == "title-date" and MINISTRY_TITLE.search(analysed):
        publisher = "ministry"
    zone = head.timezone
    if head.time and zone is None and publisher in MOSCOW_TIME and head.layout != "embassy-repost":
        zone = "MSK"
    return Metadata(
        title=head.title,
        date=head.date,
        time=head.time,
        timezone=zone,
        kind="article" if head.layout == "news" else kind_of(analysed),
        speakers=speakers,
        counterparts=tuple(
            Counterpart(p.name, p.role, p.country_text) for p in counterparts_in(rest)
        ),
        place=head.place,
        languages=head.languages,
        publisher=publisher,
        layout=head.layout,
    )


def _overlay(meta: Metadata, matter: FrontMatter) -> Metadata:
    """Front matter wins over anything detected."""
    given = {
        name: getattr(matter, name)
        for name in (
            "title", "date", "time", "timezone", "kind", "speakers", "counterparts", "place",
            "languages", "source_url",
        )
        if getattr(matter, name) is not None
    }  # fmt: skip
    if "time" in given and "timezone" not in given:
        given["timezone"] = None
    return replace(meta, layout="front-matter", **given)


def _text_metadata(
    meta: Metadata,
    turns: tuple[Turn, ...],
    matter: FrontMatter | None,
    layouts: Layouts,
    head_lines: list[str],
    *,
    readout: bool = False,
    reported_meeting: bool = False,
) -> tuple[Metadata, str, dict[str, str]]:
    """What only the text says: a news article's speaker and counterparts, the speakers of
    the labels when nothing else names one, and whether it is a wire transcript; what made
    it an article ("" if it is none). A ``readout`` (its first sentences say who met whom,
    :mod:`parley.read.meetings`) is no article for speech its lead reports ("Minister
    Steinmeier said ..."): only a dateline, a credit line or a news layout make it one; a
    ``reported_meeting`` (the same sentence in a reporter's words: "hosted his Turkish
    counterpart") makes a text without labels an article."""
    lead = [p.text for turn in turns for p in turn.paragraphs][:LEAD_PARAGRAPHS]
    given = matter or FrontMatter()
    if meta.publisher == "news" and not meta.speakers and given.speakers is None:
        named = [p for text in lead for p in role_names(text, min_words=2)]
        title_words = set((meta.title or "").split())
        chosen = [p for p in named if p.name.split()[-1] in title_words] or named
        meta = replace(meta, speakers=(chosen[0].name,) if chosen else ())
    if meta.publisher == "news" and not meta.counterparts and given.counterparts is None:
        for text in lead:
            found = counterparts_in(text, pattern=TALKS_WITH)
            if found:
                meta = replace(
                    meta,
                    counterparts=tuple(Counterpart(p.name, p.role, p.country_text) for p in found),
                )
                break
    # the headline repeated in the text is not its lead ("ROUNDUP: Clinton and Lavrov ...")
    how: dict[str, str] = {}
    texts = [
        p.text[len(meta.title or "") :].strip() if headline(p.text, meta.title) else p.text
        for turn in turns
        for p in turn.paragraphs
    ]
    news = ""
    if not any(t.label for t in turns) and given.kind is None:
        news = _news_signal(meta, texts, layouts.news_outlets, head_lines)
        if readout and news == REPORTED_SPEECH:
            news = ""
        elif reported_meeting and not news:
            news = REPORTED_MEETING
    if news:
        meta, how = _article(meta, texts, given, layouts, head_lines)
        if meta.timezone in GUESSED_ZONES and not any(
            meta.timezone in line for line in head_lines[:GUESS_LINES]
        ):
            # a ministry's habit (Moscow time under a "Foreign Minister" title) is no news
            # page's: a zone the page never writes is dropped
            meta = replace(meta, timezone=None)
    if news == ISSUED_RELEASE:
        # who spoke and where are read as in a report, but the page is its issuer's statement
        meta = replace(meta, kind="statement", event_date=None)
        how.pop("kind", None)
    if not meta.speakers:
        # a guess until the labels are resolved (see _resolve)
        labelled = [t.speaker for t in turns if t.label and t.kind != "question" and t.speaker]
        meta = replace(meta, speakers=tuple(labelled[:1]))
    surname_labels = any(
        t.label == "Q" or (t.kind != "question" and t.label and " " not in t.label) for t in turns
    )
    wired = any(WIRE_DATELINE.search(text) for text in lead[:3])
    if meta.layout in ("title-date", "plain") and (surname_labels or wired):
        meta = replace(meta, publisher="wire", layout="wire")
    return meta, news, how


LABELLED_RULE = "text: the first labelled speaker, unless they only hand over"
REPORTED_SPEECH = "speech reported in its lead"
ISSUED_RELEASE = "a press release that reports speech in its lead"
OFFICE_REPORTED = "an office's account reported with its day ('the ministry said Friday')"
# Yun's ministry said Wednesday  |  Seoul's foreign ministry said Friday  |  his office said Tuesday
OFFICE_SAID = re.compile(
    r"\b(?:ministry|office|embassy|spokesperson|spokesman|government)(?:'s|’s)? said,? (?:on )?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\b",
    re.IGNORECASE,
)
OFFICE_ACCOUNT = "an office's account it reports ('reported the Foreign Ministry's press service')"
# reported the Foreign Ministry's press service  |  according to the ministry  |  according to
# his office  (a report of what an office told; the office's own readout never says so)
OFFICE_REPORTED_BY = re.compile(
    r"\b(?:reported|according to) (?:the |its |his |her |their )?(?:[\w’'-]+ ){0,3}?"
    r"(?:ministry|office|embassy|press service|spokesperson|spokesman|government)\b",
    re.IGNORECASE,
)
EVENT_WEEKDAY = "an event its lead tells in the third person with its weekday ('on Thursday')"
# had a number of bilateral meetings on Thursday  |  held talks ... in Beijing on Wednesday
ON_A_WEEKDAY = re.compile(
    r"\b(?:on|last|late|early) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
#: The weekday of an event is sought in this many first paragraphs of text.
EVENT_WEEKDAY_PARAGRAPHS = 2


def _event_on_a_weekday(texts: list[str]) -> bool:
    """Whether a text whose title names no kind tells, in its first paragraphs and in the
    third person, what happened "on Thursday": a reporter writes for a reader a day or more
    later and dates by weekday; an office's own readout or a transcript says "today" or gives
    the date. Words in quotation marks are the speaker's, not the report's."""
    first = lead(texts)[:EVENT_WEEKDAY_PARAGRAPHS]
    plain = [ARTICLE_QUOTED.sub("", text) for text in first]
    return any(ON_A_WEEKDAY.search(text) for text in plain) and not first_person(texts)


#: An office's account reported with its day is sought in this many first paragraphs: the lead
#: of a wire report says whose account it is (a readout never says "the ministry said Friday").
OFFICE_SAID_PARAGRAPHS = 3
OFFICE_GUEST_RULE = (
    "title: a guest named by office and country ('with the Foreign Minister of Austria'), "
    "greeted by name in the opening ('Mr. Schallenberg')"
)
GUEST_RULE = (
    "head: the principals its name and office lines name ('The Hon Anthony Albanese MP' over "
    "'Prime Minister of Australia'), other than the host, whom the text names"
)
WRITTEN_COUNTRY_RULE = (
    "title or opening: a counterpart's country written with their office "
    "('Sweden's Minister for Foreign Affairs Margot Wallström')"
)
TITLE_PLACE_RULE = "title: its last part is a city ('Doorstop, London, United Kingdom')"
SPOKEN_RULE = "text: the opening says where the speakers are ('welcome you to Queenstown')"
SEAT_RULE = "text: a government's regular briefing is held at its seat, the capital; named by"
#: How many lines from the first are searched for the government a briefing is from.
SEAT_LINES = 80
OPENING_RULE = "text: an account opening with its day and hour ('On Sunday, ..., at 10:20 p.m.')"
JOINT_RULE = "labels: the other leaders speaking, named with their country ('President of Turkey')"


HOST_RULE = (
    "labels: the host who opens a joint appearance is the main speaker, the other principals "
    "the title or the opening names are the counterparts"
)


def _host(meta: Metadata, turns: tuple[Turn, ...]) -> Metadata | None:
    """The main speaker and counterparts of a joint appearance, read from who opens it, or None
    when this changes nothing.

    The host opens a joint press conference or the remarks before a meeting, whichever
    government's page prints it: "Transcript of Minister ... Balakrishnan's and United States
    Secretary of State Antony J. Blinken's Joint Press Availability" at the State Department
    opens with Blinken; "Joint press conference with Singapore Foreign Minister Dr Vivian
    Balakrishnan" on the Australian minister's page opens, after the master of ceremonies,
    with Balakrishnan. So: when the first labelled speaker who does not ask is one of two or
    more principals the title names, they are the main speaker and the others the
    counterparts; and the main speaker is never their own counterpart: in their place come the
    people the opening turns (a master of ceremonies', the host's first) name with an office and
    a country ("between Singapore’s Foreign Minister ... and Australia’s Foreign Minister Penny
    Wong")."""
    first = next((t for t in turns if t.label and t.kind != "question" and t.speaker), None)
    if first is None or first.speaker is None:
        return None
    opener = person_key(first.speaker)
    titled = [p for p in role_names(meta.title or "") if len(p.name.split()) >= 2]
    principals = {person_key(p.name): p for p in titled}
    main = meta.speakers[0] if meta.speakers else None
    if len(principals) >= 2 and opener in principals:
        others = tuple(
            Counterpart(p.name, p.role, p.country_text)
            for key, p in principals.items()
            if key != opener
        )
        if person_key(main) != opener or not meta.counterparts:
            return replace(meta, speakers=(first.speaker,), counterparts=others)
    if main is not None and not meta.counterparts and _called_joint(meta, turns, first):
        welcomed = _welcomed(turns, main)
        return replace(meta, counterparts=welcomed) if welcomed else None
    if main is None or not any(person_key(c.name) == person_key(main) for c in meta.counterparts):
        return None
    kept = tuple(c for c in meta.counterparts if person_key(c.name) != person_key(main))
    return replace(meta, counterparts=kept or _welcomed(turns, main))


# joint press conference  |  joint news briefing  |  Joint Press Availability
JOINT_EVENT = re.compile(r"\bjoint (?:press|news|media)\b", re.I)


def _called_joint(meta: Metadata, turns: tuple[Turn, ...], first: Turn) -> bool:
    """Whether the title or the text before the first speaker calls the event a joint one."""
    before = [p.text for t in turns if t.line < first.line for p in t.paragraphs]
    return any(JOINT_EVENT.search(text) for text in (meta.title or "", *before))


def _welcomed(turns: tuple[Turn, ...], main: str) -> tuple[Counterpart, ...]:
    """The people the opening turns of a joint appearance name with an office and a country,
    the main speaker aside: every turn up to the main speaker's first; where none has a
    country, the first person the host's first paragraph names with an office, before or after
    the name ("welcoming my friend, Prime Minister Benjamin Netanyahu", "Excellency Mr. Rex
    Tillerson, Secretary of State, ..."), whose country the vocabulary may know."""
    texts: list[str] = []
    opening = ""
    for turn in turns:
        texts += [p.text for p in turn.paragraphs]
        if turn.label and turn.speaker and person_key(turn.speaker) == person_key(main):
            opening = turn.paragraphs[0].text if turn.paragraphs else ""
            break
    found: dict[str, Counterpart] = {}
    for text in texts:
        for sentence in re.split(r"(?<=[.!?]) ", text):
            for p in role_names(sentence.rstrip(".")):
                key = person_key(p.name)
                if (
                    len(p.name.split()) >= 2
                    and key != person_key(main)
                    and _national(p.country_text)
                ):
                    found.setdefault(key, Counterpart(p.name, p.role, p.country_text))
    if found:
        return tuple(found.values())
    named = [(p.name, p.role) for p in role_names(opening)]
    named += [(name, role) for role, name in appositive_roles(opening)]
    named = [
        (clean_person(name.rstrip(".")) or name, role)
        for name, role in named
        if len(name.split()) >= 2 and person_key(name) != person_key(main)
    ]
    if not named:
        return ()
    name, role = min(named, key=lambda n: opening.find(n[0]))
    return (Counterpart(name, role, ""),)


#: How a word naming a people ends ("Australian", "Israeli", "Japanese", "Turkish", "French").
DEMONYM_ENDS = ("an", "i", "ese", "ish", "ch")


def _national(text: str) -> bool:
    """Whether words before an office name a country ("Australia’s", "the United States") or a
    people ("Israeli"), not a courtesy ("Honourable")."""
    bare = text.removesuffix("’s").removesuffix("'s").strip()
    return bool(bare) and (countries().is_country(bare) or bare.endswith(DEMONYM_ENDS))


def _joint_speakers(meta: Metadata, turns: tuple[Turn, ...]) -> tuple[Counterpart, ...]:
    """At joint press statements and conferences each leader's label names their office and
    country ("President of Turkey Recep Tayyip Erdogan:", "Prime Minister of India Narendra
    Modi:"): the leaders other than the main speaker whose labels name a country are the
    counterparts. A label naming no country (a moderator, "MR PRICE") is nobody's counterpart."""
    main = meta.speakers[0].split()[-1].casefold() if meta.speakers else ""
    found: dict[str, Counterpart] = {}
    for turn in turns:
        if not turn.label or turn.kind == "question" or not turn.speaker:
            continue
        tokens = TOKEN.findall(turn.label.split(" (")[0])
        person = read_person(tokens, 0) if tokens else None
        if person is None or not person.role or not _national(person.country_text.title()):
            continue  # "CABINET PUBLIC RELATIONS SECRETARY": an institution, not a country
        if turn.speaker.split()[-1].casefold() == main or turn.speaker in found:
            continue
        found[turn.speaker] = Counterpart(turn.speaker, person.role, person.country_text)
    return tuple(found.values())


REPORTED_MEETING = "a meeting its lead reports in a reporter's words ('his Turkish counterpart')"
STANDFIRST_RULE = "text: the line under the title says who spoke and where"


def _standfirst(meta: Metadata, found: Standfirst) -> Metadata:
    """Who spoke and where, from the line under the title (:mod:`parley.read.standfirst`),
    where nothing before decided them."""
    return replace(
        meta,
        speakers=meta.speakers or ((found.speaker,) if found.speaker else ()),
        place=meta.place or (Place(city=found.place) if found.place else None),
    )


def _answered_by(meta: Metadata, turns: tuple[Turn, ...]) -> tuple[Turn, ...]:
    """Answers labelled "A:" or "Answer:" that nobody was known to give when the labels were
    resolved, given to the main speaker the line under the title names ("Trend News written
    interview with ... foreign minister Dora Bakoyyanis." over "Question:" and "Answer:")."""
    main = meta.speakers[0] if meta.speakers else None
    if not main:
        return turns
    return tuple(
        replace(t, speaker=main, resolution=f"answerer: the main speaker {main}")
        if t.label and t.speaker is None and t.kind == "answer" and is_role_label(t.label)
        else t
        for t in turns
    )


def _nth_long(texts: list[tuple[int, str]], n: int) -> int:
    """The line of the ``n``-th (1-based) paragraph long enough to be a standfirst."""
    long_enough = [line for line, text in texts if len(text) >= STANDFIRST_MIN_CHARS]
    return long_enough[n - 1] if 0 < n <= len(long_enough) else 0


READOUT_RULE = "text: a readout's first sentences (who met whom, where)"


def _readout(
    meta: Metadata,
    meeting: Meeting,
    turns: tuple[Turn, ...],
    page: PageHead,
    head_lines: list[str],
) -> Metadata:
    """What a readout's meeting sentence says (:mod:`parley.read.meetings`), where nothing
    before decided it: the main speaker is who met (an office alone, "The Secretary-General",
    stands for the person the page names with it, else for the office); the counterparts are
    the people met (not the main speaker); the place is the meeting's city (none for a call).
    A text without speaker labels that reads so is a statement of the office that issued it.
    The office's holder may be named only in the page's head ("Secretary-General Ban Ki-moon"
    above the title), so its lines are searched too."""
    speakers = meta.speakers
    if not speakers:
        who = meeting.subject
        if meeting.subject_is_office:
            named = [(p.role, p.name) for line in head_lines for p in role_names(line, min_words=2)]
            who = role_holder(who, [*_roles(meta, turns, page), *named], None)[0] or who
        speakers = (who,)
    main = speakers[0].split()[-1].casefold()
    counterparts = meta.counterparts or tuple(
        Counterpart(p.name, p.role, p.country_text)
        for p in meeting.met
        if p.name.split()[-1].casefold() != main
    )
    labelled = any(t.label for t in turns)
    return replace(
        meta,
        speakers=speakers,
        counterparts=counterparts,
        place=meta.place or (Place(city=meeting.place) if meeting.place else None),
        kind="statement" if meta.kind == "other" and not labelled else meta.kind,
    )


def _news_signal(
    meta: Metadata, texts: list[str], outlets: frozenset[str], head_lines: list[str]
) -> str:
    """Why a text without speaker labels is a news report, or "": a news layout, a dateline
    ("MOSCOW, April 13. /TASS/."), a line crediting an outlet ("Source: Xinhua"), speech
    reported in its lead ("Lavrov said"), unless the title names another kind of event ("...
    news conference") and the text speaks in the first person (a transcript); else what an
    office told, reported ("reported the Foreign Ministry's press service"), but never for a
    page that says it is a press release (its issuer's own text); or, where the
    title names no kind, an event told in the third person with its weekday ("had bilateral
    meetings on Thursday"): the shape of a news page, whatever its outlet."""
    if meta.kind == "article":
        return "a news layout"
    if (found := dateline(texts, outlets)) is not None:
        return f"dateline {found.city}" + (f" ({found.agency})" if found.agency else "")
    if (outlet := credit_line(head_lines, outlets)) is not None:
        return f"a line crediting {outlet}"
    if any(ISSUED_LINE.match(line) for line in head_lines):
        # "Information for the Press N°:": the issuer's own release, told like a report
        return ISSUED_RELEASE if is_article(texts) and not first_person(texts) else ""
    if any(" said" in text and OFFICE_SAID.search(text) for text in texts[:OFFICE_SAID_PARAGRAPHS]):
        return OFFICE_REPORTED
    if is_article(texts) and (meta.kind == "other" or not first_person(texts)):
        if _says_transcript(meta, texts):
            return ""
        return REPORTED_SPEECH
    if any(OFFICE_REPORTED_BY.search(text) for text in texts[:OFFICE_SAID_PARAGRAPHS]):
        return OFFICE_ACCOUNT
    if meta.kind == "other" and _event_on_a_weekday(texts):
        return EVENT_WEEKDAY
    return ""


#: A text that calls itself a transcript is sought in this many first paragraphs.
TRANSCRIPT_PARAGRAPHS = 2
TRANSCRIPT = re.compile(r"\btranscript\b", re.IGNORECASE)


def _says_transcript(meta: Metadata, texts: list[str]) -> bool:
    """Whether a text whose title names an event with questions (briefing, news conference,
    interview) calls itself a transcript in its title or first paragraphs ("The following is a
    near-verbatim transcript of today's noon briefing"). A spokesperson's briefing relays what
    others said ("Ms. Amos called for ...") and so reads like a report; a news article never
    introduces itself as a transcript."""
    if meta.kind not in ("briefing", "news-conference", "interview"):
        return False
    head = [meta.title or "", *texts[:TRANSCRIPT_PARAGRAPHS]]
    return any("ranscript" in text and TRANSCRIPT.search(text) for text in head)


def _layout(meta: Metadata, head_lines: list[str], layouts: Layouts) -> tuple[Metadata, str]:
    """The place and kind a publisher's layout implies (``data/layouts.yaml``), where the head
    and title said none; the first layout matching the title or a head line decides."""
    texts = [
        meta.title or "",
        *(line for line in head_lines if len(line) <= LAYOUT_LINE_MAX),
    ]
    for layout in layouts.layouts:
        loosened = loose(layout.match)
        if any(loosened.search(text) and layout.match.search(text) for text in texts if text):
            return replace(
                meta,
                place=meta.place or layout.place,
                kind=layout.kind if meta.kind == "other" and layout.kind else meta.kind,
            ), layout.name
    return meta, ""


#: A page's stamp this many days or more after its agency dateline's date, and at most the
#: second, is a repost's (one day is a time zone's difference: "WASHINGTON, March 11 (Xinhua)"
#: stamped "2009-03-12 05:25:38 GMT" is the report's own publication).
REPOST_MIN_DAYS = 2
REPOST_DAYS = 7


def _days(earlier: str, later: str) -> int:
    """Days from one ISO date to another."""
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def _article(
    meta: Metadata, texts: list[str], given: FrontMatter, layouts: Layouts, head: list[str]
) -> tuple[Metadata, dict[str, str]]:
    """A news article's kind, main speaker, place and event date (:mod:`parley.read.article`),
    and which rule decided each (for ``--explain``): the first rule of each list that finds one."""
    how: dict[str, str] = {}
    speaker = None
    if given.speakers is None:
        titled = [name for name in meta.speakers if in_text(name, texts)]
        speakers: list[tuple[str, Callable[[], str | None]]] = [
            ("the person whose speech it reports most",
             lambda: main_speaker(meta.title or "", texts)),
            ("a person the headline and the text name", lambda: titled[0] if titled else None),
            ("the first person its lead introduces with a role", lambda: lead_subject(texts)),
        ]  # fmt: skip
        for rule, who in speakers:
            # an institution the layouts file names ("Wisma Putra said", Malaysia's foreign
            # ministry) reports for its minister; it is nobody's name
            if (speaker := who()) and not any(p.search(speaker) for p, _ in layouts.governments):
                how["speakers"] = rule
                break
            speaker = None
    filed = dateline(texts, layouts.news_outlets)
    place = meta.place
    if place is None and given.place is None:
        venues = dict(layouts.venues)
        places: list[tuple[str, Callable[[], Place | None]]] = [
            ("a meeting's place in its first paragraphs",
             lambda: text_place(texts, venues, first=MEETING_PLACE_PARAGRAPHS)),
            ("its dateline", lambda: dateline_place(texts, layouts.news_outlets)),
            ("its dateline on a line of its own ('ANKARA')", lambda: city_line_place(texts)),
            ("its byline or stamp line ('By Jane Doe in Tokyo')", lambda: reporter_place(head)),
            ("a place its lead names with an event or a time", lambda: text_place(texts, venues)),
        ]  # fmt: skip
        for rule, where in places:
            if place := where():
                how["place"] = rule
                break
    counterparts = meta.counterparts
    if not counterparts and given.counterparts is None:
        # the speaker this rule chose, else the one the title or head gave
        main = speaker or (meta.speakers[0] if meta.speakers and given.speakers is None else "")
        whoms: list[tuple[str, Callable[[], tuple[Counterpart, ...]]]] = [
            ("'talks with' or 'his ... counterpart' in its lead",
             lambda: _article_counterparts(texts, main)),
            ("people its lead reports meeting the main speaker", lambda: tuple(
                Counterpart(name, role, country)
                for name, role, country in meeting_counterparts(texts, main, meta.title or "")
            ) if main else ()),
            ("people its headline links to the main speaker", lambda: tuple(
                Counterpart(name, "", country or "")
                for name, country in title_counterparts(meta.title or "", texts, main)
            ) if main else ()),
            ("the other side of the joint press conference it reports",
             lambda: _joint(meta.title or "", texts, main)),
        ]  # fmt: skip
        for rule, whom in whoms:
            if counterparts := whom():
                how["counterparts"] = rule
                break
        # a counterpart met without a country: the one the report writes with their office
        counterparts = tuple(
            c
            if c.country_text
            else replace(c, country_text=country_written(c.name, meta.title or "", texts))
            for c in counterparts
        )
    filed_on = dateline_date(filed, meta.date)
    if meta.date is None and filed is not None and filed.year is not None and filed_on:
        # "CAIRO - 5 February 2022: ...": a dateline with its year dates a page that prints
        # no other date
        meta = replace(meta, date=filed_on)
        how["date"] = "its dateline's date (the page prints no other)"
    elif meta.date and filed_on and REPOST_MIN_DAYS <= _days(filed_on, meta.date) <= REPOST_DAYS:
        # "Posted Date : 2020-11-12" over "ABU DHABI, 9th November, 2020 (WAM) --": the agency
        # dated its report; the later stamp is when a site put it up
        meta = replace(meta, date=filed_on, time=None, timezone=None)
        how["date"] = "its dateline's date (a later stamp is a repost's)"
    how["event_date"] = (
        "a day its lead names, counted from its dateline's date"
        if filed_on
        else "a day its lead names, counted from the publication date"
    )
    return replace(
        meta,
        kind="article",
        counterparts=counterparts,
        speakers=(speaker,) if speaker else meta.speakers if given.speakers else (),
        place=place,
        event_date=event_date(meta.date, from_dateline(texts, layouts.news_outlets), filed_on),
    ), how


# Stéphane Dujarric, Spokesman for the Secretary-General  |  Ned Price, Department Spokesperson
APPOSITIVE = re.compile(
    r"\b(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}), (?P<role>(?:[A-Z][\w-]+ ){0,3}"
    r"(?:Spokesperson|Spokesman|Spokeswoman|Secretary-General|Minister|Secretary|President"
    r"|Press Secretary)\b(?: (?:for|of) the [A-Z][\w-]+(?: [A-Z][\w-]+){0,3})?)"
)


def appositive_roles(text: str) -> list[tuple[str, str]]:
    """(office, full name) of "Full Name, Office" phrases in a text ("... noon briefing by
    Stéphane Dujarric, Spokesman for the Secretary-General"): how introductions and bylines name
    the person a role label ("Spokesman:") stands for, the office after the name; whom a
    spokesperson speaks for ("for the Secretary-General") is no part of the office."""
    if ", " not in text:
        return []
    # "Spokesman for the Secretary-General" holds the office "Spokesman" (for whom it speaks is
    # no part of it); "Minister of Foreign Affairs" keeps its "of"
    return [(m["role"].split(" for the ")[0], m["name"]) for m in APPOSITIVE.finditer(text)]


def _roles(meta: Metadata, turns: tuple[Turn, ...], page: PageHead) -> list[tuple[str, str]]:
    """(office, full name) of everyone the document names with an office: the title, the
    counterparts, bylines, and the first paragraphs ("UN Secretary-General Kofi Annan")."""
    texts = [meta.title or "", *lead([p.text for turn in turns for p in turn.paragraphs])]
    found = [(p.role, p.name) for text in texts for p in role_names(text, min_words=2)]
    found += [pair for text in texts for pair in appositive_roles(text)]
    return [
        *found[:1],
        *((c.role, c.name) for c in meta.counterparts if c.role and c.name),
        *page.byline_roles,
        *found[1:],
        *label_offices(turns),
    ]


def label_offices(turns: tuple[Turn, ...]) -> list[tuple[str, str]]:
    """(office, full name) of the labels that name both ("PENNY WONG, FOREIGN MINISTER", "Penny
    Wong, Foreign Minister"): a transcript that labels its speaker so once labels them by the
    office alone after ("FOREIGN MINISTER:"), as DFAT's and India's transcripts do."""
    found: list[tuple[str, str]] = []
    for turn in turns:
        if not turn.label or turn.kind == "question" or "," not in turn.label:
            continue
        parts = [part.strip() for part in turn.label.split(" (")[0].split(",")]
        offices = [part for part in parts if not clean_person(part)]
        name = clean_person(turn.label.split(" (")[0])
        if offices and len(name.split()) >= 2 and (offices[0], name) not in found:
            found.append((offices[0], name))
    return found


#: Kinds a title may name that questions from reporters show to be wrong.
KINDS_WITHOUT_QUESTIONS = ("other", "speech", "statement", "article")
# Official Spokesperson | Spokesman | BRIEFER | Press Secretary
ANSWERS_FOR_AN_OFFICE = re.compile(
    r"\bspokes(?:person|man|woman)\b|\bbriefer\b|\bpress secretary\b", re.I
)


def _kind_from_turns(meta: Metadata, turns: tuple[Turn, ...]) -> tuple[Metadata, str]:
    """The kind the structure shows where the title named none (or named one that reporters'
    questions contradict): questions answered by a spokesperson make a briefing, by anyone
    else a news conference.

    A spokesperson is known by an office word in an answering label or the title
    ("Official Spokesperson", "Tammy Bruce, Department Spokesperson"), or by a label of courtesy
    title and surname alone ("MR PRICE", "MS. HARF") answering most: official transcripts label
    principals by their office ("SECRETARY BLINKEN", "UNDER SECRETARY BASS") and the staff who
    brief by courtesy title. A transcript with no question yet whose title names its speaker a
    spokesperson ("Tammy Bruce, Department Spokesperson" over "MS BRUCE: ...") is a briefing
    too: a spokesperson speaks to the press to brief it. Returns the metadata and which of
    these decided ("" when none did), for ``--explain``."""
    if meta.kind not in KINDS_WITHOUT_QUESTIONS:
        return meta, ""
    answering = [t.label for t in turns if t.label and t.kind != "question"]
    titled = bool(ANSWERS_FOR_AN_OFFICE.search(meta.title or ""))
    if not any(t.kind == "question" for t in turns):
        if meta.kind == "other" and answering and titled:
            return replace(meta, kind="briefing"), "a spokesperson the title names speaks"
        return meta, ""
    askers = {t.label for t in turns if t.kind == "question"}
    if len(askers) == 1 and courtesy_only(next(iter(askers))):
        # one named person asks every question (a moderator, "MS WOODRUFF"): a conversation
        return replace(meta, kind="interview"), "one questioner named by courtesy title"
    if titled or any(ANSWERS_FOR_AN_OFFICE.search(text) for text in answering):
        return replace(meta, kind="briefing"), "questions answered by a spokesperson"
    most = Counter(answering).most_common(1)[0][0] if answering else ""
    if courtesy_only(most):
        return replace(meta, kind="briefing"), (
            f'questions answered by staff labelled by courtesy title ("{most}")'
        )
    asking = [t for t in turns if t.kind == "question"]
    people = {person_key(t.speaker) for t in asking if t.speaker}
    # "JAMES CURRAN" and "CURRAN" are one person; "Wartawan" and "Wartawan asing" (a journalist,
    # a foreign journalist) two, whatever name their labels resolve to
    labels = {person_key(t.label.split(" (")[0]) for t in asking}
    if len(people) == 1 and len(labels) == 1 and all(t.speaker for t in asking):
        # one named person puts every question ("JAMES CURRAN" / "CURRAN"): a conversation
        return replace(meta, kind="interview"), "one named questioner"
    return replace(meta, kind="news-conference"), "questions answered by a principal"


def _written_out(name: str, abbreviations: dict[str, str]) -> str:
    """A speaker's name as a label wrote it, with an abbreviated office written out and left
    out ("FM Ivanov" -> "Ivanov"), so that it does not stand for a second person."""
    expanded = expand(name, abbreviations)
    return clean_person(expanded) or name if expanded != name else name


def _surnames_in_full(short: Sequence[str], names: Sequence[str], texts: list[str]) -> list[str]:
    """Full names the whole text gives surnames that labels use alone and that nothing nearer
    (title, byline, first paragraphs) resolves ("MR PRICE" -> "Ned Price", said once in the
    middle of a briefing); see :func:`parley.read.labels.full_name_in_text`."""
    found: list[str] = []
    for written in dict.fromkeys(short):
        person = clean_person(written)
        if len(person.split()) != 1 or resolve_name(person, names)[1] != "unresolved":
            continue
        full = full_name_in_text(person, texts)
        if full:
            found.append(full)
    return found


def _resolve(
    meta: Metadata,
    turns: tuple[Turn, ...],
    page: PageHead,
    layouts: Layouts,
    declared: dict[str, str] | None = None,
    head_lines: Sequence[str] = (),
    *,
    by_labels: bool = False,
) -> tuple[Metadata, tuple[Turn, ...], str]:
    """Speakers' labels resolved to the people the document names in full (:mod:`.labels`);
    ``head_lines`` (the page head: "Daily Press Briefing Richard Boucher, Spokesman") are read
    for a surname's full name with the text. A main speaker chosen ``by_labels`` (nothing
    before named one) is only a guess until the turns are resolved: it does not keep its
    speaker from being found a questioner, and afterwards it is chosen again from the resolved
    turns that are not questions (:func:`parley.read.exchange.main_by_exchange`), whose reason
    comes back third ("" when the main speaker was not chosen so)."""
    abbreviations = dict(layouts.roles)
    names = [
        *(_written_out(name, abbreviations) for name in meta.speakers),
        *(c.name for c in meta.counterparts),
        *page.bylines,
        *(declared or {}).values(),
        *(
            clean_person(expand(t.label.split(" (")[0], abbreviations))
            for t in turns
            if t.label and t.kind != "question"
        ),
    ]
    short = [*meta.speakers[:1], *(t.speaker or "" for t in turns if t.label)]
    in_text: list[str] = []
    if any(len(clean_person(name).split()) < 2 for name in short):
        # Only a surname needs the names the text gives in full (looked for only then: slow).
        texts = [p.text for turn in turns for p in turn.paragraphs]
        names += full_names([meta.title or "", *lead(texts)]).values()
        in_text = _surnames_in_full(short, names, [*head_lines, *texts])
        names += in_text
    first = meta.speakers[0] if meta.speakers else None
    raw = {t.speaker: t.line for t in turns if t.speaker and t.label}
    if first:
        full, _ = resolve_name(clean_person(expand(first, abbreviations)) or first, names)
        meta = replace(meta, speakers=(full, *meta.speakers[1:]))
    principals = [*meta.speakers, *(c.name for c in meta.counterparts), *page.bylines]
    main = meta.speakers[0] if meta.speakers else None
    roles = (
        _roles(meta, turns, page)
        if any(
            t.label
            and t.kind != "question"
            and is_role_label(expand(t.label.split(" (")[0], abbreviations))
            for t in turns
        )
        or (main and is_role_label(expand(main, abbreviations)))
        or any(is_role_label(expand(v, abbreviations)) for v in (declared or {}).values())
        else []
    )
    resolved = resolve_turns(
        turns, names, main, principals, roles, abbreviations, layouts.answers, declared,
        guessed=by_labels,
    )  # fmt: skip
    if in_text:
        told = {f"surname of {name}" for name in in_text}
        resolved = tuple(
            replace(t, resolution=f"{t.resolution}, the full name the text gives once")
            if t.resolution in told
            else t
            for t in resolved
        )
    chosen = ""
    if by_labels:
        said, chosen = main_by_exchange(resolved)
        meta = replace(meta, speakers=(said,) if said else ())
    elif first in raw:
        turn = next(t for t in resolved if t.line == raw[first])
        if turn.speaker and turn.kind != "question":
            meta = replace(meta, speakers=(turn.speaker, *meta.speakers[1:]))
    return meta, resolved, chosen


#: A document with at least this many labelled turns, and as many that ask, looks like Q&A.
QA_LOOK = 2


def _uncertain_turns(path: str, turns: tuple[Turn, ...]) -> list[Diagnostic]:
    """Warnings where the reader is unsure of a turn: a label that names nobody the document
    names in full (once per label), and a text that reads like questions and answers but has no
    question turn."""
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for turn in turns:
        if turn.resolution == "unresolved" and turn.label not in seen:
            seen.add(turn.label)
            found.append(
                LABEL_UNRESOLVED.at(
                    path, turn.line,
                    f'the label "{turn.label}" names nobody the document names in full; its '
                    + (
                        f'turns are credited to "{turn.speaker}"'
                        if turn.speaker
                        else "turns are credited to nobody"
                    ),
                    "declare it in front matter (labels: {\"MR PRICE\": Ned Price}), or its "
                    "office in data/layouts.yaml (roles)",
                )
            )  # fmt: skip
    labelled = [t for t in turns if t.label]
    asking = [t for t in labelled if any(p.text.endswith("?") for p in t.paragraphs)]
    if (
        len(labelled) > QA_LOOK
        and len(asking) >= QA_LOOK
        and not any(t.kind == "question" for t in turns)
    ):
        labels = ", ".join(f'"{label}"' for label in dict.fromkeys(t.label for t in asking))
        found.append(
            NO_QUESTION_TURN.at(
                path, asking[0].line,
                f"the text reads like questions and answers, but no label reads as a question "
                f"({labels} ask)",
                "mark questions 'Question:', or add the questioners' outlets to "
                "data/layouts.yaml",
            )
        )  # fmt: skip
    return found


def _sentence_cut(name: str) -> str:
    """A name read across a sentence's end cut there: "Vladimir Putin. It" -> "Vladimir Putin"."""
    words = name.split()
    for i, word in enumerate(words):
        if word.endswith(".") and len(word) > 2:
            return " ".join([*words[:i], word.rstrip(".")])
    return name


def _article_counterparts(texts: list[str], speaker: str | None) -> tuple[Counterpart, ...]:
    """Whom an article's main speaker met: "talks with <Role> <Name>" or "his <Demonym>
    counterpart <Name>" in the lead; never the main speaker."""
    if not speaker:
        return ()
    surname = short_name(speaker, texts)
    # a name's words ("Wang" of "Wang Yi": the family name may come first)
    parts = [part for part in speaker.split() if len(part) > 2] or [surname]
    for text in lead(texts):
        if not any(part in text for part in parts):
            continue  # "talks with" someone else's
        found = [
            Counterpart(_sentence_cut(p.name), p.role, p.country_text)
            for p in counterparts_in(text, pattern=TALKS_WITH)
            if not same_person(_sentence_cut(p.name), speaker)
        ]
        if found:
            return tuple(found)
    for name, country in counterpart_phrases(texts, surname):
        if not same_person(name, speaker):
            return (Counterpart(name, "counterpart", country),)
    return ()


def _joint(title: str, texts: list[str], speaker: str) -> tuple[Counterpart, ...]:
    """The other side of a joint press conference an article reports
    (:func:`parley.read.article.joint_counterpart`), as a counterpart."""
    found = joint_counterpart(title, texts, speaker) if speaker else None
    return (Counterpart(found[0], "", found[1]),) if found else ()


def _first_sentence(text: str) -> str:
    """The first sentence of ``text``, or its first words when that is too long."""
    match = FIRST_SENTENCE.match(text)
    if match:
        return match.group()
    if len(text) <= TITLE_FALLBACK_MAX:
        return text
    cut = text[:TITLE_FALLBACK_MAX].rsplit(" ", 1)[0]
    return cut + "…"


def _cut_off(path: str, paragraphs: list[Paragraph]) -> list[Diagnostic]:
    """A warning when the last paragraph ends mid-sentence."""
    if not paragraphs or paragraphs[-1].text.endswith(SENTENCE_END):
        return []
    last = paragraphs[-1]
    tail = last.text[-40:].split(" ", 1)[-1] if len(last.text) > 40 else last.text
    return [
        CUT_OFF.at(
            path, last.line,
            f'the text ends mid-sentence ("…{tail}"); the file may be cut off',
            "compare it with the original and copy the missing end",
        )
    ]  # fmt: skip
