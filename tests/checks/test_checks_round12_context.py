"""Round 12 (issue 16): the context around a detail decides whose it is. A venue or a business where an
event runs is no home; a word like "this" holds no password; an age in the brackets after a name ties
the school beside it to the child; a performer credited in a caption is in the picture; a register
line keeps its health notes after a bare date of birth; and an anonymous testimonial names no child.

The test roster (checks_support.py): Tom Jones and Priya Patel opted out of photos."""

import dataclasses

import pytest
from checks_support import make_context

from bot.checks import Checker, Kind


def _texts(check, text, kind):
    return [f.text for f in check(text).findings if f.kind is kind]


# Policy 3: a venue's or a business's published address, given so people can find an event or a
# supplier, is not a personal detail.
@pytest.mark.parametrize(
    "text",
    [
        "Sessions run 4.30-6pm at Kingsholm, 12 Worcester Street, Gloucester GL1 3AA.",
        "Rehearsals are held every Tuesday at 7pm at The Vault, 3 Kings Square",
        "Collect the staging from Cotswold Hire Ltd, 5 Bristol Road, Gloucester GL1 5SS",
    ],
)
def test_a_venue_or_business_address_is_not_personal(check, text):
    assert _texts(check, text, Kind.POSTAL_ADDRESS) == []


def test_a_home_after_an_event_is_still_a_home(check):
    assert _texts(check, "After the session she goes home to 12 Station Road", Kind.POSTAL_ADDRESS) == ["12 Station Road"]


# Policy 2: talk about where a password may not go is not a password; the password itself still is.
def test_the_is_inside_this_is_no_separator(check):
    assert _texts(check, "Reminder: never share the Wi-Fi password in this channel - ask Jo", Kind.SECRET) == []
    assert _texts(check, "the password for his account is Drum88!", Kind.SECRET) == ["Drum88!"]


# Policy 4.1: never give out a child's school, however the note after their name is written.
@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Case study: Ben (14, Chosen Hill School) joined us in the spring.", "Chosen Hill School"),
        ("Asha (aged 12 - Cleeve School) plays sax", "Cleeve School"),
    ],
)
def test_an_age_in_brackets_ties_the_school_to_the_child(check, text, school):
    assert _texts(check, text, Kind.SCHOOL) == [school]


# Policy 5.6: a first name the organisation's own people share is the participant when a caption
# credits them with a part.
def test_a_performer_credited_in_a_caption_is_the_participant():
    check = Checker(dataclasses.replace(make_context(), org_people=("Tom Ellis",))).check
    assert _texts(check, "Caption for the album: Tom on lead vocals, Amy on guitar", Kind.PHOTO_CONSENT) == ["Tom"]
    assert _texts(check, "Tom is doing the captions for the photos", Kind.PHOTO_CONSENT) == []


# Policy 5.6: a register line's health notes are the child's, a bare date of birth after the name or not.
def test_a_dated_register_line_keeps_its_health_note(check):
    assert "allergic" in _texts(check, "Ella Hughes 14.10.12 - allergic to nuts", Kind.HEALTH)


# An anonymous testimonial identifies nobody; the same words about a named child still count.
def test_an_anonymous_testimonial_names_no_child(check):
    assert _texts(check, "Message from a parent: 'My son has autism and this is the only club he stuck with.'",
                  Kind.HEALTH) == []
    assert _texts(check, 'One mum told us: "Amy has autism and loves it here"', Kind.HEALTH) == ["autism"]
