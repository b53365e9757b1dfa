"""Round 26 (issue 16), policy 3 and 5.6: a young person's health stays private in the forms, reports and
lists the team writes. A plan named with the need it is for, a diagnosis or a spell out of school in a
report of one young person, a medicine with its dose, an item of a numbered needs list by initials or first
name, and a mood or a sore part of the body said in plain words are each that young person's need. The
form's own question to the parent, a pointer to a register held by a named manager, and one of the team
hurt moving the kit while somebody else takes over are not a young person's need."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Impact story: Jae joined us last spring with an EHCP for cerebral palsy and now teaches guitar.", "EHCP for cerebral palsy"),
        ("Evaluation notes: one participant, diagnosed with dyslexia this summer, has started writing lyrics.", "dyslexia"),
        ("Her first term with us came after months out of college with anxiety.", "anxiety"),
    ],
)
def test_a_plan_a_diagnosis_or_time_out_of_school_in_a_report_is_the_young_persons_need(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Residential meds:\n- Fluoxetine 20mg after breakfast", "Fluoxetine 20mg"),
        ("Regular meds: Concerta 27mg, given at home before the session", "Concerta 27mg"),
        ("Residential packing: emergency meds (buccal midazolam) travel with the lead leader.", "buccal midazolam"),
        ("Needs for the gig:\n1) R.S. - asthma\n2) Tia - type 1 diabetes", "asthma"),
        ("Needs for the gig:\n1) R.S. - asthma\n2) Tia - type 1 diabetes", "type 1 diabetes"),
    ],
)
def test_a_dosed_medicine_or_a_numbered_needs_list_is_the_persons_health(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Keyworker update: Lorcan's mood has been up and down since the move, so check in with him.", "mood has been up and down"),
        ("Poppy came to band but her wrist is still sore from netball.", "wrist is still sore"),
        ("Incident log, Sat 3pm: Harvey - grazed knee on the fire door, plaster applied.", "grazed knee"),
    ],
)
def test_a_mood_or_a_sore_part_of_the_body_in_plain_words_is_the_young_persons_need(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "Q2. Does your child have an EHCP or a health care plan?",
        "Medical information: see the confidential register held by Priya (project manager).",
        "Dev hurt his shoulder lifting the speakers so Ravi did the get-out.",
    ],
)
def test_a_forms_question_a_register_pointer_or_a_grown_up_hurt_moving_kit_is_no_young_persons_need(found, text):
    assert found(text, "health") == []
