"""Who a news report is about and whom they met: rules read from how reports are written.

Every text is a real line of the development corpus (tests/realdocs), shortened.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.model import Layouts, SourceText
from parley.read.article import (
    attributions,
    counterpart_phrases,
    country_written,
    full_names,
    joint_counterpart,
    lead_subject,
    main_speaker,
    meeting_counterparts,
    same_person,
    short_name,
)
from parley.read.document import OFFICE_SAID, read_document
from parley.read.labels import clean_person
from parley.read.meetings import read_meeting
from parley.read.persons import TALKS_WITH, counterparts_in, possessive
from parley.read.titles import title_speakers


def said_by(text: str) -> list[str]:
    return [a.name for a in attributions([text])]


def test_a_name_with_its_office_between_commas_is_who_said_it() -> None:
    text = (
        "Adel bin Ahmed Al-Jubeir, the Foreign Minister, said that the joint meeting between "
        "Gulf Cooperation Council (GCC) foreign ministers and John Kerry discussed relations."
    )
    assert [name.split()[-1] for name in said_by(text)] == ["Al-Jubeir"]


def test_two_people_joined_before_the_verb_both_said_it() -> None:
    text = "Sergei Lavrov and Hillary Clinton said they will rebuild bilateral relations."
    assert said_by(text) == ["Sergei Lavrov", "Hillary Clinton"]


def test_an_initial_without_its_dot_is_part_of_the_name() -> None:
    text = '"Our meeting is devoted to assessing our ties," news agency PTI quoted S Jaishankar.'
    assert said_by(text) == ["S Jaishankar"]


def test_the_texts_full_name_wins_over_the_headlines_shorthand() -> None:
    headline = "Russian FM Lavrov, U.S. State Secretary Clinton content with talks"
    lead = [
        "GENEVA, March 7 (RIA Novosti) - Russia's foreign minister and the U.S. secretary of "
        "state have said they are content with their talks in Geneva.",
        "Sergei Lavrov and Hillary Clinton said they will rebuild bilateral relations and try to "
        "reach an agreement on a new strategic arms reduction treaty.",
    ]
    assert main_speaker(headline, lead) == "Sergei Lavrov"
    # an acronym ("FM") ends a run of capitalised words: "Russian FM Lavrov" names no one in full
    assert "Lavrov" not in full_names([headline])


def test_a_particle_inside_a_name_is_kept() -> None:
    assert clean_person("Adel bin Ahmed Al-Jubeir") == "Adel bin Ahmed Al-Jubeir"
    assert clean_person("Official Spokesperson, Shri Gopal Baglay") == "Gopal Baglay"


def test_a_name_written_family_name_first_is_found_by_its_family_name() -> None:
    lead = [
        "SEOUL, Aug. 24 (Yonhap) -- Unification Minister Lee In-young met with the U.S. envoy "
        "for North Korea and discussed a coordinated approach, his office said Tuesday.",
        "During the breakfast meeting, Lee and U.S. Special Representative Sung Kim shared their "
        "overall views on the current situation.",
    ]
    assert short_name("Lee In-young", lead) == "Lee"
    assert short_name("Sergey Lavrov", ["Sergey Lavrov met Blinken; Lavrov said more."]) == (
        "Lavrov"
    )
    assert meeting_counterparts(lead, "Lee In-young") == [
        ("Sung Kim", "Special Representative", "U.S.")
    ]
    assert same_person("Wang Yi", "Wang Yi") and not same_person("Antony Blinken", "Wang Yi")


def test_a_counterpart_after_a_comma_and_an_honorific() -> None:
    lead = [
        "AMMAN — Deputy Prime Minister and Minister of Foreign Affairs and Expatriates Ayman "
        "Safadi and his Qatari counterpart, Sheikh Mohammed bin Abdulrahman Al Thani, discussed "
        "ways to enhance relations in a meeting in the Qatari capital Doha on Sunday."
    ]
    assert counterpart_phrases(lead, "Safadi") == [("Mohammed bin Abdulrahman Al Thani", "Qatari")]


def test_a_press_conference_with_someone_and_the_office_after_the_name() -> None:
    text = (
        "In an opening speech at the joint press conference with John Kerry, the U.S. Secretary "
        "of State, Al-Jubeir said 'we have discussed the Iranian interference'."
    )
    found = counterparts_in(text, pattern=TALKS_WITH)
    assert [(p.name, p.role, p.country_text) for p in found] == [
        ("John Kerry", "Secretary of State", "U.S.")
    ]


def test_a_counterparts_country_is_the_one_written_with_their_office() -> None:
    lead = ["Sergei Lavrov and Hillary Clinton said they will rebuild bilateral relations."]
    headline = "Russian FM Lavrov, U.S. State Secretary Clinton content with talks"
    assert country_written("Hillary Clinton", headline, lead) == "U.S."
    assert country_written("Hillary Clinton", "", lead) == ""


def test_an_offices_account_told_with_its_day_is_a_wire_report() -> None:
    reported = [
        "Foreign Minister Cho Tae-yul and his Japanese counterpart, Takeshi Iwaya, have held "
        "talks on the sidelines of the APEC meeting in Peru, Seoul's foreign ministry said Friday.",
        "Foreign Minister Lee In-young met with the U.S. envoy, his office said Tuesday.",
    ]
    assert all(OFFICE_SAID.search(text) for text in reported)
    readout = "The Ministry said the two sides agreed to stay in close contact."
    assert OFFICE_SAID.search(readout) is None


def test_a_reporter_names_the_subjects_country_a_readout_does_not() -> None:
    press = read_meeting(
        [
            "Iranian Foreign Minister Mohammad Javad Zarif, who is in New York for the ongoing "
            "NPT Review Conference, met and conferred with UN Undersecretary General Jan "
            "Eliasson Monday."
        ],
        {},
    )
    own = read_meeting(
        [
            "Prime Minister Theresa May spoke to President Trump this evening to discuss the "
            "situation in Syria."
        ],
        {},
    )
    assert press is not None and press.in_press_words
    assert own is not None and not own.in_press_words


def test_a_name_then_its_office_in_a_title() -> None:
    title = (
        "Ned Price, State Department Spokesperson, led a discussion on Armenia Türkiye Ukraine "
        "China & Fukushima at The State Department in Washington, DC"
    )
    assert title_speakers(title) == ("Ned Price",)


def test_an_upper_case_title_writes_the_possessive_in_capitals() -> None:
    title = (
        "TRANSCRIPT OF RUSSIAN FOREIGN MINISTER IGOR IVANOV'S REMARKS AND REPLIES TO MEDIA "
        "QUESTIONS AT PRESS CONFERENCE"
    )
    assert title_speakers(title) == ("IGOR IVANOV",)
    assert possessive("IVANOV'S") == "IVANOV" and possessive("Lavrov’s") == "Lavrov"
    assert possessive("BOSS") is None and possessive("US") is None


def test_an_initial_opens_a_full_name_and_stays_first() -> None:
    text = (
        "External Affairs Minister S. Jaishankar on Tuesday met US Under Secretary of State for "
        "Political Affairs Victoria Nuland."
    )
    assert full_names([text])["Jaishankar"] == "S. Jaishankar"
    assert clean_person("S. Jaishankar") == "S. Jaishankar"
    assert clean_person("Mr. OHTAKA Masato, Press Secretary") == "Masato Ohtaka"
    # an acronym still opens no name
    assert "Guterres" not in full_names(["UN Guterres said"])


def test_the_other_side_of_a_joint_press_conference_is_a_counterpart() -> None:
    lead = [
        "In the joint press conference, the Turkish foreign minister Mevlut Cavusoglu said "
        "finalizing the F-16 fighter jet sale deal is beneficial for both sides.",
        "Asked about the alleged US support for adversary groups in Syria, Cavusoglu called on "
        "his US counterpart to fight against any kind of terrorism and terror group together.",
        "On the F-16 deal, Blinken said it is the national interest for the Biden administration "
        "to both upgrade existing F-16s and provide new ones to Turkey.",
    ]
    assert joint_counterpart("", lead, "Mevlut Cavusoglu") == ("Blinken", "US")
    # no joint conference, no counterpart by this rule
    assert joint_counterpart("", lead[1:], "Mevlut Cavusoglu") is None


def test_negotiations_with_name_a_counterpart() -> None:
    text = (
        "MOSCOW, 12 APR – RIA Novosti. Foreign Minister Sergei Lavrov spoke about the details of "
        "negotiations with U.S. Secretary of State Rex Tillerson in Moscow."
    )
    found = counterparts_in(text, pattern=TALKS_WITH)
    assert [(p.name, p.country_text) for p in found] == [("Rex Tillerson", "U.S.")]


def test_an_article_that_reports_speech_only_in_quotation_marks_has_the_person_it_quotes() -> None:
    # Yonhap (2010): the only words reported are in quotation marks, the speaker after them
    lead = [
        "SEOUL, Jan. 15 (Yonhap) -- Foreign Minister Yu Myung-hwan will leave for Tokyo on "
        "Saturday for a forum between South Korea and Latin America.",
        '"We believe the forum will be an opportunity to further strengthen the cooperative '
        'relations between South Korea and Latin America in various sectors," Kim Young-sun, '
        "a spokesman for the South Korean foreign ministry, told reporters.",
    ]
    assert main_speaker("Yu heads to Japan", lead) == "Kim Young-sun"


def test_more_words_quoted_break_a_tie_of_reported_speech() -> None:
    lead = [
        "Marco Rubio said the talks were frank, and Foreign Minister Ishaq Dar said they were "
        "useful, after their meeting in Washington on Friday.",
        '"Pakistan remains committed to dialogue with all its neighbours and to peace in the '
        "region, which is in everybody's interest,\" Dar told reporters after the meeting.",
        '"Frank," Rubio said when asked about the meeting, as he left the building.',
    ]
    # each is reported twice, Rubio first; Dar's words quoted are many more
    assert main_speaker("Talks in Washington", lead) == "Ishaq Dar"


def test_a_name_the_text_gives_longer_elsewhere_is_the_longer_name() -> None:
    lead = [
        "Foreign Office spokesperson Asim Iftikhar Ahmad addresses a press conference in "
        "Islamabad on September 16, 2021. — Photo courtesy Radio Pakistan",
        "ISLAMABAD: The Foreign Office on Thursday said that doors for diplomacy remain open.",
        "FO spokesman Asim Iftikhar, in response to questions at the weekly briefing, said: "
        "“In diplomacy you never shut the doors.”",
    ]
    assert main_speaker("Time not right for talks with India, says FO", lead) == (
        "Asim Iftikhar Ahmad"
    )


def test_the_country_of_an_office_is_no_part_of_the_name_after_it() -> None:
    # "Foreign Minister of Ukraine": the office ends with its country; the name starts after it
    assert (
        main_speaker(
            "",
            [
                "Kazakhstan does not see any threats from Russia, Foreign Minister of the Republic"
                " Mukhtar Tleuberdi said during a joint press conference.",
                "Acting Foreign Minister of Ukraine Andriy Deshchytsia held a press conference.",
            ],
        )
        == "Mukhtar Tleuberdi"
    )
    assert full_names(["Acting Foreign Minister of Ukraine Andriy Deshchytsia held a press"]) == {
        "Andriy": "Andriy Deshchytsia",
        "Deshchytsia": "Andriy Deshchytsia",
    }


def test_courtesy_titles_and_a_long_office_before_a_name_leave_the_name_whole() -> None:
    # a run of seven capitalised words: office, courtesy titles, then the name
    lead_text = (
        "PUTRAJAYA: Foreign Minister Datuk Seri Dr Zambry Abdul Kadir (pix) met his Singaporean "
        "counterpart Dr Vivian Balakrishnan on Monday."
    )
    assert full_names([lead_text])["Zambry"] == "Zambry Abdul Kadir"
    assert "Datuk" not in full_names([lead_text])
    saudi = "CAIRO: Saudi Arabia’s Foreign Minister Prince Faisal bin Farhan met Sameh Shoukry."
    assert full_names([saudi])["Faisal"] == "Faisal bin Farhan"


def test_a_misspelt_surname_loses_to_the_name_the_text_gives_in_full() -> None:
    paragraphs = [
        "PUTRAJAYA: Foreign Minister Datuk Seri Dr Zambry Abdul Kadir (pix) met his Singaporean "
        "counterpart Dr Vivian Balakrishnan on Monday.",
        "Zamry said during the meeting they highlighted the importance of working together.",
        "“We are committed to continuing positive engagements,“ he said in a statement Tuesday.",
        "Zambry said they also discussed how the two countries could move forward.",
    ]
    assert main_speaker("", paragraphs) == "Zambry Abdul Kadir"


def test_a_crown_prince_is_named_with_his_office_like_a_minister() -> None:
    text = (
        "Egypt's foreign minister Sameh Shoukry told Saudi Crown Prince Mohamed bin Salman "
        "during a visit to Riyadh on Tuesday."
    )
    assert [(c[0], c[2]) for c in meeting_counterparts([text], "Sameh Shoukry")] == [
        ("Mohamed bin Salman", "Saudi")
    ]


def test_a_compatriot_the_lead_names_is_no_counterpart_when_the_title_gives_the_country() -> None:
    title = "Acting Foreign Minister of Ukraine Andriy Deshchytsia held a press conference"
    paragraphs = [
        "The Minister informed about the main results of the visit of Prime Minister of Ukraine "
        "Arseniy Yatsenyuk to the U.S., A.Deshchytsia said during the briefing."
    ]
    assert meeting_counterparts(paragraphs, "Andriy Deshchytsia", title) == []


def test_a_ministry_named_by_its_building_reports_for_its_minister_and_is_nobody() -> None:
    page = (
        Path(__file__).parents[1]
        / "realdocs/malay-mail/2018-07-11-saifuddin-kono-look-east-policy.txt"
    )
    text = page.read_text(encoding="utf-8")
    layouts = Layouts(governments=((re.compile(r"\bWisma Putra\b"), "MY"),))
    doc, _ = read_document(SourceText("t.txt", "t", text, "utf-8", "0" * 64), layouts)
    # "Wisma Putra said" twice: the ministry; the first person the lead introduces with an
    # office, past a photo caption and without "Datuk", is the main speaker
    assert doc.meta.speakers == ("Saifuddin Abdullah",)
    assert [c.name for c in doc.meta.counterparts] == ["Taro Kono"]


def test_an_honorific_before_a_pakistani_name_is_no_part_of_it() -> None:
    lead_text = (
        "MULTAN (Sunday, 10 March, 2019) – Foreign Minister Makhdoom Shah Mahmood Qureshi says, "
        "the people of Pakistan are united."
    )
    assert full_names([lead_text])["Qureshi"] == "Shah Mahmood Qureshi"


def test_a_headline_verb_after_a_name_is_no_part_of_it() -> None:
    # a headline in title case puts its verb right after the name
    title = "ASEAN Consensus on Myanmar: Retno Marsudi Recalls Its Inception"
    assert full_names([title])["Marsudi"] == "Retno Marsudi"
    assert "Recalls" not in full_names([title])
    assert full_names(["Lavrov Urges Calm in Talks With Blinken"]).get("Urges") is None


def test_a_photograph_credit_after_an_office_is_nobody() -> None:
    paragraphs = [
        "Dr Anwar Gargash, UAE Minister of State for Foreign Affairs Image Credit: AFP",
        "Dubai: UAE State Minister for Foreign Affairs Dr Anwar Gargash lambasted Qatari media "
        "on Wednesday for trying to create a rift between the UAE and Saudi Arabia.",
    ]
    assert "Credit" not in full_names(paragraphs)
    assert lead_subject(paragraphs) == "Anwar Gargash"


@pytest.mark.parametrize(
    "quoted",
    [
        '"There are five hotlines, all functioning well," mentioned Retno Marsudi.',
        '"We will cooperate in the eradication of terrorism," concluded Retno Marsudi.',
        '"The embassy found no victims," stated Retno Marsudi at a press conference.',
    ],
)
def test_verbs_a_report_puts_before_the_name_after_a_quote(quoted: str) -> None:
    assert main_speaker("", [quoted]) == "Retno Marsudi"


def test_a_state_that_said_something_is_no_person() -> None:
    paragraphs = [
        "Foreign Minister Kamal Kharrazi met Jack Straw and said Israel had abused the crisis.",
        "Iran said the fate of Iraq has to be determined by the Iraqi people, Kharrazi said.",
    ]
    assert {a.surname for a in attributions(paragraphs)} == {"Kharrazi"}


def test_and_said_goes_to_the_subject_of_the_sentence_when_nobody_was_reported_before() -> None:
    paragraphs = [
        "United Nations, New York, Sept 14, IRNA -- Foreign Minister Kamal Kharrazi in a meeting "
        "Saturday with British Foreign Secretary Jack Straw described as complicated the "
        "situation in the region and said Israel had abused the Iraqi crisis in its favor.",
        "He said the crisis must be dealt with in a more fundamental manner.",
        "Kharrazi said Iran has sustained much loss from the Iraqi government.",
        "Straw said the Security Council is now conducting consultations.",
        "He said Iraq continues to be a big threat for all its neighbors.",
    ]
    assert [a.surname for a in attributions(paragraphs)][:2] == ["Kharrazi", "Kharrazi"]
    assert main_speaker("", paragraphs) == "Kamal Kharrazi"
    # the dateline's city is no subject: "New York [USA], Sept 26 (ANI): ... and stressed"
    ani = [
        "New York [USA], Sept 26 (ANI): External Affairs Minister S Jaishankar on Wednesday "
        "called Pakistan a challenging neighbour and stressed there is terrorism globally."
    ]
    assert [a.surname for a in attributions(ani)] == ["Jaishankar"]


def test_a_person_named_by_office_after_the_first_mention_speaks_again() -> None:
    paragraphs = [
        "Foreign Minister of Armenia Ararat Mirzoyan discussed with his Russian counterpart "
        "Sergei Lavrov the development of cooperation in defense.",
        "During the joint press conference with FM Lavrov in Moscow, the Armenian FM said the "
        "cooperation has a special place in the bilateral relations.",
        "“We paid a proper attention to the implementation of the agreements”, the FM said.",
    ]
    assert [a.name for a in attributions(paragraphs)] == ["Ararat Mirzoyan", "Ararat Mirzoyan"]
    assert main_speaker("", paragraphs) == "Ararat Mirzoyan"
    # after a reported person, "the minister said" is that person again
    reported = [
        "Sergey Lavrov said Moscow was ready for talks, and the foreign minister added that the "
        "date was not set yet."
    ]
    assert [a.surname for a in attributions(reported)] == ["Lavrov", "Lavrov"]


def test_a_report_s_subject_is_read_past_its_dateline() -> None:
    paragraphs = [
        "YEREVAN, MAY 23, ARMENPRESS. Minister of Foreign Affairs of Armenia Ararat Mirzoyan held "
        "a telephone conversation today with Russian Foreign Minister Sergei Lavrov."
    ]
    assert lead_subject(paragraphs) == "Ararat Mirzoyan"


def test_particles_do_not_count_among_a_name_s_words() -> None:
    lead_text = (
        "Muscat: Yusuf bin Alawi bin Abdalla, Minister Responsible for Foreign Affairs has said "
        "in an interview that the Sultanate takes only the side of rightness."
    )
    assert full_names([lead_text])["Abdalla"] == "Yusuf bin Alawi bin Abdalla"
    # the report then calls him by the word after "bin" alone
    paragraphs = [lead_text, "There is an initiative for peace, Alawi said adding that it helps."]
    assert main_speaker("", paragraphs) == "Yusuf bin Alawi bin Abdalla"


def test_a_courtesy_title_and_one_name_are_no_full_name() -> None:
    paragraphs = [
        "Sheikh Abdullah bin Zayed, Minister of Foreign Affairs and International Co-operation, "
        "says the UAE welcomes recent Israeli engagement with the Palestinian Authority.",
        "He was speaking at a meeting with US Secretary of State Antony Blinken and Israeli "
        "Foreign Minister Yair Lapid at the US State Department on Wednesday.",
        "“The Palestinians are going to be the most important element,” Sheikh Abdullah said.",
    ]
    assert "Sheikh" not in full_names(paragraphs)
    assert main_speaker("", paragraphs) == "Abdullah bin Zayed"
    # the sentence after the one naming the speaker goes on about them ("He was speaking at a
    # meeting with ..."): the people it names with an office are whom they met
    assert [(n, c) for n, _, c in meeting_counterparts(paragraphs, "Abdullah bin Zayed")] == [
        ("Antony Blinken", "US"),
        ("Yair Lapid", "Israeli"),
    ]
