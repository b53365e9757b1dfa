"""Round 23 (issue 16): dates of birth and ages typed in a hurry (policy 3 and 5.6).

A young person's date of birth is a personal detail however it is typed: beside a first name in lower
case, said in words with the year in words, or after "dob is the". An age said with when the young person
joined us tells how old they are now, as does an age before a role and a full name. Event dates, session
days, famous people's birthdays, the age of a thing and a group's age range stay quiet.
"""

from datetime import date

import pytest

THIS_YEAR = date.today().year
CHILD = THIS_YEAR - 13


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lower-case first names in a quick list of dates of birth.
        (f"dobs for the minibus: harry 03/05/{CHILD}, nadia 21/1/{CHILD + 1}", [f"03/05/{CHILD}", f"21/1/{CHILD + 1}"]),
        (f"erin {CHILD}-07-22 and owen {CHILD - 1}-12-02", [f"{CHILD}-07-22", f"{CHILD - 1}-12-02"]),
        # A date said in words with its year in words.
        ("her date of birth is the seventh of may two thousand and thirteen", ["seventh of may two thousand and thirteen"]),
        ("he was born on the tenth of april twenty fourteen", ["tenth of april twenty fourteen"]),
        (f"his dob's the 4th of feb {CHILD}", [f"4th of feb {CHILD}"]),
        # A birthday on a short weekday, with the age to come.
        ("it's kira's birthday on fri 9th, she'll be 12", ["fri 9th"]),
        # The age at joining, with when they joined.
        ("marek joined the drum group in october aged 11", ["11"]),
        ("Sana signed up last spring, aged thirteen", ["thirteen"]),
        (f"first came along in {THIS_YEAR - 1} at the age of 12", ["12"]),
    ],
)
def test_hurried_birth_dates_and_join_ages_are_found(found, text, expected):
    assert found(text, "date_of_birth") == expected


@pytest.mark.parametrize(
    "text",
    [
        # Session dates beside names, event dates, ranges.
        "harry 03/05 on keys, nadia 10/05 on bass",
        f"receipt dated 14/03/{THIS_YEAR - 1}",
        f"showcase runs 02/07/{THIS_YEAR} to 05/07/{THIS_YEAR}",
        # A famous person's birth, a thing that was born or has a birthday.
        "handel was born on the twenty third of february sixteen eighty five",
        "holst was born on the twenty first of september eighteen seventy four",
        f"the podcast was born in june {THIS_YEAR - 3}",
        "today is the 9th birthday of the open mic night",
        # A group's ages, an adult's age, ages long past.
        "we started a class for kids aged 9 last autumn",
        "sessions started in may for anyone aged 14 to 18",
        "our treasurer joined in april aged 52",
        f"our first ever member joined in {THIS_YEAR - 12} aged 9",
        "Priya joined our choir aged 12 when things at home were hard",
    ],
)
def test_lookalike_dates_and_ages_stay_quiet(found, text):
    assert found(text, "date_of_birth") == []
