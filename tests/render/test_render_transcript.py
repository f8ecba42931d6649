"""A transcript page: front matter, header, questions, turns, annotations and its links."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import yaml

from parley.link.catalog import build_catalog
from parley.link.ledger import paragraph_anchors
from parley.model import Entry
from parley.render import SiteInfo, page_context
from parley.render.paragraphs import turn_label
from parley.render.transcript import description, transcript_markdown
from tests.support.fake_corpus import FakeVocabulary, entry, note, turns_of
from tests.support.golden_files import assert_golden
from tests.support.sample_corpus import sample_pages

SITE = SiteInfo("https://git.example.org/owner/parley", "main", "Parley")
SYRIA_TALKS = ("Walid Muallem", "Foreign Minister", "SY")
IRAN_TALKS = ("Mohammad Javad Zarif", "Foreign Minister", "IR")
IRAQ_TALKS = ("Fuad Hussein", "Deputy Prime Minister and Foreign Minister", "IQ")


def render(target: Entry, *others: Entry) -> str:
    catalog = build_catalog([target, *others])
    return transcript_markdown(target, page_context(catalog, FakeVocabulary(), SITE))


def front(page: str) -> dict[str, object]:
    block = page.split("---\n")[1]
    data = yaml.safe_load(block)
    assert isinstance(data, dict)
    return data


def test_description_says_who_met_whom_where_and_when() -> None:
    e = entry("iraq", "2020-11-25", counterparts=[IRAQ_TALKS])
    names = page_context(build_catalog([e]), FakeVocabulary(), SITE).names
    assert description(e, names) == (
        "Sergey Lavrov's news conference with Fuad Hussein (Iraq), Moscow, 25 November 2020."
    )


def test_description_of_a_news_article_and_of_an_undated_text_without_a_speaker() -> None:
    news = entry("news", "2021-07-02", publisher="news", kind="article", place=None)
    talks = entry("talks", "2021-07-02", publisher="news", counterparts=[IRAQ_TALKS], place=None)
    bare = entry("bare", None, speakers=(), kind="statement", place=None)
    names = page_context(build_catalog([news, talks, bare]), FakeVocabulary(), SITE).names
    assert description(news, names) == "News article about Sergey Lavrov, 2 July 2021."
    assert description(talks, names) == (
        "News article on Sergey Lavrov's talks with Fuad Hussein (Iraq), 2 July 2021."
    )
    assert description(bare, names) == "Statement."


def test_front_matter_holds_the_metadata_and_the_citation_tags_and_no_chips() -> None:
    page = render(
        entry(
            "d",
            title="Talks: Syria & Iran",
            counterparts=[SYRIA_TALKS, IRAN_TALKS],
            topics=[("syrian-settlement", [1])],
        )
    )
    assert front(page) == {
        "title": "Talks: Syria &amp; Iran",
        "official_title": "Talks: Syria &amp; Iran",
        "date": "2016-10-28",
        "kind": "news-conference",
        "speakers": ["Sergey Lavrov"],
        "counterparts": [
            {"name": "Walid Muallem", "role": "Foreign Minister", "country": "Syria"},
            {"name": "Mohammad Javad Zarif", "role": "Foreign Minister", "country": "Iran"},
        ],
        "place": {"city": "Moscow", "country": "Russia"},
        "countries": ["Syria", "Iran"],
        "topics": ["Syrian settlement"],
        "description": "Sergey Lavrov&#x27;s news conference with Walid Muallem (Syria) and "
        "Mohammad Javad Zarif (Iran), Moscow, 28 October 2016.",
        "source": "transcripts/d.txt",
        "citation_meta": [
            {"name": "citation_title", "content": "Talks: Syria &amp; Iran"},
            {"name": "citation_author", "content": "Lavrov, Sergey"},
            {"name": "citation_date", "content": "2016/10/28"},
            {"name": "citation_publication_date", "content": "2016/10/28"},
            {"name": "citation_publisher", "content": "Parley"},
            {"name": "citation_language", "content": "en"},
        ],
    }
    assert "\n# Talks: Syria &#38; Iran\n" in page


def test_a_long_official_title_gives_way_to_a_short_one_and_stays_in_the_metadata() -> None:
    official = (
        "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news"
        " conference with Walid Muallem and Mohammad Javad Zarif, Moscow, October 28, 2016"
    )
    page = render(entry("d", title=official, counterparts=[SYRIA_TALKS, IRAN_TALKS]))
    assert "\n# Lavrov – Muallem, Zarif · Moscow · 28 Oct 2016\n" in page
    assert front(page)["title"] == "Lavrov – Muallem, Zarif · Moscow · 28 Oct 2016"
    assert front(page)["official_title"] == official.replace("’", "’")
    assert f'<dt>Title</dt><dd><span class="official-title">{official}</span></dd>' in page


def test_header_shows_when_where_who_and_links_counterpart_countries() -> None:
    page = render(
        entry(
            "d",
            counterparts=[SYRIA_TALKS],
            time="17:05",
            timezone="MSK",
            languages=["en-GB", "ru-RU"],
            topics=[("terrorism", [2])],
        )
    )
    assert (
        '<dt>Date</dt><dd><time datetime="2016-10-28T17:05">28 October 2016, 17:05 MSK</time>'
        in page
    )
    assert "<dt>Place</dt><dd>Moscow, Russia</dd>" in page  # no page for Russia: not linked
    assert "<dt>Kind</dt><dd>News conference</dd>" in page
    assert (
        '<dt>Speaker</dt><dd><a href="../people/sergey-lavrov.html">Sergey Lavrov</a></dd>' in page
    )
    assert (
        '<li>Foreign Minister <a href="../people/walid-muallem.html">Walid Muallem</a>, '
        '<a href="../countries/sy.html">Syria</a></li>'
    ) in page
    assert "<dt>Languages</dt><dd>English (en-GB), Russian (ru-RU)</dd>" in page
    assert '<dt>Topics</dt><dd><a href="../topics/terrorism.html">Terrorism</a></dd>' in page
    assert (
        '<dt>Countries</dt><dd><a href="../countries/sy.html">Syria</a> (4), '
        '<a href="../countries/ir.html">Iran</a> (1)</dd>'
    ) in page


def test_header_links_the_original_the_published_source_and_offers_to_edit_and_annotate() -> None:
    doc_id = "2020-11-25-lavrov-iraq"
    original = "https://www.mid.ru/en/content/id/4459439"
    target = entry(doc_id)
    target = replace(
        target, doc=replace(target.doc, meta=replace(target.doc.meta, source_url=original))
    )
    assert (
        "<dt>Source</dt><dd>Ministry transcript · "
        f'<a href="{original}" class="source-original">Original at www.mid.ru</a> · '
        f'<a href="../sources/{doc_id}.txt" class="source-text">Source text</a>'
        f' <span class="source-path">(transcripts/{doc_id}.txt)</span> · '
        f'<a href="https://git.example.org/owner/parley/edit/main/transcripts/{doc_id}.txt"'
        ' class="edit">Edit</a> · '
        f'<a href="https://git.example.org/owner/parley/edit/main/annotations/{doc_id}.yaml"'
        ' class="annotate">Annotate</a></dd>'
    ) in render(target)
    notes = [note(doc_id, 1, 0, 6, "Ladies", "n1"), note(doc_id, 3, 0, 5, "Syria", "n2")]
    assert 'class="annotate">Annotate</a> · 2 annotations</dd>' in render(
        entry(doc_id, notes=notes)
    )


def test_without_a_repository_address_there_is_no_edit_or_annotate_link() -> None:
    doc_id = "2020-11-25-lavrov-iraq"
    ctx = page_context(build_catalog([entry(doc_id)]), FakeVocabulary(), SiteInfo("", "main", "P"))
    page = transcript_markdown(entry(doc_id), ctx)
    assert (
        "<dt>Source</dt><dd>Ministry transcript · "
        f'<a href="../sources/{doc_id}.txt" class="source-text">Source text</a>'
        f' <span class="source-path">(transcripts/{doc_id}.txt)</span></dd>'
    ) in page
    assert "Annotate" not in page and "Edit" not in page and "github" not in page


def test_an_original_address_that_is_not_http_is_not_linked() -> None:
    target = entry("d")
    meta = replace(target.doc.meta, source_url="javascript:alert(1)")
    page = render(replace(target, doc=replace(target.doc, meta=meta)))
    assert "javascript" not in page and "Original at" not in page


@pytest.mark.parametrize(
    "path",
    ["/home/someone/corpus/2020-11-25-lavrov-iraq.txt", "../corpus/2020-11-25-lavrov-iraq.txt"],
)
def test_a_source_outside_the_repository_is_named_by_its_file_alone(path: str) -> None:
    inside = entry("2020-11-25-lavrov-iraq")
    outside = replace(inside, doc=replace(inside.doc, path=path))
    page = render(outside)
    assert "someone" not in page and "corpus/" not in page and "edit/main/transcripts" not in page
    assert '<span class="source-path">(2020-11-25-lavrov-iraq.txt)</span> · ' in page
    assert front(page)["source"] == "2020-11-25-lavrov-iraq.txt"


def test_questions_are_listed_at_the_top_with_their_first_hundred_characters() -> None:
    long_question = "Why " + "very " * 30 + "long?"
    page = render(
        entry(
            "d",
            turns=[
                ("remarks", "", "Sergey Lavrov", "", ("Good afternoon.",)),
                ("question", "Question", None, "", (long_question, "Second paragraph.")),
                ("answer", "Sergey Lavrov", "Sergey Lavrov", "", ("An answer.",)),
                ("question", "Question", None, "", ("Short [one]?",)),
            ],
        )
    )
    questions = page[page.index("## Questions") : page.index("## Transcript")]
    assert questions == (
        '## Questions\n\n<ol class="questions">\n'
        f'<li><a href="#t2">Why {"very " * 18}very…</a></li>\n'
        '<li><a href="#t4">Short [one]?</a></li>\n'
        "</ol>\n\n"
    )
    assert len("Why " + "very " * 18 + "very…") <= 100


def test_turns_have_anchors_labels_and_qualifiers_and_questions_are_marked_apart() -> None:
    page = render(
        entry(
            "d",
            turns=[
                ("remarks", "", "Sergey Lavrov", "", ("Good afternoon.",)),
                (
                    "question",
                    "Question (translated from Arabic)",
                    None,
                    "translated from Arabic",
                    ("Is it so?",),
                ),
                (
                    "answer",
                    "Sergey Lavrov (adds after Mohammad Javad Zarif)",
                    "Sergey Lavrov",
                    "adds after Mohammad Javad Zarif",
                    ("It is.",),
                ),
            ],
        )
    )
    assert '<div class="turn turn-remarks" id="t1">' in page
    assert (
        '<div class="turn turn-question" id="t2">\n<p class="turn-label">'
        '<a href="#t2" class="turn-anchor" title="Link to turn 2">Question</a> '
        '<span class="qualifier">(translated from Arabic)</span></p>'
    ) in page
    assert (
        '<div class="turn turn-answer" id="t3">\n<p class="turn-label">'
        '<a href="#t3" class="turn-anchor" title="Link to turn 3">Sergey Lavrov</a> '
        '<span class="qualifier">(adds after Mohammad Javad Zarif)</span></p>'
    ) in page


def test_turn_labels_fall_back_to_the_speaker_or_the_kind_of_turn() -> None:
    remarks, question, answer = turns_of(
        [
            ("remarks", "", "Sergey Lavrov", "", ("a",)),
            ("question", "", None, "", ("b",)),
            ("answer", "", None, "", ("c",)),
        ]
    )
    assert [turn_label(t) for t in (remarks, question, answer)] == [
        ("Sergey Lavrov", ""),
        ("Question", ""),
        ("Answer", ""),
    ]
    unnamed = turns_of([("remarks", "", None, "", ("a",))])[0]
    assert turn_label(unnamed, "Article") == ("Article", "")


def test_every_paragraph_has_an_anchor_and_a_visible_permalink_and_headings_stay_headings() -> None:
    page = render(
        entry(
            "d",
            turns=[("remarks", "", None, "", ("Text <b>bold</b> & more.", "## Syria Consensus"))],
        )
    )
    first, second = paragraph_anchors(["Text <b>bold</b> & more.", "Syria Consensus"])
    assert first.startswith("text-b-bold-b-") and second.startswith("syria-consensus-")
    assert (
        f'<p id="p1" class="para"><span id="{first}" class="para-anchor"></span>'
        "Text &lt;b&gt;bold&lt;/b&gt; &amp; more. "
        '<a href="#p1" class="permalink" title="Permalink to paragraph 1">¶ 1</a></p>'
    ) in page
    assert (
        f'<h3 id="p2" class="para para-heading"><span id="{second}" class="para-anchor"></span>'
        '<a class="mention mention-country" '
        'href="../countries/sy.html" title="Syria">Syria</a> Consensus '
        '<a href="#p2" class="permalink" title="Permalink to paragraph 2">¶ 2</a></h3>'
    ) in page


def test_a_retired_number_opens_the_paragraph_now_in_its_place() -> None:
    target = entry("d")
    page = render(replace(target, doc=replace(target.doc, retired=((7, 2), (9, 2)))))
    assert re.search(
        r'<p id="p2" class="para"><span id="[a-z0-9-]+" class="para-anchor"></span>'
        r'<span id="p7" class="para-anchor"></span><span id="p9" class="para-anchor"></span>',
        page,
    )


def test_only_the_first_mention_of_each_entity_in_a_turn_links_to_its_page() -> None:
    page = render(entry("d"))  # "Syria" in turns 1 and 2, twice in turn 3; "Iran" in turn 2
    paragraphs = dict(re.findall(r'<p id="p(\d+)" class="para">(.*)</p>', page))
    links = {n: body.count('class="mention') for n, body in paragraphs.items()}
    assert links == {"1": 1, "2": 2, "3": 1}
    assert 'title="Syria">Syria</a> needs peace. Syria will decide.' in paragraphs["3"]


def test_an_annotation_marks_its_quote_and_follows_its_paragraph() -> None:
    quote = note(
        "d",
        3,
        0,
        11,
        "Syria needs",
        "n1",
        kind="cross-reference",
        html="<p>See <em>also</em>.</p>",
        sources=("https://example.org/a", "javascript:alert(1)"),
    )
    page = render(entry("d", notes=[quote]))
    assert (
        '<mark id="mark-n1" class="annotated">'
        '<a href="#note-n1" title="Annotation: cross-reference">Syria needs</a></mark> peace. '
        '<a class="mention mention-country" href="../countries/sy.html" title="Syria">Syria</a>'
        " will decide."
    ) in page
    assert (
        '¶ 3</a></p>\n<aside class="note note-cross-reference" id="note-n1">'
        '<p class="note-meta"><span class="note-kind">Cross reference</span>'
        ' · <span class="note-author">octocat</span>'
        ' · <time datetime="2024-03-01">1 March 2024</time></p>'
        '<p class="note-quote">“Syria needs”</p>'
        '<div class="note-body"><p>See <em>also</em>.</p></div>'
        '<p class="note-sources">Sources: <a href="https://example.org/a">https://example.org/a</a>'
        ", javascript:alert(1)</p>"
        '<p><a href="#mark-n1" class="note-back">Back to the text</a></p></aside>'
    ) in page


def test_overlapping_annotations_keep_markup_well_nested() -> None:
    notes = [
        note("d", 3, 0, 11, "Syria needs", "n1"),
        note("d", 3, 6, 17, "needs peace", "n2"),  # overlaps n1: its note stays, unmarked
    ]
    page = render(entry("d", notes=notes))
    assert page.count("<mark ") == 1
    assert 'id="note-n2"' in page
    assert '<a href="#p3" class="note-back">Back to the paragraph</a>' in page


def test_a_note_on_a_paragraph_the_text_lacks_is_kept_at_the_end_without_a_back_link() -> None:
    page = render(entry("d", notes=[note("d", 99, 0, 4, "Gone", "n7")]))
    unplaced = page[page.index("## Other annotations") :]
    assert unplaced.startswith(
        '## Other annotations\n\n<div class="notes-unplaced">'
        '<aside class="note note-context" id="note-n7">'
    )
    assert "note-back" not in unplaced


def test_footer_links_related_reports_neighbours_and_other_meetings() -> None:
    corpus = [
        entry("2016-talks", "2016-10-28", counterparts=[SYRIA_TALKS]),
        entry("2017-talks", "2017-01-01", counterparts=[SYRIA_TALKS]),
        entry("2018-talks", "2018-01-01", counterparts=[SYRIA_TALKS]),
        entry(
            "2017-news",
            "2017-01-02",
            publisher="news",
            kind="article",
            title="Lavrov met Muallem",
            turns=[("remarks", "", None, "", ("Lavrov met Muallem of Syria.",))],
        ),
    ]
    page = render(corpus[1], *[e for e in corpus if e is not corpus[1]])
    footer = page[
        page.index("## Related transcripts") : page.index('<script type="application/ld') - 1
    ]
    talks_2016 = '<a href="2016-talks.html">Document 2016-talks</a> · 28 October 2016 · Syria'
    talks_2018 = '<a href="2018-talks.html">Document 2018-talks</a> · 1 January 2018 · Syria'
    news = '<a href="2017-news.html">Lavrov met Muallem</a> · 2 January 2017'
    assert footer == (
        "## Related transcripts\n\n"
        f'<ul class="doc-links">\n<li>{talks_2016}</li>\n<li>{talks_2018}</li>\n</ul>\n'
        "\n## Reported in\n\n"
        f'<ul class="doc-links">\n<li>{news}</li>\n</ul>\n'
        "\n## Previous and next\n\n"
        f'<ul class="doc-links">\n<li>Previous: {talks_2016}</li>\n<li>Next: {news}</li>\n</ul>\n'
        "\n## Other meetings with Syria\n\n"
        f'<ul class="doc-links">\n<li>{talks_2016}</li>\n<li>{talks_2018}</li>\n</ul>\n'
        "\n[All meetings with Syria](../countries/sy.md)\n"
    )
    news_page = render(corpus[3], *corpus[:3])
    assert (
        '\n## Report of\n\n<ul class="doc-links">\n'
        '<li><a href="2017-talks.html">Document 2017-talks</a> · 1 January 2017 · Syria</li>\n'
        "</ul>\n" in news_page
    )


def test_a_transcript_page_does_not_grow_with_the_corpus() -> None:
    corpus = [
        entry(
            f"talks-{i:03}", f"20{10 + i // 12:02}-{1 + i % 12:02}-01", counterparts=[SYRIA_TALKS]
        )
        for i in range(120)
    ]
    page = render(corpus[60], *corpus[:60], *corpus[61:])
    footer = page[page.index("## Related transcripts") :]
    related = footer[: footer.index("## Previous")]
    others = footer[footer.index("## Other meetings with Syria") :]
    assert related.count("\n<li>") == 5
    assert others.count("\n<li>") == 10
    assert "[All meetings with Syria](../countries/sy.md)" in others


def test_footnotes_are_kept_apart_from_the_text() -> None:
    page = render(entry("d", footnotes=["*A terrorist group outlawed in Russia <really>."]))
    assert (
        '## Footnotes\n\n<div class="footnotes"><p class="footnote">'
        "*A terrorist group outlawed in Russia &lt;really&gt;.</p></div>\n"
    ) in page


SAMPLES = [
    "2016-10-28-lavrov-syria-iran",
    "2020-11-25-lavrov-iraq",
    "2021-03-17-lavrov-israel",
    "2021-07-02-lavrov-bahrain",
    "2021-07-02-news-lavrov-gulf-security-concept",
]


@pytest.mark.parametrize("doc_id", SAMPLES)
def test_golden_transcript_page_of_each_sample(doc_id: str) -> None:
    path = f"transcripts/{doc_id}.md"
    assert_golden(f"render/{path}", sample_pages()[path])


def test_the_news_report_and_the_transcript_of_the_bahrain_talks_link_to_each_other() -> None:
    pages = sample_pages()
    news = pages["transcripts/2021-07-02-news-lavrov-gulf-security-concept.md"]
    talks = pages["transcripts/2021-07-02-lavrov-bahrain.md"]
    report_of = news[news.index("## Report of") :].split("\n## ")[0]
    reported_in = talks[talks.index("## Reported in") :].split("\n## ")[0]
    assert '<li><a href="2021-07-02-lavrov-bahrain.html">' in report_of
    assert '<li><a href="2021-07-02-news-lavrov-gulf-security-concept.html">' in reported_in


def test_the_sample_annotation_is_marked_in_its_paragraph_and_explained_below_it() -> None:
    talks = sample_pages()["transcripts/2021-07-02-lavrov-bahrain.md"]
    assert (
        '<mark id="mark-n1" class="annotated"><a href="#note-n1" title="Annotation: context">'
        "Russian Direct Investment Fund</a></mark>"
    ) in talks
    assert '<aside class="note note-context" id="note-n1">' in talks
