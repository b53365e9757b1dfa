"""Round 24 (issue 16): birthdays said as today's, young people's own ages, and secret, phone and school
look-alikes (policy 3, 4.1 and 5.5 to 5.6).

A child's age said with "today" is their birthday, and a young person giving their own age in a
self-introduction gives a personal detail (policy 3, 5.6); a grown-up's age, a head count and a thing's age
are not. Another date in the same message (a trip's, a gig's) is not the birthday's date. A possessive
after a password sentence names no password, but a real one given with the same words is still a secret
(policy 5.5). A landline that an organisation's own quoted email gives as "call us on" is public, while a
parent's mobile quoted the same way stays personal (policy 4.1). A group of pupils from a school, with
only event and award titles beside them, identifies no child; a named pupil's school is still theirs.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Well done Ottilie (11 today!) for leading the warm-up round", ["11 today"]),
        ("Cake in the kitchen for Rafferty from the Monday group, 13 today", ["13 today"]),
        ("Happy birthday Ines! Sixteen today \N{BIRTHDAY CAKE}", ["Sixteen today"]),
        ("Big congrats to Tobias who is finally 15 today and got his grade 3", ["15 today"]),
    ],
)
def test_an_age_said_as_todays_is_a_birthday(found, text, expected):
    assert found(text, "date_of_birth") == expected


@pytest.mark.parametrize(
    ("young", "expected", "grown_up"),
    [
        ("hi I'm Rowan and I'm 12, I play the violin", ["12"], "hi I'm Rowan and I'm 19, a parent of two in the band"),
        ("im thirteen and want to learn guitar pls", ["thirteen"], "im 5 mins away, start the warm-up"),
        ("my bday is in march so I'll be 14 by the tour", ["14"], "I'm 16 bars in and lost, which page?"),
    ],
)
def test_a_young_persons_own_age_is_found_but_not_a_grown_ups(found, young, expected, grown_up):
    assert found(young, "date_of_birth") == expected
    assert found(grown_up, "date_of_birth") == []


@pytest.mark.parametrize(
    "text",
    [
        "It's Jonah's birthday today - is the coach trip still on the 9th?",
        "Happy birthday to Leah who is 12 today! The concert is 21 June btw",
        "Milo's birthday was yesterday; band practice moves to the 16th",
    ],
)
def test_another_date_beside_a_birthday_is_not_its_date(found, text):
    found_dates = found(text, "date_of_birth")
    assert not any(any(ch.isdigit() for ch in t) and "today" not in t for t in found_dates), found_dates


@pytest.mark.parametrize(
    ("possessive", "real", "password"),
    [
        ("Reset the Dropbox password after Priya's tablet got left on the bus",
         "the password for Kai's account is Cajon!2024", "Cajon!2024"),
        ("Changed the wifi password since Omar's phone was pinched at the gig",
         "password reset after the break-in, the new one is Ukulele#58", "Ukulele#58"),
    ],
)
def test_a_possessive_after_a_password_sentence_is_no_password(found, possessive, real, password):
    assert found(possessive, "secret") == []
    assert found(real, "secret") == [password]


@pytest.mark.parametrize(
    ("organisation", "person", "mobile"),
    [
        ("Reply from the hall:\n> To book a room please ring us on 01632 960771.\n> Best wishes,\n> St Luke's Community Centre",
         "Reply from Kai's dad:\n> Please ring me on 07700 900318 if he's late.\n> Best wishes,\n> Dan", "07700 900318"),
        ("> Any questions, do give us a ring on 01452 610442.\n> Kind regards,\n> Reception, Meadowbank Primary School",
         "> my mobile is 07911 456120 for the pick up\n> Thanks,\n> Tia", "07911 456120"),
    ],
)
def test_an_organisations_number_in_its_signed_email_is_public(found, organisation, person, mobile):
    assert found(organisation, "phone") == []
    assert found(person, "phone") == [mobile]


@pytest.mark.parametrize(
    ("group", "named", "school"),
    [
        ("Four students from Brookfield High are helping at the Christmas Concert",
         "Ellie from Brookfield High is helping at the Christmas Concert", "Brookfield High"),
        ("Some pupils from Ashgrove Academy are doing their Duke of Edinburgh volunteering with us",
         "Our new bassist Rory goes to Ashgrove Academy", "Ashgrove Academy"),
    ],
)
def test_pupils_from_a_school_as_a_group_name_no_child(found, group, named, school):
    assert found(group, "school") == []
    assert found(named, "school") == [school]
