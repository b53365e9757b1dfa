"""Round 11 (issue 16): codes keyed in, Wi-Fi passwords in a sentence, numbers labelled as something
else, businesses' own lines, and an organisation's own premises."""

import pytest

from bot.checks import Kind


def _texts(check, text, kind):
    return [f.text for f in check(text).findings if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # A code with the key pressed after it is a code, however its digits are separated.
        ("Back door is 3-1-4-1 then #", ["3-1-4-1"]),
        ("code 7 2 2 0 enter and you're in", ["7 2 2 0"]),
        ("store cupboard: 9.0.4.6 then the tick key", ["9.0.4.6"]),
        # In a sentence about Wi-Fi, the password a few words after its label, not the network's name.
        ("guest wifi is Hall_Visitors, password skylark22", ["skylark22"]),
        ("the wifi is 'OakRoom' and the key is taped under the router: acorn-4412", ["acorn-4412"]),
        # Typed in when the password is asked for.
        ("pick LoftGuest then enter violin33 when it asks for the password", ["violin33"]),
    ],
)
def test_codes_keyed_in_and_wifi_passwords_are_secrets(check, text, secrets):
    assert _texts(check, text, Kind.SECRET) == secrets


@pytest.mark.parametrize(
    "text",
    [
        "guest Wi-Fi is Hall_Visitors, the password is on the card at the bar",
        "Wi-Fi name is OakRoom5G, password is the usual one",
        "count in 1 2 3 4 then the strings enter",
        "it finished 2-1 then 3-1 after extra time",
        "The door code is four digits then the # key, I'll message it to you",
    ],
)
def test_network_names_hints_and_counts_are_not_secrets(check, text):
    assert _texts(check, text, Kind.SECRET) == []


@pytest.mark.parametrize(
    "text",
    [
        # A number labelled as another identifier, a few words before it.
        "session ID for the mixdown is 0745-2231-88",
        "the catalogue number on the sleeve is 0117 496 0022",
        # A business's or an office's landline, named as such.
        "The shop's number is 01242 580 113",
        "ring the branch on 0117 496 0300 to check",
        "Violin repair place on Northgate, their number's 01452 300 448",
    ],
)
def test_identifiers_and_business_lines_are_not_personal_numbers(check, text):
    assert _texts(check, text, Kind.PHONE) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("my number's 07451 223 188 if the session runs late", ["07451 223 188"]),
        ("the shop's owner gave me her mobile, 07700 900 318", ["07700 900 318"]),
    ],
)
def test_personal_numbers_stay_leaks(check, text, numbers):
    assert _texts(check, text, Kind.PHONE) == numbers


@pytest.mark.parametrize(
    "text",
    [
        "We've moved! our office is now at The Exchange, 12 Eastgate Street, Gloucester",
        "Our HQ has moved to 55 London Road, Cheltenham GL52 6HL",
        "Directions: the theatre is at 41 Bath Road, turn left at the lights",
        "find us at 22 Northgate Street, up the stairs next to the bakery",
        "The gig's at The Fleece, 6 Westgate Street",
    ],
)
def test_an_organisations_premises_and_venues_are_not_personal_addresses(check, text):
    assert _texts(check, text, Kind.POSTAL_ADDRESS) == []


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("Our office is shut, so post it to my home, 71 Tewkesbury Road", ["71 Tewkesbury Road"]),
        ("We've moved house! we're now at 14 Laburnum Close, pop round", ["14 Laburnum Close"]),
    ],
)
def test_home_addresses_stay_leaks(check, text, addresses):
    assert _texts(check, text, Kind.POSTAL_ADDRESS) == addresses
