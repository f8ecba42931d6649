"""Role labels resolve to the person the document names with that office, and questions from
reporters decide the kind where the title does not."""

from __future__ import annotations

import re

from parley.model import Diagnostic, Document, Layouts, Place, SourceText
from parley.read.document import read_document
from parley.read.labels import role_holder, role_key

ROLES = Layouts(roles=(("SG", "Secretary-General"), ("FM", "Foreign Minister")))


def _read(text: str, layouts: Layouts = ROLES) -> tuple[Document, list[Diagnostic]]:
    return read_document(SourceText("t.txt", "t", text, "utf-8", "0" * 64), layouts)


def _speakers(doc: Document) -> list[tuple[str, str | None, str]]:
    return [(t.label, t.speaker, t.kind) for t in doc.turns if t.label]


def test_sg_is_the_secretary_general_the_byline_names() -> None:
    doc, problems = _read(
        "New York\n\n19 November 2007\n\n"
        "Secretary-General's press encounter following his visits to Latin America\n\n"
        "Ban Ki-Moon, Former Secretary-General\n\n"
        "SG: Good afternoon, ladies and gentlemen.\n\n"
        "Q: Will you go to Lebanon again?\n\n"
        "SG: I will.\n"
    )
    assert _speakers(doc) == [
        ("SG", "Ban Ki-Moon", "remarks"),
        ("Q", None, "question"),
        ("SG", "Ban Ki-Moon", "answer"),
    ]
    assert doc.meta.speakers == ("Ban Ki-Moon",)
    assert doc.meta.place == Place("New York")  # the first line was the place, ...
    title = doc.meta.title or ""
    assert title.startswith("Secretary-General's press encounter")  # ... not the title
    assert doc.meta.kind == "news-conference"
    assert not [p for p in problems if p.code == "label-unresolved"]


def test_an_abbreviated_office_before_a_surname_is_the_full_name_the_title_gives() -> None:
    doc, _ = _read(
        "Press encounter after meeting with Igor Ivanov, Foreign Minister of the Russian "
        "Federation\n\n"
        "FM Ivanov: Ladies and Gentlemen, this morning the United Nations Secretary-General "
        "Kofi Annan and I discussed a broad range of international problems.\n\n"
        "Question: Did you discuss Iraq?\n\n"
        "SG: We did.\n"
    )
    assert [(label, speaker) for label, speaker, _ in _speakers(doc)] == [
        ("FM Ivanov", "Igor Ivanov"),
        ("Question", None),
        ("SG", "Kofi Annan"),
    ]


def test_a_role_label_followed_by_the_name_in_brackets_is_that_person() -> None:
    doc, _ = _read(
        "Transcript of Media Briefing by Official Spokesperson (February 04, 2016)\n\n"
        "February 05, 2016\n\n"
        "Official Spokesperson (Shri Vikas Swarup): Welcome to the weekly press briefing.\n"
    )
    assert [t.speaker for t in doc.turns if t.label] == ["Vikas Swarup"]
    assert doc.meta.speakers == ("Vikas Swarup",)


def test_a_role_label_nobody_named_holds_keeps_the_office_and_warns() -> None:
    doc, problems = _read(
        "Remarks to the press\n\n2 July 2021\n\n"
        "Secretary-General: Good afternoon.\n\nQuestion: Will you run again?\n\n"
        "Secretary-General: Not yet.\n"
    )
    assert {t.speaker for t in doc.turns if t.kind != "question"} == {"Secretary-General"}
    warned = [p for p in problems if p.code == "label-unresolved"]
    assert [(p.line, p.message.split(";")[0]) for p in warned] == [
        (5, 'the label "Secretary-General" names nobody the document names in full')
    ]


def test_a_role_label_is_not_credited_to_a_main_speaker_who_holds_another_office() -> None:
    roles = [("Prime Minister", "Narendra Modi"), ("Foreign Minister", "Sergey Lavrov")]
    assert role_holder("Foreign Minister", roles, "Narendra Modi")[0] == "Sergey Lavrov"
    assert role_holder("Spokesperson", roles, "Narendra Modi") == (None, "unresolved")
    assert role_holder("A", roles, "Narendra Modi")[0] == "Narendra Modi"
    assert role_key("UN Secretary-General") == role_key("Former Secretary-General")


def test_questions_make_a_briefing_or_a_news_conference_where_the_title_names_none() -> None:
    remarks = (
        "Remarks at the United Nations\n\nJanuary 26, 2019\n\n"
        "SECRETARY POMPEO: Good morning.\n\nQUESTION: Will you stay?\n\n"
        "SECRETARY POMPEO: No.\n"
    )
    assert _read(remarks)[0].meta.kind == "news-conference"  # "Remarks at" alone says speech
    briefing = (
        "A page without a kind in its title\n\n2 July 2021\n\n"
        "Shri Arindam Bagchi, Official Spokesperson: Good afternoon.\n\n"
        "Question: Will the minister travel?\n\n"
        "Shri Arindam Bagchi, Official Spokesperson: Yes.\n"
    )
    assert _read(briefing)[0].meta.kind == "briefing"
    speech = "Speech at the University\n\n2 July 2021\n\nThank you all for coming.\n"
    assert _read(speech)[0].meta.kind == "speech"


def test_a_title_ending_with_its_date_then_its_place_gives_both() -> None:
    doc, _ = _read(
        "Peace at home, peace in the world\n\n"
        "Interview of H.E. Mr. Mevlüt Çavuşoğlu to TRT World, 15 January 2016, Ankara\n\n"
        "Question – Mr. Çavuşoğlu, what did you achieve?\n\n"
        "H.E. MEVLÜT ÇAVUŞOĞLU - A great deal.\n"
    )
    assert (doc.meta.date, doc.meta.place, doc.meta.kind) == (
        "2016-01-15",
        Place("Ankara"),
        "interview",
    )


def test_a_document_declares_its_own_labels_in_front_matter() -> None:
    doc, problems = _read(
        "---\n"
        'labels: {"MR PRICE": Ned Price, "ROUNDTABLE": question, "A": spokesperson}\n'
        "---\n"
        "Department Press Briefing\n\n"
        "MR PRICE: Good afternoon.\n\n"
        "ROUNDTABLE: Any news on the talks?\n\n"
        "MR PRICE: None today.\n\n"
        "ROUNDTABLE: And tomorrow?\n\n"
        "A: Tomorrow, perhaps.\n"
    )
    assert [(t.label, t.speaker, t.kind) for t in doc.turns if t.label] == [
        ("MR PRICE", "Ned Price", "remarks"),
        ("ROUNDTABLE", None, "question"),
        ("MR PRICE", "Ned Price", "answer"),
        ("ROUNDTABLE", None, "question"),
        ("A", "Ned Price", "answer"),
    ]
    assert [t.resolution for t in doc.turns if t.label][:2] == [
        "front matter: a name",
        "front matter: a questioner",
    ]
    assert not [p for p in problems if p.code in ("label-unresolved", "no-question-turn")]


def test_labels_in_front_matter_must_be_a_mapping() -> None:
    _, problems = _read("---\nlabels: [MR PRICE]\n---\nA title of the page\n\nText.\n")
    assert [(p.line, p.code, p.message) for p in problems if p.code.startswith("front")] == [
        (2, "front-matter-value", "front matter key 'labels' must be a mapping, not a list")
    ]


def test_label_words_chrome_and_stage_directions_come_from_the_layouts_file() -> None:
    layouts = Layouts(
        questions=frozenset({"frage"}),
        answers=frozenset({"r"}),
        chrome=frozenset({"View settings"}),
        stage_directions=(re.compile(r"(?i)^\(the briefing was concluded[^()]*\)$"),),
    )
    doc, _ = _read(
        "View settings\n\nRegierungspressekonferenz vom 12. Juni\n\n2 July 2021\n\n"
        "Frage: Wann reist der Minister?\n\nR: Morgen.\n\n"
        "(The briefing was concluded at 3:31 p.m.)\n",
        layouts,
    )
    assert doc.meta.title == "Regierungspressekonferenz vom 12. Juni"
    assert [(t.label, t.kind) for t in doc.turns if t.label] == [
        ("Frage", "question"),
        ("R", "answer"),
    ]
    texts = [p.text for t in doc.turns for p in t.paragraphs]
    assert "(The briefing was concluded at 3:31 p.m.)" not in texts
    reasons = {d.text: d.reason for d in doc.dropped}
    assert reasons["View settings"] == "chrome"
    assert reasons["(The briefing was concluded at 3:31 p.m.)"] == "stage-direction"
