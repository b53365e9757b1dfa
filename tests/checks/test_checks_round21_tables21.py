"""Round 21 (issue 16): tables, CSVs and forms read by their labels, and a young person's school said
beside their name.

Policy sections 3 and 5.6: a young person's date of birth, age and school are personal details, and
only their first name may be shared. A table's header says what each of its cells is: in a row naming a
young person, the cells under Age, DOB and School give those details away (an exact age counts as a
date of birth). The same labels say what a value is not: the time a form was sent is nobody's birth
date, and a parent's or an emergency contact's name is a grown-up's.
"""

from __future__ import annotations

import pytest

# --- A. a young person's row gives away what its columns say ---------------------------------------


@pytest.mark.parametrize("text, kind, expected", [
    ("Family name,Given name,D.O.B.,School\nPenhallow,Tegan,11/12/2010,Severn Vale School",
     "date_of_birth", ["11/12/2010"]),
    ("Family name,Given name,D.O.B.,School\nPenhallow,Tegan,11/12/2010,Severn Vale School",
     "school", ["Severn Vale School"]),
    ("Family name,Given name,D.O.B.,School\nPenhallow,Tegan,11/12/2010,Severn Vale School",
     "full_name", ["Penhallow,Tegan"]),
    ("| Pupil name | Age | School | Part |\n|---|---|---|---|\n| Kobi Ashworth | 14 | Brockworth Academy | Puck |",
     "date_of_birth", ["14"]),
    ("| Pupil name | Age | School | Part |\n|---|---|---|---|\n| Kobi Ashworth | 14 | Brockworth Academy | Puck |",
     "school", ["Brockworth Academy"]),
    ("Attendee\tAge\tSchool\nSeren\t12\tNewent Community School", "date_of_birth", ["12"]),
    ("Attendee\tAge\tSchool\nSeren\t12\tNewent Community School", "school", ["Newent Community School"]),
    ('"First name","Surname","Age"\n"Ivy","Trelawny","16"', "date_of_birth", ["16"]),
    ('"First name","Surname","Age"\n"Ivy","Trelawny","16"', "full_name", ["Ivy\",\"Trelawny"]),
])
def test_a_young_persons_table_row_gives_away_its_age_birth_date_and_school(found, text, kind, expected):
    assert found(text, kind) == expected


@pytest.mark.parametrize("text", [
    # staff, with their role
    "Name | Role | Start date\nGemma Pask | Bass tutor | 14/04/2022",
    # sessions and their age bands
    "Session | Ages | Leader\nRap lab | 13-17 | Dan",
    # counts by school, with no one named
    "School | Places taken | Youngest\nChosen Hill School | 11 | 12",
    # a schools' concert running order
    "Slot | School | Song\n7:10 | Churchdown School Academy | Skyfall",
    # a venue list
    "Venue | Capacity | Contact\nSub Rooms | 200 | box office",
    # a grown-up's row in a participants' table
    "Name | Age | School\nTerry Vokes | 43 | -",
])
def test_tables_of_staff_venues_sessions_and_counts_stay_quiet(check, text):
    assert check(text).findings == []


def test_a_header_row_is_nobodys_name(found):
    assert found("Given name,Family name,Age\nRowan,Petts,13", "full_name") == ["Rowan,Petts"]


def test_a_school_cell_is_no_persons_name(found):
    assert found("Name;Age;School\nDev Kapoor;15;Pittville School", "full_name") == ["Dev Kapoor"]


def test_no_address_runs_from_one_row_of_a_table_into_the_next(found):
    assert found("Partner | Lead | Visits\nGuildhall | Jo | 3\nKingsholm Road | Sam | 2", "postal_address") == []


# --- B. forms read by their labels -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Timestamp: 19/02/2025 07:31:55\nFeedback: the drum kit needs new skins",
    "Date submitted 30/06/2024 12:10\nSession rating: 4",
    "Submission time,Rating\n02/05/2025 20:15:09,5",
])
def test_when_a_form_came_in_is_no_date_of_birth(found, text):
    assert found(text, "date_of_birth") == []


@pytest.mark.parametrize("text", [
    "Parent/carer: Lorraine Beddoe\nBest number: landline",
    "Dad: Clive Armitage",
    "Guardian: Yusra Haddad",
    "Emergency contact name: Paulette Gill",
    "Child name,Parent name\nAsa,Dominic Fairhurst",
])
def test_a_parent_or_emergency_contact_line_names_a_grown_up(found, text):
    assert found(text, "full_name") == []


def test_the_childs_details_on_a_form_still_count_beside_its_timestamp_and_parent(check):
    text = ("Timestamp 07/03/2025 09:12:44\nChild's name: Oona Varley\nDate of birth: 02/02/2013\n"
            "Parent/carer: Simon Varley\nSchool: Cleeve School")
    assert [(f.kind, f.text) for f in check(text).findings] == [
        ("full_name", "Oona Varley"), ("date_of_birth", "02/02/2013"), ("school", "Cleeve School")]


# --- C. a named young person's school said beside the name ---------------------------------------


@pytest.mark.parametrize("text, school", [
    ("Safeguarding note, Finn Oduya: school (Holmleigh Park) have been informed", "Holmleigh Park"),
    ("Rang Balcarras (Jenna Croft's school) this morning", "Balcarras"),
    ("Will ask Chosen Hill (her school) to send the letter on to Maisie", "Chosen Hill"),
])
def test_a_school_said_in_brackets_beside_a_named_child_is_found(found, text, school):
    assert found(text, "school") == [school]


@pytest.mark.parametrize("text", [
    "The school (Pittville) has lent us its hall for the concert",
    "Our school (Balcarras) partnership starts in June",
])
def test_a_school_in_brackets_naming_no_child_stays_quiet(found, text):
    assert found(text, "school") == []


@pytest.mark.parametrize("text", [
    "Aurelia Stone has joined the county youth theatre",
    "Ibrahim Kamara sings with the National Children's Choir",
])
def test_a_full_name_made_young_by_a_young_peoples_ensemble(found, text):
    assert len(found(text, "full_name")) == 1


def test_an_adult_who_works_with_a_young_peoples_ensemble_stays_quiet(found):
    assert found("Director Helen Moss runs the youth theatre", "full_name") == []
