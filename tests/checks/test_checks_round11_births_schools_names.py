"""Round 11 (issue 16): dates of birth, schools said in passing and young people's full names, as classes."""

import pytest

from bot.checks import Kind


def _texts(check, text, kind):
    return [f.text for f in check(text).findings if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # A date-of-birth label names a personal detail at any age: a volunteer's DBS details too.
        ("DBS for the new steward, Colin Hart, DOB 04.11.1971, cert to follow", ["04.11.1971"]),
        ("d.o.b 19-3-1988 if you need it for the insurance", ["19-3-1988"]),
        ("the form wants a dob - hers is 02.12.2012", ["02.12.2012"]),
        # An age milestone tied to a day, however the age is reached.
        ("Kian hits 18 next Weds (the 14th), new consent form then", ["14th"]),
        ("Nadia reaches sixteen on 2nd August", ["2nd August"]),
        ("his 14th falls on 20 March, a session night", ["20 March"]),
        # A birth date in words on a profile line.
        ("Born: the second of March 2011\nPlays: drums", ["second of March 2011"]),
    ],
)
def test_dates_of_birth_are_found(check, text, dates):
    assert _texts(check, text, Kind.DATE_OF_BIRTH) == dates


@pytest.mark.parametrize(
    "text",
    [
        # An organisation's anniversary, an event's date, a bare year or an age alone.
        "Audio-Base turns 10 on 3rd March - come to the party",
        "The Music Works turns twenty on 14 June",
        "Showcase on 05.07.2026, doors at 6",
        "We started the studio in 2014",
        "Priya is 15 and plays the cello",
        "FYI the certificate was issued 12.06.2024",
    ],
)
def test_dates_that_are_no_ones_birth_stay_quiet(check, text):
    assert _texts(check, text, Kind.DATE_OF_BIRTH) == []


def test_a_bare_age_beside_a_name_is_its_own_finding_not_part_of_the_name(check):
    assert _texts(check, "Amy Smith, 17, on keys", Kind.DATE_OF_BIRTH) == ["17"]


@pytest.mark.parametrize(
    ("text", "schools"),
    [
        ("kai's year 10 mocks at Rednock clash with the gig", ["Rednock"]),
        ("\u201cThe studio changed everything\u201d \u2013 Amy Smith, Ribston Hall High School", ["Ribston Hall High School"]),
    ],
)
def test_a_young_persons_school_said_in_passing_is_found(check, text, schools):
    assert _texts(check, text, Kind.SCHOOL) == schools


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Leon Marsh first came to Audio-Base at 11 and now mentors", ["Leon Marsh"]),
        ("Jade Corrigan is a proper Beat It kid", ["Jade Corrigan"]),
        ("Profile: Tilly Oakes\nBorn: ninth of July 2012\nInstrument: bass", ["Tilly Oakes"]),
        ("In tonight: Begum, Sara / Cole, Archie", ["Begum, Sara", "Cole, Archie"]),
    ],
)
def test_young_peoples_full_names_are_found_by_context(check, text, names):
    assert _texts(check, text, Kind.FULL_NAME) == names


@pytest.mark.parametrize(
    "text",
    [
        # A roster child's namesake on a grown-up organisation's staff, or a famous singer's song.
        "Amy Smith from the Lottery Fund is coming to see the studio",
        "We sang Tom Jones's Delilah at the singalong",
        # Places that look like names.
        "Pick-ups from Bishops Cleeve and Coney Hill",
        # An adult's DBS details give a date of birth, not a young person's name.
        "DBS for the new steward, Colin Hart, DOB 04.11.1971",
    ],
)
def test_adults_and_places_are_not_young_peoples_full_names(check, text):
    assert _texts(check, text, Kind.FULL_NAME) == []


def test_a_namesake_at_a_youth_council_is_still_our_participant(check):
    assert _texts(check, "Amy Smith from the Youth Council will speak", Kind.FULL_NAME) == ["Amy Smith"]


def test_a_numbered_birthday_starting_a_sentence_is_still_a_birthday(check):
    assert _texts(check, "His 12th is next Saturday, so no session for him", Kind.DATE_OF_BIRTH) != []
