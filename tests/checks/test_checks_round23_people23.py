"""Round 23 (issue 16), policy 3, 5.5 and 5.6. A young person's health need stays private when it is
typed in chat shorthand (a lower-case first name with their year or group) or said as a treatment
they have been through; a worker named as who referred a child or who else knows them is no need, and
nor is a grown-up's operation when another named person covers their session. A young person's full
name is private when it is listed with participants, when "the youngest" of a team is introduced, and
on a register line with a school year. A public event's venue address is no home address, but a home
lent for the event still is."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("heads up: rosie from the sat group has been taking fluoxetine", "fluoxetine"),
        ("harry in yr 11 at the thurs band is diabetic, snacks in the office", "diabetic"),
        ("Callum has been through several rounds of chemo this spring", "chemo"),
        ("isla's just come out of her final cycle of radiotherapy", "radiotherapy"),
    ],
)
def test_a_young_persons_need_in_shorthand_or_as_treatment_is_found(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "Referrer role: youth support worker",
        "Other professionals involved: key worker, social worker",
        "Helen is off for her hip operation, so Raj is running the Monday workshop.",
        "Fun run in aid of the children's cancer charity on Sunday.",
    ],
)
def test_referrers_covered_staff_and_charity_fundraising_are_no_young_persons_need(found, text):
    assert found(text, "health") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Medals went to Amy Smith, Ella Hughes and Bethany Crowther", "Bethany Crowther"),
        ("Say hello to Oliver Penrose, the youngest guitarist in the band", "Oliver Penrose"),
        ("Hargreaves, Mia - Year 7 - Cleeve School - photo 2", "Hargreaves, Mia"),
    ],
)
def test_a_young_persons_full_name_in_a_list_an_introduction_or_a_register_is_found(found, text, name):
    assert name in found(text, "full_name")


@pytest.mark.parametrize(
    "text",
    [
        "Our patrons: Ruth Danby (author), Colin Bright (broadcaster) and Kate Lamb (composer)",
        "Meet Graham Tovey, our new finance manager",
    ],
)
def test_grown_ups_in_lists_and_introductions_stay_quiet(found, text):
    assert found(text, "full_name") == []


@pytest.mark.parametrize(
    "text",
    [
        "Christmas fair at The Old Chapel, 8 Mill Street, Winchcombe GL54 5LA, 10am to 2pm",
        "Next concert: The Parabola Arts Centre, 30 Parabola Road, Cheltenham",
    ],
)
def test_a_public_events_venue_address_is_not_a_home_address(found, text):
    assert found(text, "postal_address") == []


def test_a_home_lent_for_an_event_is_still_a_home_address(found):
    assert found("Rehearsal at 3 Ashgrove Way, Brockworth, which is Finn's house", "postal_address")
