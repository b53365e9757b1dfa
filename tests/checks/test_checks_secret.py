"""Policy 2 and 5.4: keep passwords safe; never write them into messages."""

import pytest

from bot.checks import MESSAGES, Kind

FAKE_SLACK_BOT_TOKEN = "xoxb-" + "1234567890-0987654321-" + "AbCdEfGhIjKlMnOpQrStUvWx"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("the password is hunter2", "hunter2"),
        ("pw: Xy7!kq2...", "Xy7!kq2"),
        ("Password: Tr0ub4dor&3", "Tr0ub4dor&3"),
        ("the login is bob / P@ssw0rd1", "P@ssw0rd1"),
        ("login: amy@themusicworks.org.uk / Summer2026!", "Summer2026!"),
        ("The wifi password for the studio is Gu1tar-Hero", "Gu1tar-Hero"),
        ("Facebook password changed to \"BlueMonkey77\"", "BlueMonkey77"),
        ("the password is sunshine", "sunshine"),
        ("passphrase: correct-horse-battery-staple", "correct-horse-battery-staple"),
        ("Door code is 4821", "4821"),
        # A place named between the label and the code, a passcode, a code digit by digit, a setting.
        ("The key safe at the community centre is 3391", "3391"),
        ("Alarm code at the Stroud studio is 2468", "2468"),
        ("meeting ID 331 882 1045 passcode 7702", "7702"),
        ("Gate code: 5 8 2 1 then push hard", "5 8 2 1"),
        ("TMW_SLACK_BOT_TOKEN=a8d9f7e6c5b4a3928171", "a8d9f7e6c5b4a3928171"),
        ("PIN: 0907", "0907"),
        ("username/password: bob/hunter22", "hunter22"),
        ("my password is still Summer2024!", "Summer2024!"),
        (f"bot token {FAKE_SLACK_BOT_TOKEN}", FAKE_SLACK_BOT_TOKEN),
        ("xapp-1-A0123456789-0123456789012-abcdef0123456789", "xapp-1-A0123456789-0123456789012-abcdef0123456789"),
        ("xoxp-0123456789-0123456789-abcdefabcdef", "xoxp-0123456789-0123456789-abcdefabcdef"),
        ("AWS key AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        (
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ),
        ("ghp_" + "a1B2" * 9, "ghp_" + "a1B2" * 9),
        (
            "hook: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        ),
    ],
)
def test_passwords_and_tokens_are_found_and_the_span_is_the_secret_itself(found, text, secret):
    assert found(text, "secret") == [secret]


@pytest.mark.parametrize(
    "text",
    [
        "All laptops are password protected",
        "Please change your password regularly",
        "The password is in the drawer",
        "the password is on the whiteboard in the office",
        "Password: ********",
        "The password is required to log in",
        "forgot my password again",
        "We keep passwords in the password manager",
        "password reset link sent",
        "password: see LastPass",
        "Your password has been changed",
        "The token of our thanks is attached",
        "Pin badges are 50p",
        "PIN for the door is in the office, room 12B",
        "the login page is at https://example.org/login",
        "Please log in and check the rota",
        "the password is the same as before",
        "What's the wifi password?",
        "The key safe at the church hall is round the back by the bins",
        "Meeting ID and passcode are in the calendar invite",
        "Set SLACK_SIGNING_SECRET in the .env file before you start the bot",
    ],
)
def test_talk_about_passwords_is_not_a_password(found, text):
    assert found(text, "secret") == []


def test_the_message_never_repeats_the_secret(check):
    [finding] = check("password: hunter2").findings
    assert "hunter2" not in finding.message
    assert finding.message == MESSAGES[Kind.SECRET]
    assert "hunter2" not in check("password: hunter2").redacted


def test_a_private_key_block_is_a_secret(found):
    key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
    assert found(f"here you go:\n{key}\nthanks", "secret") == [key]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("info@themusicworks.org.uk | www.themusicworks.org.uk | 01452 503550", None),
        ("bookings@example.org / www.example.org.uk", None),
        ("the studio login is jo.bloggs@gmail.com | Bassline!77", "Bassline!77"),
    ],
)
def test_an_address_then_a_website_is_a_signature_not_a_login(found, text, secret):
    """Policy 4: a signature's "address | website" is public contact detail; an address then a password
    is still a login given away."""
    assert found(text, "secret") == ([secret] if secret else [])
