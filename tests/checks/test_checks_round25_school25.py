"""Round 25 (issue 16), policy 4.1: never give out a young person's school name, however chat says it.

A young person's own school, said to find others there ("I'm at <school> too", "anyone else at
<school>?"), is theirs; a grown-up's day at a school ("I'm at <school> all afternoon for the taster")
is a venue. A member of a group said by their part ("our new drummer's at <school>") is a particular
child, and so is a named child whose school is cheered in brackets after their name or whose
subject teacher there is mentioned. Pupils as a group, a school's office or department, an exam board
and "home educated" name nobody's school."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("I'm also at Marling, does anyone want to walk down together?", "Marling"),
        ("im at Ribston Hall as well lol, see u thursday", "Ribston Hall"),
        ("is anybody else at Balcarras? i dont know anyone in the band yet", "Balcarras"),
    ],
)
def test_a_young_persons_own_school_said_to_find_others_there_is_found(found, text, school):
    assert found(text, "school") == [school]


def test_a_grown_ups_day_at_a_school_stays_quiet_while_a_pupils_own_school_is_found(found):
    assert found("I'm at Marling till 4 for the drumming taster if anyone needs me", "school") == []
    assert found("i'm at Marling too, which form are you in?", "school") == ["Marling"]


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Our new guitarist's at Severn Vale so Tuesdays are tricky for him", "Severn Vale"),
        ("the lad on drums is at Balcarras, really keen to get going", "Balcarras"),
    ],
)
def test_a_band_member_said_by_their_part_is_a_particular_child(found, text, school):
    assert found(text, "school") == [school]


def test_a_member_at_a_school_for_the_evening_gig_is_a_venue(found):
    assert found("The guitarist is at Severn Vale tonight for the gig", "school") == []
    assert found("The guitarist is at Severn Vale, year 10 I think", "school") == ["Severn Vale"]


def test_a_school_cheered_in_brackets_after_a_childs_name_is_their_school(found):
    assert found("Great set from Maisie (team Balcarras!!) on Saturday", "school") == ["Balcarras"]


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Reece said his drama teacher at Chosen Hill wants to come and watch", "Chosen Hill"),
        ("Anya's piano teacher at Pate's has written her a reference", "Pate's"),
    ],
)
def test_a_named_childs_subject_teacher_at_their_school_names_it(found, text, school):
    assert found(text, "school") == [school]


def test_pupils_as_a_group_and_exam_boards_name_no_childs_school_while_one_member_does(found):
    assert found("Fifteen Year 9s from Chosen Hill and Marling joined the samba workshop", "school") == []
    assert found("Jonah passed Rockschool Grade 4 bass with distinction", "school") == []
    assert found("Name: Esme | School: home educated | Instrument: fiddle", "school") == []
    assert found("Our new recruit's at Chosen Hill and can do Mondays", "school") == ["Chosen Hill"]


def test_a_school_year_after_the_writers_school_makes_it_theirs_unless_they_are_working_there(found):
    assert found("I'm at Balcarras, year 10, and I sing", "school") == ["Balcarras"]
    assert found("I'm at Balcarras, teaching the Year 10 choir, back online at 3", "school") == []


def test_two_young_people_at_one_school_name_it(found):
    assert found("we're all at Pate's so can we share a lift home?", "school") == ["Pate's"]


def test_an_emoji_between_a_caption_name_and_its_brackets_keeps_the_school_the_childs(found):
    assert found("Maya \U0001f3a4 (Severn Vale) on vocals", "school") == ["Severn Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "Kai's Trinity grade 3 is at Chosen Hill next Saturday",
        "Noah's Rockschool grade 2 drums is at Pate's on the 12th",
        "Child's school: Home-educated",
    ],
)
def test_an_exam_boards_venue_and_home_education_are_no_childs_school(found, text):
    assert found(text, "school") == []


def test_a_named_childs_teacher_from_their_school_names_it(found):
    assert found("Ruby's guitar teacher from Severn Vale popped in to watch her set", "school") == ["Severn Vale"]


def test_a_hashtag_cheering_a_school_after_a_childs_name_names_it(found):
    assert found("Tilly (#TeamBalcarras) opened the show", "school") == ["Balcarras"]
