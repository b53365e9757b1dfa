"""Round 25 (issue 16): a young person's age or birth year that gives their date of birth away (policy 3
and 5.6: no personal details of young people).

A birth year given alone still tells a child's age: on a form's line ("Year of birth: 2012"), in a
shortlist ("(b. 2011)") or in a birthday message ("born in 2010"). So does a young person's own milestone
typed with the "I" left out ("turning 15 on friday"), an age set off beside a young performer's role in a
news release ("drummer, 12,"), and an age leant on beside a first name ("Connor's only 14 so ..."). An
adult's birth year or age, a group's age range, a thing's birthday, a year that is an event's and a
number that is a time or a code are no one's date of birth.
"""

import pytest


@pytest.mark.parametrize(
    ("young", "expected", "not_a_birth"),
    [
        ("Name: Harriet\nYear of birth: 2012\nInstrument: trumpet", ["2012"],
         "Name: Harriet\nYear joined: 2012\nInstrument: trumpet"),
        ("Mentoring pairs: Idris (b. 2010) with Joan, Kit (b. 2011) with Pete", ["2010", "2011"],
         "Guest speaker: Joan Baxter (b. 1958), folk singer and teacher"),
        ("Happy 16th Marnie!! born in 2010 and still our best harmoniser", ["2010"],
         "Born in 2009 or 2010? Applications for the bursary close soon"),
        ("Fun fact about me: I was born in 2012 and I love drums", ["2012"],
         "Fun fact about me: I was born in 1984 and I love drums"),
        ("Happy birthday Jodie! Can't believe you were born in 2012", ["2012"],
         "If you were born in 2012 you can apply for the junior bursary"),
    ],
)
def test_a_birth_year_given_alone_is_a_date_of_birth(found, young, expected, not_a_birth):
    assert [t for t in found(young, "date_of_birth") if t[:2] in ("20", "19")] == expected
    assert found(not_a_birth, "date_of_birth") == []


@pytest.mark.parametrize(
    ("own", "expected", "grown_up"),
    [
        ("turning 14 on tuesday!! can we do cake after choir", ["14 on tuesday"],
         "turning 40 on tuesday!! staff drinks after choir"),
        ("soz cant make it, hitting 16 tomorrow and we're out for food", ["16 tomorrow"],
         "soz cant make it, the studio is hitting capacity tomorrow"),
        ("im gonna be 13 next month so can I join the rock school?", ["13"],
         "im gonna be 10 mins late, start without me"),
    ],
)
def test_a_young_persons_own_milestone_without_the_i_is_found(found, own, expected, grown_up):
    assert found(own, "date_of_birth") == expected
    assert found(grown_up, "date_of_birth") == []


@pytest.mark.parametrize(
    ("young", "expected", "not_an_age"),
    [
        ("Gloucester cellist, 13, wins a place in the national youth orchestra", ["13"],
         "Gloucester cellist, 45, joins our tutor team in January"),
        ("Our young trumpeter (11) led the brass section for the first time", ["11"],
         "Door code for the studio: star, seven, seven, one, then hash"),
        ("Lydney singer-songwriter aged 14 plays the main stage on Sunday", ["14"],
         "Lydney songwriters aged 14-18 can book the studio on Sundays"),
    ],
)
def test_an_age_beside_a_young_performers_role_is_found(found, young, expected, not_an_age):
    assert found(young, "date_of_birth") == expected
    assert found(not_an_age, "date_of_birth") == []


@pytest.mark.parametrize(
    ("young", "expected", "not_an_age"),
    [
        ("Can you keep an eye on Malik? He's just 11 and it's his first residential", ["11"],
         "Malik's just 10 minutes away, start the soundcheck"),
        ("Freya's only 9 so she'll need someone to sit with her on the coach", ["9"],
         "Freya's only got 9 days left to hand in the form"),
        ("As a parent helper I'd stay, my daughter's only 10 and it's her first gig", ["10"],
         "Our trustee Ella is just 19 and already chairs the youth panel"),
    ],
)
def test_an_age_leant_on_beside_a_young_person_is_found(found, young, expected, not_an_age):
    assert found(young, "date_of_birth") == expected
    assert found(not_an_age, "date_of_birth") == []
