"""Round 25 (issue 16): public numbers in ranges not yet given out (policy 4.1 and 5.5).

Ofcom keeps 01632 960xxx for drama and examples, so people paste it as a venue's or a firm's line just as
they would a real one. A number starting 01 or 02 is a landline by its prefix, so a box office, a hall's
office, a taxi firm or a duty manager keeps its public line whatever range it is in. A number given on its
own right after a sentence that asks for or names an organisation's number is that organisation's. Whose
number it is, said anywhere near it ("her home number", "ring Jo's dad on"), still makes it personal, and a
mobile is never a public line.
"""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Rehearsal moves to the village hall; if the door's locked, the hall office is on 01632 960421",
        "Coach firm for the trip: Severn Coaches, 01632 960747",
        "if anyone needs a lift home after ten, Gloucester Cars are on 01632 960612",
        "On the night, ring the duty manager on 01632 960123 about access",
        "Visiting crew: Sam Dee, Technical Manager – tech@westgatearts.org.uk / 01632 960552",
    ],
)
def test_a_public_line_in_the_drama_range_is_not_a_personal_number(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "does anyone have the school office number?\n> yep 01632 960388",
        "Could you add the theatre's ticket line to the page? It is 01632 960266.",
    ],
)
def test_a_number_given_after_a_sentence_asking_for_an_organisations_line_is_that_line(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Kai's gran has no mobile, her home number is 01632 960455", "01632 960455"),
        ("Ring Tasha's dad on 01632 960340 about the lift home please", "01632 960340"),
        ("What's the box office number?\n> dunno, text Leon on 07700 900845 he booked them", "07700 900845"),
        ("if parents need a cab, Severn Taxis, or ring Jo's dad on 07700 900418 who offered", "07700 900418"),
        ("can the centre office ring Ellie's nan instead? nan's number is 01632 960217", "01632 960217"),
    ],
)
def test_a_persons_own_number_stays_personal_beside_an_organisations(found, text, number):
    assert found(text, "phone") == [number]
