"""Round 14: an exact age beside an identified young person is a date_of_birth finding of its own, and a
list of birthdays gives each person's day. Group ages, counts, times and house numbers stay quiet."""

from __future__ import annotations

import pytest

from bot.checks.checker import Checker
from bot.checks.findings import AGE_MESSAGE


@pytest.fixture(scope="module")
def checker():
    return Checker()


def _found(checker, text, kind):
    return [f.text for f in checker.check(text).findings if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Well done Naomi Fairlie, 15, on her first solo", ["15"]),
        ("Feature: Isaac Oduya (12) built his own drum machine", ["12"]),
        ("Case study – Holly Tremayne (16, Lydney)", ["16"]),
        ("Big welcome to thirteen-year-old Carys", ["thirteen-year-old"]),
        ("Tonight: Ava (14) - keys, Jonah (15) - bass", ["14", "15"]),
        ("Sign-up\nName: Milo\nAge: 11\nInstrument: drums", ["11"]),
        ("Happy 14th birthday to our newest singer Amara!", ["14th birthday"]),
        ("Heads up: Isla will be 18 in October", ["18 in October"]),
    ],
)
def test_an_exact_age_beside_a_young_persons_name_is_reported_as_their_age(checker, text, ages):
    assert _found(checker, text, "date_of_birth") == ages


def test_the_name_and_the_age_are_two_findings_and_both_leave_the_redacted_copy(checker):
    result = checker.check("Congratulations to Maya Brown, 16, who passed Grade 5")
    assert [(f.kind, f.text) for f in result.findings] == [("full_name", "Maya Brown"), ("date_of_birth", "16")]
    assert result.redacted == "Congratulations to Maya [surname removed], [age removed], who passed Grade 5"
    assert result.findings[1].message == AGE_MESSAGE


@pytest.mark.parametrize(
    "text",
    [
        "The youth band is for ages 13-19",
        "A new course for 14-18s starts in May",
        "We had 15 young people in tonight",
        "A 14-year-old joined the group last week",
        "Kit suitable for 12+",
        "I'm 42 and just learned bass",
        "Happy 10th anniversary to the studio",
        "Soundcheck with Jack (16:30)",
        "Amelia has been coming for 12 weeks",
        "Quiz scores: Ella 12, Marcus 9",
        "first_name,last_name,year\nPriya,Patel,8",
        "Door rota: Sam – 02/03, Kerry – 09/03",
    ],
)
def test_group_ages_counts_times_scores_and_rotas_are_not_anyones_age(checker, text):
    assert _found(checker, text, "date_of_birth") == []


def test_a_house_number_after_a_name_is_the_address_not_an_age(checker):
    result = checker.check("Please post it to Ellie Davis, 14 Kingsholm Road, Gloucester")
    assert _found(checker, "Please post it to Ellie Davis, 14 Kingsholm Road, Gloucester", "date_of_birth") == []
    assert "14 Kingsholm Road" in [f.text for f in result.findings]


def test_a_birthday_list_gives_each_persons_day_with_a_surname_or_an_initial(checker):
    text = "October birthdays\nRhian Price – 03/10\nTom K – 19th\nFreya – 27 October"
    assert _found(checker, text, "date_of_birth") == ["03/10", "19th", "27 October"]
