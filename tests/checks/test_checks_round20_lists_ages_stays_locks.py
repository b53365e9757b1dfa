"""Round 20 (issue 16): dates of birth written in words beside names in a list, an age said of the
person just named ("Ashton Kerr, he's 13") or in a record's "| Age: 9" field, a stay said with how
recent it is ("only just back after her op"), and a lock's new code given once it has changed."""

from __future__ import annotations

import dataclasses

import pytest

from bot.checks import Checker


def test_dates_of_birth_in_words_beside_listed_names_are_found(found):
    text = "Names + DOBs for the Trinity form:\nImogen Fairley \u2013 23 January 2010\nJosh Ng \u2013 May 2nd, 2009"
    assert found(text, "date_of_birth") == ["23 January 2010", "May 2nd, 2009"]


@pytest.mark.parametrize("text", [
    "Concert \u2013 23 January 2026",
    "Grant awarded \u2013 5 June 2009",
    "Dan Hughes \u2013 5 June 1985",  # a grown-up's date is not a young person's birth date
])
def test_dates_that_are_not_a_young_persons_birth_stay_quiet(found, text):
    assert found(text, "date_of_birth") == []


@pytest.mark.parametrize("text, age", [
    ("Hi Tom, a new one for you \u2013 Ashton Kerr, he's 13, lives up by the park", "13"),
    ("Child: Darcy-Mae Sullivan | Age: 9 | School: Tredworth Junior School", "9"),
])
def test_an_age_said_of_the_person_just_named_is_found(found, text, age):
    assert found(text, "date_of_birth") == [age]


def test_a_length_of_time_after_a_pronoun_is_not_an_age(found):
    assert found("Kai, he's 10 minutes late", "date_of_birth") == []


def test_a_stay_said_with_how_recent_it_is_is_health(found):
    text = "keep an eye on Jess tonight, she's only just back after her op and can't lift the amp"
    assert found(text, "health") == ["her op"]


def test_a_holiday_is_not_health(found):
    assert found("Jess is only just back after her holiday", "health") == []


@pytest.mark.parametrize("text, code", [
    ("Studio B keysafe has been changed after Saturday's fun and games \u2013 it's now 4 1 9 7, same box", "4 1 9 7"),
    ("the keypad was reset, it's now 2580#", "2580#"),
])
def test_a_locks_new_code_is_a_secret(found, text, code):
    assert found(text, "secret") == [code]


def test_a_lock_changed_without_a_code_is_fine(found):
    assert found("keysafe has been changed, it's now by the bins", "secret") == []


def test_a_registers_headings_and_our_project_names_are_not_young_peoples_names(context):
    # The organisation file names its projects; they read like people's names.
    checker = Checker(dataclasses.replace(context, org_projects=("Audio-Base", "Beat It", "Youth Voice")))
    text = ('Attendance export (term 1)\nName, Group, Sessions\n"Pryce, Ollie", Audio-Base, 9\n'
            '"Bello, Tia", Beat It, 11\n"Nwosu, Kelechi", Youth Voice, 6')
    findings = checker.check(text).findings
    assert [f.text for f in findings if f.kind == "full_name"] == ["Pryce, Ollie", "Bello, Tia", "Nwosu, Kelechi"]
    assert [f.text for f in findings if f.kind == "date_of_birth"] == []  # a session count, not an age


def test_a_transport_firms_line_is_not_personal(found):
    assert found("Minibus is booked with Cotswold Community Transport (01453 766000), ref TMW-0412.", "phone") == []
