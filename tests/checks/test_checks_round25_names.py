"""Round 25 (issue 16): a child's parent named beside them, a child new to a group, and songs credited to
their artists (policy 5.5 and 5.6).

A grown-up named as a child's parent ("her mum, Karen Whitlock") is an adult giving their own details for
the child's sake, however young the child beside them; the child's own full name is still theirs. A child
new to a group, named with it ("new lad joining Thursday, Ethan Prowse"), is a young person. A set list
written "Title – Artist, Title – Artist" names songs and artists, not registers of surnames first, while a
register with a dash after each entry is still one.
"""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Reuben's only 12 so his dad, Marcus Obi, will stay for the session.",
        "Kofi is 15 and needs a lift back; our contact for that is his grandad: Peter Mensah.",
        "Ava's 14 next month. Please copy in her mum Sarah Pike on the trip emails.",
    ],
)
def test_a_parent_named_beside_a_young_child_is_a_grown_up(found, text):
    assert found(text, "full_name") == []


def test_the_childs_own_full_name_beside_their_parent_is_still_found(found):
    text = "Her mum, Karen Whitlock, asked us to put Freya Whitlock (13) forward for the solo."
    assert found(text, "full_name") == ["Freya Whitlock"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("heads up, new lad joining Thursday, Ethan Prowse. keen on drums", "Ethan Prowse"),
        ("New girl in the Monday group is Skye Hadley, go gently x", "Skye Hadley"),
    ],
)
def test_a_child_new_to_a_group_is_a_young_person(found, text, name):
    assert found(text, "full_name") == [name]


def test_songs_credited_to_their_artists_name_no_one(found):
    assert found("Set list: Heroes – Bowie, Purple Rain – Prince, Delilah – Jones, Valerie – Winehouse", "full_name") == []


def test_a_register_with_a_dash_after_each_entry_is_still_a_register(found):
    text = "Year 8 register\nHolloway, Jasmine – Year 8\nBegum, Safa – Year 8"
    assert found(text, "full_name") == ["Holloway, Jasmine", "Begum, Safa"]
