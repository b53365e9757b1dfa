"""Round 16 (issue 16): schools said beside a named child in more shapes, young people's full names in
more shapes, and businesses' and venues' published landlines."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, school", [
    ("Shout out to Reuben (Beaufort's finest) for that solo!", "Beaufort"),
    ("Brooke Sandiford, 13, of Churchdown School Academy, joins the county orchestra.", "Churchdown School Academy"),
    ("Aisha was referred by Holmleigh Park's pastoral team after a tough term.", "Holmleigh Park"),
    ("FYI Jordan has been permanently excluded from Oxstalls, so he's with us on Tuesdays.", "Oxstalls"),
    ("Reminder: pick-up from Severn Vale gates at 3.20 for Kai, then the studio.", "Severn Vale"),
    ("Register for Thursday: Harper, Jess; Doyle, Connor. All yr 8 from Archway.", "Archway"),
    ("Child involved: Mason Reid (age 12), Brockworth Academy", "Brockworth Academy"),
    ("Ollie - Maidenhill lad, yr 10 - is keen on sound engineering.", "Maidenhill"),
])
def test_a_named_childs_school_is_found_in_more_shapes(found, text, school):
    assert school in found(text, "school")


@pytest.mark.parametrize("text", [
    "Pick-up from Severn Vale gates at 3.20 for the Year 8 group.",
    "Our referrals this term came from Oxstalls, Holmleigh Park and the Gloucester Academy.",
    "Sarah Collins, head of music at Marling, joined us for the planning meeting.",
    "Thanks to Beaufort for lending us their hall for the showcase!",
])
def test_a_school_as_a_venue_or_for_a_group_is_fine(found, text):
    assert found(text, "school") == []


@pytest.mark.parametrize("text, name", [
    ("Ellie-Mae Cotton, 14, and Harrison Dyer spoke at the council.", "Harrison Dyer"),
    ("We'd like to offer Rhys Tanner a bursary place for the summer school.", "Rhys Tanner"),
    ("CASE STUDY\n\nKian Lowe\n\nKian first came to a drop-in session.", "Kian Lowe"),
    ("Name: Adeyemi, Tobi\nYear group: 9\nInstrument: bass", "Adeyemi, Tobi"),
    ("Impact story: When Mia Ferreira started with us she wouldn't sing.", "Mia Ferreira"),
    ("Youth panel members this year: Grace Ndlovu and Archie Fenwick.", "Archie Fenwick"),
])
def test_a_young_persons_full_name_is_found_in_more_shapes(found, text, name):
    assert name in found(text, "full_name")


@pytest.mark.parametrize("text", [
    "@Dan Leah T can you send the youth band setlist over?",
    "Impact story: When Jess Phillips MP visited, the youth choir sang for her.",
    "Name: Ferris, Lottie\nSchool year: 7\nParent/carer: Mr Ferris",
])
def test_handles_titles_and_schools_are_not_young_names(found, text):
    assert not set(found(text, "full_name")) & {"Dan Leah", "Jess Phillips", "Mr Ferris"}


@pytest.mark.parametrize("text", [
    "Guitar repairs: Music Room Gloucester, 01452 309 999 - ask for the workshop.",
    "Box office for the Roses is 01684 295074 if parents want tickets.",
    "Taxi for the band: Cotswold Cars are on 01453 764 210, booked for 5pm.",
    "Piano tuner we use: Severn Pianos Ltd, 01452 411 822.",
])
def test_a_business_or_venue_landline_is_public(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize("text", [
    "If the taxi's late, call Jo on 01452 445 190.",
    "Cotswold Cars said ring Dave's mobile, 07923 118 402.",
    "Box office for the Roses is shut, ring my home number 01684 295 074.",
])
def test_a_persons_number_beside_a_business_is_still_found(found, text):
    assert found(text, "phone") != []
