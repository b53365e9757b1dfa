"""Policy 4.1 and 5.5: never give out a mobile number or anyone's contact details."""

import pytest

from bot.checks import CheckContext, Checker


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Call Jo on 07700 900123 if you're running late", "07700 900123"),
        ("Jo's mobile is 07700900123", "07700900123"),
        ("ring +44 7700 900 123 after 6", "+44 7700 900 123"),
        ("Her mum's number: (01452) 123456", "(01452) 123456"),
        ("text 0044 7700 900123 please", "0044 7700 900123"),
        ("our US partner is on +1 415 555 0100", "+1 415 555 0100"),
        ("landline 020 7946 0018.", "020 7946 0018"),
        ("call 07912-345-678 tomorrow", "07912-345-678"),
        ("mob: 07912 345 678", "07912 345 678"),
        ("+447912345678", "+447912345678"),
        ("Paris office +33 1 42 68 53 00", "+33 1 42 68 53 00"),
        ("Dad is on 01452 123 456, mum on 07700 900456", "01452 123 456"),
    ],
)
def test_personal_phone_numbers_are_found_in_every_common_format(found, text, number):
    assert number in found(text, "phone")


def test_two_numbers_side_by_side_are_two_findings(found):
    assert found("Numbers: 07700 900123 / 07700 900456", "phone") == ["07700 900123", "07700 900456"]


@pytest.mark.parametrize(
    "text",
    [
        "Our office is on 01452 300400",
        "Call TMW on +44 1452 300400",
        "ring 01452300400 for tickets",
        "or 0044 1452 300 400",
    ],
)
def test_the_organisations_own_number_is_fine_in_any_format(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "Rehearsal starts at 10:30 and finishes 12:30",
        "Doors 7.30pm, first act 19:45",
        "10:30-12:30 in the big hall",
        "Tickets are £5, or £12.50 with a programme",
        "In 2026 we will run three projects",
        "The 2025-2026 season, and 2024/25 before it",
        "We're in Room 101, then Room 12",
        "Take the 94 bus or bus 10 from the station",
        "Your ticket reference is TMW-2026-0042",
        "order #123456 is confirmed",
        "Order number 01234 567890 has shipped",
        "Invoice ref: 0123456789",
        "Concert on 3 March 2026 at 19:30",
        "Dates: 12/03/2026 - 14/03/2026",
        "20 January 2026 19:00",
        "Registered charity number 1106979, company 5195345",
        "ISBN 978-3-16-148410-0",
        "Score was 2-1, then 3-0 and 4-4",
        "1 2 3 4 5 6 7 8, here we go",
        "see https://example.org/events/07700900123 for details",
        "<https://example.org/p/01452123456|the event page>",
    ],
)
def test_times_prices_years_rooms_buses_dates_and_references_are_not_phone_numbers(found, text):
    assert found(text, "phone") == []


def test_slack_tel_links_are_phone_numbers(check):
    text = "ring <tel:+447700900123|07700 900123> now"
    result = check(text)
    [finding] = result.findings
    assert finding.kind == "phone"
    assert finding.text == "+447700900123"
    assert result.redacted == "ring [phone number removed] now"


def test_slack_tel_link_to_the_organisation_is_fine(check):
    assert check("ring <tel:01452300400|01452 300400>").findings == []


def test_the_default_region_can_be_changed():
    checker = Checker(CheckContext(region="US"))
    assert [f.text for f in checker.check("call (415) 555-0100 today").findings] == ["(415) 555-0100"]
