"""Round 28 (issue 16), policy 3 and 5.6: a young person's health stays private in the plain words the team
writes it in. A new starter note about a child in a school year (or born under 18 years ago) is a child's
record, not a grown-up's; a need told in lower-case chat of a young person "in yr 9 at <school>" is theirs;
a chronology's or a register's plain words (eating little, weight loss, a panic attack, a meltdown) are
health; and a condition said as a describing word before a young person's role is a need. A staff member's
operation while someone else leads a programme, a mishap to "someone", everyone's allergies kept on the
register, the group's kit carried by one of the team and the box the medicine is kept in stay quiet."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("new starter for rock school sat - Bella Ward, yr 8 at Pate's. dad says she has epilepsy n carries rescue meds",
         "epilepsy"),
        ("New starter form - Beat It\nName: Idris Khan\nDOB: 2 March 2013\nMedical: wears a hearing aid", "hearing aid"),
        ("fyi tilly in yr 10 at cleeve has had a few seizures lately, pls keep the strobe off", "seizures"),
        ("Chronology - Ryan, Year 10\n05/11 Ryan told CW he's not eating much at home.", "not eating much"),
        ("07/11 Jas said she'd hardly slept after a panic attack on Sunday.", "panic attack"),
        ("Session log: Leo B left at 8 after a meltdown in the booth; dad collected.", "meltdown"),
        ("Deaf bassist Noor, 15, told the paper the studio is where she feels at home.", "Deaf"),
        ("Jonah's having the op on his ankle next month so he'll miss a few weeks of band", "op on his ankle"),
        ("Accident book: Rae T (12) cut her thumb on a string, plaster on. Rae has a bleeding disorder so mum was rung.",
         "bleeding disorder"),
        ("Lexi, 16, joined after a year of school refusal linked to anxiety.", "school refusal linked to anxiety"),
    ],
)
def test_a_young_persons_need_in_a_new_starter_note_lower_case_chat_a_chronology_or_before_their_role_is_found(
        found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "reminder Omar is in hospital for his hip op on weds so Jess is leading Rock School",
        "Tonight someone grazed a knee on the steps, cleaned and plastered, logged in the accident book. Ben",
        "Trip reminder: everyone's allergies and medication are on the confidential register, and Sue has the EpiPens.",
    ],
)
def test_a_staff_op_an_unnamed_mishap_the_groups_register_and_kit_or_a_training_stay_quiet(found, text):
    assert found(text, "health") == []


def test_the_box_the_medicine_is_kept_in_is_no_second_need(found):
    text = ("first aiders: Maya (DOB 02/05/2014) started antibiotics for an ear infection on Monday – needs a dose "
            "at tea, they're in the meds box with her name on")
    assert "meds" not in found(text, "health")
    assert any("ear infection" in finding for finding in found(text, "health"))
