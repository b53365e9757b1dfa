"""Policy 5.6, round 10: young people's names in lists and tables, and opted-out children in social posts.

A list is of young people when its heading or columns say so (DOB, school, year, age sizes, medical,
emergency contacts), when another row is a participant named in full, or when a row carries a young
value; then every row's name is a young person's full name. A caption is for the public when it
says so the way posts do (a hashtag, a shout out, "pov:", "link in bio", a camera emoji).
"""

import pytest


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Name | DOB | School | Present\nCallum Rees | 04/09/2009 | x | Y\nBethany Oduya | 17/01/2010 | x | N",
         ["Callum Rees", "Bethany Oduya"]),
        ("T-shirt order (age sizes):\nMarley Cox - 11-12\nTheo Bramwell - 9-10", ["Marley Cox", "Theo Bramwell"]),
        ("Minibus seats:\n1. Amy Smith\n2. Darcy Whitlock", ["Amy Smith", "Darcy Whitlock"]),
        ("Contacts:\nFrankie Oyelaran - mum (Bisi)\nIvy Kettering - nan (Sue)", ["Frankie Oyelaran", "Ivy Kettering"]),
    ],
)
def test_the_rows_of_a_list_of_young_people_are_their_full_names(found, text, names):
    assert found(text, "full_name") == names


@pytest.mark.parametrize(
    "text",
    [
        "Staff list:\nGrace Turner | Project manager\nLucy Moore | Workshop leader",
        "Jamie Lockhart (mum: Claire Lockhart)\nSienna Blackwood (dad: Rob Blackwood)",
        "Attendance Tues: Holloway, Jasmine; Begum, Safa - all in",
    ],
)
def test_adults_and_headings_in_lists_are_not_young_peoples_names(found, text):
    assert all(name not in ("Grace Turner", "Lucy Moore", "Claire Lockhart", "Rob Blackwood", "Attendance Tues")
               for name in found(text, "full_name"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tom, Isla and Noah smashing the final number 📸 #TMWlive", "Tom"),
        ("pov: tom j finally lands the drum fill link in bio", "tom j"),
        ("Shout out to Ella G for her first ever solo!", "Ella G"),
        ("Running order (for the poster): 1. Tom 2. Amy 3. Zoë", "Tom"),
    ],
)
def test_an_opted_out_child_in_a_social_post_is_a_photo_consent_finding(found, text, name):
    assert found(text, "photo_consent") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Jones tribute night at the Town Hall - tickets via link in bio 📸",
        "Group photo at 6 - Tom's sitting this one out, he'll help Dan with the lights.",
        "Tom's mum is collecting him at 4 today.",
    ],
)
def test_namesakes_and_children_kept_out_of_pictures_are_not_photo_findings(found, text):
    assert found(text, "photo_consent") == []


def test_a_birthday_under_eighteen_makes_a_young_person(found):
    assert found("Heads up - it's Jess Karimi's 16th on Thursday", "full_name") == ["Jess Karimi"]
