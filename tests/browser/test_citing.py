"""Citing and reading a transcript in Chromium: the cite panel, the meta tags reference managers
read, print, the first screen on a laptop and a phone, keyboard, tap targets, annotations that
fold away, accessibility in light and dark mode, old ¶ links after a paragraph was inserted, and
a folder of one's own transcripts built without the samples' annotations."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.checks import serious_violations
from tests.browser.conftest import RESULTS, Visit
from tests.support.ledger_edit import INSERTED, Edited
from tests.support.sitebuild import REPO, SITE_URL, run_build, stage_inputs

pytestmark = pytest.mark.browser

SYRIA_IRAN = "archive/transcripts/2016-10-28-lavrov-syria-iran.html"
BAHRAIN = "archive/transcripts/2021-07-02-lavrov-bahrain.html"
OFFICIAL = (
    "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news"
    " conference with Deputy Prime Minister and Minister of Foreign Affairs and Expatriates of"
    " the Syrian Arab Republic Walid Muallem and Foreign Minister of the Islamic Republic of Iran"
    " Mohammed Javad Zarif , Moscow, October 28, 2016"
)

Open = Callable[[str, str], Visit]


@pytest.fixture
def sized(browser: Browser) -> Iterator[Callable[..., Page]]:
    """A page of a given viewport and colour scheme (the theme follows the system's)."""
    contexts = []

    def open_page(url: str, width: int = 1280, height: int = 800, scheme: str = "light") -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=scheme,  # type: ignore[arg-type]
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="load")
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_the_pilcrow_opens_a_cite_panel_with_the_citation_and_a_link(
    visit: Open, site_root: str
) -> None:
    page = visit(site_root, BAHRAIN).page
    page.locator("#p15 a.permalink").click()
    assert page.url.endswith("#p15")
    panel = page.locator(".cite-panel")
    assert panel.count() == 1 and panel.is_visible()
    text = panel.locator(".cite-panel__text").inner_text()
    head = (
        "Sergey Lavrov, “Foreign Minister Sergey Lavrov’s statement and answers to media questions"
        " at a joint news conference following talks with Foreign Minister of the Kingdom of"
        " Bahrain Abdullatif bin Rashid Alzayani, Moscow, July 2, 2021”, Moscow, Russia,"
        " 2 July 2021, ¶ 15. Parley — diplomatic transcripts archive, "
    )
    assert text.startswith(head), text
    # The link is the page's published address (the sample build is given one).
    assert f"{SITE_URL}{BAHRAIN}#p15 (original: https://www.mid.ru/en/" in text
    assert "Accessed " in text
    page.wait_for_function("document.activeElement.textContent === 'Copy citation'")
    # One panel at a time; Escape closes it and gives the focus back to the ¶.
    page.locator("#p2 a.permalink").click()
    assert page.locator(".cite-panel").count() == 1
    assert page.locator("#cite-p2").is_visible()
    # The panel takes the focus just after the ¶'s own navigation; Escape is the panel's key, so
    # wait for the focus before pressing it (under load it came after the key press).
    page.wait_for_function("document.activeElement.textContent === 'Copy citation'")
    page.keyboard.press("Escape")
    expect(page.locator(".cite-panel")).to_have_count(0)
    assert page.evaluate("document.activeElement.closest('.para').id") == "p2"


def test_copying_the_citation_and_the_link(browser: Browser, http_root: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(http_root + SYRIA_IRAN, wait_until="load")
        page.locator("#p5 a.permalink").click()
        panel = page.locator(".cite-panel")
        panel.get_by_role("button", name="Copy citation").click()
        # Copying is asynchronous: wait for the status the click leads to.
        expect(panel.get_by_role("status")).to_have_text("citation copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == panel.locator(".cite-panel__text").inner_text()
        panel.get_by_role("button", name="Copy link").click()
        expect(panel.get_by_role("status")).to_have_text("link copied")
        assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}{SYRIA_IRAN}#p5"
    finally:
        context.close()


def test_reference_managers_find_meta_tags_json_ld_and_citation_files(
    visit: Open, http_root: str
) -> None:
    page = visit(http_root, SYRIA_IRAN).page
    tags = page.evaluate(
        "[...document.head.querySelectorAll('meta[name^=\"citation_\"]')]"
        ".map(m => [m.name, m.content])"
    )
    assert tags == [
        ["citation_title", OFFICIAL],
        ["citation_author", "Lavrov, Sergey"],
        ["citation_date", "2016/10/28"],
        ["citation_publication_date", "2016/10/28"],
        ["citation_publisher", "Parley — diplomatic transcripts archive"],
        ["citation_public_url", f"{SITE_URL}{SYRIA_IRAN}"],
        ["citation_abstract_html_url", f"{SITE_URL}{SYRIA_IRAN}"],
        ["citation_language", "en"],
    ]
    data = json.loads(
        page.evaluate("document.querySelector('script[type=\"application/ld+json\"]').textContent")
    )
    assert data["@type"] == "Article" and data["name"] == OFFICIAL
    assert data["headline"] == "Lavrov – Muallem, Zarif · Moscow · 28 Oct 2016"
    assert data["about"]["location"]["name"] == "Moscow, Russia"
    for link, start in (("BibTeX", "@misc{2016-10-28-lavrov-syria-iran,"), ("CSL-JSON", "[")):
        href = page.get_by_role("link", name=link, exact=True).get_attribute("href")
        response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + str(href))
        assert response.ok and response.text().startswith(start)


def test_a_printed_transcript_keeps_numbers_speakers_notes_and_the_citation(
    visit: Open, http_root: str
) -> None:
    page = visit(http_root, BAHRAIN).page
    page.emulate_media(media="print")
    shown = page.evaluate(
        """selector => [...document.querySelectorAll(selector)]
             .filter(e => getComputedStyle(e).display !== 'none' && e.offsetParent !== null)
             .length""",
        "a.permalink",
    )
    assert shown == page.locator(".para").count()  # every paragraph prints its ¶ number
    box = page.locator("#p3 a.permalink").bounding_box()
    assert box is not None and box["width"] > 0
    hidden = ".md-sidebar, .md-header, .page-sections, .notes-bar, .note-back, .cite-screen"
    assert page.evaluate(
        f"[...document.querySelectorAll('{hidden}')]"
        ".every(e => getComputedStyle(e).display === 'none' || e.offsetParent === null)"
    )
    article = page.locator("article").inner_text()
    assert "¶ 3" in article and "Sergey Lavrov" in article
    assert "Resolution 2254 was adopted unanimously" in article  # an annotation's note
    citation = page.locator(".print-citation").inner_text()
    assert citation.startswith("Cite as: Lavrov, S. (2021)")
    # one address of each: the archive's page in the reference, then the original
    assert f"Available at: {SITE_URL}{BAHRAIN}." in citation
    assert citation.count(SITE_URL) == 1
    assert citation.count("Original: https://www.mid.ru/en/") == 1
    assert citation.count("https://www.mid.ru/") == 1
    RESULTS.mkdir(exist_ok=True)
    page.locator("#p3").screenshot(path=str(RESULTS / "print-paragraph.png"))


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_the_first_screen_says_when_where_who_and_with_whom(
    sized: Callable[..., Page], http_root: str, width: int, height: int
) -> None:
    page = sized(http_root + SYRIA_IRAN, width, height)
    title = page.locator("h1").evaluate("h => h.firstChild.textContent")
    assert title == "Lavrov – Muallem, Zarif · Moscow · 28 Oct 2016"
    for term in ("Date", "Place", "Speaker", "With"):
        box = page.locator(f"dl.doc-meta dt:text-is('{term}') + dd").bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, term
    assert page.locator(".md-tag").count() == 0  # no chips that lead nowhere
    assert OFFICIAL in page.locator(".official-title").inner_text()


def test_on_a_phone_the_sections_are_a_tap_away(sized: Callable[..., Page], http_root: str) -> None:
    page = sized(http_root + SYRIA_IRAN, 390, 844)
    sections = page.locator("nav.page-sections")
    assert sections.is_visible()
    sections.get_by_role("link", name="Transcript", exact=True).click()
    assert page.url.endswith("#transcript")
    assert page.locator("#transcript").bounding_box()["y"] < 200  # type: ignore[index]


def test_a_skip_link_leads_the_keyboard_to_the_text(visit: Open, site_root: str) -> None:
    page = visit(site_root, SYRIA_IRAN).page
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the transcript text"
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#p1') !== null"):
            break
    else:
        pytest.fail("¶ 1 not reached within ten Tab presses after the skip link")


def test_paragraph_links_are_large_enough_to_tap(visit: Open, http_root: str) -> None:
    page = visit(http_root, SYRIA_IRAN).page
    sizes = page.evaluate(
        "[...document.querySelectorAll('a.permalink')].map(a => a.getBoundingClientRect())"
        ".map(r => [r.width, r.height])"
    )
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes[:3]


def test_annotations_fold_away_all_or_one_and_the_choice_is_remembered(
    visit: Open, site_root: str
) -> None:
    page = visit(site_root, BAHRAIN).page
    notes = page.locator("aside.note")
    count = notes.count()
    assert count == 5 and page.locator(".note-content:visible").count() == 5
    page.get_by_role("button", name="Hide all 5 annotations").click()
    assert page.locator(".note-content:visible").count() == 0
    page.reload(wait_until="load")
    assert page.locator(".note-content:visible").count() == 0
    first = notes.first
    first.get_by_role("button", name="Show").click()
    assert first.locator(".note-content").is_visible()
    assert page.locator(".note-content:visible").count() == 1
    page.reload(wait_until="load")
    assert notes.first.locator(".note-content").is_visible()
    assert page.locator(".note-content:visible").count() == 1
    # Following a highlight to its note shows that note.
    page.locator("mark.annotated a").nth(1).click()
    target = page.evaluate("document.querySelector(':target').id")
    assert page.locator(f"#{target} .note-content").is_visible()
    page.get_by_role("button", name="Show all 5 annotations").click()
    assert page.locator(".note-content:visible").count() == 5


def test_a_correction_stands_out_from_a_context_note(visit: Open, http_root: str) -> None:
    page = visit(http_root, BAHRAIN).page
    context_rule, correction_rule = page.evaluate(
        """() => {
             const note = document.querySelector('aside.note');
             const before = getComputedStyle(note).borderLeftColor;
             note.classList.replace('note-' + note.className.split('note-')[1].split(' ')[0],
                                    'note-correction');
             return [before, getComputedStyle(note).borderLeftColor];
           }"""
    )
    assert context_rule != correction_rule


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path", ["index.html", "archive/countries/index.html", SYRIA_IRAN, BAHRAIN]
)
def test_no_serious_accessibility_violation_in_either_colour_scheme(
    sized: Callable[..., Page], http_root: str, path: str, scheme: str
) -> None:
    page = sized(http_root + path, 1280, 900, scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    if path == BAHRAIN:
        page.locator("#p5 a.permalink").click()  # with a cite panel open
    serious = serious_violations(page)
    assert not serious, "\n".join(serious)


def _paragraph_texts(page: Page, anchors: list[str]) -> dict[str, str]:
    """Each anchor -> the start of the paragraph the browser shows as its target."""
    return dict(
        page.evaluate(
            """anchors => anchors.map(a => {
                 location.hash = a;
                 const target = document.querySelector(':target');
                 const para = target && target.closest('.para');
                 return [a, para ? para.textContent.replace(/\\s+/g, ' ').trim() : ''];
               })""",
            anchors,
        )
    )


def test_old_paragraph_links_open_the_same_words_after_a_paragraph_is_inserted(
    browser: Browser, edited: Edited
) -> None:
    """The Bahrain sample was built, then a paragraph was inserted after its first one and the
    site built again (ledger not recorded): every old ¶ number and text anchor, followed in the
    browser, shows the words it showed before; the new paragraph takes a new number."""
    root, before, _, build = edited
    assert build.status == 0, build.stderr
    page = browser.new_page()
    try:
        path = root / "site" / "archive" / "transcripts" / "2021-07-02-lavrov-bahrain.html"
        page.goto(path.resolve().as_uri(), wait_until="load")
        shown = _paragraph_texts(page, sorted(before))
        wrong = [a for a, text in before.items() if not shown[a].startswith(text[:60].strip())]
        assert not wrong, [(a, before[a][:40], shown[a][:40]) for a in wrong[:5]]
        numbers = [int(a[1:]) for a in before if re.fullmatch(r"p\d+", a)]
        new = f"p{max(numbers) + 1}"
        assert _paragraph_texts(page, [new])[new].startswith(INSERTED)
        # The insertion came second: positional numbering would have moved ¶ 2 onwards.
        assert page.locator(".para").nth(1).get_attribute("id") == new
    finally:
        page.close()


def test_own_transcripts_without_annotations_build_with_none_and_say_so(
    browser: Browser, tmp_path: Path
) -> None:
    """The default annotations/ belongs to the samples; a folder of one's own gets none, the
    build says so, and the pages open with the texts and no notes."""
    root = stage_inputs(tmp_path / "own")
    mine = root / "mine"
    mine.mkdir()
    for name in ("2021-07-02-lavrov-bahrain.txt", "2021-03-17-lavrov-israel.txt"):
        shutil.copy2(REPO / "transcripts" / name, mine / name)
    build = run_build(root, "--transcripts", "mine", "--strict")
    assert build.status == 0, build.stderr
    assert (
        "build_site.py: building mine with no annotations (--transcripts without --annotations;"
        " add --annotations DIR for notes on these texts)"
    ) in build.stderr
    page = browser.new_page()
    try:
        page.goto((root / "site" / "index.html").resolve().as_uri(), wait_until="load")
        listed = page.locator("ul.doc-list a").evaluate_all("links => links.map(a => a.href)")
        assert sorted(href.rsplit("/", 1)[1] for href in listed) == [
            "2021-03-17-lavrov-israel.html",
            "2021-07-02-lavrov-bahrain.html",
        ]
        page.goto(listed[0], wait_until="load")
        assert page.locator(".para").count() > 10
        assert page.locator("mark.annotated, aside.note, .notes-bar").count() == 0
        # Built with no site address and read from disk: a citation names the document by its
        # id, never a path on the reader's computer, and offers no link to copy.
        doc_id = listed[0].rsplit("/", 1)[1].removesuffix(".html")
        page.locator("#p2 a.permalink").click()
        panel = page.locator(".cite-panel")
        text = panel.locator(".cite-panel__text").inner_text()
        assert f", ¶ 2. Parley — diplomatic transcripts archive, document {doc_id}" in text, text
        assert "file:" not in text
        assert panel.get_by_role("button", name="Copy link").count() == 0
        printed = page.locator(".print-citation .cite-here").inner_text()
        assert printed == f"document {doc_id}"
        # the reference gives the original's address, once; the archive names the document
        whole = page.locator(".print-citation").inner_text()
        assert whole.endswith(f". Archive: document {doc_id}."), whole
        assert "Original:" not in whole
    finally:
        page.close()
    with_notes = run_build(
        root, "--transcripts", "mine", "--annotations", "annotations", "--markdown-only"
    )
    assert "no annotations" not in with_notes.stderr
    assert "but no transcript has that id" in with_notes.stderr  # notes on the other samples
