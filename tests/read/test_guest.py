"""The principals a transcript's head block names (``parley.read.guest``): a name line with its
courtesy titles over an office line ending with the country. At a joint appearance whose host
opens, the others such a block names, and the text names too, are the counterparts. Lines are
from the development corpus (tests/realdocs)."""

from __future__ import annotations

from pathlib import Path

from parley.model import Counterpart, SourceText
from parley.read.document import read_document
from parley.read.guest import head_principals
from parley.vocab.vocabulary import load_vocabulary

LAYOUTS = load_vocabulary(Path(__file__).parents[2] / "data")[0].layouts


def test_name_lines_over_office_lines_name_the_principals() -> None:
    head = [
        "Senator the Hon Marise Payne",
        "Minister for Foreign Affairs and Minister for Women, Australia",
        "",
        " The Hon Nanaia Mahuta",
        "Minister of Foreign Affairs, Minister of Local Government, New Zealand",
        "Joint Foreign Ministers’ Press Conference",
    ]
    assert head_principals(head) == [
        Counterpart("Marise Payne", "Minister for Foreign Affairs and Minister for Women",
                    "Australia"),
        Counterpart("Nanaia Mahuta", "Minister of Foreign Affairs", "New Zealand"),
    ]  # fmt: skip


def test_an_office_line_must_end_with_a_country_and_a_name_line_hold_only_a_name() -> None:
    assert head_principals(["Prime Minister Anthony Albanese", "Prime Minister of Australia"]) == []
    assert head_principals(["The Hon Anthony Albanese MP", "Transcript"]) == []
    assert head_principals(["Press Conference", "Minister for Foreign Affairs, Australia"]) == []
    assert head_principals(["The Hon Anthony Albanese MP", "Member for Grayndler, Sydney"]) == []


def _read(text: str) -> tuple[tuple[str, ...], tuple[Counterpart, ...]]:
    document, _ = read_document(SourceText("t.txt", "t", text, "utf-8", "0"), LAYOUTS)
    return document.meta.speakers, document.meta.counterparts


def test_the_guest_of_a_joint_appearance_is_the_principal_who_does_not_host() -> None:
    speakers, counterparts = _read(
        "Press conference - Queenstown, New Zealand\n\nTranscript\n"
        "Prime Minister Anthony Albanese\nThe Hon Anthony Albanese MP\n"
        "Prime Minister of Australia\n\n"
        "CHRISTOPHER LUXON, PRIME MINISTER OF NEW ZEALAND: Kia ora. Good afternoon, everybody. "
        "I'll pass to Prime Minister Albanese to do likewise.\n\n"
        "ANTHONY ALBANESE, PRIME MINISTER OF AUSTRALIA: Thank you, Chris.\n"
    )
    assert speakers[0] == "Christopher Luxon"
    assert [(c.name, c.country_text) for c in counterparts] == [("Anthony Albanese", "Australia")]


def test_a_principal_the_text_never_names_is_no_guest() -> None:
    _, counterparts = _read(
        "Press conference - Queenstown, New Zealand\n\n"
        "The Hon Anthony Albanese MP\nPrime Minister of Australia\n\n"
        "CHRISTOPHER LUXON, PRIME MINISTER OF NEW ZEALAND: Kia ora. Good afternoon.\n\n"
        "CHRISTOPHER LUXON, PRIME MINISTER OF NEW ZEALAND: Thank you all.\n"
    )
    assert counterparts == ()


def test_a_guest_the_title_names_by_office_and_country_is_named_as_the_opening_greets_them() -> (
    None
):
    from parley.read.guest import office_guest

    title = (
        "Remarks and the answers to the questions of journalists of Foreign Minister of Armenia "
        "Ararat Mirzoyan during a joint press conference with the Foreign Minister of Austria"
    )
    opening = [
        "02 February, 2022“Good afternoon, dear colleagues,",
        "Dear Minister, Mr. Schallenberg,",
        "I welcome your visit to Yerevan, the Republic of Armenia.",
    ]
    assert office_guest(title, opening, "Ararat Mirzoyan") == Counterpart(
        "Schallenberg", "Foreign Minister", "Austria"
    )
    # the host greeting nobody by name, or a title naming no country, gives no guest
    assert office_guest(title, ["Good afternoon, dear colleagues."], "Ararat Mirzoyan") is None
    assert office_guest("Press conference with the Foreign Minister", opening, "Mirzoyan") is None
    # the main speaker's own name is not the guest's
    assert office_guest(title, ["Thank you, Minister Mirzoyan."], "Ararat Mirzoyan") is None
