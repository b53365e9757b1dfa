"""Round 24's review (issue 16), policy 3, 5.5 and 5.6. A grown-up's induction record keeps its own
health to itself only where its heading says so, never a young person's need told in a sentence that
mentions a new volunteer or in a young volunteer's notes; pupils with a named classmate beside their school
are still someone's; and a young person's own age is not a time they will be late by."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Our new volunteer Sam will sit with Ellie, who has epilepsy.", "epilepsy"),
        ("Young volunteer notes: Mia has epilepsy", "epilepsy"),
        ("Induction notes: Ellie (14) has epilepsy", "epilepsy"),
    ],
)
def test_a_young_persons_need_is_found_beside_a_grown_ups_record_words(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


def test_a_volunteers_own_condition_under_their_induction_heading_stays_theirs(found):
    assert found("Volunteer induction - Hannah Pike: she mentioned she's diabetic and may need to step out.", "health") == []


def test_a_named_pupil_beside_their_school_is_found_whatever_their_first_name(found):
    assert found("Pupils from Balcarras School with Zephyrine Okafor played brilliantly", "school") == ["Balcarras School"]


def test_pupils_at_an_event_with_a_title_name_no_one(found):
    assert found("Pupils from Balcarras School sang at the Christmas Concert in Gloucester Cathedral", "school") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, I will be 10, maybe 15 mins late",
        "I am 12, 15 mins late, bus is stuck",
        "i am 18 and i will be 10 minutes late",
    ],
)
def test_a_time_someone_will_be_late_by_is_no_age(found, text):
    assert found(text, "date_of_birth") == []

