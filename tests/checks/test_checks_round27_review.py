"""Review of rounds 25 to 27 (issue 16): exemptions that had grown wide enough to hide a child's own
details (policy 4.1, 5.5 and 5.6).

Homes are named like venues ("Hill Barn", "the Garden Room"), so whose the address is may be said before
the venue word; an address something is posted or sent to, or that someone is at, is theirs even in a text
that sells tickets. A list word such as "legends" makes famous artists of a list only beside a famous
artist, never of our own ("our little legends ..."); a famous namesake is the child when the yardstick is
a warning or their own pride. Posting a photo with a trophy is publicity. A person named right before a
number makes it theirs, whatever the sentence before said, and a grown-up's work in brackets does not make
their number a business's.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Tasha lives at Hill Barn, 5 Mill Lane, Stroud GL5 1AA", ["5 Mill Lane", "GL5 1AA"]),
        ("Kai is staying in the Garden Room, 5 Mill Lane, Stroud GL5 1AA", ["5 Mill Lane", "GL5 1AA"]),
        ("Awards night, tickets £5, doors 7pm. Please post Tasha's certificate to The Cottage, 12 Mill Lane, "
         "Stroud GL5 1AA", ["12 Mill Lane", "GL5 1AA"]),
        ("Awards night tickets £5. Tasha is at The Cottage, 12 Mill Lane, Stroud GL5 1AA with her aunt",
         ["12 Mill Lane", "GL5 1AA"]),
    ],
)
def test_a_home_named_like_a_venue_is_still_a_home(found, text, address):
    assert found(text, "postal_address") == address


def test_our_own_little_legends_are_children_not_artists(found):
    text = "Huge well done to our little legends Tasha Pike and Kai Brown (both 12) at the Roses tonight"
    assert found(text, "full_name") == ["Tasha Pike", "Kai Brown"]


@pytest.mark.parametrize(
    "text",
    [
        "Watch out, Tom Jones is on the drums tonight!",
        "Our young legends: Tom Jones, Isla and Noah played a blinder, photos tomorrow",
        "Tom Jones would be proud of himself after tonight's solo, video up tomorrow",
    ],
)
def test_an_opted_out_child_sharing_a_famous_name_is_still_the_child(found, text):
    assert found(text, "photo_consent") == ["Tom Jones"]


def test_posting_a_photo_with_a_trophy_is_publicity(found):
    assert found("Just posted Tom J's photo with trophy", "photo_consent") == ["Tom J"]


@pytest.mark.parametrize(
    "text",
    [
        "The box office number is 01452 500500. Kai's: 01452 960391",
        "anyone got the school office number? Tasha Pike 01452 960391",
        "Tasha Pike 01452 960391 / tashapike.co.uk",
        "Tasha is staying with her aunt (works at the council) 01452 960391",
    ],
)
def test_a_persons_number_stays_theirs_beside_an_organisations(found, text):
    assert found(text, "phone") == ["01452 960391"]


def test_a_participant_hurt_moving_kit_is_still_hurt(found):
    assert found("Amy hurt her back moving the amps so Finn took over on bass.", "health") == ["hurt her back"]


def test_a_grown_up_hurt_moving_kit_while_someone_else_takes_over_is_not_a_childs_need(found):
    assert found("Gig night log: Andy twisted his ankle loading the van so Chris carried the amps.", "health") == []


def test_a_condition_about_the_firms_customers_leaves_the_firms_line_public(found):
    assert found("if anyone needs a lift home after ten, Gloucester Cars are on 01632 960612", "phone") == []
