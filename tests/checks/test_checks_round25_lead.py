"""Round 25 (issue 16): a certificate posted home, a birthday after an emoji, and a venue's room before its
address (policy 4.1, 5.5 and 5.6).

Posting a child's certificate, medal or letter is the mail, not publicity, so an opted-out child named for
it is in no picture; posting their certificate's photo on the website still is. A birthday greeting's age
said as today's counts after an emoji or two, while a head count after one does not. A venue called a room
or a barn, named before its address, keeps that address public; a home address with a room number in it
stays a home address.
"""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Could someone post Ella G's Grade 2 certificate to her? She missed Saturday.",
        "Rachel, can you post Tom J's medal home, mum says he's gutted he missed it",
    ],
)
def test_a_childs_certificate_posted_home_puts_them_in_no_picture(found, text):
    assert found(text, "photo_consent") == []


def test_a_photo_of_the_certificate_posted_online_still_does(found):
    assert found("posting Tom J's certificate photo on the website tonight", "photo_consent") == ["Tom J"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Happy birthday Kiera!! \N{BIRTHDAY CAKE}\N{PARTY POPPER} 12 today and still the best drummer", ["12 today"]),
        ("Happy bday Josh! \N{FACE WITH PARTY HORN AND PARTY HAT} fifteen today, go easy on him", ["fifteen today"]),
        ("Huge session! \N{MULTIPLE MUSICAL NOTES} 22 today in the room, a new record", []),
    ],
)
def test_an_age_said_as_todays_after_an_emoji_is_a_birthday(found, text, expected):
    assert found(text, "date_of_birth") == expected


def test_a_venue_called_a_room_keeps_its_address_public(found):
    assert found("GIG NIGHT | Sat 4 May | The Blue Room, 12 Kings Square, Gloucester GL1 2RB", "postal_address") == []


def test_a_home_address_with_a_room_number_is_still_a_home(found):
    text = "Lily's staying with her nan, Flat 3, Room 2, 14 Kingsholm Road, Gloucester GL1 3AX"
    assert found(text, "postal_address") == ["14 Kingsholm Road", "GL1 3AX"]


def test_ages_on_list_rows_with_full_names_are_found_too(found):
    text = "Day 2 list\n\nAmara Croft – 14 – Pittville School\nTheo Bevan – 16 – Balcarras School"
    assert found(text, "date_of_birth") == ["14", "16"]
    assert found(text, "full_name") == ["Amara Croft", "Theo Bevan"]


def test_grown_ups_ages_on_a_staff_list_are_not(found):
    assert found("Staff\nJo Hale – 45 – Manager\nDan Hughes – 38 – Drums", "date_of_birth") == []
