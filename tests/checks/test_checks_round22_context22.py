"""Round 22 (issue 16): a full name is a young person's when the text is about a young person in our
care; greetings and places are not names; a school finding needs a school.

Policy sections 3 and 5.6: only a young person's first name may be shared. A record kept about one
young person (an incident log, a safeguarding concern, a risk assessment, a support plan, news passed
on to a social worker) is about someone in our care, so the full name at its head gives them away even
with no age or school beside it; so does a name said to be one of a project's group, or one followed
by "he's in Year 8". Staff, volunteers, parents and other grown-ups named with their role stay quiet.
A word such as "Meet" or "Welcome" before a first name is not a surname, and a park or centre is not a
person. The organisation's own projects are not schools, and a school we visit, with a year group
invited, identifies no child.
"""

from __future__ import annotations

import dataclasses

import pytest
from checks_support import finder, span_checked

from bot.checks import Checker

# The organisation file names its projects (examples/org.yml); the rules read them from the context.
PROJECTS = ("Audio-Base", "Beat It", "Youth Voice")


@pytest.fixture(scope="module")
def with_projects(context) -> Checker:
    return Checker(dataclasses.replace(context, org_projects=PROJECTS))


@pytest.fixture(scope="module")
def check(with_projects):
    """check(text) for a context that knows our projects, asserting the span invariant."""
    return span_checked(with_projects)


@pytest.fixture(scope="module")
def found(check):
    return finder(check)

# --- A. the document, the group or the next sentence makes a full name a young person's -------------


@pytest.mark.parametrize("text, expected", [
    # the heading of a record kept about one young person
    ("Incident record: Declan Murray (Beat It)\n18:40 Declan left the room crying after a row with another lad.",
     ["Declan Murray"]),
    ("Safeguarding concern - Maisie Thornbury\nMaisie told a volunteer that her stepdad shouts at her.",
     ["Maisie Thornbury"]),
    ("Personal risk assessment for Jayden Okafor (Audio-Base)\nHazard: gets overwhelmed in loud rooms.",
     ["Jayden Okafor"]),
    ("Support plan – Lola Fitzgerald\nGoal: attend three sessions in a row.", ["Lola Fitzgerald"]),
    # news about one person, who the text then calls he or she
    ("A brief update on Freddie Atherton: he has been back at sessions and is much calmer.", ["Freddie Atherton"]),
    # one of a project's group
    ("Sending love to Esme Harrington, one of our Youth Voice members, after her operation.", ["Esme Harrington"]),
    ("Big well done to Ollie Crankshaw, one of the Audio-Base producers, for finishing his EP.", ["Ollie Crankshaw"]),
    # the next sentence says he or she is at school
    ("Does anyone have a phone number for Kayden Marsh's dad? He's in Year 10 at Pittville.", ["Kayden Marsh"]),
    ("Can someone chase Isla Brennock about the consent slip? She's in Year 8.", ["Isla Brennock"]),
])
def test_a_full_name_is_a_young_persons_when_the_text_is_about_someone_in_our_care(found, text, expected):
    assert found(text, "full_name") == expected


@pytest.mark.parametrize("text", [
    # a grown-up named in a record's entries, not its heading
    "Incident log - Audio-Base\n19:05 Steve Farrow, the caretaker, reported a broken window.",
    # a risk assessment for an event, by staff
    "Risk assessment for the Beat It tour, drafted by Helen Cartwright and approved by the trustees.",
    # news about a new member of staff
    "Quick update on Clare Benson, our new finance officer: she starts on Monday.",
    # a volunteer in a project's group
    "Thanks to Ian Rutherford, one of our Youth Voice volunteers, for driving the minibus.",
    # the next sentence makes them a parent or a teacher
    "Has anyone got an email for Paula Hendry? She's the mum of one of our Year 8s.",
    "I had a chat with Simon Keele at Pittville School. He teaches drama to Year 11.",
])
def test_staff_volunteers_and_parents_named_with_their_role_stay_quiet(check, text):
    assert check(text).findings == []


# --- B. greetings and places are not names ----------------------------------------------------------


def test_a_greeting_before_a_first_name_is_no_full_name_but_the_age_is_still_found(check):
    findings = [(str(f.kind), f.text) for f in check("Introducing Marnie, 14, the newest voice in Youth Voice!").findings]
    assert ("date_of_birth", "14") in findings
    assert not [text for kind, text in findings if kind.endswith("full_name")]


@pytest.mark.parametrize("text", [
    "Meet Lottie! She joined Audio-Base last month and writes her own lyrics.",
    "Welcome Arlo to Youth Voice this week.",
    "Ask Otis to bring his sticks on Friday.",
    "The residential is at the Brecon Outdoor Centre, and the concert at Montpellier Gardens bandstand.",
    # a forename then a place word, where people go or with a part of the place after it
    "Teenagers (13+) meet in Victoria Park, by the cafe.",
    "Year 9s: pick-up from Florence Hall car park at 4.",
])
def test_greetings_and_places_are_not_names(check, text):
    assert check(text).findings == []


def test_a_young_person_whose_surname_is_a_place_word_is_still_named(found):
    assert found("Our 14-year-old drummer Sophie Hall played brilliantly.", "full_name") == ["Sophie Hall"]


# --- C. a school finding needs a school -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Reuben has been going to Youth Voice since Easter.",
    "Nia attends Audio-Base on Mondays.",
    "Theo started at Beat It in September.",
    "Audio-Base is heading to Pittville School next Tuesday - Year 10s can sign up with Miss Ward.",
    "Beat It will be at Chosen Hill School on 3 May; Year 9s who want to try the drums can see Mrs Dale.",
])
def test_our_projects_and_the_schools_we_visit_are_no_childs_school(check, text):
    assert check(text).findings == []
