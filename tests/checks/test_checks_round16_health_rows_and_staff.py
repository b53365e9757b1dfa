"""Policy 3 (round 16, issue 16): a young person's need is health information on a list or table row
that gives the surname first ("Okonkwo, Grace - uses a wheelchair"), where the row is one finding, and in
a document about one young person (a referral, a case study, an incident summary) whose sentences leave
out their subject ("Has an EHCP for SEMH"). A food kept from a named young person because of an allergy
is a need. The other way: one of the organisation's grown-ups (the organisation file's people) away ill
while somebody covers is not a young person's need, and "none" or "n/a" on a row is no need."""

import pytest

from bot.checks import CheckContext, Checker


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Access needs:\nOkonkwo, Grace - uses a wheelchair, needs the lift", "wheelchair"),
        ("Surname, First | Medical\nOkafor, Jayden | asthma - inhaler in bag", "asthma"),
        ("- Kowalski, Nina: anaphylaxis to peanuts, two Jext pens", "anaphylaxis to peanuts, two Jext"),
        ("Referral summary: 14-year-old boy. Has an EHCP for SEMH and is on a reduced timetable.", "EHCP"),
        ("Case study - Layla (name changed). Suffers from depression and stopped going out.", "depression"),
        ("Referral from the school: Year 8, diagnosed with ADHD last year.", "ADHD"),
        ("Reason for joining: school refusal linked to anxiety.", "school refusal"),
        ("Kian can't have anything with sesame - it's a proper allergy.", "sesame"),
    ],
)
def test_needs_on_rows_and_in_documents_about_one_young_person(found, text, need):
    assert any(need in f for f in found(text, "health"))


def test_an_accommodation_after_a_need_joins_it(found):
    findings = found("Noah has sensory processing disorder, so he might wear ear defenders too which is fine.", "health")
    assert len(findings) == 1 and "ear defenders" in findings[0]


@pytest.mark.parametrize(
    "text",
    [
        "Surname, First | Medical\nOkafor, Jayden | none\nPrice, Lola | n/a",
        "Has anyone got the referral form? It asks about anxiety now.",
        "Incident summary: the fire alarm went off and everyone left calmly.",
        "The venue kitchen can't do anything with sesame this week.",
    ],
)
def test_look_alikes_stay_quiet(found, text):
    assert found(text, "health") == []


@pytest.fixture(scope="module")
def staff_checker() -> Checker:
    return Checker(CheckContext(org_people=("Sam Okafor", "Grace Turner", "Tom Ellis", "Maya")))


@pytest.mark.parametrize(
    "text",
    [
        "Sam's off today with a migraine so Grace is covering the Tuesday group.",
        "Sam's off with covid this week so Youth Voice is cancelled.",
        "Tom Ellis is recovering from his knee op and will be back on Monday.",
    ],
)
def test_a_grown_up_of_the_team_away_ill_is_not_a_young_persons_need(staff_checker, text):
    assert [f for f in staff_checker.check(text).findings if f.kind == "health"] == []


def test_a_young_person_sharing_a_staff_first_name_is_still_found(staff_checker):
    assert [f.text for f in staff_checker.check("Tom has asthma and carries an inhaler.").findings if f.kind == "health"]
