"""Policy 3 and 5.5: never reveal where somebody lives. A public venue named as a venue is fine."""

import pytest


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Amy lives at 12 Station Road, see you there", "12 Station Road"),
        ("Drop it round to Flat 3, 4 High St please", "Flat 3, 4 High St"),
        ("Her address is 27b Beech Grove", "27b Beech Grove"),
        ("pick-up from 14-16 Church Lane", "14-16 Church Lane"),
        ("he's at 12 station road tonight", "12 station road"),
        ("They moved to 5 St Mark's Close last month", "5 St Mark's Close"),
        ("Forward post to 9 Kingsholm Rd.", "9 Kingsholm Rd."),
    ],
)
def test_street_addresses_are_found(found, text, address):
    assert found(text, "postal_address") == [address]


@pytest.mark.parametrize(
    ("text", "postcode"),
    [
        ("postcode GL6 0PQ", "GL6 0PQ"),
        ("she's in gl1 1aa", "gl1 1aa"),
        ("SW1A 1AA is famous", "SW1A 1AA"),
        ("W1A0AX", "W1A0AX"),
        ("send it to M1 1AE.", "M1 1AE"),
        ("EC1A 1BB", "EC1A 1BB"),
    ],
)
def test_uk_postcodes_are_found(found, text, postcode):
    assert found(text, "postal_address") == [postcode]


def test_a_full_home_address_gives_the_street_and_the_postcode(found):
    assert found("Jake lives at 12 Station Road, Stroud GL5 1AB", "postal_address") == ["12 Station Road", "GL5 1AB"]


@pytest.mark.parametrize(
    "text",
    [
        "Meet at the Guildhall at 6",
        "Concert in Gloucester Cathedral on Friday",
        "Gloucester Guildhall, 23 Eastgate Street, GL1 1NS: doors at 7",
        "Workshop at the Roses Theatre, Sun Street, Tewkesbury GL20 5NX",
        "Our registered office: Box Hedge Cottage, Horsley, GL6 0PP",
        "Postcode for the venue: GL1 2LR",
        "Sat nav: GL1 2LR (Gloucester Cathedral)",
        "The Cathedral is at 12 College Green, GL1 2LR",
        "The Music Works, GL6 0PP",
        "It's a 10 minute walk from the station",
        "a 20 Minute Walk round the park",
        "only 2 doors down the road",
        "Take the 10 bus to Station Road",
        "Year 9 Chosen Hill School students were brilliant",
        "Y9 1st place, B4 2nd place",
        "Room 12, then Room 4B",
        "3 Counties show at 7.30",
        "We played 3 Green Day songs",
        "M4 closed, allow extra time",
        "Top 10 tips for busking",
        "TMW-2026-0042",
    ],
)
def test_venues_the_organisations_address_and_everyday_numbers_are_fine(found, text):
    assert found(text, "postal_address") == []


def test_a_venue_then_a_home_address_is_still_a_home_address(found):
    text = "After the Guildhall she went home to 12 Station Road"
    assert found(text, "postal_address") == ["12 Station Road"]


def test_a_street_named_after_a_church_is_not_taken_for_a_venue(found):
    text = "Pick-up for Isla is from 31 Church Lane, gl3 4ht at 6pm"
    assert found(text, "postal_address") == ["31 Church Lane", "gl3 4ht"]
