"""Quote provenance on the pages: how faithfully news reports quote the transcripts.

- Under a report's paragraph that quotes someone: each quotation with its verdict, a link to the
  transcript paragraph it comes from, and, where the wording differs, the two side by side with
  the differences marked (:func:`report_extras`).
- Under a transcript's paragraph that a report quotes: "Quoted in" with a link back
  (:func:`transcript_extras`).
- The coverage index ``quotes/index.md``: per transcript, the reports that quote it and how
  faithfully; the newest on the index, every year on a page of its own (:func:`coverage_pages`).

The blocks are raw HTML on single lines, like the turns they go into.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from parley.link.catalog import iso_date
from parley.link.provenance import VERDICTS, QuoteMatch, plain_words
from parley.model import Entry
from parley.names import counted, long_date
from parley.render.context import PageContext, title_of
from parley.render.markdown import (
    front_matter,
    html_link,
    html_list,
    html_table,
    html_text,
    md_text,
    trim,
)
from parley.urls import QUOTES, href, transcript_page

FOLDER = QUOTES.rsplit("/", 1)[0]
#: Transcripts listed on the index page, newest first; the rest are on the year pages.
LATEST = 20
UNDATED = "undated"
#: Characters of a quotation shown in its check (the quotation itself stands just above).
QUOTE_PREVIEW = 90

#: What each verdict is called on the pages.
VERDICT_LABELS = {
    "verbatim": "Verbatim",
    "close": "Same words, small changes",
    "paraphrase": "Paraphrase",
    "not-found": "Not found in the transcript",
}
#: A word as shown in a comparison (punctuation stays with it).
SHOWN_WORD = re.compile(r"\S+")


def quote_anchor(match: QuoteMatch) -> str:
    """The id of a quotation's check on the report's page: stable while the paragraph's text is."""
    return f"quote-{match.quotation.paragraph}-{match.quotation.start}"


def report_extras(entry: Entry, ctx: PageContext, page: str) -> dict[int, str]:
    """Report paragraph number -> the block of checks of the quotations it holds."""
    by_paragraph: dict[int, list[QuoteMatch]] = defaultdict(list)
    for match in ctx.catalog.quotes.by_report.get(entry.doc.id, ()):
        by_paragraph[match.quotation.paragraph].append(match)
    return {n: _checks(matches, ctx, page) for n, matches in by_paragraph.items()}


def transcript_extras(entry: Entry, ctx: PageContext, page: str) -> dict[int, str]:
    """Transcript paragraph number -> the "Quoted in" line of the reports quoting it."""
    by_paragraph: dict[int, list[QuoteMatch]] = defaultdict(list)
    for match in ctx.catalog.quotes.by_transcript.get(entry.doc.id, ()):
        by_paragraph[match.paragraphs[-1]].append(match)
    lines = {}
    for number, matches in by_paragraph.items():
        by_report: dict[str, list[QuoteMatch]] = defaultdict(list)
        for m in matches:
            by_report[m.report].append(m)
        links = []
        for report_id, quoting in by_report.items():
            target = f"{transcript_page(report_id)}#{quote_anchor(quoting[0])}"
            badges = " ".join(_badge(m) for m in quoting)
            links.append(
                f"{html_link(title_of(ctx.entry(report_id)), href(page, target))} {badges}"
            )
        lines[number] = f'<p class="quoted-in">Quoted in: {"; ".join(links)}</p>'
    return lines


def _badge(match: QuoteMatch) -> str:
    """The verdict of a match as a labelled badge."""
    return f'<span class="verdict verdict-{match.verdict}">{VERDICT_LABELS[match.verdict]}</span>'


def _checks(matches: Sequence[QuoteMatch], ctx: PageContext, page: str) -> str:
    items = []
    for m in matches:
        q = m.quotation
        verdict = _badge(m)
        item = f"{verdict} “{html_text(trim(q.text, QUOTE_PREVIEW))}” ({html_text(q.speaker)})"
        if m.paragraphs:
            numbers = ", ".join(str(n) for n in m.paragraphs)
            target = f"{transcript_page(m.transcript)}#p{m.paragraphs[0]}"
            item += " · " + html_link(
                f"transcript ¶ {numbers}",
                href(page, target),
                title=title_of(ctx.entry(m.transcript)),
            )
        if m.verdict in ("close", "paraphrase") and m.passage:
            said, reported = _compared(m.passage, q.text)
            item += (
                "<details><summary>Compare the wording</summary>"
                '<div class="quote-compare">'
                f'<div><p class="compare-label">Report</p><p>{reported}</p></div>'
                f'<div><p class="compare-label">Transcript ¶ {m.paragraphs[0]}</p>'
                f"<p>{said}</p></div>"
                "</div></details>"
            )
        items.append(f'<li id="{quote_anchor(m)}">{item}</li>')
    return (
        '<div class="quote-checks"><p class="quote-checks-title">Quotations checked against the'
        f" transcript</p><ul>{''.join(items)}</ul></div>"
    )


def _compared(said: str, reported: str) -> tuple[str, str]:
    """Both texts as HTML, the words only one of them has marked (``<ins>`` in the transcript's,
    ``<del>`` in the report's), compared word by word without case and punctuation."""
    a, b = SHOWN_WORD.findall(reported), SHOWN_WORD.findall(said)
    matcher = difflib.SequenceMatcher(
        None, [plain_words(w) for w in a], [plain_words(w) for w in b], False
    )
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ours, theirs = html_text(" ".join(a[i1:i2])), html_text(" ".join(b[j1:j2]))
        if tag == "equal":
            left.append(ours)
            right.append(theirs)
            continue
        if ours:
            left.append(f"<del>{ours}</del>")
        if theirs:
            right.append(f"<ins>{theirs}</ins>")
    return " ".join(right), " ".join(left)


def coverage_pages(ctx: PageContext) -> dict[str, str]:
    """The coverage index and one page per year of the transcripts quoted."""
    quoted = [e for e in ctx.catalog.entries if ctx.catalog.quotes.by_transcript.get(e.doc.id)]
    by_year: dict[str, list[Entry]] = defaultdict(list)
    for entry in quoted:
        date = iso_date(entry)
        by_year[date[:4] if date else UNDATED].append(entry)
    pages = {QUOTES: _index(ctx, quoted, by_year)}
    for year, entries in by_year.items():
        page = year_page(year)
        title = f"Quotations checked: transcripts of {year}"
        pages[page] = "\n".join(
            [front_matter({"title": title}), f"# {md_text(title)}\n", _table(ctx, page, entries)]
        )
    return pages


def year_page(year: str) -> str:
    """``quotes/<year>.md``: the transcripts of one year that reports quote."""
    return f"{FOLDER}/{year}.md"


def _index(ctx: PageContext, quoted: list[Entry], by_year: dict[str, list[Entry]]) -> str:
    title = "Quotations checked"
    reports = ctx.catalog.quotes.by_report
    verdicts = Counter(m.verdict for matches in reports.values() for m in matches)
    out = [front_matter({"title": title}), f"# {title}\n"]
    summary = (
        f"{counted(sum(verdicts.values()), 'quotation')} in {counted(len(reports), 'news report')}"
        f" checked against the transcripts of the events they report: "
        + ", ".join(f"{verdicts[v]} {VERDICT_LABELS[v].lower()}" for v in VERDICTS)
        + "."
    )
    out.append(md_text(summary) + "\n")
    out.append(
        md_text(
            "Verbatim: the transcript's words as they stand, apart from case, punctuation and "
            "omissions marked with an ellipsis. Same words, small changes: a few words differ. "
            "Paraphrase: another wording of the same passage, often another translation. Not "
            "found: the transcript has no passage of that speaker that says it."
        )
        + "\n"
    )
    if not quoted:
        return "\n".join(out)
    out.append("## Newest transcripts quoted\n")
    newest = sorted(quoted, key=lambda e: ctx.rank[e.doc.id])[:LATEST]
    out.append(_table(ctx, QUOTES, newest) + "\n")
    out.append("## Year by year\n")
    years = sorted(by_year, key=lambda y: (y == UNDATED, y), reverse=True)
    items = (
        f"{html_link(y.capitalize(), href(QUOTES, year_page(y)))}: "
        f"{html_text(counted(len(by_year[y]), 'transcript'))}"
        for y in years
    )
    out.append(html_list(items, "subject-list") + "\n")
    return "\n".join(out)


def _table(ctx: PageContext, page: str, transcripts: Iterable[Entry]) -> str:
    rows = []
    for entry in transcripts:
        reports = sorted({m.report for m in ctx.catalog.quotes.by_transcript[entry.doc.id]})
        for report_id in reports:
            every = Counter(m.verdict for m in ctx.catalog.quotes.by_report[report_id])
            rows.append(
                [
                    html_link(title_of(entry), href(page, transcript_page(entry.doc.id))),
                    html_text(long_date(entry.doc.meta.date)),
                    html_link(
                        title_of(ctx.entry(report_id)), href(page, transcript_page(report_id))
                    ),
                    *(str(every[v]) for v in VERDICTS),
                ]
            )
    head = ["Transcript", "Date", "Report", "Verbatim", "Small changes", "Paraphrase", "Not found"]
    return html_table(head, rows, counts=4)
