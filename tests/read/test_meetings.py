"""Readouts (``parley.read.meetings``): who met whom where, as an office's account of a meeting
or a call writes it, on sentences shaped like real readouts of several governments and the UN."""

from __future__ import annotations

from parley.model import SourceText
from parley.read.document import read_document
from parley.read.meetings import read_meeting
from parley.read.persons import counterparts_in

VENUES = {"Downing Street": "London", "Kremlin": "Moscow"}


def met(sentence: str) -> tuple[str, bool, list[tuple[str, str, str]], str | None, bool]:
    found = read_meeting([sentence], VENUES)
    assert found is not None, sentence
    people = [(p.name, p.role, p.country_text) for p in found.met]
    return found.subject, found.subject_is_office, people, found.place, found.call


def test_an_office_meets_a_person_named_with_office_and_country_after_the_name() -> None:
    assert met(
        "The Secretary-General met today in The Hague with Mr. Gennadiy Gatilov, Deputy Foreign "
        "Minister of the Russian Federation."
    ) == (
        "Secretary-General", True,
        [("Gennadiy Gatilov", "Deputy Foreign Minister", "the Russian Federation")],
        "The Hague", False,
    )  # fmt: skip
    assert met(
        "The Secretary-General met today H.E. Mr. Charles Michel, Prime Minister of Belgium."
    )[2] == [("Charles Michel", "Prime Minister", "Belgium")]


def test_a_named_subject_with_its_office_after_it_and_the_place_after_the_people_met() -> None:
    assert met(
        "On Sunday, April 10, commencing at 10:20 p.m. for approximately 40 minutes, Mr. Fumio "
        "Kishida, Minister for Foreign Affairs, held a meeting with H.E. Dr. Frank-Walter "
        "Steinmeier, Federal Minister for Foreign Affairs, Germany, in Hiroshima, during his visit."
    ) == (
        "Fumio Kishida", False,
        [("Frank-Walter Steinmeier", "Federal Minister for Foreign Affairs", "Germany")],
        "Hiroshima", False,
    )  # fmt: skip
    assert met(
        "Vladimir Putin met with President of Turkey Recep Tayyip Erdogan in Sochi to discuss "
        "bilateral relations."
    ) == (
        "Vladimir Putin",
        False,
        [("Recep Tayyip Erdogan", "President", "Turkey")],
        "Sochi",
        False,
    )


def test_a_call_has_no_place_and_a_name_may_follow_its_office() -> None:
    assert met(
        "On March 14, 2016, Foreign Minister Wang Yi held phone talks at request with Foreign "
        "Minister Fumio Kishida of Japan, exchanging views."
    ) == ("Wang Yi", False, [("Fumio Kishida", "Foreign Minister", "Japan")], None, True)
    assert met(
        "The Prime Minister spoke to the President of the United States, Donald Trump, yesterday "
        "afternoon in London."
    ) == ("Prime Minister", True, [("Donald Trump", "President", "the United States")], None, True)


def test_a_venue_is_its_city_and_several_people_met_are_read_in_turn() -> None:
    assert met(
        "The Prime Minister met the United Nations Secretary General, António Guterres, in "
        "Downing Street yesterday for bilateral talks."
    )[2:4] == ([("António Guterres", "Secretary General", "United Nations")], "London")
    assert met(
        "Secretary of State Antony J. Blinken met in Berlin with German Foreign Minister Annalena "
        "Baerbock, UK Foreign Secretary Elizabeth Truss, and others."
    )[2:4] == (
        [("Annalena Baerbock", "Foreign Minister", "German"),
         ("Elizabeth Truss", "Foreign Secretary", "UK")],
        "Berlin",
    )  # fmt: skip


def test_no_meeting_no_country_as_place_and_no_subject_that_is_not_a_person() -> None:
    assert read_meeting(["The ministers discussed trade and the economy at length."]) is None
    assert read_meeting(["Relations between the two countries met with criticism."]) is None
    found = read_meeting(["Prime Minister Jane Doe met President John Roe in Egypt on Monday."])
    assert found is not None and found.place is None  # a country is not the meeting's city


def test_a_title_names_the_person_met_with_the_office_after_the_name() -> None:
    found = counterparts_in(
        "Readout of the Secretary-General’s meeting with H.E. Mr. Barack Obama, President of the "
        "United States of America"
    )
    assert [(p.name, p.role, p.country_text) for p in found] == [
        ("Barack Obama", "President", "the United States of America")
    ]


def test_a_readout_page_gets_speaker_counterparts_place_and_kind_and_explains_them() -> None:
    text = (
        "Welcome to the United Nations. It's your world.\n\nSecretary-General Ban Ki-moon\n\n\n"
        "Readout of the Secretary-General's meeting with the Deputy Foreign Minister\n\n"
        "The Secretary-General met today in The Hague with Mr. Gennadiy Gatilov, Deputy Foreign "
        "Minister of the Russian Federation. Minister Gatilov said he was pleased.\n\n"
        "They also discussed efforts to convene a political conference on Syria in Geneva.\n"
    )
    document, _ = read_document(SourceText("readout.txt", "readout", text, "utf-8", "0"))
    meta = document.meta
    assert meta.speakers == ("Ban Ki-moon",)
    assert [(c.name, c.country_text) for c in meta.counterparts] == [
        ("Gennadiy Gatilov", "the Russian Federation")
    ]
    assert meta.place is not None and meta.place.city == "The Hague"
    assert meta.kind == "statement"  # no article for "Minister Gatilov said": a readout
    rules = {r.field: r.rule for r in document.reasons}
    assert rules["place"] == "text: a readout's first sentences (who met whom, where)"


def test_a_meeting_in_a_reporters_words_is_an_article_with_speaker_place_counterpart() -> None:
    """ "hosted his Turkish counterpart" is how the press writes it: an article, not a readout."""
    text = (
        "Key takeaways from Sochi talks between Putin and Erdogan\n\n"
        "Russian President Vladimir Putin has hosted his Turkish counterpart Recep Tayyip Erdogan "
        "in the resort city of Sochi for long-anticipated bilateral talks.\n\n"
        "Monday’s discussions included a closed-door meeting between the two delegations.\n"
    )
    document, _ = read_document(SourceText("rt.txt", "rt", text, "utf-8", "0"))
    meta = document.meta
    assert meta.kind == "article"
    assert meta.speakers == ("Vladimir Putin",)
    assert [(c.name, c.country_text) for c in meta.counterparts] == [
        ("Recep Tayyip Erdogan", "Turkish")
    ]
    assert meta.place is not None and meta.place.city == "Sochi"


def test_talks_of_a_speaker_named_by_family_name_first_give_the_counterpart() -> None:
    text = (
        "Chinese Foreign Minister Wang Yi on Sunday urged Japan to improve ties\n\n"
        "Wang held talks with visiting Japanese Foreign Minister Taro Kono in Beijing on Sunday, "
        "Xinhua news agency reported. Wang said China had noticed the recent positive comments.\n"
    )
    document, _ = read_document(SourceText("w.txt", "w", text, "utf-8", "0"))
    assert [(c.name, c.country_text) for c in document.meta.counterparts] == [
        ("Taro Kono", "Japanese")
    ]


def test_at_joint_statements_other_leaders_labelled_with_a_country_are_counterparts() -> None:
    text = (
        "Press statements following Russian-Indian talks\n\n"
        "December 6, 2021, New Delhi\n\n"
        "Prime Minister of India Narendra Modi (retranslated): Your Excellency, my friend,\n\n"
        "I welcome you to India.\n\n"
        "President of Russia Vladimir Putin: Mr Prime Minister, friends,\n\n"
        "Thank you for the invitation.\n\n"
        "MODERATOR: Thank you, that concludes the statements.\n"
    )
    document, _ = read_document(SourceText("k.txt", "k", text, "utf-8", "0"))
    meta = document.meta
    assert meta.speakers[:1] == ("Narendra Modi",)
    assert [(c.name, c.role, c.country_text) for c in meta.counterparts] == [
        ("Vladimir Putin", "President", "Russia")
    ]
    rules = {r.field: r.rule for r in document.reasons}
    assert rules["counterparts"].startswith("labels: the other leaders speaking")


def test_every_meeting_verb_passes_the_cheap_pre_test() -> None:
    """The words tested before the pattern must cover every verb the pattern knows."""
    from parley.read.meetings import MEETING_HINTS, MEETING_VERB

    verbs = ["met", "meets", "hosted", "hosts", "received", "receives", "spoke to", "speaks with"]
    verbs += [f"{aux} {noun}" for aux in ("held", "holds", "had", "has")
              for noun in ("talks", "a meeting", "meetings", "a conversation", "a call",
                           "discussions", "a discussion", "consultations")]  # fmt: skip
    for verb in verbs:
        sentence = f"The Minister {verb} with the Prime Minister of Belgium."
        assert MEETING_VERB.search(sentence), verb
        assert any(word in sentence for word in MEETING_HINTS), verb


def test_a_later_meeting_sentence_gives_the_place_the_first_left_out() -> None:
    # FCDO, 22 September 2022: the trilateral meeting's city is in the next paragraph
    found = read_meeting(
        [
            "Foreign Secretary James Cleverly held a trilateral meeting with Polish Foreign "
            "Minister, Zbigniew Rau, and Ukrainian Foreign Minister Dmytro Kuleba.",
            "Foreign Ministers of Poland, Ukraine and the United Kingdom met in New York on 21 "
            "September 2022 and agreed to:",
        ]
    )
    assert found is not None and found.place == "New York"
    # a call has no place, whatever a later sentence says
    call = read_meeting(
        [
            "Prime Minister Jane Doe held a phone call with President John Roe of Ruritania.",
            "The leaders met in Geneva last year and agreed to meet again.",
        ]
    )
    assert call is not None and call.place is None
