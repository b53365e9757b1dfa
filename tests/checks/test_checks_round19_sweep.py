"""Round 19 (issue 16): a wide sweep. Phone numbers typed with a letter O or read out from "plus four
four"; health said as a stay for observation or a care plan (one finding with the need it follows); a
code that holds "from Monday"; a quotation credited to a young person with only one of the
organisation's project names (read from the organisation file, not written into the rules); a referral
form's referrer; two young people who missed a session. The harmless look-alikes stay clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.checks import CheckContext, Checker
from bot.outgoing.context import read_org_details

EXAMPLE_ORG = Path(__file__).resolve().parents[2] / "examples" / "org.yml"


@pytest.mark.parametrize("text, number", [
    ("ring Kerry-Ann's nan on O7723 118 904 if the minibus is late", "O7723 118 904"),
    ("Dad's mobile is plus four four seven seven zero zero nine one six three two eight",
     "plus four four seven seven zero zero nine one six three two eight"),
])
def test_a_number_typed_with_a_letter_o_or_read_out_from_plus_four_four_is_a_phone(found, text, number):
    assert found(text, "phone") == [number]


@pytest.mark.parametrize("text", [
    "Room O123 is booked for the mixing workshop.",
    "Two plus four four times is eighteen.",
    "Childline is free on 0800 1111, any time.",
])
def test_a_room_a_sum_or_a_helpline_is_not_a_phone(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize("text", [
    "Keeley was kept in overnight for observation after the fall, she's home now.",
    "Referral form: Nathan has a care plan in place and a key worker.",
    "Just so you know, Ryan's on a waiting list for CAMHS.",
])
def test_observation_a_care_plan_or_a_waiting_list_said_of_a_young_person_is_health(found, text):
    assert found(text, "health")


def test_a_care_plan_after_a_need_is_part_of_the_one_finding(found):
    assert found("Hi all, my son Charlie has epilepsy so please read the care plan", "health") == [
        "epilepsy so please read the care plan"]


@pytest.mark.parametrize("text", [
    "We have a care plan for the old piano: it needs tuning twice a year!",
    "We kept the kit in overnight at the hall, it's all locked up.",
    "The studio will be closed for observation visits by the funder on Friday.",
    "Our waiting list for the Beat It summer course is now 14 names long.",
])
def test_a_plan_a_stay_or_a_list_about_things_is_fine(found, text):
    assert found(text, "health") == []


@pytest.mark.parametrize("text, code", [
    ("Door code from Monday is 4471, please don't share it.", "4471"),
    ("Gate code until half term is 2905", "2905"),
    ("Alarm code this week is 8316", "8316"),
])
def test_a_code_said_with_when_it_holds_is_a_secret(found, text, code):
    assert code in "".join(found(text, "secret"))


@pytest.mark.parametrize("text", [
    "Door code has changed from Monday - ask Sam for the new one in person.",
    "From Monday the doors open at 4pm and close at 7.",
])
def test_a_code_change_without_the_code_is_fine(found, text):
    assert found(text, "secret") == []


def test_the_project_names_come_from_the_organisation_file():
    assert {"Audio-Base", "Beat It", "audiobase"} <= set(read_org_details(EXAMPLE_ORG).projects)


@pytest.fixture(scope="module")
def with_projects() -> Checker:
    return Checker(CheckContext(org_projects=("Audio-Base", "audiobase", "Beat It"), org_people=("Sam Okafor",)))


@pytest.mark.parametrize("text, name", [
    ("Participant voice: \"Music calms my head down.\" \u2013 Alfie Rowntree, Audio-Base", "Alfie Rowntree"),
    ("\u201cI've written three songs this term\u201d (Harley Stokes, Audiobase)", "Harley Stokes"),
    ("'I didn't know I could sing' \u2013 Tia Marchant, Beat It", "Tia Marchant"),
])
def test_a_quotation_credited_with_one_of_our_projects_names_a_young_person(with_projects, text, name):
    assert name in [f.text for f in with_projects.check(text).findings if f.kind == "full_name"]


@pytest.mark.parametrize("text", [
    "\u201cOur partnership with Audio-Base has been transformative\u201d \u2013 Sam Okafor, Audio-Base",
    "'The best project we fund' \u2013 David Harrow, Summerfield Trust",
    "'Brilliant night' \u2013 Kate Jackson, Beat It project manager",
])
def test_a_quotation_from_our_own_people_or_another_organisation_is_fine(with_projects, text):
    assert [f for f in with_projects.check(text).findings if f.kind == "full_name"] == []


def test_the_referrer_on_a_referral_form_is_not_a_young_person(found):
    names = found("Partner referral form\nName: Kyle Benton\nDOB: 03/11/2011\nReferrer: Jo, Families First", "full_name")
    assert names == ["Kyle Benton"]


def test_two_young_people_who_missed_a_session_are_named(found):
    text = "Shannon Pritchard and Reuben Achterberg both missed Thursday, can someone ring home?"
    assert found(text, "full_name") == ["Shannon Pritchard", "Reuben Achterberg"]
