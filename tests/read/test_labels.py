"""Role labels resolve to the person the document names with that office, and questions from
reporters decide the kind where the title does not."""

from __future__ import annotations

import re

import pytest

from parley.model import Diagnostic, Document, Layouts, Place, SourceText
from parley.read.document import read_document
from parley.read.labels import by_initials, clean_person, full_name_in_text, role_holder, role_key
from parley.read.turns import read_label

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


# Press conference records name a reporter "Surname, Outlet" or "Outlet, Surname"; a speaker's
# comma label gives a person and an office.
@pytest.mark.parametrize(
    ("text", "kind", "outlet"),
    [
        ("Fujita, Fuji TV: Does the Government intend to protest?", "question", "Fuji TV"),
        ("Abe, Asahi Shimbun: The bodies were returned yesterday.", "question", "Asahi Shimbun"),
        ("Kyodo News, Katsurada: I have a question.", "question", "Kyodo News"),
        ("Toba, NHK: What is your view?", "question", "NHK"),
        ("Sergey Lavrov, Foreign Minister: Thank you.", "speaker", ""),
        ("Shri Yatin Patel, OSD (PR): Sir, the first question.", "speaker", ""),
        ("Mr. Fumio Kishida, Minister for Foreign Affairs: Japan protested.", "speaker", ""),
        ("Lavrov, Sergey: Thank you.", "speaker", ""),
        ("Washington, DC: The talks went on.", "speaker", ""),
        ("New York, NY: The talks went on.", "speaker", ""),
        ("NEW YORK, NY: The talks went on.", "speaker", ""),
    ],
)
def test_a_surname_and_an_outlet_make_a_questioners_label(
    text: str, kind: str, outlet: str
) -> None:
    label = read_label(text)
    assert label is not None
    assert (label.kind, label.outlet) == (kind, outlet)


def test_a_journalist_who_names_themself_is_a_questioner_even_if_the_answerer_spoke_once() -> None:
    doc, _ = _read(
        "Transcript of Weekly Media Briefing by the Official Spokesperson (April 25, 2024)\n\n"
        "Shri Randhir Jaiswal, Official Spokesperson: Good afternoon. I would open the floor.\n\n"
        "Ayushi: Sir this is Ayushi Agarwal from ANI. There have been protests in the US.\n\n"
        "Sudhi: Sir, Sudhi Ranjan from Bloomberg. We have seen some statements.\n\n"
        "Suhasini: This is Suhasini Haidar from the Hindu. I have a two-parter.\n"
    )
    assert [(label, kind) for label, _, kind in _speakers(doc)] == [
        ("Shri Randhir Jaiswal, Official Spokesperson", "remarks"),
        ("Ayushi", "question"),
        ("Sudhi", "question"),
        ("Suhasini", "question"),
    ]


def test_a_one_word_label_that_neither_asks_nor_introduces_itself_is_no_question() -> None:
    doc, _ = _read(
        "Transcript of Weekly Media Briefing by the Official Spokesperson (April 25, 2024)\n\n"
        "Shri Randhir Jaiswal, Official Spokesperson: Good afternoon.\n\n"
        "Note: the briefing started late.\n"
    )
    assert [kind for _, _, kind in _speakers(doc)] == ["remarks"]


def test_an_officer_reading_out_reporters_questions_puts_a_question_turn() -> None:
    doc, _ = _read(
        "Transcript of Virtual Weekly Media Briefing by the Official Spokesperson "
        "(January 28, 2021)\n\n"
        "Shri Anurag Srivastava, Official Spokesperson: Namaskar. Yatin, please take over.\n\n"
        "Shri Yatin Patel, OSD (PR):\n"
        'Sir, first set of question is on vaccines, Vishnu Som from NDTV has asked "How many '
        'partner nations have we supplied?" Siddhant from WION is asking about Afghanistan.\n\n'
        "Shri Anurag Srivastava, Official Spokesperson: As I had mentioned last time, many.\n"
    )
    assert [(label, speaker, kind) for label, speaker, kind in _speakers(doc)] == [
        ("Shri Anurag Srivastava, Official Spokesperson", "Anurag Srivastava", "remarks"),
        ("Shri Yatin Patel, OSD (PR)", None, "question"),
        ("Shri Anurag Srivastava, Official Spokesperson", "Anurag Srivastava", "answer"),
    ]
    relayed = next(t for t in doc.turns if t.kind == "question")
    assert relayed.resolution == "questioner: reads out reporters' questions"  # --explain


def test_the_spokesperson_quoting_a_question_still_answers() -> None:
    doc, _ = _read(
        "Weekly Media Briefing by the Official Spokesperson (January 28, 2021)\n\n"
        "Question: What about vaccines?\n\n"
        "Shri Anurag Srivastava, Official Spokesperson: Vishnu Som from NDTV has asked about "
        "this before, and the answer is the same.\n"
    )
    assert [kind for _, _, kind in _speakers(doc)] == ["question", "answer"]


def test_a_surname_label_takes_the_full_name_said_once_anywhere_in_the_text() -> None:
    doc, problems = _read(
        "2:02 p.m. EST\n\n"
        "MR PRICE: Good afternoon. We have two guests: Ambassador John Bass and our colleague.\n\n"
        "QUESTION: A very special day?\n\n"
        "UNDER SECRETARY BASS: Thank you, Ned. It's not Ned Price Day, but maybe it should be.\n\n"
        "MR PRICE: This was not part of the program.\n"
    )
    assert [(label, speaker) for label, speaker, _ in _speakers(doc)] == [
        ("MR PRICE", "Ned Price"),
        ("QUESTION", None),
        ("UNDER SECRETARY BASS", "John Bass"),
        ("MR PRICE", "Ned Price"),
    ]
    assert doc.turns[-1].resolution == (
        "surname of Ned Price, the full name the text gives once"
    )  # --explain
    assert not [p for p in problems if p.code == "label-unresolved"]


@pytest.mark.parametrize(
    ("surname", "texts", "expected"),
    [
        ("BOUCHER", ["Daily Press Briefing Richard Boucher, Spokesman"], "Richard Boucher"),
        ("PRICE", ["Thank you, Ned. It's not Ned Price Day."], "Ned Price"),
        ("PRICE", ["Ambassador Price and Secretary Price met Mr Price."], None),
        ("PRICE", ["Ned Price spoke.", "Alan Price spoke."], None),  # two first names
        ("Price", ["George W. Price spoke."], "George W. Price"),
        ("PRICE", ["Ich hätte eine Frage an Herrn Price."], None),
        ("PRICE", ["Prices rose; Ned Pricewell spoke."], None),
    ],
)
def test_full_name_in_text_is_the_one_first_name_written_before_the_surname(
    surname: str, texts: list[str], expected: str | None
) -> None:
    assert full_name_in_text(surname, texts) == expected


def test_a_courtesy_title_in_another_language_is_no_first_name() -> None:
    doc, problems = _read(
        "Regierungspressekonferenz vom 7. November 2016\n\n"
        "Frage: Ich hätte eine Frage an Herrn Hille vom Verkehrsministerium: Wie bewerten "
        "Sie das?\n\n"
        "Hille: Uns liegen keine Informationen vor.\n",
        Layouts(questions=frozenset({"frage"})),
    )
    assert [(label, speaker) for label, speaker, _ in _speakers(doc)] == [
        ("Frage", None),
        ("Hille", "Hille"),
    ]
    warned = [p.message.split(";")[0] for p in problems if p.code == "label-unresolved"]
    assert warned == ['the label "Hille" names nobody the document names in full']


def test_staff_labelled_by_courtesy_title_answering_questions_make_a_briefing() -> None:
    def kind(text: str) -> str:
        doc = _read(text)[0]
        why = next(r for r in doc.reasons if r.field == "kind")
        assert why.rule.startswith("turns: questions answered by ")  # --explain names the rule
        return doc.meta.kind

    assert (
        kind(
            "2:09 p.m. EST\n\nMR PRICE: Good afternoon.\n\nQUESTION: Will the Secretary travel?\n\n"
            "MR PRICE: He will.\n\nQUESTION: When?\n\nMR PRICE: Soon.\n"
        )
        == "briefing"
    )
    # the principal answers most, the courtesy-titled moderator only calls on reporters
    assert (
        kind(
            "2:09 p.m. EST\n\nMR PRICE: The Secretary will take two questions.\n\n"
            "QUESTION: Will you travel?\n\nSECRETARY BLINKEN: I will.\n\n"
            "QUESTION: When?\n\nSECRETARY BLINKEN: Soon.\n"
        )
        == "news-conference"
    )


def test_a_spokesperson_named_in_the_title_briefs_even_before_the_first_question() -> None:
    doc, _ = _read(
        "Tammy Bruce, Department Spokesperson\n\nWashington, DC\n\n2:38 p.m. EDT\n\n"
        "MS BRUCE: Hi, everybody. I have a couple of announcements.\n\n"
        "We are following the situation in Texas.\n"
    )
    assert doc.meta.kind == "briefing"
    speech = _read(
        "Tammy Bruce, Department Spokesperson\n\nWashington, DC\n\n2:38 p.m. EDT\n\n"
        "Thank you all for coming.\n"
    )[0]
    assert speech.meta.kind == "other"  # no speaker label: not a transcript of a briefing


def test_a_briefing_that_calls_itself_a_transcript_is_no_article() -> None:
    head = (
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n"
        "24 April 2015\n\n"
    )
    report = (
        "This morning, UN Humanitarian Chief Valerie Amos briefed the Security Council.\n\n"
        "Ms. Amos said that there is no humanitarian solution to the Syria crisis, and she "
        "called for the violence to end.\n"
    )
    intro = (
        "The following is a near-verbatim transcript of today's noon briefing by Stéphane "
        "Dujarric, Spokesman for the Secretary-General.\n\nGood afternoon.\n\n"
    )
    assert _read(head + intro + report)[0].meta.kind == "briefing"
    assert _read(head + report)[0].meta.kind == "article"  # speech reported, no transcript


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("BRIEFER: Richard Boucher, Spokesman", None),
        ("MODERATOR: Jane Smith, Deputy Press Secretary", None),
        ("NHK, Yamamoto: Another question?", ("question", "NHK")),
        ("QUESTION: Richard Boucher, Spokesman", ("question", "")),  # a question word asks
        ("BOUCHER: Thank you, Spokesman Smith.", ("speaker", "")),  # words said
    ],
)
def test_a_one_word_label_before_only_a_name_and_office_is_a_header_field(
    text: str, label: tuple[str, str] | None
) -> None:
    found = read_label(text)
    assert (found and (found.kind, found.outlet)) == label


def test_a_role_label_resolves_to_the_full_name_before_that_office_in_the_text() -> None:
    doc, problems = _read(
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n"
        "27 April 2017\n\n"
        "The following is a near-verbatim transcript of today's noon briefing by Stéphane "
        "Dujarric, Spokesman for the Secretary-General.\n\n"
        "Good afternoon.\n\nQuestion: Steph, on Syria?\n\nSpokesman: We have nothing new.\n"
    )
    assert _speakers(doc)[-1] == ("Spokesman", "Stéphane Dujarric", "answer")
    assert not [p for p in problems if p.code == "label-unresolved"]


def test_an_abbreviated_office_nobody_named_holds_is_credited_written_out() -> None:
    doc, problems = _read(
        "Secretary-General's press encounter\n\nMoscow, 16 May 2001\n\n"
        "SG: Good afternoon.\n\nQ: What about Iraq?\n\nSG: We discussed it.\n"
    )
    assert [speaker for _, speaker, kind in _speakers(doc) if kind != "question"] == [
        "Secretary-General",
        "Secretary-General",
    ]
    warned = [p.message for p in problems if p.code == "label-unresolved"]
    assert warned == [
        'the label "SG" names nobody the document names in full; its turns are credited to '
        '"Secretary-General"'
    ]


def test_a_courtesy_titled_speaker_who_opens_a_talk_with_an_office_holder_moderates() -> None:
    talk = (
        "Remarks at the U.S. Institute of Peace\n\nJohn Kerry\nSecretary of State\n"
        "Washington, DC\nJanuary 10, 2017\n\n"
        "MS WOODRUFF: Thank you, Nancy. Mr. Secretary, you sprinted across the street.\n\n"
        "SECRETARY KERRY: My sprinting days are reduced, but I came.\n\n"
        "MS WOODRUFF: So the format is that I will ask some questions of the Secretary.\n\n"
        "SECRETARY KERRY: Good.\n"
    )
    doc, _ = _read(talk)
    assert [(label, kind) for label, _, kind in _speakers(doc)] == [
        ("MS WOODRUFF", "question"),
        ("SECRETARY KERRY", "answer"),
        ("MS WOODRUFF", "question"),
        ("SECRETARY KERRY", "answer"),
    ]
    assert doc.meta.kind == "interview"
    # two courtesy-titled speakers: nobody is known to hold an office, so nobody moderates
    plain = _read(talk.replace("SECRETARY KERRY", "MR KERRY"))[0]
    assert {kind for _, _, kind in _speakers(plain)} == {"remarks"}


def test_a_recordings_transcript_labels_by_office_in_lower_case_with_time_codes() -> None:
    """Rev's layout: "Role (mm:ss):" and "Speaker 1 (mm:ss):" labels on their own line, a
    reporter by first name; the office's head word names the one spokesperson of the text.
    "Speaker" opens a question where the layouts file says so (data/layouts.yaml does)."""
    doc, _ = _read(
        "Department of State Daily Press Briefing May 8, 2023 Transcript\n\n"
        "Department Press Briefing with Principal Deputy Spokesperson Vedant Patel, at the "
        "Department of State, on May 8, 2023.\n\n"
        "Department of State spokesperson (00:00):\n\nGood afternoon, everybody.\n\n"
        "Speaker 1 (00:01):\n\nGood afternoon. You're early.\n\n"
        "Department of State spokesperson (00:05):\n\nI know.\n\n"
        "Matt (00:06):\n\nThree minutes early. Anything on the weekend?\n\n"
        "Department of State spokesperson (00:07):\n\nNothing to add, Matt.\n\n"
        "Matt (00:09):\n\nReally?\n",
        Layouts(questions=frozenset({"speaker"})),
    )
    assert _speakers(doc) == [
        ("Department of State spokesperson (00:00)", "Vedant Patel", "remarks"),
        ("Speaker 1 (00:01)", None, "question"),
        ("Department of State spokesperson (00:05)", "Vedant Patel", "answer"),
        ("Matt (00:06)", None, "question"),
        ("Department of State spokesperson (00:07)", "Vedant Patel", "answer"),
        ("Matt (00:09)", None, "question"),
    ]
    assert doc.meta.speakers == ("Vedant Patel",)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (
            "Department of State spokesperson (00:43): I have nothing.",
            "Department of State spokesperson",
        ),
        ("Speaker 2 (01:02:03): Thank you.", "Speaker 2"),
        (
            "Dr Ayanda Ntsaluba, Director-General, Department of International Relations and "
            "Cooperation: Good morning.",
            "Dr Ayanda Ntsaluba, Director-General, Department of International Relations and "
            "Cooperation",
        ),
        (
            "Mr. Masato Ohtaka, Deputy Press Secretary, Ministry of Foreign Affairs: Good day.",
            "Mr. Masato Ohtaka, Deputy Press Secretary, Ministry of Foreign Affairs",
        ),
    ],
)
def test_label_shapes_of_offices_recordings_and_institutions(line: str, name: str) -> None:
    label = read_label(line)
    assert label is not None and label.kind == "speaker" and label.name == name


@pytest.mark.parametrize(
    "line",
    [
        "Speaker 123: a number this long is no voice of a recording.",
        "Article 5: an attack on one is an attack on all.",
        "Moscow, Beijing, Tehran: the axis of upheaval.",  # two commas, no office
        "the spokesperson: said nothing.",  # a sentence, not a label
    ],
)
def test_shapes_that_are_no_label(line: str) -> None:
    label = read_label(line)
    assert label is None or label.kind != "speaker"


def test_words_before_an_office_in_a_label_belong_to_it() -> None:
    assert clean_person("DFA SPOKESPERSON DAZA") == "Daza"
    assert clean_person("Russian Foreign Minister Sergey Lavrov") == "Sergey Lavrov"
    assert clean_person("Mr. OHTAKA Masato, Press Secretary") == "Masato Ohtaka"
    assert clean_person("Department of State spokesperson") == ""


def test_an_office_named_by_its_head_word_is_the_one_holder_of_that_office() -> None:
    roles = [("Principal Deputy Spokesperson", "Vedant Patel"), ("Secretary", "Antony Blinken")]
    assert role_holder("Department of State spokesperson", roles, None)[0] == "Vedant Patel"
    # two spokespeople: no guess
    two = [*roles, ("Spokesperson", "Ned Price")]
    assert role_holder("Department of State spokesperson", two, None)[0] is None


def test_a_counter_after_a_word_and_a_colon_is_page_furniture_not_a_speaker() -> None:
    assert read_label("Views: 3955") is None
    assert read_label("Comments: 1,501") is None


def test_a_place_alone_before_a_colon_heads_the_text_and_speaks_nothing() -> None:
    # a briefing's record opens "Islamabad: Questions and Answers"; a capital is nobody's name
    assert read_label("Islamabad: Questions and Answers") is None
    assert read_label("Pakistan: Questions and Answers") is None
    assert read_label("Lavrov: We will respond") is not None


def test_a_briefing_by_the_spokesperson_whom_nobody_names_is_the_spokespersons() -> None:
    doc, _ = _read(
        "Record of the Press Briefing by Spokesman on 24 February 2012\n\n"
        "Islamabad: Questions and Answers\n\n"
        "Q: What are your comments on the meeting?\n\n"
        "A: The meeting was positive and constructive.\n\n"
        "Q: Your comments?\n\n"
        "A: I do not know what they have said publicly.\n"
    )
    assert doc.meta.speakers == ("Spokesman",)
    assert _speakers(doc) == [
        ("Q", None, "question"),
        ("A", "Spokesman", "answer"),
        ("Q", None, "question"),
        ("A", "Spokesman", "answer"),
    ]


def test_labels_of_initials_stand_for_the_people_the_title_names_in_full() -> None:
    doc, _ = _read(
        "Transcript -- NewsHour Senior Correspondent Margaret Warner Interviews Egyptian Foreign"
        " Minister Ahmed Aboul Gheit\n\n"
        "MW: Foreign Minister Aboul Gheit thank you for having us\n"
        "AAG: thank you, thank you for coming\n\n"
        "MW: How do you define what is going on in Egypt right now?\n"
        "AAG: It is an upheaval that is transforming Egypt from one era to a new era.\n"
        "MW: Do you regard that as helpful advice from a friend?\n"
        "AG: No, not at all. Better understand the Egyptian sensitivities.\n"
    )
    # "AG" (once, a slip for "AAG") is his too: the initials of the last words of his name
    assert _speakers(doc) == [
        ("MW", "Margaret Warner", "question"),
        ("AAG", "Ahmed Aboul Gheit", "answer"),
        ("MW", "Margaret Warner", "question"),
        ("AAG", "Ahmed Aboul Gheit", "answer"),
        ("MW", "Margaret Warner", "question"),
        ("AG", "Ahmed Aboul Gheit", "answer"),
    ]
    assert doc.meta.speakers == ("Ahmed Aboul Gheit",)


def test_initials_that_two_people_share_stand_for_nobody() -> None:
    assert by_initials("MW", ["Margaret Warner", "Mark Walker"]) is None
    assert by_initials("MW", ["Margaret Warner", "Ahmed Aboul Gheit"]) == "Margaret Warner"
    assert by_initials("Mw", ["Margaret Warner"]) is None  # a name, not initials


def test_answers_are_the_interviewees_the_line_under_the_title_names() -> None:
    doc, _ = _read(
        "NEW OSCE CHAIRMAN-IN-OFFICE SEES NO NECESSITY IN REFORMING ORGANIZATION\n"
        "Trend News Agency\nDec 25 2008\n"
        "Trend News written interview with the newly appointed OSCE\n"
        "chairman-in-office, Greek foreign minister Dora Bakoyyanis.\n"
        "Question: What priority does Greece set for its term of chairmanship\n"
        "at the OSCE? Do you see any need to reform the OSCE?\n"
        "Answer: I don't think there is a need to reform the OSCE. Instead I\n"
        "believe that the Organization needs our full support.\n"
    )
    assert doc.meta.speakers == ("Dora Bakoyyanis",)
    assert _speakers(doc) == [
        ("Question", None, "question"),
        ("Answer", "Dora Bakoyyanis", "answer"),
    ]


def test_a_role_named_in_brackets_is_that_person_then_and_when_written_alone() -> None:
    doc, _ = _read(
        "Transcript of Minister for Foreign Affairs Dr Vivian Balakrishnan's Press Conference at "
        "the ASEAN Foreign Ministers' Retreat\n\n"
        "Moderator (Director/Strategic Communications Directorate, MFA, Teo Lay Cheng): Good "
        "afternoon, everyone. Could I have the first question?\n\n"
        "Minister: Okay, who is going to begin?\n\n"
        "Moderator: Dylan?\n\n"
        "CNA (Senior Journalist, Dylan Loh): Hi, Dr Balakrishnan. Were there any tensions?\n\n"
        "Minister: Okay short answer to that question is no.\n"
    )
    # the moderator who calls on reporters asks nothing of the minister; the outlet's reporter
    # (a journalist's job in the brackets) does
    assert _speakers(doc) == [
        ("Moderator (Director/Strategic Communications Directorate, MFA, Teo Lay Cheng)",
         "Teo Lay Cheng", "remarks"),
        ("Minister", "Vivian Balakrishnan", "remarks"),
        ("Moderator", "Teo Lay Cheng", "remarks"),
        ("CNA (Senior Journalist, Dylan Loh)", None, "question"),
        ("Minister", "Vivian Balakrishnan", "answer"),
    ]  # fmt: skip
    assert [t.outlet for t in doc.turns if t.kind == "question"] == ["CNA"]


def test_a_field_of_subjects_is_no_speaker() -> None:
    assert (
        read_label("Subjects: Australia-Singapore relations, green energy, G20 meetings.") is None
    )


def test_the_host_who_opens_a_joint_appearance_is_the_main_speaker_whoever_prints_it() -> None:
    # Singapore's page of a press availability at the State Department: Blinken opens
    doc, _ = _read(
        "Transcript of Minister for Foreign Affairs Dr Vivian Balakrishnan's and United States "
        "Secretary of State Antony J. Blinken’s Joint Press Availability, 16 June 2023\n\n"
        "United States Secretary of State Antony J. Blinken: Vivian, Foreign Minister, it is "
        "wonderful to have you here at the State Department.\n"
    )
    assert doc.meta.speakers == ("Antony J. Blinken",)
    assert [c.name for c in doc.meta.counterparts] == ["Vivian Balakrishnan"]


def test_the_host_is_never_their_own_counterpart_the_guest_the_opening_names_is() -> None:
    # the Australian minister's page: "with" names the host, who opens after the MC
    doc, _ = _read(
        "Joint press conference with Singapore Foreign Minister Dr Vivian Balakrishnan\n\n"
        "Speaker: Good afternoon. Welcome to the joint conference between Singapore’s Foreign "
        "Minister Dr Vivian Balakrishnan and Australia’s Foreign Minister Penny Wong. May I now "
        "invite Minister Balakrishnan to deliver his remarks, please.\n\n"
        "Vivian Balakrishnan, Minister for Foreign Affairs of Singapore: Thank you. Good "
        "afternoon, everyone, and a warm welcome to an old friend, Minister Penny Wong.\n"
    )
    assert doc.meta.speakers == ("Vivian Balakrishnan",)
    assert [(c.name, c.country_text) for c in doc.meta.counterparts] == [
        ("Penny Wong", "Australia’s")
    ]


def test_a_guest_the_host_welcomes_by_name_and_office_is_the_counterpart() -> None:
    doc, _ = _read(
        "Africa: Press Availability With Kenyan Foreign Minister Monica Juma\n\n"
        "March 09, 2018 / --\n\n"
        "FOREIGN MINISTER JUMA: Thank you. Excellency Mr. Rex Tillerson, Secretary of State, "
        "United States of America, colleagues from the Ministry of Foreign Affairs: I am "
        "delighted to welcome and host His Excellency Rex Tillerson.\n\n"
        "On behalf of His Excellency President Uhuru Kenyatta, I express our gratitude.\n"
    )
    assert doc.meta.speakers == ("Monica Juma",)
    assert [c.name for c in doc.meta.counterparts] == ["Rex Tillerson"]


def test_a_surname_labels_use_alone_takes_all_its_given_names_from_the_text() -> None:
    texts = ["Press Briefing of DFA Spokesperson Maria Theresa Daza", "Thank you, Theresa Daza."]
    assert full_name_in_text("DAZA", texts) == "Maria Theresa Daza"
    # an office or the page's words before the given names are none of them
    assert full_name_in_text("Bass", ["I am pleased to introduce Ambassador John Bass"]) == (
        "John Bass"
    )
    assert full_name_in_text("Boucher", ["Daily Press Briefing Richard Boucher"]) == (
        "Richard Boucher"
    )


def test_the_host_named_first_among_the_titles_principals_is_no_counterpart() -> None:
    doc, _ = _read(
        "Press Conference with British Foreign Secretary Jack Straw and Foreign Minister Silvan "
        "Shalom\n\n"
        "JACK STRAW: Today I met with the Israeli Foreign Minister Silvan Shalom.\n\n"
        "JACK STRAW: We also discussed the latest developments.\n"
    )
    assert doc.meta.speakers == ("Jack Straw",)
    assert [c.name for c in doc.meta.counterparts] == ["Silvan Shalom"]


def test_a_surname_with_its_institution_in_brackets_is_a_speaker_even_once() -> None:
    # the Federal Press Conference's record labels every speaker "Surname (Institution):"
    label = read_label(
        "Wirtz (Bundesregierung): Weiterhin sind heute für zwei UN-Missionen die Voraussetzungen"
        " geschaffen worden, um sie zu verlängern."
    )
    assert label is not None and label.name == "Wirtz"
    doc, _ = _read(
        "Erklärungen des Sprechers des Auswärtigen Amts in der Bundespressekonferenz\n\n"
        "Wirtz (Bundesregierung): Weiterhin sind heute für zwei UN-Missionen die Voraussetzungen"
        " geschaffen worden, um sie zu verlängern.\n\n"
        "Zu UNAMID im Einzelnen: Die Lage in Darfur bleibt weiterhin angespannt.\n"
    )
    assert _speakers(doc) == [("Wirtz (Bundesregierung)", "Wirtz", "remarks")]


def test_a_city_with_an_agency_in_brackets_is_a_dateline_not_a_speaker() -> None:
    doc, _ = _read(
        "Clinton and Lavrov hail new U.S.-Russia approach\n\n"
        "GENEVA (Reuters) - Russian Foreign Minister Sergei Lavrov hailed his relationship with "
        "Hillary Clinton, who praised a new start in U.S.-Russian ties.\n\n"
        "Geneva (Reuters): The two ministers met for the first time on Friday evening.\n"
    )
    assert _speakers(doc) == []


def test_a_numbered_question_labelled_by_its_outlet_is_a_question_from_that_outlet() -> None:
    label = read_label(
        "2. TG&VN: Please comment on the fact that Viet Nam was the first country the Japanese "
        "Prime Minister visited?"
    )
    assert label is not None
    assert (label.text, label.kind, label.outlet) == ("2. TG&VN", "question", "TG&VN")
    # a numbered item that asks nothing is a list item, not a question
    assert read_label("1. Viet Nam: the consistent stance is to oppose the so-called city.") is None


def test_a_joint_press_conference_named_so_above_the_transcript_has_the_guest_it_names() -> None:
    doc, _ = _read(
        "Full Text: US President Donald Trump's remarks at joint White House briefing\n\n"
        "Following are the remarks delivered by U.S. President Donald Trump on Wednesday at the "
        "White House joint news briefing together with Israeli Prime Minister Benjamin "
        "Netanyahu.\n\n"
        "East Room 12:15 P.M. EST\n\n"
        "PRESIDENT TRUMP: Thank you very much. Today I have the honor of welcoming my friend, "
        "Prime Minister Benjamin Netanyahu, to the White House.\n\n"
        "PRESIDENT TRUMP: The state of Israel is a symbol to the world of resilience.\n"
    )
    assert doc.meta.speakers[0].endswith("Trump")
    assert [(c.name, c.country_text) for c in doc.meta.counterparts] == [
        ("Benjamin Netanyahu", "Israeli")
    ]


def test_a_conversation_labelled_by_surnames_alone_is_read_even_when_each_speaks_once() -> None:
    doc, _ = _read(
        "Full text: Trump and Netanyahu meet at the White House\n\n"
        "Trump: Thank you very much. It's a great honor to have Prime Minister Netanyahu with us. "
        "We have right now probably the best relationship with Israel we've ever had.\n\n"
        "Netanyahu: Thank you. Mr. President, Donald, Melania, Sara and I want to thank you for "
        "your extraordinary friendship and hospitality. It's always a pleasure to see you both.\n"
    )
    assert [(label, kind) for label, _, kind in _speakers(doc)] == [
        ("Trump", "remarks"),
        ("Netanyahu", "remarks"),
    ]
    # one short "Note: ..." among long paragraphs is no conversation
    doc, _ = _read(
        "Title line of a report\n\nNote: This article was updated.\n\n"
        "Update: The ministry said on Friday it had summoned the ambassador over the remarks "
        "made by the minister earlier in the week at a rally.\n"
    )
    assert _speakers(doc) == []
