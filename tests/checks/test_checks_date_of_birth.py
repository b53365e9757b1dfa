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
