"""Round 14 (issue 16): organisations' desks are not people, a pasted email shows who it went to, a
run of addresses said to go out in one email is a Bcc matter, and secrets given in plain sentences."""

import pytest

from bot.checks import Kind


def _texts(check, text, kind):
    return [f.text for f in check(text).findings if f.kind is kind]


@pytest.mark.parametrize(
    "text",
    [
        # A local part made of role words at an organisation's domain is a desk, not a person.
        "Please send the report to grants.team@riverfunders.org.uk by Friday.",
        "The loans are handled by hub.admin@westmusichub.org.uk.",
        "Receipts go to accountspayable@brightline.co.uk.",
        "Our contact at the council is licensing@eastshire.gov.uk.",
        "> From: Site Manager <manager@oldmillhall.org.uk>\n> The heating is on from 5.",
    ],
)
def test_organisations_role_mailboxes_are_not_personal_addresses(check, text):
    assert _texts(check, text, Kind.EMAIL_ADDRESS) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A first name, an initial or a name with digits makes it a person's, role word or not.
        ("Forward it to amy.office@riverfunders.org.uk please.", "amy.office@riverfunders.org.uk"),
        ("Her address is hannah.bell.music@gmail.com.", "hannah.bell.music@gmail.com"),
        # An email someone outside sent, pasted with its headers, shows the address it went to.
        ("From: finance@venue.org.uk\nTo: abi.kettering@gmail.com\nSubject: Remittance\n\nFor your records.",
         "abi.kettering@gmail.com"),
        ("From: Pat Greer <pat.greer@hotmail.com>\nTo: hello@themusicworks.org.uk\nSubject: Lessons\n\nHi!",
         "pat.greer@hotmail.com"),
    ],
)
def test_personal_addresses_are_leaks_wherever_they_appear(check, text, address):
    assert _texts(check, text, Kind.EMAIL_ADDRESS) == [address]


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("I'll send the form to all of them at once \u2013 jo.k@gmail.com, sam.t@outlook.com \u2013 in one email.",
         "jo.k@gmail.com, sam.t@outlook.com"),
        ("Could you email the two tutors in one go? rae.b@gmail.com and tom.w@icloud.com",
         "rae.b@gmail.com and tom.w@icloud.com"),
        ("Also cc'd in lou.f@icloud.com and danny.b@gmail.com on the reply.",
         "cc'd in lou.f@icloud.com and danny.b@gmail.com"),  # from its label, as "To: ..." is
    ],
)
def test_a_run_of_addresses_sent_to_together_is_a_bcc_finding_only(check, text, run):
    assert _texts(check, text, Kind.BCC) == [run]
    assert _texts(check, text, Kind.EMAIL_ADDRESS) == []


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Keypad by the bins: star, three, one, one, eight and push.", ["star, three, one, one, eight"]),
        ("At the key safe press six, zero, two, two then pull the lever.", ["six, zero, two, two"]),
        ("The office PC password is the dog's name and the year, so Pepper2025.", ["Pepper2025"]),
        ("It's tmw.design and Quaver_77 for the Canva.", ["Quaver_77"]),
        ("Instagram: @tmw_live / Bassline#9", ["Bassline#9"]),
    ],
)
def test_secrets_said_in_sentences_are_found(check, text, secrets):
    assert _texts(check, text, Kind.SECRET) == secrets


@pytest.mark.parametrize(
    "text",
    [
        "The password is written on the whiteboard, so ask Jo.",
        "Use code TMWSPRING10 for 10% off hoodies in our shop.",
        "Files: setlist_v2 / Rota_2026 are in the drive.",
        "The theme is the year the band formed, so Formed2019 is the hashtag.",
    ],
)
def test_talk_about_passwords_and_look_alikes_are_not_secrets(check, text):
    assert _texts(check, text, Kind.SECRET) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Open evening: the door locks at 6.30, just tap 1-9-9-6-# on the keypad and come up.", "1-9-9-6-#"),
        ("the keypad at the gate, just dial 5521 and push", "5521"),
    ],
)
def test_a_code_keyed_in_at_a_door_is_a_secret(check, text, code):
    assert _texts(check, text, Kind.SECRET) == [code]


@pytest.mark.parametrize(
    "text",
    [
        # A phone number dialled at the door, and a year "hit hard" at a gate party, are no codes.
        "If nobody answers at the door, dial 0800 123 4567 for the caretaker.",
        "Hit 2024 hard at the gate party!",
    ],
)
def test_numbers_dialled_or_hit_near_a_door_are_not_codes(check, text):
    assert _texts(check, text, Kind.SECRET) == []


def test_a_long_run_of_handle_like_text_is_no_secret(check):
    # The account-and-password patterns once backtracked over every "_" of a long token (timed in
    # benchmarks/bench_long_texts.py).
    assert _texts(check, "use " + "a_" * 50_000, Kind.SECRET) == []
