"""Who asks and who answers, read from the exchange rather than from a list of label words.

Every text here is a real line of the development corpus (tests/realdocs), shortened.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from parley.model import Metadata, SourceText, Turn
from parley.read.document import read_document
from parley.read.persons import person_name
from parley.read.turns import read_body, read_label
from parley.vocab.vocabulary import load_vocabulary

LAYOUTS = load_vocabulary(Path(__file__).parents[2] / "data")[0].layouts


def read(text: str) -> tuple[Metadata, tuple[Turn, ...]]:
    source = SourceText("t.txt", "t", text, "utf-8", "0")
    document, _ = read_document(source, LAYOUTS)
    return document.meta, document.turns


# -- label grammar -----------------------------------------------------------------------------


def test_a_bare_q_before_the_question_is_a_question_label() -> None:
    white_house = read_label("Q An awful big smile on your face. (Laughter.)")
    eeas = read_label("Q. Do you have a specific proposal you would like to give the Europeans?")
    spanish = read_label("Q. ¿Cuáles son las principales directivas para los próximos cinco años?")
    assert white_house is not None and white_house.kind == "question"
    assert white_house.rest == "An awful big smile on your face. (Laughter.)"
    assert eeas is not None and eeas.kind == "question" and eeas.rest.startswith("Do you")
    assert spanish is not None and spanish.rest.startswith("¿Cuáles")


def test_words_starting_with_q_are_no_label() -> None:
    assert read_label("Qatar reaffirmed its support for the custodianship.") is None
    assert read_label("Q&A session with the minister follows.") is None
    assert read_label("Q4 figures were published today.") is None


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,'", min_size=1, max_size=60))
def test_a_bare_q_keeps_the_whole_question_as_its_text(tail: str) -> None:
    question = "Why" + tail + "?"
    for written in (f"Q {question}", f"Q. {question}", f"Q    {question}"):
        label = read_label(" ".join(written.split()))
        assert label is not None and label.kind == "question"
        assert label.rest == " ".join(question.split())


def test_a_list_of_subjects_is_a_field_of_the_head_not_a_turn() -> None:
    line = (
        "Subjects: ASEAN Australia Summit; Relationship with China; US alliance; AUKUS "
        "agreement; Israel-Hamas conflict; Gaza humanitarian crisis."
    )
    assert read_label(line) is None
    # one semicolon in a real answer does not make a list
    said = read_label("Minister: We agree; and we will act on it together with our partners.")
    assert said is not None and said.kind == "speaker"


def test_a_dateline_city_and_agency_is_no_questioner_label() -> None:
    outlets = frozenset({"spa", "fuji tv"})
    assert read_label("Riyadh, SPA :", outlets) is None
    reporter = read_label("Fujita, Fuji TV: Thank you.", outlets)
    assert reporter is not None and reporter.kind == "question"


def test_answers_after_bare_q_questions_are_the_speakers() -> None:
    lines = [
        "Q. Do you have a specific proposal on how to deal with Turkey?",
        "",
        "You know that we already delivered a communication on that.",
        "",
        "Q. Learning the language of power: what does that imply in your mind?",
        "",
        "Learning the language of power means being able to react using all the tools.",
    ]
    turns = read_body(lines, 0, opening_speaker="Josep Borrell").turns
    assert [(t.kind, t.speaker, t.line) for t in turns] == [
        ("question", None, 1),
        ("answer", "Josep Borrell", 3),
        ("question", None, 5),
        ("answer", "Josep Borrell", 7),
    ]


def test_a_double_office_joined_by_a_slash_is_one_office() -> None:
    assert person_name("High Representative/Vice-President Josep Borrell") == "Josep Borrell"
    assert person_name("Minister/Secretary Jane Doe") == "Jane Doe"
    # a slash between names is no office
    assert person_name("Smith/Jones") == "Smith/Jones"


# -- who asks, who answers, who is the main speaker ------------------------------------------------

INTERVIEW = "\n\n".join(
    (
        (
            "Transcript of Minister for Foreign Affairs Dr Vivian Balakrishnan's Interview "
            "with Doordarshan TV, 17 June 2022"
        ),
        (
            "Ramesh Ramachandran (Interviewer): Hello and welcome. I am Ramesh "
            "Ramachandran, and with me is the Foreign Minister of Singapore."
        ),
        "Minister: Thank you, I am glad to be here.",
        (
            "Ramesh Ramachandran: He is of Indian origin. Do you speak or understand Tamil "
            "at all Mr. Minister?"
        ),
        "Minister: Not enough for interviews.",
    )
)


def test_the_named_interviewer_asks_and_the_office_label_is_the_titles_minister() -> None:
    meta, turns = read(INTERVIEW)
    assert [(t.kind, t.speaker) for t in turns if t.label] == [
        ("question", "Ramesh Ramachandran"),
        ("answer", "Vivian Balakrishnan"),
        ("question", "Ramesh Ramachandran"),
        ("answer", "Vivian Balakrishnan"),
    ]
    assert meta.speakers[0] == "Vivian Balakrishnan"
    assert meta.kind == "interview"


CONVERSATION = "\n\n".join(
    (
        "AFR Business Summit - Sydney, New South Wales - 12/03/2024",
        (
            "Subjects: ASEAN Australia Summit; Relationship with China; US alliance; AUKUS "
            "agreement."
        ),
        (
            "JAMES CURRAN: Well, Minister, congratulations on the milestone. And thank you "
            "very much for being here."
        ),
        (
            "PENNY WONG, FOREIGN MINISTER: Well, thank you, I actually wouldn't have known "
            "to be honest."
        ),
        ("CURRAN: Very kind of her. Very kind of her. Can we begin with last week's ASEAN summit?"),
        "FOREIGN MINISTER: Well, I thought it was a really important summit.",
    )
)


def test_the_questioner_who_speaks_first_is_not_the_main_speaker() -> None:
    meta, turns = read(CONVERSATION)
    assert [(t.kind, t.speaker) for t in turns if t.label] == [
        ("question", "James Curran"),
        ("answer", "Penny Wong"),
        ("question", "James Curran"),
        ("answer", "Penny Wong"),
    ]
    assert meta.speakers[0] == "Penny Wong"
    assert meta.kind == "interview"


BROADCAST = "\n\n".join(
    (
        "White House Press Briefing",
        "Aired December 18, 2002 - 12:48 ET",
        (
            "WOLF BLITZER, CNN ANCHOR: Ari Fleischer, the White House press secretary, has "
            "just started a briefing. Let's listen in."
        ),
        (
            "ARI FLEISCHER, WHITE HOUSE PRESS SECRETARY: He also met with the secretary of "
            "health and human services and the commissioner of the Food and Drug "
            "Administration, where following their meeting with the president the FDA "
            "commissioner and the secretary of HHS announced that the FDA will be moving to "
            "provide more information and more accurate information on foods and dietary "
            "supplements."
        ),
        (
            "And then, following that, the president met with the prime minister and "
            "president of Spain. They are currently still having lunch. At the session in "
            "the Oval Office they talked about regional issues, including the situation "
            "vis-a-vis Iraq and the prospects of making progress toward peace in the Middle "
            "East."
        ),
        "I'm happy to take your questions.",
        (
            "QUESTION: Can you now tell us, does the president believe that Iraq has once "
            "again defied the international community?"
        ),
        (
            "FLEISCHER: Iraq recently submitted to the world a voluminous document that it "
            "purported to be its final, its full, its accurate and complete listing of all "
            "its programs."
        ),
    )
)


def test_an_anchors_hand_over_does_not_make_the_anchor_the_main_speaker() -> None:
    meta, turns = read(BROADCAST)
    assert meta.speakers[0] == "Ari Fleischer"
    blitzer = next(t for t in turns if t.label.startswith("WOLF"))
    assert blitzer.kind == "remarks"  # he asks nothing: no questioner either
    assert [t.speaker for t in turns if t.label == "FLEISCHER"] == ["Ari Fleischer"]


JOINT = "\n\n".join(
    (
        "Press statements following Russian-Turkish talks",
        (
            "President of Russia Vladimir Putin: Mr President, ladies and gentlemen, we "
            "have held substantive talks today and agreed on many points."
        ),
        (
            "President of Turkey Recep Tayyip Erdogan: Thank you, Mr President. We "
            "discussed trade, energy and the situation in Syria at length, and our teams "
            "will meet again next month in Ankara to continue the work on all of these "
            "questions."
        ),
    )
)


def test_the_host_who_opens_a_joint_appearance_stays_the_main_speaker() -> None:
    meta, _ = read(JOINT)
    assert meta.speakers[0] == "Vladimir Putin"


def test_where_no_label_names_an_office_the_one_who_never_asks_answers() -> None:
    """Indonesia's presidency (2025): labels on their own line, in Indonesian; the journalists
    ("Wartawan", "Wartawan asing": a foreign journalist) ask, the President never does."""
    meta, turns = read(
        "Keterangan Pers Presiden Republik Indonesia Usai Hadiri Antalya Diplomacy Forum\n"
        "Wartawan:\nPak, soal rencana evakuasi seribu orang Gaza itu seperti apa sebenarnya, Pak?\n"
        "Presiden Republik Indonesia:\nIya itu kan tawaran kita untuk ikut serta membantu "
        "masalah kemanusiaan. Kita ingin berbuat sesuatu.\n"
        "Wartawan asing:\nMr. President, how do you see the outcome of the China-US war?\n"
        "Presiden Republik Indonesia:\nI hope in the end it will come to some sort of agreement.\n"
        "Wartawan asing:\nSo, you will not cut economic cooperation with China?\n"
        "Presiden Republik Indonesia:\nOh, impossible.\n"
        "Wartawan:\nAda rencana bertemu dengan Trump, Pak? Kapan, Pak?\n"
        "Presiden Republik Indonesia:\nSaya sudah minta waktu, mudah-mudahan ya.\n"
    )
    labelled = [(t.label, t.kind) for t in turns if t.label]
    assert labelled == [
        ("Wartawan", "question"),
        ("Presiden Republik Indonesia", "answer"),
        ("Wartawan asing", "question"),
        ("Presiden Republik Indonesia", "answer"),
        ("Wartawan asing", "question"),
        ("Presiden Republik Indonesia", "answer"),
        ("Wartawan", "question"),
        ("Presiden Republik Indonesia", "answer"),
    ]
    # two kinds of questioner ("a journalist", "a foreign journalist"): not one interviewer
    assert meta.kind == "news-conference"
    assert meta.speakers == ("Presiden Republik Indonesia",)


def test_two_speakers_who_both_ask_leave_the_exchange_undecided() -> None:
    _, turns = read(
        "Joint remarks\n\n"
        "Winston Peters:\nIt has been a pleasure to welcome him again. Do you agree?\n"
        "Alexander Downer:\nI do. And do you agree that the Pacific matters most?\n"
        "Winston Peters:\nCertainly, it does.\n"
    )
    assert not any(t.kind == "question" for t in turns)


def test_a_lower_case_word_qualifies_a_label_only_alone_on_its_line() -> None:
    assert read_label("Wartawan asing:") is not None
    assert read_label("Key points of the agreement:") is None  # four words
    assert read_label("Wartawan asing: Mr. President, how do you see it?") is None
    assert read_label("In short:") is None  # prose


# -- a publisher's question word that asks nothing ----------------------------------------------


def test_a_listed_question_word_whose_turn_asks_nothing_is_a_voice_nobody_names() -> None:
    """MEA labels a voice from the floor "Speaker:" (data/layouts.yaml lists it as a question
    word); DFAT labels its master of ceremonies "Speaker:" too. Only a turn that asks is a
    question; the master of ceremonies' welcome is nobody's, and asks nothing."""
    _, turns = read(
        "Joint press conference with Singapore Foreign Minister Dr Vivian Balakrishnan\n\n"
        "Speaker: Good afternoon. Welcome to the joint conference. May I now invite Minister "
        "Balakrishnan to deliver his remarks, please.\n\n"
        "Vivian Balakrishnan, Minister for Foreign Affairs of Singapore: Thank you. Good "
        "afternoon, everyone, and a warm welcome to an old friend, Minister Penny Wong.\n\n"
        "Penny Wong, Minister for Foreign Affairs of Australia: Thank you, Vivian.\n"
    )
    mc = next(t for t in turns if t.label == "Speaker")
    assert (mc.kind, mc.speaker) == ("remarks", None)
    assert not any(t.kind == "question" for t in turns)


def test_a_listed_question_word_whose_turn_asks_is_a_question() -> None:
    _, turns = read(
        "Transcript of Weekly Media Briefing by the Official Spokesperson\n\n"
        "Shri Randhir Jaiswal, Official Spokesperson: Good afternoon, friends.\n\n"
        "Speaker: Sir, the border issue: what is your response?\n\n"
        "Shri Randhir Jaiswal, Official Spokesperson: We have seen the reports.\n"
    )
    asked = next(t for t in turns if t.label == "Speaker")
    assert (asked.kind, asked.speaker) == ("question", None)
