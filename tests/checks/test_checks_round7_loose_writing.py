"""Round 7 (issue 16): leaks written loosely, as people type in chat, and their harmless look-alikes.

A child's school in lower case, as initials or set against another school; a password given with
"it's" or printed on a router; a birthday jotted beside a first name; registers and captions that
name a young person in full. And what is not a leak: a band's name, an endearment before a first
name, "hasn't" after the word "password".
"""

import pytest


@pytest.mark.parametrize(
    ("text", "schools"),
    [
        ("freya's at pates grammar now so she gets the bus", ["pates grammar"]),
        ("Noah's at Crypt now not Ribston - moved in september", ["Crypt", "Ribston"]),
        ("Ellis (year 7, Brockworth) is new this week", ["Brockworth"]),
        ("Olly's in year 4 at Kingsholm primary, his sister collects him", ["Kingsholm primary"]),
        ("Kieran Batt (DOB 19/05/2010), Churchdown School, has a new key worker", ["Churchdown School"]),
    ],
)
def test_a_childs_school_written_loosely_is_found(found, text, schools):
    assert found(text, "school") == schools


@pytest.mark.parametrize(
    "text",
    [
        "Kingsholm stadium car park is closed on match days",
        "We're playing a gig at the Cleeve Hill golf club on Saturday",
        "Balcarras Road is the quickest way to the studio",
    ],
)
def test_a_place_that_shares_a_schools_name_is_fine(found, text):
    assert found(text, "school") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("admin password it's Bassline42! - don't share", "Bassline42!"),
        ("WPA key on the router sticker: 7HQK-29DM-PXV4", "7HQK-29DM-PXV4"),
        ("Wifi is still Studio2024! until someone rotates it", "Studio2024!"),
    ],
)
def test_a_password_said_loosely_is_found(found, text, secret):
    assert found(text, "secret") == [secret]


@pytest.mark.parametrize(
    "text",
    [
        "It hasn't been changed yet, I'll sort the password reset tomorrow",
        "The wifi password hasn't changed, ask at reception",
        "wifi password hasn\u2019t changed",
        "the password isn't on the sticker any more",
    ],
)
def test_hasnt_and_tomorrow_are_never_a_password(found, text):
    assert found(text, "secret") == []


def test_a_birthday_jotted_beside_a_first_name_is_a_date_of_birth(found):
    assert found("Lexi bday 28/10 - card?", "date_of_birth") == ["28/10"]


@pytest.mark.parametrize("text", ["Happy birthday 28/10 everyone", "Staff birthday lunch on 12/6"])
def test_a_birthday_of_nobody_in_particular_is_fine(found, text):
    assert found(text, "date_of_birth") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Top attendance this term - PARKER, Summer; Dhillon, Arjun", ["PARKER, Summer", "Dhillon, Arjun"]),
        ("Okonkwo, Zuriel (age 13) has paid for the trip", ["Okonkwo, Zuriel"]),
        ("loved it when ellie-may fortescue drops the beat at 2:10", ["ellie-may fortescue"]),
        ("Please read the case study on Connor Blakemore-Tyre, the lad from Matson", ["Connor Blakemore-Tyre"]),
    ],
)
def test_a_young_persons_full_name_in_a_register_caption_or_case_study_is_found(found, text, names):
    assert found(text, "full_name") == names


@pytest.mark.parametrize(
    "text",
    [
        "Well done to Quedgeley Juniors on their first live set",
        "Little Archie (yr 5, Hillview Primary) did so well on the cajon",
        "when ellie-may drops the beat the room goes wild",
        "Venues: Pittville, Montpellier; Kingsholm, Gloucester",
    ],
)
def test_a_group_an_endearment_or_a_verb_is_no_full_name(found, text):
    assert found(text, "full_name") == []
