"""Round 18 (issue 16): young people's full names in less usual places (a quotation attributed to a
participant, a timetable slot written surname first, a birthday post or shout-out), a school beside a
named child in a shout-out, and hospital stays in plain words. Grown-ups stay clean."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name", [
    ("'It's where I found my voice' - Dani Whitcombe, Beat It participant", "Dani Whitcombe"),
    ("\u201cI never miss a Tuesday,\u201d said Ravi Chandra, an Audio-Base regular.", "Ravi Chandra"),
    ("'I produce my own beats now' (Maddie Frost, young producer)", "Maddie Frost"),
    ("\"We're like a family,\" says Beat It bassist Jordan Pike.", "Jordan Pike"),
])
def test_a_quotation_attributed_to_a_participant_names_a_young_person(found, text, name):
    assert name in found(text, "full_name")


@pytest.mark.parametrize("text", [
    "'Young people are the heart of what we do' - Anita Holford, CEO",
    "'A brilliant night of new music' - Jenny Aldous, Gloucestershire Echo",
    "\u201cThey blew me away,\u201d said guest artist Marcus Fenwick.",
    # A member once: the story is about who they are now.
    "Where are they now? Former Beat It member Chloe Mabbett has just been appointed music leader. "
    "She says TMW 'gave her a career'.",
])
def test_a_quotation_from_a_grown_up_is_fine(found, text):
    assert found(text, "full_name") == []


@pytest.mark.parametrize("text, name", [
    ("Studio slots Saturday:\n10am \u2013 Marsh, Toby\n11am \u2013 Quinn, Freya", "Quinn, Freya"),
    ("Drum lessons: 16:30 Lam, Jessica", "Lam, Jessica"),
    ("9.30am - BAXTER, Lewis (audition)", "BAXTER, Lewis"),
])
def test_a_slot_booked_after_a_time_names_a_young_person(found, text, name):
    assert name in found(text, "full_name")


@pytest.mark.parametrize("text", [
    "Staff rota Saturday:\n10am \u2013 Ellis, Tom\n11am \u2013 Hughes, Dan",
    "Tutor timetable: 4pm \u2013 Fenwick, Marcus (guitar); 5pm \u2013 Ashdown, Clare (piano)",
    # First names listed after a time are a list of people, not a "Surname, First" slot.
    "young leaders meeting thurs 5pm: Maya, Josh and Kiera \u2013 agenda attached",
    "Timings: 7pm doors, 7.30 Jackson, Kate (guest artist), 8.15 headliner",
    "2pm \u2013 Gloucester, Cheltenham and Stroud groups meet at the hall",
])
def test_a_timetable_of_grown_ups_or_places_is_fine(found, text):
    assert found(text, "full_name") == []


@pytest.mark.parametrize("text, name, birthday", [
    ("Happy 15th birthday to our queen Leah Pemberton \U0001F451", "Leah Pemberton", "15th birthday"),
    ("HBD to the one and only Rosie Kettering \U0001F389 sweet sixteen!", "Rosie Kettering", "sweet sixteen"),
    ("Sending birthday hugs to our gem Ava Marchetti", "Ava Marchetti", None),
    ("Big up our bro Kwame Mensah who smashed the open mic", "Kwame Mensah", None),
])
def test_a_birthday_post_or_shout_out_names_a_young_person(found, text, name, birthday):
    assert name in found(text, "full_name")
    if birthday:
        assert birthday in found(text, "date_of_birth")


@pytest.mark.parametrize("text", [
    "Happy birthday to our wonderful CEO Anita Holford!",
    "Happy 40th birthday to our legend of a sound engineer, Gary Pullen",
    "Shout out to Jess Lewin from Arts Council England for visiting today",
    "Massive shout out to tutor Kerry Dunne for covering tonight",
])
def test_a_grown_ups_birthday_or_shout_out_is_fine(found, text):
    assert found(text, "full_name") == [] and found(text, "date_of_birth") == []


def test_a_teacher_named_by_title_beside_a_school_is_fine(found):
    assert found("Big thanks to Mr Harris from Balcarras School who organised the trip", "school") == []
    assert found("Shout out to Ellis Brand from Cleeve School who played his first solo!", "school") == ["Cleeve School"]


@pytest.mark.parametrize("text, stay", [
    ("Jack is back with us after a fortnight on the children's ward", "a fortnight on the children's ward"),
    ("Zac is still on the paediatric ward, the group made him a card", "on the paediatric ward"),
    ("Poppy was admitted last night, her mum will keep us posted", "was admitted"),
])
def test_a_young_persons_stay_in_hospital_is_health(found, text, stay):
    assert any(stay in health for health in found(text, "health"))


@pytest.mark.parametrize("text", [
    "Kai's nan has been in hospital this week so he might be quiet",
    "We're running a music session on the children's ward at Gloucestershire Royal on Friday",
    "Amy and Leo played carols on the children's ward",
    "Dan's doing a workshop at the hospital school on Thursday",
])
def test_a_grown_ups_stay_or_a_ward_as_a_venue_is_fine(found, text):
    assert found(text, "health") == []


def test_a_health_workers_role_is_not_a_second_need(found):
    text = "Case study: Skye was referred by her mental health worker after months of anxiety."
    assert found(text, "health") == ["anxiety"]
