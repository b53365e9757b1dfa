"""Round 24 (issue 16), policy 3 and 5.6: a young person's health stays private in the records an
organisation keeps about them. An accident-book or first-aid entry tells an injury to the young person
("trapped his fingers in the stand", "got hit in the eye") and any condition given in it; a school's
arrangement for a need ("on a reduced timetable") and time out of school with a condition are the
young person's need. A grown-ups' meeting moved because somebody is ill, a volunteer's own condition in
their induction note, a log's heading, and a precaution taken over a need already told ("no seizure
activity observed") are not needs of their own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "injury"),
    [
        ("Accident book: Marley trapped his fingers in the drum stool while adjusting it.", "trapped his fingers"),
        ("First aid log - Sienna slipped on the wet floor and bumped her forehead on the amp.", "bumped her forehead"),
        ("Injury note: Bilal got hit in the mouth by a mic stand at the end of the session.", "hit in the mouth"),
        ("accident form for priya - scalded her hand on the urn at break, cold water for 10 mins", "scalded her hand"),
    ],
)
def test_an_accident_book_entry_tells_the_young_persons_injury(found, text, injury):
    assert any(injury in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Incident sheet: Ezra cut his lip on the cymbal. He has haemophilia, so his mum was phoned at once.", "haemophilia"),
        ("Noah is on blood thinners, so any knock needs reporting to his dad.", "blood thinners"),
        ("Summer has had months out of school with anxiety and starts with us next week.", "anxiety"),
        ("Kieran is on a part-time timetable at school this term, so he can only come on Fridays.", "part-time timetable"),
    ],
)
def test_a_condition_medicine_or_school_arrangement_in_a_record_is_the_young_persons(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "Priya has a chest infection so the staff meeting is moving to Friday.",
        "Sorry, Glen's got a migraine so our catch-up is cancelled today.",
        "Medication log - summer residential",
        "Medication record \u2013 Year 8 trip",
        "New volunteer notes: Bethany has asthma and keeps an inhaler in her coat.",
    ],
)
def test_a_grown_ups_illness_moving_a_meeting_an_induction_note_and_a_logs_heading_name_no_need(found, text):
    assert found(text, "health") == []


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Ava is epileptic; no seizure activity during the gig.", "epileptic"),
        ("Jade has epilepsy. At the gig we kept her close and watched for a seizure.", "epilepsy"),
    ],
)
def test_a_precaution_over_a_need_already_told_is_no_second_finding(found, text, need):
    findings = found(text, "health")
    assert len(findings) == 1 and need in findings[0]
