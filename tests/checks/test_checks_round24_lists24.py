"""Round 24 (issue 16), policy 3 and 5.6: no young person's full name goes out, whoever wrote the text.

A list whose purpose makes the people on it participants names young people in full: who is collected
at the end of a session, who rides the minibus, the stops of a pick-up run, who shares a room or brings
what on a trip, the pupils a school sends to a session, a new participant's contact. So does a young
person introducing themself in lower-case chat. A grown-up labelled on such a list (the driver, a
leader) stays quiet, as does a volunteer's or staff member's own induction or HR note. A venue named
like a person ("at the Royal ... Hall") is a place, and a register of first names one by one is no
"Surname, First" pair."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Collection list Friday:\nMarley Osgood - picked up by his nan\nAnya Frith - walks home", "Marley Osgood"),
        ("Coach home from Bristol, passengers: Tegan Rusby, Corey Vance and Bella Nunn", "Corey Vance"),
        ("Pick-up run:\n17:20 Jodie Harrow - 14 Cotswold Way, Tuffley", "Jodie Harrow"),
        ("Rooming list\nRoom 2: Cerys Ambrose, Ivy Kettle", "Ivy Kettle"),
        ("Dear Ms Grant, the pupils coming to the beatbox taster are Leon Fairfax and Nadia Quint.", "Nadia Quint"),
        ("here are the details for the new girl - Poppy Lathbury-Stone, 07700 900123", "Poppy Lathbury-Stone"),
        ("Pupils on the Tuesday list: Harry Britten, Zara Gale", "Harry Britten"),
    ],
)
def test_a_young_persons_full_name_on_a_participants_list_is_found(found, text, name):
    assert name in found(text, "full_name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hey its holly brayshaw, cant make tonight sorry", "holly brayshaw"),
        ("hiya my name is dexter allingham im new to the thursday band", "dexter allingham"),
    ],
)
def test_a_young_person_introducing_themself_in_chat_is_found(found, text, name):
    assert name in found(text, "full_name")


def test_the_driver_on_a_passenger_list_stays_quiet_while_the_passengers_are_found(found):
    assert found("Passengers: Tegan Rusby, Corey Vance. Driver: Gordon Fleet", "full_name") == ["Tegan Rusby", "Corey Vance"]


@pytest.mark.parametrize(
    "text",
    [
        "Volunteer induction: Dominic Hale, aged 30, will support the youth band.",
        "New staff member induction - Rachel Ambler. She will support the Year 8 group on Mondays.",
    ],
)
def test_a_grown_ups_own_induction_note_names_no_young_person(found, text):
    assert found(text, "full_name") == []


@pytest.mark.parametrize(
    "text",
    [
        "Lunch is in the Royal Victoria Hall for the Year 9 group.",
        "Our under-16s gig is at the Old Beatrice Hall on Saturday.",
        "Register: Poppy, Finn, Rosa-Lee, Jude, Maisie - 5 in",
    ],
)
def test_venues_named_like_people_and_first_name_registers_name_no_one(found, text):
    assert found(text, "full_name") == []
