"""Round 18 (issue 16): numbers said in words in phones and codes, read through one shared reading of
spoken digits; and secrets given in context with no "password:" label (host keys, a shared login's
"it's ...", a code "same as the bike shed")."""

from __future__ import annotations

import pytest

from bot.checks import CheckContext, Checker
from bot.checks.spoken_digits import SpokenDigits


@pytest.mark.parametrize("said, digits", [
    ("oh seven seven double two", "07722"),
    ("treble five oh", "5550"),
    ("one-nine-eight-four", "1984"),
    ("nineteen eighty-four", "1984"),
    ("07 eight 9 two", "07892"),
    ("double 3 nought", "330"),
])
def test_spoken_digits_are_read_one_way_for_every_detector(said, digits):
    assert SpokenDigits().read(said) == digits


def test_an_organisation_adds_its_own_words_for_digits():
    spoken = SpokenDigits({"spoken_digits": ["niner 9"]})
    assert spoken.read("niner niner two") == "992"


@pytest.mark.parametrize("text, number", [
    ("text his mum on oh seven nine double four, one two three, five six seven",
     "oh seven nine double four, one two three, five six seven"),
    ("my mobile: 07 seven double 0 nine 00 3 two 1", "07 seven double 0 nine 00 3 two 1"),
    ("ring Sasha's dad - zero-seven-eight-one-one-treble-two-four-five-six", "zero-seven-eight-one-one-treble-two-four-five-six"),
    ("it's +44 seven nine double one, two two three, four five six", "+44 seven nine double one, two two three, four five six"),
    # Whose number it is comes first, so "session" after it is not an identifier's label.
    ("Her dad's number if the session runs late: oh seven nine one one, two two six, four eight one",
     "oh seven nine one one, two two six, four eight one"),
    ("Her dad's number if the session runs late: 07911 226481", "07911 226481"),
])
def test_a_personal_number_read_out_in_words_is_found(found, text, number):
    assert found(text, "phone") == [number]


@pytest.mark.parametrize("text", [
    "Our office is on oh one four five two, five oh three, five five oh",  # the organisation's own line
    "The Guildhall box office: oh one four five two, five oh three, oh five oh",
    "Count them in: one two three four, five six seven eight, and go",
    "Room two oh four, then room one oh six after the break",
])
def test_our_own_line_businesses_and_counting_stay_clean(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize("text, code", [
    ("Key safe by the bins is two-oh-one-six", "two-oh-one-six"),
    ("the cage padlock: treble four", "treble four"),  # three digits are a padlock's code
    ("Back gate is double seven three one", "double seven three one"),
    ("alarm code's nine 3 double oh", "nine 3 double oh"),
    ("Shed lock is eight, eight, one, two", "eight, eight, one, two"),
])
def test_a_door_or_lock_code_said_in_words_is_a_secret(found, text, code):
    assert found(text, "secret") == [code]


@pytest.mark.parametrize("text", [
    "The key safe is round the back, by the bins",
    "Doors at seven, curtain up at seven thirty",
    "Give the side door two or three good shoves",
    "Years seven, eight and nine use the back gate",
])
def test_talk_of_doors_and_times_in_words_is_fine(found, text):
    assert found(text, "secret") == []


@pytest.mark.parametrize("text, key", [
    ("Can't make the start, claim host - it's 604 118", "604 118"),
    ("If it asks, the host key, it's 371920", "371920"),
    ("claim host? the code is two one four, eight eight six", "two one four, eight eight six"),
])
def test_a_host_key_given_after_claim_host_is_a_secret(found, text, key):
    assert found(text, "secret") == [key]


@pytest.mark.parametrize("text", [
    "I'll claim host at 6:50 and let people in",
    "Zoom meeting ID 812 4471 0093, claim host when you join",
    "Order 604118, it's due Friday",
])
def test_meeting_ids_times_and_orders_are_not_host_keys(found, text):
    assert found(text, "secret") == []


def test_a_shared_login_said_with_its_password_flags_only_the_password(found):
    text = "login for the Bandcamp is sales@themusicworks.org.uk and it's Fretless#Bass4"
    assert found(text, "secret") == ["Fretless#Bass4"]
    assert found("The Canva account is design@themusicworks.org.uk and it's paid up till May", "secret") == []


@pytest.mark.parametrize("text, code", [
    ("Piano store is 6620, same as the bike shed", "6620"),
    ("Same code as the back gate: 4711", "4711"),
])
def test_a_code_same_as_another_locks_is_a_secret(found, text, code):
    assert found(text, "secret") == [code]


@pytest.mark.parametrize("text", [
    "The code's the same as the bike shed, ask Dev",
    "Subs are £20, same as last term",
    "We start at 1830, same as the Monday group",
])
def test_same_as_without_a_code_given_out_is_fine(found, text):
    assert found(text, "secret") == []


def test_the_secret_detector_reads_an_organisations_extra_digit_words():
    checker = Checker(CheckContext(extra_terms={"spoken_digits": ["niner 9"]}))
    result = checker.check("Key safe is niner niner one two")
    assert [f.text for f in result.findings if f.kind == "secret"] == ["niner niner one two"]
