"""Round 29 (issue 16): organisations' public numbers and mailboxes, however they are named (policy 3,
4.1 and 5.5).

The policy keeps people's own contact details private: a young person's, a parent's, a freelancer's,
anyone's home number or personal mailbox. An organisation's public line or desk mailbox is not a person's
contact detail, and reporting it teaches people to ignore the check. So a landline is the organisation's
when the organisation is named by its kind ("ring the leisure centre on"), on the line or in the sentence
just before the bare number (a signature, a poster's footer, a question asking to ring it), by its own name
before "their number", or in a table whose rows are venues or suppliers. A press release's media contact,
a service's out-of-hours or text line and a staff member's work mobile are given out to be used, mobile or
not. Whose number it is, said anywhere near it ("her mum's", "call me on", "Mrs Carr", a first name), still
makes it personal, and a capitalised name alone on the line above ("The Old Vicarage") may be a home.
"""

import dataclasses

import pytest
from checks_support import finder, make_context, span_checked

from bot.checks import Checker


@pytest.mark.parametrize(
    "text",
    [
        "If the car park's full, phone the sports centre on 01632 960314 and they'll open the overflow.",
        "Flyers are with the printers (Inkwell, 01632 960318) – chase them Monday",
        "Can somebody ring the council's licensing desk? 01452 396123, the form's overdue.",
        "Thanks for booking with us.\n\nBookings Team\nHucclecote Community Centre\nTel: 01632 960322",
        "SPRING SHOWCASE\nSat 4 April, 2pm\nAll welcome, at the Wheatstone Hall\n01632 960326",
        "Minibus for the trip:\nCotswold Coaches Ltd\n01632 960330",
        "The Black Horse said we can have the function room, their number's 01632 960334",
    ],
)
def test_an_organisations_landline_named_in_ways_the_lists_missed_is_not_personal(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "Venue | Capacity | Phone\nKings Walk Rooms | 120 | 01632 960338\nEastgate Vaults | 80 | 01632 960342",
        "Supplier\tWhat\tNumber\nBright Spark Lighting\tlamps\t01632 960346\nTees & Prints\tT-shirts\t01632 960350",
    ],
)
def test_a_landline_in_a_table_of_venues_or_suppliers_is_theirs(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "For the residential, the centre's out-of-hours line is 07700 900354.",
        "Our text line for the mentoring scheme is 07700 900358 (weekdays only).",
        "Notes to editors\nMedia enquiries: Anna Lloyd, communications officer, 07700 900362",
        "The festival is run by the district council. Press: 01632 960366",
    ],
)
def test_a_services_line_and_a_press_contact_are_given_out_to_be_used(found, text):
    assert found(text, "phone") == []


@pytest.fixture(scope="module")
def found_with_staff():
    context = dataclasses.replace(make_context(), org_people=("Sam Okafor", "Rachel Green"))
    return finder(span_checked(Checker(context)))


def test_a_staff_members_work_mobile_given_as_such_is_not_personal(found_with_staff):
    text = "Best wishes,\nRachel Green\nOffice Manager\nWork mobile: 07700 900370"
    assert found_with_staff(text, "phone") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Poppy's mum works at the leisure centre, her mobile is 07700 900374", "07700 900374"),
        ("Staying with her aunt near the cathedral\n01632 960378", "01632 960378"),
        ("The Old Vicarage, Painswick\n01632 960382", "01632 960382"),
        ("The Harper family said their number is 01632 960386", "01632 960386"),
        ("Tried the box office, no answer, so call me on 01632 960390 instead", "01632 960390"),
        ("Venue | Contact | Phone\nThe Wharf | Jo (Amy's mum) | 01632 960394", "01632 960394"),
        ("Kai's text line 07700 900398", "07700 900398"),
        ("Jo's work mobile is 07700 900402", "07700 900402"),
    ],
)
def test_a_persons_own_number_stays_personal_beside_an_organisations(found, text, number):
    assert found(text, "phone") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Send the invoice to wharf.bookings@wharfstroud.co.uk please",
        "Track for the show goes to breakfast@severnfm.co.uk",
        "Billing questions: billing@stagehire.co.uk",
    ],
)
def test_an_organisations_desk_mailbox_is_not_a_personal_address(found, text):
    assert found(text, "email_address") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mia's mum asked us to use jade.porter@gmail.com for the consent form", "jade.porter@gmail.com"),
        ("Send the stems to ollie.bookings@hotmail.co.uk, he's doing the mix", "ollie.bookings@hotmail.co.uk"),
    ],
)
def test_a_persons_own_address_stays_personal(found, text, address):
    assert found(text, "email_address") == [address]
