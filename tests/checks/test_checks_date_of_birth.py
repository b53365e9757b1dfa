"""Policy 3 and 5.6: a young person's date of birth or age-revealing birthday is a personal detail."""

from datetime import date

import pytest

THIS_YEAR = date.today().year


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Amy was born on 3 March 2012", "3 March 2012"),
        ("born 3rd March 2012 in Gloucester", "3rd March 2012"),
        ("He was born in 2012", "2012"),
        ("born in March 2012", "March 2012"),
        ("DOB: 03/03/2012", "03/03/2012"),
        ("dob 3.3.12", "3.3.12"),
        ("D.O.B. 2012-03-03", "2012-03-03"),
        ("Date of birth - 3 Mar 2012", "3 Mar 2012"),
        ("her birthday is 5th May, she turns 14", "5th May"),
        ("It's his 14th birthday on 5 May!", "5 May"),
        ("Birthday: 5 May 2011", "5 May 2011"),
        ("she turns 14 on the 5th of May", "5th of May"),
        ("Amy's bday is May 5th and she'll be 13 years old", "May 5th"),
        # An age milestone on a named or relative day, in a sentence or a list line.
        ("Freya is 12 on Thursday, card at rehearsal?", "12 on Thursday"),
        ("Jacob turns 15 tomorrow!", "15 tomorrow"),
        ("Harvey - 11 on 7 March", "7 March"),
        # A numbered birthday said on the day, a list of birthdays, a label a few words before.
        ("Happy 14th birthday Reuben!!", "14th birthday"),
        ("it's Ellis's 14th birthday today", "14th birthday"),
        ("Birthdays this term: Alfie 3/5", "3/5"),
        (f"Could you check her DOB for me? The form says 08/11/{THIS_YEAR - 12}", f"08/11/{THIS_YEAR - 12}"),
    ],
)
def test_birth_dates_and_age_revealing_birthdays_are_found(found, text, date):
    assert found(text, "date_of_birth") == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Concert on 3 March 2026",
        "Next session: 03/03/2026 at 10:30",
        "The festival is 5-7 May",
        "Happy birthday Amy!",
        "The studio turns 5 on Saturday, open day from 10am!",
        "Happy 10th birthday to Gloucester Youth Jazz!",
        "Year 9 on Friday, Year 10 on Monday for the mock auditions",
        "Photo caption: Kai on guitar at Cheltenham Town Hall, 3 March 2026.",
        "Rota for tea and biscuits: Alfie 3/5, Erin 10/5",
        "Amy's birthday party is on 5 May",
        f"Amy's birthday party is on 5 May {THIS_YEAR}",
        f"Amy's birthday party is on 5 May {THIS_YEAR + 1}",
        "Born in Gloucester, raised on punk",
        "The Music Works turns 20 on 5 May",
        "We will be 10 minutes late on 5 May",
        "Deadline 31/01/2026",
        "Since 2004 we have run projects",
    ],
)
def test_event_dates_and_birthdays_without_an_age_are_fine(found, text):
    assert found(text, "date_of_birth") == []


def test_a_list_of_birthdays_gives_each_childs_day_whatever_the_case_of_the_month(found):
    text = "Birthdays this term (for the cake fund)\nNoah - 3 May\nRuby - 19 may\nDeclan: 2nd June"
    assert found(text, "date_of_birth") == ["3 May", "19 may", "2nd June"]
