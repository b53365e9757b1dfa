"""Round 10 (issue 16): secrets as classes, role mailboxes and addresses at a bare provider's name."""

import pytest

from bot.checks import Kind


def _texts(check, text, kind):
    return [f.text for f in check(text).findings if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # Every code of a list of backup or recovery codes is a secret.
        ("backup codes for the insta 2fa: 4829 1736, 9921 0456", ["4829 1736", "9921 0456"]),
        ("Recovery codes (keep them safe): ab7k-29xq mm4p-81zt", ["ab7k-29xq", "mm4p-81zt"]),
        # Door, key-safe, alarm and padlock codes, however they are separated or spelt.
        ("Key safe round the back, code 3-9-1-7 then push the lever", ["3-9-1-7"]),
        ("keypad now - 2580#, they changed it", ["2580#"]),
        ("the alarm is seven four zero two", ["seven four zero two"]),
        ("Padlock on the drum cage: 4 / 1 / 8", ["4 / 1 / 8"]),
        # A long random value next to key, token or secret, or a service's name.
        ("the Mailchimp key for the list is 5f2c9e1a77b04d6e8a3e0c1f9b22d7a4-us21",
         ["5f2c9e1a77b04d6e8a3e0c1f9b22d7a4-us21"]),
        ("dropbox app key k3q9z8w1x7v2m4n and the secret p0o9i8u7y6t5r4e", ["k3q9z8w1x7v2m4n", "p0o9i8u7y6t5r4e"]),
        # A Wi-Fi password on a poster or caption, after the network's name when there is one.
        ("Wifi for your backing tracks \U0001F449 BeatItRocks!2 (network: StMarysHall)", ["BeatItRocks!2"]),
        ("WiFi: GuildhallGuest \u2014 Riff&Roll77", ["Riff&Roll77"]),
    ],
)
def test_secrets_given_in_context_are_found(check, text, secrets):
    assert _texts(check, text, Kind.SECRET) == secrets


@pytest.mark.parametrize(
    "text",
    [
        "Can everyone turn on 2FA and print your backup codes",
        "The alarm goes off at 7.30 so don't be late",
        "Song's in the key of E minor, capo on 2",
        "Order ref 5f2c9e1a for the mic stands came today",
        "Wi-Fi is free in the foyer, just connect to GuildhallGuest",
        "WiFi: StudioGuest (no password)",
        "The Mailchimp key is in the shared vault",
    ],
)
def test_talk_about_codes_keys_and_wifi_is_not_a_secret(check, text):
    assert _texts(check, text, Kind.SECRET) == []


@pytest.mark.parametrize(
    "text",
    [
        "Equipment loans via hires@svartshub.org.uk",
        "The SENCO is senco@stroudhigh.gloucs.sch.uk",
        "Invoices for the hall: treasurer@stmaryshall.org.uk",
    ],
)
def test_an_organisations_role_mailbox_is_not_a_personal_address(check, text):
    assert _texts(check, text, Kind.EMAIL_ADDRESS) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("drop Aisha a line, aishabeatz at icloud", "aishabeatz at icloud"),
        ("Kai's email is kai_drums09 at hotmail", "kai_drums09 at hotmail"),
        ("send the stems to aishabeatz@icloud.com", "aishabeatz@icloud.com"),
    ],
)
def test_a_persons_address_is_found_even_at_a_bare_provider_name(check, text, address):
    assert _texts(check, text, Kind.EMAIL_ADDRESS) == [address]
