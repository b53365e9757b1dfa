"""Round 29 (issue 16): a person's name is read the same way in every check, accents and all.

The phone, school and health checks each looked for a first name with their own pattern of plain
letters, so "Zoë's: 01452 ..." after a box office's number was read as the box office's second line
(policy 4.1 and 5.5: a young person's number is personal). They now share the name checks' pattern
and first-name list, which know "Zoë" as "Zoe".
"""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The box office number is 01452 500500. Zoë's: 01452 960391",
        "The box office number is 01452 500500. Anaïs's: 01452 960391",
    ],
)
def test_an_accented_first_name_before_a_number_makes_it_that_persons(found, text):
    assert found(text, "phone") == ["01452 960391"]


def test_a_plain_first_name_still_does_and_the_box_office_stays_public(found):
    assert found("The box office number is 01452 500500. Zoe's: 01452 960391", "phone") == ["01452 960391"]


def test_a_full_name_signed_under_love_is_the_writer_not_a_listed_young_person(found):
    # sign_off_words.txt is now the one list of closings, for the names check as for the phone check.
    assert found("Thanks for having us!\nLove,\nSarah Jenkins", "full_name") == []
